// The one reading rule for lead values: parseLead, field maps and the condition engine all read
// numbers, booleans, dates, enums, lists and placeholders through these functions.
import { compileDateFormat, type DateFormat } from './dateFormat';
import { formatInstant, MAX_VALUE_LENGTH, parseInstant, parseLeadInstant } from './time';

/** How lead values are read; every part has a default (see `DEFAULT_READING`). */
export interface Reading {
  /** The decimal separator of numbers written as text: `.` (`1,250.50`) or `,` (`1.250,50`). Default `.`. */
  readonly decimal?: '.' | ',' | undefined;
  /** Values that mean "not known", beside `undefined`, `null` and `""`; compared trimmed and case-insensitively. */
  readonly missing?: readonly string[] | undefined;
  /** Words read as `true`; default `true yes y 1 on` (case-insensitive). */
  readonly true?: readonly string[] | undefined;
  /** Words read as `false`; default `false no n 0 off` (case-insensitive). */
  readonly false?: readonly string[] | undefined;
  /**
   * The format of dates that are not ISO 8601, in date-fns tokens (`MM/dd/yyyy`, `dd.MM.yyyy HH:mm`,
   * `M/d/yyyy h:mm a`): `yyyy`, `yy`, `MM`/`M`, `dd`/`d`, `HH`/`H`, `hh`/`h` with `a` (AM/PM), `mm`, `ss`,
   * `SSS`, quoted text literal. ISO 8601 and epoch ms are always read too.
   */
  readonly dateFormat?: string | undefined;
}

const DEFAULT_TRUE: readonly string[] = ['true', 'yes', 'y', '1', 'on'];
const DEFAULT_FALSE: readonly string[] = ['false', 'no', 'n', '0', 'off'];

/** A `Reading` compiled once: sets for the words, the number pattern of its decimal separator. */
export interface CompiledReading {
  /**
   * The declared decimal separator; `undefined` when none was declared: numbers read with `.`, and dotted
   * thousands (`30.000`) are ambiguous.
   */
  readonly decimal: '.' | ',' | undefined;
  readonly missing: ReadonlySet<string>;
  readonly trueWords: ReadonlySet<string>;
  readonly falseWords: ReadonlySet<string>;
  readonly dateFormat: DateFormat | undefined;
}

const lowered = (words: readonly string[]) => new Set(words.map((word) => word.trim().toLowerCase()));

/** Compiles a `dateFormat` into its reader (`compileDateFormat`, passed in where it is optional). */
export type DateFormatCompiler = (format: string) => DateFormat;

/**
 * Compiles a reading, filling in the defaults; `base` supplies what `reading` leaves out, and its
 * placeholders are kept beside the reading's own.
 */
export function compileReading(reading: Reading = {}, base?: CompiledReading): CompiledReading {
  return compileReadingWith(reading, base, compileDateFormat);
}

/**
 * {@link compileReading} with the date-format compiler passed in: generated modules pass it only when their
 * config reads a `dateFormat`, so the others leave the date-format reader out of a bundle.
 * @throws {TypeError} for a reading with a `dateFormat` and no compiler (a module generated without it)
 */
export function compileReadingWith(
  reading: Reading,
  base: CompiledReading | undefined,
  dateFormats: DateFormatCompiler | undefined,
): CompiledReading {
  let dateFormat = base?.dateFormat;
  if (reading.dateFormat !== undefined) {
    if (dateFormats === undefined) {
      throw new TypeError(
        'leadstage/helpers: a dateFormat in a module generated without the date-format reader; rebuild the module with this leadstage (leadstage build)',
      );
    }
    dateFormat = dateFormats(reading.dateFormat);
  }
  return {
    decimal: reading.decimal ?? base?.decimal,
    // placeholders add up: a field's own join those of its config or map
    missing:
      reading.missing === undefined
        ? (base?.missing ?? new Set())
        : new Set([...(base?.missing ?? []), ...lowered(reading.missing)]),
    trueWords:
      reading.true === undefined ? (base?.trueWords ?? lowered(DEFAULT_TRUE)) : lowered(reading.true),
    falseWords:
      reading.false === undefined ? (base?.falseWords ?? lowered(DEFAULT_FALSE)) : lowered(reading.false),
    dateFormat,
  };
}

/** The default reading: `.` decimals, the usual boolean words, no placeholders beyond the empty ones. */
export const DEFAULT_READING: CompiledReading = /* @__PURE__ */ compileReadingWith({}, undefined, undefined);

/** Absent: `undefined`, `null`, a blank string, or a placeholder of the reading (`"Select"`, `"N/A"`). */
export function isMissing(value: unknown, reading: CompiledReading = DEFAULT_READING): boolean {
  if (typeof value !== 'string') return value === undefined || value === null;
  const length = value.length;
  if (length === 0) return true;
  // the hot path: no placeholders, no surrounding blanks
  const placeholders = reading.missing;
  if (placeholders.size === 0 && value.charCodeAt(0) > 32 && value.charCodeAt(length - 1) > 32) return false;
  const text = value.trim();
  if (text === '') return true;
  return placeholders.size > 0 && placeholders.has(text.toLowerCase());
}

// `1,250.50` / `1.250,50`, `1 250,50`, `1'250.50`; an optional sign, currency symbol or code around it
const CURRENCY =
  /^(?:[$€£¥₹]|[A-Z]{3}\s?)?\s*([+-]?)\s*(?:[$€£¥₹]|[A-Z]{3}\s?)?\s*([\d.,'\u00a0\u202f ]+)\s*(?:[$€£¥₹%]|[A-Z]{3})?$/;
const POINT_GROUPED = /^\d{1,3}(?:([,' \u00a0\u202f])\d{3})(?:\1\d{3})*(?:\.\d+)?$/;
const COMMA_GROUPED = /^\d{1,3}(?:([.' \u00a0\u202f])\d{3})(?:\1\d{3})*(?:,\d+)?$/;

// `30.000`, `1.250.000`: dots before groups of three digits only (no leading zero: `0.500` is a half)
// number text over 64 characters is unreadable: no CRM writes one, and the readers stay linear
const DOTTED_THOUSANDS = /^[1-9]\d{0,2}(?:\.\d{3})+\s*$/;
// `0x10`, `0o7`, `0b1`: Number() reads them; a CRM export never means them (`-0x10` is NaN already)
const RADIX_PREFIX = /^0[box]/i;

/**
 * Whether numeric text is ambiguous under the reading: no declared decimal separator, and its only
 * separators are dots before groups of three digits (`"30.000"`, `"€40.000"`, `"1.250.000"`), which
 * are thirty thousand in most of Europe and thirty in the US. `readNumber` reads them as `NaN`.
 */
export function isAmbiguousNumber(value: unknown, reading: CompiledReading = DEFAULT_READING): boolean {
  if (reading.decimal !== undefined || typeof value !== 'string' || value.length > 64) return false;
  return value.includes('.') && DOTTED_THOUSANDS.test(CURRENCY.exec(value.trim())?.[2] ?? '');
}

/**
 * A number from a number or numeric text: `12000`, `"12000"`, `"25,000"`, `"$25,000"`, `"1.250,50"` with
 * `decimal: ','`; `NaN` when it cannot be read. Thousands separators must group by three, so `"1,5"` is
 * not fifteen (with `.` decimals it is unreadable; with `,` decimals it is 1.5). Without a declared
 * decimal separator, dotted thousands (`"30.000"`) are ambiguous and `NaN` (see `isAmbiguousNumber`);
 * hexadecimal, octal and binary text, and text over 64 characters, are unreadable.
 */
export function readNumber(value: unknown, reading: CompiledReading = DEFAULT_READING): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value !== 'string' || value.length > 64) return NaN;
  const text = value.trim();
  if (text === '' || RADIX_PREFIX.test(text) || isAmbiguousNumber(text, reading)) return NaN;
  // the common case: plain digits
  const plain = Number(text);
  if (Number.isFinite(plain) && reading.decimal !== ',') return plain;
  const match = CURRENCY.exec(text);
  if (match === null) return NaN;
  const sign = match[1] === '-' ? -1 : 1;
  const digits = (match[2] as string).trim();
  let normalized: string;
  if (reading.decimal !== ',') {
    if (/^\d+(?:\.\d+)?$/.test(digits)) normalized = digits;
    else if (POINT_GROUPED.test(digits)) normalized = digits.replace(/[,' \u00a0\u202f]/g, '');
    else return NaN;
  } else if (/^\d+(?:,\d+)?$/.test(digits)) normalized = digits.replace(',', '.');
  else if (COMMA_GROUPED.test(digits))
    normalized = digits.replace(/[.' \u00a0\u202f]/g, '').replace(',', '.');
  else return NaN;
  const number = sign * Number(normalized);
  return Number.isFinite(number) ? number : NaN;
}

/** A boolean from `true`/`false`, the reading's words (`yes`, `no`, `y`, `n`, `1`, `0`, `on`, `off`) or 1/0; else `undefined`. */
export function readBoolean(value: unknown, reading: CompiledReading = DEFAULT_READING): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (reading.trueWords.has(text)) return true;
  if (reading.falseWords.has(text)) return false;
  return undefined;
}

/**
 * An instant (epoch ms) from ISO 8601 text, a `Date`, epoch ms (as a number from 10¹¹ — smaller ones
 * are epoch seconds, unreadable — or as text of 11+ digits as CRM exports write them), or text in the reading's `dateFormat` (read as UTC); `NaN` when it cannot,
 * and for text longer than `MAX_VALUE_LENGTH` (64) characters.
 */
export function readInstant(value: unknown, reading: CompiledReading = DEFAULT_READING): number {
  if (typeof value !== 'string') return parseLeadInstant(value);
  // no date is this long: a longer value is unreadable before any parser sees it
  if (value.length > MAX_VALUE_LENGTH) return Number.NaN;
  // ISO 8601 as CRMs and toISOString write it (a "-" after the year) takes the fast path
  if (value.charCodeAt(4) === 45) {
    const iso = parseInstant(value);
    if (!Number.isNaN(iso) || reading.dateFormat === undefined) return iso;
    return reading.dateFormat(value);
  }
  const text = value.trim();
  if (/^\d{11,}$/.test(text)) return parseInstant(Number(text));
  const iso = parseInstant(text);
  if (!Number.isNaN(iso) || reading.dateFormat === undefined) return iso;
  return reading.dateFormat(text);
}

/** An ISO 8601 instant (UTC) from anything `readInstant` reads; `undefined` when it cannot. */
export function readDate(value: unknown, reading: CompiledReading = DEFAULT_READING): string | undefined {
  const instant = readInstant(value, reading);
  return Number.isNaN(instant) ? undefined : formatInstant(instant);
}

/**
 * Text as an enum value is compared: trimmed, lower case, runs of spaces and hyphens as one `_`
 * (`"Decision Maker"` → `decision_maker`). Returns the text itself when it is already so (no allocation).
 */
export function normalizeText(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A–Z, space, hyphen, tab, or any non-ASCII character: normalise
    if ((code >= 65 && code <= 90) || code === 32 || code === 45 || code === 9 || code > 127) {
      return text
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
    }
  }
  return text;
}

/**
 * An enum reader: text normalised as enums compare, through `aliases` (keys normalised too), and — when
 * `values` are given — one of them, in its canonical spelling; `undefined` when it is none of them.
 */
export function compileEnum(
  values: readonly string[] | undefined,
  aliases: Readonly<Record<string, string>> | undefined,
): (text: string) => string | undefined {
  const aliased = new Map(Object.entries(aliases ?? {}).map(([from, to]) => [normalizeText(from), to]));
  const known =
    values === undefined ? undefined : new Map(values.map((value) => [normalizeText(value), value]));
  return (text) => {
    const normal = normalizeText(text);
    const alias = aliased.get(normal);
    if (known === undefined) return alias ?? normal;
    return known.get(alias === undefined ? normal : normalizeText(alias));
  };
}

/** Text for comparison with a string operand: strings, finite numbers and booleans; else `undefined`. */
export function readText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

/** A list from an array, or from text separated by `;` (HubSpot's multi-select export); items trimmed, blanks dropped. */
export function readList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
