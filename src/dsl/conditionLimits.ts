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

/**
 * The most members one account is classified with: past it, the first ones (in the order given) are kept
 * and the result is flagged `members_truncated`. A buying group is a handful of people; an account's
 * contacts in a CRM a few hundred at most.
 *
 * @example
 * MAX_MEMBERS;
 * //=> 1000
 *
 * @category Accounts
 */
export const MAX_MEMBERS = 1000;
