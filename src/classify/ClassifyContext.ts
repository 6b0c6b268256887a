import type { Evaluator } from '../dsl/compileEvaluator';
import { EvalContext } from '../dsl/context';
import type { Workspace } from '../dsl/workspace';
import type { CompiledReading } from '../internal/read';
import type { Tri } from '../internal/status';
import type { ScoreLead, ScoreResult } from '../scoring/compileScoring';

/** What a classifier's context needs of the compiled config. */
export interface ContextSource {
  readonly criteria: readonly Evaluator[];
  /** The memo slot of each criterion's status. */
  readonly criterionSlots: Int32Array;
  readonly scoring: ScoreLead;
}

/** Scores while they are being computed: every score reads as unknown. */
const PENDING: ScoreResult = Object.freeze({
  scores: Object.freeze({}) as ScoreResult['scores'],
  ledger: [],
});

/**
 * The context of one classification: each criterion is evaluated at most once (a criterion used by
 * three stages and a scoring rule costs one evaluation), and the scores are computed at most once.
 */
export class ClassifyContext extends EvalContext {
  private readonly source: ContextSource;
  /** Rule labels in the locale asked for, by rule index: the ledger's labels. */
  private ruleLabels: ReadonlyArray<string | undefined>;
  private scoreResult: ScoreResult | undefined;

  constructor(
    lead: unknown,
    asOf: number,
    workspace: Workspace,
    source: ContextSource,
    ruleLabels: ReadonlyArray<string | undefined>,
    reading: CompiledReading,
  ) {
    super(lead, asOf, workspace, undefined, reading);
    this.source = source;
    this.ruleLabels = ruleLabels;
  }

  /** Starts another classification in this context (see `EvalContext.begin`). */
  restart(lead: unknown, asOf: number, ruleLabels: ReadonlyArray<string | undefined>, budget: number): this {
    this.begin(lead, asOf, budget);
    this.ruleLabels = ruleLabels;
    this.scoreResult = undefined;
    return this;
  }

  criterion(index: number): Tri {
    const memo = this.memo;
    const slot = this.source.criterionSlots[index] as number;
    if (memo.stamps[slot] === this.generation) return memo.statuses[slot] as Tri;
    const status = (this.source.criteria[index] as Evaluator)(this);
    memo.stamps[slot] = this.generation;
    memo.statuses[slot] = status;
    return status;
  }

  scores(): ScoreResult {
    if (this.scoreResult === undefined) {
      // the lint refuses scores that depend on themselves; this guard keeps a slip from recursing forever
      this.scoreResult = PENDING;
      this.scoreResult = this.source.scoring(this, this.ruleLabels);
    }
    return this.scoreResult;
  }
}
