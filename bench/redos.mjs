// node bench/redos.mjs (after npm run build) — patterns against hostile text, and the engine's speed on
// ordinary values.
// 1. The adversarial corpus of both hardening issues, each against 50 KB strings built to make a backtracking
//    engine retry: refused by compile with a reason (back-references, lookarounds, too large a program), or
//    classified in under 50 ms (CPU time of one classification, the worst of 5 rounds and 4 lengths).
// 2. Short strings: the linear-time engine (src/internal/regex, bundled from the sources by esbuild) against
//    JavaScript's RegExp on typical lead values — CPU time, interleaved rounds, medians; engine ÷ RegExp.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ConfigError, compile } from '../dist/index.js';

const corpus = [
  // the first hardening issue
  ['(a|a)*$', 'a'],
  ['(a|aa)+$', 'a'],
  ['(\\d|\\d\\d)+$', '1'],
  ['(\\w|\\d)+$', '1'],
  ['(ab|a)*c', 'ab'],
  [{ pattern: '(a|A)*$', flags: 'i' }, 'a'],
  ['^(a?){400}a{400}$', 'a'],
  ['a*a*b', 'a'],
  ['.*.*.*=', 'x'],
  ['\\s*,\\s*$', ' '],
  ['a{1,100000}b', 'a'],
  ['(?=(a+))a*b', 'a'],
  ['\\s+$', ' '],
  ['a+b', 'a'],
  ['^[^@]+@acme\\.example$', 'x'],
  ['^[^@\\s]+@[^@\\s]+\\.[a-z]+$', 'a'],
  // issue 19: the analyser's bypasses
  ['[]|(a|a)*$', 'a'],
  ['.*a.*b', 'a'],
  ['.*a.*a.*b', 'a'],
  ['\\x61*\\x61*\\x61*$', 'a'],
  ['\\u0061*\\u0061*\\u0061*$', 'a'],
  ['\\cI*\\cI*\\cI*$', '\t'],
  ['\\011*\\011*\\011*$', '\t'],
  [{ pattern: '\\p{L}*\\p{L}*\\p{L}*$', flags: 'u' }, 'a'],
  ['[\\t-\\r]*[\\t-\\r]*[\\t-\\r]*$', '\n'],
  ['(?:a*)(?:a*)(?:a*)$', 'a'],
  ['(?:a+)?(?:a+)?(?:a+)?b', 'a'],
  // large programs: the step limit answers unknown (too_costly) rather than run long
  ['(?:a?){1000}a{1000}$', 'a'],
  ['[ab]{0,4000}c', 'a'],
];
let failed = false;
let worstOfAll = { ms: 0 };
// warm-up: the engine's first calls run before the JIT has compiled it
{
  const warm = compile({
    version: 1,
    id: 'warm',
    criteria: { title: { when: { fact: 'title', matches: '(a|b)*c$' } } },
    stages: [{ id: 'top', when: { criterion: 'title' } }, { id: 'rest' }],
  });
  for (let round = 0; round < 5; round++)
    warm.classify({ title: 'ab'.repeat(25_000) }, { asOf: '2026-06-30' });
}
for (const [pattern, unit] of corpus) {
  const config = {
    version: 1,
    id: 'redos',
    criteria: { title: { when: { fact: 'title', matches: pattern } } },
    stages: [{ id: 'top', when: { criterion: 'title' } }, { id: 'rest' }],
  };
  let classifier;
  try {
    classifier = compile(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.log(`refused   ${JSON.stringify(pattern).padEnd(34)} ${error.issues[0].code}`);
    continue;
  }
  let worst = 0;
  let status;
  for (const length of [50_000, 1_000, 999, 100]) {
    const title = `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1)}!`;
    for (let round = 0; round < 5; round++) {
      const start = process.cpuUsage();
      const result = classifier.classify({ title }, { asOf: '2026-06-30' });
      const used = process.cpuUsage(start);
      worst = Math.max(worst, (used.user + used.system) / 1000);
      if (length === 50_000) status = result.criteria.title.status;
    }
  }
  if (worst >= 50) failed = true;
  if (worst > worstOfAll.ms) worstOfAll = { ms: worst, pattern };
  console.log(
    `accepted  ${JSON.stringify(pattern).padEnd(34)} worst ${worst.toFixed(2).padStart(6)} ms per classification (50 KB, 1,000, 999, 100 characters); on 50 KB: ${status}`,
  );
}
console.log(`max ${worstOfAll.ms.toFixed(2)} ms (${JSON.stringify(worstOfAll.pattern)}), bound 50 ms\n`);

// 2. short strings
const directory = mkdtempSync(join(tmpdir(), 'leadstage-bench-redos-'));
const outfile = join(directory, 'engine.mjs');
await build({
  stdin: {
    contents: "export { compilePattern } from './src/internal/regex/compilePattern.ts';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile,
  logLevel: 'error',
});
const { compilePattern } = await import(outfile);
rmSync(directory, { recursive: true, force: true });

const TITLES = [
  'VP of Sales',
  'Vice President, Marketing',
  'Head of Growth',
  'Software Engineer',
  'vp sales emea',
];
const EMAILS = ['jane.doe@acme.example', 'bob@globex.com', 'not an email', 'x@y', 'FIRST.LAST@Initech.co.uk'];
const SHORT = [
  ['^(vp|vice president)\\b', 'i', TITLES],
  ['\\b(ceo|cto|cfo|coo|chief)\\b', 'i', ['CEO & Founder', 'Chief of Staff', 'CTO', 'Office manager']],
  ['^[^@\\s]+@[^@\\s]+\\.[a-z]+$', '', EMAILS],
  ['@(acme|globex)\\.(example|com)$', 'i', EMAILS],
  ['^\\d{3}-\\d{4}$', '', ['555-1234', '5551234', '555-12345', 'call me']],
  ['gmail|yahoo|hotmail', '', EMAILS],
];
const REPEAT = 2_000;
const timeOf = (test, values) => {
  const start = process.cpuUsage();
  let hits = 0;
  for (let round = 0; round < REPEAT; round++) for (const value of values) if (test(value)) hits++;
  const used = process.cpuUsage(start);
  return { ns: ((used.user + used.system) * 1000) / (REPEAT * values.length), hits };
};
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.log('short strings: ns per test (median of 15 interleaved rounds), engine ÷ RegExp');
const ratios = [];
for (const [source, flags, values] of SHORT) {
  const engine = compilePattern(source, flags);
  const native = new RegExp(source, flags);
  const engineTimes = [];
  const nativeTimes = [];
  for (let round = 0; round < 15; round++) {
    engineTimes.push(timeOf((value) => engine.test(value), values).ns);
    nativeTimes.push(timeOf((value) => native.test(value), values).ns);
  }
  const [e, n] = [median(engineTimes), median(nativeTimes)];
  ratios.push(e / n);
  console.log(
    `  ${`/${source}/${flags}`.padEnd(34)} engine ${e.toFixed(0).padStart(5)} ns   RegExp ${n.toFixed(0).padStart(4)} ns   ×${(e / n).toFixed(1)}`,
  );
}
console.log(`  median ratio ×${median(ratios).toFixed(1)}`);
process.exitCode = failed ? 1 : 0;
