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
 * @internal Refuses a classifier that does not carry its config where more than its `stage()` and
 * `classify()` is needed — the config's stages, follow-ups, examples: a generated module's classifier
 * (`leadstage build`, `generateModule`: `mode: 'aot'`) or any object shaped like a classifier without one.
 * Checked up front: such a classifier would fail part-way through a batch.
 * @throws {TypeError} naming `where` and what to pass instead
 */
export function requireCompiled(classifier: Classifier, where: string): void {
  const config = (classifier as { readonly config?: { readonly stages?: unknown } }).config;
  if (config !== null && typeof config === 'object' && Array.isArray(config.stages)) return;
  const mode = (classifier as { readonly mode?: unknown }).mode;
  throw new TypeError(
    `${where}: expected a classifier from compile(config) or the config itself, received ${
      mode === 'aot'
        ? "a generated module's classifier (mode 'aot'), which holds stage() and classify() only"
        : 'a classifier without its config'
    } — not the config's stages, follow-ups and work units this needs`,
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
