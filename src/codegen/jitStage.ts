import type { Budget } from '../dsl/budget';
import { DataError } from '../internal/codegen/code';
import type { Config } from '../schema/config';
import { type GeneratedStage, generateStageFunction } from './generateModule';
import * as helpers from './runtime';

/**
 * A config's `stage()` generated and loaded with `new Function`, the helpers passed in as an argument;
 * `undefined` where the platform forbids code from strings (a CSP without `unsafe-eval`, edge runtimes:
 * an `EvalError`), so the caller keeps the closures.
 */
export function jitStage(config: Config, budget: Readonly<Required<Budget>>): GeneratedStage | undefined {
  // an account config's stage needs its members: classifyAccount's closures run it
  if (config.level === 'account') return undefined;
  let source: string;
  try {
    source = generateStageFunction(config, budget);
  } catch (error) {
    // a config built in code may hold what JSON cannot (an undefined in a list): the closures run it
    if (error instanceof DataError) return undefined;
    throw error;
  }
  let factory: (h: typeof helpers) => GeneratedStage;
  try {
    factory = new Function('h', source) as (h: typeof helpers) => GeneratedStage;
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
  return factory(helpers);
}
