import type { Config } from '../schema/config';
import type { Classification } from '../schema/result';

/** Options of `classify` and {@link Classifier.classify}. */
export interface ClassifyOptions {
  /** The instant to classify at: a `Date`, an ISO 8601 string or epoch ms. Required: leadstage never reads the clock. */
  readonly asOf: Date | string | number;
  /** The language of labels, hints and actions in the result (`en`, `it`, …). Default `en`. */
  readonly locale?: string;
}

/**
 * A config compiled once into closures; classify as many leads as you like with it. `Stage` is the
 * union of its stage ids when the config was written with `defineConfig`.
 */
export interface Classifier<Stage extends string = string> {
  /** The validated config it was compiled from. */
  readonly config: Config;
  /** Stable hash of the config, independent of key order (also in every result). */
  readonly hash: string;
  /**
   * Classifies one lead. Never throws on lead data.
   * @throws {TypeError} when `asOf` is missing or invalid
   */
  classify(lead: unknown, options: ClassifyOptions): Classification<Stage>;
}
