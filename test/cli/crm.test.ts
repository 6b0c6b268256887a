// `classify --format crm --crm hubspot|salesforce|generic`: a file each CRM's importer takes back. Each file
// is checked against the importer's documented rules (docs/crm-maps.md, "Writing back", cites them): the id
// column the importer matches records by, property names it accepts, numbers with a point, picklist values
// among the options the docs tell you to create, dates in the documented forms; formula-leading cells
// escaped; and the round trip — the file re-read with the built-in map gives the same ids and stages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compile, explainBlocker, mapLead, maps, presets } from '../../src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const AS_OF = '2026-06-30T00:00:00.000Z';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'leadstage-crm-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// HubSpot contacts as the UI exports them; the third has no Record ID and a formula for a company name
const hubspotContacts = file(
  'hubspot.csv',
  [
    'Record ID,Create Date,First Name,Email,Seniority,Company Name,Number of Employees,Buying Role',
    '101,2026-05-02,Ana,ana@acme.test,executive,Acme,250,DECISION_MAKER',
    '102,2026-06-01,Bo,bo@globex.test,entry,Globex,25-50,END_USER',
    ',2026-06-10,Cy,cy@initech.test,,"=HYPERLINK(""http://x"")",10,',
  ].join('\n'),
);
// Salesforce leads as Data Loader exports them (Id, API names)
const salesforceLeads = file(
  'salesforce.csv',
  [
    'Id,CreatedDate,FirstName,Email,Title,Company,NumberOfEmployees',
    '00Q5g00000ABC001AA,2026-05-02T08:00:00.000Z,Ana,ana@acme.test,CEO,Acme,250',
    '00Q5g00000ABC002AA,2026-06-01T08:00:00.000Z,Bo,bo@globex.test,Analyst,Globex,30',
  ].join('\n'),
);
// plain events joined by the leads' ids
const events = file(
  'events.csv',
  [
    'leadId,type,at',
    '101,webinar_attended,2026-06-10T09:00:00Z',
    '101,demo_completed,2026-06-20T15:00:00Z',
    '102,webinar_attended,2026-06-25T10:00:00Z',
    '00Q5g00000ABC001AA,webinar_attended,2026-06-10T09:00:00Z',
    '00Q5g00000ABC002AA,webinar_attended,2026-06-25T10:00:00Z',
  ].join('\n'),
);

const rowsOf = (csv: string) => parse(csv, { columns: true, bom: true }) as Array<Record<string, string>>;
const saas = compile(presets.saas);
const STAGES = presets.saas.stages.map((stage) => stage.id);
const GRADES = ['A', 'B', 'C', 'D'].flatMap((letter) =>
  ['1', '2', '3', '4'].map((digit) => `${letter}${digit}`),
);
const PROPERTIES = [
  'leadstage_stage',
  'leadstage_score',
  'leadstage_fit_score',
  'leadstage_engagement_score',
  'leadstage_grade',
  'leadstage_next_ask',
  'leadstage_follow_up_by',
  'leadstage_follow_up_from',
  'leadstage_config',
];
// a number property: digits, one point, an optional minus; no thousands separators, no exponent
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The same leads as ndjson full results, follow-ups from stage entry (what the CRM file writes). */
function results(leads: string, map: string) {
  const { code, stdout } = run([
    'classify',
    leads,
    '--map',
    map,
    '--events',
    events,
    '--config',
    'saas',
    '--as-of',
    AS_OF,
    '--format',
    'ndjson',
    '--follow-up-from',
    'stage-entry',
  ]);
  expect(code).toBe(0);
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('classify --format crm --crm hubspot', () => {
  const { code, stdout, stderr } = run([
    'classify',
    hubspotContacts,
    '--map',
    'hubspot',
    '--events',
    events,
    '--config',
    'saas',
    '--as-of',
    AS_OF,
    '--format',
    'crm',
    '--crm',
    'hubspot',
  ]);
  const rows = rowsOf(stdout);
  const expected = results(hubspotContacts, 'hubspot');

  it('writes Record ID and the leadstage properties, one row per lead', () => {
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(['Record ID', ...PROPERTIES].join(','));
    expect(rows.map((row) => row['Record ID'])).toEqual(['101', '102', '']);
    // a row HubSpot cannot match is reported, not dropped
    expect(stderr).toContain('no record id (Record ID left blank): the CRM cannot match the row to a record');
  });

  it('writes values HubSpot imports: numbers, internal values, YYYY-MM-DD dates, the config', () => {
    for (const [index, row] of rows.entries()) {
      const result = expected[index];
      expect(row.leadstage_stage).toBe(result.stage);
      expect(STAGES).toContain(row.leadstage_stage);
      for (const column of ['leadstage_score', 'leadstage_fit_score', 'leadstage_engagement_score'])
        expect(row[column], column).toMatch(NUMBER);
      expect(Number(row.leadstage_score)).toBe(result.scores.total);
      expect(Number(row.leadstage_fit_score)).toBe(result.scores.fit);
      expect(GRADES).toContain(row.leadstage_grade);
      expect(row.leadstage_grade).toBe(result.grade);
      expect(row.leadstage_next_ask).toBe(
        result.next === undefined ? '' : explainBlocker(result.next.blockers[0], { locale: 'en' }),
      );
      expect(row.leadstage_config).toBe(`saas@${saas.hash}`);
    }
    // by hand: 101 is SAL since its webinar on 10 June 09:00, 102 since 25 June 10:00; the preset's SAL
    // follow-up is 7 days: due 17 June and 2 July (from asOf it would be 7 July for both). A date picker
    // property takes the day.
    expect(rows.map((row) => row.leadstage_follow_up_by)).toEqual(['2026-06-17', '2026-07-02', '']);
    expect(rows.map((row) => row.leadstage_follow_up_from)).toEqual(['stage-entry', 'stage-entry', '']);
    expect(rows[0]?.leadstage_next_ask).toBe(
      'Budget available — unknown. Ask for the budget range and who signs off. (collect: budget status, budget amount)',
    );
  });

  it('round-trips: the file read with maps.hubspot gives the same ids and stages', () => {
    const reread = rows.map((row) => ({
      id: mapLead(row, maps.hubspot).lead.id,
      stage: row.leadstage_stage,
    }));
    expect(reread).toEqual(expected.map((result) => ({ id: result.leadId, stage: result.stage })));
    expect(reread.map((row) => row.id)).toEqual(['101', '102', undefined]);
  });
});

describe('classify --format crm --crm salesforce', () => {
  const { code, stdout } = run([
    'classify',
    salesforceLeads,
    '--map',
    'salesforce',
    '--events',
    events,
    '--config',
    'saas',
    '--as-of',
    AS_OF,
    '--format',
    'crm',
    '--crm',
    'salesforce',
  ]);
  const rows = rowsOf(stdout);
  const expected = results(salesforceLeads, 'salesforce');

  it('writes Id and custom field API names (__c) Data Loader maps by name', () => {
    expect(code).toBe(0);
    const header = stdout.split('\n')[0]?.split(',') ?? [];
    expect(header).toEqual(['Id', ...PROPERTIES.map((name) => `${name}__c`)]);
    // a custom field's name: a letter first, letters, digits and single underscores, at most 40 before __c
    for (const name of header.slice(1)) {
      const base = name.slice(0, -'__c'.length);
      expect(base).toMatch(/^[a-z](?:[a-z0-9]|_(?!_))*[a-z0-9]$/);
      expect(base.length).toBeLessThanOrEqual(40);
    }
    // a Salesforce id: 15 or 18 characters
    for (const row of rows) expect(row.Id).toMatch(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/);
  });

  it("writes dates in Data Loader's yyyy-MM-ddTHH:mm:ss.SSSZ, numbers with a point", () => {
    // by hand: SAL since the webinars (10 June 09:00, 25 June 10:00) + 7 days
    expect(rows.map((row) => row.leadstage_follow_up_by__c)).toEqual([
      '2026-06-17T09:00:00.000Z',
      '2026-07-02T10:00:00.000Z',
    ]);
    for (const [index, row] of rows.entries()) {
      expect(row.leadstage_follow_up_by__c).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(row.leadstage_follow_up_by__c).toBe(expected[index].followUpBy);
      expect(row.leadstage_score__c).toMatch(NUMBER);
      expect(Number(row.leadstage_score__c)).toBe(expected[index].scores.total);
      expect(row.leadstage_stage__c).toBe(expected[index].stage);
      // Text(255) fields
      for (const column of ['leadstage_stage__c', 'leadstage_grade__c', 'leadstage_config__c'])
        expect((row[column] ?? '').length).toBeLessThanOrEqual(255);
    }
  });

  it('round-trips: the file read with maps.salesforce gives the same ids and stages', () => {
    expect(
      rows.map((row) => ({ id: mapLead(row, maps.salesforce).lead.id, stage: row.leadstage_stage__c })),
    ).toEqual(expected.map((result) => ({ id: result.leadId, stage: result.stage })));
  });
});

describe('classify --format crm --crm generic', () => {
  const hostile = join(ROOT, 'test', 'cli', 'fixtures', 'hostile-ids.csv');
  const config = join(ROOT, 'test', 'cli', 'fixtures', 'config.json');

  it('writes id and the properties a config without groups, grades or follow-ups has', () => {
    const { code, stdout } = run([
      'classify',
      hostile,
      '--config',
      config,
      '--as-of',
      AS_OF,
      '--format',
      'crm',
      '--crm',
      'generic',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'id,leadstage_stage,leadstage_score,leadstage_next_ask,leadstage_follow_up_by,leadstage_follow_up_from,leadstage_config',
    );
  });

  it('escapes formula-leading cells as --format csv does, and not with --no-escape-formulas', () => {
    const args = ['classify', hostile, '--config', config, '--as-of', AS_OF, '--format'];
    const crm = rowsOf(run([...args, 'crm', '--crm', 'generic']).stdout).map((row) => row.id);
    const csv = rowsOf(run([...args, 'csv']).stdout).map((row) => row.leadId);
    // the same cells, the id trimmed as the maps trim it (a trailing CR is no part of a record id)
    expect(crm).toEqual(csv.map((id) => id?.trim()));
    expect(crm.slice(0, 4)).toEqual([
      `'=HYPERLINK("http://evil.test","click")`,
      `'+cmd|' /C calc'!A0`,
      "'@SUM(1+1)",
      "'-2+3",
    ]);
    const raw = rowsOf(run([...args, 'crm', '--crm', 'generic', '--no-escape-formulas']).stdout).map(
      (row) => row.id,
    );
    expect(raw[0]).toBe('=HYPERLINK("http://evil.test","click")');
  });

  it('escapes formulas behind white space, and reads every escaped cell back as it was (the round trip)', () => {
    const ids = ['=1+1', ' =2+2', '\u00a0=3+3', '\ufeff@SUM(1)', '\n+4', '-5', "'=6", 'plain', "it's"];
    // NDJSON in, so the ids are exactly these strings
    const leads = file(
      'formula-ids.ndjson',
      `${ids.map((id) => JSON.stringify({ id, budget: { status: 'approved' } })).join('\n')}\n`,
    );
    const args = ['--config', config, '--as-of', AS_OF, '--force'];
    const written = run(['classify', leads, ...args, '--format', 'crm', '--crm', 'generic']);
    expect(written.code).toBe(0);
    const cells = rowsOf(written.stdout).map((row) => row.id as string);
    // every cell a spreadsheet would run, even behind spaces, NBSP, a BOM or a line break, starts with '
    for (const cell of cells) expect(cell).not.toMatch(/^\s*[=+\-@]/);
    // six formulas, and the text that already started with '= (so that reading back strips one ' only)
    expect(cells.filter((cell) => cell.startsWith("'"))).toHaveLength(7);
    expect(cells).toContain("''=6");
    // read back by the CLI: the ids the leads had (trimmed, as ids are read)
    const back = run([
      'classify',
      file('written.csv', written.stdout),
      ...args,
      '--format',
      'ndjson',
      '--detail',
      'stage',
    ]);
    expect(back.code).toBe(0);
    const reread = back.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).leadId);
    expect(reread).toEqual(ids.map((id) => id.trim()));
  });

  it('names a score column after each scoring group, and refuses two groups that would share one', () => {
    const groups = (names: string[]) =>
      file(
        `groups-${names.length}-${names[0]}.json`,
        JSON.stringify({
          version: 1,
          id: 'groups',
          criteria: {},
          scoring: {
            groups: Object.fromEntries(names.map((name) => [name, {}])),
            rules: names.map((name, index) => ({
              id: `r${index}`,
              group: name,
              points: -5,
              when: { fact: 'id', exists: true },
            })),
          },
          stages: [{ id: 'lead' }],
        }),
      );
    const leads = file('one.csv', 'id\nx1\n');
    const named = run([
      'classify',
      leads,
      '--config',
      groups(['Need & Pain', 'authority']),
      '--as-of',
      AS_OF,
      '--format',
      'crm',
      '--crm',
      'generic',
    ]);
    expect(named.code).toBe(0);
    expect(named.stdout.split('\n')[0]).toContain(
      'leadstage_score,leadstage_need_pain_score,leadstage_authority_score,',
    );
    // a negative score is a number, not a formula: never escaped
    expect(rowsOf(named.stdout)[0]).toMatchObject({
      leadstage_score: '-10',
      leadstage_need_pain_score: '-5',
    });
    const clash = run([
      'classify',
      leads,
      '--config',
      groups(['a b', 'a-b']),
      '--as-of',
      AS_OF,
      '--format',
      'crm',
      '--crm',
      'generic',
    ]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain(
      'scoring groups "a b" and "a-b" would both be written as leadstage_a_b_score',
    );
  });

  it('refuses --format crm without --crm, --crm without it, and results without words', () => {
    const base = ['classify', join(ROOT, 'examples', 'leads.csv'), '--config', 'saas', '--as-of', AS_OF];
    const missing = run([...base, '--format', 'crm']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--crm: expected hubspot, salesforce, generic, received ""');
    const alone = run([...base, '--crm', 'hubspot']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--crm: only with --format crm');
    const statuses = run([...base, '--format', 'crm', '--crm', 'hubspot', '--detail', 'statuses']);
    expect(statuses.code).toBe(2);
    expect(statuses.stderr).toContain('--format crm: writes the next ask in words');
  });
});
