// Generated code for stage(): at run time with new Function (JIT), or as a module written at build time (AOT)
// that needs neither the compiler nor the config — only leadstage/helpers.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, generateModule, presets } from 'leadstage';

const asOf = '2026-06-30T12:00:00Z';
const leads = [
  { id: 'a', events: [{ type: 'webinar_attended', at: '2026-06-01' }] },
  { id: 'b', company: { isCompetitor: true } },
  { id: 'c' },
];

// JIT: where new Function is allowed; elsewhere (a strict CSP, an edge runtime) the closures, and mode says so.
const jit = compile(presets.saas, { codegen: true });
console.log(jit.mode, leads.map((lead) => jit.stage(lead, { asOf })).join(' '));

// AOT: what `leadstage build saas --out classifier.mjs` writes (here the helpers are imported by URL, as the
// module is written outside the package; an app imports 'leadstage/helpers').
const directory = mkdtempSync(join(tmpdir(), 'leadstage-example-'));
try {
  const file = join(directory, 'classifier.mjs');
  writeFileSync(file, generateModule(presets.saas, { helpers: import.meta.resolve('leadstage/helpers') }));
  const { default: classifier } = await import(pathToFileURL(file).href);
  console.log(classifier.mode, leads.map((lead) => classifier.stage(lead, { asOf })).join(' '));
  try {
    classifier.classify(leads[0], { asOf });
  } catch (error) {
    console.log(error.message.slice(0, 60));
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
