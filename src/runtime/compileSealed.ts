import type { Classifier } from '../classify/Classifier';
import { compileClassifier } from '../classify/compileClassifier';
import { checkSeal, configHash } from '../config/seal';
import { type Budget, readBudget } from '../dsl/budget';
import { defaultOperatorTests, type OperatorTests } from '../dsl/operatorTests';
import { isObject } from '../internal/isObject';
import { describeValue, makeIssue } from '../internal/issues';
import { ConfigError } from '../schema/ConfigError';
import type { Config } from '../schema/config';
import { checkSealedStructure } from './checkSealed';

/**
 * Options of {@link compileSealed}.
 *
 * @category Runtime
 */
export interface CompileSealedOptions {
  /** The run-time operator table; must match the table the config was sealed with. Default: the built-ins. */
  readonly operators?: OperatorTests;
  /** The work one lead may cause per call, in units (see `Budget`); defaults in `DEFAULT_BUDGET`. */
  readonly budget?: Budget;
}

/**
 * Compiles a config sealed by `sealConfig` (from `leadstage`, at build time) into a
 * {@link Classifier}, without validating it again: this is what keeps `leadstage/runtime` small for
 * browsers and edge functions. It checks the seal — a config that was never sealed, or changed after
 * sealing, is refused — then compiles exactly as `compile` does; results are identical.
 *
 * @param config - a sealed config (the parsed JSON `sealConfig` wrote)
 * @param options - the run-time operator table, if the config was sealed with a custom one
 * @returns a classifier
 * @throws {ConfigError} `unsealed_config` without a `$seal`, `stale_seal` when the content changed,
 *   `invalid_sealed_config` when the sealed content is malformed (a forged seal: see docs/security.md)
 * @throws {TypeError} when `options.budget` is not an object of whole numbers of work units
 *
 * @example
 * import { compileSealed } from 'leadstage/runtime';
 * import sealed from './saas.sealed.json'; // written at build time by sealConfig(presets.saas)
 * const classifier = compileSealed(sealed);
 * classifier.classify({ events: [{ type: 'webinar_attended', at: '2026-06-10' }] }, { asOf: '2026-06-30' }).stage;
 * //=> 'SAL'
 * compileSealed({ ...sealed, id: 'edited' });
 * //=> throws ConfigError: $seal: the config changed after it was sealed
 *
 * @category Runtime
 */
export function compileSealed(config: unknown, options: CompileSealedOptions = {}): Classifier {
  if (!isObject(config) || config.$seal === undefined) {
    const issue = {
      code: 'unsealed_config' as const,
      expected: 'a config sealed by sealConfig',
      fix: "seal it at build time with sealConfig from 'leadstage', or use compile from 'leadstage', which checks it at run time",
    };
    throw new ConfigError([
      isObject(config)
        ? makeIssue({ ...issue, path: ['$seal'], problem: 'missing' })
        : makeIssue({ ...issue, path: [], problem: 'not a config', received: describeValue(config) }),
    ]);
  }
  const hash = configHash(config);
  const stale = checkSeal(config.$seal, hash);
  if (stale !== undefined) throw new ConfigError([stale]);
  // the seal proves the content is unchanged, not that it was ever valid (anyone can compute it)
  const malformed = checkSealedStructure(
    config,
    options.operators === undefined ? undefined : Object.keys(options.operators),
  );
  if (malformed !== undefined) throw new ConfigError([malformed]);
  const budget = readBudget(options.budget, 'compileSealed: options.budget');
  let classifier: Classifier;
  try {
    classifier = compileClassifier(config as Config, options.operators ?? defaultOperatorTests, hash, budget);
    // a lead with nothing, and one with an event: what every config must classify without throwing
    classifier.classify({}, { asOf: 0 });
    classifier.classify({ events: [{ type: 'x', at: 0 }] }, { asOf: 0 });
  } catch (error) {
    throw new ConfigError([
      makeIssue({
        code: 'invalid_sealed_config',
        path: [],
        problem: `it cannot be compiled (${error instanceof Error ? error.message : String(error)})`,
        expected: 'a config compile accepts, sealed by sealConfig',
        fix: 'seal it from a config that compile accepts',
      }),
    ]);
  }
  return classifier;
}
