// `leadstage classify --accounts`: the built CLI, one row per account.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/** `classify <leads> --config saas --accounts --as-of 2026-06-30 --format csv`: exit 0, the rows read back. */
function accountsCsv(leads: string, ...extra: string[]) {
  const { code, stdout, stderr } = run([
    'classify',
    leads,
    ...extra,
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
  return { rows: parse(stdout, { columns: true }) as Array<Record<string, string>>, stderr };
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
    const { rows, stderr } = accountsCsv(
      join(directory, 'leads.csv'),
      '--events',
      join(directory, 'events.csv'),
    );
    // Nuvola: decision maker and champion, both engaged → the group is there, no member is an SQO yet
    // Bianchi: every role known, nobody decides → missing; c4 has no account: an account of its own, counted
    expect(
      rows.map((row) => [
        row.accountId,
        row.accountKey,
        row.memberCount,
        row.members,
        row.missingRoles,
        row.unknownRoles,
      ]),
    ).toEqual([
      ['Nuvola', 'id:Nuvola', '2', 'c1;c2', '', ''],
      ['Bianchi', 'id:Bianchi', '1', 'c3', 'decision_maker;champion', ''],
      ['c4', '', '1', 'c4', '', 'decision_maker;champion'],
    ]);
    expect(rows[0]?.stage).toBe('SAL');
    expect(stderr).toContain('1 of 4 leads had no account id, company domain or company name');
  });

  it('tells apart an account id and a company domain that spell alike (accountKey)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'leadstage-accounts-'));
    writeFileSync(
      join(directory, 'leads.csv'),
      ['id,accountId,company.domain', 'a1,acme.com,', 'a2,,acme.com', 'a3,,www.acme.com'].join('\n'),
    );
    const { rows } = accountsCsv(join(directory, 'leads.csv'));
    expect(rows.map((row) => [row.accountId, row.accountKey, row.members])).toEqual([
      ['acme.com', 'id:acme.com', 'a1'],
      ['acme.com', 'domain:acme.com', 'a2;a3'],
    ]);
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

describe('leadstage summarize --accounts and report --accounts, with --accounts-file', () => {
  const directory = mkdtempSync(join(tmpdir(), 'leadstage-accounts-view-'));
  writeFileSync(
    join(directory, 'leads.csv'),
    [
      'id,accountId,contact.title,authority.role,budget.status',
      'c1,Nuvola,CFO,decision_maker,approved',
      'c2,Nuvola,VP Sales,champion,',
      'c3,Bianchi,Buyer,user,',
      'c4,,Intern,,',
    ].join('\n'),
  );
  writeFileSync(
    join(directory, 'events.csv'),
    ['leadId,type,at', 'c1,demo_completed,2026-06-20', 'c2,webinar_attended,2026-06-10'].join('\n'),
  );
  // Nuvola has a row (200 people: the b2b preset's size rule, +20 fit); Ghost has no lead
  writeFileSync(
    join(directory, 'accounts.csv'),
    ['accountId,employees', 'Nuvola,200', 'Ghost,10'].join('\n'),
  );
  const base = [
    join(directory, 'leads.csv'),
    '--events',
    join(directory, 'events.csv'),
    '--config',
    'saas',
    '--as-of',
    '2026-06-30',
    '--force',
    '--accounts',
  ];

  it('sums up the accounts: per stage, buying-group coverage, grades, the file accounts with no lead', () => {
    const { code, stdout, stderr } = run([
      'summarize',
      ...base,
      '--accounts-file',
      join(directory, 'accounts.csv'),
      '--format',
      'json',
    ]);
    expect(code, stderr).toBe(0);
    const view = JSON.parse(stdout).accounts;
    // three accounts: Nuvola (SAL, as classify --accounts gives it), Bianchi and the lone c4 (unqualified)
    expect(view.total).toBe(3);
    expect(view.stages.SAL).toEqual({ count: 1, share: 1 / 3 });
    expect(view.stages.unqualified).toEqual({ count: 2, share: 2 / 3 });
    // each role: held at Nuvola, missing at Bianchi (every role known), not known at c4
    expect(view.roles).toEqual([
      { role: 'decision_maker', present: 1, missing: 1, unknown: 1 },
      { role: 'champion', present: 1, missing: 1, unknown: 1 },
    ]);
    // Nuvola: fit 20 (decision maker) + 20 (200 people, from the accounts file) = 40 → A; engagement 30 → 2
    expect(view.grades.A2).toEqual({ count: 1, share: 1 / 3 });
    expect(view.grouping.alone).toBe(1);
    expect(view.accountsFile).toEqual({ accounts: 2, withoutMembers: ['Ghost'] });
    expect(stderr).toContain('1 of its 2 accounts have no lead: not classified ("Ghost")');
  });

  it('says when a row of the accounts file joins accounts whose ids differ only in case', () => {
    // grouped exactly (CRM ids are case-sensitive), joined in any case: both get Nuvola's row, said once
    writeFileSync(
      join(directory, 'cased.csv'),
      [
        'id,accountId,authority.role',
        'k1,Nuvola,decision_maker',
        'k2,NUVOLA,champion',
        'k3,Bianchi,user',
      ].join('\n'),
    );
    const { code, stdout, stderr } = run([
      'summarize',
      join(directory, 'cased.csv'),
      '--config',
      'saas',
      '--as-of',
      '2026-06-30',
      '--force',
      '--accounts',
      '--accounts-file',
      join(directory, 'accounts.csv'),
      '--format',
      'json',
    ]);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).accounts.total).toBe(3);
    expect(stderr).toContain(
      '1 of its rows joined more than one account of the leads, whose ids differ only in case ("Nuvola" and "NUVOLA")',
    );
    expect(stderr.match(/differ only in case/g)).toHaveLength(1);
  });

  it('writes the accounts view in words, in English and Italian', () => {
    const en = run(['summarize', ...base]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('Accounts: 3 (from 4 leads), account config b2b-account');
    expect(en.stdout).toMatch(/decision maker\s+1\s+1\s+1/);
    const it = run(['summarize', ...base, '--locale', 'it']);
    expect(it.stdout).toContain('Account per fase');
    expect(it.stdout).toContain('Gruppo d’acquisto');
  });

  it('adds an accounts section with its tables to the report', () => {
    const out = join(directory, 'report.html');
    const { code, stderr } = run(['report', ...base, '--out', out]);
    expect(code, stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    const section = page.slice(page.indexOf('<section id="accounts">'));
    expect(section).toContain('<h2>Accounts</h2>');
    expect(section).toContain('<td>decision maker</td>');
    expect(section).toContain('Accounts per grade');
  });

  it('refuses an accounts file without an id column, naming the columns it has', () => {
    writeFileSync(join(directory, 'bad.csv'), ['name,employees', 'Nuvola,200'].join('\n'));
    const { code, stderr } = run(['summarize', ...base, '--accounts-file', join(directory, 'bad.csv')]);
    expect(code).toBe(2);
    expect(stderr).toContain('no account id column; expected one of "accountId"');
    expect(stderr).toContain('received the columns "name", "employees"');
    writeFileSync(join(directory, 'map.json'), JSON.stringify({ id: 'name' }));
    const mapped = run([
      'summarize',
      ...base,
      '--accounts-file',
      join(directory, 'bad.csv'),
      '--account-map',
      join(directory, 'map.json'),
      '--format',
      'json',
    ]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout).accounts.accountsFile).toEqual({ accounts: 1, withoutMembers: [] });
  });
});
