import { describe, expect, it } from 'vitest';
import { classify, explain, presets } from '../../src/index';

const asOf = '2026-06-30T12:00:00Z';
const examples = presets.saas.examples ?? [];
const leads: Record<string, unknown> = {
  SQO: examples[0]?.lead,
  SAL: { ...examples[1]?.lead, timeline: { purchaseBy: 'next quarter' } },
  unqualified: {
    contact: { seniority: 'manager' },
    events: [{ type: 'demo_completed', at: '2026-07-15T10:00:00Z' }],
  },
  disqualified: {
    contact: { seniority: 'student' },
    events: [{ type: 'ebook_download', at: '2026-06-01T10:00:00Z' }],
  },
};

describe.each(['en', 'it'])('explain in %s', (locale) => {
  it.each(Object.keys(leads))('a lead at stage %s', (stage) => {
    const result = classify(leads[stage], presets.saas, { asOf, locale });
    expect(result.stage).toBe(stage);
    expect(explain(result, { locale })).toMatchSnapshot();
  });
});

describe('explain', () => {
  it('defaults to English and falls back from unknown locales', () => {
    const result = classify(leads.SAL, presets.saas, { asOf });
    expect(explain(result)).toBe(explain(result, { locale: 'en' }));
    expect(explain(result, { locale: 'fr' })).toBe(explain(result, { locale: 'en' }));
    expect(explain(result, { locale: 'it-IT' })).toBe(explain(result, { locale: 'it' }));
  });

  it('names what to collect for the next stage', () => {
    const text = explain(classify(leads.SAL, presets.saas, { asOf }));
    expect(text).toContain('To reach SQO (Sales qualified opportunity):');
    expect(text).toContain(
      '  - Budget available — unknown. Ask for the budget range and who signs off. (collect: budget.status, budget.amount)',
    );
    expect(text).toContain('Data quality: invalid_date:timeline.purchaseBy.');
  });
});
