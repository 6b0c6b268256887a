// The same API from CommonJS.
const { compileCondition } = require('leadstage');

const bant3of4 = compileCondition({
  atLeast: 3,
  of: [
    { fact: 'budget.status', in: ['allocated', 'approved'] },
    { fact: 'authority.role', eq: 'decision_maker' },
    { fact: 'need.painPoints.length', gte: 1 },
    { fact: 'timeline.purchaseBy', withinNext: { months: 6 } },
  ],
});
const lead = { budget: { status: 'approved' }, authority: { role: 'decision_maker' } };
console.log('bant 3 of 4:', bant3of4.evaluate(lead, { asOf: '2026-06-30' }).status);
console.log(
  'with need:',
  bant3of4.evaluate({ ...lead, need: { painPoints: ['churn'] } }, { asOf: '2026-06-30' }).status,
);
