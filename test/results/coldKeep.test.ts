// The guard of the site-free rule (src/internal/siteFree.ts): a fresh process keeps results while the code
// is cold — the pattern that made V8 pretenure the allocation sites of result literals, and classify run
// 2–5× slower for the rest of the process — then checks with `%InYoungGeneration` where the parts of fresh
// results are allocated. A part in old space right after it was built comes from a pretenured site: a
// literal (`{ … }`, `[]`, `new Array(n)`) is back in a result. Not a timing test: it reads where V8 put
// each object. A literal kept alongside the results (the control) must be pretenured, or this V8 no longer
// shows the cliff and the guard could not see it come back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, presets } from '../../src/index';
import { CLEAN_AS_OF, corpusLeads } from './corpus';

interface Report {
  readonly seen: Record<string, number>;
  readonly old: Record<string, number>;
  readonly controlPretenured: boolean;
  readonly mode: string;
}

let directory: string;
let bundle: string;
/** The child's corpus leads whose full results carry no flag, found here so that the child stays cold. */
let clean: string;

beforeAll(async () => {
  const classifier = compile(presets.saas);
  clean = corpusLeads(presets.saas, 2_000, 31)
    .flatMap((lead, index) =>
      classifier.classify(lead, { asOf: CLEAN_AS_OF }).flags.length === 0 ? [index] : [],
    )
    .join(',');
  directory = mkdtempSync(join(tmpdir(), 'leadstage-cold-keep-'));
  bundle = join(directory, 'child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'coldKeep.child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
  });
});

afterAll(() => {
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
});

/** Runs the child: keeps `kept` results of `what` cold, then reports where fresh parts are allocated. */
function coldKeep(
  what: 'full' | 'statuses' | 'history' | 'generated statuses' | 'generated full',
  kept: number,
): Report {
  // a small young generation reaches its maximum size soon: V8 decides on pretenuring after fewer results
  const output = execFileSync(
    process.execPath,
    ['--allow-natives-syntax', '--max-semi-space-size=1', bundle, what, String(kept), clean],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) as string) as Report;
}

/** Paths whose parts were mostly in old space: the sites V8 pretenured. */
function pretenured(report: Report): string[] {
  return Object.entries(report.old)
    .filter(([path, count]) => count * 2 > (report.seen[path] ?? 0))
    .map(([path]) => path);
}

describe('after keeping results while the code is cold', () => {
  it.each([
    [
      'full',
      20_000,
      ['result', 'result.scores', 'result.ledger', 'result.ledger[]', 'result.next', 'result.flags'],
    ],
    ['statuses', 10_000, ['result', 'result.scores', 'result.next', 'result.next.blockers', 'result.flags']],
    [
      'generated full',
      20_000,
      ['result', 'result.scores', 'result.ledger', 'result.ledger[]', 'result.next', 'result.flags'],
    ],
    [
      'generated statuses',
      10_000,
      ['result', 'result.scores', 'result.next', 'result.next.blockers', 'result.flags'],
    ],
    [
      'history',
      4_000,
      [
        'result.config',
        'result.segments[]',
        'result.segments[].reason',
        'result.segments[].reason.criteria[]',
      ],
    ],
  ] as const)('%s: no part of a fresh result is allocated in old space', (what, kept, mustSee) => {
    const report = coldKeep(what, kept);
    expect(
      report.controlPretenured,
      'V8 did not pretenure the control literal: this process cannot show the cliff, so the guard cannot see a literal come back',
    ).toBe(true);
    expect(report.mode).toBe(what.startsWith('generated') ? 'jit' : 'closures');
    for (const path of mustSee) expect(report.seen[path], `parts seen at ${path}`).toBeGreaterThan(0);
    expect(pretenured(report), 'result parts from a pretenured allocation site (a literal?)').toEqual([]);
  });
});
