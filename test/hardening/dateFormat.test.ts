// Issue 19 (2): date formats are read by a tokenizer, not a generated regular expression. The reader it
// replaced is kept here, and only here, to hold the new one to its answers on generated formats and values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDateFormat, quotedAt, TOKENS } from '../../src/internal/dateFormat';
import { compileReading, readInstant } from '../../src/internal/read';
import { MAX_VALUE_LENGTH } from '../../src/internal/time';

/** The reader before issue 19: a regular expression generated from the format (verbatim). */
function oldCompileDateFormat(format: string): (text: string) => number {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern = '^';
  const fields: string[] = [];
  for (let index = 0; index < format.length; ) {
    const quoted = quotedAt(format, index);
    if (quoted !== undefined) {
      pattern += escapeRegExp(quoted.text);
      index = quoted.end;
      continue;
    }
    const token = TOKENS.find(([name]) => format.startsWith(name, index));
    if (token === undefined) {
      pattern += escapeRegExp(format[index] as string);
      index++;
      continue;
    }
    const [name, field, most] = token;
    pattern += most === 0 ? '([AaPp][Mm])' : `(\\d{1,${most}})`;
    fields.push(field);
    index += name.length;
  }
  const regexp = new RegExp(`${pattern}$`);
  return (text) => {
    const match = regexp.exec(text.trim());
    if (match === null) return Number.NaN;
    const parts: Record<string, number> = {
      year: 1970,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
    };
    let afternoon = false;
    fields.forEach((field, position) => {
      const text = match[position + 1] as string;
      if (field === 'meridiem') afternoon = text.toLowerCase() === 'pm';
      else parts[field] = Number(text);
    });
    if (parts.shortYear !== undefined) parts.year = 2000 + (parts.shortYear as number);
    if (parts.hour12 !== undefined) {
      const hour12 = parts.hour12 as number;
      if (hour12 < 1 || hour12 > 12) return Number.NaN;
      parts.hour = (hour12 % 12) + (afternoon ? 12 : 0);
    }
    const { year, month, day, hour, minute, second, millisecond } = parts as Record<string, number>;
    const time = Date.UTC(year as number, (month as number) - 1, day, hour, minute, second, millisecond);
    const date = new Date(time);
    return date.getUTCFullYear() === year &&
      date.getUTCMonth() === (month as number) - 1 &&
      date.getUTCDate() === day &&
      date.getUTCHours() === hour &&
      date.getUTCMinutes() === minute &&
      date.getUTCSeconds() === second
      ? time
      : Number.NaN;
  };
}

// formats: tokens (adjacent ones too), separators, digits as literals, quoted text
const formatPiece = fc.constantFrom(
  ...TOKENS.map(([name]) => name),
  '/',
  '.',
  '-',
  ' ',
  ':',
  '0',
  '1',
  "'T'",
  "'1'",
  "''",
  'y',
);
const formats = fc.array(formatPiece, { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join(''));
// values: digits and the same separators, AM/PM, and values written from a format by filling its tokens
const valueChar = fc.constantFrom(
  '0',
  '1',
  '2',
  '3',
  '5',
  '6',
  '9',
  '/',
  '.',
  '-',
  ' ',
  ':',
  'T',
  'AM',
  'pm',
  "'",
);
const values = fc.array(valueChar, { maxLength: 24 }).map((chars) => chars.join(''));
const filled = (format: string, digits: readonly number[]) => {
  let at = 0;
  let out = '';
  for (let index = 0; index < format.length; ) {
    const quoted = quotedAt(format, index);
    if (quoted !== undefined) {
      out += quoted.text;
      index = quoted.end;
      continue;
    }
    const token = TOKENS.find(([name]) => format.startsWith(name, index));
    if (token === undefined) {
      out += format[index];
      index++;
      continue;
    }
    const digit = digits[at++ % digits.length] as number;
    out += token[2] === 0 ? (digit % 2 === 0 ? 'AM' : 'PM') : String(digit).slice(0, token[2]);
    index += token[0].length;
  }
  return out;
};

describe('date formats read by a tokenizer', () => {
  it('gives the old reader’s answer on every generated format and value', () => {
    fc.assert(
      fc.property(formats, values, (format, value) => {
        expect(Object.is(compileDateFormat(format)(value), oldCompileDateFormat(format)(value))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('gives the old reader’s answer on values written in the format (adjacent tokens included)', () => {
    fc.assert(
      fc.property(
        formats,
        fc.array(fc.integer({ min: 0, max: 2999 }), { minLength: 1, maxLength: 8 }),
        (format, digits) => {
          const value = filled(format, digits);
          fc.pre(value.trim().length <= MAX_VALUE_LENGTH);
          expect(Object.is(compileDateFormat(format)(value), oldCompileDateFormat(format)(value))).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads adjacent digit tokens as the old reader did, giving digits back only when it must', () => {
    const compact = compileDateFormat('yyyyMMdd');
    expect(new Date(compact('20260630')).toISOString()).toBe('2026-06-30T00:00:00.000Z');
    // yyyy takes 2026, MM takes 6 (not 61) so that dd has a digit
    expect(new Date(compact('202661')).toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(compact('2026631')).toBeNaN(); // MM 63 first: not a month, and no other split is tried
    expect(compileDateFormat('dd/MM/yyyy')('31/06/2026')).toBeNaN();
  });

  it('reads a hostile format over a long value in one bounded walk (the regex took 6–26 s on 57 characters)', () => {
    const hostile = compileDateFormat('dd'.repeat(50));
    // fifty day tokens read 50 to 100 digits: some split reads 57 ones, the last day is 1
    for (const length of [57, 61, 64]) expect(hostile('1'.repeat(length))).toBe(0);
    for (const length of [49, 80, 10_000]) expect(hostile('1'.repeat(length))).toBeNaN();
    expect(hostile(`${'1'.repeat(56)}x`)).toBeNaN();
    const reading = compileReading({ dateFormat: 'dd'.repeat(50) });
    expect(readInstant('1'.repeat(61), reading)).toBeNaN(); // 11+ digits are epoch ms: out of range
    expect(readInstant('1'.repeat(65), reading)).toBeNaN();
  });

  it('reads no value longer than the cap, in any reader', () => {
    const reading = compileReading({ dateFormat: "dd/MM/yyyy' 'HH:mm" });
    expect(readInstant('30/06/2026 10:00', reading)).toBe(Date.UTC(2026, 5, 30, 10));
    const padded = `2026-06-30T10:00:00.000${'0'.repeat(MAX_VALUE_LENGTH)}Z`;
    expect(readInstant(padded)).toBeNaN();
    expect(readInstant(`${' '.repeat(MAX_VALUE_LENGTH)}2026-06-30`)).toBeNaN();
    expect(readInstant('2026-06-30')).toBe(Date.UTC(2026, 5, 30));
  });
});
