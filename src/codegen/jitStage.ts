import type { Budget } from '../dsl/budget';
import { DataError } from '../internal/codegen/code';
import type { Config } from '../schema/config';
import { type GeneratedLevels, generateLevelsFunction } from './generateModule';
import { UnsupportedError } from './generateStage';
import * as helpers from './runtime';

/**
 * A config's `stage()` and `'statuses'` level generated and loaded with `new Function`, the helpers passed
 * in as an argument; `undefined` where the platform forbids code from strings (a CSP without
 * `unsafe-eval`, edge runtimes: an `EvalError`) or the config holds what the generator does not know, so
 * the caller keeps the closures.
 */
export function jitStage(
  config: Config,
  budget: Readonly<Required<Budget>>,
  hash: string,
): GeneratedLevels | undefined {
  // an account config's stage needs its members: classifyAccount's closures run it
  if (config.level === 'account') return undefined;
  let source: string;
  try {
    source = generateLevelsFunction(config, budget, hash);
  } catch (error) {
    // a config built in code may hold what JSON cannot (an undefined in a list), or a condition kind
    // newer than the generator: the closures run it
    if (error instanceof DataError || error instanceof UnsupportedError) return undefined;
    throw error;
  }
  let factory: (h: typeof helpers) => GeneratedLevels;
  try {
    factory = new Function('h', source) as (h: typeof helpers) => GeneratedLevels;
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
  return factory(helpers);
}
