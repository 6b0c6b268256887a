// `classify --follow-up-from stage-entry`: followUpBy counted from the instant each lead with events entered
// its stage (its history), not from --as-of, and a followUpFrom column / field saying which — the default;
// `--follow-up-from as-of` counts from --as-of. Deadlines computed by hand from the fixture.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'leadstage-follow-up-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
// SQO within 24 hours of a demo (30 days) or an approved budget; SAL within 3 days of a webinar (90 days)
const config = file(
  'config.json',
  JSON.stringify({
    version: 1,
    id: 'follow-up',
    criteria: {},
    stages: [
      {
        id: 'SQO',
        when: {
          any: [
            { fact: 'budget.status', eq: 'approved' },
            { event: 'demo_completed', withinLast: { days: 30 } },
          ],
        },
        followUp: { within: { hours: 24 } },
      },
      {
        id: 'SAL',
        when: { event: 'webinar_attended', withinLast: { days: 90 } },
        followUp: { within: { days: 3 } },
      },
      { id: 'unqualified' },
    ],
  }),
);
const leads = file('leads.csv', 'id,budget.status\nweb,\ndemo,\nbudget,approved\nnone,\n');
const events = file(
  'events.csv',
  [
    'leadId,type,at',
    'web,webinar_attended,2026-06-10T09:00:00Z',
    'demo,webinar_attended,2026-06-10T09:00:00Z',
    'demo,demo_completed,2026-06-20T15:00:00Z',
  ].join('\n'),
);
const base = ['classify', leads, '--events', events, '--config', config, '--as-of', '2026-06-30'];

describe('classify --follow-up-from', () => {
  it('stage-entry: counts from the stage entry where events allow, and says which in a column', () => {
    const { code, stdout } = run([...base, '--format', 'csv', '--follow-up-from', 'stage-entry']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'leadId,stage,score,next,nextStatus,blockers,followUpBy,followUpFrom,flags',
    );
    const rows = parse(stdout, { columns: true }) as Array<Record<string, string>>;
    expect(
      rows.map(({ leadId, stage, followUpBy, followUpFrom }) => [leadId, stage, followUpBy, followUpFrom]),
    ).toEqual([
      // SAL since the webinar, 10 June 09:00, + 3 days
      ['web', 'SAL', '2026-06-13T09:00:00.000Z', 'stage-entry'],
      // SQO since the demo, 20 June 15:00, + 24 hours
      ['demo', 'SQO', '2026-06-21T15:00:00.000Z', 'stage-entry'],
      // SQO on a fact and no events: nothing to replay, 30 June + 24 hours
      ['budget', 'SQO', '2026-07-01T00:00:00.000Z', 'as-of'],
      ['none', 'unqualified', '', ''],
    ]);
  });

  it('as-of: the deadlines of old, said; ndjson results carry followUpFrom and stageSince', () => {
    const asOf = parse(run([...base, '--format', 'csv', '--follow-up-from', 'as-of']).stdout, {
      columns: true,
    });
    expect(asOf.map((row: Record<string, string>) => [row.followUpBy, row.followUpFrom])).toEqual([
      ['2026-07-03T00:00:00.000Z', 'as-of'],
      ['2026-07-01T00:00:00.000Z', 'as-of'],
      ['2026-07-01T00:00:00.000Z', 'as-of'],
      ['', ''],
    ]);
    const results = run([...base, '--format', 'ndjson', '--follow-up-from', 'stage-entry'])
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results[1]).toMatchObject({
      stage: 'SQO',
      stageSince: '2026-06-20T15:00:00.000Z',
      followUpBy: '2026-06-21T15:00:00.000Z',
      followUpFrom: 'stage-entry',
    });
  });

  it('without the flag: stage-entry, the default (a lead in SQO for ten days is overdue, not due tomorrow)', () => {
    const plain = run([...base, '--format', 'csv']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(run([...base, '--format', 'csv', '--follow-up-from', 'stage-entry']).stdout);
    expect(plain.stdout.split('\n')[0]).toBe(
      'leadId,stage,score,next,nextStatus,blockers,followUpBy,followUpFrom,flags',
    );
    expect(plain.stdout).toContain('2026-06-21T15:00:00.000Z,stage-entry');
    // --detail stage has no follow-up: nothing is replayed, no column
    expect(run([...base, '--detail', 'stage', '--format', 'ndjson']).stdout).not.toContain('followUpFrom');
  });

  it('says on stderr when a history runs past the work budget and the follow-up counts from --as-of', () => {
    const busyLeads = file('busy-leads.csv', 'id,budget.status\nbusy,\nweb,\n');
    const rows = ['leadId,type,at', 'web,webinar_attended,2026-06-10T09:00:00Z'];
    const start = Date.parse('2026-04-10T00:00:00Z');
    for (let index = 0; index < 5000; index++)
      rows.push(`busy,webinar_attended,${new Date(start + index * 60_000).toISOString()}`);
    const { code, stdout, stderr } = run([
      'classify',
      busyLeads,
      '--events',
      file('busy-events.csv', rows.join('\n')),
      '--config',
      config,
      '--as-of',
      '2026-06-30',
      '--format',
      'csv',
    ]);
    expect(code).toBe(0);
    const byId = Object.fromEntries(
      (parse(stdout, { columns: true }) as Array<Record<string, string>>).map((row) => [
        row.leadId,
        row.followUpFrom,
      ]),
    );
    expect(byId).toEqual({ busy: 'as-of', web: 'stage-entry' });
    expect(stderr).toContain('follow-up counted from --as-of, not from the stage entry');
    expect(stderr).toMatch(/1 lead/);
  });

  it('refuses --detail stage, which has no follow-up', () => {
    const { code, stderr } = run([...base, '--detail', 'stage', '--follow-up-from', 'stage-entry']);
    expect(code).toBe(2);
    expect(stderr).toContain('--follow-up-from: --detail stage has no follow-up');
  });
});
