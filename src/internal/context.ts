import type { EventTally } from '../dsl/eventPlan';
import type { OperatorContext } from '../dsl/operatorTests';
import { parseInstant } from './time';

/**
 * A classifier's memo of what its compiled nodes (fact leaves, event counts, criteria) computed for
 * the lead under way, by slot. It is allocated once per classifier and reused from lead to lead: an
 * entry counts only when its stamp is the current classification's generation, so nothing is cleared
 * or allocated per lead. A nested classification on the same classifier only costs recomputation.
 */
export class LeadMemo {
  /** The generation each slot was last written in. */
  readonly stamps: Int32Array;
  /** Statuses of leaves and criteria. */
  readonly statuses: Int8Array;
  /** Values read by leaves, counts of event conditions. */
  readonly values: unknown[];
  private generation = 0;

  constructor(size: number) {
    this.stamps = new Int32Array(size);
    this.statuses = new Int8Array(size);
    this.values = new Array(size).fill(undefined);
  }

  /** A generation no slot is stamped with yet: the memo as seen by a new classification. */
  next(): number {
    if (this.generation === 0x7fffffff) {
      this.stamps.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

/**
 * Per-evaluation state: the lead, the instant, and what is computed at most once per lead
 * (the event tally, data-quality flags). Criteria and scores are resolved through
 * the slots a classifier fills in.
 */
export class EvalContext implements OperatorContext {
  readonly lead: unknown;
  readonly asOf: number;
  /** Flags in insertion order; a Set so repeated reads flag once. */
  flags: Set<string> | undefined;
  /** The classifier's memo (`undefined` outside a classifier) and this classification's stamp in it. */
  readonly memo: LeadMemo | undefined;
  readonly generation: number;
  /**
   * Whether this is the only classification under way on its classifier, so it may use the
   * classifier's reusable buffers (event tally, score sums). One started inside another (a custom
   * operator calling back) allocates its own.
   */
  readonly outermost: boolean;
  /** The one-pass event tally of this lead, once taken (see `EventPlan`). */
  eventTally: EventTally | undefined;
  /** Named criterion statuses and scores, for conditions evaluated outside a classifier. */
  readonly inputs: EvalInputs;

  constructor(
    lead: unknown,
    asOf: number,
    inputs: EvalInputs = EMPTY_INPUTS,
    memo: LeadMemo | undefined = undefined,
    outermost = false,
  ) {
    this.lead = lead;
    this.asOf = asOf;
    this.inputs = inputs;
    this.memo = memo;
    this.generation = memo === undefined ? 0 : memo.next();
    this.outermost = outermost;
  }

  flag(flag: string): void {
    if (this.flags === undefined) this.flags = new Set();
    this.flags.add(flag);
  }

  /**
   * A value read as an instant. With a `path`, an unreadable value is flagged `invalid_date:<path>`
   * (once: flags are a set). In a classifier each fact leaf is read and tested once per lead anyway.
   */
  instant(value: unknown, path: string | undefined): number {
    const instant = parseInstant(value);
    if (path !== undefined && Number.isNaN(instant)) this.flag(`invalid_date:${path}`);
    return instant;
  }
}

export interface EvalInputs {
  readonly criteria?: Readonly<Record<string, 'met' | 'unmet' | 'unknown'>>;
  readonly scores?: Readonly<Record<string, number>>;
}

const EMPTY_INPUTS: EvalInputs = Object.freeze({});
