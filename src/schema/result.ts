import type { Status } from '../internal/status';

/**
 * A fact a criterion read: its path, the value found (absent if none) and what was expected.
 *
 * @category Classify
 */
export interface CriterionFact {
  readonly path: string;
  readonly value?: unknown;
  readonly expected?: unknown;
}

/**
 * One criterion's outcome for a lead, with what it read.
 *
 * @category Classify
 */
export interface CriterionResult {
  readonly status: Status;
  readonly label: string;
  readonly dimension?: string;
  readonly hint?: string;
  readonly facts: readonly CriterionFact[];
  /** `true` for a knock-out: a criterion only exit stages (disqualified, recycled) refer to. */
  readonly knockOut?: true;
}

/**
 * Something that keeps the lead from the next stage, and what to collect to decide it.
 *
 * @category Classify
 */
export interface Blocker {
  readonly criterion?: string;
  readonly label: string;
  readonly status: 'unmet' | 'unknown';
  readonly hint?: string;
  /** Fact paths to collect or check (`budget.amount`, `events[demo_completed]`). */
  readonly facts: readonly string[];
  /**
   * What to call each of `facts`, in the result's locale, when the config labels some of them (`facts` and
   * `events` declarations with a `label`); a fact without a label is its path here.
   */
  readonly labels?: readonly string[];
}

/**
 * The nearest rung above the lead's stage and what blocks it.
 *
 * @category Classify
 */
export interface NextStage {
  readonly stage: string;
  readonly label: string;
  readonly status: 'unmet' | 'unknown';
  /** What to change or ask now: each could help reach the stage. */
  readonly blockers: readonly Blocker[];
  /**
   * Unknowns that cannot reach the stage on their own while the blockers are unmet (the stage is
   * `unmet` whatever they turn out to be): ask them once the blockers change. Present only when there are some.
   */
  readonly later?: readonly Blocker[];
}

/**
 * One line of the score: a rule's points (or a cap's correction, `cap:<group>` / `cap:total`).
 *
 * @category Classify
 */
export interface LedgerEntry {
  readonly rule: string;
  readonly label?: string;
  readonly group?: string;
  readonly points: number;
  /** How many events the rule counted. */
  readonly events?: number;
}

/**
 * The result of classifying one lead: plain JSON (no `Date`, no class instances), so a service can
 * return it as is.
 *
 * @category Classify
 */
export interface Classification<Stage extends string = string> {
  readonly leadId?: string;
  /** The stage id: a literal union for configs written with `defineConfig`. */
  readonly stage: Stage;
  readonly stageLabel: string;
  readonly asOf: string;
  /** The locale labels, hints and actions were asked in (`en` by default); `explain` writes in it too. */
  readonly locale: string;
  readonly config: { readonly id: string; readonly version: 1; readonly hash: string };
  readonly scores: { readonly total: number } & Readonly<Record<string, number>>;
  /**
   * The fit × engagement grade (`'A1'` … `'D4'`) from two scores and the config's `grades`; present only
   * when the config has `grades`.
   */
  readonly grade?: string;
  readonly criteria: Readonly<Record<string, CriterionResult>>;
  readonly stages: ReadonlyArray<{ readonly id: string; readonly status: Status; readonly exit?: true }>;
  readonly next?: NextStage;
  readonly ledger: readonly LedgerEntry[];
  readonly actions: readonly string[];
  readonly followUpBy?: string;
  /**
   * When the lead entered its current stage, replayed from its events: present only when a batch asked
   * for `followUpFrom: 'stage-entry'` and the stage has a follow-up (`classifyMany`, `classifyStream`).
   */
  readonly stageSince?: string;
  /**
   * What `followUpBy` counts from: `'stage-entry'` (`stageSince` + the stage's `followUp.within`) or
   * `'as-of'` (`asOf` + it, what `classify` always does). Present only when a batch asked for `followUpFrom`.
   */
  readonly followUpFrom?: 'as-of' | 'stage-entry';
  readonly flags: readonly string[];
}

/**
 * How much a classification says: `full` (the default: every fact read, hints, labels, the ledger,
 * actions) or `statuses` (every status and score, what blocks the next stage by id, nothing else).
 *
 * @category Classify
 */
export type Detail = 'full' | 'statuses';

/**
 * A blocker as `detail: 'statuses'` reports it: the criterion's id (or the test's label) and its status.
 *
 * @category Classify
 */
export interface BlockerStatus {
  readonly criterion?: string;
  /** Present for a test that is not a criterion (`events[demo_completed] …`): what `full` calls its label. */
  readonly label?: string;
  readonly status: 'unmet' | 'unknown';
}

/**
 * The next stage as `detail: 'statuses'` reports it.
 *
 * @category Classify
 */
export interface NextStageStatus {
  readonly stage: string;
  readonly status: 'unmet' | 'unknown';
  readonly blockers: readonly BlockerStatus[];
  readonly later?: readonly BlockerStatus[];
}

/**
 * The result of `classify` with `detail: 'statuses'`: the stage, the scores, every criterion's and stage's
 * status and what blocks the next stage, and nothing a person reads (no labels, hints, facts, ledger or
 * actions). Every field it has holds what the full {@link Classification} holds there; it is lighter to
 * build and to keep (a batch of a million), and `summarize` needs nothing more.
 *
 * @category Classify
 */
export interface StatusClassification<Stage extends string = string> {
  readonly detail: 'statuses';
  readonly leadId?: string;
  readonly stage: Stage;
  readonly asOf: string;
  readonly config: { readonly id: string; readonly version: 1; readonly hash: string };
  readonly scores: { readonly total: number } & Readonly<Record<string, number>>;
  /** As in {@link Classification}: present only when the config has `grades`. */
  readonly grade?: string;
  readonly criteria: Readonly<Record<string, { readonly status: Status }>>;
  readonly stages: ReadonlyArray<{ readonly id: string; readonly status: Status; readonly exit?: true }>;
  readonly next?: NextStageStatus;
  readonly followUpBy?: string;
  /**
   * When the lead entered its current stage, replayed from its events: present only when a batch asked
   * for `followUpFrom: 'stage-entry'` and the stage has a follow-up (`classifyMany`, `classifyStream`).
   */
  readonly stageSince?: string;
  /**
   * What `followUpBy` counts from: `'stage-entry'` (`stageSince` + the stage's `followUp.within`) or
   * `'as-of'` (`asOf` + it, what `classify` always does). Present only when a batch asked for `followUpFrom`.
   */
  readonly followUpFrom?: 'as-of' | 'stage-entry';
  readonly flags: readonly string[];
}
