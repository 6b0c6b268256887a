import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, parseLead } from '../../src/index';

const anyValue = fc.anything({
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withTypedArray: true,
});

describe('properties', () => {
  it('parseLead never throws and is deterministic', () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        const first = parseLead(input);
        expect(parseLead(input)).toEqual(first);
      }),
    );
  });

  it('parseLead never throws on lead-shaped junk', () => {
    const field = fc.oneof(
      anyValue,
      fc.string(),
      fc.integer(),
      fc.constantFrom('', 'true', '12,000', '2026-02-30'),
    );
    fc.assert(
      fc.property(
        fc.record({
          budget: fc.record({ amount: field, status: field }),
          company: fc.oneof(field, fc.record({ employees: field, isCompetitor: field })),
          events: fc.oneof(field, fc.array(fc.record({ type: field, at: field, props: field }))),
        }),
        (input) => {
          parseLead(input);
        },
      ),
    );
  });

  const condition = compileCondition({
    all: [
      { fact: 'budget.amount', gte: 1000 },
      {
        any: [
          { fact: 'timeline.purchaseBy', withinNext: { days: 90 } },
          { event: 'demo_completed', withinLast: 'P30D' },
        ],
      },
      { not: { fact: 'contact.email', matches: { pattern: '@gmail\\.com$', flags: 'i' } } },
      {
        atLeast: 1,
        of: [
          { fact: 'need.painPoints', containsAny: ['churn'] },
          { fact: 'x.length', between: [1, 3] },
        ],
      },
    ],
  });

  it('evaluation never throws on any lead data and returns a status', () => {
    fc.assert(
      fc.property(anyValue, fc.integer({ min: 0, max: 4_102_444_800_000 }), (lead, asOf) => {
        const result = condition.evaluate(lead, { asOf });
        expect(['met', 'unmet', 'unknown']).toContain(result.status);
        expect(condition.evaluate(lead, { asOf })).toEqual(result);
      }),
    );
  });
});
