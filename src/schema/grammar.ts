// The grammar of conditions as data: every table the checker, the JSON Schema, the types and the
// docs test read. A new condition kind, operator, count key or duration unit starts here.
import { DURATION_UNITS } from '../internal/time';

export { DURATION_UNITS };

/**
 * The keys that tell a condition's kind; a condition object has exactly one.
 *
 * @example
 * CONDITION_KINDS.filter((kind) => kind in { fact: 'budget.amount', gte: 10000 });
 * //=> ['fact']
 *
 * @category Configs
 */
export const CONDITION_KINDS = [
  'all',
  'any',
  'not',
  'atLeast',
  'criterion',
  'fact',
  'event',
  'score',
  'members',
  'roles',
] as const;

/**
 * The key that tells a condition's kind.
 *
 * @category Configs
 */
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/**
 * The built-in fact operators, in the order messages and docs list them.
 *
 * @example
 * OPERATOR_NAMES.length;
 * //=> 21
 *
 * @category Configs
 */
export const OPERATOR_NAMES = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'notIn',
  'between',
  'exists',
  'contains',
  'containsAny',
  'containsAll',
  'startsWith',
  'endsWith',
  'matches',
  'before',
  'after',
  'withinLast',
  'withinNext',
  'olderThan',
] as const;

/**
 * The name of a built-in fact operator.
 *
 * @category Configs
 */
export type OperatorName = (typeof OPERATOR_NAMES)[number];

/**
 * The operators allowed on scores: numeric comparisons only.
 *
 * @example
 * NUMBER_COMPARISONS.includes('gte');
 * //=> true
 *
 * @category Configs
 */
export const NUMBER_COMPARISONS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between'] as const;

/**
 * A comparison allowed on scores.
 *
 * @category Configs
 */
export type NumberComparisonName = (typeof NUMBER_COMPARISONS)[number];

/**
 * The comparisons of an event condition's `count`: whole numbers of events.
 *
 * @example
 * COUNT_KEYS;
 * //=> ['gte', 'gt', 'lte', 'lt', 'eq']
 *
 * @category Configs
 */
export const COUNT_KEYS = ['gte', 'gt', 'lte', 'lt', 'eq'] as const;

/**
 * A comparison allowed in an event condition's `count`.
 *
 * @category Configs
 */
export type CountKey = (typeof COUNT_KEYS)[number];

/** The keys a criterion condition takes: `{ "criterion": "budget" }`, or `{ …, "is": "unknown" }`. */
export const CRITERION_KEYS = ['criterion', 'is'] as const;

/** The statuses a condition has, and `is` can test a criterion for. */
export const STATUSES = ['met', 'unmet', 'unknown'] as const;

/** The keys an event condition takes besides `event`. */
export const EVENT_KEYS = ['event', 'withinLast', 'count', 'where'] as const;

/** The keys of a scoring rule that select events, when the rule has `event` rather than `when`. */
export const RULE_EVENT_KEYS = ['withinLast', 'where', 'repeat', 'halfLife'] as const;

/**
 * The condition kinds of an account config (`level: 'account'`), which read the account's members: a lead
 * config refuses them, and an account config refuses `event` (an account has no events of its own).
 *
 * @example
 * ACCOUNT_KINDS;
 * //=> ['members', 'roles']
 *
 * @category Configs
 */
export const ACCOUNT_KINDS = ['members', 'roles'] as const;

/** The keys of a members condition's object: filters (`where`, `stage`), then a `count` or a score aggregate. */
export const MEMBERS_KEYS = ['where', 'stage', 'count', 'score', 'sum', 'max', 'avg'] as const;

/**
 * How a members condition aggregates a score over the members it selects.
 *
 * @example
 * MEMBER_AGGREGATES;
 * //=> ['sum', 'max', 'avg']
 *
 * @category Configs
 */
export const MEMBER_AGGREGATES = ['sum', 'max', 'avg'] as const;

/** The keys of a roles condition's object: the roles required, and the member fact that holds a role. */
export const ROLES_KEYS = ['require', 'fact'] as const;

/** The member fact a roles condition reads when it names none. */
export const DEFAULT_ROLE_FACT = 'authority.role';
