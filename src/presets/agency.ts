import { commonRules, definePreset, type PresetConfig, sectorPreset, signals } from './shared';

/**
 * Digital marketing agency (the article's third context). SQO: a detailed RFP sent or a discovery
 * workshop attended in the last 90 days, **and** a stated budget and timeline (3 months), with
 * authority and need. SAL: newsletter signup, social follows, gated content.
 */
export const agency: PresetConfig = /* @__PURE__ */ definePreset(() =>
  sectorPreset({
    id: 'agency',
    label: { en: 'Digital marketing agency', it: 'Agenzia di marketing digitale' },
    description: {
      en: 'The article’s agency context: a detailed RFP or a discovery workshop, with a clear timeline and budget, make an SQO.',
      it: 'Il contesto agenzia dell’articolo: una RFP dettagliata o un workshop di scoperta, con tempistica e budget chiari, fanno un SQO.',
    },
    intent: signals(
      'intent',
      {
        en: 'Engaged: detailed RFP or discovery workshop',
        it: 'Coinvolto: RFP dettagliata o workshop di scoperta',
      },
      ['rfp_submitted', 'workshop_attended'],
      90,
      {
        en: 'Invite them to a discovery workshop, or ask for their RFP',
        it: 'Invitali a un workshop di scoperta o chiedi la loro RFP',
      },
    ),
    handRaise: signals(
      'intent',
      {
        en: 'Raised a hand: contact form or proposal request',
        it: 'Ha alzato la mano: modulo di contatto o richiesta di proposta',
      },
      ['contact_form_submitted', 'proposal_requested'],
      90,
    ),
    interest: signals(
      'engagement',
      {
        en: 'Interest: newsletter, social, gated content',
        it: 'Interesse: newsletter, social, contenuti riservati',
      },
      ['newsletter_signup', 'social_followed', 'gated_content_viewed'],
      180,
    ),
    bant: { minimumBudget: 10000, timeline: { months: 3 } },
    rules: [
      {
        id: 'company_size',
        label: { en: 'Company of 10 to 1,000 people', it: 'Azienda da 10 a 1.000 persone' },
        group: 'fit',
        points: 10,
        when: { fact: 'company.employees', between: [10, 1000] },
      },
      ...commonRules,
      {
        id: 'rfp',
        label: { en: 'Sent a detailed RFP', it: 'Ha inviato una RFP dettagliata' },
        group: 'engagement',
        points: 30,
        event: 'rfp_submitted',
        halfLife: { days: 30 },
      },
      {
        id: 'workshop',
        label: { en: 'Attended a discovery workshop', it: 'Ha partecipato a un workshop di scoperta' },
        group: 'engagement',
        points: 25,
        event: 'workshop_attended',
        halfLife: { days: 30 },
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
        id: 'gated_content',
        label: { en: 'Viewed gated content', it: 'Ha visto contenuti riservati' },
        group: 'engagement',
        points: 4,
        event: 'gated_content_viewed',
        withinLast: { days: 180 },
        repeat: { max: 3 },
      },
      {
        id: 'social',
        label: { en: 'Follows our social profiles', it: 'Segue i nostri profili social' },
        group: 'engagement',
        points: 2,
        event: 'social_followed',
      },
      {
        id: 'newsletter',
        label: { en: 'Newsletter signup', it: 'Iscrizione alla newsletter' },
        group: 'engagement',
        points: 3,
        event: 'newsletter_signup',
      },
    ],
    examples: [
      {
        name: 'detailed RFP, discovery workshop, clear timeline and budget',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          id: 'agency-sqo',
          contact: { seniority: 'director' },
          company: { employees: 60 },
          budget: { status: 'approved', amount: 35000, currency: 'EUR' },
          authority: { role: 'decision_maker' },
          need: { painPoints: ['lead generation'], statement: 'Relaunch paid acquisition before Q4' },
          timeline: { purchaseBy: '2026-08-31' },
          events: [
            { type: 'rfp_submitted', at: '2026-06-05T09:00:00Z' },
            { type: 'workshop_attended', at: '2026-06-19T09:00:00Z' },
          ],
        },
        expect: { stage: 'SQO' },
      },
      {
        name: 'newsletter, social follow, gated content',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          id: 'agency-sal',
          events: [
            { type: 'newsletter_signup', at: '2026-05-02T09:00:00Z' },
            { type: 'social_followed', at: '2026-05-03T20:00:00Z' },
            { type: 'gated_content_viewed', at: '2026-06-12T11:00:00Z' },
          ],
        },
        expect: { stage: 'SAL', criteria: { interest: 'met', intent: 'unmet' } },
      },
      { name: 'nothing known', asOf: '2026-06-30T12:00:00Z', lead: {}, expect: { stage: 'unqualified' } },
      {
        name: 'a competitor is disqualified',
        asOf: '2026-06-30T12:00:00Z',
        lead: { company: { isCompetitor: true } },
        expect: { stage: 'disqualified' },
      },
    ],
  }),
);
