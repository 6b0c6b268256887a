import {
  type BuildEnvironment,
  buildEvaluator,
  type Evaluator,
  sharedEventMatcher,
} from '../dsl/buildEvaluator';
import type { EvalContext } from '../internal/context';
import { localize } from '../internal/localize';
import { compilePath } from '../internal/path';
import { MET, statusName, type Tri, UNKNOWN } from '../internal/status';
import { formatInstant } from '../internal/time';
import type { Condition, EventCondition, FactCondition, ScoreCondition } from '../schema/condition';
import type { ClassifyContext } from './ClassifyContext';
import type { CompiledConfig } from './compile';
import { describeCondition } from './describeCondition';
import type { Blocker, Classification, CriterionFact, CriterionResult, LedgerEntry } from './types';

/** A leaf a criterion reads, evaluated only when a result is built. */
export interface Probe {
  readonly path: string;
  readonly expected: unknown;
  readonly read: (context: EvalContext) => unknown;
  readonly evaluate: Evaluator;
}

/** A stage condition kept as a tree, to find what blocks it. */
export type StageTree =
  | { readonly kind: 'group'; readonly evaluate: Evaluator; readonly children: readonly StageTree[] }
  | { readonly kind: 'criterion'; readonly evaluate: Evaluator; readonly id: string }
  | {
      readonly kind: 'leaf';
      readonly evaluate: Evaluator;
      readonly label: string;
      readonly facts: readonly string[];
    };

function without(condition: object, key: string): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(condition)) if (name !== key) rest[name] = value;
  return rest;
}

function eventPath(condition: EventCondition): string {
  return `events[${typeof condition.event === 'string' ? condition.event : condition.event.join('|')}]`;
}

/** The leaves of a criterion's condition (not following other criteria: they report their own). */
export function compileProbes(condition: Condition, environment: BuildEnvironment): Probe[] {
  const probes: Probe[] = [];
  const walk = (node: Condition): void => {
    if ('all' in node) node.all.forEach(walk);
    else if ('any' in node) node.any.forEach(walk);
    else if ('atLeast' in node) node.of.forEach(walk);
    else if ('not' in node) walk(node.not);
    else if ('fact' in node) {
      const read = compilePath((node as FactCondition).fact);
      probes.push({
        path: node.fact,
        expected: without(node, 'fact'),
        read: (context) => read(context.lead),
        evaluate: buildEvaluator(node, environment),
      });
    } else if ('event' in node) {
      const match = sharedEventMatcher(node, environment);
      probes.push({
        path: eventPath(node),
        expected: { count: { gte: 1 }, ...without(node, 'event') },
        read: (context) => {
          const count = match(context, undefined);
          return count < 0 ? undefined : count;
        },
        evaluate: buildEvaluator(node, environment),
      });
    } else if ('score' in node) {
      const read = environment.score((node as ScoreCondition).score);
      probes.push({
        path: `scores.${node.score}`,
        expected: without(node, 'score'),
        read,
        evaluate: buildEvaluator(node, environment),
      });
    }
  };
  walk(condition);
  return probes;
}

/** Compiles a stage condition into a tree whose nodes can each be evaluated. */
export function compileStageTree(condition: Condition, environment: BuildEnvironment): StageTree {
  const evaluate = buildEvaluator(condition, environment);
  if ('all' in condition || 'any' in condition || 'atLeast' in condition) {
    const children = 'all' in condition ? condition.all : 'any' in condition ? condition.any : condition.of;
    return {
      kind: 'group',
      evaluate,
      children: children.map((child) => compileStageTree(child, environment)),
    };
  }
  if ('criterion' in condition) return { kind: 'criterion', evaluate, id: condition.criterion };
  const facts = [...new Set(compileProbes(condition, environment).map((probe) => probe.path))];
  return { kind: 'leaf', evaluate, label: describeCondition(condition), facts };
}

/** Lead values as plain JSON: dates become ISO strings, what JSON cannot hold is left out. */
function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return String(value);
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return value;
  }
}

function blockers(
  compiled: CompiledConfig,
  tree: StageTree,
  context: ClassifyContext,
  locale: string,
): Blocker[] {
  const found: Blocker[] = [];
  const seen = new Set<string>();
  const visit = (node: StageTree): void => {
    const status = node.evaluate(context);
    if (status === MET) return;
    const name = statusName(status) as 'unmet' | 'unknown';
    if (node.kind === 'group') {
      for (const child of node.children) visit(child);
    } else if (node.kind === 'criterion') {
      if (seen.has(`criterion:${node.id}`)) return;
      seen.add(`criterion:${node.id}`);
      const criterion = compiled.criteria[compiled.criterionIndex.get(node.id) as number]!;
      const facts = [
        ...new Set(
          criterion.probes.filter((probe) => probe.evaluate(context) !== MET).map((probe) => probe.path),
        ),
      ];
      found.push({
        criterion: node.id,
        label: localize(criterion.label, locale),
        status: name,
        ...(criterion.hint === undefined ? {} : { hint: localize(criterion.hint, locale) }),
        facts,
      });
    } else if (!seen.has(`leaf:${node.label}`)) {
      seen.add(`leaf:${node.label}`);
      found.push({ label: node.label, status: name, facts: node.facts });
    }
  };
  visit(tree);
  return found;
}

/** ISO text of the last instants formatted: a batch classified at one `asOf` formats it once. */
let lastInstant = Number.NaN;
let lastInstantText = '';
function formatCached(instant: number): string {
  if (instant !== lastInstant) {
    lastInstantText = formatInstant(instant);
    lastInstant = instant;
  }
  return lastInstantText;
}

/** Assembles the full, plain-JSON result of one classification. */
export function buildResult(
  compiled: CompiledConfig,
  context: ClassifyContext,
  locale: string,
): Classification {
  const stageStatuses: Tri[] = compiled.stages.map((stage) => stage.evaluate(context));
  let current = stageStatuses.indexOf(MET);
  if (current < 0) current = compiled.stages.length - 1; // unreachable after lint: the fallback is always met
  const stage = compiled.stages[current]!;

  const criteria: Record<string, CriterionResult> = {};
  compiled.criteria.forEach((criterion, index) => {
    const facts: CriterionFact[] = criterion.probes.map((probe) => {
      const value = toJsonValue(probe.read(context));
      return value === undefined
        ? { path: probe.path, expected: probe.expected }
        : { path: probe.path, value, expected: probe.expected };
    });
    criteria[criterion.id] = {
      status: statusName(context.criterion(index)),
      label: localize(criterion.label, locale),
      ...(criterion.dimension === undefined ? {} : { dimension: criterion.dimension }),
      ...(criterion.hint === undefined ? {} : { hint: localize(criterion.hint, locale) }),
      facts,
    };
  });

  const { scores, ledger } = context.scores();
  const lead = context.lead as { id?: unknown } | null;
  const leadId =
    typeof lead?.id === 'string' ? lead.id : typeof lead?.id === 'number' ? String(lead.id) : undefined;

  let nextIndex = -1;
  if (!stage.exit) {
    for (let index = current - 1; index >= 0; index--) {
      if (!compiled.stages[index]!.exit) {
        nextIndex = index;
        break;
      }
    }
  }
  const nextStage = nextIndex < 0 ? undefined : compiled.stages[nextIndex]!;

  const result: Record<string, unknown> = {};
  if (leadId !== undefined) result.leadId = leadId;
  result.stage = stage.id;
  result.stageLabel = localize(stage.label, locale);
  result.asOf = formatCached(context.asOf);
  result.config = { id: compiled.id, version: 1, hash: compiled.hash };
  result.scores = scores;
  result.criteria = criteria;
  result.stages = compiled.stages.map((entry, index) =>
    entry.exit
      ? { id: entry.id, status: statusName(stageStatuses[index]!), exit: true }
      : { id: entry.id, status: statusName(stageStatuses[index]!) },
  );
  if (nextStage !== undefined && nextStage.tree !== undefined) {
    const status = stageStatuses[nextIndex] === UNKNOWN ? 'unknown' : 'unmet';
    result.next = {
      stage: nextStage.id,
      label: localize(nextStage.label, locale),
      status,
      blockers: blockers(compiled, nextStage.tree, context, locale),
    };
  }
  result.ledger = ledger.map((entry): LedgerEntry => {
    const label = compiled.ruleLabels.get(entry.rule);
    if (label === undefined) return entry;
    const { rule, ...rest } = entry;
    return { rule, label: localize(label, locale), ...rest };
  });
  result.actions = stage.actions.map((action) => localize(action, locale));
  if (stage.followUpBy !== undefined) result.followUpBy = stage.followUpBy(context.asOf);
  result.flags = context.flags === undefined ? [] : [...context.flags];
  return result as unknown as Classification;
}
