// npm run fuzz — hostile leads and configs against the built package, structure-aware: leads shaped like
// leads with messy values anywhere, configs made by mutating the presets, random date formats, and
// events-heavy leads against every preset (and their histories) with a CPU bound per call; generated
// stage(), 'statuses' and full results (compile's JIT) against the closures' on every preset lead and mutated config. Prints the
// counts, the slowest call of each kind, and every input that threw, went over its bound, scored a
// non-finite number or classified differently twice. Not part of `npm test` (CI runs a small one by hand).
//   FUZZ_LEADS=100000 FUZZ_CONFIGS=100000 FUZZ_SEED=1 npm run fuzz
//   node scripts/fuzz.mjs --seed 2 --leads 100000 --configs 100000 --formats 5000 --heavy 30 --histories 20
// Bounds (docs/security.md): CPU ms per classify/stage() call and per stageHistory, settable with
// --bound-ms / --history-bound-ms (FUZZ_BOUND_MS, FUZZ_HISTORY_BOUND_MS).
import { performance } from 'node:perf_hooks';
import { ConfigError, compile, presets, safeParseConfig, stageHistory } from '../dist/index.js';

/** `--name value` from the command line, else the environment variable, else the default. */
const setting = (name, variable, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : process.env[variable];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`fuzz: --${name} (${variable}) must be a number ≥ 0, received ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
};
const LEADS = setting('leads', 'FUZZ_LEADS', 100_000);
const CONFIGS = setting('configs', 'FUZZ_CONFIGS', 100_000);
const SEED = setting('seed', 'FUZZ_SEED', 1);
const FORMATS = setting('formats', 'FUZZ_FORMATS', 5_000);
const HEAVY = setting('heavy', 'FUZZ_HEAVY', 30);
const HISTORIES = setting('histories', 'FUZZ_HISTORIES', 20);
const BOUND_MS = setting('bound-ms', 'FUZZ_BOUND_MS', 500);
const HISTORY_BOUND_MS = setting('history-bound-ms', 'FUZZ_HISTORY_BOUND_MS', 1_500);
let state = SEED >>> 0;
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

const found = { threw: [], slow: [], overBound: [], nonFinite: [], unstable: [], generatedDiffers: [] };
/** The slowest call of each kind, CPU ms. */
const slowest = {};
const cpu = (kind, call) => {
  const start = process.cpuUsage();
  const result = call();
  const used = process.cpuUsage(start);
  const ms = (used.user + used.system) / 1000;
  slowest[kind] = Math.max(slowest[kind] ?? 0, ms);
  return [result, ms];
};
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
  let result;
  let took;
  try {
    [result, took] = cpu('classify', () => classifier.classify(input, { asOf }));
  } catch (error) {
    report('threw', what, input, error);
    return;
  }
  if (took > 100) report('slow', what, input, `${took.toFixed(0)} ms`);
  for (const value of Object.values(result.scores))
    if (!Number.isFinite(value)) report('nonFinite', what, input, JSON.stringify(result.scores));
  if (chance(0.1)) {
    const again = classifier.classify(input, { asOf });
    if (JSON.stringify(again) !== JSON.stringify(result))
      report('unstable', what, input, 'two classifications differ');
  }
}

/**
 * Generated stage(), 'statuses' and full results (compile's JIT) against the closures' on one lead: the same
 * stage and the same results as JSON text (full in a locale that changes with the lead), or the same error.
 */
function checkGenerated(closures, jit, input, what) {
  const stageOf = (classifier) => {
    try {
      return classifier.stage(input, { asOf });
    } catch (error) {
      return `throws ${error}`;
    }
  };
  const statusesOf = (classifier) => {
    try {
      return JSON.stringify(classifier.classify(input, { asOf, detail: 'statuses' }));
    } catch (error) {
      return `throws ${error}`;
    }
  };
  const expected = stageOf(closures);
  const actual = stageOf(jit);
  if (actual !== expected)
    report('generatedDiffers', what, input, `generated ${actual}, closures ${expected}`);
  const expectedStatuses = statusesOf(closures);
  const actualStatuses = statusesOf(jit);
  if (actualStatuses !== expectedStatuses)
    report(
      'generatedDiffers',
      `${what} ('statuses')`,
      input,
      `generated ${actualStatuses}, closures ${expectedStatuses}`,
    );
  const locale = ['en', 'de', 'fr-CA', undefined][fullCalls++ % 4];
  const fullOf = (classifier) => {
    try {
      return JSON.stringify(classifier.classify(input, { asOf, locale }));
    } catch (error) {
      return `throws ${error}`;
    }
  };
  const expectedFull = fullOf(closures);
  const actualFull = fullOf(jit);
  if (actualFull !== expectedFull)
    report('generatedDiffers', `${what} (full)`, input, `generated ${actualFull}, closures ${expectedFull}`);
}
let fullCalls = 0;

const started = performance.now();
const classifiers = Object.values(presets).map((preset) => compile(preset));
const jits = Object.values(presets).map((preset) => compile(preset, { codegen: true }));
for (let index = 0; index < LEADS; index++) {
  const input = lead();
  check(classifiers[index % classifiers.length], input, `lead ${index}`);
  checkGenerated(classifiers[index % classifiers.length], jits[index % jits.length], input, `lead ${index}`);
}

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
  let jit;
  try {
    jit = compile(config, { codegen: true });
  } catch (error) {
    report('threw', `config ${index} (compile, codegen)`, config, error);
    continue;
  }
  for (let leadIndex = 0; leadIndex < 3; leadIndex++) {
    const input = lead();
    check(classifier, input, `config ${index}, lead ${leadIndex}`);
    checkGenerated(classifier, jit, input, `config ${index}, lead ${leadIndex} (generated stage())`);
  }
}

// random date formats: token soup, adjacent digit tokens, literals; values of digits and separators
const FORMAT_PIECES = [
  'yyyy',
  'yy',
  'MM',
  'M',
  'dd',
  'd',
  'HH',
  'H',
  'hh',
  'h',
  'a',
  'mm',
  'ss',
  'SSS',
  '/',
  '.',
  '-',
  ' ',
  ':',
  "'T'",
  '1',
  'dddd',
];
const VALUE_PIECES = ['0', '1', '2', '9', '12', '31', '2026', '/', '.', '-', ' ', ':', 'T', 'AM', 'pm', 'x'];
let formatsRead = 0;
for (let index = 0; index < FORMATS; index++) {
  let format = Array.from({ length: 1 + int(30) }, () => pick(FORMAT_PIECES))
    .join('')
    .slice(0, 100);
  if (!/d/.test(format)) format += 'd';
  const config = {
    version: 1,
    id: 'formats',
    read: { dateFormat: format },
    criteria: { recent: { when: { fact: 'createdAt', withinLast: { days: 30 } } } },
    stages: [{ id: 'recent', when: { criterion: 'recent' } }, { id: 'rest' }],
  };
  let classifier;
  try {
    [classifier] = cpu('date format compile', () => compile(config));
  } catch (error) {
    if (!(error instanceof ConfigError)) report('threw', `format ${index} (compile)`, format, error);
    continue;
  }
  for (let valueIndex = 0; valueIndex < 5; valueIndex++) {
    const value = Array.from({ length: int(60) }, () => pick(VALUE_PIECES)).join('');
    try {
      const [result, ms] = cpu('date format classify', () =>
        classifier.classify({ createdAt: value }, { asOf }),
      );
      if (result.criteria.recent.status !== 'unknown') formatsRead++;
      if (ms > BOUND_MS) report('overBound', `format ${index}`, { format, value }, `${ms.toFixed(0)} ms`);
    } catch (error) {
      report('threw', `format ${index}`, { format, value }, error);
    }
  }
}

// events-heavy leads against every preset: up to 1,000,000 events, types read and not, long props
const PRESET_TYPES = [
  ...new Set(
    JSON.stringify(presets)
      .match(/"[a-z]+(?:_[a-z]+)+"/g)
      .map((text) => JSON.parse(text)),
  ),
];
function heavyLead() {
  const count = pick([10_001, 20_000, 60_000, 200_000, chance(0.2) ? 1_000_000 : 15_000]);
  const longText = 'ab'.repeat(int(2000));
  const events = new Array(count);
  for (let index = 0; index < count; index++) {
    events[index] = chance(0.01)
      ? messy()
      : {
          type: chance(0.7) ? pick(PRESET_TYPES) : pick(EVENT_TYPES),
          at: new Date(Date.UTC(2026, 5, 30) - int(800) * 86_400_000 - int(86_400_000)).toISOString(),
          ...(chance(0.5) ? { props: { path: longText, source: pick(STRINGS), tags: [pick(STRINGS)] } } : {}),
        };
  }
  return { id: `heavy-${count}`, events, tags: Array.from({ length: int(100_000) }, () => pick(STRINGS)) };
}
const presetClassifiers = Object.entries(presets).map(([id, preset]) => [id, compile(preset)]);
for (let index = 0; index < HEAVY; index++) {
  const input = heavyLead();
  for (const [id, classifier] of presetClassifiers) {
    for (const kind of ['classify', 'stage']) {
      try {
        const [, ms] = cpu(`heavy ${kind}`, () =>
          kind === 'classify' ? classifier.classify(input, { asOf }) : classifier.stage(input, { asOf }),
        );
        if (ms > BOUND_MS)
          report(
            'overBound',
            `heavy lead ${index} × presets.${id} (${kind})`,
            input.id,
            `${ms.toFixed(0)} ms`,
          );
      } catch (error) {
        report('threw', `heavy lead ${index} × presets.${id} (${kind})`, input.id, error);
      }
    }
  }
}

// histories of events-heavy leads: decaying scores and windows, the quadratic cases of issue 19
const historyConfigs = [
  ...presetClassifiers.map(([, classifier]) => classifier),
  compile({
    version: 1,
    id: 'decay',
    criteria: {},
    scoring: {
      rules: [{ id: 'v', points: 10, event: 'page_view', halfLife: { days: 1 }, repeat: { max: 1000 } }],
    },
    stages: [{ id: 'hot', when: { score: 'total', gte: 15 } }, { id: 'rest' }],
  }),
  compile({
    version: 1,
    id: 'window',
    criteria: { active: { when: { event: 'page_view', withinLast: { days: 30 } } } },
    stages: [{ id: 'active', when: { criterion: 'active' } }, { id: 'rest' }],
  }),
];
for (let index = 0; index < HISTORIES; index++) {
  const count = pick([500, 3_000, 5_000, 10_000, 20_000]);
  const events = Array.from({ length: count }, () => ({
    type: chance(0.5) ? 'page_view' : pick(PRESET_TYPES),
    at: new Date(Date.UTC(2026, 5, 30) - int(1000) * 86_400_000 - int(86_400_000)).toISOString(),
  }));
  const classifier = pick(historyConfigs);
  try {
    const [, ms] = cpu('stageHistory', () => stageHistory({ events }, classifier, { asOf }));
    if (ms > HISTORY_BOUND_MS)
      report(
        'overBound',
        `history ${index} (${classifier.config.id})`,
        `${count} events`,
        `${ms.toFixed(0)} ms`,
      );
  } catch (error) {
    report('threw', `history ${index} (${classifier.config.id})`, `${count} events`, error);
  }
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  `fuzz (seed ${SEED}): ${LEADS} leads × the presets, ${CONFIGS} mutated configs (${accepted} accepted and classified 3 leads each, ${refused} refused with a ConfigError), ${FORMATS} date formats (${formatsRead} values read), ${HEAVY} events-heavy leads × ${presetClassifiers.length} presets, ${HISTORIES} histories; ${seconds} s`,
);
console.log(
  `  slowest CPU ms per call (bound ${BOUND_MS} ms, histories ${HISTORY_BOUND_MS} ms): ${Object.entries(
    slowest,
  )
    .map(([kind, ms]) => `${kind} ${ms.toFixed(0)}`)
    .join(', ')}`,
);
let failures = 0;
for (const [kind, list] of Object.entries(found)) {
  console.log(`  ${kind}: ${list.length}`);
  for (const each of list.filter(Boolean))
    console.log(`    ${each.what}: ${each.detail}\n      ${each.input}`);
  failures += list.length;
}
process.exitCode = failures > 0 ? 1 : 0;
