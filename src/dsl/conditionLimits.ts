/**
 * Limits that keep a hostile or runaway config from exhausting the stack or memory.
 *
 * @category Configs
 */
export interface ConditionLimits {
  /** Deepest nesting of conditions (`all` inside `any` inside `not` …). Default 32. */
  readonly maxDepth?: number;
  /** Most condition objects in one config. Default 10 000. */
  readonly maxConditions?: number;
}

export const DEFAULT_LIMITS: Required<ConditionLimits> = Object.freeze({
  maxDepth: 32,
  maxConditions: 10_000,
});
