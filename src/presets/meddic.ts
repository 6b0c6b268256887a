import { commonExamples, frameworkPreset, type PresetConfig, t } from './shared';

/** A non-blank string: absent is unknown ("not identified yet"), not false. */
const identified = (path: string) => ({ fact: path, matches: '\\S' });

/**
 * MEDDIC: Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion.
 * An SQO has a purchase-intent signal, an identified economic buyer, pain and champion, and at least
 * 2 of metrics, decision criteria and decision process. Reads `meddic.metrics`,
 * `meddic.decisionCriteria`, `meddic.decisionProcess` and `meddic.champion` (free text) beside the
 * canonical lead.
 */
export const meddic: PresetConfig = frameworkPreset({
  id: 'meddic',
  label: t('MEDDIC', 'MEDDIC'),
  description: t(
    'Metrics, Economic buyer, Decision criteria, Decision process, Identify pain, Champion.',
    'Metriche, Acquirente economico, Criteri decisionali, Processo decisionale, Dolore identificato, Champion.',
  ),
  criteria: {
    metrics: {
      dimension: 'metrics',
      label: t('Metrics: the value they expect, quantified', 'Metriche: il valore atteso, quantificato'),
      when: identified('meddic.metrics'),
      hint: t('Ask how they will measure success', 'Chiedi come misureranno il successo'),
    },
    economicBuyer: {
      dimension: 'authority',
      label: t('Economic buyer identified', 'Acquirente economico identificato'),
      when: { criterion: 'authority' },
      hint: t('Find the person who owns the budget', 'Trova chi gestisce il budget'),
    },
    decisionCriteria: {
      dimension: 'decision',
      label: t('Decision criteria known', 'Criteri decisionali noti'),
      when: identified('meddic.decisionCriteria'),
      hint: t('Ask how they will compare the options', 'Chiedi come confronteranno le alternative'),
    },
    decisionProcess: {
      dimension: 'decision',
      label: t('Decision process known', 'Processo decisionale noto'),
      when: identified('meddic.decisionProcess'),
      hint: t('Ask who signs, in which steps, by when', 'Chiedi chi firma, in quali passaggi, entro quando'),
    },
    identifyPain: {
      dimension: 'need',
      label: t('Pain identified', 'Dolore identificato'),
      when: { criterion: 'need' },
      hint: t('Ask which problem hurts, and what it costs them', 'Chiedi quale problema pesa e quanto costa'),
    },
    champion: {
      dimension: 'authority',
      label: t('Champion inside the account', 'Champion nell’azienda'),
      when: { any: [{ fact: 'authority.role', eq: 'champion' }, identified('meddic.champion')] },
      hint: t('Find someone inside who sells for you', 'Trova chi, all’interno, vende per te'),
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
});
