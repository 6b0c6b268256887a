// The same from CommonJS: a custom config with its own criteria, scoring and stages.
const { classify, safeParseConfig } = require('leadstage');

const config = {
  version: 1,
  id: 'inbound',
  criteria: {
    enterprise: { label: 'Enterprise account', when: { fact: 'company.employees', gte: 1000 } },
    handRaise: { label: 'Asked for a demo', when: { event: 'demo_requested', withinLast: { days: 14 } } },
  },
  scoring: {
    rules: [
      { id: 'webinars', points: 5, event: 'webinar_attended', repeat: { max: 4 }, halfLife: { days: 30 } },
    ],
  },
  stages: [
    {
      id: 'fast-lane',
      when: { all: [{ criterion: 'enterprise' }, { criterion: 'handRaise' }] },
      followUp: { within: { hours: 2 } },
    },
    { id: 'nurture', when: { score: 'total', gte: 5 } },
    { id: 'new' },
  ],
};

const asOf = '2026-06-30T12:00:00Z';
const lead = {
  company: { employees: '2500' },
  events: [{ type: 'demo_requested', at: '2026-06-29T08:00:00Z' }],
};
const result = classify(lead, config, { asOf });
console.log(result.stage, result.followUpBy);

const { issues } = safeParseConfig({
  ...config,
  stages: [{ id: 'nurture', when: { score: 'total', gte: 50 } }, { id: 'new' }],
});
console.log(issues.map((issue) => issue.message).join('\n'));
