import * as z from 'zod/mini';
import { fromZodIssues } from '../internal/fromZodIssues';
import { isObject } from '../internal/isObject';
import {
  closestName,
  describeValue,
  type Issue,
  type IssuePath,
  listNames,
  makeIssue,
} from '../internal/issues';
import { FORBIDDEN_SEGMENTS } from '../internal/path';
import { DurationSchema, durationProblem } from '../schema/duration';
import {
  CONDITION_KINDS,
  COUNT_KEYS,
  type ConditionKind,
  CRITERION_KEYS,
  EVENT_KEYS,
  MEMBER_AGGREGATES,
  MEMBERS_KEYS,
  NUMBER_COMPARISONS,
  ROLES_KEYS,
  STATUSES,
} from '../schema/grammar';
import { readLimits } from './conditionLimits';
import type { OperatorTable } from './operators';

/** A named criterion or score a condition refers to, with where it does. */
export interface ConditionReference {
  readonly name: string;
  readonly path: IssuePath;
  /** The referring condition (for scores: its thresholds). */
  readonly condition: Readonly<Record<string, unknown>>;
}

/** What checking conditions collects; shared by every condition of one config. */
export interface CheckState {
  readonly operators: OperatorTable;
  readonly maxDepth: number;
  readonly maxConditions: number;
  readonly issues: Issue[];
  readonly criteria: ConditionReference[];
  readonly scores: ConditionReference[];
  /** Fact paths conditions read (not event `where` paths, which are props). */
  readonly facts: ConditionReference[];
  /** Event types event conditions and scoring rules read. */
  readonly events: ConditionReference[];
  /** `members` and `roles` conditions (by kind): account configs only. */
  readonly accountKinds: ConditionReference[];
  conditions: number;
}

export function createCheckState(
  operators: OperatorTable,
  limits: { maxDepth?: number; maxConditions?: number } = {},
): CheckState {
  const { maxDepth, maxConditions } = readLimits(limits);
  return {
    operators,
    maxDepth,
    maxConditions,
    issues: [],
    criteria: [],
    scores: [],
    facts: [],
    events: [],
    accountKinds: [],
    conditions: 0,
  };
}

const KINDS: ReadonlySet<string> = new Set(CONDITION_KINDS);
const KIND_LIST = listNames(CONDITION_KINDS);
const CountValue = /* @__PURE__ */ z.int().check(z.nonnegative());
const NumberOperand = /* @__PURE__ */ z.number();
const NumberRange = /* @__PURE__ */ z.tuple([z.number(), z.number()]);

/** Operators as people write them in other languages: `>=` is `gte`. */
const OPERATOR_SYMBOLS: Readonly<Record<string, string>> = {
  '>=': 'gte',
  '=>': 'gte',
  '≥': 'gte',
  '>': 'gt',
  '<=': 'lte',
  '=<': 'lte',
  '≤': 'lte',
  '<': 'lt',
  '=': 'eq',
  '==': 'eq',
  '===': 'eq',
  '!=': 'ne',
  '!==': 'ne',
  '<>': 'ne',
  '≠': 'ne',
};

/** The operator a key probably meant: its symbol's name, else the closest name. */
function suggestOperator(key: string, allowed: readonly string[]): string | undefined {
  const symbol = Object.hasOwn(OPERATOR_SYMBOLS, key) ? OPERATOR_SYMBOLS[key] : undefined;
  if (symbol !== undefined && allowed.includes(symbol)) return symbol;
  return closestName(key, allowed);
}

function receivedKeys(keys: readonly string[]): string {
  return keys.length === 0 ? 'an empty object' : `keys ${keys.map((key) => JSON.stringify(key)).join(', ')}`;
}

/**
 * Checks one condition (and everything nested in it) against the DSL, adding every issue found to
 * `state`. Recursion is bounded by `maxDepth`, so a deeply nested config is an issue, not a stack overflow.
 */
export function checkCondition(input: unknown, path: IssuePath, state: CheckState, depth = 1): void {
  state.conditions++;
  if (state.conditions === state.maxConditions + 1) {
    state.issues.push(
      makeIssue({
        code: 'too_large',
        path,
        problem: 'too many conditions',
        expected: `at most ${state.maxConditions} conditions in one config`,
        received: 'more',
        fix: 'split the config, or raise limits.maxConditions',
      }),
    );
  }
  if (state.conditions > state.maxConditions) return;
  if (depth > state.maxDepth) {
    state.issues.push(
      makeIssue({
        code: 'too_deep',
        path,
        problem: 'conditions nested too deeply',
        expected: `at most ${state.maxDepth} levels`,
        received: 'more',
        fix: 'flatten it with named criteria, or raise limits.maxDepth',
      }),
    );
    return;
  }
  if (!isObject(input)) {
    state.issues.push(
      makeIssue({
        code: 'invalid_type',
        path,
        problem: 'not a condition',
        expected: 'a condition object such as { "fact": "budget.amount", "gte": 10000 }',
        received: describeValue(input),
      }),
    );
    return;
  }
  const keys = Object.keys(input);
  const kinds = keys.filter((key) => KINDS.has(key)) as ConditionKind[];
  if (kinds.length !== 1) {
    const operatorKeys = keys.filter((key) => Object.hasOwn(state.operators, key));
    state.issues.push(
      makeIssue({
        code: kinds.length === 0 ? 'missing_kind' : 'ambiguous_kind',
        path,
        problem:
          kinds.length === 0 ? 'no condition kind' : `more than one condition kind (${listNames(kinds)})`,
        expected: `exactly one of ${KIND_LIST}`,
        received: receivedKeys(keys),
        ...(kinds.length > 1
          ? { fix: 'wrap them in { "all": [ … ] }' }
          : operatorKeys.length > 0
            ? { fix: 'add "fact": "<path>" to say what to compare' }
            : {}),
      }),
    );
    return;
  }
  const kind = kinds[0] as ConditionKind;
  const at = [...path, kind];
  const value = input[kind];
  switch (kind) {
    case 'all':
    case 'any': {
      rejectExtraKeys(input, [kind], path, state);
      if (checkList(value, at, state)) {
        checkChildren(value as unknown[], at, state, depth);
      }
      return;
    }
    case 'not':
      rejectExtraKeys(input, [kind], path, state);
      checkCondition(value, at, state, depth + 1);
      return;
    case 'atLeast': {
      rejectExtraKeys(input, ['atLeast', 'of'], path, state);
      const ofPath = [...path, 'of'];
      const listOk = checkList(input.of, ofPath, state);
      const count = z.int().check(z.positive()).safeParse(value);
      if (!count.success) {
        state.issues.push(
          makeIssue({
            code: 'invalid_type',
            path: at,
            problem: 'not a count',
            expected: 'a positive integer',
            received: describeValue(value),
          }),
        );
      } else if (listOk && count.data > (input.of as unknown[]).length) {
        state.issues.push(
          makeIssue({
            code: 'unsatisfiable',
            path: at,
            problem: 'can never be met',
            expected: `at most ${(input.of as unknown[]).length} (the number of conditions in "of")`,
            received: describeValue(value),
          }),
        );
      }
      if (listOk) {
        checkChildren(input.of as unknown[], ofPath, state, depth);
      }
      return;
    }
    case 'criterion':
      rejectExtraKeys(input, CRITERION_KEYS, path, state);
      if (checkName(value, at, state, 'a criterion id'))
        state.criteria.push({ name: value as string, path: at, condition: input });
      if (input.is !== undefined && !(STATUSES as readonly unknown[]).includes(input.is)) {
        state.issues.push(
          makeIssue({
            code: 'invalid_value',
            path: [...path, 'is'],
            problem: 'not a status',
            expected: `one of ${listNames(STATUSES)}`,
            received: describeValue(input.is),
          }),
        );
      }
      return;
    case 'fact': {
      if (checkFactPath(value, at, state))
        state.facts.push({ name: value as string, path: at, condition: input });
      checkOperators(input, keys, path, state, false);
      return;
    }
    case 'score':
      if (checkName(value, at, state, '"total" or a scoring group id'))
        state.scores.push({ name: value as string, path: at, condition: input });
      checkOperators(input, keys, path, state, true);
      return;
    case 'event':
      checkEvent(input, path, state);
      return;
    case 'members':
    case 'roles':
      rejectExtraKeys(input, [kind], path, state);
      state.accountKinds.push({ name: kind, path: at, condition: input });
      if (!isObject(value)) {
        state.issues.push(
          makeIssue({
            code: 'invalid_type',
            path: at,
            problem: `not a ${kind} test`,
            expected:
              kind === 'members'
                ? 'an object such as { "where": { "fact": "contact.seniority", "eq": "vp" }, "count": { "gte": 1 } }'
                : 'an object such as { "require": ["decision_maker", "champion"] }',
            received: describeValue(value),
          }),
        );
      } else if (kind === 'members') checkMembers(value, at, state, depth);
      else checkRoles(value, at, state);
      return;
  }
}

/** `members`: a lead condition in `where` (checked as a lead config's), stages, then a count or an aggregate. */
function checkMembers(
  input: Record<string, unknown>,
  path: IssuePath,
  state: CheckState,
  depth: number,
): void {
  rejectExtraKeys(input, MEMBERS_KEYS, path, state);
  if (input.where !== undefined) {
    // a condition on the member lead: its criteria and scores are the lead config's, not this one's
    const inner: CheckState = { ...createCheckState(state.operators, state), issues: state.issues };
    checkCondition(input.where, [...path, 'where'], inner, depth + 1);
    for (const ref of inner.accountKinds) state.issues.push(wrongLevel(ref.path, ref.name, 'lead'));
    state.conditions += inner.conditions;
  }
  const stage = input.stage;
  if (
    stage !== undefined &&
    !(typeof stage === 'string' && stage !== '') &&
    !(Array.isArray(stage) && stage.length > 0 && stage.every((id) => typeof id === 'string' && id !== ''))
  ) {
    state.issues.push(
      makeIssue({
        code: 'invalid_type',
        path: [...path, 'stage'],
        problem: 'not a stage',
        expected: 'a stage id of the lead config, or a non-empty list of them',
        received: describeValue(stage),
      }),
    );
  }
  const aggregates = MEMBER_AGGREGATES.filter((key) => input[key] !== undefined);
  if (input.score === undefined) {
    if (input.count !== undefined) checkCount(input.count, [...path, 'count'], state);
    for (const key of aggregates) state.issues.push(misplaced(path, key, 'a "score" to aggregate'));
    return;
  }
  checkName(input.score, [...path, 'score'], state, '"total" or a scoring group of the lead config');
  if (input.count !== undefined)
    state.issues.push(misplaced(path, 'count', 'no "score" (it counts members)'));
  if (aggregates.length !== 1) {
    state.issues.push(
      makeIssue({
        code: aggregates.length === 0 ? 'missing_operator' : 'ambiguous_kind',
        path,
        problem: aggregates.length === 0 ? 'a score with no aggregate' : 'more than one aggregate',
        expected: `one of ${listNames(MEMBER_AGGREGATES)}, such as "sum": { "gte": 100 }`,
        received: receivedKeys(Object.keys(input)),
      }),
    );
  }
  for (const key of aggregates) {
    const test = input[key];
    if (isObject(test)) checkOperators(test, Object.keys(test), [...path, key], state, true, undefined);
    else state.issues.push(misplaced(path, key, 'comparisons such as { "gte": 100 }'));
  }
}

function misplaced(path: IssuePath, key: string, expected: string): Issue {
  return makeIssue({
    code: 'invalid_value',
    path: [...path, key],
    problem: `"${key}" does not fit here`,
    expected,
  });
}

/** `roles`: the roles required (1 to 20 names), and the member fact that holds them. */
function checkRoles(input: Record<string, unknown>, path: IssuePath, state: CheckState): void {
  rejectExtraKeys(input, ROLES_KEYS, path, state);
  const roles = input.require;
  if (
    !Array.isArray(roles) ||
    roles.length === 0 ||
    roles.length > 20 ||
    !roles.every((role) => typeof role === 'string' && role !== '')
  ) {
    state.issues.push(
      makeIssue({
        code: 'invalid_type',
        path: [...path, 'require'],
        problem: 'not a list of roles',
        expected: '1 to 20 role names such as ["decision_maker", "champion"]',
        received: describeValue(roles),
      }),
    );
  }
  if (input.fact !== undefined) checkFactPath(input.fact, [...path, 'fact'], state);
}

/** A condition at the wrong level: account kinds in a lead condition, events in an account's. */
export function wrongLevel(path: IssuePath, kind: string, level: 'lead' | 'account'): Issue {
  return makeIssue({
    code: 'wrong_level',
    path,
    problem:
      level === 'lead'
        ? `a ${kind} condition reads an account's members, not a lead`
        : 'an account has no events of its own',
    expected:
      level === 'lead' ? 'it in a config with "level": "account"' : 'a condition on account facts or members',
    fix:
      level === 'lead'
        ? 'add "level": "account" to the config, or test the lead itself'
        : 'count the members who did it: { "members": { "where": { "event": … } } }',
  });
}

function checkChildren(
  children: readonly unknown[],
  path: IssuePath,
  state: CheckState,
  depth: number,
): void {
  for (let index = 0; index < children.length; index++)
    checkCondition(children[index], [...path, index], state, depth + 1);
}

function checkList(value: unknown, path: IssuePath, state: CheckState): boolean {
  if (!Array.isArray(value)) {
    state.issues.push(
      makeIssue({
        code: 'invalid_type',
        path,
        problem: 'not a list of conditions',
        expected: 'an array of conditions',
        received: describeValue(value),
      }),
    );
    return false;
  }
  if (value.length === 0) {
    state.issues.push(
      makeIssue({
        code: 'empty_list',
        path,
        problem: 'empty list of conditions',
        expected: 'at least one condition',
        received: 'an empty array',
        fix: 'remove the condition or add to it',
      }),
    );
    return false;
  }
  return true;
}

function checkName(value: unknown, path: IssuePath, state: CheckState, expected: string): boolean {
  if (typeof value === 'string' && value !== '') return true;
  state.issues.push(
    makeIssue({
      code: 'invalid_type',
      path,
      problem: 'not a name',
      expected,
      received: describeValue(value),
    }),
  );
  return false;
}

/** Checks a dotted path: non-empty segments, none that would reach the prototype chain. */
export function checkFactPath(value: unknown, path: IssuePath, state: CheckState): boolean {
  if (!checkName(value, path, state, 'a dotted path such as "company.employees"')) return false;
  const segments = (value as string).split('.');
  if (segments.some((segment) => segment === '')) {
    state.issues.push(
      makeIssue({
        code: 'invalid_path',
        path,
        problem: 'empty segment in path',
        expected: 'a dotted path such as "company.employees"',
        received: describeValue(value),
      }),
    );
    return false;
  }
  const forbidden = segments.find((segment) => FORBIDDEN_SEGMENTS.has(segment));
  if (forbidden !== undefined) {
    state.issues.push(
      makeIssue({
        code: 'forbidden_path',
        path,
        problem: `path segment "${forbidden}" is never followed`,
        expected: 'a path to the lead’s own data',
        received: describeValue(value),
      }),
    );
    return false;
  }
  return true;
}

function rejectExtraKeys(
  input: Record<string, unknown>,
  allowed: readonly string[],
  path: IssuePath,
  state: CheckState,
): void {
  for (const key of Object.keys(input)) {
    if (allowed.includes(key)) continue;
    const suggestion = closestName(key, allowed);
    state.issues.push(
      makeIssue({
        code: 'unknown_key',
        path,
        problem: `unknown key ${JSON.stringify(key)}`,
        expected: `only ${listNames(allowed)}`,
        received: receivedKeys(Object.keys(input)),
        ...(suggestion === undefined ? {} : { fix: `did you mean "${suggestion}"?` }),
      }),
    );
  }
}

/** Checks the operators of a fact (or, with `numeric`, a score) condition. */
function checkOperators(
  input: Record<string, unknown>,
  keys: readonly string[],
  path: IssuePath,
  state: CheckState,
  numeric: boolean,
  ownKey: string | undefined = numeric ? 'score' : 'fact',
): void {
  const allowed: readonly string[] = numeric ? NUMBER_COMPARISONS : Object.keys(state.operators);
  const table = state.operators;
  let operators = 0;
  for (const key of keys) {
    if (key === ownKey) continue;
    if (!allowed.includes(key)) {
      const suggestion = suggestOperator(key, allowed);
      state.issues.push(
        makeIssue({
          code: 'unknown_operator',
          path,
          problem: `unknown operator ${JSON.stringify(key)}`,
          expected: `one of ${listNames(allowed)}`,
          fix: suggestion === undefined ? 'use one of the operators listed' : `did you mean "${suggestion}"?`,
        }),
      );
      continue;
    }
    operators++;
    const operandPath = [...path, key];
    const operand = input[key];
    if (numeric) {
      const parsed = (key === 'between' ? NumberRange : NumberOperand).safeParse(operand);
      if (!parsed.success) state.issues.push(...fromZodIssues(parsed.error.issues, operand, operandPath));
      else if (key === 'between' && (operand as number[])[0]! > (operand as number[])[1]!) {
        state.issues.push(
          makeIssue({
            code: 'invalid_range',
            path: operandPath,
            problem: 'low bound above high bound',
            expected: 'low ≤ high',
          }),
        );
      }
      continue;
    }
    const definition = table[key] as OperatorTable[string];
    const parsed = definition.operand.safeParse(operand);
    if (!parsed.success && definition.operand === DurationSchema) {
      // a duration of the wrong shape: say which unit is wrong (`{ "day": 180 }`: did you mean "days"?)
      checkDuration(operand, operandPath, state);
      continue;
    }
    if (!parsed.success) {
      state.issues.push(
        makeIssue({
          code: 'invalid_operand',
          path: operandPath,
          problem: `invalid operand for "${key}"`,
          expected: definition.expected,
          received: describeValue(operand),
        }),
      );
      continue;
    }
    const problem = definition.check?.(parsed.data);
    if (problem !== undefined) {
      state.issues.push(
        makeIssue({
          code: problem.code,
          path: operandPath,
          problem: problem.problem,
          expected: problem.expected,
          received: describeValue(operand),
          ...(problem.fix === undefined ? {} : { fix: problem.fix }),
        }),
      );
    }
  }
  if (operators === 0 && !keys.some((key) => key !== ownKey && !allowed.includes(key))) {
    state.issues.push(
      makeIssue({
        code: 'missing_operator',
        path,
        problem: 'nothing to compare',
        expected: `at least one operator out of ${listNames(allowed)}`,
        received: receivedKeys(keys),
        fix: numeric ? 'add e.g. "gte": 50' : 'add e.g. "exists": true',
      }),
    );
  }
}

/** The one duration check of a config, as an issue at `path`. */
export function checkDuration(input: unknown, path: IssuePath, state: Pick<CheckState, 'issues'>): boolean {
  const problem = durationProblem(input);
  if (problem === undefined) return true;
  state.issues.push(makeIssue({ ...problem, path, received: describeValue(input) }));
  return false;
}

function checkEvent(input: Record<string, unknown>, path: IssuePath, state: CheckState): void {
  rejectExtraKeys(input, EVENT_KEYS, path, state);
  const types = input.event;
  const typeList = Array.isArray(types) ? types : [types];
  typeList.forEach((type, index) => {
    if (typeof type === 'string' && type !== '') {
      const at = Array.isArray(types) ? [...path, 'event', index] : [...path, 'event'];
      state.events.push({ name: type, path: at, condition: input });
    }
  });
  if (typeList.length === 0 || typeList.some((type) => typeof type !== 'string' || type === '')) {
    state.issues.push(
      makeIssue({
        code: 'invalid_type',
        path: [...path, 'event'],
        problem: 'not an event type',
        expected: 'an event type such as "demo_completed", or a non-empty array of them',
        received: describeValue(types),
      }),
    );
  }
  if (input.withinLast !== undefined) checkDuration(input.withinLast, [...path, 'withinLast'], state);
  if (input.count !== undefined) checkCount(input.count, [...path, 'count'], state);
  if (input.where !== undefined) {
    const wherePath = [...path, 'where'];
    if (!isObject(input.where)) {
      state.issues.push(
        makeIssue({
          code: 'invalid_type',
          path: wherePath,
          problem: 'not a filter',
          expected: 'an object of event property paths to operators, such as { "plan": { "eq": "pro" } }',
          received: describeValue(input.where),
        }),
      );
      return;
    }
    for (const [propPath, operators] of Object.entries(input.where)) {
      const at = [...wherePath, propPath];
      checkFactPath(propPath, at, state);
      if (!isObject(operators)) {
        state.issues.push(
          makeIssue({
            code: 'invalid_type',
            path: at,
            problem: 'not a set of operators',
            expected: 'an object such as { "eq": "pro" }',
            received: describeValue(operators),
          }),
        );
        continue;
      }
      checkOperators(operators, Object.keys(operators), at, state, false, undefined);
    }
  }
}

/** A count comparison (`{ "gte": 2 }`): counts of events or members. */
function checkCount(count: unknown, countPath: IssuePath, state: CheckState): void {
  if (!isObject(count) || Object.keys(count).length === 0) {
    state.issues.push(
      makeIssue({
        code: 'invalid_type',
        path: countPath,
        problem: 'not a count comparison',
        expected: `an object with one or more of ${listNames(COUNT_KEYS)}, such as { "gte": 3 }`,
        received: describeValue(count),
      }),
    );
  } else {
    for (const [key, bound] of Object.entries(count)) {
      if (!(COUNT_KEYS as readonly string[]).includes(key)) {
        const suggestion = suggestOperator(key, COUNT_KEYS);
        state.issues.push(
          makeIssue({
            code: 'unknown_operator',
            path: countPath,
            problem: `unknown operator ${JSON.stringify(key)}`,
            expected: `one of ${listNames(COUNT_KEYS)}`,
            fix:
              suggestion === undefined ? 'use one of the operators listed' : `did you mean "${suggestion}"?`,
          }),
        );
      } else if (!CountValue.safeParse(bound).success) {
        state.issues.push(
          makeIssue({
            code: 'invalid_operand',
            path: [...countPath, key],
            problem: 'not a count',
            expected: 'a non-negative integer',
            received: describeValue(bound),
          }),
        );
      }
    }
  }
}
