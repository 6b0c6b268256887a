import { describe, expect, it } from 'vitest';
import { classifyMany, createSummary, type SummarizableResult, summarize } from '../../src/index';

const asOf = '2026-06-30T00:00:00Z';
const config = {
  version: 1,
  id: 'quality',
  criteria: {
    budget: { when: { fact: 'budget.amount', gte: 1000 } },
    size: { when: { fact: 'company.employees', gte: 10 } },
  },
  stages: [
    { id: 'SQO', when: { all: [{ criterion: 'budget' }, { criterion: 'size' }] } },
    { id: 'unqualified' },
  ],
};

/** A result as `summarize` reads it, by hand. */
const result = (stage: string, total: number, flags: string[] = []): SummarizableResult => ({
  stage,
  config: { id: 'hand', hash: 'h' },
  scores: { total },
  criteria: {},
  stages: [
    { id: 'SQO', status: 'unmet' },
    { id: '__proto__', status: 'met' },
  ],
  flags,
});

// issue 18 case 10 (summary part): flags by kind only; skipped rows counted nowhere
describe('the data-quality section', () => {
  it('counts flags by kind and by path', () => {
    const results = classifyMany(
      [
        { budget: { amount: 'lots' }, company: { employees: 'many' } },
        { budget: { amount: '€40.000' }, company: { employees: 'a few' } },
        { budget: { amount: 5000 }, company: { employees: 'x' } },
      ],
      config,
      { asOf },
    );
    const summary = summarize(results);
    expect(summary.flags).toEqual({ unreadable: 3, ambiguous_number: 1 });
    expect(summary.dataQuality.flags).toEqual({
      unreadable: { 'company.employees': 3, 'budget.amount': 1 },
      ambiguous_number: { 'budget.amount': 1 },
    });
  });

  it('carries the input counts the caller gives, and adds them up', () => {
    const summary = createSummary({ input: { skippedRows: 2, duplicates: 1 } });
    summary.countInput({ skippedRows: 1, emptyRows: 4 });
    expect(summary.result().dataQuality).toEqual({ flags: {}, skippedRows: 3, duplicates: 1, emptyRows: 4 });
    expect(() => createSummary({ input: { skippedRows: -1 } })).toThrow(
      /input.skippedRows must be a whole number/,
    );
  });
});

// issue 19 item 8
describe('summaries hold', () => {
  it('a stage id "__proto__" as an own key', () => {
    const summary = summarize([result('__proto__', 1), result('SQO', 2)]);
    expect(Object.keys(summary.stages)).toEqual(['SQO', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(summary.stages, '__proto__')?.value).toMatchObject({ count: 1 });
    expect(Object.getPrototypeOf(summary.stages)).toBe(Object.prototype);
  });

  it('calibration memory bounded: many distinct totals are rounded, bands still add up', () => {
    const builder = createSummary({ outcome: () => true });
    const count = 30_000;
    for (let index = 0; index < count; index++) builder.add(result('SQO', index / 100 + 0.001 * (index % 7)));
    const summary = builder.result();
    expect(summary.approximate).toBe(true);
    const bands = summary.calibration?.bands ?? [];
    expect(bands.reduce((sum, band) => sum + band.leads, 0)).toBe(count);
  });
});
