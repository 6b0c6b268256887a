// `--as-of-column <column>` in classify and summarize: each row classified at the instant its own column
// holds, through the batch API's per-lead asOf. A blank or unreadable cell skips the row (counted once per
// cause), never classifies it at another instant. On the real Maven pipeline, the CLI's back-test gives the
// library back-test's counts (test/real/backtest.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { classifyMany, mapLead, readOutcome, summarize } from '../../src/index';
import {
  BIG_TICKET,
  DATA,
  mavenBacktestConfig,
  mavenBacktestMap,
  present,
  rowsOf,
  skipUnlessPresent,
} from '../real/data';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'leadstage-as-of-column-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const config = file(
  'config.json',
  JSON.stringify({
    version: 1,
    id: 'engaged',
    criteria: {},
    stages: [
      { id: 'SAL', when: { event: 'webinar_attended', withinLast: { days: 30 } } },
      { id: 'unqualified' },
    ],
  }),
);
// a: decided 5 days after its webinar (SAL then; unqualified by the end of September); b: blank; c: no
// date; d: decided before its webinar (unqualified then, the webinar in its future)
const leads = file(
  'leads.csv',
  ['id,Decided At,events', 'a,2026-06-15,', 'b,,', 'c,soon,', 'd,2026-06-05T00:00:00Z,'].join('\n'),
);
const events = file(
  'events.csv',
  ['leadId,type,at', ...['a', 'b', 'c', 'd'].map((id) => `${id},webinar_attended,2026-06-10T09:00:00Z`)].join(
    '\n',
  ),
);
const base = ['--config', config, '--events', events];

describe('classify --as-of-column', () => {
  it("classifies each row at its column's instant, skips rows without one, and says so", () => {
    const { code, stdout, stderr } = run([
      'classify',
      leads,
      ...base,
      '--as-of-column',
      'decided at',
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map(({ leadId, asOf, stage }) => ({ leadId, asOf, stage }))).toEqual([
      { leadId: 'a', asOf: '2026-06-15T00:00:00.000Z', stage: 'SAL' },
      { leadId: 'd', asOf: '2026-06-05T00:00:00.000Z', stage: 'unqualified' },
    ]);
    expect(rows[1]?.flags).toContain('future_events_ignored');
    expect(stderr).toContain(`as of each row's "decided at"`);
    expect(stderr).toContain('column "Decided At" (--as-of-column): blank, row skipped: 1 row (line 3)');
    expect(stderr).toContain(
      'column "Decided At" (--as-of-column): not a date, row skipped: 1 row, e.g. "soon" (line 4)',
    );
    expect(stderr).toContain(
      `as of each row's "Decided At": 2 rows classified, 2 skipped (1 blank, 1 not a date)`,
    );
  });

  it('gives what classifyMany gives with a per-lead asOf', () => {
    const { stdout } = run([
      'classify',
      leads,
      ...base,
      '--as-of-column',
      'Decided At',
      '--format',
      'ndjson',
    ]);
    const results = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const at: Record<string, string> = { a: '2026-06-15', d: '2026-06-05T00:00:00Z' };
    const library = classifyMany(
      ['a', 'd'].map((id) => ({ id, events: [{ type: 'webinar_attended', at: '2026-06-10T09:00:00Z' }] })),
      JSON.parse(
        JSON.stringify({
          version: 1,
          id: 'engaged',
          criteria: {},
          stages: [
            { id: 'SAL', when: { event: 'webinar_attended', withinLast: { days: 30 } } },
            { id: 'unqualified' },
          ],
        }),
      ),
      { asOf: (lead) => at[(lead as { id: string }).id] as string },
    );
    expect(results.map((result) => [result.leadId, result.stage, result.asOf])).toEqual(
      library.map((result) => [result.leadId, result.stage, result.asOf]),
    );
  });

  it('refuses --as-of beside it, a column the file lacks, and a file with no instant (exit 2, 2, 1)', () => {
    const both = run(['classify', leads, ...base, '--as-of-column', 'Decided At', '--as-of', '2026-06-30']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--as-of and --as-of-column: give one');
    const absent = run(['classify', leads, ...base, '--as-of-column', 'decided']);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('--as-of-column "decided": no such column');
    expect(absent.stderr).toContain('(columns: "id", "Decided At", "events")');
    // found on the first rows, before any output: no header left on stdout, in any format
    for (const format of ['csv', 'table', 'json', 'crm']) {
      const early = run(
        [
          'classify',
          leads,
          ...base,
          '--as-of-column',
          'decided',
          '--format',
          format,
          '--crm',
          'generic',
        ].filter((arg, index, all) => format === 'crm' || (arg !== '--crm' && all[index - 1] !== '--crm')),
      );
      expect(early.code).toBe(2);
      expect(early.stdout).toBe('');
    }
    const none = file('none.csv', 'id,Decided At\nb,\nc,later\n');
    const nothing = run(['classify', none, ...base, '--as-of-column', 'Decided At', '--force']);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain(
      'no row has a readable instant (1 blank, 1 not a date); nothing was classified',
    );
  });
});

describe('summarize --as-of-column', () => {
  it('summarizes the rows classified at their own instant', () => {
    const { code, stdout } = run([
      'summarize',
      leads,
      ...base,
      '--as-of-column',
      'Decided At',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.total).toBe(2);
    expect(summary.stages.SAL.count).toBe(1);
    expect(summary.stages.unqualified.count).toBe(1);
  });
});

skipUnlessPresent('the CLI back-test on the real Maven pipeline');

describe.runIf(present)('Maven: the CLI back-test on engage_date equals the library back-test', () => {
  it('has the same stages and wins per stage; the never-engaged deals are skipped, not classified', () => {
    const map = file('maven-map.json', JSON.stringify(mavenBacktestMap));
    const mavenConfig = file('maven-config.json', JSON.stringify(mavenBacktestConfig));
    const pipeline = join(DATA, 'maven', 'sales_pipeline.csv');
    const { code, stdout, stderr } = run([
      'summarize',
      pipeline,
      '--map',
      map,
      '--config',
      mavenConfig,
      '--as-of-column',
      'engage_date',
      '--outcome',
      'deal_stage',
      '--format',
      'json',
    ]);
    expect(code, stderr).toBe(0);
    const cli = JSON.parse(stdout);
    // the library back-test, as test/real/backtest.test.ts runs it: each deal on the day it was engaged
    const rows = rowsOf('maven', 'sales_pipeline.csv');
    const engaged = rows.filter((row) => row.engage_date !== '');
    const library = summarize(
      classifyMany(
        engaged.map((row) => mapLead(row, mavenBacktestMap).lead),
        mavenBacktestConfig,
        { asOf: (_lead, index) => `${engaged[index]?.engage_date}T12:00:00Z`, detail: 'statuses' },
      ),
      {
        outcome: (result) =>
          readOutcome(engaged.find((row) => row.opportunity_id === result.leadId)?.deal_stage),
      },
    );
    for (const stage of ['SQO', 'SAL', 'unqualified']) {
      expect(cli.stages[stage]?.count, stage).toBe(library.stages[stage]?.count);
      expect(cli.calibration.stages[stage]?.converted, stage).toBe(
        library.calibration?.stages[stage]?.converted,
      );
    }
    // counted straight from the CSV: every engaged deal on a known account is SQO (big ticket) or SAL
    const known = engaged.filter((row) => row.account !== '');
    expect(cli.stages.SQO.count).toBe(known.filter((row) => BIG_TICKET.includes(row.product ?? '')).length);
    expect(cli.stages.SAL.count).toBe(known.filter((row) => !BIG_TICKET.includes(row.product ?? '')).length);
    const skipped = rows.length - engaged.length;
    expect(cli.total).toBe(engaged.length);
    expect(stderr).toContain(
      `as of each row's "engage_date": ${engaged.length.toLocaleString('en')} rows classified, ${skipped.toLocaleString('en')} skipped (${skipped.toLocaleString('en')} blank, 0 not a date)`,
    );
  });
});
