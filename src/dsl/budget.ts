import { describeValue } from '../internal/issues';

/**
 * How much work one lead may cause, in units (the idea Kubernetes uses for CEL rules). In `classify`'s one
 * pass over the events, each event of a type the config reads costs 1, plus 1 for each selection it is
 * tested for; in `stage()`, each event an event condition's own scan visits costs 1; each `where` test 1,
 * plus 1 per 64 characters of the text it tests; `containsAny`/`containsAll` one per keyword and element
 * (or per keyword and 64 characters of a text); looking at a long lead's events 1/16 per array slot, and
 * 3 per event dated to keep the most recent 10,000; a history 1,000 per evaluation (each candidate instant
 * and bisection step) plus the units the evaluation spent, at least one per event of the lead. Past the budget what it decides reads `unknown`,
 * flagged `budget_exceeded`; a history ends there, flagged. Each fact leaf costs 1, plus 1 per 8
 * characters of the text it reads (texts past 65,536 characters are not read) or 1 per element of a list,
 * and a `matches` test 1 per 16 steps of the pattern engine (never more steps than the budget has left).
 *
 * @category Configs
 */
export interface Budget {
  /** Units one `classify` may spend. Default 1,000,000. */
  readonly classify?: number;
  /** Units one `stage()` may spend. Default 1,000,000. */
  readonly stage?: number;
  /** Units one `stageHistory` may spend across all its evaluations. Default 5,000,000. */
  readonly history?: number;
}

/**
 * The default {@link Budget}: on the reference machine a lead that spends all of it takes at most the
 * figures in docs/security.md.
 *
 * @example
 * DEFAULT_BUDGET.classify;
 * //=> 1000000
 *
 * @category Configs
 */
export const DEFAULT_BUDGET: Readonly<Required<Budget>> = /* @__PURE__ */ Object.freeze({
  classify: 1_000_000,
  stage: 1_000_000,
  history: 5_000_000,
});

/** The largest budget a compile may set: beyond it the bound would be hours, not a bound. */
export const MAX_BUDGET = 1e10;

/** The flag of a result (or a history) whose work was cut short by the budget. */
export const BUDGET_EXCEEDED = 'budget_exceeded';

/**
 * Reads `options.budget`, filling in the defaults.
 * @throws {TypeError} when it is not an object of positive integers up to {@link MAX_BUDGET}
 */
export function readBudget(input: unknown, where = 'options.budget'): Readonly<Required<Budget>> {
  if (input === undefined) return DEFAULT_BUDGET;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new TypeError(
      `${where}: expected an object { classify?, stage?, history? } of work units, received ${describeValue(input)}`,
    );
  }
  const budget = { ...DEFAULT_BUDGET };
  for (const [key, value] of Object.entries(input)) {
    if (!Object.hasOwn(DEFAULT_BUDGET, key)) {
      throw new TypeError(`${where}: unknown key "${key}"; expected classify, stage or history`);
    }
    if (value === undefined) continue;
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_BUDGET) {
      throw new TypeError(
        `${where}.${key}: expected a whole number of work units from 1 to ${MAX_BUDGET.toLocaleString('en')}, received ${describeValue(value)}`,
      );
    }
    budget[key as keyof Budget] = value as number;
  }
  return Object.freeze(budget);
}
