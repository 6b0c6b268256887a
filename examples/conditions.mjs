// Evaluate DSL conditions against CRM-style leads (ESM, against the built package).
import { compileCondition, parseLead, safeParseCondition } from 'leadstage';

const asOf = '2026-06-30T12:00:00Z';

// A HubSpot-style export: numbers, booleans and dates come as strings.
const { lead, issues } = parseLead({
  id: 'L-1',
  budget: { status: 'Allocated', amount: '12,000' },
  company: { isCompetitor: 'false' },
  timeline: { purchaseBy: '2026-08-15' },
  events: [{ type: 'demo_completed', at: '2026-06-01T10:00:00Z' }],
});
console.log('parse issues:', issues.length);

const ready = compileCondition({
  all: [
    {
      any: [
        { fact: 'budget.status', in: ['allocated', 'approved'] },
        { fact: 'budget.amount', gte: 10000 },
      ],
    },
    { fact: 'timeline.purchaseBy', withinNext: { days: 90 } },
    { event: 'demo_completed', withinLast: { days: 60 } },
  ],
});
console.log('ready:', ready.evaluate(lead, { asOf }).status);
console.log('empty lead:', ready.evaluate({}, { asOf }).status);

const { issues: problems } = safeParseCondition(
  { fact: 'budget.amount', 'gt=': 5 },
  { path: ['criteria', 'budget', 'when'] },
);
console.log(problems[0].message);
