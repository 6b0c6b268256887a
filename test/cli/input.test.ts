// Files from anywhere, read carefully (issue 18, CLI side): encodings, CSV dialects, unclosed quotes, empty
// rows, duplicate ids, events through activity maps, outcome columns, one warning per cause and a run
// summary. Each case runs the built CLI on a fixture made for it, and compares with the library.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyMany, mapLead, maps, presets } from '../../src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const AS_OF = '2026-06-30T00:00:00.000Z';
const CONFIG = fixture('config.json');

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `classify --format ndjson`: the results, parsed. */
function results(stdout: string): Array<{ leadId?: string; stage: string; flags?: string[] }> {
  return stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

const classifyArgs = (file: string, ...more: string[]) => [
  'classify',
  file,
  '-c',
  CONFIG,
  '--as-of',
  AS_OF,
  '--format',
  'ndjson',
  '--detail',
  'statuses',
  ...more,
];

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('encodings', () => {
  it('strips a UTF-8 BOM from NDJSON and from a JSON array', () => {
    for (const file of ['bom.ndjson', 'bom.json']) {
      const { code, stdout, stderr } = run(classifyArgs(fixture(file)));
      expect(code, stderr).toBe(0);
      expect(results(stdout).map((result) => [result.leadId, result.stage])).toEqual([
        ['a', 'SQO'],
        ['b', 'unqualified'],
      ]);
    }
  });

  it('decodes UTF-16 LE and BE from their byte-order mark', () => {
    for (const file of ['utf16le.csv', 'utf16be.csv']) {
      const { code, stdout, stderr } = run(classifyArgs(fixture(file)));
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(/UTF-16/);
      expect(results(stdout).map((result) => [result.leadId, result.stage])).toEqual([
        ['José', 'SQO'],
        ['Zoë', 'SAL'],
      ]);
    }
  });

  it('reads invalid UTF-8 as Windows-1252, with one notice naming the line', () => {
    const { code, stdout, stderr } = run(classifyArgs(fixture('windows-1252.csv')));
    expect(code, stderr).toBe(0);
    expect(results(stdout).map((result) => result.leadId)).toEqual(['José', 'Café “Ø” €']);
    expect(stderr.match(/Windows-1252/g)).toHaveLength(1);
    expect(stderr).toMatch(/windows-1252\.csv: not valid UTF-8 \(line 2, byte \d+\): read as Windows-1252/);
  });
});

describe('CSV dialect', () => {
  it('sniffs a semicolon CSV (Excel in Italy), quote-aware, and says so', () => {
    const { code, stdout, stderr } = run(classifyArgs(fixture('semicolon.csv')));
    expect(code, stderr).toBe(0);
    expect(results(stdout).map((result) => [result.leadId, result.stage])).toEqual([
      ['a', 'SQO'],
      ['b', 'SAL'],
      ['c', 'SAL'],
    ]);
    expect(stderr).toContain('columns separated by semicolon');
    // forced: the semicolon file read with commas is one column, and no lead has an id
    const forced = run(classifyArgs(fixture('semicolon.csv'), '--delimiter', ','));
    expect(results(forced.stdout).every((result) => result.leadId === undefined)).toBe(true);
    expect(run(classifyArgs(fixture('semicolon.csv'), '--delimiter', 'ab')).code).toBe(2);
  });

  it('stops at a quote that is never closed, with its line, instead of a total of 1', () => {
    const { code, stderr } = run(classifyArgs(fixture('unclosed-quote.csv')));
    expect(code).toBe(1);
    expect(stderr).toMatch(/unclosed-quote\.csv:3: a quoted field opened on this line is never closed/);
    noStack(stderr);
    const summary = run([
      'summarize',
      fixture('unclosed-quote.csv'),
      '-c',
      CONFIG,
      '--as-of',
      AS_OF,
      '--format',
      'json',
    ]);
    expect(summary.code).toBe(1);
    expect(summary.stdout).toBe('');
  });

  it('skips and counts empty rows; keeps the first row of a duplicate id by default, and counts it', () => {
    const file = fixture('empty-and-duplicates.csv');
    const first = run(classifyArgs(file));
    expect(first.code, first.stderr).toBe(0);
    expect(results(first.stdout).map((result) => [result.leadId, result.stage])).toEqual([
      ['a', 'SQO'],
      ['b', 'SAL'],
    ]);
    expect(first.stderr).toMatch(
      /empty-and-duplicates\.csv:5: a lead id seen on an earlier row: 1 row, e\.g\. "a"/,
    );
    expect(first.stderr).toContain(
      '5 rows read, 2 leads, 3 skipped (2 empty, 0 unreadable, 1 duplicate id, kept the first)',
    );
    const last = run(classifyArgs(file, '--dedupe', 'last'));
    expect(results(last.stdout).map((result) => [result.leadId, result.stage])).toEqual([
      ['a', 'unqualified'],
      ['b', 'SAL'],
    ]);
    const none = run(classifyArgs(file, '--dedupe', 'none'));
    expect(results(none.stdout).map((result) => result.leadId)).toEqual(['a', 'b', 'a']);
    expect(none.stderr).toContain('1 duplicate id, all kept: --dedupe none');
    expect(run(classifyArgs(file, '--dedupe', 'newest')).code).toBe(2);
  });

  it('names duplicate headers, and reads the first', () => {
    const { code, stdout, stderr } = run(classifyArgs(fixture('duplicate-headers.csv')));
    expect(code).toBe(0);
    expect(stderr).toMatch(/duplicate column name "budget\.amount"/);
    expect(results(stdout)[0]?.stage).toBe('SQO'); // 5000, not 10
  });

  it('sniffs NDJSON on stdin that starts with blank lines', () => {
    const { code, stdout } = run(
      ['classify', '-', '-c', CONFIG, '--as-of', AS_OF, '--format', 'ndjson', '--detail', 'stage'],
      // more blank lines than the first chunk of a pipe holds
      `${'\n'.repeat(100_000)}  \n{"id":"a","budget":{"amount":5000}}\n{"id":"b"}\n`,
    );
    expect(code).toBe(0);
    expect(results(stdout)).toEqual([
      { leadId: 'a', stage: 'SAL' },
      { leadId: 'b', stage: 'unqualified' },
    ]);
  });
});

describe('warnings: one line per cause, then a run summary', () => {
  const hubspot = (...more: string[]) => [
    'classify',
    fixture('us-dates.csv'),
    '--map',
    'hubspot',
    '-c',
    'saas',
    '--as-of',
    AS_OF,
    '--format',
    'ndjson',
    '--detail',
    'stage',
    ...more,
  ];

  it('reports a US-dated export once per column, with a count, examples, lines and the fix', () => {
    const { code, stderr } = run(hubspot());
    expect(code).toBe(0);
    const lines = stderr.trim().split('\n');
    const dates = lines.filter((line) => line.includes('column "Create Date"'));
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatch(
      /us-dates\.csv:2: column "Create Date": .*: 40 values, e\.g\. "06\/01\/2026", "06\/02\/2026", "06\/03\/2026" \(lines 2, 3, 4, …\) — set read\.dateFormat .* or --date-format/,
    );
    expect(
      lines.filter((line) => line.includes('column "Number of Employees"') && line.includes('lots')),
    ).toHaveLength(1);
    expect(stderr).toContain('40 rows read, 40 leads');
    expect(stderr).toContain('unreadable values: "Create Date" 40, "Number of Employees" 4');
    // --date-format fixes it
    const fixed = run(hubspot('--date-format', 'MM/dd/yyyy'));
    expect(fixed.stderr).not.toContain('"Create Date"');
  });

  it('--quiet prints no warnings, --max-warnings caps them, --strict fails on the first', () => {
    const quiet = run(hubspot('--quiet'));
    expect(quiet.code).toBe(0);
    expect(quiet.stderr.trim().split('\n')).toHaveLength(1); // the as-of line only
    const capped = run(hubspot('--max-warnings', '1'));
    expect(capped.stderr).toContain('… and 1 more warning (--max-warnings 1)');
    const strict = run(hubspot('--strict'));
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/us-dates\.csv:2: stopped at the first data problem \(--strict\)/);
    expect(run(hubspot('--max-warnings', 'many')).code).toBe(2);
  });

  it('reports unreadable values of a file without a map (dotted headers) as with --map', () => {
    const { code, stderr } = run([
      'classify',
      fixture('unreadable.csv'),
      '-c',
      'saas',
      '--as-of',
      AS_OF,
      '--format',
      'ndjson',
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /unreadable\.csv:2: column "company\.employees": unreadable value: 2 values, e\.g\. "not-a-number", "many" \(lines 2, 4\)/,
    );
    expect(stderr).toMatch(
      /unreadable\.csv:2: column "budget\.amount": unreadable value: 1 value, e\.g\. "abc" \(line 2\)/,
    );
    expect(stderr).toMatch(
      /unreadable\.csv:2: column "timeline\.purchaseBy": unreadable date: 1 value, e\.g\. "2026-99-99"/,
    );
  });
});

describe('events', () => {
  it('reads a HubSpot activities export through --events-map, and counts what was used and why not', () => {
    const { code, stdout, stderr } = run([
      'classify',
      fixture('hubspot.csv'),
      '--map',
      'hubspot',
      '--events',
      fixture('hubspot-activities.csv'),
      '--events-map',
      'hubspot-activities',
      '-c',
      'saas',
      '--as-of',
      AS_OF,
      '--format',
      'ndjson',
      '--detail',
      'statuses',
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(
      /events \(.*hubspot-activities\.csv\): 5 read, 2 used, not used: 1 unreadable \(dropped\); 1 of types the config never reads: meeting_held 1; 1 whose lead id matches no lead/,
    );
    expect(stderr).toMatch(/hubspot-activities\.csv:6: .*"Activity Date".*1 event/);
    // lead 101 has the form submission from the activities file, read as the config's type
    const row =
      'Record ID,Create Date,Original Source,First Name,Email,Seniority,Company Name,Number of Employees,Annual Revenue,Buying Role,First Conversion Date';
    const cells =
      '101,2026-05-02,ORGANIC_SEARCH,Ana,ana@acme.test,executive,Acme,"1,000+","$2,500,000",DECISION_MAKER;CHAMPION,2026-06-20';
    const values = cells.match(/("[^"]*"|[^,]+)/g)?.map((cell) => cell.replace(/^"|"$/g, '')) ?? [];
    const mapped = mapLead(
      Object.fromEntries(row.split(',').map((key, index) => [key, values[index]])),
      maps.hubspot,
    ).lead;
    // the CLI counts the follow-up from the stage entry by default, as classifyMany does on request
    const [expected] = classifyMany(
      [
        {
          ...mapped,
          events: [
            ...(mapped.events ?? []),
            {
              type: 'contact_form_submitted',
              at: '2026-06-20T10:00:00.000Z',
              props: { subject: 'Pricing form' },
            },
            { type: 'meeting_held', at: '2026-06-21T10:00:00.000Z', props: { subject: 'Intro' } },
          ],
        },
      ],
      presets.saas,
      { asOf: AS_OF, detail: 'statuses', followUpFrom: 'stage-entry' },
    );
    expect(results(stdout)[0]).toEqual(expected);
  });

  it('reads event types by the reading rule ("Demo Completed" is demo_completed), with did-you-mean', () => {
    const { code, stderr } = run([
      'summarize',
      fixture('hubspot.csv'),
      '--map',
      'hubspot',
      '--events',
      fixture('events-labels.csv'),
      '-c',
      'saas',
      '--as-of',
      AS_OF,
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(
      /events \(.*events-labels\.csv\): 5 read, 3 used, not used: 1 of types the config never reads: page_view 1 \(did you mean \w+_page_viewed\?\); 1 whose lead id matches no lead/,
    );
  });

  it('fails when no event of the file can be used, unless --force', () => {
    const args = [
      'classify',
      fixture('hubspot.csv'),
      '--map',
      'hubspot',
      '--events',
      fixture('events-unused.csv'),
      '-c',
      'saas',
      '--as-of',
      AS_OF,
      '--format',
      'ndjson',
    ];
    const refused = run(args);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /events-unused\.csv: no event of 2 can be used: none of its types is one the config reads \(found .*demo_complete 1 \(did you mean demo_completed\?\)/,
    );
    expect(run([...args, '--force']).code).toBe(0);
    // a HubSpot activities file read without its map: one line, and the hint
    const unmapped = run([
      'classify',
      fixture('hubspot.csv'),
      '--map',
      'hubspot',
      '--events',
      fixture('hubspot-activities.csv'),
      '-c',
      'saas',
      '--as-of',
      AS_OF,
    ]);
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr.match(/an event needs leadId, type and at/g)).toHaveLength(1);
    expect(unmapped.stderr).toContain('try --events-map hubspot-activities');
  });
});

describe('the event cap', () => {
  it('keeps the most recent events of the types the config reads: 10,000 old page views do not hide a demo', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-cap-'));
    const many = join(dir, 'events.csv');
    const few = join(dir, 'few.csv');
    const demo = '101,demo_completed,2026-06-20T10:00:00Z';
    const views = Array.from({ length: 10_500 }, () => '101,page_view,2026-05-01T10:00:00Z');
    writeFileSync(many, ['leadId,type,at', ...views, demo].join('\n'));
    writeFileSync(few, ['leadId,type,at', demo].join('\n'));
    const args = (events: string) => [
      'classify',
      fixture('hubspot.csv'),
      '--map',
      'hubspot',
      '--events',
      events,
      '-c',
      'saas',
      '--as-of',
      AS_OF,
      '--format',
      'ndjson',
      '--detail',
      'statuses',
    ];
    const capped = run(args(many));
    expect(capped.code, capped.stderr).toBe(0);
    const [first] = results(capped.stdout);
    expect(first).toEqual(results(run(args(few)).stdout)[0]);
    expect(first?.flags ?? []).not.toContain('events_truncated');
    // the 10,500 page views and the map's form_submitted (a type saas never reads) left out; the demo kept
    expect(capped.stderr).toMatch(/10,501 over the cap of 10,000 events per lead \(1 lead:/);
  });
});

describe('outcomes', () => {
  const summarizeArgs = (column: string) => [
    'summarize',
    fixture('outcomes.csv'),
    '-c',
    CONFIG,
    '--as-of',
    AS_OF,
    '--outcome',
    column,
    '--format',
    'json',
  ];

  it('matches the column as maps do and reads CRM stage words; open stages have no outcome', () => {
    const { code, stdout, stderr } = run(summarizeArgs('  deal stage '));
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).calibration).toMatchObject({ leads: 4, converted: 2, unmatched: 1 });
    expect(stderr).toContain('outcomes ("Deal Stage"): 4 readable of 5');
  });

  it('refuses a column that does not exist (exit 2), with did you mean', () => {
    const typo = run(summarizeArgs('Deal Stag'));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--outcome "Deal Stag": no such column; did you mean `Deal Stage`?');
    expect(typo.stdout).toBe('');
    expect(run(summarizeArgs('Nope')).code).toBe(2);
    const ndjson = run(
      ['summarize', '-', '-c', CONFIG, '--as-of', AS_OF, '--outcome', 'Converted'],
      '{"id":"a","won":true}\n',
    );
    expect(ndjson.code).toBe(2);
  });
});

describe('the preflight: a file of which nothing useful would be read stops before classifying', () => {
  const export_ = fixture('check-data/hubspot-export.csv');
  const args = (file: string, ...more: string[]) => [
    'summarize',
    file,
    '-c',
    'saas',
    '--as-of',
    AS_OF,
    '--format',
    'json',
    ...more,
  ];

  it('a HubSpot export read without --map: exit 1, nothing on stdout, the fix named', () => {
    const { code, stdout, stderr } = run(args(export_));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('nothing useful would be read');
    expect(stderr).toContain('try --map hubspot');
  });

  it('the wrong map (most of its columns absent, another map fits): exit 1 with the right one', () => {
    const { code, stderr } = run(args(export_, '--map', 'salesforce'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/columns of the map "salesforce" are absent/);
    expect(stderr).toContain('try --map hubspot');
  });

  it('--map auto reads it with the map it guessed, and says which; the same funnel as --map hubspot', () => {
    const auto = run(args(export_, '--map', 'auto'));
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toMatch(/--map auto: read with the hubspot map \(\d+ of its \d+ columns present\)/);
    const named = run(args(export_, '--map', 'hubspot'));
    expect(JSON.parse(auto.stdout)).toEqual(JSON.parse(named.stdout));
    const none = run(args(fixture('semicolon.csv'), '--map', 'auto'));
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--map auto: no built-in map fits the columns/);
  });

  it('--force runs anyway, and says what it overrode', () => {
    const { code, stdout, stderr } = run(args(export_, '--force'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).total).toBeGreaterThan(0);
    expect(stderr).toMatch(/no lead has any of the .* \(--force\)/);
  });

  it('works on stdin without reading it twice: every lead after the inspected rows is still classified', () => {
    const header = 'id,company.employees,contact.seniority';
    const rows = Array.from({ length: 2_500 }, (_, index) => `l${index},${index},executive`);
    const { code, stdout, stderr } = run(
      ['classify', '-', '-c', 'saas', '--as-of', AS_OF, '--format', 'ndjson', '--detail', 'stage'],
      `${[header, ...rows].join('\n')}\n`,
    );
    expect(code, stderr).toBe(0);
    expect(results(stdout).map((result) => result.leadId)).toEqual(rows.map((row) => row.split(',')[0]));
    const empty = run(['classify', '-', '-c', 'saas', '--as-of', AS_OF], `id,foo\n${'x,1\n'.repeat(10)}`);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('nothing useful would be read');
  });
});
