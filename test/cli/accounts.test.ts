// `leadstage classify --accounts`: the built CLI, one row per account.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('leadstage classify --accounts', () => {
  it('groups the leads by account and writes one row per account, with its buying group', () => {
    const leads = [
      'id,accountId,contact.title,authority.role,budget.status',
      'c1,Nuvola,CFO,decision_maker,approved',
      'c2,Nuvola,VP Sales,champion,',
      'c3,Bianchi,Buyer,user,',
      'c4,,Intern,,',
    ].join('\n');
    const events = ['leadId,type,at', 'c1,demo_completed,2026-06-20', 'c2,webinar_attended,2026-06-10'].join(
      '\n',
    );
    const directory = mkdtempSync(join(tmpdir(), 'leadstage-accounts-'));
    writeFileSync(join(directory, 'leads.csv'), leads);
    writeFileSync(join(directory, 'events.csv'), events);
    const { code, stdout, stderr } = run([
      'classify',
      join(directory, 'leads.csv'),
      '--events',
      join(directory, 'events.csv'),
      '--config',
      'saas',
      '--accounts',
      '--as-of',
      '2026-06-30',
      '--format',
      'csv',
      '--force',
    ]);
    expect(code, stderr).toBe(0);
    const rows = parse(stdout, { columns: true }) as Array<Record<string, string>>;
    // Nuvola: decision maker and champion, both engaged → the group is there, no member is an SQO yet
    // Bianchi: every role known, nobody decides → missing; c4 has no account: an account of its own, counted
    expect(
      rows.map((row) => [row.accountId, row.memberCount, row.members, row.missingRoles, row.unknownRoles]),
    ).toEqual([
      ['Nuvola', '2', 'c1;c2', '', ''],
      ['Bianchi', '1', 'c3', 'decision_maker;champion', ''],
      ['c4', '1', 'c4', '', 'decision_maker;champion'],
    ]);
    expect(rows[0]?.stage).toBe('SAL');
    expect(stderr).toContain('1 of 4 leads had no account id, company domain or company name');
  });

  it('refuses a lead config as the account config, and account options without --accounts', () => {
    const wrong = run([
      'classify',
      'examples/leads.csv',
      '--config',
      'saas',
      '--accounts',
      '--account-config',
      'presets/saas.json',
      '--as-of',
      '2026-06-30',
      '--force',
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('not an account config');
    const alone = run(['classify', 'examples/leads.csv', '--config', 'saas', '--account-by', 'account']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--account-by needs --accounts');
  });

  it('refuses the per-lead outputs with --accounts: the CRM write-back, per-row instants, follow-up from entry', () => {
    for (const extra of [
      ['--format', 'crm', '--crm', 'hubspot'],
      ['--as-of-column', 'createdAt'],
      ['--follow-up-from', 'stage-entry'],
    ]) {
      const { code, stderr } = run([
        'classify',
        'examples/leads.csv',
        '--config',
        'saas',
        '--accounts',
        ...extra,
      ]);
      expect(code).toBe(2);
      expect(stderr).toContain(
        `--accounts: writes one row per account; --format crm, --as-of-column and --follow-up-from are per lead (received ${extra[0] === '--format' ? '--format crm' : extra[0]})`,
      );
    }
  });
});
