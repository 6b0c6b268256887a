// Accounts on the real Maven CRM pipeline: 8,800 opportunities over 85 accounts, joined to its accounts table.
// Accounts are formed from the `account` column; every stage and summary below is counted straight from the
// CSV. Opportunities with a blank account stay alone, and are counted. A clone without ../shared skips this
// file, and says so.
import { describe, expect, it } from 'vitest';
import {
  type AccountClassification,
  type Config,
  classifyAccount,
  compile,
  type FieldMap,
  groupByAccount,
  mapLead,
} from '../../src/index';
import { present, rowsOf, skipUnlessPresent } from './data';

skipUnlessPresent('accounts on the real Maven pipeline');

const map: FieldMap = {
  version: 1,
  id: 'maven-opportunities',
  fields: [
    { from: 'opportunity_id', to: 'id' },
    { from: 'account', to: 'accountId' },
    { from: 'deal_stage', to: 'custom.dealStage' },
    { from: 'product', to: 'custom.product' },
  ],
  events: [{ type: 'deal_engaged', from: 'engage_date' }],
};

// An opportunity: SQO once engaged or won, SAL while prospecting, else (lost) unqualified; 10 points if won.
const leadConfig: Config = {
  version: 1,
  id: 'maven-opportunity',
  facts: { 'custom.dealStage': { type: 'string' }, 'custom.product': { type: 'string' } },
  criteria: { won: { when: { fact: 'custom.dealStage', eq: 'Won' } } },
  scoring: {
    groups: { engagement: { max: 100 } },
    rules: [{ id: 'won', group: 'engagement', points: 10, when: { criterion: 'won' } }],
  },
  stages: [
    { id: 'SQO', when: { fact: 'custom.dealStage', in: ['Engaging', 'Won'] } },
    { id: 'SAL', when: { fact: 'custom.dealStage', eq: 'Prospecting' } },
    { id: 'unqualified' },
  ],
};

// An account: key when it won 50 deals or more and has 5,000 people (from the accounts table); a customer
// once it won one; a prospect before.
const accountConfig: Config = {
  version: 1,
  id: 'maven-accounts',
  level: 'account',
  facts: { 'account.sector': { type: 'string' } },
  criteria: {
    customer: { when: { members: { where: { criterion: 'won' } } } },
    loyal: { when: { members: { where: { criterion: 'won' }, count: { gte: 50 } } } },
    large: { when: { fact: 'account.employees', gte: 5000 } },
    busy: { when: { members: { stage: 'SQO', count: { gte: 100 } } } },
    revenue: { when: { members: { score: 'engagement', sum: { gte: 500 } } } },
  },
  stages: [
    { id: 'key', when: { all: [{ criterion: 'loyal' }, { criterion: 'large' }] } },
    { id: 'customer', when: { criterion: 'customer' } },
    { id: 'prospect' },
  ],
};

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

describe.runIf(present)('Maven: summarize --accounts equals the library', () => {
  it('gives the accounts per stage the library gives, with the accounts table joined', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { DATA } = await import('./data');
    const directory = mkdtempSync(join(tmpdir(), 'leadstage-maven-accounts-'));
    writeFileSync(join(directory, 'map.json'), JSON.stringify(map));
    writeFileSync(join(directory, 'lead.json'), JSON.stringify(leadConfig));
    writeFileSync(join(directory, 'account.json'), JSON.stringify(accountConfig));
    const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
    const result = spawnSync(
      process.execPath,
      [
        cli,
        'summarize',
        join(DATA, 'maven', 'sales_pipeline.csv'),
        '--map',
        join(directory, 'map.json'),
        '--config',
        join(directory, 'lead.json'),
        '--as-of',
        '2017-12-31',
        '--accounts',
        '--account-config',
        join(directory, 'account.json'),
        '--accounts-file',
        join(DATA, 'maven', 'accounts.csv'),
        '--format',
        'json',
        '--quiet',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(result.status, result.stderr).toBe(0);
    const view = JSON.parse(result.stdout).accounts;
    // the library: the 85 accounts of the column, and the 1,425 opportunities with a blank account alone
    const rows = rowsOf('maven', 'sales_pipeline.csv');
    const facts = new Map(rowsOf('maven', 'accounts.csv').map((row) => [row.account, row]));
    const grouping = groupByAccount(rows.map((row) => mapLead(row, map).lead));
    const inputs = [
      ...grouping.accounts.map((account) => ({
        id: account.id,
        facts: facts.get(account.id),
        members: account.members,
      })),
      ...grouping.alone.map((lead) => ({ id: (lead as { id: string }).id, members: [lead] })),
    ];
    const perStage: Record<string, number> = { key: 0, customer: 0, prospect: 0 };
    for (const input of inputs) {
      const stage = classifyAccount(input, accountConfig, { asOf: '2017-12-31', leadConfig }).stage;
      perStage[stage] = (perStage[stage] ?? 0) + 1;
    }
    expect(view.total).toBe(85 + 1425);
    expect(
      Object.fromEntries(Object.entries(view.stages).map(([id, s]) => [id, (s as { count: number }).count])),
    ).toEqual(perStage);
    expect(view.accountsFile).toEqual({ accounts: 85, withoutMembers: [] });
  }, 120_000);
});
