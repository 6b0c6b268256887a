// npm run bench — throughput of one SaaS BANT ruleset written four ways, on the same seeded leads,
// after checking that all four give every lead the same stage. Reports medians of several rounds and
// ratios to the hand-written baseline measured in the same process: never a bare time.
import { performance } from 'node:perf_hooks';
import { compile, sealConfig } from '../dist/index.js';
import { compileSealed } from '../dist/runtime.js';
import { bigConfig as big } from './bigConfig.mjs';
import { AS_OF, generateLeads } from './leads.mjs';
import { classifyByHand, classifyWithJsonLogic, createRulesEngine, leadstageConfig } from './ruleset.mjs';

const LEADS = Number(process.env.BENCH_LEADS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const asOf = Date.parse(AS_OF);
const leads = generateLeads(LEADS, 42);
const classifier = compile(leadstageConfig);
const rulesEngine = createRulesEngine();

const implementations = {
  'hand-written': (lead) => classifyByHand(lead, asOf),
  leadstage: (lead) => classifier.classify(lead, { asOf }).stage,
  'json-logic-js': (lead) => classifyWithJsonLogic(lead, asOf),
  'json-rules-engine': (lead) => rulesEngine(lead, asOf),
};

// 1. Agreement: every implementation gives every lead the same stage.
const counts = {};
for (const lead of leads) {
  const expected = classifyByHand(lead, asOf);
  counts[expected] = (counts[expected] ?? 0) + 1;
  for (const [name, run] of Object.entries(implementations)) {
    const stage = await run(lead);
    if (stage !== expected) {
      console.error(
        `${name} disagrees with hand-written on ${lead.id}: ${stage} ≠ ${expected}\n${JSON.stringify(lead)}`,
      );
      process.exit(1);
    }
  }
}
console.log(`agreement: all 4 give the same stage on ${LEADS} leads ${JSON.stringify(counts)}`);

// 2. Throughput: rounds interleave the implementations so machine noise hits them alike.
// json-rules-engine is ~1000× slower: it runs on a slice so a round stays short.
const sample = { 'json-rules-engine': leads.slice(0, Math.max(200, Math.floor(LEADS / 50))) };
const rates = Object.fromEntries(Object.keys(implementations).map((name) => [name, []]));
let sink = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(implementations)) {
    const batch = sample[name] ?? leads;
    const start = performance.now();
    if (name === 'json-rules-engine') for (const lead of batch) sink += (await run(lead)).length;
    else for (const lead of batch) sink += run(lead).length;
    const seconds = (performance.now() - start) / 1000;
    rates[name].push(batch.length / seconds);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const baseline = median(rates['hand-written']);
console.log(
  `\nthroughput, median of ${ROUNDS} rounds (first round included: it is the JIT warm-up for all alike)`,
);
console.log('implementation        leads/s (this machine)   ratio to hand-written   leadstage is … × faster');
const leadstageRate = median(rates.leadstage);
for (const name of Object.keys(implementations)) {
  const rate = median(rates[name]);
  console.log(
    `${name.padEnd(22)}${Math.round(rate).toString().padStart(10)}               ${(rate / baseline).toFixed(3).padStart(8)}×              ${name === 'leadstage' ? '' : `${(leadstageRate / rate).toFixed(2)}×`}`,
  );
}

// 3. compile() of a 200-criterion config, against classifying by hand in the same process.
// compile validates, lints and compiles; compileSealed (leadstage/runtime) checks the seal and compiles.
// A fresh copy each round: no cache involved. The first call includes V8 compiling leadstage's own code.
function timeCompile(run, input) {
  const times = [];
  for (let round = 0; round < 50; round++) {
    const copy = structuredClone(input);
    const start = performance.now();
    run(copy);
    times.push(performance.now() - start);
  }
  return { first: times[0], warm: median(times.slice(25)) };
}
const leadsWorth = (ms) => Math.round((ms / 1000) * baseline);
console.log('\ncompile of a 200-criterion config (the big config of bench/run.mjs), on this machine:');
for (const [name, run, input] of [
  ['compile (validate + lint + compile)', compile, () => big],
  // sealed only now, so that sealing (which validates) does not warm compile's first call up
  ['compileSealed (leadstage/runtime)', compileSealed, () => sealConfig(big)],
]) {
  const { first, warm } = timeCompile(run, input());
  console.log(
    `${name.padEnd(38)} first call ${first.toFixed(2)} ms, warm median ${warm.toFixed(2)} ms` +
      ` — the time of ${leadsWorth(first)} / ${leadsWorth(warm)} leads classified by hand`,
  );
}
if (sink === 0) console.log('');
