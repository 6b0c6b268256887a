import { commonRules, definePreset, type PresetConfig, sectorPreset, signals } from './shared';

/**
 * SaaS startup (the article's first context). SQO: completed a product demo, took part in a pricing
 * discussion or requested a proposal in the last 90 days, **and** budget, authority, need and a purchase
 * timeline within 6 months are all met. SAL: newsletter, ebook, webinar — interest without explicit
 * purchase intent yet.
 */
export const saas: PresetConfig = /* @__PURE__ */ definePreset(() =>
  sectorPreset({
    id: 'saas',
    label: { en: 'SaaS startup', it: 'Startup SaaS' },
    description: {
      en: 'The article’s SaaS context: product demo, pricing discussion and proposal request make an SQO once BANT is met.',
      it: 'Il contesto SaaS dell’articolo: demo di prodotto, discussione sui prezzi e richiesta di proposta fanno un SQO quando BANT è soddisfatto.',
    },
    intent: signals(
      'intent',
      { en: 'Purchase intent: demo, pricing or proposal', it: 'Intento d’acquisto: demo, prezzi o proposta' },
      ['demo_completed', 'pricing_discussed', 'proposal_requested'],
      90,
      {
        en: 'Offer a tailored demo and a pricing conversation',
        it: 'Proponi una demo su misura e una conversazione sui prezzi',
      },
    ),
    handRaise: signals(
      'intent',
      {
        en: 'Raised a hand: demo request, trial, contact form',
        it: 'Ha alzato la mano: richiesta demo, prova, modulo di contatto',
      },
      ['demo_requested', 'trial_started', 'contact_form_submitted'],
      90,
    ),
    interest: signals(
      'engagement',
      { en: 'Interest: newsletter, ebook, webinar', it: 'Interesse: newsletter, ebook, webinar' },
      ['newsletter_signup', 'ebook_download', 'webinar_registered', 'webinar_attended', 'content_engaged'],
      180,
    ),
    bant: { minimumBudget: 5000, timeline: { months: 6 } },
    rules: [
      {
        id: 'company_size',
        label: { en: 'Company of 20 to 5,000 people', it: 'Azienda da 20 a 5.000 persone' },
        group: 'fit',
        points: 10,
        when: { fact: 'company.employees', between: [20, 5000] },
      },
      ...commonRules,
      {
        id: 'demo_completed',
        label: { en: 'Completed a demo', it: 'Ha completato una demo' },
        group: 'engagement',
        points: 25,
        event: 'demo_completed',
        halfLife: { days: 30 },
      },
      {
        id: 'pricing_discussed',
        label: { en: 'Discussed pricing', it: 'Ha discusso i prezzi' },
        group: 'engagement',
        points: 20,
        event: 'pricing_discussed',
        halfLife: { days: 30 },
      },
      {
        id: 'proposal_requested',
        label: { en: 'Requested a proposal', it: 'Ha richiesto una proposta' },
        group: 'engagement',
        points: 25,
        event: 'proposal_requested',
        halfLife: { days: 30 },
      },
      {
        id: 'demo_requested',
        label: { en: 'Requested a demo', it: 'Ha richiesto una demo' },
        group: 'engagement',
        points: 15,
        event: 'demo_requested',
        halfLife: { days: 14 },
      },
      {
        id: 'trial_started',
        label: { en: 'Started a trial', it: 'Ha iniziato una prova' },
        group: 'engagement',
        points: 10,
        event: 'trial_started',
        halfLife: { days: 30 },
      },
      {
        id: 'pricing_page',
        label: { en: 'Viewed the pricing page', it: 'Ha visto la pagina prezzi' },
        group: 'engagement',
        points: 3,
        event: 'pricing_page_viewed',
        withinLast: { days: 30 },
        repeat: { max: 3 },
      },
      {
        id: 'webinar',
        label: { en: 'Attended a webinar', it: 'Ha partecipato a un webinar' },
        group: 'engagement',
        points: 5,
        event: 'webinar_attended',
        withinLast: { days: 180 },
        repeat: { max: 3 },
      },
      {
        id: 'ebook',
        label: { en: 'Downloaded an ebook', it: 'Ha scaricato un ebook' },
        group: 'engagement',
        points: 4,
        event: 'ebook_download',
        withinLast: { days: 180 },
        repeat: { max: 3 },
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
        name: 'demo, pricing and proposal with BANT met',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          id: 'saas-sqo',
          contact: { seniority: 'vp' },
          company: { employees: 120 },
          budget: { status: 'approved', amount: 24000 },
          authority: { role: 'decision_maker' },
          need: { painPoints: ['manual reporting'] },
          timeline: { purchaseBy: '2026-09-30' },
          events: [
            { type: 'webinar_attended', at: '2026-05-10T15:00:00Z' },
            { type: 'demo_completed', at: '2026-06-20T10:00:00Z' },
            { type: 'pricing_discussed', at: '2026-06-24T10:00:00Z' },
            { type: 'proposal_requested', at: '2026-06-26T10:00:00Z' },
          ],
        },
        expect: { stage: 'SQO', criteria: { intent: 'met', budget: 'met', timeline: 'met' } },
      },
      {
        name: 'newsletter, ebook and webinar: interest, no purchase intent yet',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          id: 'saas-sal',
          events: [
            { type: 'newsletter_signup', at: '2026-04-02T09:00:00Z' },
            { type: 'ebook_download', at: '2026-05-15T09:00:00Z' },
            { type: 'webinar_attended', at: '2026-06-10T16:00:00Z' },
          ],
        },
        expect: { stage: 'SAL', criteria: { interest: 'met', intent: 'unmet', budget: 'unknown' } },
      },
      {
        name: 'nothing known',
        asOf: '2026-06-30T12:00:00Z',
        lead: {},
        expect: { stage: 'unqualified', scores: { total: 0 } },
      },
      {
        name: 'a competitor is disqualified whatever it did',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          company: { isCompetitor: true },
          events: [{ type: 'demo_completed', at: '2026-06-20T10:00:00Z' }],
        },
        expect: { stage: 'disqualified' },
      },
    ],
  }),
);
