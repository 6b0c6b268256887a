import {
  allOf,
  bantCriteria,
  commonRules,
  knockOutCriteria,
  ladder,
  type PresetConfig,
  scoringGroups,
  signals,
  t,
} from './shared';

/**
 * Consulting firm (the article's second context). SQO: a discovery call, detailed business
 * challenges shared, or a custom solution requested in the last 120 days, **and** budget, authority,
 * need and a purchase timeline within 12 months. SAL: conference session, LinkedIn connection,
 * thought-leadership content.
 */
export const consulting: PresetConfig = {
  version: 1,
  id: 'consulting',
  label: t('Consulting firm', 'Società di consulenza'),
  description: t(
    'The article’s consulting context: discovery call, shared challenges and a custom solution request make an SQO once BANT is met.',
    'Il contesto consulenza dell’articolo: discovery call, sfide condivise e richiesta di soluzione personalizzata fanno un SQO quando BANT è soddisfatto.',
  ),
  criteria: {
    intent: signals(
      'intent',
      t(
        'Engaged: discovery call, challenges shared, custom solution asked',
        'Coinvolto: discovery call, sfide condivise, soluzione su misura richiesta',
      ),
      ['discovery_call', 'challenges_shared', 'custom_solution_requested'],
      120,
      t(
        'Book a discovery call about their business challenges',
        'Fissa una discovery call sulle loro sfide di business',
      ),
    ),
    handRaise: signals(
      'intent',
      t('Raised a hand: contact form', 'Ha alzato la mano: modulo di contatto'),
      ['contact_form_submitted'],
      90,
    ),
    interest: signals(
      'engagement',
      t(
        'Interest: conference, LinkedIn, thought leadership',
        'Interesse: conferenza, LinkedIn, thought leadership',
      ),
      ['conference_attended', 'linkedin_connected', 'content_engaged', 'webinar_attended'],
      270,
    ),
    ...bantCriteria({ minimumBudget: 20000, timeline: { months: 12 } }),
    ...knockOutCriteria,
  },
  scoring: {
    groups: scoringGroups,
    max: 100,
    rules: [
      {
        id: 'company_size',
        label: t('Company of 50 people or more', 'Azienda da 50 persone in su'),
        group: 'fit',
        points: 10,
        when: { fact: 'company.employees', gte: 50 },
      },
      ...commonRules,
      {
        id: 'discovery_call',
        label: t('Had a discovery call', 'Ha fatto una discovery call'),
        group: 'engagement',
        points: 25,
        event: 'discovery_call',
        halfLife: { days: 45 },
      },
      {
        id: 'challenges_shared',
        label: t('Shared business challenges', 'Ha condiviso le sfide di business'),
        group: 'engagement',
        points: 20,
        event: 'challenges_shared',
        halfLife: { days: 45 },
      },
      {
        id: 'custom_solution',
        label: t('Asked for a custom solution', 'Ha chiesto una soluzione personalizzata'),
        group: 'engagement',
        points: 25,
        event: 'custom_solution_requested',
        halfLife: { days: 45 },
      },
      {
        id: 'contact_form',
        label: t('Sent the contact form', 'Ha inviato il modulo di contatto'),
        group: 'engagement',
        points: 10,
        event: 'contact_form_submitted',
        halfLife: { days: 30 },
      },
      {
        id: 'conference',
        label: t('Attended a conference session', 'Ha partecipato a una sessione in conferenza'),
        group: 'engagement',
        points: 6,
        event: 'conference_attended',
        withinLast: { days: 270 },
        repeat: { max: 2 },
      },
      {
        id: 'linkedin',
        label: t('Connected on LinkedIn', 'Si è collegato su LinkedIn'),
        group: 'engagement',
        points: 3,
        event: 'linkedin_connected',
      },
      {
        id: 'thought_leadership',
        label: t('Read thought-leadership content', 'Ha letto contenuti di thought leadership'),
        group: 'engagement',
        points: 3,
        event: 'content_engaged',
        withinLast: { days: 180 },
        repeat: { max: 4 },
      },
    ],
  },
  stages: ladder({
    sqo: allOf('intent', 'budget', 'authority', 'need', 'timeline'),
    sal: {
      any: [
        { criterion: 'intent' },
        { criterion: 'handRaise' },
        { criterion: 'interest' },
        { score: 'engagement', gte: 15 },
      ],
    },
  }),
  examples: [
    {
      name: 'discovery call, challenges shared, custom solution asked, with BANT met',
      asOf: '2026-06-30T12:00:00Z',
      lead: {
        id: 'consulting-sqo',
        contact: { seniority: 'c_level' },
        company: { employees: 800 },
        budget: { status: 'allocated', amount: 80000 },
        authority: { role: 'decision_maker' },
        need: { painPoints: ['post-merger integration'], severity: 'high' },
        timeline: { purchaseBy: '2027-01-31' },
        events: [
          { type: 'conference_attended', at: '2026-03-12T10:00:00Z' },
          { type: 'discovery_call', at: '2026-06-02T14:00:00Z' },
          { type: 'challenges_shared', at: '2026-06-02T14:30:00Z' },
          { type: 'custom_solution_requested', at: '2026-06-18T09:00:00Z' },
        ],
      },
      expect: { stage: 'SQO' },
    },
    {
      name: 'conference session, LinkedIn, thought leadership',
      asOf: '2026-06-30T12:00:00Z',
      lead: {
        id: 'consulting-sal',
        events: [
          { type: 'conference_attended', at: '2026-04-20T10:00:00Z' },
          { type: 'linkedin_connected', at: '2026-04-21T18:00:00Z' },
          { type: 'content_engaged', at: '2026-06-01T08:00:00Z', props: { topic: 'operating model' } },
        ],
      },
      expect: { stage: 'SAL', criteria: { interest: 'met', intent: 'unmet' } },
    },
    { name: 'nothing known', asOf: '2026-06-30T12:00:00Z', lead: {}, expect: { stage: 'unqualified' } },
    {
      name: 'a student is disqualified',
      asOf: '2026-06-30T12:00:00Z',
      lead: {
        contact: { seniority: 'student' },
        events: [{ type: 'conference_attended', at: '2026-06-01T10:00:00Z' }],
      },
      expect: { stage: 'disqualified' },
    },
  ],
};
