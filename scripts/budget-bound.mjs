// node scripts/budget-bound.mjs — the CPU time of leads that spend the whole default budget (or the caps
// the budget does not meter), per call of classify, stage() and stageHistory, against the built package:
// median of ROUNDS runs each (CPU time, process.cpuUsage). docs/security.md states the bound it measures.
//   npm run build && node scripts/budget-bound.mjs [--rounds 7]
import { compile, DEFAULT_BUDGET, presets, stageHistory } from '../dist/index.js';

const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};
const ROUNDS = arg('rounds', 7);
const asOf = '2026-06-30T00:00:00Z';
const END = Date.parse(asOf);
const DAY = 86_400_000;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function measure(label, call) {
  const times = [];
  let result;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.cpuUsage();
    result = call();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  const flags = result?.flags ?? [];
  console.log(
    `${label.padEnd(64)} median ${median(times).toFixed(0).padStart(5)} ms  max ${Math.max(...times)
      .toFixed(0)
      .padStart(5)} ms  ${flags.includes('budget_exceeded') ? 'budget_exceeded' : ''}`,
  );
  return median(times);
}

const events = (count, type, props) =>
  Array.from({ length: count }, (_, index) => ({
    type: typeof type === 'function' ? type(index) : type,
    at: new Date(END - (index % 700) * DAY - index).toISOString(),
    ...(props === undefined ? {} : { props }),
  }));
const event = (where) => ({
  version: 1,
  id: 'where',
  criteria: { match: { when: { event: 'page_view', where } } },
  stages: [{ id: 'hot', when: { criterion: 'match' } }, { id: 'rest' }],
});

console.log(`default budget: ${JSON.stringify(DEFAULT_BUDGET)}; ${ROUNDS} rounds, CPU ms per call`);
const results = [];
const both = (label, classifier, lead) => {
  results.push(measure(`${label}: classify`, () => classifier.classify(lead, { asOf })));
  results.push(measure(`${label}: stage()`, () => classifier.stage(lead, { asOf })));
};
// where tests over long texts: metered per 64 characters
const long = { events: events(60_000, 'page_view', { path: `${'ab'.repeat(2000)}x` }) };
both('where startsWith, 60,000 events × 4 KB props', compile(event({ path: { startsWith: 'zz' } })), long);
both('where matches "b+c", 60,000 events × 4 KB props', compile(event({ path: { matches: 'b+c' } })), long);
// keyword lists: metered per keyword × element
const keywords = Array.from({ length: 2000 }, (_, index) => `Keyword ${index}`);
const tags = Array.from({ length: 2_000_000 }, (_, index) => `Some Tag Value ${index}`);
both(
  'containsAny 2,000 keywords × 2,000,000 elements',
  compile({
    version: 1,
    id: 'keywords',
    criteria: { any: { when: { fact: 'tags', containsAny: keywords } } },
    stages: [{ id: 'hot', when: { criterion: 'any' } }, { id: 'rest' }],
  }),
  { tags },
);
// the most events a lead can make a preset look at: 1,000,000 slots, all of types it reads
for (const [id, preset] of Object.entries(presets)) {
  const types = [
    ...new Set(
      JSON.stringify(preset)
        .match(/"event":(?:"[^"]+"|\[[^\]]*\])/g)
        .flatMap((text) => JSON.parse(`{${text}}`).event),
    ),
  ];
  both(`presets.${id}, 1,000,000 events of the types it reads`, compile(preset), {
    events: events(1_000_000, (index) => types[index % types.length]),
  });
}
// histories: metered per evaluation × events
const decay = compile({
  version: 1,
  id: 'decay',
  criteria: {},
  scoring: {
    rules: [{ id: 'v', points: 10, event: 'page_view', halfLife: { days: 1 }, repeat: { max: 1000 } }],
  },
  stages: [{ id: 'hot', when: { score: 'total', gte: 15 } }, { id: 'rest' }],
});
for (const count of [500, 5_000, 10_000]) {
  const lead = { events: events(count, 'page_view') };
  results.push(
    measure(`stageHistory, decaying score, ${count} events`, () => stageHistory(lead, decay, { asOf })),
  );
}
const window = compile({
  version: 1,
  id: 'window',
  criteria: { active: { when: { event: 'page_view', withinLast: { days: 30 } } } },
  stages: [{ id: 'active', when: { criterion: 'active' } }, { id: 'rest' }],
});
const sparse = {
  events: Array.from({ length: 3000 }, (_, index) => ({
    type: 'page_view',
    at: new Date(END - index * 31 * DAY).toISOString(),
  })),
};
results.push(
  measure('stageHistory, 30-day window, 3,000 events', () => stageHistory(sparse, window, { asOf })),
);
// fact leaves: metered by the size of the value they read (texts past 65,536 characters are not read)
const text = 'abc'.repeat(21_800); // 65,400 characters, just under the cap
// just under the 65,536-character cap in every text field of a preset's lead: what the budget meters (a
// longer text is not read at all, which would measure the cap instead)
const huge = 'vp '.repeat(21_800);
for (const [id, preset] of Object.entries(presets)) {
  const lead = {
    contact: { seniority: huge, title: huge },
    authority: { role: huge },
    budget: { status: huge, amount: huge },
    need: { severity: huge, statement: huge },
    company: { industry: huge, isCompetitor: huge },
    events: events(200, 'demo_completed'),
  };
  both(`presets.${id}, 65 KB in every text field`, compile(preset), lead);
  results.push(
    measure(`presets.${id}, 65 KB text fields: stageHistory`, () => stageHistory(lead, preset, { asOf })),
  );
}
const manyPatterns = compile({
  version: 1,
  id: 'patterns',
  facts: { 'custom.t': { type: 'string' } },
  criteria: {
    any: {
      when: {
        any: Array.from({ length: 300 }, (_, index) => ({
          fact: 'custom.t',
          matches: { pattern: `x${index}$|[a-c]*z`, flags: 'i' },
        })),
      },
    },
  },
  stages: [{ id: 'hot', when: { criterion: 'any' } }, { id: 'rest' }],
});
both('300 matches leaves on a 65 KB text', manyPatterns, { custom: { t: text } });
results.push(
  measure('300 matches leaves on a 65 KB text, 100 events: stageHistory', () =>
    stageHistory({ custom: { t: text }, events: events(100, 'demo_completed') }, manyPatterns, { asOf }),
  ),
);
// a lead whose objects share their children: 10 children, 8 levels, 10⁸ paths from 81 objects
let shared = { value: 'x' };
for (let level = 0; level < 8; level++)
  shared = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`k${index}`, shared]));
both('presets.saas, a lead of shared objects (10⁸ paths)', compile(presets.saas), {
  contact: { seniority: shared },
  authority: { role: shared },
  budget: { status: shared, amount: shared },
});
console.log(`worst median: ${Math.max(...results).toFixed(0)} ms`);
