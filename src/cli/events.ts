/// <reference types="node" />
// `--events <file>` with `--events-map`: an activities table read into events, grouped by lead id, and
// counted — read, used, dropped and why, types present that the config never reads (with "did you
// mean"), events whose lead id matches no lead. An events file of which no event is used fails the run.
import { compileActivityMap, type FieldMap, maps } from 'leadstage';
import { causeOf, type Diagnostics } from './diagnostics';
import { CliError } from './errors';
import { cellOf } from './outcome';
import { closest } from './text';
import { type Words, wordsFor } from './words';

/** The most events per lead the library reads (`MAX_EVENTS` of its event plan). */
export const MAX_EVENTS = 10_000;

/** The built-in activity maps, by the names `--events-map` takes. */
export const ACTIVITY_MAPS: Record<string, FieldMap> = {
  'hubspot-activities': maps.hubspotActivities,
  'salesforce-tasks': maps.salesforceTasks,
  'salesforce-events': maps.salesforceEvents,
  'salesforce-campaign-members': maps.salesforceCampaignMembers,
};

/** An event type as the library's reading rule normalises enum text: `Contact Form Submitted` → `contact_form_submitted`. */
export function normalizeType(text: string): string {
  // the rule of the library's normalizeText (src/internal/read.ts)
  return /[A-Z\s\-\u0080-\uffff]/.test(text)
    ? text
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    : text;
}

/** Every event type a config reads: event conditions and scoring rules (`event`), SLAs (`followUp.events`). */
export function typesReadBy(config: unknown): Set<string> {
  const types = new Set<string>();
  const walk = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, key === 'event' || key === 'events' ? key : undefined);
      return;
    }
    if (typeof node === 'string') {
      if (key === 'event' || key === 'events') types.add(node);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [child, value] of Object.entries(node)) {
      if (child === 'examples' || child === 'facts') continue;
      // `events` is a type list only in followUp; the top-level `events` declares labels (its keys)
      if (child === 'events' && !Array.isArray(value)) continue;
      walk(value, child);
    }
  };
  walk(config, undefined);
  return types;
}

/** The events of a file, grouped by lead id, and what happened to each. */
export class EventTable {
  /** Every readable event by lead id (types the config never reads too: a history starts at the first event). */
  readonly byLead = new Map<string, Array<Record<string, unknown>>>();
  /** Events of types the config reads, by lead id. */
  private readonly usable = new Map<string, number>();
  read = 0;
  kept = 0;
  unreadable = 0;
  readonly unusedTypes = new Map<string, number>();
  private readonly joined = new Set<string>();

  constructor(
    readonly file: string,
    readonly reads: ReadonlySet<string>,
  ) {}

  /** Counts an event of a type the config reads. */
  count(leadId: string): void {
    this.kept++;
    this.usable.set(leadId, (this.usable.get(leadId) ?? 0) + 1);
  }

  /** The lead's events, once per lead id; counts the events used. */
  take(id: string): Array<Record<string, unknown>> | undefined {
    const own = this.byLead.get(id);
    if (own !== undefined) this.joined.add(id);
    return own;
  }

  /** Leads whose events went over the library's cap, and the events left out. */
  capped = 0;
  overCap = 0;

  /**
   * A lead's events within the library's cap (it reads the first {@link MAX_EVENTS}): over it, the most
   * recent events of the types the config reads are kept, not the oldest of all types (10,000 old page
   * views must not hide the demo).
   */
  cap(events: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
    if (events.length <= MAX_EVENTS) return events as Array<Record<string, unknown>>;
    const time = (event: Record<string, unknown>) => {
      const at =
        typeof event.at === 'string' || typeof event.at === 'number'
          ? Date.parse(String(event.at))
          : Number.NaN;
      return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
    };
    const read = events.filter((event) => typeof event.type === 'string' && this.reads.has(event.type));
    const kept = (
      read.length > MAX_EVENTS ? [...read].sort((a, b) => time(a) - time(b)).slice(-MAX_EVENTS) : read
    ).concat();
    this.capped++;
    this.overCap += events.length - kept.length;
    return kept;
  }

  /** Events joined to a lead. */
  get used(): number {
    let used = 0;
    for (const id of this.joined) used += this.usable.get(id) ?? 0;
    return used;
  }

  private unusedTypesText(w: Words = wordsFor('en')): string {
    const types = [...this.unusedTypes].sort((a, b) => b[1] - a[1]);
    return types
      .slice(0, 8)
      .map(([type, count]) => {
        const near = closest(type, this.reads);
        return `${type} ${w.count(count)}${near === undefined ? '' : w.t.run.didYouMean(near)}`;
      })
      .join(', ')
      .concat(types.length > 8 ? w.t.run.moreTypes(types.length - 8) : '');
  }

  /** The summary line: read, used, dropped and why. */
  summary(w: Words = wordsFor('en')): string {
    const run = w.t.run;
    const used = this.used;
    const noLead = this.kept - used;
    const parts = [run.events(this.file, this.read, used)];
    const dropped: string[] = [];
    if (this.unreadable > 0) dropped.push(run.eventsUnreadable(this.unreadable));
    const unusedCount = [...this.unusedTypes.values()].reduce((sum, count) => sum + count, 0);
    if (unusedCount > 0) dropped.push(run.eventsUnusedTypes(unusedCount, this.unusedTypesText(w)));
    if (noLead > 0) dropped.push(run.eventsNoLead(noLead));
    if (this.overCap > 0) dropped.push(run.eventsOverCap(this.overCap, MAX_EVENTS, this.capped));
    if (dropped.length > 0) parts.push(run.notUsed(dropped.join('; ')));
    return parts.join(', ');
  }

  /** Refuses an events file of which no event can be used (by type), before the leads are read. */
  checkTypes(force: boolean, hint: string | undefined): void {
    if (force || this.read === 0 || this.kept > 0) return;
    const why =
      this.unusedTypes.size > 0
        ? `none of its types is one the config reads (found ${this.unusedTypesText()}; the config reads ${[...this.reads].slice(0, 12).join(', ')})`
        : 'none of its events could be read';
    throw new CliError(
      `${this.file}: no event of ${this.read.toLocaleString('en')} can be used: ${why}${hint === undefined ? '' : ` — ${hint}`} (--force runs anyway)`,
    );
  }

  /** Refuses an events file of which no event was joined to a lead, after the leads were read. */
  checkUsed(force: boolean): void {
    if (force || this.kept === 0 || this.used > 0) return;
    const ids = [...this.usable.keys()].slice(0, 3).map((id) => JSON.stringify(id));
    throw new CliError(
      `${this.file}: no event was used: the lead ids of its ${this.kept.toLocaleString('en')} events (e.g. ${ids.join(', ')}) match no lead's id — check the id columns (--map, --events-map) (--force runs anyway)`,
    );
  }
}

/** The lead-id, type and date columns `--events` reads without a map (case-insensitive). */
const PLAIN = { leadId: ['leadid', 'lead_id', 'lead id'], type: ['type'], at: ['at'] };

/** The built-in activity map whose columns a header row has most of, for a hint. */
export function guessActivityMap(headers: readonly string[]): string | undefined {
  const present = new Set(headers.map((header) => header.trim().toLowerCase()));
  let best: string | undefined;
  let bestCount = 0;
  for (const [name, map] of Object.entries(ACTIVITY_MAPS)) {
    const activity = map.activity;
    if (activity === undefined) continue;
    const names = [
      activity.lead,
      typeof activity.type === 'string' ? [] : activity.type.from,
      activity.at,
    ].flatMap((each) => (typeof each === 'string' ? [each] : [...each]));
    const count = names.filter((name) => present.has(name.toLowerCase())).length;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return bestCount >= 2 ? best : undefined;
}

/** The activity map of `--events-map`: a built-in name or a field map file (read by `load`). */
export function activityMapOf(name: string, load: (file: string) => FieldMap): FieldMap {
  if (Object.hasOwn(ACTIVITY_MAPS, name)) return ACTIVITY_MAPS[name] as FieldMap;
  const map = load(name);
  if (map.activity === undefined)
    throw new CliError(
      `--events-map ${name}: the map has no "activity" section; expected ${Object.keys(ACTIVITY_MAPS).join(', ')} or a map file with "activity"`,
      2,
    );
  return map;
}

/** Adds one row of an events file to the table. */
export function eventReader(
  table: EventTable,
  map: FieldMap | undefined,
  diagnostics: Diagnostics,
): (row: Record<string, unknown>, line: number, headers: readonly string[]) => void {
  const compiled = map === undefined ? undefined : compileActivityMap(map);
  let plainColumns: { leadId?: string; type?: string; at?: string } | undefined;
  // plain columns read through an activity map of those columns, so that `at` is read (and refused) by
  // the library's own date rule, before the event counts as used
  let plainReader: ReturnType<typeof compileActivityMap> | undefined;
  const add = (leadId: string, event: Record<string, unknown>) => {
    const type = event.type as string;
    if (!table.reads.has(type)) table.unusedTypes.set(type, (table.unusedTypes.get(type) ?? 0) + 1);
    else table.count(leadId);
    const list = table.byLead.get(leadId);
    if (list === undefined) table.byLead.set(leadId, [event]);
    else list.push(event);
  };
  return (row, line, headers) => {
    table.read++;
    if (compiled !== undefined) {
      const { leadId, event, issues } = compiled(row);
      if (event === undefined || leadId === undefined || leadId === '') {
        table.unreadable++;
        const issue = issues[0];
        diagnostics.warn({
          file: table.file,
          line,
          cause: issue === undefined ? 'an activity names no lead id' : causeOf(issue),
          noun: 'event',
          ...(issue === undefined ? {} : { example: cellOf(row, String(issue.path[0])) ?? '' }),
        });
        return;
      }
      add(leadId, event as unknown as Record<string, unknown>);
      return;
    }
    if (plainColumns === undefined) {
      const find = (names: readonly string[]) =>
        headers.find((header) => names.includes(header.trim().toLowerCase()));
      plainColumns = {};
      const leadId = find(PLAIN.leadId);
      const type = find(PLAIN.type);
      const at = find(PLAIN.at);
      if (leadId !== undefined) plainColumns.leadId = leadId;
      if (type !== undefined) plainColumns.type = type;
      if (at !== undefined) plainColumns.at = at;
      if (leadId !== undefined && type !== undefined && at !== undefined)
        plainReader = compileActivityMap({
          version: 1,
          id: 'events',
          fields: [],
          activity: { lead: [leadId], type: { from: [type] }, at: [at] },
        });
    }
    const text = (column: string | undefined) => {
      const value = column === undefined ? undefined : row[column];
      return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
    };
    const leadId = text(plainColumns.leadId);
    const type = text(plainColumns.type);
    const at = text(plainColumns.at);
    if (leadId === '' || type === '' || at === '') {
      table.unreadable++;
      const guess = guessActivityMap(headers);
      diagnostics.warn({
        file: table.file,
        line,
        cause: 'an event needs leadId, type and at',
        noun: 'event',
        hint:
          guess === undefined
            ? 'columns leadId, type, at, or --events-map for a CRM activities export'
            : `this looks like a CRM activities export: try --events-map ${guess}`,
      });
      return;
    }
    const read = plainReader?.(row);
    if (read !== undefined && read.event === undefined) {
      table.unreadable++;
      const issue = read.issues[0];
      diagnostics.warn({
        file: table.file,
        line,
        cause: issue === undefined ? 'an event that cannot be read' : causeOf(issue),
        noun: 'event',
        example: at,
        hint: 'write dates as ISO 8601 (2026-06-30 or 2026-06-30T09:00:00Z)',
      });
      return;
    }
    const used = new Set([plainColumns.leadId, plainColumns.type, plainColumns.at]);
    const props = Object.fromEntries(
      Object.entries(row).filter(
        ([key, item]) => !used.has(key) && item !== '' && item !== undefined && item !== null,
      ),
    );
    add(
      leadId,
      Object.keys(props).length === 0
        ? { type: normalizeType(type), at }
        : { type: normalizeType(type), at, props },
    );
  };
}
