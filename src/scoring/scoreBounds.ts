import type { Config, ScoringRule } from '../schema/config';
import { clamp } from './clamp';

/** The lowest and highest value a score can take. */
export interface ScoreRange {
  readonly min: number;
  readonly max: number;
}

function ruleRange(rule: ScoringRule): ScoreRange {
  const times = rule.event !== undefined ? (rule.repeat?.max ?? 1) : 1;
  const extreme = rule.points * times;
  return {
    min: clamp(Math.min(0, extreme), rule.min, rule.max),
    max: clamp(Math.max(0, extreme), rule.min, rule.max),
  };
}

/**
 * What each score (`total` and every group) can reach, from the rules' points, repeats and caps.
 * Decay only lowers points, so the bounds are those of events happening at `asOf`.
 */
export function scoreBounds(config: Config): Record<string, ScoreRange> {
  const scoring = config.scoring;
  const sums = new Map<string | undefined, { min: number; max: number }>();
  for (const id of Object.keys(scoring?.groups ?? {})) sums.set(id, { min: 0, max: 0 });
  sums.set(undefined, { min: 0, max: 0 });
  for (const rule of scoring?.rules ?? []) {
    const range = ruleRange(rule);
    const sum = sums.get(rule.group) ?? { min: 0, max: 0 };
    sum.min += range.min;
    sum.max += range.max;
    sums.set(rule.group, sum);
  }
  const result: Record<string, ScoreRange> = {};
  let totalMin = 0;
  let totalMax = 0;
  for (const [id, sum] of sums) {
    const group = id === undefined ? undefined : scoring?.groups?.[id];
    const range = {
      min: clamp(sum.min, group?.min, group?.max),
      max: clamp(sum.max, group?.min, group?.max),
    };
    if (id !== undefined) result[id] = range;
    totalMin += range.min;
    totalMax += range.max;
  }
  result.total = {
    min: clamp(totalMin, scoring?.min, scoring?.max),
    max: clamp(totalMax, scoring?.min, scoring?.max),
  };
  return result;
}
