// Date formats of date-fns tokens, read by a tokenizer: the format is split into tokens once, and a value
// is walked against them, never through a generated regular expression (whose backtracking over adjacent
// `d`/`M` tokens took seconds on 60 characters).
import { MAX_VALUE_LENGTH } from './time';

/** A compiled date format: text → epoch ms in UTC, or `NaN`. */
export type DateFormat = (text: string) => number;

export const TOKENS: ReadonlyArray<readonly [string, Field, number]> = [
  // token, field, most digits
  ['yyyy', 'year', 4],
  ['yy', 'shortYear', 2],
  ['MM', 'month', 2],
  ['M', 'month', 2],
  ['dd', 'day', 2],
  ['d', 'day', 2],
  ['HH', 'hour', 2],
  ['H', 'hour', 2],
  ['hh', 'hour12', 2],
  ['h', 'hour12', 2],
  ['a', 'meridiem', 0],
  ['mm', 'minute', 2],
  ['ss', 'second', 2],
  ['SSS', 'millisecond', 3],
];

type Field =
  | 'year'
  | 'shortYear'
  | 'month'
  | 'day'
  | 'hour'
  | 'hour12'
  | 'meridiem'
  | 'minute'
  | 'second'
  | 'millisecond';

/** One element of a format: digits of a field (1 to `most`), AM/PM (`most` 0), or literal text. */
interface Part {
  readonly field: Field | undefined;
  readonly most: number;
  readonly text: string;
}

/** Text quoted as in date-fns (`'T'`, `''` for a quote) at `index`, with where it ends. */
export function quotedAt(format: string, index: number): { text: string; end: number } | undefined {
  if (format[index] !== "'") return undefined;
  const close = format.indexOf("'", index + 1);
  const end = close < 0 ? format.length : close + 1;
  const text = format.slice(index + 1, close < 0 ? format.length : close);
  return { text: text === '' ? "'" : text, end };
}

/** Splits a format into its parts: tokens longest first, quoted text and other characters as literals. */
function partsOf(format: string): Part[] {
  const parts: Part[] = [];
  const literal = (text: string) => {
    const last = parts[parts.length - 1];
    if (last !== undefined && last.field === undefined)
      parts[parts.length - 1] = { ...last, text: last.text + text };
    else parts.push({ field: undefined, most: 0, text });
  };
  for (let index = 0; index < format.length; ) {
    const quoted = quotedAt(format, index);
    if (quoted !== undefined) {
      literal(quoted.text);
      index = quoted.end;
      continue;
    }
    const token = TOKENS.find(([name]) => format.startsWith(name, index));
    if (token === undefined) {
      literal(format[index] as string);
      index++;
      continue;
    }
    parts.push({ field: token[1], most: token[2], text: '' });
    index += token[0].length;
  }
  return parts;
}

/** Why a date format cannot be used (a letter that is no token), or `undefined` when it can. */
export function dateFormatProblem(format: string): string | undefined {
  if (format.trim() === '') return 'an empty date format';
  let hasDay = false;
  for (let index = 0; index < format.length; ) {
    const quoted = quotedAt(format, index);
    if (quoted !== undefined) {
      index = quoted.end;
      continue;
    }
    const token = TOKENS.find(([name]) => format.startsWith(name, index));
    if (token !== undefined) {
      if (token[1] === 'day') hasDay = true;
      index += token[0].length;
      continue;
    }
    const char = format[index] as string;
    if (/[A-Za-z]/.test(char)) {
      return `unknown token "${char}" in date format ${JSON.stringify(format)} (tokens: yyyy yy MM M dd d HH H hh h a mm ss SSS)`;
    }
    index++;
  }
  return hasDay ? undefined : `date format ${JSON.stringify(format)} has no day (dd or d)`;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

const isMeridiem = (text: string, at: number) => {
  const first = text.charCodeAt(at) | 32;
  return (first === 97 || first === 112) && (text.charCodeAt(at + 1) | 32) === 109;
};

/**
 * Compiles a date format of date-fns tokens into a reader (a small one: date-fns `parse` would add
 * 7.6 KB to the 11 KB browser runtime). Letters that are no token match themselves: configs and maps
 * refuse them first (`dateFormatProblem`).
 *
 * A digit token reads 1 to its most digits, as date-fns parses (`M` and `MM` both read "6"). Where two
 * digit tokens touch (`yyyyMMdd`), the split is the one a left-to-right reader that takes as many digits
 * as it can, and gives one back only when the rest cannot be read otherwise, finds first: the greedy walk
 * is tried first (one pass, the usual case), then a search that remembers every (part, position) that
 * failed, so the work is at most parts × characters × 4 — on a value of at most {@link MAX_VALUE_LENGTH}
 * characters (longer values are unreadable). This is the split the regular expression this reader
 * replaced found by backtracking; a property test holds the two to the same answers.
 */
export function compileDateFormat(format: string): DateFormat {
  const parts = partsOf(format);
  const count = parts.length;
  const fields: Array<Field | undefined> = parts.map((part) => part.field);
  return (value) => {
    const text = value.trim();
    const length = text.length;
    if (length > MAX_VALUE_LENGTH) return Number.NaN;
    // where each part starts: the greedy walk, then (if it fails) the search
    const starts = new Int32Array(count + 1);
    if (!greedy(parts, text, starts) && !search(parts, text, starts)) return Number.NaN;
    return instantOf(fields, text, starts);
  };
}

/** The greedy walk: every digit token takes as many digits as it can; `true` when it reads the whole text. */
function greedy(parts: readonly Part[], text: string, starts: Int32Array): boolean {
  let at = 0;
  for (let index = 0; index < parts.length; index++) {
    starts[index] = at;
    const next = step(parts[index] as Part, text, at, (parts[index] as Part).most);
    if (next < 0) return false;
    at = next;
  }
  starts[parts.length] = at;
  return at === text.length;
}

/** Where a part read from `at` ends, taking at most `digits` digits for a digit token; -1 when it cannot. */
function step(part: Part, text: string, at: number, digits: number): number {
  if (part.field === undefined) return text.startsWith(part.text, at) ? at + part.text.length : -1;
  if (part.most === 0) return at + 2 <= text.length && isMeridiem(text, at) ? at + 2 : -1;
  let end = at;
  while (end - at < digits && end < text.length && isDigit(text.charCodeAt(end))) end++;
  return end > at ? end : -1;
}

/** Depth-first, most digits first, each failed (part, position) remembered: the first split that reads it all. */
function search(parts: readonly Part[], text: string, starts: Int32Array): boolean {
  const width = text.length + 1;
  const failed = new Uint8Array((parts.length + 1) * width);
  const visit = (index: number, at: number): boolean => {
    if (index === parts.length) return at === text.length;
    if (failed[index * width + at] === 1) return false;
    starts[index] = at;
    const part = parts[index] as Part;
    if (part.field === undefined || part.most === 0) {
      const next = step(part, text, at, 0);
      if (next >= 0 && visit(index + 1, next)) return true;
    } else {
      const most = step(part, text, at, part.most);
      for (let end = most; end > at; end--) if (visit(index + 1, end)) return true;
    }
    failed[index * width + at] = 1;
    return false;
  };
  if (!visit(0, 0)) return false;
  starts[parts.length] = text.length;
  return true;
}

/** The instant a split names, or `NaN` for a date that does not exist (31 June, 25:00). */
function instantOf(fields: ReadonlyArray<Field | undefined>, text: string, starts: Int32Array): number {
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  let shortYear: number | undefined;
  let hour12: number | undefined;
  let afternoon = false;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (field === undefined) continue;
    const piece = text.slice(starts[index] as number, starts[index + 1] as number);
    if (field === 'meridiem') {
      afternoon = piece.toLowerCase() === 'pm';
      continue;
    }
    const number = Number(piece);
    if (field === 'year') year = number;
    else if (field === 'shortYear') shortYear = number;
    else if (field === 'month') month = number;
    else if (field === 'day') day = number;
    else if (field === 'hour') hour = number;
    else if (field === 'hour12') hour12 = number;
    else if (field === 'minute') minute = number;
    else if (field === 'second') second = number;
    else millisecond = number;
  }
  if (shortYear !== undefined) year = 2000 + shortYear;
  if (hour12 !== undefined) {
    if (hour12 < 1 || hour12 > 12) return Number.NaN;
    hour = (hour12 % 12) + (afternoon ? 12 : 0);
  }
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const date = new Date(time);
  // refuse what Date.UTC would roll over: 31 June, 25:00
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
    ? time
    : Number.NaN;
}
