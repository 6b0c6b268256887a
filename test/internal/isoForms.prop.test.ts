// leadstage reads dates without date-fns at run time: the ISO 8601 reader behind the canonical fast path and
// the duration arithmetic are its own. date-fns stays the reference they are held to, here: parseISO, add
// and sub in UTC, on generated strings in every form parseISO reads (and near misses), and generated instants
// and durations.
import { utc } from '@date-fns/utc';
import { add, parseISO, sub } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDuration, type Duration, parseInstant, subtractDuration } from '../../src/internal/time';

/** parseISO in UTC, except that an offset beyond ±14:00 after a time is unreadable (as in time.prop.test.ts). */
function reference(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '' || text.length > 64) return Number.NaN;
  const zone = /[T ]\d[\d:.,]*[+-](\d\d)(?::?(\d\d))?$/.exec(trimmed);
  if (zone !== null && Number(zone[1]) * 60 + Number(zone[2] ?? 0) > 14 * 60) return Number.NaN;
  return parseISO(trimmed, { in: utc }).getTime();
}

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const maybe = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { nil: '' });

/** The date part in each form parseISO reads: years (plain, expanded, centuries), months, ordinals, weeks. */
const datePart = fc.oneof(
  // calendar, extended and basic: 2026-06-30, 20260630, 2026-06, 2026
  fc
    .tuple(
      digits(4, 4),
      fc.constantFrom('-', ''),
      digits(2, 2),
      fc.constantFrom('-', ''),
      maybe(digits(2, 2)),
    )
    .map((parts) => parts.join('')),
  digits(4, 4),
  // a century alone, expanded years
  digits(2, 2),
  fc
    .tuple(
      fc.constantFrom('+', '-'),
      digits(6, 6),
      maybe(fc.tuple(digits(2, 2), digits(2, 2)).map(([m, d]) => `-${m}-${d}`)),
    )
    .map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('+', '-'), digits(4, 4)).map((parts) => parts.join('')),
  // ordinal: 2026-181, 2026181
  fc.tuple(digits(4, 4), fc.constantFrom('-', ''), digits(3, 3)).map((parts) => parts.join('')),
  // week: 2026-W27-2, 2026W272, 2026-W27
  fc
    .tuple(
      digits(4, 4),
      fc.constantFrom('-', ''),
      digits(2, 2),
      maybe(fc.tuple(fc.constantFrom('-', ''), digits(1, 1)).map((parts) => parts.join(''))),
    )
    .map(([year, dash, week, day]) => `${year}${dash}W${week}${day}`),
);

/** Time parts as parseISO reads them: hh, hh:mm, hhmmss, fractions with . or , on any unit. */
const unit = fc
  .tuple(
    digits(2, 2),
    maybe(fc.tuple(fc.constantFrom('.', ','), digits(0, 5)).map((parts) => parts.join(''))),
  )
  .map((parts) => parts.join(''));
const timePart = fc
  .tuple(
    unit,
    maybe(fc.tuple(fc.constantFrom(':', ''), unit).map((parts) => parts.join(''))),
    maybe(fc.tuple(fc.constantFrom(':', ''), unit).map((parts) => parts.join(''))),
  )
  .map((parts) => parts.join(''));
const zonePart = fc.oneof(
  fc.constantFrom('Z', 'z', '+', '-', 'Z+01'),
  fc
    .tuple(
      fc.constantFrom('+', '-'),
      digits(1, 3),
      maybe(fc.tuple(fc.constantFrom(':', ''), digits(1, 3)).map((parts) => parts.join(''))),
    )
    .map((parts) => parts.join('')),
);

const isoForm = fc
  .tuple(
    datePart,
    fc.option(fc.tuple(fc.constantFrom('T', ' ', 't', 'TT'), maybe(timePart), maybe(zonePart)), {
      nil: undefined,
    }),
    maybe(zonePart),
  )
  .map(([date, time, zone]) => (time === undefined ? `${date}${zone}` : `${date}${time.join('')}`));

/** Anything made of the characters ISO dates are made of, in any order. */
const isoAlphabet = fc
  .array(
    fc.constantFrom('0', '1', '2', '3', '5', '9', '-', ':', 'T', ' ', 'Z', 'z', '+', 'W', '.', ',', '\n'),
    { maxLength: 30 },
  )
  .map((characters) => characters.join(''));

describe('the ISO reader against date-fns parseISO (in UTC)', () => {
  it('reads every form parseISO reads, to the millisecond, and refuses what it refuses', () => {
    fc.assert(
      fc.property(isoForm, (text) => {
        expect(parseInstant(text)).toBe(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on strings of ISO characters in any order', () => {
    fc.assert(
      fc.property(isoAlphabet, (text) => {
        expect(parseInstant(text)).toBe(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees on the quirks of the grammar', () => {
    for (const text of [
      '2026',
      '20',
      '2026-06',
      '202606',
      '2026-181',
      '2026-366',
      '2024-366',
      '2026-W27-2',
      '2026W272',
      '2026-W53-7',
      '2026-W00-1',
      '2026-W01-8',
      '+002026-06-30',
      '-002026-06-30',
      '+0020',
      '2026-06-30T10',
      '2026-06-30T10.5',
      '2026-06-30T10:30,5',
      '2026-06-30T1030',
      '2026-06-30T103015.25',
      '2026-06-30T',
      '2026-06-30Z',
      '2026-06-30z',
      '2026Z-06T10',
      '2026-06-30T10:00+02',
      '2026-06-30T10:00+0260',
      '2026-06-30T10:00+2',
      '2026-06-30T10:00+',
      '2026-06-30T24:00',
      '2026-06-30T24:00:01',
      '2026-06-30T10:00:60',
      '0000-01-01',
      '0099-12-31T23:59',
      '2026-02-29',
      '2024-02-29T10:00Z',
      '2026-06-30T10:00 +02:00',
      '2026-06-30 10:00 Z',
      'T10:00',
      '10:00',
      '2026-06-30T10:00+02\n-03',
      '2026-06-30T10:00:00.123456789Z',
      '+275760-09-13',
      '+275760-09-13T00:00:00.001Z',
      '-271821-04-20',
      '-271821-04-19T23:00-01:00',
    ]) {
      expect(parseInstant(text), text).toBe(reference(text));
    }
  });
});

const duration = fc.record(
  {
    years: fc.integer({ min: 0, max: 30 }),
    months: fc.integer({ min: 0, max: 40 }),
    weeks: fc.integer({ min: 0, max: 60 }),
    days: fc.integer({ min: 0, max: 400 }),
    hours: fc.integer({ min: 0, max: 100 }),
    minutes: fc.integer({ min: 0, max: 200 }),
    seconds: fc.integer({ min: 0, max: 5000 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Duration>;

/** Instants around month ends and leap days, anywhere in the Date range, and just out of it. */
const instant = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }),
  fc
    .tuple(
      fc.integer({ min: 1600, max: 2400 }),
      fc.integer({ min: 0, max: 11 }),
      fc.integer({ min: 26, max: 31 }),
      fc.integer({ min: 0, max: 86_399_999 }),
    )
    .map(([year, month, day, ms]) => Date.UTC(year, month, day) + ms),
  fc.constantFrom(8.64e15, -8.64e15, 8.64e15 + 1, -8.64e15 - 1, 1.5, Number.NaN),
);

describe('duration arithmetic against date-fns add and sub (in UTC)', () => {
  it('adds as add does', () => {
    fc.assert(
      fc.property(instant, duration, (at, by) => {
        expect(addDuration(at, by)).toBe(add(at, by, { in: utc }).getTime());
      }),
      { numRuns: 20_000 },
    );
  });

  it('subtracts as sub does', () => {
    fc.assert(
      fc.property(instant, duration, (at, by) => {
        expect(subtractDuration(at, by)).toBe(sub(at, by, { in: utc }).getTime());
      }),
      { numRuns: 20_000 },
    );
  });

  it('clamps to the end of shorter months', () => {
    expect(new Date(addDuration(Date.UTC(2024, 0, 31, 9), { months: 1 })).toISOString()).toBe(
      '2024-02-29T09:00:00.000Z',
    );
    expect(new Date(subtractDuration(Date.UTC(2026, 2, 31), { months: 1 })).toISOString()).toBe(
      '2026-02-28T00:00:00.000Z',
    );
    expect(new Date(addDuration(Date.UTC(2024, 1, 29), { years: 1 })).toISOString()).toBe(
      '2025-02-28T00:00:00.000Z',
    );
  });
});
