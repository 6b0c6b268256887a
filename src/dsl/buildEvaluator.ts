import type { EvalContext } from '../internal/context';
import { compilePath } from '../internal/path';
import { MET, type Tri, UNKNOWN, UNMET } from '../internal/status';
import type {
  AtLeastCondition,
  Condition,
  EventCondition,
  FactCondition,
  FactOperators,
  NumberComparisons,
  ScoreCondition,
} from '../schema/condition';
import { type EventFilter, EventPlan, type EventSelection, KEEP_COUNT } from './eventPlan';
import { defaultOperatorTests, type OperatorTest, type OperatorTests } from './operatorTests';

/** A compiled condition: evaluates against one lead's context. */
export type Evaluator = (context: EvalContext) => Tri;

/** How names in conditions resolve; a classifier wires criteria and scores to its own slots. */
export interface BuildEnvironment {
  readonly operators: OperatorTests;
  readonly criterion: (id: string) => Evaluator;
  readonly score: (name: string) => (context: EvalContext) => number | undefined;
  /**
   * A condition object compiles once however often it is built (criteria, their probes and stage
   * trees share closures); event conditions share one pass over a lead's events; and in a classifier
   * what fact leaves and event conditions compute is kept per lead in its memo (`EvalContext.memo`).
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
export function inputEnvironment(operators: OperatorTests = defaultOperatorTests): BuildEnvironment {
  return {
    operators,
    criterion: (id) => (context) => {
      const status = context.inputs.criteria?.[id];
      return status === undefined ? UNKNOWN : STATUS_TRI[status];
    },
    score: (name) => (context) => context.inputs.scores?.[name],
    shared: createSharedCompilation(operators),
  };
}

/**
 * Compiles a checked condition into a closure. The JSON is read here once; the closure never
 * looks at it again. Call only on conditions that passed `checkCondition`.
 */
export function buildEvaluator(condition: Condition, environment: BuildEnvironment): Evaluator {
  const shared = environment.shared;
  let evaluator = shared.evaluators.get(condition);
  if (evaluator === undefined) {
    evaluator = compileNode(condition, environment);
    shared.evaluators.set(condition, evaluator);
  }
  return evaluator;
}

function compileNode(condition: Condition, environment: BuildEnvironment): Evaluator {
  if ('all' in condition) return allOf(condition.all.map((child) => buildEvaluator(child, environment)));
  if ('any' in condition) return anyOf(condition.any.map((child) => buildEvaluator(child, environment)));
  if ('not' in condition) {
    const inner = buildEvaluator(condition.not, environment);
    return (context) => {
      const result = inner(context);
      return result === MET ? UNMET : result === UNMET ? MET : UNKNOWN;
    };
  }
  if ('atLeast' in condition) return atLeast(condition, environment);
  if ('criterion' in condition) return environment.criterion(condition.criterion);
  if ('fact' in condition) return sharedFactLeaf(condition, environment).evaluate;
  if ('event' in condition) return eventEvaluator(condition, environment);
  return scoreEvaluator(condition, environment);
}

function allOf(children: readonly Evaluator[]): Evaluator {
  if (children.length === 1) return children[0] as Evaluator;
  return (context) => {
    let result: Tri = MET;
    for (const child of children) {
      const outcome = child(context);
      if (outcome === UNMET) return UNMET;
      if (outcome === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

function anyOf(children: readonly Evaluator[]): Evaluator {
  if (children.length === 1) return children[0] as Evaluator;
  return (context) => {
    let result: Tri = UNMET;
    for (const child of children) {
      const outcome = child(context);
      if (outcome === MET) return MET;
      if (outcome === UNKNOWN) result = UNKNOWN;
    }
    return result;
  };
}

function atLeast(condition: AtLeastCondition, environment: BuildEnvironment): Evaluator {
  const children = condition.of.map((child) => buildEvaluator(child, environment));
  const needed = condition.atLeast;
  return (context) => {
    let met = 0;
    let unknown = 0;
    let remaining = children.length;
    for (const child of children) {
      remaining--;
      const outcome = child(context);
      if (outcome === MET) {
        if (++met >= needed) return MET;
      } else if (outcome === UNKNOWN) unknown++;
      else if (met + unknown + remaining < needed) return UNMET;
    }
    return met + unknown >= needed ? UNKNOWN : UNMET;
  };
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

interface CompiledOperator {
  readonly test: OperatorTest;
  readonly decidesAbsent: boolean;
}

function compileOperators(
  operators: FactOperators,
  table: OperatorTests,
  skip: string | undefined,
): CompiledOperator[] {
  const compiled: CompiledOperator[] = [];
  for (const key of Object.keys(operators)) {
    if (key === skip) continue;
    const definition = table[key as keyof OperatorTests];
    compiled.push({
      test: definition.compile((operators as Record<string, unknown>)[key]),
      decidesAbsent: definition.decidesAbsent === true,
    });
  }
  return compiled;
}

/** All operators of one value, and-ed, three-valued. */
function valueTest(operators: readonly CompiledOperator[]): OperatorTest {
  if (operators.length === 1) {
    const { test, decidesAbsent } = operators[0] as CompiledOperator;
    return decidesAbsent
      ? test
      : (value, context, path) => (isAbsent(value) ? UNKNOWN : test(value, context, path));
  }
  return (value, context, path) => {
    const absent = isAbsent(value);
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
 * The fact leaf of a condition, one per distinct leaf of a compilation: in a classifier it is memoised
 * per lead, so criteria, probes, blockers and scoring rules that test the same fact the same way read
 * and test it once.
 */
export function sharedFactLeaf(condition: FactCondition, environment: BuildEnvironment): FactLeaf {
  const shared = environment.shared;
  const key = JSON.stringify(condition);
  const known = shared.leaves.get(key);
  if (known !== undefined) return known;
  const path = condition.fact;
  const read = compilePath(path);
  const test = valueTest(compileOperators(condition, environment.operators, 'fact'));
  const slot = shared.slots++;
  const evaluate: Evaluator = (context) => {
    const memo = context.memo;
    if (memo === undefined) return test(read(context.lead), context, path);
    if (memo.stamps[slot] === context.generation) return memo.statuses[slot] as Tri;
    const value = read(context.lead);
    const status = test(value, context, path);
    memo.stamps[slot] = context.generation;
    memo.statuses[slot] = status;
    memo.values[slot] = value;
    return status;
  };
  const leaf: FactLeaf = {
    evaluate,
    value: (context) => {
      const memo = context.memo;
      if (memo === undefined) return read(context.lead);
      evaluate(context);
      return memo.values[slot];
    },
  };
  shared.leaves.set(key, leaf);
  return leaf;
}

function scoreEvaluator(condition: ScoreCondition, environment: BuildEnvironment): Evaluator {
  const read = environment.score(condition.score);
  // numeric comparisons are fixed, whatever fact operators the environment allows
  const test = valueTest(compileOperators(condition as NumberComparisons, defaultOperatorTests, 'score'));
  return (context) => test(read(context), context, undefined);
}

function eventEvaluator(condition: EventCondition, environment: BuildEnvironment): Evaluator {
  const match = sharedEventMatcher(condition, environment);
  const countTest = valueTest(
    compileOperators(condition.count ?? { gte: 1 }, defaultOperatorTests, undefined),
  );
  return (context) => {
    const count = match(context);
    return count < 0 ? UNKNOWN : countTest(count, context, undefined);
  };
}

/** Counts the lead's events that match a type list, window and filters, by `asOf`; `-1` when the lead has no events array. */
export type EventMatcher = (context: EvalContext) => number;

/** The event matcher of a condition: its count in the compilation's one-pass event tally. */
export function sharedEventMatcher(condition: EventCondition, environment: BuildEnvironment): EventMatcher {
  const plan = environment.shared.plan;
  const consumer = plan.add(condition, KEEP_COUNT);
  return (context) => {
    const tally = plan.tally(context);
    return tally.hasEvents ? (tally.counts[consumer] as number) : -1;
  };
}

/** Compiles a `where` clause: one filter per props path, its operators and-ed. */
export function compileFilters(where: EventSelection['where'], table: OperatorTests): EventFilter[] {
  return Object.entries(where ?? {}).map(([propPath, operators]) => ({
    read: compilePath(propPath),
    test: valueTest(compileOperators(operators, table, undefined)),
  }));
}
