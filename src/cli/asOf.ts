// `--as-of`: an ISO 8601 date or date-time. Without an offset it is read as UTC and shown as UTC (the
// library classifies offset-free dates as UTC; the command line says so instead of showing local time).
import { CliError } from './errors';

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

const EXPECTED =
  'expected an ISO 8601 date such as 2026-06-30 or 2026-06-30T09:00:00Z (without an offset it is read as UTC)';

/** The instant of `--as-of` as an ISO string in UTC; a usage error (exit 2) naming the expected form. */
export function parseAsOf(value: string): string {
  const match = ISO.exec(value.trim());
  const refuse = () => new CliError(`--as-of: ${EXPECTED}, received ${JSON.stringify(value)}`, 2);
  if (match === null) throw refuse();
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', offset] = match;
  const date = new Date(
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)),
  );
  // the calendar: no 2026-02-30, no hour 24
  if (
    date.getUTCFullYear() !== Number(year) ||
    date.getUTCMonth() !== Number(month) - 1 ||
    date.getUTCDate() !== Number(day) ||
    date.getUTCHours() !== Number(hour) ||
    date.getUTCMinutes() !== Number(minute) ||
    date.getUTCSeconds() !== Number(second)
  ) {
    throw refuse();
  }
  let at = date.getTime() + Number(`0.${fraction || '0'}`) * 1000;
  if (offset !== undefined && offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2));
    if (hours > 23 || minutes > 59) throw refuse();
    at -= sign * (hours * 60 + minutes) * 60_000;
  }
  return new Date(Math.floor(at)).toISOString();
}
