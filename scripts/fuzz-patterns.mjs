// Part of `npm run fuzz`: the linear-time pattern engine (src/internal/regex) on random patterns, at length.
// 1. Differential: random patterns (printed from random trees, flags out of i m s u) and random texts over a
//    small alphabet with cases, folds, astral characters, lone surrogates and line terminators — where
//    JavaScript's RegExp accepts a pattern the engine accepts it too (or finds it too large) and answers the same.
// 2. Time bound: each pattern on 50 KB hostile texts (a random short text repeated, then a character that
//    breaks it), CPU time of one `test`, against a 50 ms bound; prints the worst.
//   FUZZ_PATTERNS=20000 FUZZ_SEED=1 node scripts/fuzz-patterns.mjs
// The engine is internal (not in dist): esbuild bundles it from the sources, with the test's generators and
// the fast-check they use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const PATTERNS = Number(process.env.FUZZ_PATTERNS ?? 20_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const TIMED = Math.min(PATTERNS, Number(process.env.FUZZ_TIMED_PATTERNS ?? 2_000));
const BOUND_MS = 50;

const directory = mkdtempSync(join(tmpdir(), 'leadstage-fuzz-patterns-'));
const outfile = join(directory, 'engine.mjs');
await build({
  stdin: {
    contents: [
      "export { compilePattern, MAX_TEST_STEPS } from './src/internal/regex/compilePattern.ts';",
      "export { PatternError } from './src/internal/regex/patternError.ts';",
      "export { patternCase, text, TEXT_CHARS } from './test/internal/regex/patternArbitrary.ts';",
      "export { default as fc } from 'fast-check';",
    ].join('\n'),
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile,
  logLevel: 'error',
});
const { compilePattern, PatternError, patternCase, text, TEXT_CHARS, fc } = await import(outfile);
rmSync(directory, { recursive: true, force: true });

const started = performance.now();
let compared = 0;
let refusedByBoth = 0;
let tooLarge = 0;
const mismatches = [];
const samples = [];
fc.assert(
  fc.property(patternCase, fc.array(text, { minLength: 1, maxLength: 8 }), ({ pattern, flags }, texts) => {
    let native;
    try {
      native = new RegExp(pattern, flags);
    } catch {
      refusedByBoth++;
      try {
        compilePattern(pattern, flags);
        mismatches.push({ pattern, flags, problem: 'accepted by the engine, refused by RegExp' });
      } catch {}
      return true;
    }
    let engine;
    try {
      engine = compilePattern(pattern, flags);
    } catch (error) {
      if (error instanceof PatternError && error.code === 'too_large') tooLarge++;
      else mismatches.push({ pattern, flags, problem: `refused: ${error.message}` });
      return true;
    }
    if (samples.length < TIMED) samples.push({ pattern, flags, engine });
    for (const value of texts) {
      compared++;
      if (engine.test(value) !== native.test(value)) {
        mismatches.push({ pattern, flags, text: value, expected: native.test(value) });
      }
    }
    return true;
  }),
  { seed: SEED, numRuns: PATTERNS },
);
const differentialSeconds = ((performance.now() - started) / 1000).toFixed(1);

// hostile texts: a short unit repeated to 50 KB, then a character outside it (what makes backtracking engines retry)
let state = SEED >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const unitOf = () =>
  Array.from(
    { length: 1 + Math.floor(random() * 3) },
    () => TEXT_CHARS[Math.floor(random() * TEXT_CHARS.length)],
  ).join('');
let worst = { ms: 0 };
let over = 0;
let capped = 0;
for (const { pattern, flags, engine } of samples) {
  for (let round = 0; round < 2; round++) {
    const unit = unitOf();
    const value = `${unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 49_999)}!`;
    const start = process.cpuUsage();
    const answer = engine.test(value);
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000;
    if (answer === undefined) capped++;
    if (ms > BOUND_MS) over++;
    if (ms > worst.ms) worst = { ms, pattern, flags, unit };
  }
}

console.log(
  `fuzz-patterns (seed ${SEED}): ${PATTERNS} patterns, ${compared} texts compared with RegExp, ${mismatches.length} mismatches, ${refusedByBoth} invalid (refused by both), ${tooLarge} too large, ${differentialSeconds} s`,
);
console.log(
  `  time bound: ${samples.length} patterns × 2 hostile 50 KB texts: worst ${worst.ms.toFixed(2)} ms (${JSON.stringify(worst.pattern)} ${JSON.stringify(worst.flags)} on ${JSON.stringify(worst.unit)}…), ${over} over ${BOUND_MS} ms, ${capped} stopped at the step limit`,
);
for (const mismatch of mismatches.slice(0, 20)) console.log('  mismatch', JSON.stringify(mismatch));
process.exitCode = mismatches.length > 0 || over > 0 ? 1 : 0;
