import { localize } from '../internal/localize';
import type { CompiledConfig, LocalizedTexts } from './compiledConfig';

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
