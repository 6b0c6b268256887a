// Small bundles for browsers and edge functions: seal the config at build time with `sealConfig`,
// classify with `leadstage/runtime` (no validator inside: 23.5 KB min+gzip instead of 54.5 KB).

import { createRequire } from 'node:module';
import { presets, sealConfig } from 'leadstage';
import { ConfigError, classify, compileSealed } from 'leadstage/runtime';

const asOf = '2026-06-30T12:00:00Z';
const lead = { id: 'web-1', events: [{ type: 'demo_requested', at: '2026-06-28T09:00:00Z' }] };

// 1. At build time (or in CI): check the config once and seal it; ship the JSON.
const sealed = JSON.parse(JSON.stringify(sealConfig(presets.saas)));
console.log(sealed.$seal.startsWith('leadstage/1:'));

// 2. At run time: compile the sealed JSON without validating it again.
const classifier = compileSealed(sealed);
const result = classifier.classify(lead, { asOf });
console.log(result.stage, result.scores.total, result.next.stage);

// The preset files the package ships are sealed already.
const require = createRequire(import.meta.url);
const shipped = require('leadstage/presets/consulting.json');
console.log(classify(lead, shipped, { asOf }).stage);

// A config edited after sealing is refused: seal it again (sealConfig checks it first).
try {
  compileSealed({ ...sealed, stages: sealed.stages.slice(1) });
} catch (error) {
  console.log(error instanceof ConfigError, error.issues[0].code);
}
