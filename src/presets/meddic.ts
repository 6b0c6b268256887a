import { commonExamples, definePreset, frameworkPreset, type PresetConfig } from './shared';

/** A non-blank string: absent is unknown ("not identified yet"), not false. */
const identified = (path: string) => ({ fact: path, matches: '\\S' });

/**
 * MEDDIC: Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion.
 * An SQO has a purchase-intent signal, an identified economic buyer, pain and champion, and at least
 * 2 of metrics, decision criteria and decision process. Reads `meddic.metrics`,
 * `meddic.decisionCriteria`, `meddic.decisionProcess` and `meddic.champion` (free text) beside the
 * canonical lead.
 */
export const meddic: PresetConfig = /* @__PURE__ */ definePreset(() => ({
  ...frameworkPreset({
    id: 'meddic',
    label: { en: 'MEDDIC', it: 'MEDDIC' },
    description: {
      en: 'Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion.',
      it: 'Metriche, Acquirente economico, Criteri decisionali, Processo decisionale, Dolore identificato, Champion.',
    },
    criteria: {
      metrics: {
        dimension: 'metrics',
        label: {
          en: 'Metrics: the value they expect, quantified',
          it: 'Metriche: il valore atteso, quantificato',
        },
        when: identified('meddic.metrics'),
        hint: { en: 'Ask how they will measure success', it: 'Chiedi come misureranno il successo' },
      },
      economicBuyer: {
        dimension: 'authority',
        label: { en: 'Economic buyer identified', it: 'Acquirente economico identificato' },
        when: { criterion: 'authority' },
        hint: { en: 'Find the person who owns the budget', it: 'Trova chi gestisce il budget' },
      },
      decisionCriteria: {
        dimension: 'decision',
        label: { en: 'Decision criteria known', it: 'Criteri decisionali noti' },
        when: identified('meddic.decisionCriteria'),
        hint: {
          en: 'Ask how they will compare the options',
          it: 'Chiedi come confronteranno le alternative',
        },
      },
      decisionProcess: {
        dimension: 'decision',
        label: { en: 'Decision process known', it: 'Processo decisionale noto' },
        when: identified('meddic.decisionProcess'),
        hint: {
          en: 'Ask who signs, in which steps, by when',
          it: 'Chiedi chi firma, in quali passaggi, entro quando',
        },
      },
      identifyPain: {
        dimension: 'need',
        label: { en: 'Pain identified', it: 'Dolore identificato' },
        when: { criterion: 'need' },
        hint: {
          en: 'Ask which problem hurts, and what it costs them',
          it: 'Chiedi quale problema pesa e quanto costa',
        },
      },
      champion: {
        dimension: 'authority',
        label: { en: 'Champion inside the account', it: 'Champion nell’azienda' },
        when: { any: [{ fact: 'authority.role', eq: 'champion' }, identified('meddic.champion')] },
        hint: { en: 'Find someone inside who sells for you', it: 'Trova chi, all’interno, vende per te' },
      },
    },
    sqo: {
      all: [
        { criterion: 'intent' },
        { criterion: 'economicBuyer' },
        { criterion: 'identifyPain' },
        { criterion: 'champion' },
        {
          atLeast: 2,
          of: [{ criterion: 'metrics' }, { criterion: 'decisionCriteria' }, { criterion: 'decisionProcess' }],
        },
      ],
    },
    timeline: { months: 6 },
    examples: [
      {
        name: 'economic buyer, pain, champion, metrics and process known after a discovery call',
        asOf: '2026-06-30T12:00:00Z',
        lead: {
          contact: { seniority: 'c_level' },
          need: { painPoints: ['forecast accuracy'] },
          meddic: {
            metrics: 'Cut forecast error from 20% to 5%',
            decisionProcess: 'CFO signs after a security review',
            champion: 'Head of RevOps',
          },
          events: [{ type: 'discovery_call', at: '2026-06-15T10:00:00Z' }],
        },
        expect: { stage: 'SQO', criteria: { decisionCriteria: 'unknown' } },
      },
      ...commonExamples,
    ],
  }),
  // the MEDDIC facts beside the canonical lead: free text, declared so the lint knows them
  facts: {
    'meddic.metrics': { type: 'string', label: { en: 'Metrics', it: 'Metriche' } },
    'meddic.decisionCriteria': {
      type: 'string',
      label: { en: 'Decision criteria', it: 'Criteri decisionali' },
    },
    'meddic.decisionProcess': {
      type: 'string',
      label: { en: 'Decision process', it: 'Processo decisionale' },
    },
    'meddic.champion': { type: 'string', label: { en: 'Champion', it: 'Champion' } },
  },
}));
