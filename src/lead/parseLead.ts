import { toBoolean } from '../internal/coerce';
import { describeValue, type Issue, type IssuePath, makeIssue } from '../internal/issues';
import { formatInstant, parseInstant } from '../internal/time';
import { LEAD_FIELDS, type Lead, type LeadFieldReading } from '../schema/lead';
import { LeadError } from './LeadError';

/** Options of {@link parseLead}. */
export interface ParseLeadOptions {
  /**
   * Removed: `parseLead` never throws. Use {@link parseLeadOrThrow} to throw a `LeadError` instead.
   * @deprecated
   */
  readonly strict?: never;
}

/** The result of {@link parseLead}: the canonical lead and what could not be read. */
export interface ParseLeadResult {
  readonly lead: Lead;
  /** Values that could not be read, each with its path; they are left out of `lead`. */
  readonly issues: readonly Issue[];
}

type Kind = LeadFieldReading;
const DATE: Kind = { type: 'date' };

const hasOwn = Object.prototype.hasOwnProperty;
/** `12,000` and `1,250.50`: US thousands separators, the only grouping that is unambiguous. */
const GROUPED_NUMBER = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const YES = new Set(['yes', 'y', '1']);
const NO = new Set(['no', 'n', '0']);

/** A plain object (`{}` or `Object.create(null)`), not an array, a Date or a class instance. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** What a value reads as, or `undefined` with the expectation it failed. */
type Coerced = { readonly value: unknown } | { readonly expected: string };

function coerce(value: unknown, kind: Kind): Coerced {
  switch (kind.type) {
    case 'string':
      if (typeof value === 'string') return { value: value.trim() };
      if (typeof value === 'number' && Number.isFinite(value)) return { value: String(value) };
      return { expected: 'a string' };
    case 'number': {
      if (typeof value === 'number')
        return Number.isFinite(value) && value >= 0 ? { value } : { expected: 'a non-negative number' };
      if (typeof value !== 'string') return { expected: 'a non-negative number' };
      const text = value.trim();
      const number = Number(GROUPED_NUMBER.test(text) ? text.replaceAll(',', '') : text);
      return Number.isFinite(number) && number >= 0
        ? { value: number }
        : { expected: 'a non-negative number such as "12000"' };
    }
    case 'boolean': {
      const bool = toBoolean(value);
      if (bool !== undefined) return { value: bool };
      if (typeof value === 'string' || typeof value === 'number') {
        const text = String(value).trim().toLowerCase();
        if (YES.has(text)) return { value: true };
        if (NO.has(text)) return { value: false };
      }
      return { expected: 'a boolean ("true", "false", "yes", "no", 1, 0)' };
    }
    case 'date': {
      // CRM exports give epoch milliseconds as strings ("1718000000000")
      const source = typeof value === 'string' && /^\d{11,}$/.test(value.trim()) ? Number(value) : value;
      const instant = parseInstant(source);
      return Number.isNaN(instant)
        ? { expected: 'an ISO 8601 date such as "2026-08-15"' }
        : { value: formatInstant(instant) };
    }
    case 'enum': {
      if (typeof value !== 'string') return { expected: `one of ${kind.values.join(', ')}` };
      const key = value
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_');
      const normalized = kind.aliases?.[key] ?? key;
      return kind.values.includes(normalized)
        ? { value: normalized }
        : { expected: `one of ${kind.values.join(', ')}` };
    }
    case 'list': {
      // HubSpot multi-select properties export as "a;b;c"
      const items = typeof value === 'string' ? value.split(';') : Array.isArray(value) ? value : undefined;
      if (items === undefined || !items.every((item) => typeof item === 'string')) {
        return { expected: 'an array of strings or a "a;b;c" string' };
      }
      return { value: (items as string[]).map((item) => item.trim()).filter((item) => item !== '') };
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
 * @param _options - reserved for reading options
 * @returns the lead and the issues found
 *
 * @example
 * parseLead({ budget: { amount: '12,000' }, company: { isCompetitor: 'false' }, timeline: { purchaseBy: '' } });
 * //=> { lead: { budget: { amount: 12000 }, company: { isCompetitor: false }, timeline: {} }, issues: [] }
 */
export function parseLead(input: unknown, _options: ParseLeadOptions = {}): ParseLeadResult {
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
      if (isAbsent(section)) {
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
    if (isAbsent(value)) {
      delete owner[key];
      continue;
    }
    const coerced = coerce(value, kind);
    if ('value' in coerced) owner[key] = coerced.value;
    else {
      const path = field === undefined ? [group] : [group, field];
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
  if (hasOwn.call(lead, 'events')) readEvents(lead, issues);
  return { lead: lead as Lead, issues };
}

function readEvents(lead: Record<string, unknown>, issues: Issue[]): void {
  const events = lead.events;
  if (isAbsent(events)) {
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
  events.forEach((event: unknown, index) => {
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
    const at = coerce(event.at, DATE);
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
  });
  lead.events = kept;
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
 */
export function parseLeadOrThrow(input: unknown, options: ParseLeadOptions = {}): Lead {
  const { lead, issues } = parseLead(input, options);
  if (issues.length > 0) throw new LeadError(issues);
  return lead;
}
