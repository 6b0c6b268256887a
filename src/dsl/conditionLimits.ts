import { describeValue } from '../internal/issues';
/**
 * Limits that keep a hostile or runaway config from exhausting the stack or memory.
 *
 * @category Configs
 */
export interface ConditionLimits {
  /**
   * Deepest nesting of conditions (`all` inside `any` inside `not` …). Default 32, at most 1,000: the checks,
   * the compiler and the generator follow a condition's nesting, so deeper would be a stack overflow.
   */
  readonly maxDepth?: number;
  /** Most condition objects in one config. Default 10 000, at most 1,000,000. */
  readonly maxConditions?: number;
}

export const DEFAULT_LIMITS: Required<ConditionLimits> = Object.freeze({
  maxDepth: 32,
  maxConditions: 10_000,
});

/** The highest `maxDepth` and `maxConditions` a caller may ask for. */
const MOST: Required<ConditionLimits> = Object.freeze({ maxDepth: 1_000, maxConditions: 1_000_000 });

/**
 * The limits a caller asked for, the defaults filling in the rest.
 *
 * @throws {TypeError} when one is not a whole number from 1 to its highest (1,000 levels, 1,000,000 conditions)
 */
export function readLimits(limits: ConditionLimits): Required<ConditionLimits> {
  const read = (key: keyof ConditionLimits): number => {
    const value = limits[key];
    if (value === undefined) return DEFAULT_LIMITS[key];
    if (!Number.isInteger(value) || value < 1 || value > MOST[key])
      throw new TypeError(
        `options.${key}: expected a whole number from 1 to ${MOST[key].toLocaleString('en')}, received ${describeValue(value)}`,
      );
    return value;
  };
  return { maxDepth: read('maxDepth'), maxConditions: read('maxConditions') };
}

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
