import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, mapActivity, mapLead, maps, parseLead } from '../../src/index';
import { readNumber } from '../../src/internal/read';

const cell = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    'Select',
    '25-50',
    '1000+',
    '$1,000',
    '1.250,50',
    'DECISION_MAKER;CHAMPION',
    '6/15/2026',
    'Yes',
  ),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.anything({ withNullPrototype: true }),
);
const columns = [
  'Number of Employees',
  'Buying Role',
  'Seniority',
  'Create Date',
  'Annual Revenue',
  'Lifecycle Stage',
  'Recent Conversion Date',
  'No. of Employees',
  'Created Date',
  'Rating',
  'Activity Type',
  'Activity Date',
  'Contact ID',
];
const row = fc.dictionary(fc.oneof(fc.constantFrom(...columns), fc.string()), cell);

describe('reading CRM data: properties', () => {
  it('maps never throw on rows, are deterministic, and give leads parseLead accepts as they are', () => {
    fc.assert(
      fc.property(row, (input) => {
        for (const map of Object.values(maps)) {
          if (map.activity !== undefined) {
            expect(mapActivity(input, map)).toEqual(mapActivity(input, map));
            continue;
          }
          const first = mapLead(input, map);
          expect(mapLead(input, map)).toEqual(first);
          // a mapped lead is canonical: reading it again changes nothing and finds nothing
          const again = parseLead(first.lead);
          expect(again.issues.filter((issue) => issue.code !== 'unmapped_row')).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('numbers written with grouping read back as themselves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (value) => {
        expect(readNumber(value.toLocaleString('en-US'))).toBe(value);
        expect(readNumber(`$${value.toLocaleString('en-US')}`)).toBe(value);
      }),
    );
  });

  it('a condition on any CRM text never throws and flags only what is present', () => {
    const conditions = [
      { fact: 'x', eq: true },
      { fact: 'x', gte: 10 },
      { fact: 'x', in: ['a', 'b_c'] },
      { fact: 'x', withinLast: { days: 30 } },
    ].map((condition) =>
      compileCondition(condition, { read: { missing: ['Select'], dateFormat: 'M/d/yyyy' } }),
    );
    fc.assert(
      fc.property(cell, (value) => {
        for (const condition of conditions) {
          const { flags } = condition.evaluate({ x: value }, { asOf: '2026-06-30' });
          if (value === null || value === undefined || value === '' || value === 'Select')
            expect(flags).toEqual([]);
        }
      }),
    );
  });
});
