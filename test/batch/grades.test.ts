import { describe, expect, it } from 'vitest';
import { classifyMany, createSummary, summarize } from '../../src/index';

const asOf = '2026-06-30T00:00:00Z';

/** Fit from the budget (10) and the need (5); engagement from demos (10 each, up to 3); grades by hand. */
const config = {
  version: 1,
  id: 'grade-matrix',
  criteria: {
    budget: { when: { fact: 'budget.amount', gte: 1000 } },
    need: { when: { fact: 'need.severity', in: ['high'] } },
  },
  scoring: {
    groups: { fit: {}, engagement: {} },
    rules: [
      { id: 'budget', group: 'fit', points: 10, when: { criterion: 'budget' } },
      { id: 'need', group: 'fit', points: 5, when: { criterion: 'need' } },
      { id: 'demo', group: 'engagement', points: 10, event: 'demo_completed', repeat: { max: 3 } },
    ],
  },
  stages: [{ id: 'SAL', when: { criterion: 'budget' } }, { id: 'unqualified' }],
  // fit: A ≥ 15, B ≥ 10, C below; engagement: 1 ≥ 20, 2 below
  grades: { fit: { A: 15, B: 10 }, engagement: { 1: 20 } },
};
const demos = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ type: 'demo_completed', at: `2026-06-0${index + 1}` }));
const leads = [
  { id: 'L1', budget: { amount: 2000 }, need: { severity: 'high' }, events: demos(2) }, // A1, won
  { id: 'L2', budget: { amount: 2000 }, need: { severity: 'high' }, events: demos(3) }, // A1, lost
  { id: 'L3', budget: { amount: 2000 }, events: demos(1) }, // B2, won
  { id: 'L4', budget: { amount: 2000 }, events: demos(2) }, // B1, won
  { id: 'L5', need: { severity: 'high' } }, // C2, lost
  { id: 'L6' }, // C2, no outcome
];
const outcome = { L1: true, L2: false, L3: true, L4: true, L5: false };

describe('summarize with grades', () => {
  const results = classifyMany(leads, config, { asOf, detail: 'statuses' });

  it('counts each cell of the grade matrix, and converts per cell with outcomes', () => {
    expect(results.map((result) => result.grade)).toEqual(['A1', 'A1', 'B2', 'B1', 'C2', 'C2']);
    const summary = summarize(results, { outcome });
    // base rate: 3 of 5 converted (0.6)
    // every cell's rate carries its uncertainty as the stages' do: 1 of 2 is anything from 9 % to 91 %
    expect(summary.grades?.A1?.conversion?.interval).toEqual({ low: 0.0945, high: 0.9055 });
    expect(summary.grades?.A1?.conversion?.vsRest?.verdict).toBe('not distinguishable');
    expect(summary.grades).toMatchObject({
      A1: { count: 2, share: 0.3333, conversion: { leads: 2, converted: 1, rate: 0.5, lift: 0.8333 } },
      B1: { count: 1, share: 0.1667, conversion: { leads: 1, converted: 1, rate: 1, lift: 1.6667 } },
      B2: { count: 1, share: 0.1667, conversion: { leads: 1, converted: 1, rate: 1, lift: 1.6667 } },
      C2: { count: 2, share: 0.3333, conversion: { leads: 1, converted: 0, rate: 0, lift: 0 } },
    });
    expect(Object.keys(summary.grades ?? {})).toEqual(['A1', 'B1', 'B2', 'C2']);
  });

  it('has counts alone without outcomes, the same incrementally, and no section without grades', () => {
    const counts = summarize(results).grades;
    expect(counts?.A1).toEqual({ count: 2, share: 0.3333 });
    const builder = createSummary();
    for (const result of results) builder.add(result);
    expect(builder.result().grades).toEqual(counts);
    const { grades: _, ...plain } = config;
    expect(summarize(classifyMany(leads, plain, { asOf })).grades).toBeUndefined();
    expect('grades' in summarize(classifyMany(leads, plain, { asOf }))).toBe(false);
  });

  it('orders cells as the matrix reads, numbers by value', () => {
    const many = {
      ...config,
      grades: {
        fit: { A: 15, B: 10 },
        engagement: Object.fromEntries(
          Array.from({ length: 10 }, (_, index) => [String(index + 1), 30 - index * 3]),
        ),
      },
    };
    const keys = Object.keys(summarize(classifyMany(leads, many, { asOf })).grades ?? {});
    // engagement 20 → "5" (≥ 18), 30 → "1", 10 → "8" (≥ 9), 0 → "11" (below every threshold)
    expect(keys).toEqual(['A1', 'A5', 'B5', 'B8', 'C11']);
  });
});
