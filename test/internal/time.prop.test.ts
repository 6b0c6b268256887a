import { utc } from '@date-fns/utc';
import { parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../src/internal/time';

const pad = (value: number, length: number) => String(value).padStart(length, '0');

/**
 * The reference: date-fns parseISO in UTC, except that an offset beyond ±14:00 after a time (`+99:00`, which
 * parseISO reads) is unreadable — no time zone is further from UTC.
 */
function reference(text: string): number {
  const zone = /[T ]\d[\d:.,]*[+-](\d\d)(?::?(\d\d))?$/.exec(text);
  if (zone !== null && Number(zone[1]) * 60 + Number(zone[2] ?? 0) > 14 * 60) return Number.NaN;
  return parseISO(text, { in: utc }).getTime();
}

/** Strings in and around the canonical ISO forms, valid and not (day 31 of February, hour 24, …). */
const isoLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    time: fc.option(
      fc.record({
        separator: fc.constantFrom('T', ' '),
        hours: fc.integer({ min: 0, max: 25 }),
        minutes: fc.integer({ min: 0, max: 60 }),
        seconds: fc.option(fc.integer({ min: 0, max: 60 })),
        fraction: fc.option(fc.stringMatching(/^\d{1,4}$/)),
        zone: fc.option(
          fc.oneof(
            fc.constant('Z'),
            fc
              .tuple(
                fc.constantFrom('+', '-'),
                fc.integer({ min: 0, max: 25 }),
                fc.integer({ min: 0, max: 61 }),
                fc.constantFrom(':', '', 'none'),
              )
              .map(
                ([sign, hours, minutes, separator]) =>
                  `${sign}${pad(hours, 2)}${separator === 'none' ? '' : `${separator}${pad(minutes, 2)}`}`,
              ),
          ),
        ),
      }),
    ),
  })
  .map(({ year, month, day, time }) => {
    let text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    if (time !== null) {
      text += `${time.separator}${pad(time.hours, 2)}:${pad(time.minutes, 2)}`;
      if (time.seconds !== null) {
        text += `:${pad(time.seconds, 2)}`;
        if (time.fraction !== null) text += `.${time.fraction}`;
      }
      if (time.zone !== null) text += time.zone;
    }
    return text;
  });

describe('parseInstant', () => {
  it('reads every canonical ISO string exactly as date-fns parseISO in UTC does (offsets within ±14:00)', () => {
    fc.assert(
      fc.property(isoLike, (text) => {
        expect(parseInstant(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('computes the calendar itself exactly at the edges: leap days, centuries, years 100 and 9999', () => {
    for (const text of [
      '0100-01-01',
      '0400-02-29',
      '1600-02-29T12:00Z',
      '1899-12-31T23:59:59.999Z',
      '1900-03-01',
      '1969-12-31T23:59:59.999Z',
      '1970-01-01',
      '2000-02-29T00:00:00+01:00',
      '2024-02-29T24:00',
      '2100-02-28T23:59:59-05:30',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(parseInstant(text), text).toBe(reference(text));
    }
  });

  it('agrees with parseISO on arbitrary strings too', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const expected = text.trim() === '' ? Number.NaN : reference(text.trim());
        expect(parseInstant(text)).toBe(expected);
      }),
    );
  });
});

describe('offsets', () => {
  it('reads offsets up to ±14:00 and refuses those beyond, in every form', () => {
    expect(parseInstant('2026-06-30T09:00:00+14:00')).toBe(Date.parse('2026-06-29T19:00:00Z'));
    expect(parseInstant('2026-06-30T09:00:00-12:00')).toBe(Date.parse('2026-06-30T21:00:00Z'));
    for (const text of [
      '2026-06-30T09:00:00+99:00',
      '2026-06-30T09:00:00+14:01',
      '2026-06-30T09:00-1500',
      '2026-06-30 09:00:00+24',
      '20260630T090000+99',
    ])
      expect(parseInstant(text), text).toBeNaN();
    // a date alone ends in digits after a dash: no offset there
    expect(parseInstant('2026-06-30')).toBe(Date.parse('2026-06-30T00:00:00Z'));
  });
});
