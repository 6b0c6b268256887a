import {
  type CompiledReading,
  DEFAULT_READING,
  readBoolean,
  readInstant,
  readNumber,
} from '../internal/read';
import { BUDGET_EXCEEDED, DEFAULT_BUDGET } from './budget';
import type { OperatorContext } from './operatorTests';
import type { LeadMemo, Workspace } from './workspace';

/** Named criterion statuses and scores, for conditions evaluated outside a classifier. */
export interface EvalInputs {
  readonly criteria?: Readonly<Record<string, 'met' | 'unmet' | 'unknown'>>;
  readonly scores?: Readonly<Record<string, number>>;
}

const EMPTY_INPUTS: EvalInputs = Object.freeze({});

/** The most flags one result carries: a lead of a million broken events is flagged, not amplified. */
export const MAX_FLAGS = 100;
export const FLAGS_TRUNCATED = 'flags_truncated';

/**
 * Per-evaluation state: the lead, the instant, the workspace lent for it (memo, event tally, score
 * sums) and the data-quality flags raised. Criteria and scores are resolved through the slots a
 * classifier fills in, or from `inputs` outside one.
 */
export class EvalContext implements OperatorContext {
  lead: unknown;
  asOf: number;
  /** Flags in insertion order; a Set so repeated reads flag once. */
  flags: Set<string> | undefined;
  readonly workspace: Workspace;
  /** The workspace's memo, and this evaluation's stamp in it. */
  readonly memo: LeadMemo;
  generation: number;
  /** Whether the workspace's event tally holds this lead's events yet (see `EventPlan.tally`). */
  tallied = false;
  /**
   * Stage-only evaluation: each event condition scans the events for itself and stops once decided,
   * instead of the one pass that fills the tally for every consumer (see `EventPlan.count`).
   */
  lazyEvents = false;
  /**
   * The work units this evaluation may still spend (see `Budget`); below zero it is over, and the loops
   * that meter it (events, `where` tests, keyword lists) give up: what they decide reads `unknown`.
   */
  budget: number = DEFAULT_BUDGET.classify;
  readonly inputs: EvalInputs;
  /** How lead values are read: the config's `read` settings, or the defaults. */
  readonly reading: CompiledReading;

  constructor(
    lead: unknown,
    asOf: number,
    workspace: Workspace,
    inputs: EvalInputs = EMPTY_INPUTS,
    reading: CompiledReading = DEFAULT_READING,
  ) {
    this.lead = lead;
    this.asOf = asOf;
    this.workspace = workspace;
    this.memo = workspace.memo;
    this.generation = workspace.memo.next();
    this.inputs = inputs;
    this.reading = reading;
  }

  /**
   * Makes this context the context of another evaluation on the same workspace: a classifier keeps one
   * per workspace rather than allocating one per lead.
   */
  begin(lead: unknown, asOf: number, budget: number = DEFAULT_BUDGET.classify): void {
    this.lead = lead;
    this.budget = budget;
    this.asOf = asOf;
    this.generation = this.workspace.memo.next();
    this.flags = undefined;
    this.tallied = false;
    this.lazyEvents = false;
  }

  /** Flags a data problem once; past {@link MAX_FLAGS}, one `flags_truncated` stands for the rest. */
  flag(flag: string): void {
    if (this.flags === undefined) this.flags = new Set();
    if (this.flags.size < MAX_FLAGS) this.flags.add(flag);
    else if (!this.flags.has(flag)) this.flags.add(FLAGS_TRUNCATED);
  }

  /** Flags the evaluation as over its budget (what the loop that found it decides is unknown). */
  overBudget(): void {
    this.flag(BUDGET_EXCEEDED);
  }

  /**
   * A value read as an instant. With a `path`, an unreadable value is flagged `invalid_date:<path>`
   * (once: flags are a set). In a classifier each fact leaf is read and tested once per lead anyway.
   */
  instant(value: unknown, path: string | undefined): number {
    const instant = readInstant(value, this.reading);
    if (path !== undefined && Number.isNaN(instant)) this.flag(`invalid_date:${path}`);
    return instant;
  }

  number(value: unknown): number {
    return readNumber(value, this.reading);
  }

  boolean(value: unknown): boolean | undefined {
    return readBoolean(value, this.reading);
  }
}
