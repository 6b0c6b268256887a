import {
  type BuildEnvironment,
  buildEvaluator,
  type Evaluator,
  sharedEventMatcher,
  sharedFactLeaf,
} from '../dsl/buildEvaluator';
import type { EvalContext } from '../internal/context';
import { localize } from '../internal/localize';
import { MET, statusName, type Tri, UNKNOWN } from '../internal/status';
import { formatInstant, memoByInstant } from '../internal/time';
import type { Condition, EventCondition, ScoreCondition } from '../schema/condition';
import type { CompiledConfig } from './buildClassifier';
import type { ClassifyContext } from './ClassifyContext';
import { describeCondition } from './describeCondition';
import type { Blocker, Classification, CriterionFact, CriterionResult } from './types';

/** A leaf a criterion reads, evaluated only when a result is built. */
export interface Probe {
  readonly path: string;
  readonly expected: unknown;
  /** The fact as reported when the lead has no value for it: frozen, shared by every result. */
  readonly absent: CriterionFact;
  readonly read: (context: EvalContext) => unknown;
  readonly evaluate: Evaluator;
}

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

/** A stage condition kept as a tree, to find what blocks it. */
export type StageTree =
  | { readonly kind: 'group'; readonly evaluate: Evaluator; readonly children: readonly StageTree[] }
  | { readonly kind: 'criterion'; readonly evaluate: Evaluator; readonly index: number }
  | {
      readonly kind: 'leaf';
      readonly evaluate: Evaluator;
      readonly label: string;
      readonly facts: readonly string[];
    };

/**
 * A deep, frozen copy of config-derived data that every result shares: no caller can change it for the
 * next result, and the caller's config is never frozen itself.
 */
function frozen<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozen)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = frozen(item);
  return Object.freeze(copy) as T;
}

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
      const leaf = sharedFactLeaf(node, environment);
      probes.push(probe(node.fact, without(node, 'fact'), leaf.value, leaf.evaluate));
    } else if ('event' in node) {
      const match = sharedEventMatcher(node, environment);
      const count = (context: EvalContext) => {
        const events = match(context);
        return events < 0 ? undefined : events;
      };
      probes.push(
        probe(
          eventPath(node),
          { count: { gte: 1 }, ...without(node, 'event') },
          count,
          buildEvaluator(node, environment),
        ),
      );
    } else if ('score' in node) {
      const read = environment.score((node as ScoreCondition).score);
      probes.push(
        probe(`scores.${node.score}`, without(node, 'score'), read, buildEvaluator(node, environment)),
      );
    }
  };
  walk(condition);
  return probes;
}

/** Compiles a stage condition into a tree whose nodes can each be evaluated. */
export function compileStageTree(
  condition: Condition,
  environment: BuildEnvironment,
  criterionIndex: ReadonlyMap<string, number>,
): StageTree {
  const evaluate = buildEvaluator(condition, environment);
  if ('all' in condition || 'any' in condition || 'atLeast' in condition) {
    const children = 'all' in condition ? condition.all : 'any' in condition ? condition.any : condition.of;
    return {
      kind: 'group',
      evaluate,
      children: children.map((child) => compileStageTree(child, environment, criterionIndex)),
    };
  }
  if ('criterion' in condition) {
    return { kind: 'criterion', evaluate, index: criterionIndex.get(condition.criterion) as number };
  }
  const facts = [...new Set(compileProbes(condition, environment).map((probe) => probe.path))];
  return { kind: 'leaf', evaluate, label: describeCondition(condition), facts: frozen(facts) };
}

/**
 * Lead values as plain JSON, as `JSON.stringify` would see them: dates become ISO strings, non-finite
 * numbers and bigints strings, what JSON cannot hold is left out (or `null` inside arrays). Objects and
 * arrays are copied, so a result never aliases the lead; past a few levels (or in a cycle) they stop.
 */
function toJsonValue(value: unknown, depth = 0): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // -0 becomes 0, as JSON writes it
      return Number.isFinite(value) ? value + 0 : String(value);
    case 'bigint':
      return String(value);
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
      if (depth >= 8) return undefined;
      if (Array.isArray(value)) return value.map((item) => toJsonValue(item, depth + 1) ?? null);
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const item = toJsonValue((value as Record<string, unknown>)[key], depth + 1);
        if (item === undefined) continue;
        // an own "__proto__" key (JSON.parse makes them) stays data, never a prototype
        if (key === '__proto__')
          Object.defineProperty(copy, key, {
            value: item,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else copy[key] = item;
      }
      return copy;
    }
    default:
      return undefined;
  }
}

/** Labels, hints and actions in one locale, resolved once per compiled config and locale. */
export interface LocalizedTexts {
  readonly criteria: ReadonlyArray<{ readonly label: string; readonly hint: string | undefined }>;
  readonly stages: ReadonlyArray<{ readonly label: string; readonly actions: readonly string[] }>;
  /** Rule labels by rule index. */
  readonly rules: ReadonlyArray<string | undefined>;
}

/** Resolves every text of a compiled config in `locale`. */
export function localizeTexts(compiled: CompiledConfig, locale: string): LocalizedTexts {
  return {
    criteria: compiled.criteria.map((criterion) => ({
      label: localize(criterion.label, locale),
      hint: criterion.hint === undefined ? undefined : localize(criterion.hint, locale),
    })),
    stages: compiled.stages.map((stage) => ({
      label: localize(stage.label, locale),
      actions: stage.actions.map((action) => localize(action, locale)),
    })),
    rules: compiled.ruleLabels.map((label) => (label === undefined ? undefined : localize(label, locale))),
  };
}

function blockers(
  compiled: CompiledConfig,
  tree: StageTree,
  context: ClassifyContext,
  texts: LocalizedTexts,
): Blocker[] {
  const found: Blocker[] = [];
  // a handful of entries: an array beats a Set here
  collectBlockers(compiled, tree, context, texts, found, []);
  return found;
}

/** Walks a stage tree and adds each leaf or criterion that is not met, once. */
function collectBlockers(
  compiled: CompiledConfig,
  node: StageTree,
  context: ClassifyContext,
  texts: LocalizedTexts,
  found: Blocker[],
  seen: unknown[],
): void {
  const status = node.evaluate(context);
  if (status === MET) return;
  if (node.kind === 'group') {
    const children = node.children;
    for (let index = 0; index < children.length; index++) {
      collectBlockers(compiled, children[index]!, context, texts, found, seen);
    }
    return;
  }
  const key = node.kind === 'criterion' ? node.index : node.label;
  if (seen.includes(key)) return;
  seen.push(key);
  const name = status === UNKNOWN ? 'unknown' : 'unmet';
  if (node.kind === 'leaf') {
    found.push({ label: node.label, status: name, facts: node.facts });
    return;
  }
  const criterion = compiled.criteria[node.index]!;
  const facts: string[] = [];
  const probes = criterion.probes;
  for (let index = 0; index < probes.length; index++) {
    const probe = probes[index]!;
    if (probe.evaluate(context) !== MET && !facts.includes(probe.path)) facts.push(probe.path);
  }
  const text = texts.criteria[node.index]!;
  found.push(
    text.hint === undefined
      ? { criterion: criterion.id, label: text.label, status: name, facts }
      : { criterion: criterion.id, label: text.label, status: name, hint: text.hint, facts },
  );
}

/** ISO text of `asOf`: a batch classified at one instant formats it once. */
const formatCached = memoByInstant(formatInstant);

/** Assembles the full, plain-JSON result of one classification. */
export function buildResult(
  compiled: CompiledConfig,
  context: ClassifyContext,
  texts: LocalizedTexts,
): Classification {
  const stageCount = compiled.stages.length;
  const stageStatuses: Tri[] = new Array(stageCount);
  let current = -1;
  for (let index = 0; index < stageCount; index++) {
    const status = compiled.stages[index]!.evaluate(context);
    stageStatuses[index] = status;
    if (current < 0 && status === MET) current = index;
  }
  if (current < 0) current = stageCount - 1; // unreachable after lint: the fallback is always met
  const stage = compiled.stages[current]!;

  // a copy of a template with every criterion key: one shape, no transition per key
  const criteria = { ...compiled.criteriaTemplate } as unknown as Record<string, CriterionResult>;
  for (let index = 0; index < compiled.criteria.length; index++) {
    const criterion = compiled.criteria[index]!;
    const probes = criterion.probes;
    const facts: CriterionFact[] = new Array(probes.length);
    for (let position = 0; position < probes.length; position++) {
      const each = probes[position]!;
      const read = each.read(context);
      // most facts are absent or strings: no call for those
      const value = read === undefined || typeof read === 'string' ? read : toJsonValue(read);
      facts[position] =
        value === undefined ? each.absent : { path: each.path, value, expected: each.expected };
    }
    const text = texts.criteria[index]!;
    const status = statusName(context.criterion(index));
    const { label, hint } = text;
    const dimension = criterion.dimension;
    // one literal per combination of present keys: each entry gets one shape, keys in one order
    const entry: CriterionResult =
      dimension === undefined
        ? hint === undefined
          ? { status, label, facts }
          : { status, label, facts, hint }
        : hint === undefined
          ? { status, label, facts, dimension }
          : { status, label, facts, dimension, hint };
    criteria[criterion.id] = entry;
  }

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
  result.stageLabel = texts.stages[current]!.label;
  result.asOf = formatCached(context.asOf);
  result.config = compiled.configRef;
  result.scores = scores;
  result.criteria = criteria;
  const stages: Array<Classification['stages'][number]> = new Array(stageCount);
  for (let index = 0; index < stageCount; index++) {
    stages[index] = compiled.stages[index]!.entries[stageStatuses[index]!];
  }
  result.stages = stages;
  if (nextStage !== undefined && nextStage.tree !== undefined) {
    result.next = {
      stage: nextStage.id,
      label: texts.stages[nextIndex]!.label,
      status: stageStatuses[nextIndex] === UNKNOWN ? 'unknown' : 'unmet',
      blockers: blockers(compiled, nextStage.tree, context, texts),
    };
  }
  result.ledger = ledger;
  result.actions = texts.stages[current]!.actions.slice();
  if (stage.followUpBy !== undefined) result.followUpBy = stage.followUpBy(context.asOf);
  result.flags = context.flags === undefined ? [] : [...context.flags];
  return result as unknown as Classification;
}
