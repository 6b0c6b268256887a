// Accounts on the real Maven CRM pipeline: 8,800 opportunities over 85 accounts, joined to its accounts table.
// Accounts are formed from the `account` column; every stage and summary below is counted straight from the
// CSV. Opportunities with a blank account stay alone, and are counted. A clone without ../shared skips this
// file, and says so.
import { describe, expect, it } from 'vitest';
import {
  type AccountClassification,
  classifyAccount,
  compile,
  groupByAccount,
  mapLead,
} from '../../src/index';
import { present, rowsOf, skipUnlessPresent } from './data';

skipUnlessPresent('accounts on the real Maven pipeline');

import { accountConfig, leadConfig, map } from './mavenAccounts';

describe.runIf(present)('Maven: accounts from the account column', () => {
  const rows = present ? rowsOf('maven', 'sales_pipeline.csv') : [];
  const accountRows = present ? rowsOf('maven', 'accounts.csv') : [];
  const leads = rows.map((row) => mapLead(row, map).lead);
  const grouping = groupByAccount(leads);
  const facts = new Map(accountRows.map((row) => [row.account, row]));
  const asOf = '2017-12-31';
  const lead = compile(leadConfig);
  const results = grouping.accounts.map((account) =>
    classifyAccount(
      { id: account.id, facts: facts.get(account.id), members: account.members },
      accountConfig,
      {
        asOf,
        leadConfig: lead,
      },
    ),
  );
  const byId = new Map<string, AccountClassification>(
    results.map((result) => [result.accountId as string, result]),
  );

  // straight from the CSV: per account, its opportunities, won and engaged-or-won
  const counted = new Map<string, { rows: number; won: number; sqo: number }>();
  for (const row of rows) {
    if (row.account === '') continue;
    const entry = counted.get(row.account as string) ?? { rows: 0, won: 0, sqo: 0 };
    entry.rows++;
    if (row.deal_stage === 'Won') entry.won++;
    if (row.deal_stage === 'Won' || row.deal_stage === 'Engaging') entry.sqo++;
    counted.set(row.account as string, entry);
  }

  it('forms the 85 accounts of the column, and leaves the blank ones alone, counted', () => {
    expect(grouping.counts.accounts).toBe(85);
    expect(counted.size).toBe(85);
    const blank = rows.filter((row) => row.account === '').length;
    expect(blank).toBe(1425);
    expect(grouping.counts.alone).toBe(blank);
    expect(grouping.counts.grouped).toBe(rows.length - blank);
    expect(grouping.counts.byRule.id).toBe(rows.length - blank);
    for (const [account, entry] of counted) expect(byId.get(account)?.memberCount, account).toBe(entry.rows);
  });

  it('gives each account the stage its own rows give it', () => {
    for (const [account, entry] of counted) {
      const employees = Number(facts.get(account)?.employees);
      const expected =
        entry.won >= 50 && employees >= 5000 ? 'key' : entry.won >= 1 ? 'customer' : 'prospect';
      const result = byId.get(account) as AccountClassification;
      expect(result.stage, account).toBe(expected);
      expect(result.criteria.busy?.status, account).toBe(entry.sqo >= 100 ? 'met' : 'unmet');
      expect(result.criteria.revenue?.status, account).toBe(entry.won * 10 >= 500 ? 'met' : 'unmet');
      expect(result.criteria.customer?.members?.length, account).toBe(entry.won);
      expect(result.members.filter((member) => member.stage === 'SQO').length, account).toBe(entry.sqo);
      expect(result.flags, account).toEqual([]);
    }
  });

  it('sums up as the CSV does: accounts per stage, members per stage', () => {
    const perStage: Record<string, number> = {};
    for (const result of results) perStage[result.stage] = (perStage[result.stage] ?? 0) + 1;
    const expected: Record<string, number> = {};
    for (const [account, entry] of counted) {
      const stage =
        entry.won >= 50 && Number(facts.get(account)?.employees) >= 5000
          ? 'key'
          : entry.won >= 1
            ? 'customer'
            : 'prospect';
      expected[stage] = (expected[stage] ?? 0) + 1;
    }
    expect(perStage).toEqual(expected);
    // every account of this pipeline has won a deal: none is a prospect
    expect(expected.prospect).toBeUndefined();
    const members = results.flatMap((result) => result.members);
    const grouped = rows.filter((row) => row.account !== '');
    expect(members.filter((member) => member.stage === 'SQO').length).toBe(
      grouped.filter((row) => row.deal_stage === 'Won' || row.deal_stage === 'Engaging').length,
    );
    expect(members.filter((member) => member.stage === 'unqualified').length).toBe(
      grouped.filter((row) => row.deal_stage === 'Lost').length,
    );
  });
});
