import type { PathReader } from '../internal/path';
import { MET } from '../internal/status';
import { type Duration, parseLeadInstant, subtractDuration, toDuration } from '../internal/time';
import type { EventCondition } from '../schema/condition';
import { type EvalContext, FLAGS_TRUNCATED, MAX_FLAGS } from './context';
import { orPast, type TriTest } from './operatorTests';
import type { EventTally } from './workspace';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The most events read per lead: past it the lead is flagged `events_truncated` and only the most recent
 * events of the types the config reads are kept (see {@link selectEvents}).
 */
export const MAX_EVENTS = 10_000;

/**
 * The most array slots looked at per lead, for their type only: far above {@link MAX_EVENTS}, yet finite
 * (a sparse array of length 10⁷ is a request body, not a lead's history).
 */
export const MAX_SCANNED = 1_000_000;

/** The positions of the events to read, when a lead has more than {@link MAX_EVENTS}; see {@link selectEvents}. */
export interface EventSelectionResult {
  readonly positions: Int32Array;
  /** Whether events of a read type (or slots never looked at) were left out. */
  readonly truncated: boolean;
  /** Whether `afford` refused the cost of picking the most recent: nothing was picked. */
  readonly unaffordable?: true;
}

/** Budget units of the selection: a slot looked at for its type costs 1/16, an event dated and sorted 3. */
export const SLOTS_PER_UNIT = 16;
export const UNITS_PER_DATED_EVENT = 3;

/**
 * Which events of a long array to read: one pass over at most {@link MAX_SCANNED} slots that looks only at
 * each event's type, keeping the positions of the types `isRead` accepts; if more than {@link MAX_EVENTS}
 * remain, the most recent by `at` (up to `asOf`: a future or undated event counts as the oldest) are kept,
 * in array order. So 10,000 old page views never hide the demo that came after them. `invalid` is told
 * of each slot that holds no event (not an object, or no type).
 */
export function selectEvents(
  events: readonly unknown[],
  isRead: (type: string) => boolean,
  asOf: number,
  invalid?: (position: number) => void,
  afford?: (units: number) => boolean,
): EventSelectionResult {
  const limit = Math.min(events.length, MAX_SCANNED);
  const read: number[] = [];
  for (let position = 0; position < limit; position++) {
    const event: unknown = events[position];
    if (event === null || typeof event !== 'object') {
      invalid?.(position);
      continue;
    }
    const type = (event as { type?: unknown }).type;
    if (typeof type !== 'string' || type === '') invalid?.(position);
    else if (isRead(type)) read.push(position);
  }
  if (read.length <= MAX_EVENTS) {
    return { positions: Int32Array.from(read), truncated: events.length > MAX_SCANNED };
  }
  if (afford !== undefined && !afford(read.length * UNITS_PER_DATED_EVENT)) {
    return { positions: new Int32Array(0), truncated: true, unaffordable: true };
  }
  const ats = new Float64Array(read.length);
  for (let index = 0; index < read.length; index++) {
    const event = events[read[index] as number] as { at?: unknown };
    const at = parseLeadInstant(hasOwn.call(event, 'at') ? event.at : undefined);
    ats[index] = at <= asOf ? at : Number.NEGATIVE_INFINITY;
  }
  // the MAX_EVENTS-th most recent instant: later ones are kept, and as many equal to it as fit, first first
  const threshold = Float64Array.from(ats).sort()[ats.length - MAX_EVENTS] as number;
  let equal = MAX_EVENTS;
  for (let index = 0; index < ats.length; index++) if ((ats[index] as number) > threshold) equal--;
  const positions = new Int32Array(MAX_EVENTS);
  let kept = 0;
  for (let index = 0; index < read.length; index++) {
    const at = ats[index] as number;
    if (at > threshold || (at === threshold && equal-- > 0)) positions[kept++] = read[index] as number;
  }
  return { positions, truncated: true };
}

/** What a consumer keeps of the events it matches, beyond their count. */
export const KEEP_COUNT = 0;
/** …the instant of the most recent one (decay of a rule that counts once). */
export const KEEP_LATEST = 1;
/** …every instant (decay of a rule that repeats). */
export const KEEP_ALL = 2;
export type Keep = typeof KEEP_COUNT | typeof KEEP_LATEST | typeof KEEP_ALL;

/** A `where` filter on an event's props: one path, its operators and-ed. */
export interface EventFilter {
  readonly read: PathReader;
  readonly test: TriTest;
}

/** The part of an event condition or scoring rule that selects events. */
export type EventSelection = Pick<EventCondition, 'event' | 'withinLast' | 'where'>;

interface Consumer {
  /** The types it reads, for a scan of its own (see {@link EventPlan.count}). */
  readonly types: readonly string[];
  readonly window: Duration | undefined;
  readonly filters: readonly EventFilter[];
  readonly keep: Keep;
}

/**
 * Every event selection a classifier reads, answered in **one pass** over a lead's events: each event
 * of a read type is validated and its date parsed once, then credited to every consumer whose window
 * and filters it passes. Events of types no consumer reads are skipped unparsed. The tally is filled
 * into the workspace lent to the evaluation, so nothing is allocated per lead.
 */
export class EventPlan {
  private readonly consumers: Consumer[] = [];
  private readonly byKey = new Map<string, number>();
  /** Consumers by event type: a prototype-less dictionary (a type named `constructor` is just a name). */
  private readonly byType: Record<string, number[] | undefined> = Object.create(null);
  private froms = new Float64Array(0);
  private fromsAsOf = Number.NaN;
  private readonly compileFilters: (where: EventSelection['where']) => EventFilter[];

  /** @param compileFilters - compiles a `where` clause with the classifier's operator table */
  constructor(compileFilters: (where: EventSelection['where']) => EventFilter[]) {
    this.compileFilters = compileFilters;
  }

  /** Registers a selection (the same one twice is one consumer) and returns its index. */
  add(selection: EventSelection, keep: Keep): number {
    const key = JSON.stringify([selection.event, selection.withinLast, selection.where, keep]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const index = this.consumers.length;
    const types = typeof selection.event === 'string' ? [selection.event] : selection.event;
    this.consumers.push({
      types: [...new Set(types)],
      window: selection.withinLast === undefined ? undefined : toDuration(selection.withinLast),
      filters: this.compileFilters(selection.where),
      keep,
    });
    this.byKey.set(key, index);
    for (const type of new Set(types)) {
      const list = this.byType[type];
      if (list === undefined) this.byType[type] = [index];
      else list.push(index);
    }
    return index;
  }

  /** How many consumers the plan has: the size of the tally a workspace needs. */
  get size(): number {
    return this.consumers.length;
  }

  /** The tally of the context's lead, from one pass over its events the first time it is asked. */
  tally(context: EvalContext): EventTally {
    const tally = context.workspace.tally;
    if (!context.tallied) {
      this.fill(context, tally);
      context.tallied = true;
    }
    return tally;
  }

  /**
   * One consumer's count, `-1` when the lead has no events array. In a full classification it is read from
   * the one-pass tally. In a stage-only evaluation (`context.lazyEvents`) the consumer scans the events
   * itself, as hand-written code would: only its types' dates parsed, and it stops as soon as `stop`
   * events are counted (the count test is decided then) — so a lead with a recent demo among a thousand
   * events is decided at the demo. Flags are not raised there: a stage-only result has none.
   */
  count(context: EvalContext, consumer: number, stop: number): number {
    if (!context.lazyEvents) {
      const tally = this.tally(context);
      return tally.hasEvents ? (tally.counts[consumer] as number) : -1;
    }
    const tally = context.workspace.tally;
    const { scanStamps, scanCounts, scanStops } = tally;
    if (
      scanStamps[consumer] === context.generation &&
      ((scanCounts[consumer] as number) < (scanStops[consumer] as number) ||
        stop <= (scanStops[consumer] as number))
    ) {
      return scanCounts[consumer] as number;
    }
    const count = this.scan(context, consumer, stop);
    scanStamps[consumer] = context.generation;
    scanCounts[consumer] = count;
    scanStops[consumer] = stop;
    return count;
  }

  private scan(context: EvalContext, index: number, stop: number): number {
    const lead = context.lead;
    const events =
      lead !== null && typeof lead === 'object' && Object.hasOwn(lead, 'events')
        ? (lead as { events: unknown }).events
        : undefined;
    if (!Array.isArray(events)) return -1;
    const consumer = this.consumers[index] as Consumer;
    const types = consumer.types;
    const asOf = context.asOf;
    const from = this.windowStarts(asOf)[index] as number;
    const filters = consumer.filters;
    let count = 0;
    const selected = this.selection(context, events, false);
    if (selected !== undefined && context.workspace.tally.selectionOver) return -1;
    const length = selected === undefined ? events.length : selected.length;
    for (let index = 0; index < length; index++) {
      // every slot a scan visits costs a unit: a stage() scans once per event condition
      if (--context.budget < 0) {
        context.overBudget();
        return -1;
      }
      const event: unknown = events[selected === undefined ? index : (selected[index] as number)];
      if (event === null || typeof event !== 'object') continue;
      const type = (event as { type?: unknown }).type;
      if (typeof type !== 'string' || !types.includes(type) || !hasOwn.call(event, 'type')) continue;
      const at = parseLeadInstant(hasOwn.call(event, 'at') ? (event as { at?: unknown }).at : undefined);
      // NaN fails both tests
      if (!(at <= asOf && at >= from)) continue;
      if (
        filters.length > 0 &&
        !matchesAll(
          filters,
          hasOwn.call(event, 'props') ? (event as { props?: unknown }).props : undefined,
          context,
        )
      ) {
        continue;
      }
      if (context.budget < 0) {
        context.overBudget();
        return -1;
      }
      if (++count >= stop) break;
    }
    return count;
  }

  /** Where each consumer's window starts at `asOf` (`-Infinity`: no window), recomputed only when `asOf` changes. */
  windowStarts(asOf: number): Float64Array {
    if (asOf !== this.fromsAsOf) {
      const consumers = this.consumers;
      const froms = new Float64Array(consumers.length);
      for (let index = 0; index < consumers.length; index++) {
        const window = (consumers[index] as Consumer).window;
        froms[index] =
          window === undefined ? Number.NEGATIVE_INFINITY : orPast(subtractDuration(asOf, window));
      }
      this.froms = froms;
      this.fromsAsOf = asOf;
    }
    return this.froms;
  }

  private fill(context: EvalContext, tally: EventTally): void {
    const lead = context.lead;
    const events =
      lead !== null && typeof lead === 'object' && Object.hasOwn(lead, 'events')
        ? (lead as { events: unknown }).events
        : undefined;
    const counts = tally.counts;
    for (let index = 0; index < counts.length; index++) counts[index] = 0;
    tally.hasEvents = Array.isArray(events);
    if (!Array.isArray(events)) return;
    const { latest, ats } = tally;
    const consumers = this.consumers;
    const byType = this.byType;
    const asOf = context.asOf;
    const froms = this.windowStarts(asOf);
    const selected = this.selection(context, events, true);
    if (selected !== undefined && tally.selectionOver) {
      tally.hasEvents = false;
      return;
    }
    const length = selected === undefined ? events.length : selected.length;
    // every slot visited costs 1/16 unit (a type looked up); events of read types cost more below
    context.budget -= Math.ceil(length / SLOTS_PER_UNIT);
    for (let index = 0; index < length; index++) {
      const position = selected === undefined ? index : (selected[index] as number);
      const event: unknown = events[position];
      if (event === null || typeof event !== 'object') {
        context.flag(`invalid_event:events[${position}]`);
        continue;
      }
      const type = (event as { type?: unknown }).type;
      if (typeof type !== 'string' || type === '') {
        context.flag(`invalid_event:events[${position}]`);
        continue;
      }
      const readers = byType[type];
      if (readers === undefined) continue; // a type the config never reads: its date is never parsed
      // the budget, metered per event read (dated, even if in the future): where it runs out every event
      // condition reads unknown
      context.budget -= 1 + readers.length;
      // own fields only (checked for the events read): a polluted Object.prototype.type makes no event of {}
      if (!hasOwn.call(event, 'type')) {
        context.flag(`invalid_event:events[${position}]`);
        continue;
      }
      const at = parseLeadInstant(hasOwn.call(event, 'at') ? (event as { at?: unknown }).at : undefined);
      if (Number.isNaN(at)) {
        context.flag(`invalid_date:events[${position}].at`);
        continue;
      }
      if (at > asOf) {
        context.flag('future_events_ignored');
        continue;
      }

      for (let reader = 0; reader < readers.length; reader++) {
        const index = readers[reader] as number;
        if (at < (froms[index] as number)) continue;
        const consumer = consumers[index] as Consumer;
        if (
          consumer.filters.length > 0 &&
          !matchesAll(
            consumer.filters,
            hasOwn.call(event, 'props') ? (event as { props?: unknown }).props : undefined,
            context,
          )
        ) {
          continue;
        }
        const count = counts[index] as number;
        counts[index] = count + 1;
        if (consumer.keep === KEEP_LATEST) {
          if (count === 0 || at > (latest[index] as number)) latest[index] = at;
        } else if (consumer.keep === KEEP_ALL) (ats[index] as number[])[count] = at;
      }
      if (context.budget < 0) {
        tally.hasEvents = false;
        context.overBudget();
        return;
      }
    }
  }

  /**
   * The positions to read of a lead's events: `undefined` (all of them, in order) up to {@link MAX_EVENTS};
   * past it, {@link selectEvents}' choice, made once per evaluation. `flagged` raises `events_truncated` and
   * flags the slots that hold no event (as the full pass does).
   */
  private selection(
    context: EvalContext,
    events: readonly unknown[],
    flagged: boolean,
  ): Int32Array | undefined {
    if (events.length <= MAX_EVENTS) return undefined;
    const tally = context.workspace.tally;
    if (tally.selectionGeneration !== context.generation) {
      const byType = this.byType;
      // flagged before the slots that hold no event can fill the flags
      const unscanned = events.length > MAX_SCANNED;
      if (flagged && unscanned) context.flag('events_truncated');
      // the selection spends the budget too: 1/16 unit per slot looked at, 3 per event dated and sorted
      context.budget -= Math.ceil(Math.min(events.length, MAX_SCANNED) / SLOTS_PER_UNIT);
      const { positions, truncated, unaffordable } = selectEvents(
        events,
        (type) => byType[type] !== undefined,
        context.asOf,
        flagged
          ? (position) =>
              // past the cap of flags one `flags_truncated` stands for the rest: no text built per slot
              context.flag(
                (context.flags?.size ?? 0) < MAX_FLAGS
                  ? `invalid_event:events[${position}]`
                  : FLAGS_TRUNCATED,
              )
          : undefined,
        (units) => {
          context.budget -= units;
          return context.budget >= 0;
        },
      );
      tally.selectionOver = unaffordable === true || context.budget < 0;
      if (tally.selectionOver) context.overBudget();
      if (flagged && truncated && !unscanned) context.flag('events_truncated');
      tally.selection = positions;
      tally.selectionGeneration = context.generation;
    }
    return tally.selection;
  }
}

/** Whether an event's props pass every filter (an unknown counts as not passing). */
export function matchesAll(filters: readonly EventFilter[], props: unknown, context: EvalContext): boolean {
  for (const { read, test } of filters) {
    const value = read(props);
    // a where test costs 1, and 1 per 64 characters of a text it reads (a pattern's work grows with it)
    context.budget -= typeof value === 'string' ? 1 + (value.length >>> 6) : 1;
    if (context.budget < 0 || test(value, context, undefined) !== MET) return false;
  }
  return true;
}
