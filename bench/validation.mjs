// node bench/validation.mjs (after npm run build) — safeParseConfig on configs full of long unknown
// references (the hardening issue's validator case), in CPU time.
import { safeParseConfig } from '../dist/index.js';

const rnd = (n, seed) => {
  let s = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += 'abcdefghijklmnopqrstuvwxyz'[s % 26];
  }
  return out;
};
for (const count of [100, 400, 500, 2000]) {
  const ids = Array.from({ length: count }, (_, i) => rnd(60, i + 1));
  const criteria = Object.fromEntries(ids.map((id) => [id, { when: { fact: 'x', eq: 1 } }]));
  const refs = Array.from({ length: count }, (_, i) => ({ criterion: rnd(60, 100000 + i) }));
  const config = {
    version: 1,
    id: 'v',
    criteria,
    stages: [{ id: 'a', when: { any: refs } }, { id: 'rest' }],
  };
  const size = JSON.stringify(config).length;
  const start = process.cpuUsage();
  const result = safeParseConfig(config);
  const used = process.cpuUsage(start);
  console.log(
    `${count} criteria, ${count} unknown refs, ${(size / 1024).toFixed(0)} KB: ${((used.user + used.system) / 1000).toFixed(0)} ms CPU, ${result.issues.length} issues`,
  );
}
