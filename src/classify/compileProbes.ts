import { eventPath, frozen, without } from '../codegen/resultParts';
import {
  type CompileEnvironment,
  compileEvaluator,
  type Evaluator,
  sharedEventMatcher,
  sharedFactLeaf,
} from '../dsl/compileEvaluator';
import type { EvalContext } from '../dsl/context';
import { describeCondition } from '../dsl/describeCondition';
import { childrenOf, forEachCondition, kindOf } from '../dsl/walk';
import type {
  Condition,
  CriterionCondition,
  EventCondition,
  FactCondition,
  ScoreCondition,
} from '../schema/condition';
import type { Probe, StageTree } from './compiledConfig';

export { frozen };

/** A probe from its parts, with its shared `absent` fact. */
function probe(path: string, expected: unknown, read: Probe['read'], evaluate: Evaluator): Probe {
  const frozenExpected = frozen(expected);
  return {
    path,
    expected: frozenExpected,
    absent: Object.freeze({ path, expected: frozenExpected }),
    read,
    evaluate,
  };
}

/** The probe of one leaf (fact, event or score); `undefined` for groups and criteria. */
function leafProbe(node: Condition, environment: CompileEnvironment): Probe | undefined {
  switch (kindOf(node)) {
    case 'fact': {
      const leaf = sharedFactLeaf(node as FactCondition, environment);
      return probe((node as FactCondition).fact, without(node, 'fact'), leaf.value, leaf.evaluate);
    }
    case 'event': {
      const match = sharedEventMatcher(node as EventCondition, environment);
      const count = (context: EvalContext) => {
        const events = match(context);
        return events < 0 ? undefined : events;
      };
      return probe(
        eventPath(node as EventCondition),
        { count: { gte: 1 }, ...without(node, 'event') },
        count,
        compileEvaluator(node, environment),
      );
    }
    case 'score': {
      const name = (node as ScoreCondition).score;
      return probe(
        `scores.${name}`,
        without(node, 'score'),
        environment.score(name),
        compileEvaluator(node, environment),
      );
    }
    default:
      return undefined;
  }
}

/** The leaves of a criterion's condition, in document order (not following other criteria: they report their own). */
export function compileProbes(condition: Condition, environment: CompileEnvironment): Probe[] {
  const probes: Probe[] = [];
  forEachCondition(condition, (node) => {
    const found = leafProbe(node, environment);
    if (found !== undefined) probes.push(found);
  });
  return probes;
}

/** Compiles a stage condition into a tree whose nodes can each be evaluated, to find its blockers. */
export function compileStageTree(
  condition: Condition,
  environment: CompileEnvironment,
  criterionIndex: ReadonlyMap<string, number>,
): StageTree {
  const evaluate = compileEvaluator(condition, environment);
  const kind = kindOf(condition);
  if (kind === 'all' || kind === 'any' || kind === 'atLeast') {
    return {
      kind: 'group',
      evaluate,
      children: childrenOf(condition).map((child) => compileStageTree(child, environment, criterionIndex)),
    };
  }
  if (kind === 'criterion' && (condition as CriterionCondition).is === undefined) {
    const id = (condition as CriterionCondition).criterion;
    return {
      kind: 'criterion',
      evaluate,
      index: criterionIndex.get(id) as number,
      brief: [
        Object.freeze({ criterion: id, status: 'unmet' }),
        Object.freeze({ criterion: id, status: 'unknown' }),
      ],
    };
  }
  const facts = [...new Set(compileProbes(condition, environment).map((each) => each.path))];
  const label = describeCondition(condition);
  return {
    kind: 'leaf',
    evaluate,
    label,
    facts: frozen(facts),
    brief: [Object.freeze({ label, status: 'unmet' }), Object.freeze({ label, status: 'unknown' })],
  };
}
