import { localize } from '../internal/localize';
import type { Status } from '../internal/status';
import { criterionBlocker, criterionEntry } from './buildResult';
import type { CompiledConfig, LocalizedTexts } from './compiledConfig';
import { frozen } from './compileProbes';

/** Resolves every text of a compiled config in `locale`. */
export function localizeTexts(compiled: CompiledConfig, locale: string): LocalizedTexts {
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
