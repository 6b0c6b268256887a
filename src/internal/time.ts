import { utc } from '@date-fns/utc';
import { add, parseISO, sub } from 'date-fns';
import { describeValue } from './issues';

/** A date-fns `Duration` restricted to whole, non-negative units. */
export interface Duration {
  readonly years?: number;
  readonly months?: number;
  readonly weeks?: number;
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
}

export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;

const UTC_CONTEXT = { in: utc } as const;
const MAX_TIME = 8.64e15;

/**
 * Reads an instant as epoch milliseconds in UTC, or `NaN` when it cannot.
 * Strings are ISO 8601; a date or date-time without an offset is read as UTC, never as the
 * machine's local time. Numbers are epoch milliseconds.
 */
export function parseInstant(value: unknown): number {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return Number.NaN;
    return parseISO(text, UTC_CONTEXT).getTime();
  }
  // beyond ±8.64e15 ms a Date is invalid (ECMAScript time range)
  if (typeof value === 'number') return Math.abs(value) <= MAX_TIME ? value : Number.NaN;
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
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

/** `instant + duration`, calendar-aware and in UTC. */
export function addDuration(instant: number, duration: Duration): number {
  return add(instant, duration, UTC_CONTEXT).getTime();
}

/** `instant - duration`, calendar-aware and in UTC. */
export function subtractDuration(instant: number, duration: Duration): number {
  return sub(instant, duration, UTC_CONTEXT).getTime();
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
