// The same from CommonJS: a sealed shipped preset, classified with leadstage/runtime.
const { classify, compileSealed } = require('leadstage/runtime');
const sealedSaas = require('leadstage/presets/saas.json');

const asOf = '2026-06-30T12:00:00Z';
const classifier = compileSealed(sealedSaas);
const result = classifier.classify(
  {
    id: 'web-2',
    budget: { status: 'approved' },
    authority: { role: 'decision_maker' },
    need: { painPoints: ['churn'] },
    timeline: { purchaseBy: '2026-09-01' },
    events: [{ type: 'demo_completed', at: '2026-06-20' }],
  },
  { asOf, locale: 'it' },
);
console.log(result.stage, result.stageLabel, result.followUpBy);
console.log(classify({}, sealedSaas, { asOf }).stage);
