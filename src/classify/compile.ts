import { checkConfigInput, type ParseConfigOptions } from '../config/safeParseConfig';
import { configHash } from '../config/seal';
import { defaultOperators } from '../dsl/operators';
import { ConfigError } from '../schema/ConfigError';
import type { Classifier } from './Classifier';
import { compileClassifier } from './compileClassifier';

/**
 * Validates, lints and compiles a config into a {@link Classifier}. The JSON is read once; the
 * classifier's hot path never looks at it again.
 *
 * @param input - a config (parsed JSON or a preset)
 * @param options - operator table and limits
 * @returns a classifier
 * @throws {ConfigError} listing every issue when the config is invalid
 *
 * @example
 * const classifier = compile(presets.saas);
 * classifier.classify({ events: [{ type: 'newsletter_signup', at: '2026-06-01' }] }, { asOf: '2026-06-30' }).stage;
 * //=> 'SAL'
 */
export function compile(input: unknown, options: ParseConfigOptions = {}): Classifier {
  const parsed = checkConfigInput(input, options);
  if (!parsed.success) throw new ConfigError(parsed.issues);
  const config = parsed.config;
  return compileClassifier(config, options.operators ?? defaultOperators, configHash(config));
}
