import { commonExamples, definePreset, frameworkPreset, type PresetConfig } from './shared';

/**
 * CHAMP: Challenges, Authority, Money, Prioritization. An SQO shows a purchase-intent signal and
 * meets all four; prioritization is a purchase planned within 6 months or a high-severity need.
 */
export const champ: PresetConfig = /* @__PURE__ */ definePreset(() =>
  frameworkPreset({
    id: 'champ',
    label: { en: 'CHAMP', it: 'CHAMP' },
    description: {
      en: 'Challenges first, then Authority, Money and Prioritization.',
      it: 'Prima le sfide, poi Autorità, Budget e Priorità.',
    },
    criteria: {
      prioritization: {
        dimension: 'timeline',
        label: { en: 'A priority for them now', it: 'Una priorità per loro adesso' },
        when: { any: [{ criterion: 'timeline' }, { fact: 'need.severity', eq: 'high' }] },
        hint: {
          en: 'Ask where this sits among their priorities this half-year',
          it: 'Chiedi che priorità ha nel semestre',
        },
      },
    },
    sqo: {
      all: [
        { criterion: 'intent' },
        { criterion: 'need' },
        { criterion: 'authority' },
        { criterion: 'budget' },
        { criterion: 'prioritization' },
      ],
    },
    timeline: { months: 6 },
    examples: [
      {
        name: 'challenges, authority, money, high priority and a demo',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          contact: { seniority: 'vp' },
          budget: { amount: 15000 },
          need: { painPoints: ['slow onboarding'], severity: 'high' },
          events: [{ type: 'demo_completed', at: '2026-06-22T10:00:00Z' }],
        },
        expect: { stage: 'SQO', criteria: { timeline: 'unknown', prioritization: 'met' } },
      },
      ...commonExamples,
    ],
  }),
);
