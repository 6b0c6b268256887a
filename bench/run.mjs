// npm run bench — leadstage against the code it replaces, measured honestly: the reference is hand-written
// JavaScript as a competent developer writes it (bench/ruleset.mjs), every figure is a ratio of CPU time to
// that reference in the same round, rounds interleave the implementations, and each experiment runs in
// several fresh processes (the median is reported, with the range). Never a bare time.
//
//   npm run bench                     # everything, 3 processes per experiment
//   BENCH_PROCESSES=5 npm run bench   # steadier
//   node bench/run.mjs main           # one experiment: main | kept | cold-keep | events | criteria | memory | compile | codegen | threads
//
// cold-keep (bench/coldKeep.mjs) runs its own fresh processes: results kept before any warm-up, each level,
// this checkout against the code before the site-free rule (BENCH_BASELINE=<git ref | dist dir | none>).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { compile, generateModule, presets, sealConfig } from '../dist/index.js';
import { compileSealed } from '../dist/runtime.js';
import { bigConfig, configOfSize } from './bigConfig.mjs';
import { coldKeepBench } from './coldKeep.mjs';
import { AS_OF, generateLeads } from './leads.mjs';
import { cpuMs, median, speedRatios } from './measure.mjs';
import {
  classifyByHand,
  classifyCeiling,
  classifyWithJsonLogic,
  createRulesEngine,
  leadstageConfig,
} from './ruleset.mjs';

const asOf = Date.parse(AS_OF);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
let sink = 0;
const each = (leads, run) => () => {
  for (const lead of leads) sink += run(lead).length;
};

/** The stage each way, for the agreement check and the main table. */
function ways(classifier) {
  return {
    'hand-written': (lead) => classifyByHand(lead, asOf),
    'hand-tuned ceiling': (lead) => classifyCeiling(lead, asOf),
    'leadstage stage()': (lead) => classifier.stage(lead, { asOf }),
    "leadstage 'statuses'": (lead) => classifier.classify(lead, { asOf, detail: 'statuses' }).stage,
    "leadstage 'full'": (lead) => classifier.classify(lead, { asOf }).stage,
    'json-logic-js': (lead) => classifyWithJsonLogic(lead, asOf),
  };
}

/** Stops the bench when any way disagrees with the hand-written stage on any lead. */
function checkAgreement(leads, classifier) {
  const counts = {};
  for (const lead of leads) {
    const expected = classifyByHand(lead, asOf);
    counts[expected] = (counts[expected] ?? 0) + 1;
    for (const [name, run] of Object.entries(ways(classifier))) {
      const stage = run(lead);
      if (stage !== expected) {
        console.error(
          `${name} disagrees with hand-written on ${lead.id}: ${stage} ≠ ${expected}\n${JSON.stringify(lead)}`,
        );
        process.exit(1);
      }
    }
  }
  return counts;
}

const experiments = {
  /** Every implementation on the default leads (0–20 events), plus json-rules-engine on a slice. */
  async main() {
    const classifier = compile(leadstageConfig);
    const leads = generateLeads(5_000, 42);
    const ratios = speedRatios(
      Object.fromEntries(Object.entries(ways(classifier)).map(([name, run]) => [name, each(leads, run)])),
      'hand-written',
      ROUNDS,
    );
    // json-rules-engine is async and ~100× slower: timed on 100 leads against the reference on the same 100
    const engine = createRulesEngine();
    const slice = leads.slice(0, 100);
    const engineRatios = [];
    for (let round = 0; round < 7; round++) {
      let start = process.cpuUsage();
      for (const lead of slice) sink += (await engine(lead, asOf)).length;
      let used = process.cpuUsage(start);
      const engineMs = used.user + used.system;
      start = process.cpuUsage();
      for (let repeat = 0; repeat < 20; repeat++)
        for (const lead of slice) sink += classifyByHand(lead, asOf).length;
      used = process.cpuUsage(start);
      engineRatios.push((used.user + used.system) / 20 / engineMs);
    }
    return { ...ratios, 'json-rules-engine': median(engineRatios) };
  },

  /**
   * The keep-the-results pattern of batch jobs and services: classify, keep 20,000 full results in an
   * array, then classify more. Ratios to the reference before and after the kept pass. Warm first: the
   * cold keep (results kept before any warm-up) is `cold-keep`, in bench/coldKeep.mjs.
   */
  kept() {
    const classifier = compile(leadstageConfig);
    const leads = generateLeads(5_000, 7);
    const measure = () =>
      speedRatios(
        {
          'hand-written': each(leads, (lead) => classifyByHand(lead, asOf)),
          "leadstage 'full'": each(leads, (lead) => classifier.classify(lead, { asOf }).stage),
          "leadstage 'statuses'": each(
            leads,
            (lead) => classifier.classify(lead, { asOf, detail: 'statuses' }).stage,
          ),
        },
        'hand-written',
        ROUNDS,
      );
    const before = measure();
    const kept = generateLeads(20_000, 8).map((lead) => classifier.classify(lead, { asOf }));
    const after = measure();
    sink += kept.length;
    return {
      "'full' after a kept pass ÷ before": after["leadstage 'full'"] / before["leadstage 'full'"],
      "'statuses' after a kept pass ÷ before": after["leadstage 'statuses'"] / before["leadstage 'statuses'"],
    };
  },

  /** 0, 10, 100 and 1,000 events per lead. */
  events() {
    const classifier = compile(leadstageConfig);
    const out = {};
    for (const [events, count] of [
      [0, 5_000],
      [10, 2_000],
      [100, 400],
      [1_000, 40],
    ]) {
      const leads = generateLeads(count, 11, { events });
      checkAgreement(leads, classifier);
      const ratios = speedRatios(
        {
          'hand-written': each(leads, (lead) => classifyByHand(lead, asOf)),
          ceiling: each(leads, (lead) => classifyCeiling(lead, asOf)),
          'stage()': each(leads, (lead) => classifier.stage(lead, { asOf })),
          "'full'": each(leads, (lead) => classifier.classify(lead, { asOf }).stage),
        },
        'hand-written',
        ROUNDS,
      );
      for (const [name, ratio] of Object.entries(ratios))
        if (name !== 'hand-written') out[`${events} events: ${name}`] = ratio;
    }
    return out;
  },

  /** Configs of 10, 50 and 200 criteria: the cost of one lead, in leads of the reference. */
  criteria() {
    const leads = generateLeads(2_000, 13);
    const out = {};
    for (const size of [10, 50, 200]) {
      const classifier = compile(configOfSize(size));
      const ratios = speedRatios(
        {
          'hand-written': each(leads, (lead) => classifyByHand(lead, asOf)),
          'stage()': each(leads, (lead) => classifier.stage(lead, { asOf })),
          "'statuses'": each(leads, (lead) => classifier.classify(lead, { asOf, detail: 'statuses' }).stage),
          "'full'": each(leads, (lead) => classifier.classify(lead, { asOf }).stage),
        },
        'hand-written',
        ROUNDS,
      );
      for (const [name, ratio] of Object.entries(ratios))
        if (name !== 'hand-written') out[`${size} criteria: ${name}`] = ratio;
    }
    return out;
  },

  /**
   * compile (validate + lint + compile) and compileSealed of the 200-criterion config, as the number of
   * leads the hand-written reference classifies in the same CPU time: the first call of the process, and warm.
   */
  compile() {
    const leads = generateLeads(5_000, 19);
    const start = process.cpuUsage();
    for (const lead of leads) sink += classifyByHand(lead, asOf).length;
    const used = process.cpuUsage(start);
    const perLead = (used.user + used.system) / 1000 / leads.length;
    const out = {};
    const sealed = sealConfig(bigConfig);
    for (const [name, run, input] of [
      ['compile', compile, bigConfig],
      ['compileSealed', compileSealed, sealed],
    ]) {
      const times = [];
      for (let round = 0; round < 40; round++) {
        const copy = structuredClone(input);
        times.push(cpuMs(() => run(copy)));
      }
      out[`${name}, first call (leads)`] = times[0] / perLead;
      out[`${name}, warm (leads)`] = median(times.slice(20)) / perLead;
    }
    return out;
  },

  /**
   * Generated code (issue 20) against the closures and the hand-written reference, stage() on the default
   * leads: JIT (`compile(config, { codegen: true })`, new Function) and AOT (`generateModule`, an ES module
   * importing dist/helpers.js), stage(), the 'statuses' level and full results.
   */
  async codegen() {
    const closures = compile(leadstageConfig);
    const jit = compile(leadstageConfig, { codegen: true });
    if (jit.mode !== 'jit') throw new Error('codegen: new Function is not allowed here');
    const directory = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.codegen-'));
    let aot;
    try {
      const file = join(directory, 'classifier.mjs');
      const helpers = pathToFileURL(fileURLToPath(new URL('../dist/helpers.js', import.meta.url))).href;
      writeFileSync(
        file,
        generateModule(leadstageConfig, { helpers, levels: ['stage', 'statuses', 'full'] }),
      );
      aot = (await import(pathToFileURL(file).href)).default;
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    const leads = generateLeads(5_000, 42);
    const statuses = { asOf, detail: 'statuses' };
    for (const lead of leads) {
      const expected = closures.stage(lead, { asOf });
      if (jit.stage(lead, { asOf }) !== expected || aot.stage(lead, { asOf }) !== expected) {
        throw new Error(`codegen: generated stage() disagrees on ${lead.id}`);
      }
      const result = JSON.stringify(closures.classify(lead, statuses));
      if (
        JSON.stringify(jit.classify(lead, statuses)) !== result ||
        JSON.stringify(aot.classify(lead, statuses)) !== result
      ) {
        throw new Error(`codegen: generated 'statuses' result disagrees on ${lead.id}`);
      }
      const full = JSON.stringify(closures.classify(lead, { asOf }));
      if (
        JSON.stringify(jit.classify(lead, { asOf })) !== full ||
        JSON.stringify(aot.classify(lead, { asOf })) !== full
      ) {
        throw new Error(`codegen: generated full result disagrees on ${lead.id}`);
      }
    }
    return speedRatios(
      {
        'hand-written': each(leads, (lead) => classifyByHand(lead, asOf)),
        'closures stage()': each(leads, (lead) => closures.stage(lead, { asOf })),
        'JIT stage() (new Function)': each(leads, (lead) => jit.stage(lead, { asOf })),
        'AOT stage() (generated module)': each(leads, (lead) => aot.stage(lead, { asOf })),
        "closures 'statuses'": each(leads, (lead) => closures.classify(lead, statuses).stage),
        "JIT 'statuses'": each(leads, (lead) => jit.classify(lead, statuses).stage),
        "AOT 'statuses'": each(leads, (lead) => aot.classify(lead, statuses).stage),
        'closures full': each(leads, (lead) => closures.classify(lead, { asOf }).stage),
        'JIT full': each(leads, (lead) => jit.classify(lead, { asOf }).stage),
        'AOT full': each(leads, (lead) => aot.classify(lead, { asOf }).stage),
      },
      'hand-written',
      ROUNDS,
    );
  },

  /** Bytes allocated and retained per result (`presets.saas`): heap deltas around forced collections. */
  memory() {
    const classifier = compile(presets.saas);
    const leads = generateLeads(4_000, 17);
    const gc = globalThis.gc;
    const used = () => v8.getHeapStatistics().used_heap_size;
    const out = {};
    for (const [name, options] of [
      ["'full'", { asOf }],
      ["'statuses'", { asOf, detail: 'statuses' }],
    ]) {
      for (const lead of leads) classifier.classify(lead, options); // warm
      // allocated: the heap grows by what is allocated while no collection runs (a 64 MB young space)
      const allocated = [];
      for (let round = 0; round < 7; round++) {
        gc();
        const start = used();
        for (let index = 0; index < 1_000; index++) classifier.classify(leads[index], options);
        allocated.push((used() - start) / 1_000);
      }
      gc();
      const start = used();
      const kept = leads.map((lead) => classifier.classify(lead, options));
      gc();
      out[`${name} retained`] = (used() - start) / kept.length;
      out[`${name} allocated`] = median(allocated);
      sink += kept.length;
      kept.length = 0; // or the next detail's "retained" sees these freed
    }
    return out;
  },

  /**
   * Worker threads: what posting results between threads costs against classifying. `postMessage` clones its
   * message with the structured clone algorithm (serialised on one thread, deserialised on the other);
   * `structuredClone` runs both halves on one thread, so its CPU time is what a round trip through a
   * worker costs in all. Each line is the CPU time of cloning every lead's result (or the lead) ÷ that of
   * classifying every lead with full results, in the same round (> 1: cloning costs more than classifying).
   */
  threads() {
    const classifier = compile(leadstageConfig);
    const leads = generateLeads(5_000, 11);
    const full = leads.map((lead) => classifier.classify(lead, { asOf }));
    const statuses = leads.map((lead) => classifier.classify(lead, { asOf, detail: 'statuses' }));
    const stages = leads.map((lead) => classifier.stage(lead, { asOf }));
    const clone = (values) => () => {
      for (const value of values) sink += structuredClone(value) === undefined ? 0 : 1;
    };
    const speeds = speedRatios(
      {
        'classify, full results': each(leads, (lead) => classifier.classify(lead, { asOf }).stage),
        "classify, 'statuses'": each(
          leads,
          (lead) => classifier.classify(lead, { asOf, detail: 'statuses' }).stage,
        ),
        'clone a full result': clone(full),
        "clone a 'statuses' result": clone(statuses),
        'clone the stage (a string)': clone(stages),
        'clone the lead': clone(leads),
      },
      'classify, full results',
      ROUNDS,
    );
    // cost relative to classifying with full results: the inverse of the speed ratio
    return Object.fromEntries(Object.entries(speeds).map(([name, speed]) => [name, 1 / speed]));
  },
};

const FLAGS = { memory: ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'] };
const TITLES = {
  main: 'Speed relative to the hand-written reference (> 1: faster), default leads (0–20 events)',
  kept: 'After keeping 20,000 full results in an array (1.0: no slowdown)',
  events: 'Speed relative to the hand-written reference, by events per lead',
  criteria: 'Speed relative to the hand-written reference (the 4-criterion ruleset), by config size',
  memory: 'Bytes per result, presets.saas',
  threads:
    "CPU time per lead relative to classifying it with full results (> 1: costs more), the bench's SaaS ruleset",
  codegen: 'Generated code against the closures, speed relative to the hand-written reference (> 1: faster)',
  compile:
    'compile of the 200-criterion config (bench/bigConfig.mjs), in leads classified by hand in the same CPU time',
};

const [, , first, second] = process.argv;
if (first === '--child') {
  const result = await experiments[second]();
  process.stdout.write(`${JSON.stringify({ result, sink: sink > 0 })}\n`);
} else {
  const all = Object.keys(experiments);
  // cold-keep right after kept: the two ways of keeping results side by side
  all.splice(all.indexOf('kept') + 1, 0, 'cold-keep');
  const chosen = first === undefined ? all : [first];
  const processes = Number(process.env.BENCH_PROCESSES ?? 3);
  const self = fileURLToPath(import.meta.url);
  const agreement = checkAgreement(generateLeads(20_000, 42), compile(leadstageConfig));
  console.log(
    `agreement: every way gives the hand-written stage on 20000 leads ${JSON.stringify(agreement)}`,
  );
  console.log(
    `node ${process.version}, ${processes} processes per experiment, ${ROUNDS} interleaved rounds each, CPU time`,
  );
  for (const name of chosen) {
    if (name === 'cold-keep') {
      await coldKeepBench({ processes, rounds: ROUNDS });
      continue;
    }
    const runs = [];
    for (let run = 0; run < processes; run++) {
      const output = execFileSync(process.execPath, [...(FLAGS[name] ?? []), self, '--child', name], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      runs.push(JSON.parse(output.trim().split('\n').at(-1)).result);
    }
    console.log(`\n${TITLES[name]} — median of ${processes} processes [min – max]`);
    for (const key of Object.keys(runs[0])) {
      const values = runs.map((run) => run[key]);
      const digits = name === 'memory' || name === 'compile' ? 0 : 3;
      const format = (value) => value.toFixed(digits);
      console.log(
        `  ${key.padEnd(44)} ${format(median(values)).padStart(9)}   [${format(Math.min(...values))} – ${format(Math.max(...values))}]`,
      );
    }
  }
}
