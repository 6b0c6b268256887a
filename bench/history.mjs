// node bench/history.mjs (after npm run build) — stageHistory of a lead with 1,000 events against 1,000
// full classifications of the same lead, in CPU time, 7 interleaved rounds of 20 leads, median. Never a bare time.
import { compile, stageHistory } from '../dist/index.js';
import { AS_OF, generateLeads } from './leads.mjs';
import { median } from './measure.mjs';
import { leadstageConfig } from './ruleset.mjs';

const classifier = compile(leadstageConfig);
const asOf = Date.parse(AS_OF);
const leads = generateLeads(20, 5, { events: 1_000 });
for (const lead of leads) lead.createdAt = new Date(asOf - 400 * 86_400_000).toISOString();
const cpu = (run) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
};
const ratios = [];
for (let round = 0; round < 7; round++) {
  const history = cpu(() => {
    for (const lead of leads) stageHistory(lead, classifier, { asOf });
  });
  const classifies = cpu(() => {
    for (const lead of leads)
      for (let index = 0; index < 1_000; index++) classifier.classify(lead, { asOf: asOf - index * 1_000 });
  });
  ratios.push(history / classifies);
}
console.log(
  `stageHistory of a 1,000-event lead takes ${median(ratios).toFixed(3)}× the time of 1,000 classifies of it ` +
    `(median of 7 rounds, [${Math.min(...ratios).toFixed(3)} – ${Math.max(...ratios).toFixed(3)}])`,
);
