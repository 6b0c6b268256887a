/**
 * A classifier's memo of what its compiled nodes (fact leaves, event counts, criteria) computed for
 * the lead under way, by slot. An entry counts only when its stamp is the current classification's
 * generation, so nothing is cleared or allocated per lead.
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

/** What one pass over a lead's events found for every consumer of an `EventPlan`, by consumer index. */
export class EventTally {
  /** `false` when the lead has no `events` array: every count is then unknown. */
  hasEvents = false;
  readonly counts: Int32Array;
  /** For `KEEP_LATEST` consumers with a count above 0. */
  readonly latest: Float64Array;
  /** For `KEEP_ALL` consumers: the first `counts[c]` entries are live. */
  readonly ats: number[][];
  /** Counts of consumers that scanned the events on their own (stage-only), stamped with the generation. */
  readonly scanStamps: Int32Array;
  readonly scanCounts: Int32Array;
  /** The count each scan stopped at: a count below it is exact, one that reached it is "at least". */
  readonly scanStops: Float64Array;

  /** The positions of a long lead's events to read (see `selectEvents`), for the evaluation stamped here. */
  selection: Int32Array | undefined;
  selectionGeneration = -1;
  /** Whether that selection ran the budget out: every event consumer is then unknown. */
  selectionOver = false;

  constructor(size: number) {
    this.scanStamps = new Int32Array(size);
    this.scanCounts = new Int32Array(size);
    this.scanStops = new Float64Array(size);
    this.counts = new Int32Array(size);
    this.latest = new Float64Array(size);
    this.ats = Array.from({ length: size }, () => []);
  }
}

/**
 * The buffers one classification works in: the memo, the event tally and the score sums. Compiled code
 * allocates them once and lends them from lead to lead (see {@link createLender}).
 */
export class Workspace {
  readonly memo: LeadMemo;
  readonly tally: EventTally;
  /** Per scoring group, the points summed so far. */
  readonly sums: Float64Array;
  /** The evaluation context kept with these buffers by the code that lends them (one per workspace). */
  context: unknown;

  constructor(slots: number, consumers: number, groups: number) {
    this.memo = new LeadMemo(slots);
    this.tally = new EventTally(consumers);
    this.sums = new Float64Array(groups);
  }
}

/** Lends a workspace per classification: see {@link createLender}. */
export interface Lender {
  /** The reusable workspace, or a fresh one while the reusable one is in use. */
  acquire(): Workspace;
  release(workspace: Workspace): void;
}

/**
 * The one place that decides which buffers a classification uses: the reusable workspace when it is
 * free, a fresh one when a classification starts inside another on the same compiled code (a custom
 * operator calling back), so the two never share buffers. `create` is called lazily, once compiling
 * has sized everything.
 */
export function createLender(create: () => Workspace): Lender {
  let reusable: Workspace | undefined;
  let busy = false;
  return {
    acquire() {
      if (busy) return create();
      busy = true;
      if (reusable === undefined) reusable = create();
      return reusable;
    },
    release(workspace) {
      if (workspace === reusable) busy = false;
    },
  };
}
