// The Maven accounts through the CLI (`summarize --accounts --accounts-file`): the accounts per stage equal the
// library's. It spawns the built CLI, so it runs with the CLI tests, after the build. A clone without
// ../shared skips it, and says so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyAccount, groupByAccount, mapLead } from '../../src/index';
import { DATA, present, rowsOf, skipUnlessPresent } from '../real/data';
import { accountConfig, leadConfig, map } from '../real/mavenAccounts';

skipUnlessPresent('summarize --accounts on the real Maven pipeline');

describe.runIf(present)('Maven: summarize --accounts equals the library', () => {
  it('gives the accounts per stage the library gives, with the accounts table joined', () => {
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
