import { describe, expect, it } from 'vitest';
import { compileDateFormat, dateFormatProblem } from '../../src/internal/dateFormat';
import {
  compileReading,
  isMissing,
  normalizeText,
  readBoolean,
  readDate,
  readInstant,
  readList,
  readNumber,
} from '../../src/internal/read';

const comma = compileReading({ decimal: ',' });

describe('the reading rule', () => {
  it('reads numbers from numeric text, thousands grouped by three, currency around them', () => {
    expect(readNumber(12000)).toBe(12000);
    expect(readNumber('12000')).toBe(12000);
    expect(readNumber(' 25,000 ')).toBe(25000);
    expect(readNumber('$25,000')).toBe(25000);
    expect(readNumber('USD 1,000,000.50')).toBe(1000000.5);
    expect(readNumber('1,250.50')).toBe(1250.5);
    expect(readNumber('12 000')).toBe(12000);
    expect(readNumber('-3.5')).toBe(-3.5);
    // not numbers: ambiguous grouping, ranges, words, non-finite
    for (const text of ['1,5', '1,50,000', '25-50', '1000+', 'lots', '', 'Infinity', '1e999']) {
      expect(readNumber(text), text).toBeNaN();
    }
    expect(readNumber(Number.NaN)).toBeNaN();
    expect(readNumber(true)).toBeNaN();
  });

  it('reads numbers with a comma decimal separator when told', () => {
    expect(readNumber('1.250,50', comma)).toBe(1250.5);
    expect(readNumber('€ 1.250', comma)).toBe(1250);
    expect(readNumber('2,5', comma)).toBe(2.5);
    expect(readNumber('12000', comma)).toBe(12000);
    expect(readNumber('1,250.50', comma)).toBeNaN();
  });

  it('reads booleans from words, configurable', () => {
    for (const word of ['true', 'Yes', 'Y', '1', 'on', ' TRUE ']) expect(readBoolean(word), word).toBe(true);
    for (const word of ['false', 'No', 'n', '0', 'OFF']) expect(readBoolean(word), word).toBe(false);
    expect(readBoolean(1)).toBe(true);
    expect(readBoolean(0)).toBe(false);
    expect(readBoolean('maybe')).toBeUndefined();
    expect(readBoolean(2)).toBeUndefined();
    const italian = compileReading({ true: ['sì', 'si'], false: ['no'] });
    expect(readBoolean('Sì', italian)).toBe(true);
    expect(readBoolean('yes', italian)).toBeUndefined();
  });

  it('reads dates as ISO, epoch ms, or a declared format, in UTC', () => {
    expect(readDate('2026-06-15')).toBe('2026-06-15T00:00:00.000Z');
    expect(readDate('1781481600000')).toBe('2026-06-15T00:00:00.000Z');
    expect(readDate('06/15/2026')).toBeUndefined();
    const us = compileReading({ dateFormat: 'MM/dd/yyyy' });
    expect(readDate('06/15/2026', us)).toBe('2026-06-15T00:00:00.000Z');
    expect(readDate('6/5/2026', us)).toBe('2026-06-05T00:00:00.000Z');
    expect(readDate('2026-06-15T10:00:00Z', us)).toBe('2026-06-15T10:00:00.000Z');
    expect(readInstant('13/15/2026', us)).toBeNaN();
    expect(readInstant('02/30/2026', us)).toBeNaN();
    const european = compileDateFormat('dd.MM.yyyy HH:mm');
    expect(new Date(european('15.06.2026 13:45')).toISOString()).toBe('2026-06-15T13:45:00.000Z');
    expect(european('15.06.2026 25:45')).toBeNaN();
    const salesforce = compileDateFormat('M/d/yyyy h:mm a');
    expect(new Date(salesforce('6/15/2026 1:05 PM')).toISOString()).toBe('2026-06-15T13:05:00.000Z');
    expect(new Date(salesforce('6/15/2026 12:05 am')).toISOString()).toBe('2026-06-15T00:05:00.000Z');
    expect(salesforce('6/15/2026 13:05 PM')).toBeNaN();
  });

  it('checks date formats', () => {
    expect(dateFormatProblem('MM/dd/yyyy')).toBeUndefined();
    expect(dateFormatProblem("yyyy-MM-dd'T'HH")).toBeUndefined();
    expect(new Date(compileDateFormat("yyyy-MM-dd'T'HH")('2026-06-15T10')).toISOString()).toBe(
      '2026-06-15T10:00:00.000Z',
    );
    expect(dateFormatProblem('yyyy-MM-ddTHH')).toMatch(/unknown token "T"/);
    expect(dateFormatProblem('MM/yyyy')).toMatch(/no day/);
    expect(dateFormatProblem('DD/MM/YYYY')).toMatch(/unknown token "D"/);
  });

  it('treats blanks and the placeholders of a reading as missing, case-insensitively', () => {
    const crm = compileReading({ missing: ['Select', 'N/A', 'unknown'] });
    for (const value of [undefined, null, '', '  ', 'Select', 'select', ' N/A ', 'Unknown']) {
      expect(isMissing(value, crm), String(value)).toBe(true);
    }
    expect(isMissing('Selected', crm)).toBe(false);
    expect(isMissing(0, crm)).toBe(false);
    expect(isMissing('Select')).toBe(false);
  });

  it('normalises enum-like text, without allocating when it is normal already', () => {
    expect(normalizeText('Decision Maker')).toBe('decision_maker');
    expect(normalizeText(' C-Level ')).toBe('c_level');
    const text = 'decision_maker';
    expect(normalizeText(text)).toBe(text);
  });

  it('reads lists from arrays and ;-separated text', () => {
    expect(readList('DECISION_MAKER; CHAMPION;')).toEqual(['DECISION_MAKER', 'CHAMPION']);
    expect(readList(['a'])).toEqual(['a']);
    expect(readList(5)).toBeUndefined();
  });
});
