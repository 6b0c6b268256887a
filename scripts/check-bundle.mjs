// Part of `npm test`: bundles `import { compile, classify } from 'leadstage'` for the browser the way an
// app would (esbuild, minified, dependencies included), gzips it, and fails above the budget. It also
// proves the bundle is tree-shaken: no presets, no explain texts, no JSON Schema generator in it.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// The enforced ceiling guards against regressions; the issue's target is 12 KB and is not met yet —
// docs/performance.md says where the bytes go and what it would take.
const BUDGET_BYTES = 27 * 1024;
const MUST_NOT_CONTAIN = {
  presets: 'pricing_discussed',
  'preset labels': 'Purchase intent',
  explain: 'Score breakdown',
  'JSON Schema': 'json-schema.org',
  parseLead: 'c_suite',
};

const result = await build({
  stdin: {
    contents: "import { compile, classify } from 'leadstage'; globalThis.leadstage = { compile, classify };",
    resolveDir: process.cwd(),
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  metafile: true,
  logLevel: 'error',
});
const code = result.outputFiles[0].text;
const gzipped = gzipSync(code, { level: 9 }).length;
const byPackage = {};
for (const [file, { bytesInOutput }] of Object.entries(
  result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs,
)) {
  const name = file.includes('node_modules/')
    ? file
        .split('node_modules/')[1]
        .split('/')
        .slice(0, file.includes('node_modules/@') ? 2 : 1)
        .join('/')
    : 'leadstage';
  byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput;
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `compile + classify for the browser: ${kb(code.length)} minified, ${kb(gzipped)} min+gzip (budget ${kb(BUDGET_BYTES)})`,
);
console.log(
  `minified bytes by package: ${Object.entries(byPackage)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ')}`,
);
let failed = false;
for (const [what, marker] of Object.entries(MUST_NOT_CONTAIN)) {
  if (code.includes(marker)) {
    console.error(`tree-shaking failed: the bundle contains ${what} ("${marker}")`);
    failed = true;
  }
}
if (gzipped > BUDGET_BYTES) {
  console.error(`over budget by ${kb(gzipped - BUDGET_BYTES)}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
