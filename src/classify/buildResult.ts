import { MET, statusName, type Tri, UNKNOWN } from '../internal/status';
import { formatInstant, memoByInstant } from '../internal/time';
import type { Blocker, Classification, CriterionFact, CriterionResult, NextStage } from '../schema/result';
import type { ClassifyContext } from './ClassifyContext';
import type { CompiledConfig, LocalizedTexts, StageTree } from './compiledConfig';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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

/** What blocks a stage: each leaf or criterion of its tree that is not met, once, in tree order. */
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
    const labels = texts.factLabels(node.facts);
    found.push(
      labels === undefined
        ? { label: node.label, status: name, facts: node.facts }
        : { label: node.label, status: name, facts: node.facts, labels },
    );
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
  const blocker = { criterion: criterion.id, label: text.label, status: name } as Mutable<Blocker>;
  if (text.hint !== undefined) blocker.hint = text.hint;
  blocker.facts = facts;
  const labels = texts.factLabels(facts);
  if (labels !== undefined) blocker.labels = labels;
  found.push(blocker);
}

function criteriaResults(compiled: CompiledConfig, context: ClassifyContext, texts: LocalizedTexts) {
  // a copy of a template with every criterion key: one shape, no transition per key
  const criteria: Record<string, CriterionResult> = { ...compiled.criteriaTemplate };
  const compiledCriteria = compiled.criteria;
  for (let index = 0; index < compiledCriteria.length; index++) {
    const criterion = compiledCriteria[index]!;
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
    const entry: Mutable<CriterionResult> = {
      status: statusName(context.criterion(index)),
      label: text.label,
      facts,
    };
    if (criterion.dimension !== undefined) entry.dimension = criterion.dimension;
    if (text.hint !== undefined) entry.hint = text.hint;
    if (criterion.knockOut) entry.knockOut = true;
    criteria[criterion.id] = entry;
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
  const stages = compiled.stages;
  const stageCount = stages.length;
  const stageStatuses: Tri[] = new Array(stageCount);
  let current = -1;
  for (let index = 0; index < stageCount; index++) {
    const status = stages[index]!.evaluate(context);
    stageStatuses[index] = status;
    if (current < 0 && status === MET) current = index;
  }
  if (current < 0) current = stageCount - 1; // unreachable after lint: the fallback is always met
  const stage = stages[current]!;

  // criteria, scores, then blockers: the order flags are raised in
  const criteria = criteriaResults(compiled, context, texts);
  const { scores, ledger } = context.scores();
  const lead = context.lead;
  const id =
    lead !== null && typeof lead === 'object' && Object.hasOwn(lead, 'id')
      ? (lead as { id: unknown }).id
      : undefined;
  const leadId = typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;

  let nextIndex = -1;
  if (!stage.exit) {
    for (let index = current - 1; index >= 0; index--) {
      if (!stages[index]!.exit) {
        nextIndex = index;
        break;
      }
    }
  }
  const nextStage = nextIndex < 0 ? undefined : stages[nextIndex]!;
  let next: NextStage | undefined;
  if (nextStage !== undefined && nextStage.tree !== undefined) {
    const found = blockers(compiled, nextStage.tree, context, texts);
    const unknownStage = stageStatuses[nextIndex] === UNKNOWN;
    // an unmet stage stays unmet whatever its unknowns turn out to be: they cannot help on their own
    const later = unknownStage ? [] : found.filter((blocker) => blocker.status === 'unknown');
    const label = texts.stages[nextIndex]!.label;
    next =
      later.length === 0
        ? { stage: nextStage.id, label, status: unknownStage ? 'unknown' : 'unmet', blockers: found }
        : {
            stage: nextStage.id,
            label,
            status: 'unmet',
            blockers: found.filter((blocker) => blocker.status === 'unmet'),
            later,
          };
  }
  const stageEntries: Array<Classification['stages'][number]> = new Array(stageCount);
  for (let index = 0; index < stageCount; index++) {
    stageEntries[index] = stages[index]!.entries[stageStatuses[index]!];
  }
  // keys assigned in the order every result has (optional ones only when present): the cast stands
  // for the required keys, each assigned below
  const result = {} as Mutable<Classification>;
  if (leadId !== undefined) result.leadId = leadId;
  result.stage = stage.id;
  result.stageLabel = texts.stages[current]!.label;
  result.asOf = formatCached(context.asOf);
  result.locale = texts.locale;
  result.config = compiled.configRef;
  result.scores = scores;
  result.criteria = criteria;
  result.stages = stageEntries;
  if (next !== undefined) result.next = next;
  result.ledger = ledger;
  result.actions = texts.stages[current]!.actions.slice();
  if (stage.followUpBy !== undefined) {
    const by = stage.followUpBy(context.asOf);
    if (by !== undefined) result.followUpBy = by;
    else context.flag('invalid_date:followUpBy');
  }
  result.flags = context.flags === undefined ? [] : [...context.flags];
  return result satisfies Classification;
}
