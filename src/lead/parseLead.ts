import { MAX_EVENTS } from '../dsl/eventPlan';
import { describeValue, type Issue, type IssuePath, makeIssue } from '../internal/issues';
import {
  type CompiledReading,
  compileEnum,
  compileReading,
  isAmbiguousNumber,
  isMissing,
  readBoolean,
  readDate,
  readList,
  readNumber,
  readText,
} from '../internal/read';
import { snapshot } from '../internal/snapshot';
import type { FieldMap } from '../schema/fieldMap';
import { LEAD_FIELDS, type Lead, type LeadFieldReading } from '../schema/lead';
import type { ReadingInput } from '../schema/reading';
import { LeadError } from './LeadError';
import { limitIssues } from './limitIssues';
import { mapLead } from './mapLead';

/**
 * Options of {@link parseLead}: how values are read, and a field map for raw CRM rows.
 *
 * @category CRM data
 */
export interface ParseLeadOptions extends ReadingInput {
  /**
   * A field map (`maps.hubspot`, `maps.salesforce`, or your own): the row is mapped with `mapLead`
   * first, then read as a canonical lead. Issues of the mapping name source columns.
   */
  readonly map?: FieldMap;
}

/**
 * The result of {@link parseLead}: the canonical lead and what could not be read.
 *
 * @category CRM data
 */
export interface ParseLeadResult {
  readonly lead: Lead;
  /** Values that could not be read, each with its path; they are left out of `lead`. */
  readonly issues: readonly Issue[];
}

type Kind = LeadFieldReading;

/** Other names CRMs give the canonical enum values, by field (`"C-Suite"` is `c_level`). */
const ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'contact.seniority': {
    c_suite: 'c_level',
    executive: 'c_level',
    cxo: 'c_level',
    vice_president: 'vp',
    head: 'director',
    ic: 'individual',
    individual_contributor: 'individual',
    intern: 'student',
  },
  'budget.status': {
    approved_budget: 'approved',
    allocated_budget: 'allocated',
    no_budget: 'none',
  },
  'authority.role': {
    dm: 'decision_maker',
    economic_buyer: 'decision_maker',
    end_user: 'user',
  },
};
const DATE: Kind = { type: 'date' };
const AMBIGUOUS_EXPECTED = 'a number with a declared decimal separator';

/** The issue of `"30.000"` read with no declared decimal separator: thirty thousand, or thirty? */
export function ambiguousNumber(path: IssuePath, value: unknown): Issue {
  return makeIssue({
    code: 'ambiguous_number',
    path,
    problem:
      'ambiguous number: dots before groups of three digits are thousands in Europe, decimals in the US',
    expected: AMBIGUOUS_EXPECTED,
    received: describeValue(value),
    fix: 'declare `decimal: ","` (or `"."`) in `read`, on the fact or in the field map',
  });
}

const hasOwn = Object.prototype.hasOwnProperty;

/** A plain object (`{}` or `Object.create(null)`), not an array, a Date or a class instance. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const enumReaders = new WeakMap<Kind, ReturnType<typeof compileEnum>>();

/** The enum reader of a canonical field, compiled once (each field has its own reading object). */
function enumReaderOf(
  kind: Kind & { values: readonly string[] },
  aliases: Readonly<Record<string, string>> | undefined,
) {
  let reader = enumReaders.get(kind);
  if (reader === undefined) {
    reader = compileEnum(kind.values, aliases);
    enumReaders.set(kind, reader);
  }
  return reader;
}

/** What a value reads as, or `undefined` with the expectation it failed (and whether it was an ambiguous number). */
type Coerced = { readonly value: unknown } | { readonly expected: string; readonly ambiguous?: true };

/** Reads one canonical field by the one reading rule. */
function coerce(
  value: unknown,
  kind: Kind,
  reading: CompiledReading,
  aliases: Readonly<Record<string, string>> | undefined,
): Coerced {
  switch (kind.type) {
    case 'string': {
      const text = readText(value);
      return text === undefined || typeof value === 'boolean'
        ? { expected: 'a string' }
        : { value: text.trim() };
    }
    case 'number': {
      const number = readNumber(value, reading);
      if (Number.isFinite(number) && number >= 0) return { value: number };
      return isAmbiguousNumber(value, reading)
        ? { expected: AMBIGUOUS_EXPECTED, ambiguous: true }
        : { expected: 'a non-negative number such as "12000" or "12,000"' };
    }
    case 'boolean': {
      const bool = readBoolean(value, reading);
      return bool === undefined
        ? { expected: 'a boolean ("true", "false", "yes", "no", 1, 0)' }
        : { value: bool };
    }
    case 'date': {
      const date = readDate(value, reading);
      return date === undefined
        ? {
            expected:
              reading.dateFormat === undefined
                ? 'an ISO 8601 date such as "2026-08-15"'
                : 'an ISO 8601 date, or one in the date format given',
          }
        : { value: date };
    }
    case 'enum': {
      const read = typeof value === 'string' ? enumReaderOf(kind, aliases)(value) : undefined;
      return read === undefined ? { expected: `one of ${kind.values.join(', ')}` } : { value: read };
    }
    case 'list': {
      // HubSpot multi-select properties export as "a;b;c"
      const items = readList(value);
      if (items === undefined || !items.every((item) => typeof item === 'string')) {
        return { expected: 'an array of strings or a "a;b;c" string' };
      }
      return {
        value: (items as string[])
          .map((item) => item.trim())
          .filter((item) => item !== '' && !isMissing(item, reading)),
      };
    }
  }
}

/**
 * Reads a lead from CRM-style data into the canonical {@link Lead} shape. Numbers, booleans and
 * dates given as strings (`"12000"`, `"true"`, `"2026-08-15"`, epoch ms) are coerced; empty strings
 * mean absent; enum values are normalised (`"C-Level"` → `"c_level"`); dates become UTC ISO strings.
 * What cannot be read is left out and reported with its path. Unknown keys pass through untouched.
 * Never throws: lead data yields issues (use {@link parseLeadOrThrow} to throw on them).
 *
 * @param input - a plain object, e.g. a HubSpot or Salesforce export row
 * @param options - how values are read (`missing` placeholders, `decimal`, boolean words, `dateFormat`), and a field `map` for raw CRM rows
 * @returns the lead and the issues found
 *
 * @example
 * parseLead({ budget: { amount: '12,000' }, company: { isCompetitor: 'false' }, timeline: { purchaseBy: '' } });
 * //=> { lead: { budget: { amount: 12000 }, company: { isCompetitor: false }, timeline: {} }, issues: [] }
 *
 * @category CRM data
 */
export function parseLead(input: unknown, options: ParseLeadOptions = {}): ParseLeadResult {
  const { lead, issues } = parseGuarded(input, options);
  return { lead, issues: limitIssues(issues) };
}

function parseGuarded(input: unknown, options: ParseLeadOptions): ParseLeadResult {
  try {
    return parseOnce(input, options);
  } catch (error) {
    // a getter or a Proxy in the input threw: parse what can be read, and say which paths could not be
    if (input === null || typeof input !== 'object') throw error;
    const { value, unreadable } = snapshot(input);
    const parsed = parseOnce(value, options);
    const issues = unreadable.map((path) =>
      makeIssue({
        code: 'invalid_type',
        path: path === '(lead)' ? [] : path.split('.'),
        problem: 'reading this value threw (a getter or a Proxy)',
        expected: 'plain data',
      }),
    );
    return { lead: parsed.lead, issues: [...parsed.issues, ...issues] };
  }
}

function parseOnce(input: unknown, options: ParseLeadOptions): ParseLeadResult {
  if (options.map !== undefined) {
    const mapped = mapLead(input, options.map);
    const read = readCanonical(mapped.lead, options, false);
    return { lead: read.lead, issues: [...mapped.issues, ...read.issues] };
  }
  return readCanonical(input, options, true);
}

const readings = new WeakMap<object, CompiledReading>();

function readingOf(options: ParseLeadOptions): CompiledReading {
  let reading = readings.get(options);
  if (reading === undefined) {
    reading = compileReading(options);
    readings.set(options, reading);
  }
  return reading;
}

function readCanonical(input: unknown, options: ParseLeadOptions, raw: boolean): ParseLeadResult {
  const reading = readingOf(options);
  const issues: Issue[] = [];
  if (!isRecord(input)) {
    issues.push(
      makeIssue({
        code: 'invalid_type',
        path: [],
        problem: 'not a lead',
        expected: 'a plain object',
        received: describeValue(input),
      }),
    );
    return { lead: {}, issues };
  }
  const lead: Record<string, unknown> = { ...input };
  for (const [group, field, kind] of LEAD_FIELDS) {
    let owner = lead;
    if (field !== undefined) {
      if (!hasOwn.call(lead, group)) continue;
      const section = lead[group];
      if (isMissing(section, reading)) {
        delete lead[group];
        continue;
      }
      if (!isRecord(section)) {
        issues.push(
          makeIssue({
            code: 'invalid_type',
            path: [group],
            problem: 'wrong type',
            expected: 'an object',
            received: describeValue(section),
          }),
        );
        delete lead[group];
        continue;
      }
      // copy each section once, so the caller's object is never modified
      owner = section === input[group] ? { ...section } : section;
      lead[group] = owner;
    }
    const key = field ?? group;
    if (!hasOwn.call(owner, key)) continue;
    const value = owner[key];
    if (isMissing(value, reading)) {
      delete owner[key];
      continue;
    }
    const coerced = coerce(
      value,
      kind,
      reading,
      field === undefined ? undefined : ALIASES[`${group}.${field}`],
    );
    if ('value' in coerced) owner[key] = coerced.value;
    else {
      const path = field === undefined ? [group] : [group, field];
      if ('ambiguous' in coerced) issues.push(ambiguousNumber(path, value));
      else
        issues.push(
          makeIssue({
            code: 'invalid_value',
            path,
            problem: 'unreadable value',
            expected: coerced.expected,
            received: describeValue(value),
          }),
        );
      delete owner[key];
    }
  }
  if (hasOwn.call(lead, 'events')) readEvents(lead, issues, reading);
  if (hasOwn.call(lead, 'custom')) dropMissingCustom(lead, reading);
  if (raw) noCanonicalField(input, issues);
  return { lead: lead as Lead, issues };
}

function readEvents(lead: Record<string, unknown>, issues: Issue[], reading: CompiledReading): void {
  const events = lead.events;
  if (isMissing(events, reading)) {
    delete lead.events;
    return;
  }
  if (!Array.isArray(events)) {
    issues.push(
      makeIssue({
        code: 'invalid_type',
        path: ['events'],
        problem: 'wrong type',
        expected: 'an array of events',
        received: describeValue(events),
      }),
    );
    delete lead.events;
    return;
  }
  const kept: unknown[] = [];
  // bounded: a sparse array of length 2³²−1 is read as its first MAX_EVENTS slots, holes skipped
  const length = Math.min(events.length, MAX_EVENTS);
  if (events.length > MAX_EVENTS) issues.push(eventsTruncated(events.length));
  for (let index = 0; index < length; index++) {
    if (!hasOwn.call(events, index)) continue;
    readEvent(events[index], index, kept, issues, reading);
  }
  lead.events = kept;
}

/** The issue of a lead with more events than are read. */
export function eventsTruncated(count: number): Issue {
  return makeIssue({
    code: 'events_truncated',
    path: ['events'],
    problem: `${count - MAX_EVENTS} events left out`,
    expected: `at most ${MAX_EVENTS} events per lead`,
    received: `${count} events`,
  });
}

function readEvent(
  event: unknown,
  index: number,
  kept: unknown[],
  issues: Issue[],
  reading: CompiledReading,
): void {
  const path: IssuePath = ['events', index];
  if (!isRecord(event)) {
    issues.push(
      makeIssue({
        code: 'invalid_type',
        path,
        problem: 'not an event',
        expected: 'an object { type, at }',
        received: describeValue(event),
      }),
    );
    return;
  }
  const type = typeof event.type === 'string' ? event.type.trim() : '';
  if (type === '') {
    issues.push(
      makeIssue({
        code: 'invalid_value',
        path: [...path, 'type'],
        problem: 'missing event type',
        expected: 'a non-empty string',
        received: describeValue(event.type),
      }),
    );
    return;
  }
  const at = coerce(event.at, DATE, reading, undefined);
  if (!('value' in at)) {
    issues.push(
      makeIssue({
        code: 'invalid_value',
        path: [...path, 'at'],
        problem: 'unreadable event date',
        expected: at.expected,
        received: describeValue(event.at),
      }),
    );
    return;
  }
  const copy: Record<string, unknown> = { ...event, type, at: at.value };
  if (hasOwn.call(copy, 'props') && !isRecord(copy.props)) {
    issues.push(
      makeIssue({
        code: 'invalid_type',
        path: [...path, 'props'],
        problem: 'wrong type',
        expected: 'an object',
        received: describeValue(copy.props),
      }),
    );
    delete copy.props;
  }
  kept.push(copy);
}

/** Undeclared custom facts are read as they are, but placeholders (`"Select"`) and blanks are absent there too. */
function dropMissingCustom(lead: Record<string, unknown>, reading: CompiledReading): void {
  const custom = lead.custom;
  if (!isRecord(custom)) return;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(custom)) {
    if (!isMissing(custom[key], reading)) continue;
    copy ??= { ...custom };
    delete copy[key];
  }
  if (copy !== undefined) lead.custom = copy;
}

const CANONICAL_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  ...LEAD_FIELDS.map(([key]) => key),
  'events',
]);

/**
 * A raw export row (`numberofemployees`, `budget_amount__c`) has no canonical key at all: the lead would
 * be quietly unqualified. Say so, and point at field maps.
 */
function noCanonicalField(input: Record<string, unknown>, issues: Issue[]): void {
  const keys = Object.keys(input);
  if (keys.length === 0 || keys.some((key) => CANONICAL_KEYS.has(key))) return;
  const shown = keys.slice(0, 5).map((key) => JSON.stringify(key));
  issues.push(
    makeIssue({
      code: 'unmapped_row',
      path: [],
      problem: 'no field of the canonical lead',
      expected: 'a lead such as { "company": { "employees": 50 } }, or a field map to read this row with',
      received: `keys ${shown.join(', ')}${keys.length > 5 ? ', …' : ''}`,
      fix: 'map it: parseLead(row, { map: maps.hubspot }) or mapLead(row, yourMap)',
    }),
  );
}

/**
 * {@link parseLead}'s throwing twin, for data that must be clean (a form you control, a test
 * fixture): the canonical lead, or a {@link LeadError} listing every value that could not be read.
 *
 * @param input - a plain object, e.g. a HubSpot or Salesforce export row
 * @param options - as for `parseLead`
 * @returns the canonical lead
 * @throws {LeadError} listing every value that could not be read
 *
 * @example
 * parseLeadOrThrow({ budget: { amount: '12,000' } });
 * //=> { budget: { amount: 12000 } }
 * parseLeadOrThrow({ budget: { amount: 'lots' } });
 * //=> throws LeadError: Invalid lead (1 issue):
 *
 * @category CRM data
 */
export function parseLeadOrThrow(input: unknown, options: ParseLeadOptions = {}): Lead {
  const { lead, issues } = parseLead(input, options);
  if (issues.length > 0) throw new LeadError(issues);
  return lead;
}
