import { checkFactPath, createCheckState } from '../dsl/checkCondition';
import { MAX_EVENTS } from '../dsl/eventPlan';
import { type PrepareFact, preparerFor, UNREADABLE } from '../dsl/factReading';
import { defaultOperators } from '../dsl/operators';
import { cachedByIdentity } from '../internal/cachedByIdentity';
import { dateFormatProblem } from '../internal/dateFormat';
import { fromZodIssues } from '../internal/fromZodIssues';
import { isObject } from '../internal/isObject';
import { describeValue, type Issue, type IssuePath, makeIssue } from '../internal/issues';
import { compilePath } from '../internal/path';
import {
  type CompiledReading,
  compileReading,
  isAmbiguousNumber,
  isMissing,
  readDate,
  readNumber,
} from '../internal/read';
import { ConfigError } from '../schema/ConfigError';
import { type FieldMap, type FieldMapping, FieldMapSchema } from '../schema/fieldMap';
import { LEAD_FIELD_READINGS, type Lead } from '../schema/lead';
import { limitIssues } from './limitIssues';

/**
 * The result of {@link mapLead}: the canonical lead, and what could not be read (by source column).
 *
 * @category CRM data
 */
export interface MapLeadResult {
  readonly lead: Lead;
  /** Values present in the row that could not be read, each at the path of its source column. */
  readonly issues: readonly Issue[];
}

/**
 * The result of {@link safeParseFieldMap}.
 *
 * @category CRM data
 */
export type SafeParseFieldMapResult =
  | { readonly success: true; readonly map: FieldMap; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Checks a field map and reports **every** issue, never throwing: its JSON shape, its target paths
 * (no `__proto__`, no empty segment), its date formats.
 *
 * @param input - the field map as parsed JSON
 * @returns `{ success: true, map }` or `{ success: false, issues }`
 *
 * @example
 * safeParseFieldMap({ version: 1, id: 'x', fields: [{ from: 'Created', to: 'createdAt', type: 'date', dateFormat: 'DD/MM' }] }).issues[0].code;
 * //=> 'invalid_date_format'
 *
 * @category CRM data
 */
export function safeParseFieldMap(input: unknown): SafeParseFieldMapResult {
  const parsed = FieldMapSchema.safeParse(input);
  if (!parsed.success) return { success: false, issues: fromZodIssues(parsed.error.issues, input, []) };
  const map = parsed.data;
  const state = createCheckState(defaultOperators);
  const issues = state.issues;
  const checkFormat = (format: string | undefined, path: IssuePath) => {
    const problem = format === undefined ? undefined : dateFormatProblem(format);
    if (problem === undefined) return;
    issues.push(
      makeIssue({
        code: 'invalid_date_format',
        path,
        problem,
        expected: 'a date format of date-fns tokens such as "MM/dd/yyyy"',
        received: describeValue(format),
      }),
    );
  };
  checkFormat(map.read?.dateFormat, ['read', 'dateFormat']);
  map.fields.forEach((field, index) => {
    checkFactPath(field.to, ['fields', index, 'to'], state);
    checkFormat(field.dateFormat, ['fields', index, 'dateFormat']);
    if (field.range !== undefined && (field.type ?? 'string') !== 'number') {
      issues.push(
        makeIssue({
          code: 'invalid_value',
          path: ['fields', index, 'range'],
          problem: 'a range policy on a field that is not a number',
          expected: '"type": "number" beside "range"',
        }),
      );
    }
  });
  map.events?.forEach((event, index) => {
    checkFormat(event.dateFormat, ['events', index, 'dateFormat']);
  });
  checkFormat(map.activity?.dateFormat, ['activity', 'dateFormat']);
  return issues.length === 0 ? { success: true, map, issues: [] } : { success: false, issues };
}

/**
 * Checks a field map.
 *
 * @param input - the field map as parsed JSON
 * @returns the map, typed
 * @throws {ConfigError} listing every issue when the map is invalid
 *
 * @example
 * parseFieldMap({ version: 1, id: 'mine', fields: [{ from: 'Employees', to: 'company.employees', type: 'number' }] }).id;
 * //=> 'mine'
 *
 * @category CRM data
 */
export function parseFieldMap(input: unknown): FieldMap {
  const result = safeParseFieldMap(input);
  if (!result.success) throw new ConfigError(result.issues, 'field map');
  return result.map;
}

/** What reading one field found: a value, nothing (absent), or what it expected instead. */
type Outcome =
  | { readonly value: unknown }
  | { readonly absent: true }
  | { readonly expected: string; readonly ambiguous?: true };

const ABSENT: Outcome = Object.freeze({ absent: true });

interface CompiledField {
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly read: (raw: unknown) => Outcome;
}

/** The issue of a row that is not an object of columns. */
export function notARow(row: unknown): Issue {
  return makeIssue({
    code: 'invalid_type',
    path: [],
    problem: 'not a row',
    expected: 'an object of columns',
    received: describeValue(row),
  });
}

/**
 * A row's own values by column name: exact first, then trimmed and case-insensitive, then as a dotted
 * path into nested records (`associations.contactIds` of an API object).
 */
export function columnReader(
  row: Record<string, unknown>,
): (name: string) => { column: string; value: unknown } | undefined {
  let folded: Map<string, string> | undefined;
  return (name) => {
    if (Object.hasOwn(row, name)) return { column: name, value: row[name] };
    if (folded === undefined) {
      folded = new Map();
      for (const key of Object.keys(row)) {
        const fold = key.trim().toLowerCase();
        if (!folded.has(fold)) folded.set(fold, key);
      }
    }
    const key = folded.get(name.trim().toLowerCase());
    if (key !== undefined) return { column: key, value: row[key] };
    if (!name.includes('.')) return undefined;
    const value = compilePath(name)(row);
    return value === undefined ? undefined : { column: name, value };
  };
}

const NUMBER_RANGE = /^\s*([^-–]+?)\s*[-–]\s*([^-–]+?)\s*$/;

function expectedOf(field: FieldMapping): string {
  switch (field.type ?? 'string') {
    case 'number':
      return field.range === undefined
        ? 'a number such as "12,000"'
        : 'a number or a range such as "25-50" or "1000+"';
    case 'boolean':
      return 'a boolean such as "yes" or "no"';
    case 'date':
      return field.dateFormat === undefined
        ? 'an ISO 8601 date'
        : `a date as ${field.dateFormat} or ISO 8601`;
    case 'enum':
      return field.values === undefined ? 'a text value' : `one of ${field.values.join(', ')}`;
    case 'list':
      return 'a list such as "a;b;c"';
    default:
      return 'a text value';
  }
}

/** How one field reads a present value into its type. */
function compileFieldReading(field: FieldMapping, reading: CompiledReading): (raw: unknown) => Outcome {
  const expected = { expected: expectedOf(field) };
  const type = field.type ?? (field.values !== undefined || field.aliases !== undefined ? 'enum' : 'string');
  // the reading of declared facts; a field map adds ranges ("25-50") for numbers
  const prepare = preparerFor({ ...field, type: type === 'list' ? 'string' : type }, reading) as PrepareFact;
  const one = (raw: unknown): unknown => {
    if (type === 'number' && field.range !== undefined && typeof raw === 'string') {
      const number = readNumber(raw, reading);
      if (Number.isNaN(number)) return readRange(raw, field.range, reading);
    }
    const value = prepare(raw);
    return value === UNREADABLE ? undefined : value;
  };
  const policy = field.multiple ?? (type === 'list' ? 'all' : undefined);
  const ambiguous = { expected: 'a number with a declared decimal separator', ambiguous: true } as const;
  if (policy === undefined) {
    return (raw) => {
      const value = one(raw);
      if (value !== undefined && !(typeof value === 'number' && Number.isNaN(value))) return { value };
      return type === 'number' && isAmbiguousNumber(raw, reading) ? ambiguous : expected;
    };
  }
  const order = field.values;
  return (raw) => {
    const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(';') : [raw];
    const values: unknown[] = [];
    for (const item of items) {
      if (isMissing(item, reading)) continue;
      const value = one(item);
      if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) continue;
      if (!values.includes(value)) values.push(value);
    }
    if (values.length === 0) return items.every((item) => isMissing(item, reading)) ? ABSENT : expected;
    if (policy === 'all') return { value: values };
    if (policy === 'first' || order === undefined) return { value: values[0] };
    // strongest: the value listed first in `values`
    let best = values[0];
    for (const value of values)
      if (order.indexOf(value as string) < order.indexOf(best as string)) best = value;
    return { value: best };
  };
}

/** `"25-50"` → 25, 50 or 37.5; `"1000+"` → 1000 (a range open above reads as its low end). */
function readRange(text: string, policy: FieldMapping['range'], reading: CompiledReading): number {
  const trimmed = text.trim();
  if (trimmed.endsWith('+')) return readNumber(trimmed.slice(0, -1), reading);
  const match = NUMBER_RANGE.exec(trimmed);
  if (match === null) return Number.NaN;
  const low = readNumber(match[1], reading);
  const high = readNumber(match[2], reading);
  if (Number.isNaN(low) || Number.isNaN(high) || low > high) return Number.NaN;
  return policy === 'high' ? high : policy === 'midpoint' ? (low + high) / 2 : low;
}

/**
 * A field that fills a canonical field of the lead also meets its constraints (a count is not negative,
 * a seniority is one of the canonical ones), so a mapped lead is a valid canonical lead.
 */
function withCanonicalCheck(to: string, read: (raw: unknown) => Outcome): (raw: unknown) => Outcome {
  const canonical = LEAD_FIELD_READINGS.get(to);
  if (canonical === undefined) return read;
  if (canonical.type === 'number') {
    return (raw) => {
      const outcome = read(raw);
      return 'value' in outcome && !(typeof outcome.value === 'number' && outcome.value >= 0)
        ? { expected: 'a non-negative number' }
        : outcome;
    };
  }
  if (canonical.type === 'enum') {
    const values = canonical.values;
    return (raw) => {
      const outcome = read(raw);
      return 'value' in outcome && !values.includes(outcome.value as string)
        ? { expected: `one of ${values.join(', ')}` }
        : outcome;
    };
  }
  if (canonical.type === 'boolean' || canonical.type === 'list') {
    const check =
      canonical.type === 'boolean' ? (value: unknown) => typeof value === 'boolean' : Array.isArray;
    return (raw) => {
      const outcome = read(raw);
      return 'value' in outcome && !check(outcome.value) ? { expected: `a ${canonical.type}` } : outcome;
    };
  }
  return read;
}

/** Sets `value` at a checked dotted path, creating plain objects on the way. */
function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target;
  for (let index = 0; index < path.length - 1; index++) {
    const segment = path[index] as string;
    const next = Object.hasOwn(current, segment) ? current[segment] : undefined;
    if (isObject(next)) current = next;
    else {
      const created: Record<string, unknown> = {};
      current[segment] = created;
      current = created;
    }
  }
  current[path[path.length - 1] as string] = value;
}

/**
 * A field map compiled once: every field's reading built, for many rows.
 *
 * @category CRM data
 */
export type CompiledFieldMap = (row: unknown) => MapLeadResult;

/**
 * Compiles a field map into a function from rows to leads (checked once; `mapLead` caches this by the
 * map object's identity).
 *
 * @param input - a field map
 * @returns the row → lead function
 * @throws {ConfigError} listing every issue when the map is invalid
 *
 * @example
 * const toLead = compileFieldMap({ version: 1, id: 'x', fields: [{ from: 'Employees', to: 'company.employees', type: 'number' }] });
 * toLead({ Employees: '1,200' }).lead;
 * //=> { company: { employees: 1200 } }
 *
 * @category CRM data
 */
export function compileFieldMap(input: unknown): CompiledFieldMap {
  const map = parseFieldMap(input);
  const global = compileReading(map.read);
  const fields: CompiledField[] = map.fields.map((field) => {
    const reading = compileReading(field, global);
    const read = withCanonicalCheck(field.to, compileFieldReading(field, reading));
    return {
      from: typeof field.from === 'string' ? [field.from] : field.from,
      to: field.to.split('.'),
      read: (raw) => (isMissing(raw, reading) ? ABSENT : read(raw)),
    };
  });
  const events = (map.events ?? []).map((event) => ({
    type: event.type,
    from: typeof event.from === 'string' ? [event.from] : event.from,
    reading: compileReading(event.dateFormat === undefined ? {} : { dateFormat: event.dateFormat }, global),
  }));
  const keepRest = map.keep === 'custom';
  return (row) => {
    const issues: Issue[] = [];
    const lead: Record<string, unknown> = {};
    if (!isObject(row)) return { lead: lead as Lead, issues: [notARow(row)] };
    const column = columnReader(row);
    const used = new Set<string>();
    for (const field of fields) {
      for (const name of field.from) {
        const found = column(name);
        if (found === undefined) continue;
        used.add(found.column);
        const outcome = field.read(found.value);
        if ('value' in outcome) setPath(lead, field.to, outcome.value);
        else if ('ambiguous' in outcome) {
          issues.push(
            makeIssue({
              code: 'ambiguous_number',
              path: [found.column],
              problem: `ambiguous number for ${field.to.join('.')}: dots before groups of three digits are thousands in Europe, decimals in the US`,
              expected: outcome.expected,
              received: describeValue(found.value),
              fix: 'declare `decimal: ","` (or `"."`) in the map\'s `read` or on the field',
            }),
          );
        } else if ('expected' in outcome) {
          issues.push(
            makeIssue({
              code: 'invalid_value',
              path: [found.column],
              problem: `unreadable value for ${field.to.join('.')}`,
              expected: outcome.expected,
              received: describeValue(found.value),
            }),
          );
        } else continue; // absent here: a later source column may have it
        break;
      }
    }
    const derived: Array<{ type: string; at: string }> = [];
    // a date column present but blank is a known empty history: count conditions read it unmet
    let dateColumns = false;
    for (const event of events) {
      for (const name of event.from) {
        const found = column(name);
        if (found === undefined) continue;
        used.add(found.column);
        dateColumns = true;
        if (isMissing(found.value, event.reading)) continue;
        const at = readDate(found.value, event.reading);
        if (at === undefined) {
          issues.push(
            makeIssue({
              code: 'invalid_value',
              path: [found.column],
              problem: `unreadable date for a ${event.type} event`,
              expected: "an ISO 8601 date, or one in the map's date format",
              received: describeValue(found.value),
            }),
          );
          continue;
        }
        derived.push({ type: event.type, at });
        break;
      }
    }
    const ownEvents = Object.hasOwn(row, 'events') && Array.isArray(row.events) ? row.events : undefined;
    if (ownEvents !== undefined) used.add('events');
    if (ownEvents !== undefined && ownEvents.length > MAX_EVENTS) {
      issues.push(
        makeIssue({
          code: 'events_truncated',
          path: ['events'],
          problem: `${ownEvents.length - MAX_EVENTS} events left out`,
          expected: `at most ${MAX_EVENTS} events per lead`,
          received: `${ownEvents.length} events`,
        }),
      );
    }
    if (dateColumns || ownEvents !== undefined) {
      // bounded: a sparse array of length 2³²−1 is copied as its first MAX_EVENTS slots
      lead.events = [...(ownEvents === undefined ? [] : ownEvents.slice(0, MAX_EVENTS)), ...derived];
    }
    if (keepRest) {
      const custom: Record<string, unknown> = isObject(lead.custom) ? lead.custom : {};
      for (const key of Object.keys(row)) {
        if (used.has(key) || isMissing(row[key], global)) continue;
        if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
        custom[key] = row[key];
      }
      if (Object.keys(custom).length > 0) lead.custom = custom;
    }
    return { lead: lead as Lead, issues: limitIssues(issues) };
  };
}

const compiledMaps = /* @__PURE__ */ cachedByIdentity(compileFieldMap);

/**
 * Maps a CRM export row (a CSV row, an API record) to a canonical lead with a field map: each field
 * from its source column (the first of its names present: internal names and export labels alike,
 * compared case-insensitively), read by the one reading rule as its type — numbers with thousands
 * separators and currency, boolean words, dates in the map's format, enums through aliases, ranges,
 * several values — placeholders (`"Select"`, `"N/A"`) left out as missing, date columns made into
 * events. Never throws on row data: what cannot be read is left out and reported with its column.
 *
 * @param row - one row of the export
 * @param map - a field map (`maps.hubspot`, `maps.salesforce`, or your own), compiled once and cached
 * @returns the lead and the issues found
 * @throws {ConfigError} when the map itself is invalid
 *
 * @example
 * mapLead({ 'Number of Employees': '25-50', hs_buying_role: 'CHAMPION;DECISION_MAKER' }, maps.hubspot).lead;
 * //=> { company: { employees: 25 }, authority: { role: 'decision_maker' } }
 *
 * @category CRM data
 */
export function mapLead(row: unknown, map: FieldMap | unknown): MapLeadResult {
  return compiledMaps(map)(row);
}
