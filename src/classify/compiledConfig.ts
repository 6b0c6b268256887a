import type { Evaluator } from '../dsl/compileEvaluator';
import type { EvalContext } from '../dsl/context';
import type { LocalizedText } from '../internal/localize';
import type { BlockerStatus, Classification, CriterionFact, CriterionResult } from '../schema/result';
import type { GradeOf } from '../scoring/compileGrades';
import type { ScoreLead } from '../scoring/compileScoring';

/** A leaf a criterion reads, evaluated only when a result is built. */
export interface Probe {
  readonly path: string;
  readonly expected: unknown;
  /** The fact as reported when the lead has no value for it: frozen, shared by every result. */
  readonly absent: CriterionFact;
  readonly read: (context: EvalContext) => unknown;
  readonly evaluate: Evaluator;
}

/** A blocker node's `detail: 'statuses'` entry when unmet (0) and unknown (1): frozen, shared by every result. */
export type BriefBlockers = readonly [BlockerStatus, BlockerStatus];

/** A stage condition kept as a tree, to find what blocks it. */
export type StageTree =
  | { readonly kind: 'group'; readonly evaluate: Evaluator; readonly children: readonly StageTree[] }
  | {
      readonly kind: 'criterion';
      readonly evaluate: Evaluator;
      readonly index: number;
      readonly brief: BriefBlockers;
    }
  | {
      readonly kind: 'leaf';
      readonly evaluate: Evaluator;
      readonly label: string;
      readonly facts: readonly string[];
      readonly brief: BriefBlockers;
    };

/** One entry of `result.stages`. */
export type StageEntry = Classification['stages'][number];

/** A compiled criterion: what its result entry needs. Its status comes from `ClassifyContext.criterion`. */
export interface CompiledCriterion {
  readonly id: string;
  readonly label: LocalizedText;
  readonly dimension: string | undefined;
  readonly hint: LocalizedText | undefined;
  /** Named only by exit stages: a knock-out, reported apart from the qualification gaps. */
  readonly knockOut: boolean;
  readonly probes: readonly Probe[];
}

/** A compiled stage. */
export interface CompiledStage {
  readonly id: string;
  readonly label: LocalizedText;
  readonly exit: boolean;
  readonly evaluate: Evaluator;
  /** The stage's entry in `result.stages` for each status (by `Tri`), frozen and shared. */
  readonly entries: readonly [StageEntry, StageEntry, StageEntry];
  readonly tree: StageTree | undefined;
  /** `asOf + followUp.within` as ISO text, recomputed only when `asOf` changes. */
  readonly followUpBy: ((asOf: number) => string | undefined) | undefined;
  readonly actions: readonly LocalizedText[];
}

/** The compiled form of a config: what `buildResult` assembles a result from. */
export interface CompiledConfig {
  /** `{ id, version, hash }`, frozen and shared by every result. */
  readonly configRef: Classification['config'];
  readonly criteria: readonly CompiledCriterion[];
  /**
   * Every criterion id in config order, each holding a placeholder `buildResult` replaces: the result's
   * `criteria` starts as a copy of it, so every result's `criteria` has one shape.
   */
  readonly criteriaTemplate: Readonly<Record<string, CriterionResult>>;
  readonly scoring: ScoreLead;
  /** The lead's grade from its scores; `undefined` without `grades` (then results have no `grade`). */
  readonly grade: GradeOf | undefined;
  /** Rule labels by rule index. */
  readonly ruleLabels: ReadonlyArray<LocalizedText | undefined>;
  readonly stages: readonly CompiledStage[];
  /** Labels of declared facts (by path) and event types (by type), from `facts` and `events`. */
  readonly factLabels: ReadonlyMap<string, LocalizedText>;
  readonly eventLabels: ReadonlyMap<string, LocalizedText>;
}

export type { LocalizedTexts } from '../codegen/resultParts';
