import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileReading, isAmbiguousNumber, readNumber } from '../../src/internal/read';

const declared = { 'en-US': compileReading({ decimal: '.' }), 'it-IT': compileReading({ decimal: ',' }) };
const undeclared = compileReading();

// amounts as CRMs hold them: whole, or with cents
const amount = fc
  .tuple(fc.integer({ min: -1e9, max: 1e12 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
  .map(([whole, cents, withCents]) => (withCents ? whole + (Math.sign(whole || 1) * cents) / 100 : whole));
const format = fc.record({
  locale: fc.constantFrom('en-US' as const, 'it-IT' as const),
  currency: fc.constantFrom(undefined, 'EUR', 'USD', 'GBP', 'CHF', 'JPY', 'INR'),
  display: fc.constantFrom('symbol' as const, 'code' as const),
  grouping: fc.boolean(),
});

function formatted(
  value: number,
  {
    locale,
    currency,
    display,
    grouping,
  }: {
    locale: 'en-US' | 'it-IT';
    currency: string | undefined;
    display: 'symbol' | 'code';
    grouping: boolean;
  },
): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
    useGrouping: grouping,
    ...(currency === undefined ? {} : { style: 'currency', currency, currencyDisplay: display }),
  }).format(value);
}

describe('numbers written by Intl.NumberFormat', () => {
  it('read back with the matching declared decimal separator', () => {
    fc.assert(
      fc.property(amount, format, (value, style) => {
        const text = formatted(value, style);
        const expected = Number(
          new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false }).format(value),
        );
        expect(readNumber(text, declared[style.locale]), text).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('read without a declaration as the number, or as ambiguous/unreadable: never a wrong number', () => {
    fc.assert(
      fc.property(amount, format, (value, style) => {
        const text = formatted(value, style);
        const read = readNumber(text, undeclared);
        const expected = Number(
          new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: false }).format(value),
        );
        if (Number.isNaN(read)) return;
        expect(read, text).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('dotted thousands are the ambiguous ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e12 }), (value) => {
        const text = new Intl.NumberFormat('it-IT').format(value);
        if (text.includes('.')) expect(isAmbiguousNumber(text), text).toBe(true);
      }),
    );
  });
});
