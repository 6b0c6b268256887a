import type { OperatorContext } from '../dsl/operators';
import { parseInstant } from './time';

/** An event of the lead that happened by `asOf`, its date parsed once. */
export interface IndexedEvent {
  readonly at: number;
  readonly props: unknown;
}

/**
 * Per-evaluation state: the lead, the instant, and what is computed at most once per lead
 * (the event index, parsed dates, data-quality flags). Criteria and scores are resolved through
 * the slots a classifier fills in.
 */
export class EvalContext implements OperatorContext {
  readonly lead: unknown;
  readonly asOf: number;
  /** Flags in insertion order; a Set so repeated reads flag once. */
  flags: Set<string> | undefined;
  /** Per-lead memo of compiled event conditions (counts), by slot. */
  slots: number[] | undefined;
  private dates: Map<string, number> | undefined;
  /** `undefined`: not built yet; `null`: the lead has no `events` array. */
  private eventIndex: Map<string, IndexedEvent[]> | null | undefined;
  /** Named criterion statuses and scores, for conditions evaluated outside a classifier. */
  readonly inputs: EvalInputs;

  constructor(lead: unknown, asOf: number, inputs: EvalInputs = EMPTY_INPUTS) {
    this.lead = lead;
    this.asOf = asOf;
    this.inputs = inputs;
  }

  flag(flag: string): void {
    if (this.flags === undefined) this.flags = new Set();
    this.flags.add(flag);
  }

  /**
   * A value read as an instant. With a `path`, the parse happens once per lead and an unreadable
   * value is flagged `invalid_date:<path>`.
   */
  instant(value: unknown, path: string | undefined): number {
    if (path === undefined) return parseInstant(value);
    const cached = this.dates?.get(path);
    if (cached !== undefined) return cached;
    const instant = parseInstant(value);
    if (Number.isNaN(instant)) this.flag(`invalid_date:${path}`);
    if (this.dates === undefined) this.dates = new Map();
    this.dates.set(path, instant);
    return instant;
  }

  /** Events by type, built in one pass over `lead.events`; `null` when there is no events array. */
  events(): Map<string, IndexedEvent[]> | null {
    if (this.eventIndex === undefined) this.eventIndex = indexEvents(this, this.lead);
    return this.eventIndex;
  }
}

export interface EvalInputs {
  readonly criteria?: Readonly<Record<string, 'met' | 'unmet' | 'unknown'>>;
  readonly scores?: Readonly<Record<string, number>>;
}

const EMPTY_INPUTS: EvalInputs = Object.freeze({});

function indexEvents(context: EvalContext, lead: unknown): Map<string, IndexedEvent[]> | null {
  if (lead === null || typeof lead !== 'object' || !Object.hasOwn(lead, 'events')) return null;
  const events = (lead as { events: unknown }).events;
  if (!Array.isArray(events)) return null;
  const index = new Map<string, IndexedEvent[]>();
  for (let position = 0; position < events.length; position++) {
    const event: unknown = events[position];
    if (event === null || typeof event !== 'object') {
      context.flag(`invalid_event:events[${position}]`);
      continue;
    }
    const { type, at, props } = event as { type?: unknown; at?: unknown; props?: unknown };
    if (typeof type !== 'string' || type === '') {
      context.flag(`invalid_event:events[${position}]`);
      continue;
    }
    const instant = parseInstant(at);
    if (Number.isNaN(instant)) {
      context.flag(`invalid_date:events[${position}].at`);
      continue;
    }
    if (instant > context.asOf) {
      context.flag('future_events_ignored');
      continue;
    }
    const list = index.get(type);
    const indexed: IndexedEvent = { at: instant, props };
    if (list === undefined) index.set(type, [indexed]);
    else list.push(indexed);
  }
  return index;
}
