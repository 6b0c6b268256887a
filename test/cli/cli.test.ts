// The built CLI, spawned as a user runs it: stdout carries data only, stderr the asOf used, progress and
// warnings, and the exit code says 0 ok, 1 findings, 2 usage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, classifyMany, mapLead, maps, presets, summarize } from '../../src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => join(FIXTURES, name);
const AS_OF = '2026-06-30T00:00:00.000Z';

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('leadstage classify', () => {
  it('classifies a CSV with dotted headers and an events file, as the library does', () => {
    const { code, stdout, stderr } = run([
      'classify',
      'examples/leads.csv',
      '--events',
      'examples/events.csv',
      '--config',
      'saas',
      '--as-of',
      AS_OF,
      '--format',
      'ndjson',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(`as of ${AS_OF}`);
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results).toHaveLength(10);
    const acme = {
      id: 'acme',
      company: { name: 'Acme Corp', employees: '250' },
      contact: { seniority: 'vp' },
      budget: { status: 'approved', amount: '40000' },
      authority: { role: 'decision_maker' },
      need: { severity: 'high' },
      timeline: { purchaseBy: '2026-09-01' },
      converted: 'yes',
      events: [
        { type: 'webinar_attended', at: '2026-05-20T15:00:00Z', props: { channel: 'webinar' } },
        { type: 'demo_completed', at: '2026-06-18T10:00:00Z' },
        { type: 'pricing_discussed', at: '2026-06-24T16:00:00Z' },
        { type: 'call_connected', at: '2026-06-25T09:30:00Z' },
      ],
    };
    // the follow-up counts from the moment acme entered SQO (its history), as classifyMany does on request
    expect(results[0]).toEqual(
      classifyMany([acme], presets.saas, { asOf: AS_OF, followUpFrom: 'stage-entry' })[0],
    );
    expect(results[0].followUpFrom).toBe('stage-entry');
    expect(results.map((result) => result.stage)).toEqual([
      'SQO',
      'SAL',
      'SAL',
      'SAL',
      'SAL',
      'SQO',
      'unqualified',
      'disqualified',
      'unqualified',
      'SAL',
    ]);
  });

  it('reads a HubSpot export through --map hubspot and reports unreadable values with file and line', () => {
    const { code, stdout, stderr } = run([
      'classify',
      fixture('hubspot.csv'),
      '--map',
      'hubspot',
      '--events',
      fixture('events.csv'),
      '-c',
      'saas',
      '--as-of',
      AS_OF,
      '--format',
      'csv',
      '--detail',
      'statuses',
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('leadId,stage,score,grade,next,nextStatus,blockers,followUpBy,followUpFrom,flags');
    expect(lines).toHaveLength(4);
    const row =
      'Record ID,Create Date,Original Source,First Name,Email,Seniority,Company Name,Number of Employees,Annual Revenue,Buying Role,First Conversion Date';
    const mapped = mapLead(
      Object.fromEntries(
        row
          .split(',')
          .map((key, index) => [
            key,
            [
              '101',
              '2026-05-02',
              'ORGANIC_SEARCH',
              'Ana',
              'ana@acme.test',
              'executive',
              'Acme',
              '1,000+',
              '$2,500,000',
              'DECISION_MAKER;CHAMPION',
              '2026-06-20',
            ][index],
          ]),
      ),
      maps.hubspot,
    ).lead;
    const expected = classify(
      {
        ...mapped,
        events: [
          ...(mapped.events ?? []),
          { type: 'demo_completed', at: '2026-06-18T10:00:00Z', props: { channel: 'zoom' } },
          { type: 'pricing_discussed', at: '2026-06-25T10:00:00Z' },
        ],
      },
      presets.saas,
      { asOf: AS_OF, detail: 'statuses' },
    );
    expect(lines[1]?.startsWith(`101,${expected.stage},${expected.scores.total},`)).toBe(true);
    // the bad values of row 4 and the event without a type, each with file and line
    expect(stderr).toMatch(/hubspot\.csv:4: .*unreadable value for company\.employees.*"lots"/);
    expect(stderr).toMatch(/hubspot\.csv:4: .*unreadable date.*"06\/15\/2026"/);
    expect(stderr).toMatch(/events\.csv:6: an event needs leadId, type and at/);
  });

  it('goes on past a bad row, and stops at it with --strict', () => {
    const lenient = run([
      'classify',
      fixture('bad-rows.csv'),
      '-c',
      fixture('config.json'),
      '--as-of',
      AS_OF,
      '--format',
      'ndjson',
    ]);
    expect(lenient.code).toBe(0);
    expect(
      lenient.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).leadId),
    ).toEqual(['a', 'c']);
    expect(lenient.stderr).toMatch(/bad-rows\.csv:3: cannot read this CSV row: Invalid Record Length/);
    const strict = run([
      'classify',
      fixture('bad-rows.csv'),
      '-c',
      fixture('config.json'),
      '--as-of',
      AS_OF,
      '--strict',
      '--format',
      'ndjson',
    ]);
    expect(strict.code).toBe(1);
    expect(strict.stdout.trim().split('\n')).toHaveLength(1);
    expect(strict.stderr).toMatch(/bad-rows\.csv:3: stopped at the first data problem \(--strict\)/);
    expect(strict.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reads NDJSON from stdin and writes a JSON array, or the stage alone', () => {
    const input = '{"id":"x","company":{"isCompetitor":true}}\n{"id":"y"}\n';
    const json = run(
      ['classify', '-', '-c', 'saas', '--as-of', AS_OF, '--format', 'json', '--detail', 'statuses'],
      input,
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).map((result: { stage: string }) => result.stage)).toEqual([
      'disqualified',
      'unqualified',
    ]);
    const stages = run(
      ['classify', '-', '-c', 'saas', '--as-of', AS_OF, '--format', 'ndjson', '--detail', 'stage'],
      input,
    );
    expect(
      stages.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { leadId: 'x', stage: 'disqualified' },
      { leadId: 'y', stage: 'unqualified' },
    ]);
  });

  it('says what is wrong with malformed input, with file and line, and no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-cli-'));
    const broken = join(dir, 'broken.json');
    spawnSync('sh', ['-c', `printf '{"version": 1,\\n"id": }' > ${broken}`]);
    const config = run(['classify', 'examples/leads.csv', '-c', broken, '--as-of', AS_OF]);
    expect(config.code).toBe(1);
    expect(config.stderr).toContain(`${broken}:2: the config is not valid JSON (Unexpected token '}')`);
    const leads = join(dir, 'leads.json');
    spawnSync('sh', ['-c', `printf '[{"id": 1},\\n{"id": oops}]' > ${leads}`]);
    const array = run(['classify', leads, '-c', 'saas', '--as-of', AS_OF]);
    expect(array.code).toBe(1);
    expect(array.stderr).toContain(`${leads}:2: not valid JSON`);
    const invalid = run([
      'classify',
      'examples/leads.csv',
      '-c',
      fixture('../fixtures/failing-example.json').replace('failing-example', 'missing'),
      '--as-of',
      AS_OF,
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/cannot read the config/);
    for (const each of [config, array, invalid]) expect(each.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors, with the usage', () => {
    const noFile = run(['classify', '-c', 'saas']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/expected one lead file/);
    expect(noFile.stderr).toMatch(/Usage: leadstage classify/);
    const unknown = run(['classify', 'x.csv', '-c', 'saas', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--bogus'/);
    expect(run(['classify', 'examples/leads.csv', '--config', 'saas', '--format', 'xml']).stderr).toMatch(
      /--format: expected table, json, ndjson, csv, crm, received "xml"/,
    );
    expect(run(['classify', 'examples/leads.csv', '-c', 'saas', '--as-of', 'soon']).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run([]).code).toBe(2);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    for (const command of [
      'classify',
      'explain',
      'summarize',
      'history',
      'diff',
      'report',
      'check',
      'seal',
      'schema',
    ]) {
      const help = run([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout, command).toContain(`Usage: leadstage ${command}`);
    }
  });
});

describe('leadstage check, seal, schema', () => {
  it('checks a config and runs its examples', () => {
    const good = run(['check', fixture('config.json')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('ok   example "a buyer": SQO');
    expect(good.stdout).toContain('valid, 0 warnings, 1 of 1 examples pass');
    const failing = run(['check', fixture('failing-example.json')]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(
      'FAIL example "expects too much": unqualified — stage: expected "SAL", got "unqualified"',
    );
  });

  it('lists every issue of an invalid config with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-cli-'));
    const file = join(dir, 'bad.json');
    spawnSync('sh', [
      '-c',
      `echo '{"version":1,"id":"bad","criteria":{"a":{"when":{"fact":"x","gtee":3}}},"stages":[{"id":"s","when":{"criterion":"zz"}}]}' > ${file}`,
    ]);
    const { code, stdout } = run(['check', file]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}: error: criteria.a.when: unknown operator "gtee"`);
    expect(stdout).toContain(`${file}: error: stages[0].when.criterion: unknown criterion "zz"`);
    expect(stdout).toContain(`${file}: error: stages[0]: no fallback stage`);
    expect(stdout).toContain(`${file}: invalid (3 errors)`);
  });

  it('checks a preset by name, and field maps by file or built-in name', () => {
    const preset = run(['check', 'consulting']);
    expect(preset.code).toBe(0);
    expect(preset.stdout).toMatch(/consulting: valid, 0 warnings, \d+ of \d+ examples pass/);
    const builtIn = run(['check', '--map', 'hubspot']);
    expect([builtIn.code, builtIn.stdout]).toEqual([0, 'hubspot: valid field map\n']);
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-cli-'));
    const bad = join(dir, 'map.json');
    writeFileSync(
      bad,
      JSON.stringify({ version: 1, id: 'm', fields: [{ from: 'A', to: 'budget.amount', type: 'nmber' }] }),
    );
    const map = run(['check', '--map', bad]);
    expect(map.code).toBe(1);
    expect(map.stdout).toContain(`${bad}: error: fields[0].type: invalid value`);
    expect(map.stdout).toContain(`${bad}: invalid field map (1 error)`);
    // both at once: a valid config does not hide an invalid map
    const both = run(['check', 'saas', '--map', bad]);
    expect(both.code).toBe(1);
    expect(both.stdout).toContain('saas: valid');
    expect(run(['check']).code).toBe(2);
  });

  it('seals a config and prints the schema', () => {
    const sealed = JSON.parse(run(['seal', 'saas']).stdout);
    expect(sealed.$seal).toMatch(/^leadstage\/1:[0-9a-z]+$/);
    expect(JSON.parse(run(['schema']).stdout).$schema).toMatch(/json-schema/);
  });
});

describe('leadstage summarize, explain, history, diff', () => {
  const lead = ['examples/leads.csv', '--events', 'examples/events.csv', '-c', 'saas', '--as-of', AS_OF];

  it('summarizes the funnel with the calibration of an outcome column', () => {
    const { code, stdout } = run(['summarize', ...lead, '--outcome', 'converted', '--format', 'json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    const results = JSON.parse(run(['classify', ...lead, '--format', 'json', '--detail', 'statuses']).stdout);
    const converted = new Set(['acme', 'globex', 'stark', 'tyrell']);
    expect(summary).toEqual(
      summarize(results, { outcome: (result) => converted.has(result.leadId as string) }),
    );
    expect(summary.calibration).toMatchObject({ leads: 10, converted: 4 });
    const text = run(['summarize', ...lead, '--outcome', 'converted']).stdout;
    expect(text).toContain('Funnel');
    expect(text).toContain('Calibration: 4 of 10 converted (40.0 %)');
  });

  it('shows each rate with its interval, the adjacent stages tested, and small samples flagged', () => {
    const text = run(['summarize', ...lead, '--outcome', 'converted']).stdout;
    expect(text).toContain('Calibration: 4 of 10 converted (40.0 %), 95 % interval 16.8 – 68.7 %');
    // SQO 2 of 2: lift 2.5, but from 2 leads — the interval and the test say so
    expect(text).toMatch(
      /SQO +2 leads +100\.0 % \[34\.2 – 100\.0 %\] +lift 2\.5 \[0\.86 – 2\.5\] +vs the rest: not distinguishable \(Fisher's exact, p = 0\.1333\)/,
    );
    expect(text).toContain(
      "SQO vs SAL                   +60.0 points [−15.4 – +88.2]  not distinguishable (Fisher's exact, p = 0.4286): the gap may be noise",
    );
    expect(text).toContain(
      '! SQO: 2 leads with an outcome, fewer than 30: the rate 100.0 % (95 % interval 34.2 % – 100.0 %) and lift 2.5 may be noise',
    );
  });

  it('breaks the funnel and calibration down --by a lead path, or a column --map does not keep', () => {
    const { code, stdout } = run([
      'summarize',
      ...lead,
      '--outcome',
      'converted',
      '--by',
      'need.severity',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    const results = JSON.parse(run(['classify', ...lead, '--format', 'json', '--detail', 'statuses']).stdout);
    const severity: Record<string, string> = {};
    for (const line of readFileSync(join(ROOT, 'examples', 'leads.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)) {
      const cells = line.split(',');
      severity[cells[0] as string] = cells[7] === '' ? '(none)' : (cells[7] as string);
    }
    const converted = new Set(['acme', 'globex', 'stark', 'tyrell']);
    const expected = summarize(results, {
      outcome: (result) => converted.has(result.leadId as string),
      by: (result) => severity[result.leadId as string],
    });
    expect(summary).toEqual({ ...expected, breakdown: { ...expected.breakdown, by: 'need.severity' } });
    expect(summary.breakdown.groups.map((group: { key: string }) => group.key)).toEqual([
      'high',
      'low',
      'medium',
      '(none)',
    ]);
    const text = run(['summarize', ...lead, '--outcome', 'converted', '--by', 'need.severity']).stdout;
    expect(text).toContain('Breakdown by how much it hurts: 4 groups');
    expect(text).toMatch(
      / {2}high +3 +0\.0 % +66\.7 % +33\.3 % +0\.0 % +3 +100\.0 % +\[43\.9 – 100\.0 %\] !/,
    );
    // "Original Source" is read into source by the HubSpot map; --by finds the file's own column
    const hubspot = run([
      'summarize',
      fixture('hubspot.csv'),
      '--map',
      'hubspot',
      '-c',
      'saas',
      '--as-of',
      AS_OF,
      '--by',
      'Original Source',
      '--format',
      'json',
    ]);
    expect(JSON.parse(hubspot.stdout).breakdown.groups.map((group: { key: string }) => group.key)).toEqual([
      'DIRECT_TRAFFIC',
      'ORGANIC_SEARCH',
      'PAID_SOCIAL',
    ]);
    const bad = run(['summarize', ...lead, '--by', 'createdAt:months']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--by: by "createdAt:months" ends in ":months", expected one of :day');
  });

  it('writes a grade column and a grade matrix for a config with grades, none without', () => {
    const results = JSON.parse(run(['classify', ...lead, '--format', 'json']).stdout);
    const csv = run(['classify', ...lead, '--format', 'csv'])
      .stdout.trim()
      .split('\n');
    expect(csv[0]).toBe('leadId,stage,score,grade,next,nextStatus,blockers,followUpBy,followUpFrom,flags');
    expect(csv.slice(1).map((line) => line.split(',')[3])).toEqual(
      results.map((result: any) => result.grade),
    );
    expect(results[0].grade).toMatch(/^[A-D][1-4]$/);
    const table = run(['classify', ...lead]).stdout.split('\n');
    expect(table[0]).toMatch(/^lead +stage +score +grade +next/);

    const { grades: _, ...plain } = presets.saas;
    const file = join(mkdtempSync(join(tmpdir(), 'leadstage-grades-')), 'plain.json');
    writeFileSync(file, JSON.stringify(plain));
    const withoutGrades = [
      'examples/leads.csv',
      '--events',
      'examples/events.csv',
      '-c',
      file,
      '--as-of',
      AS_OF,
    ];
    expect(run(['classify', ...withoutGrades, '--format', 'csv']).stdout.split('\n')[0]).toBe(
      'leadId,stage,score,next,nextStatus,blockers,followUpBy,followUpFrom,flags',
    );
    expect(run(['summarize', ...withoutGrades]).stdout).not.toContain('Grades');

    const summary = JSON.parse(
      run(['summarize', ...lead, '--outcome', 'converted', '--format', 'json']).stdout,
    );
    const counts: Record<string, number> = {};
    for (const result of results) counts[result.grade] = (counts[result.grade] ?? 0) + 1;
    expect(
      Object.fromEntries(
        Object.entries(summary.grades).map(([grade, cell]: [string, any]) => [grade, cell.count]),
      ),
    ).toEqual(counts);
    // histories: each one's grade is the grade classify gives at --as-of, and the table shows the way there
    const { histories } = JSON.parse(run(['history', ...lead, '--format', 'json']).stdout);
    expect(histories.map((history: any) => history.grade)).toEqual(
      results.map((result: any) => result.grade),
    );
    const acme = histories[0].segments.at(-1);
    const way = (acme.grades ?? [{ grade: acme.grade }]).map((each: any) => each.grade).join(' → ');
    expect(run(['history', ...lead]).stdout).toContain(`[grade ${way}]`);
    const text = run(['summarize', ...lead, '--outcome', 'converted']).stdout;
    expect(text).toContain('Grades (leads per cell: fit × engagement)');
    expect(text).toContain('Grades: conversion per cell (leads with an outcome)');
    // the matrix: a header of engagement labels, a row per fit label, each cell its count
    const matrix = text.slice(text.indexOf('Grades (leads')).split('\n').slice(1, 6);
    expect(matrix[0]).toMatch(/fit \\ engagement +1 +2 +3 +4$/);
    for (const [index, letter] of ['A', 'B', 'C', 'D'].entries()) {
      const cells = matrix[index + 1]!.trim().split(/ +/);
      expect(cells[0]).toBe(letter);
      expect(cells.slice(1).map(Number)).toEqual(
        ['1', '2', '3', '4'].map((digit) => counts[`${letter}${digit}`] ?? 0),
      );
    }
  });

  it('explains each lead, in Italian too', () => {
    const english = run(['explain', ...lead]).stdout;
    expect(english).toContain('Lead acme');
    const italian = run(['explain', ...lead, '--locale', 'it']).stdout;
    expect(italian).not.toBe(english);
  });

  it('gives each lead its stage history and the time summary', () => {
    const { code, stdout } = run(['history', ...lead, '--format', 'json']);
    expect(code).toBe(0);
    const { histories, summary } = JSON.parse(stdout);
    expect(histories).toHaveLength(10);
    expect(histories[0]).toMatchObject({
      leadId: 'acme',
      stage: 'SQO',
      stageSince: '2026-06-18T10:00:00.000Z',
    });
    expect(summary.leads).toBe(10);
    expect(run(['history', ...lead]).stdout).toContain('acme: SQO since 2026-06-18T10:00:00.000Z');
  });

  it('diffs two configs', () => {
    const { code, stdout } = run(['diff', ...lead, '--against', 'bant', '--format', 'json']);
    expect(code).toBe(0);
    const diff = JSON.parse(stdout);
    expect(diff.total).toBe(10);
    expect(diff.changed).toBe(diff.leads.length);
    expect(run(['diff', ...lead]).code).toBe(2); // --against is required
  });
});

describe('leadstage report', () => {
  it('writes one HTML file with no reference to anything outside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-cli-'));
    const out = join(dir, 'report.html');
    const { code } = run([
      'report',
      'examples/leads.csv',
      '--events',
      'examples/events.csv',
      '-c',
      'saas',
      '--as-of',
      AS_OF,
      '--outcome',
      'converted',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link|@import|url\(http|src="http|href="http/i);
    for (const id of ['funnel', 'blockers', 'scores', 'time', 'calibration'])
      expect(html).toContain(`<section id="${id}">`);
    // the run summary, in the report too
    expect(html).toMatch(/<section id="quality">.*10 rows read, 10 leads, 0 skipped/s);
    expect(html).toContain('outcomes (&quot;converted&quot;): 10 readable of 10');
  });
});

// The real Maven pipeline (../shared/data/real/maven), read by the CLI as a user would, without a map:
// --by engage_date:month counts per month what the CSV holds. Skipped, visibly, without ../shared.
const MAVEN = join(ROOT, '..', 'shared', 'data', 'real', 'maven', 'sales_pipeline.csv');
describe('leadstage summarize --by on the real Maven pipeline', () => {
  it.skipIf(!existsSync(MAVEN))(
    'gives each engage month its opportunities, outcomes and wins, as the CSV counts them',
    () => {
      const config = join(mkdtempSync(join(tmpdir(), 'leadstage-maven-')), 'maven-funnel.json');
      writeFileSync(
        config,
        JSON.stringify({
          version: 1,
          id: 'maven-funnel',
          criteria: {
            account: { when: { fact: 'account', exists: true } },
            bigTicket: {
              when: { fact: 'product', in: ['GTX Pro', 'GTX Plus Pro', 'GTK 500', 'MG Advanced'] },
            },
          },
          stages: [
            { id: 'SQO', when: { all: [{ criterion: 'account' }, { criterion: 'bigTicket' }] } },
            { id: 'SAL', when: { criterion: 'account' } },
            { id: 'unqualified' },
          ],
        }),
      );
      const { code, stdout, stderr } = run([
        'summarize',
        MAVEN,
        '-c',
        config,
        '--as-of',
        '2018-01-01',
        '--outcome',
        'deal_stage',
        '--by',
        'engage_date:month',
        '--format',
        'json',
      ]);
      expect(code, stderr).toBe(0);
      const counted = new Map<string, { leads: number; won: number; closed: number }>();
      for (const line of readFileSync(MAVEN, 'utf8').trim().split('\n').slice(1)) {
        const [, , , , stage, engaged] = line.split(',');
        const month = engaged === '' ? '(none)' : (engaged as string).slice(0, 7);
        const entry = counted.get(month) ?? { leads: 0, won: 0, closed: 0 };
        entry.leads++;
        if (stage === 'Won') entry.won++;
        if (stage === 'Won' || stage === 'Lost') entry.closed++;
        counted.set(month, entry);
      }
      const groups = JSON.parse(stdout).breakdown.groups as Array<{
        key: string;
        summary: { total: number; calibration: { leads: number; converted: number } };
      }>;
      expect(
        groups.map((group) => [
          group.key,
          group.summary.total,
          group.summary.calibration.leads,
          group.summary.calibration.converted,
        ]),
      ).toEqual(
        [...counted.keys()]
          .sort((a, b) => (a === '(none)' ? 1 : b === '(none)' ? -1 : a < b ? -1 : 1))
          .map((month) => {
            const entry = counted.get(month) as { leads: number; won: number; closed: number };
            return [month, entry.leads, entry.closed, entry.won];
          }),
      );
      expect(groups[0]).toMatchObject({ key: '2016-10', summary: { total: 7 } });
    },
  );
});
