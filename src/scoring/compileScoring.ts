import type { LedgerEntry } from '../classify/types';
import {
  type BuildEnvironment,
  buildEvaluator,
  compileEventMatcher,
  type EventMatcher,
} from '../dsl/buildEvaluator';
import { toDuration } from '../dsl/operators';
import type { EvalContext } from '../internal/context';
import { MET } from '../internal/status';
import { type Duration, subtractDuration } from '../internal/time';
import type { Scoring, ScoringRule } from '../schema/config';

/** Scores and the ledger that explains them, for one lead. */
export interface ScoreResult {
  readonly scores: { total: number } & Record<string, number>;
  readonly ledger: LedgerEntry[];
}

/** Rounds to 2 decimals, only at the end; never gives -0. */
export function roundScore(value: number): number {
  const rounded = Math.round((value + Math.sign(value) * Number.EPSILON) * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

function clamp(value: number, min: number | undefined, max: number | undefined): number {
  if (max !== undefined && value > max) return max;
  if (min !== undefined && value < min) return min;
  return value;
}

type RuleValue = (context: EvalContext) => { points: number; events?: number } | undefined;

/** Exponential decay by half-life, measured from `asOf`; the half-life in ms is recomputed only when `asOf` changes. */
function decay(halfLife: Duration | undefined): (context: EvalContext, at: number) => number {
  if (halfLife === undefined) return () => 1;
  let cachedAsOf = Number.NaN;
  let halfLifeMs = 1;
  return (context, at) => {
    if (context.asOf !== cachedAsOf) {
      halfLifeMs = context.asOf - subtractDuration(context.asOf, halfLife);
      cachedAsOf = context.asOf;
    }
    return 0.5 ** ((context.asOf - at) / halfLifeMs);
  };
}

function compileRule(rule: ScoringRule, environment: BuildEnvironment): RuleValue {
  if (rule.when !== undefined) {
    const evaluate = buildEvaluator(rule.when, environment);
    const points = clamp(rule.points, rule.min, rule.max);
    return (context) => (evaluate(context) === MET ? { points } : undefined);
  }
  const match: EventMatcher = compileEventMatcher(
    {
      event: rule.event ?? [],
      ...(rule.withinLast === undefined ? {} : { withinLast: rule.withinLast }),
      ...(rule.where === undefined ? {} : { where: rule.where }),
    },
    environment.operators,
    -1,
    environment.shared?.eventTypes,
  );
  const limit = rule.repeat?.max ?? 1;
  if (rule.halfLife === undefined) {
    // no decay: the count is all that matters
    return (context) => {
      const count = match(context, undefined);
      if (count <= 0) return undefined;
      const counted = count < limit ? count : limit;
      return { points: clamp(rule.points * counted, rule.min, rule.max), events: counted };
    };
  }
  const factor = decay(toDuration(rule.halfLife));
  const ats: number[] = [];
  return (context) => {
    ats.length = 0;
    if (match(context, ats) <= 0) return undefined;
    if (limit === 1) {
      // once: the most recent event, worth the most under decay
      let latest = ats[0] as number;
      for (const at of ats) if (at > latest) latest = at;
      return { points: clamp(rule.points * factor(context, latest), rule.min, rule.max), events: 1 };
    }
    if (ats.length > 1) ats.sort((a, b) => b - a);
    const counted = Math.min(limit, ats.length);
    let points = 0;
    for (let index = 0; index < counted; index++)
      points += rule.points * factor(context, ats[index] as number);
    return { points: clamp(points, rule.min, rule.max), events: counted };
  };
}

/**
 * Compiles the scoring section: rules on conditions (points once, when met) and on events (once,
 * or per event up to `repeat.max`, within `withinLast`, decayed by `halfLife`), then caps per rule,
 * per group and on the total. Rounding to 2 decimals happens only at the end. Every cap that
 * changes a score adds a ledger line, so the ledger always adds up to the scores.
 */
export function compileScoring(
  scoring: Scoring | undefined,
  environment: BuildEnvironment,
): (context: EvalContext) => ScoreResult {
  const groups = Object.entries(scoring?.groups ?? {});
  const groupIndex = new Map(groups.map(([id], index) => [id, index]));
  const rules = (scoring?.rules ?? []).map((rule) => ({
    id: rule.id,
    label: rule.label,
    group: rule.group,
    slot: rule.group === undefined ? -1 : (groupIndex.get(rule.group) as number),
    value: compileRule(rule, environment),
  }));
  return (context) => {
    const ledger: LedgerEntry[] = [];
    const sums = new Array<number>(groups.length).fill(0);
    let ungrouped = 0;
    for (const rule of rules) {
      const value = rule.value(context);
      if (value === undefined || value.points === 0) continue;
      if (rule.slot < 0) ungrouped += value.points;
      else sums[rule.slot] = (sums[rule.slot] as number) + value.points;
      const entry: { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] } = {
        rule: rule.id,
        points: value.points,
      };
      if (rule.group !== undefined) entry.group = rule.group;
      if (value.events !== undefined) entry.events = value.events;
      ledger.push(entry);
    }
    const scores: Record<string, number> = {};
    let total = ungrouped;
    groups.forEach(([id, group], index) => {
      const raw = sums[index] as number;
      const capped = clamp(raw, group.min, group.max);
      if (capped !== raw) ledger.push({ rule: `cap:${id}`, group: id, points: capped - raw });
      scores[id] = capped;
      total += capped;
    });
    const cappedTotal = clamp(total, scoring?.min, scoring?.max);
    if (cappedTotal !== total) ledger.push({ rule: 'cap:total', points: cappedTotal - total });
    const rounded: { total: number } & Record<string, number> = { total: roundScore(cappedTotal) };
    for (const [id] of groups) rounded[id] = roundScore(scores[id] as number);
    for (const entry of ledger) (entry as { points: number }).points = roundScore(entry.points);
    return { scores: rounded, ledger };
  };
}
