import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { compile, generateModule } from '../dist/index.js';
import { AS_OF, generateLeads } from './leads.mjs';
import { leadstageConfig } from './ruleset.mjs';

const asOf = Date.parse(AS_OF);
const helpers = pathToFileURL(new URL('../dist/helpers.js', import.meta.url).pathname).href;
writeFileSync(
  '/tmp/cg2prof/m.mjs',
  generateModule(leadstageConfig, { helpers, levels: ['stage', 'statuses'] }),
);
const aot = (await import('/tmp/cg2prof/m.mjs')).default;
const leads = generateLeads(5000, 42);
const o = { asOf, detail: 'statuses' };
let sink = 0;
const t = process.hrtime.bigint();
for (let r = 0; r < 60; r++) for (const lead of leads) sink += aot.classify(lead, o).stage.length;
console.log(Number(process.hrtime.bigint() - t) / 1e6, sink);
