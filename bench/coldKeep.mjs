// The cold-keep bench: `node bench/run.mjs cold-keep` (also part of `npm run bench`).
//
// A batch job or a service often keeps results before anything has warmed up:
// `const results = leads.map((lead) => classifier.classify(lead, options))` is the first thing it does.
// If result parts come from allocation sites (object and array literals), V8 pretenures those sites then,
// and classify stays slower for the rest of the process (src/internal/siteFree.ts says why). So each
// figure comes from fresh processes: one keeps 20,000 results as its first classifications, its twin
// classifies the same leads and drops them; then both measure classify against the hand-written reference
// (bench/ruleset.mjs) in interleaved rounds, CPU time. after-keep ÷ drop is the keeping process's speed
// ratio over its twin's (1.0: keeping cost nothing). Every level (full, statuses, stage), for the code in
// this checkout and for a baseline — by default the last commit before the site-free rule — both built
// here the same way (esbuild, one bundle each), in the same run.
//
//   node bench/run.mjs cold-keep
//   BENCH_BASELINE=<git ref | directory with index.js> node bench/run.mjs cold-keep
//   BENCH_BASELINE=none node bench/run.mjs cold-keep     # the current code only
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AS_OF, generateLeads } from './leads.mjs';
import { median, speedRatios } from './measure.mjs';
import { classifyByHand, leadstageConfig } from './ruleset.mjs';

/** The last commit before the site-free rule: results built from literals, the cliff this bench shows. */
const BEFORE_SITE_FREE = '62373bab6a264701d8c51df60ad15d7abdfb14ff';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LEVELS = ['full', 'statuses', 'stage'];
/** The same levels run by generated code (`compile(config, { codegen: true })`): the current code only. */
const GENERATED = LEVELS.map((level) => `generated ${level}`);
const KEPT = Number(process.env.BENCH_KEPT ?? 20_000);
const asOf = Date.parse(AS_OF);
// CPU time counts every thread: with V8's GC helper threads, the collections classify causes would be billed
// to whichever round runs meanwhile, the reference's included. On the main thread, each round pays for its
// own (mostly: incremental marking steps still run in whatever code allocates, the reference's a little).
const CHILD_FLAGS = ['--single-threaded-gc'];

function runnerOf(classifier, level) {
  if (level === 'stage') return (lead) => classifier.stage(lead, { asOf });
  const options = level === 'statuses' ? { asOf, detail: 'statuses' } : { asOf };
  return (lead) => classifier.classify(lead, options).stage;
}

/** One fresh process: keep (or drop) KEPT results first, then measure against the reference. */
async function child(bundle, which, mode, rounds) {
  const { compile } = await import(pathToFileURL(bundle).href);
  const generated = which.startsWith('generated ');
  const level = generated ? which.slice('generated '.length) : which;
  const classifier = compile(leadstageConfig, generated ? { codegen: true } : {});
  if (generated && classifier.mode !== 'jit')
    throw new Error(`cold-keep: ${which} did not run generated code`);
  const options = level === 'statuses' ? { asOf, detail: 'statuses' } : { asOf };
  const first =
    level === 'stage'
      ? (lead) => classifier.stage(lead, { asOf })
      : (lead) => classifier.classify(lead, options);
  const keptLeads = generateLeads(KEPT, 8);
  let sink = 0;
  // the process's first classifications: kept, or the same work dropped
  const kept = [];
  for (const lead of keptLeads) {
    const result = first(lead);
    if (mode === 'keep') kept.push(result);
    else sink += typeof result === 'string' ? result.length : result.stage.length;
  }
  const leads = generateLeads(2_000, 42);
  const run = runnerOf(classifier, level);
  const times = [];
  const ratios = speedRatios(
    {
      'hand-written': () => {
        for (const lead of leads) sink += classifyByHand(lead, asOf).length;
      },
      leadstage: () => {
        const start = process.cpuUsage();
        for (const lead of leads) sink += run(lead).length;
        const used = process.cpuUsage(start);
        times.push((used.user + used.system) / leads.length);
      },
    },
    'hand-written',
    rounds,
  );
  return {
    speed: ratios.leadstage,
    usPerClassify: median(times),
    kept: kept.length,
    sink: sink > 0,
  };
}

/** Bundles `entry` (a checkout's src/index.ts) into `outfile`, resolving packages from this checkout. */
async function bundleOf(entry, outfile) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2020',
    outfile,
    nodePaths: [join(ROOT, 'node_modules')],
    logLevel: 'warning',
  });
  return outfile;
}

/** The builds to compare: the current code, and the baseline unless `BENCH_BASELINE=none`. */
async function builds(directory) {
  const found = { current: await bundleOf(join(ROOT, 'src/index.ts'), join(directory, 'current.mjs')) };
  const baseline = process.env.BENCH_BASELINE ?? BEFORE_SITE_FREE;
  if (baseline === 'none') return found;
  if (existsSync(join(baseline, 'index.js'))) {
    found.baseline = resolve(baseline, 'index.js');
    return found;
  }
  try {
    const source = join(directory, 'baseline');
    mkdirSync(source);
    const archive = execFileSync('git', ['-C', ROOT, 'archive', baseline, 'src'], { maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', source], { input: archive });
    found.baseline = await bundleOf(join(source, 'src/index.ts'), join(directory, 'baseline.mjs'));
  } catch (error) {
    console.log(`  (no baseline: git archive ${baseline} failed — ${error.message.split('\n')[0]})`);
  }
  return found;
}

/** Stops when the builds give different results: the rule must change nothing a caller sees. */
async function checkIdentical(paths) {
  const [a, b] = await Promise.all(paths.map((path) => import(pathToFileURL(path).href)));
  const classifiers = [a.compile(leadstageConfig), b.compile(leadstageConfig)];
  const leads = generateLeads(3_000, 5);
  let compared = 0;
  for (const lead of leads) {
    for (const options of [{ asOf }, { asOf, detail: 'statuses' }, { asOf, locale: 'it' }]) {
      const [left, right] = classifiers.map((classifier) =>
        JSON.stringify(classifier.classify(lead, options)),
      );
      if (left !== right) {
        console.error(`the builds give different results for ${lead.id}:\n${left}\n${right}`);
        process.exit(1);
      }
      compared++;
    }
  }
  return compared;
}

const format = (values, digits = 3) =>
  `${median(values).toFixed(digits).padStart(7)}   [${Math.min(...values).toFixed(digits)} – ${Math.max(...values).toFixed(digits)}]`;

/** The orchestrator: builds, checks they agree, runs the process pairs, prints the table. */
export async function coldKeepBench({ processes, rounds }) {
  const directory = mkdtempSync(join(tmpdir(), 'leadstage-cold-keep-'));
  try {
    const paths = await builds(directory);
    const names = Object.keys(paths);
    if (paths.baseline !== undefined) {
      const compared = await checkIdentical([paths.current, paths.baseline]);
      console.log(`  current and baseline give byte-identical results (${compared} results compared)`);
    }
    const self = fileURLToPath(import.meta.url);
    const runs = {}; // runs[level][name][mode] = [{ speed, usPerClassify }]
    for (let process_ = 0; process_ < processes; process_++) {
      for (const level of [...LEVELS, ...GENERATED]) {
        // the baseline predates generated code
        for (const name of level.startsWith('generated ') ? ['current'] : names) {
          for (const mode of process_ % 2 === 0 ? ['keep', 'drop'] : ['drop', 'keep']) {
            const output = execFileSync(
              process.execPath,
              [...CHILD_FLAGS, self, '--child', paths[name], level, mode, String(rounds)],
              { encoding: 'utf8', maxBuffer: 1 << 24 },
            );
            const result = JSON.parse(output.trim().split('\n').at(-1));
            runs[level] ??= {};
            runs[level][name] ??= { keep: [], drop: [] };
            runs[level][name][mode].push(result);
          }
        }
      }
    }
    console.log(
      `\nCold keep: ${KEPT} results kept as a fresh process's first classifications, in ${processes} process ` +
        'pairs (keep / drop)\n  after-keep ÷ drop (1.0: no slowdown), speed against the hand-written reference: ' +
        'median [min – max]; µs per classify, kept / dropped',
    );
    for (const level of [...LEVELS, ...GENERATED]) {
      for (const name of level.startsWith('generated ') ? ['current'] : names) {
        const { keep, drop } = runs[level][name];
        const ratios = keep.map((kept, index) => kept.speed / drop[index].speed);
        const us = (list) => median(list.map((each) => each.usPerClassify)).toFixed(2);
        console.log(`  ${`${level}, ${name}`.padEnd(28)} ${format(ratios)}   ${us(keep)} / ${us(drop)} µs`);
      }
    }
    if (paths.baseline !== undefined) {
      console.log('  nothing kept: current ÷ baseline (speed against the reference, process pairs)');
      for (const level of LEVELS) {
        const { current, baseline } = runs[level];
        const ratios = current.drop.map((each, index) => each.speed / baseline.drop[index].speed);
        console.log(`  ${level.padEnd(20)} ${format(ratios)}`);
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

// only when run as the child script itself: bench/run.mjs imports this module and has children of its own
if (process.argv[2] === '--child' && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [, , , bundle, level, mode, rounds] = process.argv;
  process.stdout.write(`${JSON.stringify(await child(bundle, level, mode, Number(rounds)))}\n`);
}
