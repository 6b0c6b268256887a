import { cachedByIdentity } from '../internal/cachedByIdentity';
import { isObject } from '../internal/isObject';
import { describeValue, type Issue, makeIssue } from '../internal/issues';
import { compileReading, isMissing, normalizeText, readDate, readText } from '../internal/read';
import { ConfigError } from '../schema/ConfigError';
import type { FieldMap } from '../schema/fieldMap';
import type { LeadEvent } from '../schema/lead';
import { columnReader, notARow, parseFieldMap } from './mapLead';

/**
 * The result of {@link mapActivity}: whose event it is, the event, and what could not be read.
 *
 * @category CRM data
 */
export interface MapActivityResult {
  /** The lead's id, as the activity names it; `undefined` when the row names none. */
  readonly leadId: string | undefined;
  /** The event; `undefined` when the row has no readable type or date (then `issues` says why). */
  readonly event: LeadEvent | undefined;
  readonly issues: readonly Issue[];
}

/**
 * A compiled activity map: row → {@link MapActivityResult}.
 *
 * @category CRM data
 */
export type CompiledActivityMap = (row: unknown) => MapActivityResult;

const namesOf = (names: string | readonly string[]) => (typeof names === 'string' ? [names] : names);

/**
 * Compiles a field map with an `activity` section into a function from activity rows to events.
 *
 * @param input - a field map with `activity`
 * @returns the row → event function
 * @throws {ConfigError} when the map is invalid or has no `activity`
 *
 * @example
 * const toEvent = compileActivityMap(maps.salesforceTasks);
 * toEvent({ WhoId: '00Q1', TaskSubtype: 'Call', ActivityDate: '2026-06-15' }).event;
 * //=> { type: 'call_connected', at: '2026-06-15T00:00:00.000Z' }
 *
 * @category CRM data
 */
export function compileActivityMap(input: unknown): CompiledActivityMap {
  const map = parseFieldMap(input);
  const activity = map.activity;
  if (activity === undefined) {
    throw new ConfigError(
      [
        makeIssue({
          code: 'missing_key',
          path: ['activity'],
          problem: 'missing',
          expected: 'an "activity" section: { "lead", "type", "at" } (this map reads contacts: use mapLead)',
        }),
      ],
      'field map',
    );
  }
  const reading = compileReading({ dateFormat: activity.dateFormat }, compileReading(map.read));
  const leadColumns = namesOf(activity.lead);
  const atColumns = namesOf(activity.at);
  const typeRule = activity.type;
  const aliases =
    typeof typeRule === 'string'
      ? new Map<string, string>()
      : new Map(Object.entries(typeRule.aliases ?? {}).map(([from, to]) => [normalizeText(from), to]));
  const props = Object.entries(activity.props ?? {}).map(([prop, names]) => [prop, namesOf(names)] as const);
  return (row) => {
    const issues: Issue[] = [];
    if (!isObject(row)) return { leadId: undefined, event: undefined, issues: [notARow(row)] };
    const column = columnReader(row);
    const first = (names: readonly string[]) => {
      for (const name of names) {
        const found = column(name);
        if (found !== undefined && !isMissing(found.value, reading)) return found;
      }
      return undefined;
    };
    /** The first of the names present in the row, even with a missing value: where to point an issue. */
    const presentColumn = (names: readonly string[]) => {
      for (const name of names) {
        const found = column(name);
        if (found !== undefined) return found.column;
      }
      return undefined;
    };
    const leadFound = first(leadColumns);
    const leadValue = Array.isArray(leadFound?.value) ? leadFound?.value[0] : leadFound?.value;
    const leadId = readText(leadValue)?.trim();
    let type: string | undefined;
    if (typeof typeRule === 'string') type = typeRule;
    else {
      const found = first(namesOf(typeRule.from));
      const text = found === undefined ? undefined : readText(found.value);
      if (text !== undefined) {
        const normal = normalizeText(text);
        type = aliases.get(normal) ?? normal;
      } else type = typeRule.default;
      if (type === undefined) {
        issues.push(
          makeIssue({
            code: 'invalid_value',
            path: [
              found?.column ?? presentColumn(namesOf(typeRule.from)) ?? namesOf(typeRule.from)[0] ?? 'type',
            ],
            problem: 'no activity type',
            expected: 'a type such as "Call" or "MEETING"',
            received: describeValue(found?.value),
          }),
        );
      }
    }
    const atFound = first(atColumns);
    const at = atFound === undefined ? undefined : readDate(atFound.value, reading);
    if (at === undefined) {
      issues.push(
        makeIssue({
          code: 'invalid_value',
          path: [atFound?.column ?? presentColumn(atColumns) ?? atColumns[0] ?? 'at'],
          problem: atFound === undefined ? 'no activity date' : 'unreadable activity date',
          expected: "an ISO 8601 date, or one in the map's date format",
          received: describeValue(atFound?.value),
        }),
      );
    }
    if (type === undefined || at === undefined) return { leadId, event: undefined, issues };
    const eventProps: Record<string, unknown> = {};
    for (const [prop, names] of props) {
      const found = first(names);
      if (found !== undefined) eventProps[prop] = found.value;
    }
    const event: LeadEvent =
      props.length === 0 || Object.keys(eventProps).length === 0
        ? { type, at }
        : { type, at, props: eventProps };
    return { leadId, event, issues };
  };
}

const compiledMaps = /* @__PURE__ */ cachedByIdentity(compileActivityMap);

/**
 * Maps one row of a CRM activities table — HubSpot engagements and form submissions, Salesforce
 * Tasks, Events and CampaignMembers, or your own — to an event of a lead: CRMs export contacts and
 * activities as two tables, joined by the lead's id. Never throws on row data.
 *
 * @param row - one activity row
 * @param map - a field map with an `activity` section (`maps.hubspotActivities`, `maps.salesforceTasks`,
 *   `maps.salesforceEvents`, `maps.salesforceCampaignMembers`, or your own), compiled once and cached
 * @returns the lead id, the event, and the issues found
 * @throws {ConfigError} when the map is invalid or has no `activity` section
 *
 * @example
 * mapActivity({ 'Activity Type': 'MEETING', 'Activity Date': '2026-06-15 10:00', 'Contact ID': '51' }, maps.hubspotActivities);
 * //=> { leadId: '51', event: { type: 'meeting_held', at: '2026-06-15T10:00:00.000Z' }, issues: [] }
 *
 * @category CRM data
 */
export function mapActivity(row: unknown, map: FieldMap | unknown): MapActivityResult {
  return compiledMaps(map)(row);
}
