import { jitStage } from '../codegen/jitStage';
import type { TypedConfig } from '../config/defineConfig';
import { checkConfigInput, type ParseConfigOptions } from '../config/safeParseConfig';
import { configHash } from '../config/seal';
import { readBudget } from '../dsl/budget';
import { defaultOperators } from '../dsl/operators';
import { makeIssue } from '../internal/issues';
import { ConfigError } from '../schema/ConfigError';
import type { Classifier } from './Classifier';
import { compileClassifier, withGeneratedStage } from './compileClassifier';
import { runExample } from './exampleFailures';

/**
 * Validates, lints and compiles a config into a {@link Classifier}. The JSON is read once; the
 * classifier's hot path never looks at it again.
 *
 * @param input - a config (parsed JSON or a preset)
 * @param options - operator table, limits and work `budget`; `examples: true` also runs the config's examples
 * @returns a classifier
 * @throws {ConfigError} listing every issue when the config is invalid (or, with `examples: true`, every
 *   example that fails, code `example_failed`; `too_costly` when its worst case per lead is over the budget)
 * @throws {TypeError} when `options.budget` is not an object of whole numbers of work units
 *
 * @example
 * const classifier = compile(presets.saas);
 * classifier.classify({ events: [{ type: 'newsletter_signup', at: '2026-06-01' }] }, { asOf: '2026-06-30' }).stage;
 * //=> 'SAL'
 *
 * @category Classify
 */
export function compile<const Criteria extends string, const Stages extends string>(
  input: TypedConfig<Criteria, Stages>,
  options?: ParseConfigOptions,
): Classifier<Stages>;
export function compile(input: unknown, options?: ParseConfigOptions): Classifier;
export function compile(input: unknown, options: ParseConfigOptions = {}): Classifier {
  const budget = readBudget(options.budget, 'compile: options.budget');
  const parsed = checkConfigInput(input, options);
  if (!parsed.success) throw new ConfigError(parsed.issues);
  const config = parsed.config;
  let classifier = compileClassifier(
    config,
    options.operators ?? defaultOperators,
    configHash(config),
    budget,
  );
  if (
    options.codegen === true &&
    (options.operators === undefined || options.operators === defaultOperators)
  ) {
    // generated code knows the built-in operators only; a table of your own keeps the closures
    const generated = jitStage(config, budget, classifier.hash);
    if (generated !== undefined) classifier = withGeneratedStage(classifier, generated);
  }
  if (options.examples === true) {
    const issues = (config.examples ?? []).flatMap((example, index) => {
      const { failures } = runExample(classifier, example);
      return failures.length === 0
        ? []
        : [
            makeIssue({
              code: 'example_failed',
              path: ['examples', index],
              problem: `example "${example.name}" fails: ${failures.join('; ')}`,
            }),
          ];
    });
    if (issues.length > 0) throw new ConfigError(issues);
  }
  return classifier;
}
