// Parts of full results that the closures (src/classify/buildResult.ts, localizeTexts.ts) and the code
// generated for the 'full' level build alike: one implementation, so both are byte for byte the same. Every
// part starts as `{}` or `newArray()` (the site-free rule: see src/internal/siteFree.ts).
import { type LocalizedText, localize } from '../internal/localize';
import { newArray } from '../internal/siteFree';
import type { Status } from '../internal/status';
import type { EventCondition } from '../schema/condition';
import type { Blocker, CriterionFact, CriterionResult } from '../schema/result';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A deep, frozen copy of config-derived data that every result shares: no caller can change it for the
 * next result, and the caller's config is never frozen itself.
 */
export function frozen<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value.map(frozen)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = frozen(item);
  return Object.freeze(copy) as T;
}

/** A condition's keys but one, in its order. */
export function without(condition: object, key: string): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(condition)) if (name !== key) rest[name] = value;
  return rest;
}

/** The path an event condition's probe reports: `events[demo_request|trial]`. */
export function eventPath(condition: EventCondition): string {
  return `events[${typeof condition.event === 'string' ? condition.event : condition.event.join('|')}]`;
}

/**
 * The most values one fact's copy holds: a lead whose objects share children (a DAG, or a Proxy that
 * makes a fresh object at every read) would otherwise copy exponentially many. Past it, the rest is
 * left out (`null` inside arrays), as what JSON cannot hold is.
 */
const MAX_COPIED_VALUES = 10_000;

/**
 * Lead values as plain JSON, as `JSON.stringify` would see them: dates become ISO strings, non-finite
 * numbers and bigints strings, what JSON cannot hold is left out (or `null` inside arrays). Objects and
 * arrays are copied, so a result never aliases the lead; past a few levels (or in a cycle) they stop,
 * and past {@link MAX_COPIED_VALUES} values in all.
 */
export function toJsonValue(
  value: unknown,
  depth = 0,
  left: { count: number } = { count: MAX_COPIED_VALUES },
): unknown {
  if (--left.count < 0) return undefined;
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
      if (Array.isArray(value)) {
        // never more elements than values left to copy: a sparse array of length 2³²−1 copies nothing
        const copy = newArray();
        for (let index = 0; index < value.length && left.count > 0; index++)
          copy.push(toJsonValue(value[index], depth + 1, left) ?? null);
        return copy;
      }
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        if (left.count <= 0) break;
        const item = toJsonValue((value as Record<string, unknown>)[key], depth + 1, left);
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

/** A blocker from its parts, keys in the one order every blocker has (a leaf's has no `criterion`). */
export function blockerOf(
  criterion: string | undefined,
  label: string,
  status: 'unmet' | 'unknown',
  hint: string | undefined,
  facts: readonly string[],
  labels: readonly string[] | undefined,
): Blocker {
  const blocker = {} as Mutable<Blocker>;
  if (criterion !== undefined) blocker.criterion = criterion;
  blocker.label = label;
  blocker.status = status;
  if (hint !== undefined) blocker.hint = hint;
  blocker.facts = facts;
  if (labels !== undefined) blocker.labels = labels;
  return blocker;
}

/** What a criterion's entry and blocker need of it. */
export interface CriterionShape {
  readonly id: string;
  readonly dimension: string | undefined;
  readonly knockOut: boolean;
}

/** A criterion's blocker from its parts, keys in the one order every blocker has. */
export function criterionBlocker(
  criterion: CriterionShape,
  status: 'unmet' | 'unknown',
  text: { readonly label: string; readonly hint: string | undefined },
  facts: readonly string[],
  labels: readonly string[] | undefined,
): Blocker {
  return blockerOf(criterion.id, text.label, status, text.hint, facts, labels);
}

/** A criterion's result entry from its parts, keys in the one order every entry has. */
export function criterionEntry(
  criterion: CriterionShape,
  status: Status,
  text: { readonly label: string; readonly hint: string | undefined },
  facts: readonly CriterionFact[],
): CriterionResult {
  const entry = {} as Mutable<CriterionResult>;
  entry.status = status;
  entry.label = text.label;
  entry.facts = facts;
  if (criterion.dimension !== undefined) entry.dimension = criterion.dimension;
  if (text.hint !== undefined) entry.hint = text.hint;
  if (criterion.knockOut) entry.knockOut = true;
  return entry;
}

/** What {@link localizeTexts} reads of a compiled config (the closures' `CompiledConfig`, or generated constants). */
export interface TextSource {
  readonly criteria: ReadonlyArray<
    CriterionShape & {
      readonly label: LocalizedText;
      readonly hint: LocalizedText | undefined;
      readonly probes: ReadonlyArray<{ readonly path: string; readonly absent: CriterionFact }>;
    }
  >;
  readonly stages: ReadonlyArray<{
    readonly label: LocalizedText;
    readonly actions: readonly LocalizedText[];
  }>;
  readonly ruleLabels: ReadonlyArray<LocalizedText | undefined>;
  readonly factLabels: ReadonlyMap<string, LocalizedText>;
  readonly eventLabels: ReadonlyMap<string, LocalizedText>;
}

/** Labels, hints and actions in one locale, resolved once per compiled config and locale. */
export interface LocalizedTexts {
  readonly locale: string;
  /** A blocker's fact labels, when the config labels any of its facts; else `undefined`. */
  readonly factLabels: (facts: readonly string[]) => readonly string[] | undefined;
  readonly criteria: ReadonlyArray<{
    readonly label: string;
    readonly hint: string | undefined;
    /** The criterion's entry when the lead has none of its facts, by `Tri`: frozen, shared by every result. */
    readonly absent: readonly [CriterionResult, CriterionResult, CriterionResult];
    /** The criterion's blocker when none of its tests is met, unmet (0) and unknown (1): frozen, shared. */
    readonly blockers: readonly [Blocker, Blocker];
  }>;
  /** Stage labels, and actions as a frozen array every result of the stage shares. */
  readonly stages: ReadonlyArray<{ readonly label: string; readonly actions: readonly string[] }>;
  /** Rule labels by rule index. */
  readonly rules: ReadonlyArray<string | undefined>;
}

/** Resolves every text of a compiled config in `locale`. */
export function localizeTexts(compiled: TextSource, locale: string): LocalizedTexts {
  const { factLabels, eventLabels } = compiled;
  const labelOf = (path: string): string | undefined => {
    const fact = factLabels.get(path.endsWith('.length') ? path.slice(0, -'.length'.length) : path);
    if (fact !== undefined) return localize(fact, locale);
    const events = /^events\[(.+)\]$/.exec(path);
    if (events === null) return undefined;
    const types = (events[1] as string).split('|');
    if (!types.some((type) => eventLabels.has(type))) return undefined;
    return types
      .map((type) => {
        const label = eventLabels.get(type);
        return label === undefined ? type : localize(label, locale);
      })
      .join(' / ');
  };
  const cache = new Map<readonly string[], readonly string[] | undefined>();
  const factLabelsOf: LocalizedTexts['factLabels'] =
    factLabels.size === 0 && eventLabels.size === 0
      ? () => undefined
      : (facts) => {
          if (cache.has(facts)) return cache.get(facts);
          const labels = facts.map(labelOf);
          const result = labels.some((label) => label !== undefined)
            ? Object.freeze(labels.map((label, index) => label ?? (facts[index] as string)))
            : undefined;
          // leaf blockers share their facts array: remember those; criterion blockers build theirs per lead
          if (Object.isFrozen(facts) && cache.size < 1000) cache.set(facts, result);
          return result;
        };
  return {
    locale,
    factLabels: factLabelsOf,
    criteria: compiled.criteria.map((criterion) => {
      const text = {
        label: localize(criterion.label, locale),
        hint: criterion.hint === undefined ? undefined : localize(criterion.hint, locale),
      };
      const facts = Object.freeze(criterion.probes.map((probe) => probe.absent));
      const absent = (status: Status) => Object.freeze(criterionEntry(criterion, status, text, facts));
      const paths = Object.freeze([...new Set(criterion.probes.map((probe) => probe.path))]);
      const blocker = (status: 'unmet' | 'unknown') =>
        frozen(criterionBlocker(criterion, status, text, paths, factLabelsOf(paths)));
      return {
        ...text,
        absent: [absent('unmet'), absent('met'), absent('unknown')] as const,
        blockers: [blocker('unmet'), blocker('unknown')] as const,
      };
    }),
    stages: compiled.stages.map((stage) => ({
      label: localize(stage.label, locale),
      actions: Object.freeze(stage.actions.map((action) => localize(action, locale))),
    })),
    rules: compiled.ruleLabels.map((label) => (label === undefined ? undefined : localize(label, locale))),
  };
}
