import type { Evaluator } from '../dsl/buildEvaluator';
import { EvalContext, type EventList } from '../internal/context';
import type { Tri } from '../internal/status';
import type { RuleLabels, ScoreResult } from '../scoring/compileScoring';

/** What a classifier's context needs of the compiled config. */
export interface ContextSource {
  readonly criteria: readonly Evaluator[];
  readonly scoring: (context: EvalContext) => ScoreResult;
  /** Reusable event lists, one per event type the config reads. */
  readonly eventLists: Map<string, EventList>;
}

const NOT_YET = -1;
/** Scores while they are being computed: every score reads as unknown. */
const PENDING: ScoreResult = Object.freeze({
  scores: Object.freeze({}) as ScoreResult['scores'],
  ledger: [],
});

/**
 * The context of one classification: each criterion is evaluated at most once (a criterion used by
 * three stages and a scoring rule costs one evaluation), and the scores are computed at most once.
 */
export class ClassifyContext extends EvalContext implements RuleLabels {
  /** Rule labels in the locale asked for, by rule index (read by the scoring). */
  ruleLabels: ReadonlyArray<string | undefined> | undefined;
  private readonly source: ContextSource;
  private readonly statuses: Int8Array;
  private scoreResult: ScoreResult | undefined;

  constructor(lead: unknown, asOf: number, source: ContextSource) {
    super(lead, asOf, undefined, source.eventLists);
    this.source = source;
    this.statuses = new Int8Array(source.criteria.length).fill(NOT_YET);
  }

  criterion(index: number): Tri {
    const known = this.statuses[index] as number;
    if (known !== NOT_YET) return known as Tri;
    const status = (this.source.criteria[index] as Evaluator)(this);
    this.statuses[index] = status;
    return status;
  }

  scores(): ScoreResult {
    if (this.scoreResult === undefined) {
      // the lint refuses scores that depend on themselves; this guard keeps a slip from recursing forever
      this.scoreResult = PENDING;
      this.scoreResult = this.source.scoring(this);
    }
    return this.scoreResult;
  }
}
