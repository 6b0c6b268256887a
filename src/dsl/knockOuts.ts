import type { Condition, CriterionCondition } from '../schema/condition';
import type { Config } from '../schema/config';
import { forEachCondition, kindOf } from './walk';

/** Criteria named only by exit stages (`competitor` for `disqualified`): knock-outs, not rungs of the ladder. */
export function knockOutCriteria(config: Config): ReadonlySet<string> {
  const named = (conditions: ReadonlyArray<Condition | undefined>) => {
    const found = new Set<string>();
    for (const condition of conditions) {
      if (condition === undefined) continue;
      forEachCondition(condition, (node) => {
        if (kindOf(node) === 'criterion') found.add((node as CriterionCondition).criterion);
      });
    }
    return found;
  };
  const byExits = named(config.stages.filter((stage) => stage.exit === true).map((stage) => stage.when));
  const elsewhere = named([
    ...config.stages.filter((stage) => stage.exit !== true).map((stage) => stage.when),
    ...(config.scoring?.rules ?? []).map((rule) => rule.when),
    ...Object.values(config.criteria).map((criterion) => criterion.when),
  ]);
  return new Set([...byExits].filter((id) => !elsewhere.has(id)));
}
