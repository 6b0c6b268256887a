import type { DurationInput } from './duration';
import type { CountKey } from './grammar';

export type { ConditionKind, OperatorName } from './grammar';

/**
 * A value a condition compares against: a string, a finite number or a boolean.
 *
 * @category Configs
 */
export type Primitive = string | number | boolean;

/**
 * A number, or an ISO 8601 date (`"2026-06-30"`) to compare instants.
 *
 * @category Configs
 */
export type Comparable = number | string;

/**
 * A regular expression in a config: the pattern alone, or with flags out of `i`, `m`, `s`, `u`.
 *
 * @category Configs
 */
export type PatternInput = string | { readonly pattern: string; readonly flags?: string | undefined };

/**
 * Operators on a fact. Each present operator must hold (they are and-ed).
 * Absent, `null` and empty-string values are `unknown` for all but `exists`.
 *
 * @category Configs
 */
export interface FactOperators {
  readonly eq?: Primitive;
  readonly ne?: Primitive;
  readonly gt?: Comparable;
  readonly gte?: Comparable;
  readonly lt?: Comparable;
  readonly lte?: Comparable;
  readonly in?: readonly Primitive[];
  readonly notIn?: readonly Primitive[];
  readonly between?: readonly [Comparable, Comparable];
  readonly exists?: boolean;
  readonly contains?: Primitive;
  readonly containsAny?: readonly Primitive[];
  readonly containsAll?: readonly Primitive[];
  readonly startsWith?: string;
  readonly endsWith?: string;
  readonly matches?: PatternInput;
  readonly before?: string;
  readonly after?: string;
  readonly withinLast?: DurationInput;
  readonly withinNext?: DurationInput;
  readonly olderThan?: DurationInput;
}

/**
 * Comparisons allowed on scores and event counts.
 *
 * @category Configs
 */
export interface NumberComparisons {
  readonly eq?: number;
  readonly ne?: number;
  readonly gt?: number;
  readonly gte?: number;
  readonly lt?: number;
  readonly lte?: number;
  readonly between?: readonly [number, number];
}

/**
 * `{ "all": [...] }`: met when every condition is met.
 *
 * @category Configs
 */
export interface AllCondition {
  readonly all: readonly Condition[];
}
/**
 * `{ "any": [...] }`: met when one condition is met.
 *
 * @category Configs
 */
export interface AnyCondition {
  readonly any: readonly Condition[];
}
/**
 * `{ "not": … }`: swaps met and unmet; unknown stays unknown.
 *
 * @category Configs
 */
export interface NotCondition {
  readonly not: Condition;
}
/**
 * `{ "atLeast": 3, "of": [...] }`: met when at least `atLeast` conditions are met.
 *
 * @category Configs
 */
export interface AtLeastCondition {
  readonly atLeast: number;
  readonly of: readonly Condition[];
}
/**
 * `{ "criterion": "budget" }`: the status of a named criterion. With `is`, a test of that status that is
 * never unknown itself: `{ "criterion": "budget", "is": "unknown" }` is met when nobody knows the budget
 * yet (a "needs data" rung).
 *
 * @category Configs
 */
export interface CriterionCondition {
  readonly criterion: string;
  readonly is?: 'met' | 'unmet' | 'unknown';
}
/**
 * `{ "fact": "budget.amount", "gte": 10000 }`: a value read from the lead by dotted path.
 *
 * @category Configs
 */
export interface FactCondition extends FactOperators {
  readonly fact: string;
}
/**
 * `{ "event": "demo_completed", "withinLast": { "days": 60 } }`: events the lead did, up to `asOf`.
 *
 * @category Configs
 */
export interface EventCondition {
  readonly event: string | readonly string[];
  readonly withinLast?: DurationInput;
  readonly count?: { readonly [K in CountKey]?: number };
  readonly where?: Readonly<Record<string, FactOperators>>;
}
/**
 * `{ "score": "total", "gte": 50 }`: a score computed by the config's scoring rules.
 *
 * @category Configs
 */
export interface ScoreCondition extends NumberComparisons {
  readonly score: string;
}

/**
 * `{ "members": { "where": …, "count": { "gte": 2 } } }`, in an account config: the account's members that
 * pass `where` (a condition on the member lead, read by the lead config) and are at one of `stage`, counted
 * (default: at least one), or one of their scores aggregated (`"score": "engagement", "sum": { "gte": 100 }`).
 *
 * @category Configs
 */
export interface MembersCondition {
  readonly members: {
    readonly where?: Condition;
    readonly stage?: string | readonly string[];
    readonly count?: { readonly [K in CountKey]?: number };
    readonly score?: string;
    readonly sum?: NumberComparisons;
    readonly max?: NumberComparisons;
    readonly avg?: NumberComparisons;
  };
}

/**
 * `{ "roles": { "require": ["decision_maker", "champion"] } }`, in an account config: every role is held by a
 * member, read from the member's `authority.role` (or `fact`). Unknown when a role is not found and some
 * member's role is not known.
 *
 * @category Configs
 */
export interface RolesCondition {
  readonly roles: { readonly require: readonly string[]; readonly fact?: string };
}

/**
 * Any condition of the DSL: exactly one kind key per object.
 *
 * @category Configs
 */
export type Condition =
  | AllCondition
  | AnyCondition
  | NotCondition
  | AtLeastCondition
  | CriterionCondition
  | FactCondition
  | EventCondition
  | ScoreCondition
  | MembersCondition
  | RolesCondition;
