import { commonRules, definePreset, type PresetConfig, sectorPreset, signals } from './shared';

/**
 * Consulting firm (the article's second context). SQO: a discovery call, detailed business
 * challenges shared, or a custom solution requested in the last 120 days, **and** budget, authority,
 * need and a purchase timeline within 12 months. SAL: conference session, LinkedIn connection,
 * thought-leadership content.
 */
export const consulting: PresetConfig = /* @__PURE__ */ definePreset(() =>
  sectorPreset({
    id: 'consulting',
    label: { en: 'Consulting firm', it: 'Società di consulenza' },
    description: {
      en: 'The article’s consulting context: discovery call, shared challenges and a custom solution request make an SQO once BANT is met.',
      it: 'Il contesto consulenza dell’articolo: discovery call, sfide condivise e richiesta di soluzione personalizzata fanno un SQO quando BANT è soddisfatto.',
    },
    intent: signals(
      'intent',
      {
        en: 'Engaged: discovery call, challenges shared, custom solution asked',
        it: 'Coinvolto: discovery call, sfide condivise, soluzione su misura richiesta',
      },
      ['discovery_call', 'challenges_shared', 'custom_solution_requested'],
      120,
      {
        en: 'Book a discovery call about their business challenges',
        it: 'Fissa una discovery call sulle loro sfide di business',
      },
    ),
    handRaise: signals(
      'intent',
      { en: 'Raised a hand: contact form', it: 'Ha alzato la mano: modulo di contatto' },
      ['contact_form_submitted'],
      90,
    ),
    interest: signals(
      'engagement',
      {
        en: 'Interest: conference, LinkedIn, thought leadership',
        it: 'Interesse: conferenza, LinkedIn, thought leadership',
      },
      ['conference_attended', 'linkedin_connected', 'content_engaged', 'webinar_attended'],
      270,
    ),
    bant: { minimumBudget: 20000, timeline: { months: 12 } },
    rules: [
      {
        id: 'company_size',
        label: { en: 'Company of 50 people or more', it: 'Azienda da 50 persone in su' },
        group: 'fit',
        points: 10,
        when: { fact: 'company.employees', gte: 50 },
      },
      ...commonRules,
      {
        id: 'discovery_call',
        label: { en: 'Had a discovery call', it: 'Ha fatto una discovery call' },
        group: 'engagement',
        points: 25,
        event: 'discovery_call',
        halfLife: { days: 45 },
      },
      {
        id: 'challenges_shared',
        label: { en: 'Shared business challenges', it: 'Ha condiviso le sfide di business' },
        group: 'engagement',
        points: 20,
        event: 'challenges_shared',
        halfLife: { days: 45 },
      },
      {
        id: 'custom_solution',
        label: { en: 'Asked for a custom solution', it: 'Ha chiesto una soluzione personalizzata' },
        group: 'engagement',
        points: 25,
        event: 'custom_solution_requested',
        halfLife: { days: 45 },
      },
      {
        id: 'contact_form',
        label: { en: 'Sent the contact form', it: 'Ha inviato il modulo di contatto' },
        group: 'engagement',
        points: 10,
        event: 'contact_form_submitted',
        halfLife: { days: 30 },
      },
      {
        id: 'conference',
        label: { en: 'Attended a conference session', it: 'Ha partecipato a una sessione in conferenza' },
        group: 'engagement',
        points: 6,
        event: 'conference_attended',
        withinLast: { days: 270 },
        repeat: { max: 2 },
      },
      {
        id: 'linkedin',
        label: { en: 'Connected on LinkedIn', it: 'Si è collegato su LinkedIn' },
        group: 'engagement',
        points: 3,
        event: 'linkedin_connected',
      },
      {
        id: 'thought_leadership',
        label: { en: 'Read thought-leadership content', it: 'Ha letto contenuti di thought leadership' },
        group: 'engagement',
        points: 3,
        event: 'content_engaged',
        withinLast: { days: 180 },
        repeat: { max: 4 },
      },
    ],
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
  }),
);
