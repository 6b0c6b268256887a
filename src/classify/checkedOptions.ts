import type { TypedConfig } from '../config/defineConfig';
import type { Classifier, ClassifyOptions } from './Classifier';

/**
 * A config (checked and compiled once, cached by identity) or a compiled classifier.
 *
 * @category Many leads
 */
export type ConfigOrClassifier<Stage extends string = string> =
  | TypedConfig<string, Stage>
  | Classifier<Stage>
  | object;

/**
 * The options checked once: a bad `asOf` or `detail` is a `TypeError` before the first lead, even for an
 * empty batch. @internal
 */
export function checkedOptions<Options extends ClassifyOptions>(
  classifier: Classifier,
  options: Options,
): Options {
  classifier.classify(undefined, options);
  return options;
}
