import { compilePath } from '../internal/path';
import { type CompiledReading, isAmbiguousNumber, isMissing } from '../internal/read';
import { MET, type Tri, UNKNOWN, UNMET } from '../internal/status';
import type {
  AtLeastCondition,
  Condition,
  CriterionCondition,
  EventCondition,
  FactCondition,
  FactOperators,
  NotCondition,
  NumberComparisons,
  ScoreCondition,
} from '../schema/condition';
import type { EvalContext } from './context';
import { type EventFilter, EventPlan, type EventSelection, KEEP_COUNT } from './eventPlan';
import { DEFAULT_FACT_READINGS, type FactReadings, UNREADABLE } from './factReading';
import { compileTest, defaultOperatorTests, type OperatorTests, type TriTest } from './operatorTests';
import { allOf, anyOf, atLeast, notOf } from './triLogic';
import { childrenOf, kindOf } from './walk';

/** A compiled condition: evaluates against one lead's context. */
export type Evaluator = (context: EvalContext) => Tri;

/** How names in conditions resolve; a classifier wires criteria and scores to its own slots. */
export interface CompileEnvironment {
  readonly operators: OperatorTests;
  /** How fact values are read: the config's `read` and declared `facts`. */
  readonly readings: FactReadings;
  readonly criterion: (id: string) => Evaluator;
  readonly score: (name: string) => (context: EvalContext) => number | undefined;
  /**
   * Compiles a `members` or `roles` condition: given only where accounts are classified (`classifyAccount`);
   * elsewhere those conditions are unknown (a lead config refuses them, a sealed one is checked for them).
   */
  readonly account?: ((condition: Condition, environment: CompileEnvironment) => Evaluator) | undefined;
  /**
   * A condition object compiles once however often it is compiled (criteria, their probes and stage
   * trees share closures); event conditions share one pass over a lead's events; and what fact
   * leaves and event conditions compute is kept per lead in the memo of the context's workspace.
   */
  readonly shared: SharedCompilation;
}

/** Compilation state shared by everything compiled from one config. */
export interface SharedCompilation {
  readonly evaluators: WeakMap<object, Evaluator>;
  /** Fact leaves by their JSON: the same test written twice is read and tested once per lead. */
  readonly leaves: Map<string, FactLeaf>;
  /** Every event selection of the config, answered in one pass over a lead's events. */
  readonly plan: EventPlan;
  /** Memo slots handed out so far. */
  slots: number;
}

/** A fact leaf compiled for a classifier: its status and the value it read, memoised per lead. */
export interface FactLeaf {
  readonly evaluate: Evaluator;
  /** The value the leaf read for this lead (reading it once if no one has yet). */
  readonly value: (context: EvalContext) => unknown;
}

/** A fresh {@link SharedCompilation} for conditions compiled with `table`. */
export function createSharedCompilation(table: OperatorTests): SharedCompilation {
  return {
    evaluators: new WeakMap(),
    leaves: new Map(),
    plan: new EventPlan((where) => compileFilters(where, table)),
    slots: 0,
  };
}

const STATUS_TRI = { met: MET, unmet: UNMET, unknown: UNKNOWN } as const;

/**
 * Resolves criteria and scores from `EvalContext.inputs`, for a condition evaluated on its own
 * (`compileCondition`); fresh for each compiled condition, as its event plan is its own.
 */
export function inputEnvironment(
  operators: OperatorTests = defaultOperatorTests,
  readings: FactReadings = DEFAULT_FACT_READINGS,
): CompileEnvironment {
  return {
    operators,
    readings,
    criterion: (id) => (context) => {
      const criteria = context.inputs.criteria;
      const status = criteria !== undefined && Object.hasOwn(criteria, id) ? criteria[id] : undefined;
      return status === undefined ? UNKNOWN : (STATUS_TRI[status] ?? UNKNOWN);
    },
    score: (name) => (context) => {
      const scores = context.inputs.scores;
      return scores !== undefined && Object.hasOwn(scores, name) ? scores[name] : undefined;
    },
    shared: createSharedCompilation(operators),
  };
}

/**
 * Compiles a checked condition into a closure. The JSON is read here once; the closure never
 * looks at it again. Call only on conditions that passed `checkCondition`.
 */
export function compileEvaluator(condition: Condition, environment: CompileEnvironment): Evaluator {
  const shared = environment.shared;
  let evaluator = shared.evaluators.get(condition);
  if (evaluator === undefined) {
    evaluator = compileNode(condition, environment);
    shared.evaluators.set(condition, evaluator);
  }
  return evaluator;
}

function compileNode(condition: Condition, environment: CompileEnvironment): Evaluator {
  const children = () => childrenOf(condition).map((child) => compileEvaluator(child, environment));
  switch (kindOf(condition)) {
    case 'all':
      return allOf(children());
    case 'any':
      return anyOf(children());
    case 'not':
      return notOf(compileEvaluator((condition as NotCondition).not, environment));
    case 'atLeast':
      return atLeast((condition as AtLeastCondition).atLeast, children());
    case 'criterion': {
      const { criterion, is } = condition as CriterionCondition;
      const status = environment.criterion(criterion);
      if (is === undefined) return status;
      const wanted = STATUS_TRI[is];
      // two-valued: a test of the status, never unknown itself
      return (context) => (status(context) === wanted ? MET : UNMET);
    }
    case 'fact':
      return sharedFactLeaf(condition as FactCondition, environment).evaluate;
    case 'event':
      return eventEvaluator(condition as EventCondition, environment);
    case 'score':
      return scoreEvaluator(condition as ScoreCondition, environment);
    default:
      // members, roles: an account's (see `CompileEnvironment.account`)
      return environment.account?.(condition, environment) ?? (() => UNKNOWN);
  }
}

interface CompiledOperator {
  readonly test: TriTest;
  readonly decidesAbsent: boolean;
}

function compileOperators(
  operators: object,
  table: OperatorTests,
  skip: string | undefined,
): CompiledOperator[] {
  const compiled: CompiledOperator[] = [];
  for (const key of Object.keys(operators)) {
    if (key === skip) continue;
    const definition = table[key];
    // unreachable for checked conditions: their operators are all in the table
    if (definition === undefined || !Object.hasOwn(table, key)) continue;
    compiled.push({
      test: compileTest(definition, (operators as Record<string, unknown>)[key], key),
      decidesAbsent: definition.decidesAbsent === true,
    });
  }
  return compiled;
}

/** All operators of one value, and-ed, three-valued. */
function valueTest(operators: readonly CompiledOperator[]): TriTest {
  if (operators.length === 1) {
    const { test, decidesAbsent } = operators[0] as CompiledOperator;
    return decidesAbsent
      ? test
      : (value, context, path) => (isMissing(value) ? UNKNOWN : test(value, context, path));
  }
  return (value, context, path) => {
    const absent = isMissing(value);
    let result: Tri = MET;
    for (const { test, decidesAbsent } of operators) {
      const outcome = absent && !decidesAbsent ? UNKNOWN : test(value, context, path);
      if (outcome === UNMET) return UNMET;
      if (outcome === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

/**
 * The fact leaf of a condition, one per distinct leaf of a compilation, memoised per lead: criteria,
 * probes, blockers and scoring rules that test the same fact the same way read and test it once.
 */
export function sharedFactLeaf(condition: FactCondition, environment: CompileEnvironment): FactLeaf {
  const shared = environment.shared;
  const key = JSON.stringify(condition);
  const known = shared.leaves.get(key);
  if (known !== undefined) return known;
  const path = condition.fact;
  const read = compilePath(path);
  const operators = compileOperators(condition, environment.operators, 'fact');
  const test = valueTest(operators);
  const existsOnly = operators.every((operator) => operator.decidesAbsent);
  const { reading, prepare } = environment.readings.forPath(path);
  const slot = shared.slots++;
  const evaluate: Evaluator = (context) => {
    const memo = context.memo;
    if (memo.stamps[slot] === context.generation) return memo.statuses[slot] as Tri;
    const raw = read(context.lead);
    // placeholders ("Select", "N/A") and blanks are absent; a declared type converts what is present
    let value = isMissing(raw, reading) ? undefined : prepare === undefined ? raw : prepare(raw);
    let status: Tri;
    if (!chargeValue(context, value)) {
      // over the budget: unknown, flagged budget_exceeded by the charge
      status = UNKNOWN;
    } else if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
      // no field of a CRM holds more (HubSpot's multi-line text: 65,536): not a value to test
      status = existsOnly ? test(value, context, path) : UNKNOWN;
      context.flag(`unreadable:${path}`);
    } else if (value === UNREADABLE) {
      value = raw;
      status = existsOnly ? test(raw, context, path) : UNKNOWN;
      unreadable(context, path, raw, reading);
    } else {
      status = test(value, context, path);
      // present, yet no operator could read it: say so (dates already say invalid_date)
      // (unless the budget ran out on it: that is flagged budget_exceeded)
      if (status === UNKNOWN && value !== undefined && context.budget >= 0)
        unreadable(context, path, value, reading);
    }
    memo.stamps[slot] = context.generation;
    memo.statuses[slot] = status;
    memo.values[slot] = value;
    return status;
  };
  const leaf: FactLeaf = {
    evaluate,
    value: (context) => {
      evaluate(context);
      return context.memo.values[slot];
    },
  };
  shared.leaves.set(key, leaf);
  return leaf;
}

/**
 * The longest text a fact operator tests: longer values are unknown, flagged `unreadable:<path>`. The
 * largest text field of the CRMs leadstage maps holds 65,536 characters (HubSpot's multi-line text).
 */
export const MAX_TEXT_LENGTH = 65_536;

/**
 * Charges a fact leaf's value to the evaluation's budget: 1 unit, plus 1 per 8 characters of a text
 * and 1 per element of a list — what the operators may read of it (normalising, comparing each
 * element). Leaves are memoised per lead, so each is charged once per evaluation; in a history, once
 * per evaluated instant. `false` once the budget is spent (the context flags `budget_exceeded`).
 */
// 1 per 8 characters: normalising a text as enums compare costs about 0.5 µs per 64 characters here,
// eight times what a unit of event work costs; priced per 64, a history of 65 KB texts took 2.5–4 s on its
// 5,000,000 units (scripts/budget-bound.mjs), past the 1,500 ms bound
export function chargeValue(context: EvalContext, value: unknown): boolean {
  const units =
    typeof value === 'string'
      ? 1 + (Math.min(value.length, MAX_TEXT_LENGTH) >>> 3)
      : Array.isArray(value)
        ? 1 + value.length
        : 1;
  context.budget -= units;
  if (context.budget >= 0) return true;
  context.overBudget();
  return false;
}

/**
 * Flags a present value no operator could read, unless it was flagged as an invalid date; dotted
 * thousands without a declared decimal separator (`"30.000"`) are flagged `ambiguous_number:<path>`.
 */
export function unreadable(
  context: EvalContext,
  path: string,
  value: unknown,
  reading: CompiledReading,
): void {
  if (context.flags?.has(`invalid_date:${path}`) === true) return;
  context.flag(`${isAmbiguousNumber(value, reading) ? 'ambiguous_number' : 'unreadable'}:${path}`);
}

function scoreEvaluator(condition: ScoreCondition, environment: CompileEnvironment): Evaluator {
  const read = environment.score(condition.score);
  // numeric comparisons are fixed, whatever fact operators the environment allows
  const test = valueTest(compileOperators(condition as NumberComparisons, defaultOperatorTests, 'score'));
  return (context) => test(read(context), context, undefined);
}

/**
 * The count at which an event condition's count test is decided for good: `n` for `gte n` (the default
 * `gte 1`), past `n` for `gt n`; infinite for any test a larger count could still fail.
 */
export function decidedAt(count: EventCondition['count']): number {
  if (count === undefined) return 1;
  const keys = Object.keys(count);
  if (keys.length !== 1) return Number.POSITIVE_INFINITY;
  if (count.gte !== undefined) return Math.max(1, Math.ceil(count.gte));
  if (count.gt !== undefined) return Math.max(1, Math.floor(count.gt) + 1);
  return Number.POSITIVE_INFINITY;
}

function eventEvaluator(condition: EventCondition, environment: CompileEnvironment): Evaluator {
  const plan = environment.shared.plan;
  const consumer = plan.add(condition, KEEP_COUNT);
  const stop = decidedAt(condition.count);
  const countTest = valueTest(
    compileOperators(condition.count ?? { gte: 1 }, defaultOperatorTests, undefined),
  );
  return (context) => {
    const count = plan.count(context, consumer, stop);
    return count < 0 ? UNKNOWN : countTest(count, context, undefined);
  };
}

/** Counts the lead's events that match a type list, window and filters, by `asOf`; `-1` when the lead has no events array. */
export type EventMatcher = (context: EvalContext) => number;

/** The event matcher of a condition: its count in the compilation's one-pass event tally. */
export function sharedEventMatcher(condition: EventCondition, environment: CompileEnvironment): EventMatcher {
  const plan = environment.shared.plan;
  const consumer = plan.add(condition, KEEP_COUNT);
  return (context) => plan.count(context, consumer, Number.POSITIVE_INFINITY);
}

/** Compiles a `where` clause: one filter per props path, its operators and-ed. */
export function compileFilters(where: EventSelection['where'], table: OperatorTests): EventFilter[] {
  return Object.entries(where ?? {}).map(([propPath, operators]) => ({
    read: compilePath(propPath),
    test: valueTest(compileOperators(operators as FactOperators, table, undefined)),
  }));
}
