// Classify leads with a preset and explain the result (ESM, against the built package).

import { createRequire } from 'node:module';
import { classify, compile, explain, presets, runExamples } from 'leadstage';
import { saas } from 'leadstage/presets';

const asOf = '2026-06-30T12:00:00Z';
const classifier = compile(presets.saas); // compile once, classify many

const lead = {
  id: 'acme-ana',
  contact: { seniority: 'vp' },
  budget: { status: 'approved' },
  authority: { role: 'decision_maker' },
  need: { painPoints: ['manual reporting'] },
  events: [
    { type: 'demo_completed', at: '2026-06-20T10:00:00Z' },
    { type: 'pricing_discussed', at: '2026-06-24T10:00:00Z' },
  ],
};

// No purchase timeline yet: not an SQO, and the result says what to ask.
const result = classifier.classify(lead, { asOf });
console.log(
  result.stage,
  result.scores.total,
  result.next.blockers.map((blocker) => `${blocker.criterion}:${blocker.status}`).join(','),
);

// With a timeline it is an SQO, to follow up within 24 hours.
const sqo = classify({ ...lead, timeline: { purchaseBy: '2026-09-30' } }, saas, { asOf });
console.log(sqo.stage, sqo.followUpBy);

console.log(explain(classifier.classify(lead, { asOf, locale: 'it' }), { locale: 'it' }).split('\n')[0]);

// Presets ship as JSON too, and carry their own tests.
const json = createRequire(import.meta.url)('leadstage/presets/consulting.json');
console.log(json.id, runExamples(json).passed);
