import { describe, expect, it } from 'vitest';
import { compileCondition, type OperatorName } from '../../src/index';
import { AS_OF, leadWith, statusOf } from '../helpers';

type Case = readonly [description: string, operand: unknown, value: unknown];

/** For every operator: at least one met, one unmet and one unknown case. */
const cases: Record<OperatorName, { met: Case[]; unmet: Case[]; unknown: Case[] }> = {
  eq: {
    met: [
      ['same string', 'approved', 'approved'],
      ['text as enums compare: case, spaces, hyphens', 'decision_maker', ' Decision-Maker '],
      ['the operand normalised too', 'Approved', 'approved'],
      ['number from CRM string', 12000, '12000'],
      ['number with thousands separators and currency', 25000, '$25,000'],
      ['boolean from CRM string', true, 'TRUE'],
      ['boolean from a yes/no word', true, 'Yes'],
      ['boolean from 1', false, '0'],
      ['string operand, number value read as text', '5', 5],
    ],
    unmet: [
      ['other string', 'approved', 'exploring'],
      ['other number', 5, 6],
      ['string operand, other number', 'a', 5],
    ],
    unknown: [
      ['absent', 'approved', undefined],
      ['null', 1, null],
      ['empty string', 'x', ''],
      ['blank string', 'x', '   '],
      ['type the operand cannot compare', true, 'maybe'],
      ['ambiguous grouping', 15, '1,5'],
      ['an object', 'x', { a: 1 }],
    ],
  },
  ne: {
    met: [['different', 'student', 'vp']],
    unmet: [['equal', 'student', 'student']],
    unknown: [
      ['absent', 'student', undefined],
      ['not a number', 3, 'three'],
    ],
  },
  gt: {
    met: [
      ['greater', 10, 11],
      ['later date', '2026-01-01', '2026-01-02'],
    ],
    unmet: [
      ['equal', 10, 10],
      ['earlier date', '2026-01-01', '2025-12-31'],
    ],
    unknown: [
      ['absent', 10, undefined],
      ['non-numeric', 10, 'ten'],
      ['invalid date', '2026-01-01', '2026-02-30'],
    ],
  },
  gte: {
    met: [
      ['equal', 10000, 10000],
      ['grouped string is not a number here', 0, '0'],
    ],
    unmet: [['less', 10000, 9999.99]],
    unknown: [
      ['absent', 10000, undefined],
      ['boolean', 1, true],
    ],
  },
  lt: {
    met: [
      ['less', 50, 49],
      ['earlier date', '2026-06-01', '2026-05-31T23:59:59Z'],
    ],
    unmet: [['equal', 50, 50]],
    unknown: [['object', 50, { a: 1 }]],
  },
  lte: {
    met: [
      ['equal', 50, 50],
      ['numeric string', 50, ' 42 '],
    ],
    unmet: [['more', 50, 51]],
    unknown: [
      ['NaN', 50, Number.NaN],
      ['infinite', 50, Number.POSITIVE_INFINITY],
    ],
  },
  in: {
    met: [
      ['listed string', ['allocated', 'approved'], 'approved'],
      ['listed number', [1, 2], '2'],
    ],
    unmet: [
      ['unlisted', ['allocated', 'approved'], 'exploring'],
      ['mixed list, no match', ['a', 1], 'b'],
    ],
    unknown: [
      ['absent', ['a'], undefined],
      ['array value', ['a'], ['a']],
      ['a value no operand type reads', ['a', 'b'], { a: 1 }],
    ],
  },
  notIn: {
    met: [['unlisted', ['student'], 'vp']],
    unmet: [['listed', ['student', 'intern'], 'student']],
    unknown: [['absent', ['student'], null]],
  },
  between: {
    met: [
      ['inside', [10, 20], 15],
      ['on the low bound', [10, 20], 10],
      ['on the high bound', [10, 20], 20],
      ['dates', ['2026-01-01', '2026-12-31'], '2026-06-30'],
    ],
    unmet: [
      ['below', [10, 20], 9],
      ['above', [10, 20], 21],
      ['date after', ['2026-01-01', '2026-03-31'], '2026-04-01'],
    ],
    unknown: [
      ['absent', [10, 20], undefined],
      ['text', [10, 20], 'many'],
    ],
  },
  exists: {
    met: [
      ['present', true, 'x'],
      ['absent, asked absent', false, undefined],
      ['zero is present', true, 0],
      ['false is present', true, false],
    ],
    unmet: [
      ['absent', true, undefined],
      ['null', true, null],
      ['empty string', true, ''],
      ['present, asked absent', false, 'x'],
    ],
    unknown: [],
  },
  contains: {
    met: [
      ['substring', 'pric', 'pricing page'],
      ['array element', 'churn', ['cost', 'churn']],
      ['array number from string', 3, ['3']],
    ],
    unmet: [
      ['no substring', 'xyz', 'pricing'],
      ['not in array', 'churn', ['cost']],
      ['empty array', 'churn', []],
    ],
    unknown: [
      ['absent', 'x', undefined],
      ['number value', 'x', 42],
      ['string value, number operand', 3, 'abc3'],
    ],
  },
  containsAny: {
    met: [
      ['one of them', ['cost', 'churn'], ['churn', 'speed']],
      ['substring in text', ['budget', 'price'], 'what is the price?'],
    ],
    unmet: [['none of them', ['cost', 'churn'], ['speed']]],
    unknown: [
      ['absent', ['a'], undefined],
      ['object value', ['a'], { a: 1 }],
    ],
  },
  containsAll: {
    met: [['all of them', ['cost', 'churn'], ['churn', 'cost', 'speed']]],
    unmet: [['one missing', ['cost', 'churn'], ['churn']]],
    unknown: [
      ['absent', ['a'], undefined],
      ['number value', ['a'], 7],
      ['text value, number operands', [1, 2], '12'],
    ],
  },
  startsWith: {
    met: [['prefix', 'VP ', 'VP Sales']],
    unmet: [['other prefix', 'VP ', 'Head of Sales']],
    unknown: [
      ['absent', 'VP', undefined],
      ['number', '1', 12],
    ],
  },
  endsWith: {
    met: [['suffix', '.edu', 'mit.edu']],
    unmet: [['other suffix', '.edu', 'acme.com']],
    unknown: [
      ['absent', '.edu', undefined],
      ['array', '.edu', ['mit.edu']],
    ],
  },
  matches: {
    met: [
      ['pattern', '^[^@]+@acme\\.com$', 'ana@acme.com'],
      ['with flags', { pattern: '^vp\\b', flags: 'i' }, 'VP Marketing'],
    ],
    unmet: [['no match', '^[^@]+@acme\\.com$', 'ana@gmail.com']],
    unknown: [
      ['absent', '.', undefined],
      ['number', '\\d', 5],
    ],
  },
  before: {
    met: [['earlier', '2026-07-01', '2026-06-30']],
    unmet: [
      ['same instant', '2026-07-01', '2026-07-01T00:00:00Z'],
      ['later', '2026-07-01', '2026-07-02'],
    ],
    unknown: [
      ['absent', '2026-07-01', undefined],
      ['invalid date', '2026-07-01', 'next tuesday'],
    ],
  },
  after: {
    met: [['later', '2026-07-01', '2026-07-01T00:00:01Z']],
    unmet: [['earlier', '2026-07-01', '2026-06-01']],
    unknown: [
      ['absent', '2026-07-01', undefined],
      ['impossible date', '2026-07-01', '2026-13-01'],
    ],
  },
  withinLast: {
    met: [
      ['yesterday', { days: 30 }, '2026-06-29T12:00:00Z'],
      ['exactly 30 days old', { days: 30 }, '2026-05-31T12:00:00Z'],
      ['ISO duration', 'P30D', '2026-06-15'],
    ],
    unmet: [
      ['one ms too old', { days: 30 }, '2026-05-31T11:59:59.999Z'],
      ['in the future', { days: 30 }, '2026-07-01'],
    ],
    unknown: [
      ['absent', { days: 30 }, undefined],
      ['invalid date', { days: 30 }, '31/05/2026'],
    ],
  },
  withinNext: {
    met: [
      ['next month', { days: 90 }, '2026-08-15'],
      ['exactly 90 days ahead', { days: 90 }, '2026-09-28T12:00:00Z'],
      ['now', 'P90D', AS_OF],
    ],
    unmet: [
      ['too late', { days: 90 }, '2026-09-28T12:00:00.001Z'],
      ['in the past', { days: 90 }, '2026-06-01'],
    ],
    unknown: [
      ['absent', { days: 90 }, undefined],
      ['not a date', { days: 90 }, true],
    ],
  },
  olderThan: {
    met: [['a year old', { months: 6 }, '2025-06-30']],
    unmet: [
      ['exactly 6 months old', { months: 6 }, '2025-12-30T12:00:00Z'],
      ['recent', { months: 6 }, '2026-06-01'],
    ],
    unknown: [
      ['absent', { months: 6 }, undefined],
      ['garbage', { months: 6 }, 'soon'],
    ],
  },
};

describe.each(Object.entries(cases))('operator %s', (operator, { met, unmet, unknown }) => {
  const run = (operand: unknown, value: unknown) =>
    statusOf({ fact: 'x.value', [operator]: operand }, leadWith('x.value', value));

  it.each(met)('met: %s', (_, operand, value) => expect(run(operand, value)).toBe('met'));
  it.each(unmet)('unmet: %s', (_, operand, value) => expect(run(operand, value)).toBe('unmet'));
  if (unknown.length > 0) {
    it.each(unknown)('unknown: %s', (_, operand, value) => expect(run(operand, value)).toBe('unknown'));
  } else {
    it('is never unknown', () => {
      for (const value of [undefined, null, '', 'x', 0, [], {}]) expect(run(true, value)).not.toBe('unknown');
    });
  }
});

describe('facts', () => {
  it('and-s several operators on one fact', () => {
    const condition = { fact: 'company.employees', gte: 50, lt: 500 };
    expect(statusOf(condition, leadWith('company.employees', 100))).toBe('met');
    expect(statusOf(condition, leadWith('company.employees', 1000))).toBe('unmet');
    expect(statusOf(condition, {})).toBe('unknown');
  });

  it('decides absent values with exists even beside other operators', () => {
    expect(statusOf({ fact: 'a', exists: true, eq: 'x' }, {})).toBe('unmet');
  });

  it('reads .length of arrays and strings', () => {
    expect(
      statusOf({ fact: 'need.painPoints.length', gte: 2 }, leadWith('need.painPoints', ['a', 'b'])),
    ).toBe('met');
    expect(statusOf({ fact: 'contact.name.length', lt: 3 }, leadWith('contact.name', 'Ann'))).toBe('unmet');
    expect(statusOf({ fact: 'need.painPoints.length', gte: 1 }, {})).toBe('unknown');
  });

  it('reads own properties only, never the prototype chain', () => {
    const lead = Object.create({ inherited: 'yes' }) as Record<string, unknown>;
    expect(statusOf({ fact: 'inherited', exists: true }, lead)).toBe('unmet');
    expect(statusOf({ fact: 'toString', exists: true }, {})).toBe('unmet');
    expect(statusOf({ fact: 'a.hasOwnProperty', exists: true }, { a: {} })).toBe('unmet');
  });

  it('reads array elements by index', () => {
    expect(statusOf({ fact: 'tags.1', eq: 'hot' }, { tags: ['cold', 'hot'] })).toBe('met');
  });

  it('flags an unreadable date once, with its path', () => {
    const result = compileCondition({
      all: [
        { fact: 'timeline.purchaseBy', withinNext: { days: 90 } },
        { fact: 'timeline.purchaseBy', after: '2026-01-01' },
      ],
    }).evaluate(leadWith('timeline.purchaseBy', 'Q3'), { asOf: AS_OF });
    expect(result).toEqual({ status: 'unknown', flags: ['invalid_date:timeline.purchaseBy'] });
  });

  it('compares dates with time-zone offsets as instants', () => {
    // 12:00-10:00 is 22:00Z, so 21:00Z is not after it
    // 2026-06-30T01:00+14:00 is 2026-06-29T11:00Z: before 2026-06-29T12:00Z
    expect(
      statusOf({ fact: 'at', before: '2026-06-29T12:00:00Z' }, { at: '2026-06-30T01:00:00+14:00' }),
    ).toBe('met');
    expect(statusOf({ fact: 'at', after: '2026-06-29T12:00:00-10:00' }, { at: '2026-06-29T21:00:00Z' })).toBe(
      'unmet',
    );
  });

  it('reads a date without offset as UTC, whatever the machine time zone', () => {
    expect(
      statusOf(
        { fact: 'at', between: ['2026-06-30T00:00:00Z', '2026-06-30T00:00:00Z'] },
        { at: '2026-06-30' },
      ),
    ).toBe('met');
    expect(statusOf({ fact: 'at', eq: 1 }, { at: '2026-06-30' })).toBe('unknown');
  });

  it('accepts Date objects and epoch milliseconds as values', () => {
    expect(statusOf({ fact: 'at', withinLast: { days: 1 } }, { at: new Date('2026-06-30T00:00:00Z') })).toBe(
      'met',
    );
    expect(
      statusOf({ fact: 'at', withinLast: { days: 1 } }, { at: Date.parse('2026-06-01T00:00:00Z') }),
    ).toBe('unmet');
  });

  it('does calendar arithmetic for months in UTC', () => {
    // 31 March minus one month is 28 February (clamped), in UTC
    const asOf = '2026-03-31T00:00:00Z';
    expect(statusOf({ fact: 'at', withinLast: { months: 1 } }, { at: '2026-02-28T00:00:00Z' }, asOf)).toBe(
      'met',
    );
    expect(statusOf({ fact: 'at', withinLast: { months: 1 } }, { at: '2026-02-27T23:59:59Z' }, asOf)).toBe(
      'unmet',
    );
  });
});
