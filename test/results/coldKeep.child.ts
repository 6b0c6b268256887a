// Run by test/results/coldKeep.test.ts, bundled, in a fresh `node --allow-natives-syntax` process:
// keeps results while the code is cold (the first thing the process does), then reports which parts of
// fresh results V8 still allocates in old space — a pretenured allocation site (see src/internal/siteFree.ts).
import { compile, presets, stageHistory } from '../../src/index';
import { asOfForm, CLEAN_AS_OF, corpusLeads } from './corpus';

// `%InYoungGeneration` parses only with --allow-natives-syntax: compiled at run time, not by tsc
const inYoungGeneration = new Function('value', 'return %InYoungGeneration(value)') as (
  value: unknown,
) => boolean;

const what = process.argv[2] as 'full' | 'statuses' | 'history' | 'generated statuses' | 'generated full';
const kept = Number(process.argv[3]);
// 'generated statuses' and 'generated full': the level as generated code builds it (compile's JIT)
const classifier = compile(presets.saas, { codegen: what.startsWith('generated') });
const leads = corpusLeads(presets.saas, 2_000, 31);
// the corpus leads whose results carry no flag (found by the parent, so this process stays cold): three
// runs in four classify one of them, or too few results would reach the sites of a flag-free result (an
// empty `flags`) for V8 to decide on them, and a literal there would go unseen
const clean = (process.argv[4] ?? '').split(',').filter(Boolean).map(Number);
const leadOf = (index: number): unknown =>
  clean.length > 0 && index % 4 !== 3
    ? leads[clean[index % clean.length] as number]
    : leads[index % leads.length];
const run = (lead: unknown, index: number): unknown => {
  const asOf = clean.length > 0 && index % 4 !== 3 ? CLEAN_AS_OF : asOfForm(index);
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
  keep.push(run(leadOf(index), index));
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
for (let index = 0; index < 400; index++) walk(run(leadOf(index * 7), index * 7), 'result');

process.stdout.write(
  `${JSON.stringify({ seen, old, controlPretenured: !inYoungGeneration(control(0)), kept: keep.length + keepControl.length, mode: classifier.mode })}\n`,
);
