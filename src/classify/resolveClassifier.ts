import { cachedByIdentity } from '../internal/cachedByIdentity';
import type { Classifier } from './Classifier';

/** Whether a value is a compiled {@link Classifier} (rather than a config). */
export function isClassifier(value: unknown): value is Classifier {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Classifier).classify === 'function' &&
    'hash' in value
  );
}

/**
 * @internal A "config or classifier" resolver: a classifier as is; a config compiled once with
 * `compileConfig` and cached by the config object's identity.
 */
export function classifierResolver(
  compileConfig: (config: unknown) => Classifier,
): (configOrClassifier: unknown) => Classifier {
  const compileCached = cachedByIdentity(compileConfig);
  return (configOrClassifier) =>
    isClassifier(configOrClassifier) ? configOrClassifier : compileCached(configOrClassifier);
}
