import { type Status, statusName } from '../internal/status';
import { readAsOf } from '../internal/time';
import type { FactDeclaration, ReadingInput } from '../schema/reading';
import { compileEvaluator, inputEnvironment } from './compileEvaluator';
import { EvalContext, type EvalInputs } from './context';
import { compileFactReadings } from './factReading';
import { type ParseConditionOptions, parseCondition } from './parseCondition';
import { createLender, Workspace } from './workspace';

/**
 * Options of {@link compileCondition}: those of `parseCondition`, and how lead values are read.
 *
 * @category Configs
 */
export interface CompileConditionOptions extends ParseConditionOptions {
  /** How lead values are read: decimal separator, placeholders, boolean words, date format. */
  readonly read?: ReadingInput;
  /** Custom facts with their type and reading, as in a config's `facts`. */
  readonly facts?: Readonly<Record<string, FactDeclaration>>;
}

/**
 * Options of {@link CompiledCondition.evaluate}.
 *
 * @category Configs
 */
export interface EvaluateOptions extends EvalInputs {
  /** The instant to evaluate at: a `Date`, an ISO 8601 string or epoch milliseconds. Required. */
  readonly asOf: Date | string | number;
}

/**
 * The result of {@link CompiledCondition.evaluate}.
 *
 * @category Configs
 */
export interface EvaluateResult {
  readonly status: Status;
  /** Data-quality flags raised while reading the lead, e.g. `invalid_date:timeline.purchaseBy`. */
  readonly flags: readonly string[];
}

/**
 * A condition compiled once into closures, to evaluate against many leads.
 *
 * @category Configs
 */
export interface CompiledCondition {
  /**
   * Evaluates the condition for one lead. Never throws on lead data.
   * @throws {TypeError} when `asOf` is missing or invalid
   */
  evaluate(lead: unknown, options: EvaluateOptions): EvaluateResult;
}

/**
 * Validates a condition and compiles it into closures. Criteria and scores it names are read from
 * `criteria` and `scores` passed to `evaluate` (inside a config, the classifier supplies them).
 *
 * @param input - the condition as parsed JSON
 * @param options - operator table, limits, a path prefix for issues, and how values are read
 * @returns a {@link CompiledCondition}
 * @throws {ConfigError} listing every issue when the condition is invalid
 *
 * @example
 * const recentDemo = compileCondition({ event: 'demo_completed', withinLast: { days: 60 } });
 * recentDemo.evaluate({ events: [{ type: 'demo_completed', at: '2026-06-01' }] }, { asOf: '2026-06-30' }).status;
 * //=> 'met'
 * recentDemo.evaluate({}, { asOf: '2026-06-30' }).status;
 * //=> 'unknown'
 *
 * @category Configs
 */
export function compileCondition(input: unknown, options: CompileConditionOptions = {}): CompiledCondition {
  const condition = parseCondition(input, options);
  const readings = compileFactReadings(options.read, options.facts);
  const environment = inputEnvironment(options.operators, readings);
  const evaluator = compileEvaluator(condition, environment);
  const { shared } = environment;
  const lender = createLender(() => new Workspace(shared.slots, shared.plan.size, 0));
  return {
    evaluate(lead, evaluateOptions) {
      const asOf = readAsOf(evaluateOptions?.asOf);
      const workspace = lender.acquire();
      try {
        const context = new EvalContext(lead, asOf, workspace, evaluateOptions, readings.global);
        const status = statusName(evaluator(context));
        return { status, flags: context.flags === undefined ? [] : [...context.flags] };
      } finally {
        lender.release(workspace);
      }
    },
  };
}
