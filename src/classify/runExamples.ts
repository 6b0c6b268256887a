import type { ParseConfigOptions } from '../config/safeParseConfig';
import type { ConfigExample } from '../schema/config';
import { toClassifier } from './classify';
import { runExample } from './exampleFailures';
import { requireCompiled } from './resolveClassifier';

/**
 * One example's outcome.
 *
 * @category Classify
 */
export interface ExampleResult {
  readonly name: string;
  readonly passed: boolean;
  /** The stage the example lead got. */
  readonly stage: string;
  readonly expected: ConfigExample['expect'];
  /** What differed, one line each: `stage: expected "SQO", got "SAL"`. */
  readonly failures: readonly string[];
}

/**
 * The result of {@link runExamples}.
 *
 * @category Classify
 */
export interface RunExamplesResult {
  readonly passed: boolean;
  readonly results: readonly ExampleResult[];
}

/**
 * Runs the `examples` embedded in a config and reports each as passed or failed, with the stage it
 * got: configs carry their own tests. Scores match within 0.01. A failure says why: for a wrong stage,
 * the criteria not met and the lead's data flags (an unreadable date is a common cause).
 *
 * @param configOrClassifier - a config with `examples`, or a classifier compiled from one
 * @param options - operator table and limits, when given a config
 * @returns every example's outcome, and whether all passed
 * @throws {ConfigError} when the config is invalid
 *
 * @example
 * runExamples(presets.saas).passed;
 * //=> true
 *
 * @category Classify
 */
export function runExamples(
  configOrClassifier: unknown,
  options: ParseConfigOptions = {},
): RunExamplesResult {
  const classifier = toClassifier(configOrClassifier, options);
  requireCompiled(classifier, 'runExamples');
  const results = (classifier.config.examples ?? []).map((example): ExampleResult => {
    const { result, failures } = runExample(classifier, example);
    return {
      name: example.name,
      passed: failures.length === 0,
      stage: result.stage,
      expected: example.expect,
      failures,
    };
  });
  return { passed: results.every((result) => result.passed), results };
}
