// node bench/ab.mjs <dist-a> <dist-b> — A/B of two builds of leadstage in one process: the same seeded
// leads classified by `compile(config).classify` of each build, in short interleaved rounds, CPU time
// (process.cpuUsage), median ratio b / a. Use it to check that a refactor keeps the hot path's speed:
//   git worktree add /tmp/before HEAD && (cd /tmp/before && npm ci && npx tsup)
//   npm run build && node bench/ab.mjs /tmp/before/dist dist
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bigConfig } from './bigConfig.mjs';
import { AS_OF, generateLeads } from './leads.mjs';
import { leadstageConfig } from './ruleset.mjs';

const [pathA, pathB] = process.argv.slice(2);
if (pathA === undefined || pathB === undefined) {
  console.error('usage: node bench/ab.mjs <dist-a> <dist-b>');
  process.exit(2);
}
const load = async (dir) => ({
  ...(await import(pathToFileURL(resolve(dir, 'index.js')).href)),
  runtime: await import(pathToFileURL(resolve(dir, 'runtime.js')).href),
});
const [a, b] = await Promise.all([load(pathA), load(pathB)]);
const LEADS = Number(process.env.BENCH_LEADS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 41);
const asOf = Date.parse(AS_OF);
const leads = generateLeads(LEADS, 42);
const builds = { a: a.compile(leadstageConfig), b: b.compile(leadstageConfig) };

// AB_AGREE=stage compares only the stages, for builds whose results differ on purpose
const agreeOn =
  process.env.AB_AGREE === 'stage' ? (result) => result.stage : (result) => JSON.stringify(result);
for (const lead of leads) {
  const left = agreeOn(builds.a.classify(lead, { asOf }));
  const right = agreeOn(builds.b.classify(lead, { asOf }));
  if (left !== right) {
    console.error(`the builds disagree on ${lead.id}:\n${left}\n${right}`);
    process.exit(1);
  }
}

function cpuRound(classifier) {
  const start = process.cpuUsage();
  let sink = 0;
  for (const lead of leads) sink += classifier.classify(lead, { asOf }).stage.length;
  const used = process.cpuUsage(start);
  if (sink === 0) throw new Error('nothing classified');
  return used.user + used.system;
}
const ratios = [];
for (let round = 0; round < ROUNDS; round++) {
  // alternate which build goes first, so neither always runs on a warmer cache
  const first = round % 2 === 0 ? 'a' : 'b';
  const times = {};
  times[first] = cpuRound(builds[first]);
  const second = first === 'a' ? 'b' : 'a';
  times[second] = cpuRound(builds[second]);
  ratios.push(times.a / times.b);
}
const quartiles = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (fraction) => sorted[Math.floor(fraction * sorted.length)].toFixed(3);
  return `${at(0.5)}× (interquartile ${at(0.25)}–${at(0.75)})`;
};
console.log(
  `full classify, ${LEADS} leads × ${ROUNDS} interleaved rounds, CPU time: b runs at ${quartiles(ratios)} the speed of a; ${process.env.AB_AGREE === 'stage' ? 'the same stage' : 'identical results'} on every lead`,
);

// compile (validate + lint + compile) and compileSealed of the 200-criterion config, interleaved
const sealed = a.sealConfig(bigConfig);
for (const [name, run] of [
  ['compile', (build) => build.compile(structuredClone(bigConfig))],
  ['compileSealed', (build) => build.runtime.compileSealed(structuredClone(sealed))],
]) {
  const compileRatios = [];
  for (let round = 0; round < 60; round++) {
    const order = round % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    const times = {};
    for (const key of order) {
      const start = process.cpuUsage();
      run(key === 'a' ? a : b);
      const used = process.cpuUsage(start);
      times[key] = used.user + used.system;
    }
    if (round >= 10) compileRatios.push(times.a / times.b);
  }
  console.log(
    `${name} of the 200-criterion config, 50 warm interleaved rounds: b runs at ${quartiles(compileRatios)} the speed of a`,
  );
}
