// After tsup: dist/runtime.global.js, the sealed runtime as one self-contained script (IIFE, no import,
// no require, no Node API) that defines a global `leadstage` — for JavaScript UDFs in data warehouses
// (BigQuery, Snowflake) and any host that can only evaluate a script. See docs/scale.md.

import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/** The build, shared with the test that runs the script in a bare `node:vm` context. */
export const iifeOptions = {
  entryPoints: [fileURLToPath(new URL('../src/runtime/index.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  globalName: 'leadstage',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  banner: { js: '/* leadstage/runtime.global.js — sealed configs only; defines the global `leadstage` */' },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildSync({
    ...iifeOptions,
    outfile: fileURLToPath(new URL('../dist/runtime.global.js', import.meta.url)),
  });
  console.log('wrote dist/runtime.global.js');
}
