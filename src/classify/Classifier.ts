import type { Budget } from '../dsl/budget';
import type { Config } from '../schema/config';
import type { Classification, Detail, StatusClassification } from '../schema/result';

/**
 * Options of `classify` and {@link Classifier.classify}.
 *
 * @category Classify
 */
export interface ClassifyOptions {
  /** The instant to classify at: a `Date`, an ISO 8601 string or epoch ms. Required: leadstage never reads the clock. */
  readonly asOf: Date | string | number;
  /** The language of labels, hints and actions in the result (`en`, `it`, …). Default `en`. */
  readonly locale?: string;
  /**
   * How much the result says: `'full'` (default) or `'statuses'` — the stage, scores, every criterion's
   * and stage's status and the next stage's blockers by id, without facts, labels, hints, ledger or
   * actions; about twice as fast to build and a quarter of the memory to keep (see docs/performance.md).
   */
  readonly detail?: Detail;
}

/**
 * How a classifier runs: compiled closures, code generated at run time (`compile(config, { codegen: true })`),
 * or a module generated ahead of time (`'aot'`: `leadstage build`, `generateModule`, whose `classifier`
 * answers `stage()` and `classify()` only).
 *
 * @category Classify
 */
export type ClassifierMode = 'closures' | 'jit' | 'aot';

/**
 * Options of {@link Classifier.stage}.
 *
 * @category Classify
 */
export interface StageOptions {
  /** The instant to classify at: a `Date`, an ISO 8601 string or epoch ms. Required. */
  readonly asOf: Date | string | number;
}

/**
 * A config compiled once into closures; classify as many leads as you like with it. `Stage` is the
 * union of its stage ids when the config was written with `defineConfig`.
 *
 * @category Classify
 */
export interface Classifier<Stage extends string = string> {
  /**
   * How it runs: `'closures'`, or `'jit'` when compiled with `{ codegen: true }` on a platform that allows
   * `new Function` (then `stage()`, `detail: 'statuses'` and full results run generated code; see
   * docs/performance.md).
   */
  readonly mode: ClassifierMode;
  /** The validated config it was compiled from. */
  readonly config: Config;
  /** Stable hash of the config, independent of key order (also in every result). */
  readonly hash: string;
  /** The work one lead may cause, in units, per call (`compile(config, { budget })`; see `Budget`). */
  readonly budget: Readonly<Required<Budget>>;
  /**
   * Classifies one lead, with `detail: 'statuses'`: every status and score, blockers by id, no texts.
   * Never throws on lead data.
   * @throws {TypeError} when `asOf` is missing or invalid, or `detail` is not `'full'` or `'statuses'`
   */
  classify(
    lead: unknown,
    options: ClassifyOptions & { readonly detail: 'statuses' },
  ): StatusClassification<Stage>;
  /**
   * Classifies one lead: the full result (the default). Never throws on lead data.
   * @throws {TypeError} when `asOf` is missing or invalid
   */
  classify(lead: unknown, options: ClassifyOptions & { readonly detail?: 'full' }): Classification<Stage>;
  /**
   * Classifies one lead at the detail level `options.detail` says. Never throws on lead data.
   * @throws {TypeError} when `asOf` is missing or invalid, or `detail` is not `'full'` or `'statuses'`
   */
  classify(lead: unknown, options: ClassifyOptions): Classification<Stage> | StatusClassification<Stage>;
  /**
   * The lead's stage id and nothing else: stages are evaluated top down and the first met wins, so a
   * knock-out stops at once, as hand-written code would. Same stage as `classify`; no flags, no scores
   * beyond those a stage reads. Never throws on lead data.
   * @throws {TypeError} when `asOf` is missing or invalid
   */
  stage(lead: unknown, options: StageOptions): Stage;
}
