import { describe, expect, it } from 'vitest';
import { classify, explain, presets } from '../../src/index';

const lead = {
  id: 'nuvola',
  contact: { seniority: 'vp' },
  company: { employees: 120 },
  budget: { status: 'approved' },
  events: [{ type: 'demo_completed', at: '2026-06-30' }],
};

describe('explain with grades', () => {
  it('gives the grade after the score, in English and in Italian', () => {
    const en = classify(lead, presets.saas, { asOf: '2026-06-30' });
    expect(en.grade).toBe('A3');
    expect(explain(en).split('\n')[0]).toBe(
      'Lead nuvola: stage SAL (Sales accepted lead), score 65 (fit 40, engagement 25), grade A3.',
    );
    const it = classify(lead, presets.saas, { asOf: '2026-06-30', locale: 'it' });
    expect(explain(it).split('\n')[0]).toBe(
      'Lead nuvola: fase SAL (Lead accettato per la vendita), punteggio 65 (fit 40, engagement 25), classe A3.',
    );
  });

  it('says nothing of a grade for a config without grades', () => {
    const { grades: _, ...plain } = presets.saas;
    const result = classify(lead, plain, { asOf: '2026-06-30' });
    expect('grade' in result).toBe(false);
    expect(explain(result).split('\n')[0]).toBe(
      'Lead nuvola: stage SAL (Sales accepted lead), score 65 (fit 40, engagement 25).',
    );
  });
});
