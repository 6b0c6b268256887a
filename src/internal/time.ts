import { describeValue } from './issues';

/**
 * A date-fns `Duration` restricted to whole, non-negative units.
 *
 * @category Time
 */
export interface Duration {
  readonly years?: number;
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

/**
 * The units of a duration, largest first: the keys of a `{ "days": 90 }` duration and the order of an
 * ISO 8601 one (`P1Y2M3W4DT5H6M7S`).
 *
 * @example
 * DURATION_UNITS.includes('days');
 * //=> true
 *
 * @category Time
 */
export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

/**
 * The longest lead value the date and number readers read, in characters: no date or amount is longer,
 * and a longer one is unreadable before any parser sees it (the work per value is bounded by it).
 */
export const MAX_VALUE_LENGTH = 64;

/**
 * No time zone is further from UTC than ±14:00 (Kiribati's Line Islands): an offset beyond it (`+99:00`,
 * which date-fns reads) is a broken date, not an instant 99 hours away.
 */
const MAX_OFFSET_MINUTES = 14 * 60;
/** The offset at the end of a date-time (basic or extended form): `T09:00+02:00`, `T0900+0200`, ` 09:00-05`. */
const ZONE_AFTER_TIME = /[T ]\d[\d:.,]*[+-](\d{2})(?::?(\d{2}))?$/;
const MAX_TIME = 8.64e15;

/**
 * Reads an instant as epoch milliseconds in UTC, or `NaN` when it cannot.
 * Strings are ISO 8601; a date or date-time without an offset is read as UTC, never as the
 * machine's local time; an offset beyond ±14:00 is unreadable; text longer than {@link MAX_VALUE_LENGTH} characters is not read. Numbers are
 * epoch milliseconds.
 */
export function parseInstant(value: unknown): number {
  if (typeof value === 'string') {
    if (value.length > MAX_VALUE_LENGTH) return Number.NaN;
    const fast = parseCanonicalIso(value);
    if (fast !== undefined) return fast;
    const text = value.trim();
    if (text === '') return Number.NaN;
    const zone = ZONE_AFTER_TIME.exec(text);
    if (zone !== null && Number(zone[1]) * 60 + Number(zone[2] ?? 0) > MAX_OFFSET_MINUTES) return Number.NaN;
    return parseIsoForms(text);
  }
  // beyond ±8.64e15 ms a Date is invalid (ECMAScript time range)
  if (typeof value === 'number') return Math.abs(value) <= MAX_TIME ? value : Number.NaN;
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
}

/**
 * Below it (in absolute value) a number is not read as a lead's date: epoch milliseconds before
 * March 1973 are in practice epoch seconds (1,780,000,000 is June 2026 in seconds, January 1970 in
 * milliseconds), and reading them as milliseconds would date every lead in 1970 without a word.
 */
export const SECONDS_LIKE = 1e11;

/**
 * An instant of lead data (a fact, an event's `at`): as {@link parseInstant}, except that numbers that
 * look like epoch seconds (below {@link SECONDS_LIKE}) are `NaN` — unreadable, so flagged — rather
 * than 1970.
 */
export function parseLeadInstant(value: unknown): number {
  return typeof value === 'number' && Math.abs(value) < SECONDS_LIKE ? Number.NaN : parseInstant(value);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number) => year % 400 === 0 || (year % 4 === 0 && year % 100 !== 0);

/** Two ASCII digits at `index` as a number, or -1. */
function twoDigits(text: string, index: number): number {
  const high = text.charCodeAt(index) - 48;
  const low = text.charCodeAt(index + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

/**
 * The hot path of date parsing: the canonical ISO 8601 forms CRMs and `toISOString` write —
 * `2026-06-30`, `2026-06-30T12:00`, `…:00`, `…:00.123`, with `Z` or `±hh:mm` / `±hhmm` / `±hh` — read
 * character by character with the same range checks `parseISO` makes (so `2026-02-30` is invalid, not
 * 2 March). Anything else — week dates, ordinal dates, years before 100, sub-millisecond fractions,
 * surrounding spaces — returns `undefined` and goes to {@link parseIsoForms}. A property test holds
 * both to date-fns `parseISO`'s answers.
 */
function parseCanonicalIso(text: string): number | undefined {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const century = twoDigits(text, 0);
  const decade = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (century < 1 || decade < 0 || month < 0 || day < 0) return undefined;
  const year = century * 100 + decade;
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  const leap = month === 2 && isLeapYear(year);
  if (day > (DAYS_IN_MONTH[month - 1] as number) + (leap ? 1 : 0)) return Number.NaN;
  if (length === 10) return daysFromCivil(year, month, day) * 86_400_000;

  const separator = text.charCodeAt(10);
  if ((separator !== 84 && separator !== 32) || length < 16 || text.charCodeAt(13) !== 58) return undefined;
  const hours = twoDigits(text, 11);
  const minutes = twoDigits(text, 14);
  if (hours < 0 || minutes < 0) return undefined;
  let seconds = 0;
  let fraction = 0;
  let index = 16;
  if (text.charCodeAt(index) === 58) {
    seconds = twoDigits(text, index + 1);
    if (seconds < 0) return undefined;
    index += 3;
    if (text.charCodeAt(index) === 46) {
      let digits = 0;
      index++;
      while (digits < 4) {
        const digit = text.charCodeAt(index) - 48;
        if (!(digit >= 0 && digit <= 9)) break;
        fraction = fraction * 10 + digit;
        digits++;
        index++;
      }
      if (digits === 0 || digits > 3) return undefined;
      fraction *= digits === 1 ? 100 : digits === 2 ? 10 : 1;
    }
  }
  if (
    minutes > 59 ||
    seconds > 59 ||
    hours > 24 ||
    (hours === 24 && (minutes > 0 || seconds > 0 || fraction > 0))
  ) {
    return Number.NaN;
  }
  let offset = 0;
  if (index < length) {
    const sign = text.charCodeAt(index);
    if (sign === 90) {
      if (index + 1 !== length) return undefined;
    } else if (sign === 43 || sign === 45) {
      const zoneHours = twoDigits(text, index + 1);
      if (zoneHours < 0) return undefined;
      let zoneMinutes = 0;
      const rest = length - (index + 3);
      if (rest === 3 && text.charCodeAt(index + 3) === 58) zoneMinutes = twoDigits(text, index + 4);
      else if (rest === 2) zoneMinutes = twoDigits(text, index + 3);
      else if (rest !== 0) return undefined;
      if (zoneMinutes < 0) return undefined;
      if (zoneMinutes > 59 || zoneHours * 60 + zoneMinutes > MAX_OFFSET_MINUTES) return Number.NaN;
      offset = (sign === 45 ? -1 : 1) * (zoneHours * 60 + zoneMinutes) * 60_000;
    } else return undefined;
  }
  return (
    daysFromCivil(year, month, day) * 86_400_000 +
    ((hours * 60 + minutes) * 60 + seconds) * 1000 +
    fraction -
    offset
  );
}

// The grammar of date-fns `parseISO` (v4, `additionalDigits` 2), with its own patterns: what it reads,
// this reads, to the millisecond, and what it refuses is NaN (test/internal/isoForms.prop.test.ts).
const DATE_TIME_DELIMITER = /[T ]/;
const ZONE_DELIMITER = /[Z ]/i;
const ZONE_SUFFIX = /([Z+-].*)$/;
const YEAR = /^(?:(\d{4}|[+-]\d{6})|(\d{2}|[+-]\d{4})$)/;
const DATE_REST = /^-?(?:(\d{3})|(\d{2})(?:-?(\d{2}))?|W(\d{2})(?:-?(\d{1}))?|)$/;
const TIME = /^(\d{2}(?:[.,]\d*)?)(?::?(\d{2}(?:[.,]\d*)?))?(?::?(\d{2}(?:[.,]\d*)?))?$/;
const ZONE = /^([+-])(\d{2})(?::?(\d{2}))?$/;

const dateUnit = (value: string | undefined) => (value ? Number.parseInt(value, 10) : 1);
const timeUnit = (value: string | undefined) => (value && Number.parseFloat(value.replace(',', '.'))) || 0;

/**
 * Every ISO 8601 form date-fns `parseISO` reads in UTC, read as it reads them — calendar dates (`2026-06-30`,
 * `20260630`, `2026-06`, `2026`, `20`: a century), ordinal dates (`2026-181`), week dates (`2026-W27-2`),
 * expanded years (`+002026-06-30`), times with fractions (`10:30,5`, `10.5`), `Z` or an offset (one without
 * a valid form counts as none, as in `parseISO`) — as epoch milliseconds, `NaN` for anything else. It
 * replaced `parseISO` (2.5 KB minified with its date-fns helpers) behind {@link parseCanonicalIso}.
 */
function parseIsoForms(text: string): number {
  const parts = text.split(DATE_TIME_DELIMITER);
  if (parts.length > 2 || parts[0]!.includes(':')) return Number.NaN;
  let date = parts[0]!;
  let time = parts[1];
  if (ZONE_DELIMITER.test(date)) {
    date = text.split(ZONE_DELIMITER)[0]!;
    time = text.slice(date.length);
  }
  if (!date) return Number.NaN;
  let zone: string | undefined;
  if (time) {
    const suffix = ZONE_SUFFIX.exec(time);
    if (suffix !== null) {
      zone = suffix[1]!;
      time = time.replace(zone, '');
    }
  }

  const year = YEAR.exec(date);
  if (year === null) return Number.NaN;
  const fullYear = year[1] ? Number.parseInt(year[1], 10) : Number.parseInt(year[2]!, 10) * 100;
  const fields = DATE_REST.exec(date.slice((year[1] || year[2])!.length));
  if (fields === null) return Number.NaN;
  const day = new Date(0);
  let instant: number;
  if (fields[4]) {
    const week = dateUnit(fields[4]);
    const weekday = dateUnit(fields[5]) - 1;
    if (week < 1 || week > 53 || weekday < 0 || weekday > 6) return Number.NaN;
    day.setUTCFullYear(fullYear, 0, 4);
    instant = day.setUTCDate(day.getUTCDate() + (week - 1) * 7 + weekday + 1 - (day.getUTCDay() || 7));
  } else {
    const dayOfYear = dateUnit(fields[1]);
    const month = dateUnit(fields[2]) - 1;
    const dayOfMonth = dateUnit(fields[3]);
    if (
      month < 0 ||
      month > 11 ||
      dayOfMonth < 1 ||
      dayOfMonth > (month === 1 ? (isLeapYear(fullYear) ? 29 : 28) : DAYS_IN_MONTH[month]!) ||
      dayOfYear < 1 ||
      dayOfYear > (isLeapYear(fullYear) ? 366 : 365)
    ) {
      return Number.NaN;
    }
    instant = day.setUTCFullYear(fullYear, month, Math.max(dayOfYear, dayOfMonth));
  }
  if (Number.isNaN(instant)) return Number.NaN;

  let ms = 0;
  if (time) {
    const units = TIME.exec(time);
    if (units === null) return Number.NaN;
    const hours = timeUnit(units[1]);
    const minutes = timeUnit(units[2]);
    const seconds = timeUnit(units[3]);
    if (
      hours === 24
        ? minutes !== 0 || seconds !== 0
        : !(seconds >= 0 && seconds < 60 && minutes >= 0 && minutes < 60 && hours >= 0 && hours < 25)
    ) {
      return Number.NaN;
    }
    ms = hours * 3_600_000 + minutes * 60_000 + seconds * 1000;
  }
  let offset = 0;
  if (zone !== undefined && zone !== 'Z') {
    const parts = ZONE.exec(zone);
    if (parts !== null) {
      const minutes = (parts[3] && Number.parseInt(parts[3], 10)) || 0;
      if (minutes > 59) return Number.NaN;
      offset = (parts[1] === '+' ? -1 : 1) * (Number.parseInt(parts[2]!, 10) * 3_600_000 + minutes * 60_000);
    }
  }
  return new Date(instant + ms + offset).getTime();
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, for years 100–9999 (H. Hinnant's
 * `days_from_civil`): integer arithmetic, cheaper than `Date.UTC` on the hot path.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const dayOfEra = yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses an ISO 8601 duration such as `P90D` or `PT24H` into a `Duration`; `undefined` if malformed. */
export function parseIsoDuration(text: string): Duration | undefined {
  const match = ISO_DURATION.exec(text);
  if (match === null || text === 'P') return undefined;
  const duration: Record<string, number> = {};
  DURATION_UNITS.forEach((unit, index) => {
    const part = match[index + 1];
    if (part !== undefined) duration[unit] = Number(part);
  });
  return duration;
}

/** Reads a checked config duration (object or ISO string) into a date-fns `Duration`. */
export function toDuration(input: string | { readonly [unit: string]: number | undefined }): Duration {
  if (typeof input === 'string') return parseIsoDuration(input) ?? {};
  return input as Duration;
}

/** The longest duration a config may give: a thousand years (beyond it, dates leave the representable range). */
export const MAX_DURATION_YEARS = 1000;

/**
 * A config duration read without zod, as the validator accepts one: `{ "days": 90 }` (known units, whole
 * and non-negative, at least one) or an ISO 8601 string, at most {@link MAX_DURATION_YEARS} years;
 * `undefined` for anything else. The sealed runtime checks durations with it, the validator bounds them.
 */
export function readDuration(input: unknown): Duration | undefined {
  let duration: Duration | undefined;
  if (typeof input === 'string') duration = parseIsoDuration(input);
  else if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const entries = Object.entries(input);
    const whole = ([unit, value]: [string, unknown]) =>
      (DURATION_UNITS as readonly string[]).includes(unit) &&
      Number.isInteger(value) &&
      (value as number) >= 0;
    if (entries.length > 0 && entries.every(whole)) duration = input as Duration;
  }
  return duration !== undefined && approximateMs(duration) <= MAX_DURATION_YEARS * UNIT_MS.years!
    ? duration
    : undefined;
}

// literal numbers (365.2425 and 30.436875 days), so that a bundle that never bounds a duration drops the table
const UNIT_MS: Readonly<Record<string, number>> = {
  years: 31_556_952_000,
  months: 2_629_746_000,
  weeks: 604_800_000,
  days: 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1000,
};

/** A duration's approximate length in milliseconds (average month and year), to bound it. */
export function approximateMs(duration: Duration): number {
  let total = 0;
  for (const unit of DURATION_UNITS) total += (duration[unit] ?? 0) * (UNIT_MS[unit] as number);
  return total;
}

/**
 * `instant` moved by whole months in UTC, to the same day of the month or the last day of a shorter month
 * (31 January + 1 month = 28 or 29 February), as date-fns `addMonths` does in UTC.
 */
function shiftMonths(instant: number, months: number): number {
  if (!months) return instant;
  const date = new Date(instant);
  const dayOfMonth = date.getUTCDate();
  const endOfMonth = new Date(instant);
  endOfMonth.setUTCMonth(date.getUTCMonth() + months + 1, 0);
  if (dayOfMonth >= endOfMonth.getUTCDate()) return endOfMonth.getTime();
  return date.setUTCFullYear(endOfMonth.getUTCFullYear(), endOfMonth.getUTCMonth(), dayOfMonth);
}

/** `instant` moved by whole days in UTC (a day is 24 hours there). */
function shiftDays(instant: number, days: number): number {
  if (!days) return instant;
  const date = new Date(instant);
  return date.setUTCDate(date.getUTCDate() + days);
}

/**
 * `instant` moved by a duration in UTC, as date-fns `add` (`sign` 1) and `sub` (`sign` -1) do in UTC: years
 * and months first (clamped to the month's last day), then weeks and days, then hours, minutes, seconds.
 */
function shiftDuration(instant: number, duration: Duration, sign: 1 | -1): number {
  const { years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 } = duration;
  // as a Date holds it: NaN out of range, whole milliseconds
  const start = new Date(instant).getTime();
  const shifted = shiftDays(shiftMonths(start, sign * (months + years * 12)), sign * (days + weeks * 7));
  return new Date(shifted + sign * (seconds + (minutes + hours * 60) * 60) * 1000).getTime();
}

/** `instant + duration`, calendar-aware and in UTC (date-fns `add` in UTC, verified against it). */
export function addDuration(instant: number, duration: Duration): number {
  return shiftDuration(instant, duration, 1);
}

/** `instant - duration`, calendar-aware and in UTC (date-fns `sub` in UTC, verified against it). */
export function subtractDuration(instant: number, duration: Duration): number {
  return shiftDuration(instant, duration, -1);
}

/**
 * The decay rate of a half-life at `asOf`: `-ln 2 / (the half-life's length in ms)`, months and years as long
 * as they are just before `asOf`. Near the earliest representable instant, where going back a half-life
 * leaves the range, the length just after `asOf`; 0 (no decay) if neither can be measured — so scores stay
 * finite at every `asOf`.
 */
export function decayRateAt(asOf: number, halfLife: Duration): number {
  let length = asOf - subtractDuration(asOf, halfLife);
  if (!(length > 0)) length = addDuration(asOf, halfLife) - asOf;
  return length > 0 ? -Math.LN2 / length : 0;
}

/**
 * Wraps a computation on `asOf` so it runs again only when `asOf` changes: classifying a batch at one
 * instant does each window bound, half-life and date string once, not once per lead.
 */
export function memoByInstant<T>(compute: (instant: number) => T): (instant: number) => T {
  let last = Number.NaN;
  let value: T;
  return (instant) => {
    if (instant !== last) {
      value = compute(instant);
      last = instant;
    }
    return value;
  };
}

/**
 * `asOf + within` as ISO text, recomputed only when `asOf` changes; `undefined` when it leaves the
 * representable range (an `asOf` near year 275760).
 */
export function followUpAfter(within: Duration): (asOf: number) => string | undefined {
  return memoByInstant((asOf) => {
    const at = addDuration(asOf, within);
    return Number.isFinite(at) && Math.abs(at) <= 8.64e15 ? formatInstant(at) : undefined;
  });
}

/** Epoch ms → ISO string (UTC). */
export function formatInstant(instant: number): string {
  return new Date(instant).toISOString();
}

/**
 * Reads the required `asOf` option. A missing or unreadable `asOf` is a caller mistake, so it throws.
 * @throws {TypeError} when `asOf` is missing or not a valid instant.
 */
export function readAsOf(value: unknown, where = 'options.asOf'): number {
  const instant = value === undefined || value === null ? Number.NaN : parseInstant(value);
  if (Number.isNaN(instant)) {
    throw new TypeError(
      `${where}: ${value === undefined ? 'missing' : 'not a valid instant'}; expected a Date, an ISO 8601 string or epoch milliseconds, received ${describeValue(value)} (pass the moment to classify at, e.g. { asOf: new Date() } — leadstage never reads the clock itself)`,
    );
  }
  return instant;
}
