// node bench/ab.mjs <dist-a> <dist-b> — A/B of two builds of leadstage in one process: the same seeded
// leads classified by `compile(config).classify` of each build, in short interleaved rounds, CPU time
// (process.cpuUsage), median ratio b / a. Use it to check that a refactor keeps the hot path's speed:
//   git worktree add /tmp/before HEAD && (cd /tmp/before && npm ci && npx tsup)
//   npm run build && node bench/ab.mjs /tmp/before/dist dist
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AS_OF, generateLeads } from './leads.mjs';
import { leadstageConfig } from './ruleset.mjs';

const [pathA, pathB] = process.argv.slice(2);
if (pathA === undefined || pathB === undefined) {
  console.error('usage: node bench/ab.mjs <dist-a> <dist-b>');
  process.exit(2);
}
const load = async (dir) => import(pathToFileURL(resolve(dir, 'index.js')).href);
const [a, b] = await Promise.all([load(pathA), load(pathB)]);
const LEADS = Number(process.env.BENCH_LEADS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 41);
const asOf = Date.parse(AS_OF);
const leads = generateLeads(LEADS, 42);
const builds = { a: a.compile(leadstageConfig), b: b.compile(leadstageConfig) };

for (const lead of leads) {
  const left = JSON.stringify(builds.a.classify(lead, { asOf }));
  const right = JSON.stringify(builds.b.classify(lead, { asOf }));
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
const sorted = [...ratios].sort((x, y) => x - y);
const median = sorted[Math.floor(sorted.length / 2)];
const q1 = sorted[Math.floor(sorted.length / 4)];
const q3 = sorted[Math.floor((3 * sorted.length) / 4)];
console.log(
  `full classify, ${LEADS} leads × ${ROUNDS} interleaved rounds, CPU time: b is ${median.toFixed(3)}× the speed of a` +
    ` (interquartile ${q1.toFixed(3)}–${q3.toFixed(3)}; identical results on every lead)`,
);
