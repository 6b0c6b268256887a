import { commonExamples, definePreset, frameworkPreset, type PresetConfig } from './shared';

/**
 * ANUM: Authority, Need, Urgency, Money — authority first. An SQO shows a purchase-intent signal and
 * meets all four; urgency is a purchase planned within 3 months or a high-severity need.
 */
export const anum: PresetConfig = /* @__PURE__ */ definePreset(() =>
  frameworkPreset({
    id: 'anum',
    label: { en: 'ANUM', it: 'ANUM' },
    description: { en: 'Authority, Need, Urgency, Money.', it: 'Autorità, Esigenza, Urgenza, Budget.' },
    criteria: {
      urgency: {
        dimension: 'timeline',
        label: { en: 'Urgent', it: 'Urgente' },
        when: { any: [{ criterion: 'timeline' }, { fact: 'need.severity', eq: 'high' }] },
        hint: {
          en: 'Ask what happens if they do nothing this quarter',
          it: 'Chiedi cosa succede se non fanno nulla in questo trimestre',
        },
      },
    },
    sqo: {
      all: [
        { criterion: 'intent' },
        { criterion: 'authority' },
        { criterion: 'need' },
        { criterion: 'urgency' },
        { criterion: 'budget' },
      ],
    },
    timeline: { months: 3 },
    examples: [
      {
        name: 'decision maker with an urgent need, budget and a pricing discussion',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          authority: { role: 'decision_maker' },
          budget: { status: 'allocated' },
          need: { painPoints: ['compliance deadline'] },
          timeline: { purchaseBy: '2026-08-01' },
          events: [{ type: 'pricing_discussed', at: '2026-06-25T10:00:00Z' }],
        },
        expect: { stage: 'SQO', criteria: { urgency: 'met' } },
      },
      {
        name: 'the same lead buying next year is not urgent',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          authority: { role: 'decision_maker' },
          budget: { status: 'allocated' },
          need: { painPoints: ['compliance deadline'], severity: 'low' },
          timeline: { purchaseBy: '2027-06-01' },
          events: [{ type: 'pricing_discussed', at: '2026-06-25T10:00:00Z' }],
        },
        expect: { stage: 'SAL', criteria: { urgency: 'unmet' } },
      },
      ...commonExamples,
    ],
  }),
);
