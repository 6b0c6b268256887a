import { blockerOf, criterionBlocker, criterionEntry, toJsonValue } from '../codegen/resultParts';
import { nextOf } from '../internal/nextOf';
import { newArray, sizedArray } from '../internal/siteFree';
import { MET, type Status, statusName, type Tri, UNKNOWN } from '../internal/status';
import { formatInstant, memoByInstant } from '../internal/time';
import type {
  Blocker,
  BlockerStatus,
  Classification,
  CriterionFact,
  CriterionResult,
  NextStage,
  StatusClassification,
} from '../schema/result';
import type { ClassifyContext } from './ClassifyContext';
import type { CompiledConfig, LocalizedTexts, StageTree } from './compiledConfig';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Every part of a result starts as `{}` (keys assigned after, in the result's key order) or as
// `newArray()` / `sizedArray(n)`, never as `{ key: … }`, `[]` or `new Array(n)`: those carry an allocation
// site, and keeping results while the code is cold makes V8 allocate their parts in old space for the rest
// of the process, 2× slower or worse. See src/internal/siteFree.ts.

type BlockerNode = Exclude<StageTree, { kind: 'group' }>;

/**
 * What blocks a stage: each leaf or criterion of its tree that is not met, once, in tree order — as full
 * {@link Blocker}s, or (`texts` undefined) as the shared `detail: 'statuses'` entries.
 */
function blockers<B extends Blocker | BlockerStatus>(
  compiled: CompiledConfig,
  tree: StageTree,
  context: ClassifyContext,
  texts: LocalizedTexts | undefined,
): B[] {
  const found = newArray<B>();
  // a handful of entries: an array beats a Set here
  collectBlockers(compiled, tree, context, texts, found as Array<Blocker | BlockerStatus>, []);
  return found;
}

function collectBlockers(
  compiled: CompiledConfig,
  node: StageTree,
  context: ClassifyContext,
  texts: LocalizedTexts | undefined,
  found: Array<Blocker | BlockerStatus>,
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
  found.push(
    texts === undefined
      ? node.brief[status === UNKNOWN ? 1 : 0]
      : fullBlocker(compiled, node, status, context, texts),
  );
}

function fullBlocker(
  compiled: CompiledConfig,
  node: BlockerNode,
  status: Tri,
  context: ClassifyContext,
  texts: LocalizedTexts,
): Blocker {
  const name = status === UNKNOWN ? 'unknown' : 'unmet';
  if (node.kind === 'leaf') {
    const labels = texts.factLabels(node.facts);
    return blockerOf(undefined, node.label, name, undefined, node.facts, labels);
  }
  const criterion = compiled.criteria[node.index]!;
  const probes = criterion.probes;
  let facts: string[] | undefined;
  for (let index = 0; index < probes.length; index++) {
    const probe = probes[index]!;
    if (probe.evaluate(context) === MET) {
      // some probe is met: the facts are the others, listed for this lead
      facts ??= newArray();
      continue;
    }
    if (facts !== undefined && !facts.includes(probe.path)) facts.push(probe.path);
  }
  const text = texts.criteria[node.index]!;
  // every probe not met (the common case: nothing known yet): the shared, frozen blocker
  if (facts === undefined) return text.blockers[status === UNKNOWN ? 1 : 0];
  facts.length = 0;
  for (let index = 0; index < probes.length; index++) {
    const probe = probes[index]!;
    if (probe.evaluate(context) !== MET && !facts.includes(probe.path)) facts.push(probe.path);
  }
  return criterionBlocker(criterion, name, text, facts, texts.factLabels(facts));
}

/** Where a lead stands: every stage's status, the first one met (its stage) and the rung above it (or -1). */
interface Standing {
  readonly statuses: Tri[];
  readonly current: number;
  readonly next: number;
}

function standing(compiled: CompiledConfig, context: ClassifyContext): Standing {
  const stages = compiled.stages;
  const stageCount = stages.length;
  const statuses: Tri[] = new Array(stageCount);
  let current = -1;
  for (let index = 0; index < stageCount; index++) {
    const status = stages[index]!.evaluate(context);
    statuses[index] = status;
    if (current < 0 && status === MET) current = index;
  }
  if (current < 0) current = stageCount - 1; // unreachable after lint: the fallback is always met
  let next = -1;
  if (!stages[current]!.exit) {
    for (let index = current - 1; index >= 0; index--) {
      if (!stages[index]!.exit) {
        next = index;
        break;
      }
    }
  }
  return { statuses, current, next };
}

/** The lead's id as results carry it: an own `id` that is a string or a number. */
export function leadIdOf(lead: unknown): string | undefined {
  const id =
    lead !== null && typeof lead === 'object' && Object.hasOwn(lead, 'id')
      ? (lead as { id: unknown }).id
      : undefined;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

/** `result.stages`: the shared, frozen entry of each stage for its status. */
function stageEntriesOf(compiled: CompiledConfig, statuses: Tri[]): Array<Classification['stages'][number]> {
  const stages = compiled.stages;
  const entries = sizedArray<Classification['stages'][number]>(stages.length);
  for (let index = 0; index < stages.length; index++)
    entries[index] = stages[index]!.entries[statuses[index]!];
  return entries;
}

/** `followUpBy` of the lead's stage, or a flag when it leaves the representable range. */
function followUpOf(compiled: CompiledConfig, current: number, context: ClassifyContext): string | undefined {
  const followUpBy = compiled.stages[current]!.followUpBy;
  if (followUpBy === undefined) return undefined;
  const by = followUpBy(context.asOf);
  if (by === undefined) context.flag('invalid_date:followUpBy');
  return by;
}

function criteriaResults(compiled: CompiledConfig, context: ClassifyContext, texts: LocalizedTexts) {
  // a copy of a template with every criterion key: one shape, no transition per key
  const criteria: Record<string, CriterionResult> = { ...compiled.criteriaTemplate };
  const compiledCriteria = compiled.criteria;
  for (let index = 0; index < compiledCriteria.length; index++) {
    const criterion = compiledCriteria[index]!;
    const probes = criterion.probes;
    // allocated only once a fact is present: a criterion that found nothing shares a frozen entry
    let facts: CriterionFact[] | undefined;
    for (let position = 0; position < probes.length; position++) {
      const each = probes[position]!;
      const read = each.read(context);
      if (read === undefined) {
        if (facts !== undefined) facts[position] = each.absent;
        continue;
      }
      // most facts are strings: no call for those
      const value = typeof read === 'string' ? read : toJsonValue(read);
      if (value === undefined) {
        if (facts !== undefined) facts[position] = each.absent;
        continue;
      }
      if (facts === undefined) {
        facts = sizedArray(probes.length);
        for (let before = 0; before < position; before++) facts[before] = probes[before]!.absent;
      }
      const fact = {} as Mutable<CriterionFact>;
      fact.path = each.path;
      fact.value = value;
      fact.expected = each.expected;
      facts[position] = fact;
    }
    const text = texts.criteria[index]!;
    const status = context.criterion(index);
    criteria[criterion.id] =
      facts === undefined ? text.absent[status] : criterionEntry(criterion, statusName(status), text, facts);
  }
  return criteria;
}

/** ISO text of `asOf`: a batch classified at one instant formats it once. */
const formatCached = memoByInstant(formatInstant);

/** Assembles the full, plain-JSON result of one classification. */
export function buildResult(
  compiled: CompiledConfig,
  context: ClassifyContext,
  texts: LocalizedTexts,
): Classification {
  const { statuses, current, next: nextIndex } = standing(compiled, context);
  const stages = compiled.stages;
  // criteria, scores, then blockers: the order flags are raised in
  const criteria = criteriaResults(compiled, context, texts);
  const { scores, ledger } = context.scores();
  const leadId = leadIdOf(context.lead);
  const nextStage = nextIndex < 0 ? undefined : stages[nextIndex]!;
  const next: NextStage | undefined =
    nextStage === undefined || nextStage.tree === undefined
      ? undefined
      : (nextOf(
          nextStage.id,
          texts.stages[nextIndex]!.label,
          blockers<Blocker>(compiled, nextStage.tree, context, texts),
          statuses[nextIndex] === UNKNOWN,
        ) as NextStage);
  // keys assigned in the order every result has (optional ones only when present): the cast stands
  // for the required keys, each assigned below
  const result = {} as Mutable<Classification>;
  if (leadId !== undefined) result.leadId = leadId;
  result.stage = stages[current]!.id;
  result.stageLabel = texts.stages[current]!.label;
  result.asOf = formatCached(context.asOf);
  result.locale = texts.locale;
  result.config = compiled.configRef;
  result.scores = scores;
  // a string shared by every lead of its cell; no key at all without grades
  if (compiled.grade !== undefined) result.grade = compiled.grade(scores);
  result.criteria = criteria;
  result.stages = stageEntriesOf(compiled, statuses);
  if (next !== undefined) result.next = next;
  result.ledger = ledger;
  result.actions = texts.stages[current]!.actions;
  const followUpBy = followUpOf(compiled, current, context);
  if (followUpBy !== undefined) result.followUpBy = followUpBy;
  result.flags = context.flags === undefined ? newArray() : [...context.flags];
  return result satisfies Classification;
}

/** The shared `{ status }` entries of `detail: 'statuses'` criteria, by `Tri`. */
const CRITERION_STATUSES = [
  Object.freeze({ status: 'unmet' as const }),
  Object.freeze({ status: 'met' as const }),
  Object.freeze({ status: 'unknown' as const }),
] as const;

/**
 * Assembles the `detail: 'statuses'` result: what {@link buildResult} computes, without facts, labels,
 * hints, ledger or actions. Criterion entries and blockers are shared frozen objects: a result holds
 * little more than its arrays.
 */
export function buildStatuses(compiled: CompiledConfig, context: ClassifyContext): StatusClassification {
  const { statuses, current, next: nextIndex } = standing(compiled, context);
  const stages = compiled.stages;
  const criteria: Record<string, { readonly status: Status }> = { ...compiled.criteriaTemplate };
  const compiledCriteria = compiled.criteria;
  for (let index = 0; index < compiledCriteria.length; index++) {
    const criterion = compiledCriteria[index]!;
    // the probes read what full results read, in the same order, so the same flags are raised in it
    const probes = criterion.probes;
    for (let position = 0; position < probes.length; position++) probes[position]!.read(context);
    criteria[criterion.id] = CRITERION_STATUSES[context.criterion(index)];
  }
  const { scores } = context.scores();
  const leadId = leadIdOf(context.lead);
  const nextStage = nextIndex < 0 ? undefined : stages[nextIndex]!;
  const result = {} as Mutable<StatusClassification>;
  result.detail = 'statuses';
  if (leadId !== undefined) result.leadId = leadId;
  result.stage = stages[current]!.id;
  result.asOf = formatCached(context.asOf);
  result.config = compiled.configRef;
  result.scores = scores;
  if (compiled.grade !== undefined) result.grade = compiled.grade(scores);
  result.criteria = criteria;
  result.stages = stageEntriesOf(compiled, statuses);
  if (nextStage !== undefined && nextStage.tree !== undefined) {
    result.next = nextOf(
      nextStage.id,
      undefined,
      blockers<BlockerStatus>(compiled, nextStage.tree, context, undefined),
      statuses[nextIndex] === UNKNOWN,
    );
  }
  const followUpBy = followUpOf(compiled, current, context);
  if (followUpBy !== undefined) result.followUpBy = followUpBy;
  result.flags = context.flags === undefined ? newArray() : [...context.flags];
  return result;
}

/** The lead's stage alone: stages evaluated top down until one is met, nothing else computed. */
export function stageOf(compiled: CompiledConfig, context: ClassifyContext): string {
  context.lazyEvents = true;
  const stages = compiled.stages;
  const last = stages.length - 1;
  for (let index = 0; index < last; index++) {
    if (stages[index]!.evaluate(context) === MET) return stages[index]!.id;
  }
  return stages[last]!.id;
}
