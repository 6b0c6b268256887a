// node bench/redos.mjs (after npm run build) — the hardening issue's adversarial corpus: every pattern it
// listed, against 50 KB strings built to make it backtrack. Hanging patterns must be refused by compile;
// the accepted ones must classify in under 50 ms each (CPU time of one classification, the worst of 5).
import { ConfigError, compile } from '../dist/index.js';

const corpus = [
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
];
let failed = false;
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
  for (const length of [50_000, 1_000, 999, 100]) {
    const title = `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length - 1)}!`;
    for (let round = 0; round < 5; round++) {
      const start = process.cpuUsage();
      classifier.classify({ title }, { asOf: '2026-06-30' });
      const used = process.cpuUsage(start);
      worst = Math.max(worst, (used.user + used.system) / 1000);
    }
  }
  if (worst >= 50) failed = true;
  console.log(
    `accepted  ${JSON.stringify(pattern).padEnd(34)} worst ${worst.toFixed(2)} ms per classification (50 KB, 1,000, 999 and 100 characters)`,
  );
}
process.exitCode = failed ? 1 : 0;
