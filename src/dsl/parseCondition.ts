import type { Issue, IssuePath } from '../internal/issues';
import { ConfigError } from '../schema/ConfigError';
import type { Condition } from '../schema/condition';
import { checkCondition, createCheckState } from './checkCondition';
import type { ConditionLimits } from './conditionLimits';
import { defaultOperators, type OperatorTable } from './operators';

/**
 * Options of {@link parseCondition} and {@link safeParseCondition}.
 *
 * @category Configs
 */
export interface ParseConditionOptions extends ConditionLimits {
  /** The operator table; defaults to the frozen {@link defaultOperators}. */
  readonly operators?: OperatorTable;
  /** Where the condition sits in a larger document, to prefix issue paths. Default: the root. */
  readonly path?: IssuePath;
}

/**
 * The result of {@link safeParseCondition}.
 *
 * @category Configs
 */
export type SafeParseConditionResult =
  | { readonly success: true; readonly condition: Condition; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Checks a condition written in JSON against the DSL and reports **every** issue, never throwing.
 *
 * @param input - the condition as parsed JSON
 * @param options - operator table, limits and a path prefix for issues
 * @returns `{ success: true, condition }` or `{ success: false, issues }`
 *
 * @example
 * safeParseCondition({ fact: 'budget.amount', 'gt=': 5 }).issues[0].message
 * //=> '(root): unknown operator "gt="; expected one of eq, ne, gt, … (did you mean "gt"?)'
 *
 * @category Configs
 */
export function safeParseCondition(
  input: unknown,
  options: ParseConditionOptions = {},
): SafeParseConditionResult {
  const state = createCheckState(options.operators ?? defaultOperators, options);
  checkCondition(input, options.path ?? [], state);
  return state.issues.length === 0
    ? { success: true, condition: input as Condition, issues: [] }
    : { success: false, issues: state.issues };
}

/**
 * Checks a condition written in JSON against the DSL.
 *
 * @param input - the condition as parsed JSON
 * @param options - operator table, limits and a path prefix for issues
 * @returns the same value, typed as a {@link Condition}
 * @throws {ConfigError} listing every issue when the condition is invalid
 *
 * @example
 * parseCondition({ fact: 'budget.amount', gte: 10000 });
 * //=> { fact: 'budget.amount', gte: 10000 }
 *
 * @category Configs
 */
export function parseCondition(input: unknown, options: ParseConditionOptions = {}): Condition {
  const result = safeParseCondition(input, options);
  if (!result.success) throw new ConfigError(result.issues, 'condition');
  return result.condition;
}
