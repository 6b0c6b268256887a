import { describe, expect, it } from 'vitest';
import { compile, mapLead, parseLead } from '../../src';
import { compileReading, isAmbiguousNumber, readNumber } from '../../src/internal/read';

const dot = compileReading({ decimal: '.' });
const comma = compileReading({ decimal: ',' });

// issue 18 case 1: European thousands read as 40 and 30, hex as 16
describe('dotted thousands without a declared decimal separator', () => {
  const ambiguous = [
    '€40.000',
    'EUR 40.000',
    '40.000 €',
    '40.000€',
    '30.000',
    '1.250.000',
    '£ 2.500',
    'CHF 12.000',
  ];

  it('are ambiguous: not a number, flagged as such', () => {
    for (const text of ambiguous) {
      expect(readNumber(text), text).toBeNaN();
      expect(isAmbiguousNumber(text), text).toBe(true);
    }
  });

  it('are read by the declared separator', () => {
    expect(readNumber('€40.000', comma)).toBe(40000);
    expect(readNumber('40.000 €', comma)).toBe(40000);
    expect(readNumber('1.250.000', comma)).toBe(1250000);
    expect(readNumber('30.000', dot)).toBe(30);
    expect(isAmbiguousNumber('30.000', dot)).toBe(false);
    expect(isAmbiguousNumber('30.000', compileReading({}, dot))).toBe(false);
  });

  it('leave plain decimals alone', () => {
    expect(readNumber('40.5')).toBe(40.5);
    expect(readNumber('0.500')).toBe(0.5);
    expect(readNumber('1,250.50')).toBe(1250.5);
    expect(readNumber('12.0000')).toBe(12);
    expect(isAmbiguousNumber('40.5')).toBe(false);
  });

  it('refuses hexadecimal, octal and binary, and over-long text', () => {
    for (const text of ['0x10', '0o7', '0b1', '0X1F', '+0x10', '1'.repeat(65)])
      expect(readNumber(text), text).toBeNaN();
    expect(readNumber('1'.repeat(64))).toBeGreaterThan(0);
  });

  it('parseLead says to declare decimal', () => {
    const { lead, issues } = parseLead({ budget: { amount: '€40.000' } });
    expect(lead.budget).toEqual({});
    expect(issues).toMatchObject([{ code: 'ambiguous_number', path: ['budget', 'amount'] }]);
    expect(issues[0]?.message).toMatch(/decimal/);
    expect(parseLead({ budget: { amount: '€40.000' } }, { decimal: ',' }).lead.budget).toEqual({
      amount: 40000,
    });
  });

  it('classify reads them unknown and flags ambiguous_number:<path>', () => {
    const config = compile({
      version: 1,
      id: 'budget',
      criteria: { budget: { label: 'Budget', when: { fact: 'budget.amount', gte: 5000 } } },
      stages: [{ id: 'qualified', when: { criterion: 'budget' } }, { id: 'unqualified' }],
    } as never);
    const ambiguousResult = config.classify({ budget: { amount: '€40.000' } }, { asOf: '2026-06-30' });
    expect(ambiguousResult.criteria.budget?.status).toBe('unknown');
    expect(ambiguousResult.flags).toContain('ambiguous_number:budget.amount');
    const declared = compile({
      version: 1,
      id: 'budget',
      read: { decimal: ',' },
      criteria: { budget: { label: 'Budget', when: { fact: 'budget.amount', gte: 5000 } } },
      stages: [{ id: 'qualified', when: { criterion: 'budget' } }, { id: 'unqualified' }],
    } as never);
    expect(declared.classify({ budget: { amount: '€40.000' } }, { asOf: '2026-06-30' }).stage).toBe(
      'qualified',
    );
  });

  it('a declared fact reads by its own decimal', () => {
    const config = compile({
      version: 1,
      id: 'deal',
      facts: { 'custom.deal': { type: 'number', decimal: ',' }, 'custom.other': { type: 'number' } },
      criteria: {
        deal: { label: 'Deal', when: { fact: 'custom.deal', gte: 5000 } },
        other: { label: 'Other', when: { fact: 'custom.other', gte: 5000 } },
      },
      stages: [
        { id: 'qualified', when: { all: [{ criterion: 'deal' }, { criterion: 'other' }] } },
        { id: 'unqualified' },
      ],
    } as never);
    const result = config.classify({ custom: { deal: '40.000', other: '40.000' } }, { asOf: '2026-06-30' });
    expect(result.criteria.deal?.status).toBe('met');
    expect(result.criteria.other?.status).toBe('unknown');
    expect(result.flags).toContain('ambiguous_number:custom.other');
  });
});

describe('decimal in field maps', () => {
  const map = (read?: object, field?: object) => ({
    version: 1,
    id: `revenue-${JSON.stringify(read)}-${JSON.stringify(field)}`,
    ...(read === undefined ? {} : { read }),
    fields: [{ from: 'Revenue', to: 'company.annualRevenue', type: 'number', ...field }],
  });

  it('is ambiguous without one, with an issue naming the column', () => {
    const { lead, issues } = mapLead({ Revenue: 'EUR 40.000' }, map());
    expect(lead).toEqual({});
    expect(issues).toMatchObject([{ code: 'ambiguous_number', path: ['Revenue'] }]);
  });

  it('reads by the map read or the field decimal', () => {
    expect(mapLead({ Revenue: 'EUR 40.000' }, map({ decimal: ',' })).lead).toEqual({
      company: { annualRevenue: 40000 },
    });
    expect(mapLead({ Revenue: '40.000 €' }, map(undefined, { decimal: ',' })).lead).toEqual({
      company: { annualRevenue: 40000 },
    });
    expect(mapLead({ Revenue: '40.000' }, map({ decimal: '.' })).lead).toEqual({
      company: { annualRevenue: 40 },
    });
  });
});
