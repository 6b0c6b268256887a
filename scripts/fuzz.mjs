// npm run fuzz — hostile leads and configs against the built package, structure-aware: leads shaped like
// leads with messy values anywhere, and configs made by mutating the presets. Prints the counts, and every
// input that threw, took over 100 ms, scored a non-finite number or classified differently twice.
//   FUZZ_LEADS=100000 FUZZ_CONFIGS=100000 FUZZ_SEED=1 npm run fuzz
import { performance } from 'node:perf_hooks';
import { ConfigError, compile, presets, safeParseConfig } from '../dist/index.js';

const LEADS = Number(process.env.FUZZ_LEADS ?? 100_000);
const CONFIGS = Number(process.env.FUZZ_CONFIGS ?? 100_000);
let state = Number(process.env.FUZZ_SEED ?? 1) >>> 0;
/** mulberry32 */
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => random() < p;

const EVENT_TYPES = [
  'demo_completed',
  'pricing_discussed',
  'webinar_attended',
  'newsletter_signup',
  'rfp_submitted',
  'x',
  '',
  'constructor',
  '__proto__',
];
const STRINGS = [
  '',
  'approved',
  'none',
  'Yes',
  'no',
  '12,000',
  '$25,000',
  '1e400',
  'NaN',
  '2026-02-30',
  '2026-06-01',
  '06/15/2026',
  'decision_maker',
  'vp',
  'student',
  '__proto__',
  'x'.repeat(2000),
];

function messy(depth = 0) {
  switch (int(depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return pick([0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER, 0.1, 5000, 8.64e15]);
    case 2:
      return pick(STRINGS);
    case 3:
      return chance(0.5);
    case 4:
      return pick([undefined, Number.NaN, Number.POSITIVE_INFINITY]);
    case 5:
      return new Date(int(2) ? Date.UTC(2026, int(12), 1 + int(28)) : Number.NaN);
    case 6:
      return Array.from({ length: int(4) }, () => messy(depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: int(4) }, () => [
          pick(['a', 'status', 'amount', 'role', '__proto__', 'length']),
          messy(depth + 1),
        ]),
      );
    default:
      return pick(STRINGS);
  }
}

function lead() {
  if (chance(0.05)) return messy();
  const out = {};
  for (const [key, inner] of [
    ['budget', ['status', 'amount']],
    ['authority', ['role']],
    ['need', ['painPoints', 'severity']],
    ['timeline', ['purchaseBy']],
    ['contact', ['seniority']],
    ['company', ['isCompetitor', 'employees']],
  ]) {
    if (chance(0.3)) continue;
    out[key] = chance(0.1)
      ? messy()
      : Object.fromEntries(inner.map((name) => [name, chance(0.5) ? pick(STRINGS) : messy()]));
  }
  if (chance(0.3)) out.id = chance(0.5) ? `L${int(1e6)}` : messy();
  if (chance(0.8)) {
    out.events = chance(0.05)
      ? messy()
      : Array.from({ length: int(30) }, () =>
          chance(0.05)
            ? messy()
            : {
                type: chance(0.95) ? pick(EVENT_TYPES) : messy(),
                at: chance(0.9)
                  ? new Date(Date.UTC(2026, 5, 30) - int(400) * 86_400_000).toISOString()
                  : messy(),
                ...(chance(0.2) ? { props: messy() } : {}),
              },
        );
  }
  return out;
}

/** A deep copy of a preset with 1 to 3 random edits somewhere in it. */
function mutant() {
  const config = structuredClone(pick(Object.values(presets)));
  config.examples = [];
  for (let edits = 1 + int(3); edits > 0; edits--) {
    // walk to a random object node
    let node = config;
    for (let depth = 0; depth < 6; depth++) {
      const keys = Object.keys(node).filter((key) => node[key] !== null && typeof node[key] === 'object');
      if (keys.length === 0 || chance(0.25)) break;
      node = node[pick(keys)];
    }
    const keys = Object.keys(node);
    if (keys.length === 0) continue;
    const key = pick(keys);
    switch (int(7)) {
      case 0:
        node[key] = messy();
        break;
      case 1:
        delete node[key];
        break;
      case 2:
        node[
          pick([
            'gte',
            'in',
            'withinLast',
            'matches',
            'exists',
            'between',
            'criterion',
            'score',
            'halfLife',
            'points',
            'max',
            'gtee',
          ])
        ] = messy();
        break;
      case 3:
        node[key] = { not: node[key] };
        break;
      case 4:
        node[key] = pick([{ days: int(100) }, 'P1M', { years: 1e6 }, { days: 0 }, 'PT0S', { weeks: -1 }]);
        break;
      case 5:
        node[key] = pick([
          { fact: 'x', matches: '^(vp|head)' },
          { fact: 'x', matches: { pattern: 'a', flags: 'gi' } },
          { criterion: pick(Object.keys(config.criteria ?? {}).concat('zz')) },
        ]);
        break;
      default:
        node[key] = pick([1e9, -1e9, 1e10, 0, -0.5]);
    }
  }
  return config;
}

const found = { threw: [], slow: [], nonFinite: [], unstable: [] };
const report = (kind, what, input, detail) => {
  if (found[kind].length < 5)
    found[kind].push({
      what,
      detail: String(detail).slice(0, 200),
      input: JSON.stringify(input)?.slice(0, process.env.FUZZ_FULL === undefined ? 400 : undefined),
    });
  else found[kind].push(null);
};
const asOf = Date.UTC(2026, 5, 30);

function check(classifier, input, what) {
  const start = performance.now();
  let result;
  try {
    result = classifier.classify(input, { asOf });
  } catch (error) {
    report('threw', what, input, error);
    return;
  }
  const took = performance.now() - start;
  if (took > 100) report('slow', what, input, `${took.toFixed(0)} ms`);
  for (const value of Object.values(result.scores))
    if (!Number.isFinite(value)) report('nonFinite', what, input, JSON.stringify(result.scores));
  if (chance(0.1)) {
    const again = classifier.classify(input, { asOf });
    if (JSON.stringify(again) !== JSON.stringify(result))
      report('unstable', what, input, 'two classifications differ');
  }
}

const started = performance.now();
const classifiers = Object.values(presets).map((preset) => compile(preset));
for (let index = 0; index < LEADS; index++)
  check(classifiers[index % classifiers.length], lead(), `lead ${index}`);

let accepted = 0;
let refused = 0;
for (let index = 0; index < CONFIGS; index++) {
  const config = mutant();
  let parsed;
  const start = performance.now();
  try {
    parsed = safeParseConfig(config);
  } catch (error) {
    report('threw', `config ${index} (safeParseConfig)`, config, error);
    continue;
  }
  if (performance.now() - start > 100)
    report('slow', `config ${index} (validation)`, config, `${(performance.now() - start).toFixed(0)} ms`);
  if (!parsed.success) {
    refused++;
    try {
      compile(config);
      report('threw', `config ${index}`, config, 'compile accepted what safeParseConfig refused');
    } catch (error) {
      if (!(error instanceof ConfigError)) report('threw', `config ${index} (compile)`, config, error);
    }
    continue;
  }
  accepted++;
  let classifier;
  try {
    classifier = compile(config);
  } catch (error) {
    report('threw', `config ${index} (compile)`, config, error);
    continue;
  }
  for (let leadIndex = 0; leadIndex < 3; leadIndex++)
    check(classifier, lead(), `config ${index}, lead ${leadIndex}`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  `fuzz (seed ${process.env.FUZZ_SEED ?? 1}): ${LEADS} leads × the presets, ${CONFIGS} mutated configs (${accepted} accepted and classified 3 leads each, ${refused} refused with a ConfigError), ${seconds} s`,
);
let failures = 0;
for (const [kind, list] of Object.entries(found)) {
  console.log(`  ${kind}: ${list.length}`);
  for (const each of list.filter(Boolean))
    console.log(`    ${each.what}: ${each.detail}\n      ${each.input}`);
  failures += list.length;
}
process.exitCode = failures > 0 ? 1 : 0;
