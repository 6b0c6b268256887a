// Runs every example against the built package (ESM and CJS) and compares its output to `<file>.expected`.
// server.mjs listens until stopped: test/cli/server.test.ts starts it and calls it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const examples = readdirSync(here).filter(
  (file) => /\.(mjs|cjs)$/.test(file) && file !== 'run.mjs' && file !== 'server.mjs',
);
let failed = 0;
for (const file of examples) {
  const expected = readFileSync(join(here, `${file}.expected`), 'utf8');
  let actual;
  try {
    actual = execFileSync(process.execPath, [join(here, file)], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
    });
  } catch (error) {
    actual = `crashed: ${error.stderr ?? error.message}`;
  }
  if (actual === expected) console.log(`ok   ${file}`);
  else {
    failed++;
    console.log(`FAIL ${file}\n--- expected\n${expected}--- actual\n${actual}`);
  }
}
if (failed > 0) process.exit(1);
console.log(`${examples.length} examples match their expected output`);
