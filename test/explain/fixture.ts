// The explain tests' own config: small, bilingual, with every part explain writes about (criteria
// with hints, a knock-out, scoring groups with a cap, decay, follow-up and actions). Independent of
// the presets, so a preset edit never changes these snapshots.
export const explainConfig = {
  version: 1,
  id: 'explain-fixture',
  criteria: {
    budget: {
      label: { en: 'Budget', it: 'Budget' },
      dimension: 'budget',
      hint: { en: 'Ask for the budget range', it: 'Chiedi il budget' },
      when: {
        any: [
          { fact: 'budget.status', eq: 'approved' },
          { fact: 'budget.amount', gte: 10000 },
        ],
      },
    },
    timeline: {
      label: { en: 'Timeline', it: 'Tempistica' },
      dimension: 'timeline',
      hint: { en: 'Ask by when they buy', it: 'Chiedi entro quando acquistano' },
      when: { fact: 'timeline.purchaseBy', withinNext: { days: 90 } },
    },
    demo: {
      label: { en: 'Recent demo', it: 'Demo recente' },
      when: { event: 'demo_completed', withinLast: { days: 60 } },
    },
    competitor: {
      label: { en: 'Competitor', it: 'Concorrente' },
      when: { fact: 'company.isCompetitor', eq: true },
    },
  },
  scoring: {
    groups: { fit: { max: 20 }, engagement: { max: 30 } },
    rules: [
      {
        id: 'budget',
        label: { en: 'Budget', it: 'Budget' },
        group: 'fit',
        points: 25,
        when: { criterion: 'budget' },
      },
      {
        id: 'demo',
        label: { en: 'Demo', it: 'Demo' },
        group: 'engagement',
        points: 20,
        event: 'demo_completed',
        halfLife: { days: 30 },
      },
      {
        id: 'webinar',
        label: { en: 'Webinar', it: 'Webinar' },
        group: 'engagement',
        points: 5,
        event: 'webinar_attended',
        repeat: { max: 3 },
      },
    ],
  },
  stages: [
    { id: 'disqualified', label: { en: 'Out', it: 'Fuori' }, exit: true, when: { criterion: 'competitor' } },
    {
      id: 'SQO',
      label: { en: 'Qualified', it: 'Qualificato' },
      when: { all: [{ criterion: 'budget' }, { criterion: 'timeline' }, { criterion: 'demo' }] },
      followUp: { within: { hours: 24 } },
      actions: [{ en: 'Call today', it: 'Chiama oggi' }],
    },
    {
      id: 'SAL',
      label: { en: 'Accepted', it: 'Accettato' },
      when: { score: 'engagement', gte: 5 },
      followUp: { within: { days: 7 } },
      actions: [{ en: 'Nurture', it: 'Coltiva' }],
    },
    { id: 'unqualified', label: { en: 'Unqualified', it: 'Non qualificato' } },
  ],
} as const;

export const explainLeads: Record<string, unknown> = {
  SQO: {
    id: 'lead-sqo',
    budget: { status: 'approved' },
    timeline: { purchaseBy: '2026-08-15' },
    events: [{ type: 'demo_completed', at: '2026-06-20T10:00:00Z' }],
  },
  SAL: {
    id: 'lead-sal',
    timeline: { purchaseBy: 'next quarter' },
    events: [
      { type: 'webinar_attended', at: '2026-06-01T10:00:00Z' },
      { type: 'webinar_attended', at: '2026-06-10T10:00:00Z' },
    ],
  },
  unqualified: {
    budget: { amount: 500 },
    events: [{ type: 'demo_completed', at: '2026-07-15T10:00:00Z' }],
  },
  disqualified: { id: 7, company: { isCompetitor: 'true' }, events: [] },
};
