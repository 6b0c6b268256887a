import { commonExamples, definePreset, frameworkPreset, type PresetConfig } from './shared';

/**
 * Generic BANT, with IBM's original rule: an SQO meets 3 of the 4 BANT dimensions (budget, authority,
 * need, timeline within 6 months) and shows a purchase intent signal.
 */
export const bant: PresetConfig = /* @__PURE__ */ definePreset(() =>
  frameworkPreset({
    id: 'bant',
    label: { en: 'BANT (IBM: 3 of 4)', it: 'BANT (IBM: 3 su 4)' },
    description: {
      en: 'Budget, Authority, Need, Timeline: 3 of 4 met plus a purchase-intent signal make an SQO.',
      it: 'Budget, Autorità, Esigenza, Tempistica: 3 su 4 soddisfatti più un segnale di intento fanno un SQO.',
    },
    criteria: {
      bant: {
        label: { en: '3 of 4 BANT dimensions met', it: '3 dimensioni BANT su 4 soddisfatte' },
        when: {
          atLeast: 3,
          of: [
            { criterion: 'budget' },
            { criterion: 'authority' },
            { criterion: 'need' },
            { criterion: 'timeline' },
          ],
        },
      },
    },
    sqo: { all: [{ criterion: 'intent' }, { criterion: 'bant' }] },
    timeline: { months: 6 },
    examples: [
      {
        name: 'demo requested, budget, authority and need known, timeline not',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          budget: { status: 'approved' },
          authority: { role: 'decision_maker' },
          need: { painPoints: ['churn'] },
          events: [{ type: 'demo_requested', at: '2026-06-28T09:00:00Z' }],
        },
        expect: { stage: 'SQO', criteria: { bant: 'met', timeline: 'unknown' } },
      },
      {
        name: 'demo requested with only budget and need known stays SAL',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          budget: { status: 'approved' },
          need: { severity: 'high' },
          events: [{ type: 'demo_requested', at: '2026-06-28T09:00:00Z' }],
        },
        expect: { stage: 'SAL', criteria: { bant: 'unknown' } },
      },
      ...commonExamples,
    ],
  }),
);
