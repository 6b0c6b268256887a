// Run by test/results/coldKeep.test.ts, bundled, in a fresh `node --allow-natives-syntax` process:
// keeps results while the code is cold (the first thing the process does), then reports which parts of
// fresh results V8 still allocates in old space — a pretenured allocation site (see src/internal/siteFree.ts).
import { compile, presets, stageHistory } from '../../src/index';
import { asOfForm, corpusLeads } from './corpus';

// `%InYoungGeneration` parses only with --allow-natives-syntax: compiled at run time, not by tsc
const inYoungGeneration = new Function('value', 'return %InYoungGeneration(value)') as (
  value: unknown,
) => boolean;

const what = process.argv[2] as 'full' | 'statuses' | 'history' | 'generated statuses' | 'generated full';
const kept = Number(process.argv[3]);
// 'generated statuses' and 'generated full': the level as generated code builds it (compile's JIT)
const classifier = compile(presets.saas, { codegen: what.startsWith('generated') });
const leads = corpusLeads(presets.saas, 2_000, 31);
const run = (lead: unknown, index: number): unknown => {
  const asOf = asOfForm(index);
  if (what === 'history') {
    try {
      return stageHistory(lead, classifier, { asOf });
    } catch {
      return undefined; // a lead that is not an object has no history
    }
  }
  return classifier.classify(
    lead,
    what === 'full' || what === 'generated full' ? { asOf } : { asOf, detail: 'statuses' },
  );
};

/** A literal kept alongside the results: V8 must pretenure it, or this process cannot show the cliff. */
const control = (index: number) => ({ index });

// a history allocates much garbage per kept part: more controls each, so its site sees enough survive
const controls = what === 'history' ? 20 : 1;
const keep: unknown[] = [];
const keepControl: unknown[] = [];
for (let index = 0; index < kept; index++) {
  keep.push(run(leads[index % leads.length], index));
  for (let count = 0; count < controls; count++) keepControl.push(control(index));
}

/** Per path in a result, how many of its parts were seen, and how many were in old space. */
const seen: Record<string, number> = {};
const old: Record<string, number> = {};
const walk = (value: unknown, path: string): void => {
  // frozen parts are shared, built once at compile time: old by design
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  seen[path] = (seen[path] ?? 0) + 1;
  if (!inYoungGeneration(value)) old[path] = (old[path] ?? 0) + 1;
  const array = Array.isArray(value);
  for (const key of Object.keys(value))
    walk((value as Record<string, unknown>)[key], array ? `${path}[]` : `${path}.${key}`);
};
for (let index = 0; index < 400; index++) walk(run(leads[(index * 7) % leads.length], index), 'result');

process.stdout.write(
  `${JSON.stringify({ seen, old, controlPretenured: !inYoungGeneration(control(0)), kept: keep.length + keepControl.length, mode: classifier.mode })}\n`,
);
