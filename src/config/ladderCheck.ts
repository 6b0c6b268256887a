import { allOf, anyOf, atLeast, notOf, type TriOf } from '../dsl/triLogic';
import { childrenOf, kindOf } from '../dsl/walk';
import { type Issue, makeIssue } from '../internal/issues';
import { MET, type Tri, UNKNOWN, UNMET } from '../internal/status';
import type { AtLeastCondition, Condition, CriterionCondition } from '../schema/condition';
import type { Config } from '../schema/config';

/** A leaf's status in the search: the `Tri` of classification (0 unmet, 1 met, 2 unknown). */
type Value = Tri;

/** At most this many distinct leaves per check: 3^10 = 59,049 assignments, a few ms. */
const MAX_LEAVES = 10;

/** The distinct leaves (fact, event, score tests) of a condition, criteria expanded. */
function leavesOf(
  condition: Condition,
  config: Config,
  found: Map<string, number>,
  expand: boolean,
  depth = 0,
): void {
  if (depth > 64) return;
  const kind = kindOf(condition);
  if (kind === 'criterion') {
    const { criterion } = condition as CriterionCondition;
    if (!expand) {
      const key = `criterion:${criterion}`;
      if (!found.has(key)) found.set(key, found.size);
      return;
    }
    const target = Object.hasOwn(config.criteria, criterion) ? config.criteria[criterion] : undefined;
    if (target !== undefined) leavesOf(target.when, config, found, expand, depth + 1);
    return;
  }
  const children = childrenOf(condition);
  if (children.length > 0) {
    for (const child of children) leavesOf(child, config, found, expand, depth + 1);
    return;
  }
  const key = JSON.stringify(condition);
  if (!found.has(key)) found.set(key, found.size);
}

type Evaluate = TriOf<Value[]>;

/**
 * Compiles a condition into a three-valued function of the leaves' statuses, once (the search below calls
 * it up to 3^10 times), with the combinators classification uses.
 */
function compileTri(condition: Condition, config: Config, index: Map<string, number>, depth = 0): Evaluate {
  if (depth > 64) return () => UNKNOWN;
  const children = () => childrenOf(condition).map((child) => compileTri(child, config, index, depth + 1));
  switch (kindOf(condition)) {
    case 'all':
      return allOf(children());
    case 'any':
      return anyOf(children());
    case 'not':
      return notOf(children()[0] as Evaluate);
    case 'atLeast':
      return atLeast((condition as AtLeastCondition).atLeast, children());
    case 'criterion': {
      const { criterion, is } = condition as CriterionCondition;
      const variable = index.get(`criterion:${criterion}`);
      const read: Evaluate =
        variable !== undefined
          ? (values) => values[variable] as Value
          : compileTri((config.criteria[criterion] as { when: Condition }).when, config, index, depth + 1);
      if (is === undefined) return read;
      const wanted = is === 'met' ? MET : is === 'unmet' ? UNMET : UNKNOWN;
      return (values) => (read(values) === wanted ? MET : UNMET);
    }
    default: {
      const variable = index.get(JSON.stringify(condition)) as number;
      return (values) => values[variable] as Value;
    }
  }
}

/** Calls `visit` with every assignment of statuses to `count` leaves until it returns true. */
function someAssignment(count: number, visit: (values: Value[]) => boolean): boolean {
  const values = new Array<Value>(count).fill(UNMET);
  for (;;) {
    if (visit(values)) return true;
    let position = 0;
    while (position < count && values[position] === UNKNOWN) values[position++] = UNMET;
    if (position === count) return false;
    values[position] = ((values[position] as number) + 1) as Value;
  }
}

/**
 * Stages no lead can reach: for each stage, is there any status of the criteria and tests the ladder reads
 * (each met, unmet or unknown, independently) that meets it while every stage above is not met? Taken as
 * independent, a stage reported here is unreachable whatever the lead; one that is not may still be, through
 * relations between criteria (`gte 10` and `lt 5`). More than 10 variables: not checked. Also warns when an
 * SQO-like rung can be met by a lead the rung below would not take (criteria expanded into their tests).
 */
export function ladderWarnings(config: Config): Issue[] {
  const warnings: Issue[] = [];
  const stages = config.stages;
  for (let index = 0; index < stages.length; index++) {
    const stage = stages[index]!;
    if (stage.when === undefined) continue;
    const leaves = new Map<string, number>();
    for (let above = 0; above <= index; above++) {
      const when = stages[above]!.when;
      // criteria as variables: independent of each other, so "unreachable" is never said wrongly
      if (when !== undefined) leavesOf(when, config, leaves, false);
    }
    if (leaves.size > MAX_LEAVES) continue;
    const target = compileTri(stage.when, config, leaves);
    const above = stages
      .slice(0, index)
      .flatMap((each) => (each.when === undefined ? [] : [compileTri(each.when, config, leaves)]));
    const reachable = someAssignment(leaves.size, (values) => {
      if (target(values) !== MET) return false;
      for (const each of above) if (each(values) === MET) return false;
      return true;
    });
    if (!reachable) {
      warnings.push(
        makeIssue({
          code: 'unreachable_stage',
          path: ['stages', index, 'when'],
          problem: `no lead can reach stage "${stage.id}": whenever it is met, a stage above is met first`,
          expected: 'a stage some lead can reach: stages are ordered highest first',
          fix: `move "${stage.id}" higher, or narrow the stages above it`,
        }),
      );
    }
  }
  warnings.push(...rungWarnings(config));
  return warnings;
}

/**
 * A rung above the next rung down (SQO above SAL) should take only leads the lower rung would take too:
 * a lead that meets SQO but would not even be SAL is probably a mistake in one of the two.
 */
function rungWarnings(config: Config): Issue[] {
  const warnings: Issue[] = [];
  const rungs = config.stages
    .map((stage, index) => ({ stage, index }))
    .filter(({ stage }) => stage.exit !== true && stage.when !== undefined);
  for (let position = 0; position + 1 < rungs.length; position++) {
    const upper = rungs[position]!;
    const lower = rungs[position + 1]!;
    const leaves = new Map<string, number>();
    // leaves, criteria expanded: criteria that share facts are not independent
    leavesOf(upper.stage.when as Condition, config, leaves, true);
    leavesOf(lower.stage.when as Condition, config, leaves, true);
    if (leaves.size > MAX_LEAVES) continue;
    const upperWhen = compileTri(upper.stage.when as Condition, config, leaves);
    const lowerWhen = compileTri(lower.stage.when as Condition, config, leaves);
    const escapes = someAssignment(
      leaves.size,
      (values) => upperWhen(values) === MET && lowerWhen(values) === UNMET,
    );
    if (escapes) {
      warnings.push(
        makeIssue({
          code: 'rung_not_implied',
          path: ['stages', upper.index, 'when'],
          problem: `a lead can meet "${upper.stage.id}" while "${lower.stage.id}", the rung below, is unmet for it`,
          expected: `a "${upper.stage.id}" condition that includes what makes a lead "${lower.stage.id}"`,
          fix: `add "${lower.stage.id}"'s condition (or its criteria) to "${upper.stage.id}", if every ${upper.stage.id} should be ${lower.stage.id}-worthy`,
        }),
      );
    }
  }
  return warnings;
}
