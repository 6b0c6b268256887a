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
import { type Duration, memoByInstant, subtractDuration } from '../internal/time';
import type { Scoring, ScoringRule } from '../schema/config';
import { clamp } from './clamp';

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

/**
 * A rule's points for one lead, `NaN` when it does not fire. Event rules also leave how many events
 * they counted in `countedEvents` (a module slot, so firing allocates nothing; classification is
 * synchronous, so no other rule runs in between).
 */
type RuleValue = (context: EvalContext) => number;
let countedEvents = -1;

/** Exponential decay by half-life, measured from `asOf`; the half-life in ms is recomputed only when `asOf` changes. */
function decay(halfLife: Duration): (context: EvalContext, at: number) => number {
  const halfLifeMs = memoByInstant((asOf) => asOf - subtractDuration(asOf, halfLife));
  return (context, at) => 0.5 ** ((context.asOf - at) / halfLifeMs(context.asOf));
}

function compileRule(rule: ScoringRule, environment: BuildEnvironment): RuleValue {
  if (rule.when !== undefined) {
    const evaluate = buildEvaluator(rule.when, environment);
    const points = clamp(rule.points, rule.min, rule.max);
    return (context) => {
      countedEvents = -1;
      return evaluate(context) === MET ? points : Number.NaN;
    };
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
      if (count <= 0) return Number.NaN;
      countedEvents = Math.min(count, limit);
      return clamp(rule.points * countedEvents, rule.min, rule.max);
    };
  }
  const factor = decay(toDuration(rule.halfLife));
  const ats: number[] = [];
  return (context) => {
    ats.length = 0;
    if (match(context, ats) <= 0) return Number.NaN;
    if (limit === 1) {
      // once: the most recent event, worth the most under decay
      let latest = ats[0] as number;
      for (const at of ats) if (at > latest) latest = at;
      countedEvents = 1;
      return clamp(rule.points * factor(context, latest), rule.min, rule.max);
    }
    if (ats.length > 1) ats.sort((a, b) => b - a);
    countedEvents = Math.min(limit, ats.length);
    let points = 0;
    for (let index = 0; index < countedEvents; index++)
      points += rule.points * factor(context, ats[index] as number);
    return clamp(points, rule.min, rule.max);
  };
}

/** Rule labels in the locale of the classification under way, by rule index; set by the classifier. */
export interface RuleLabels {
  ruleLabels: ReadonlyArray<string | undefined> | undefined;
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
    group: rule.group,
    slot: rule.group === undefined ? -1 : (groupIndex.get(rule.group) as number),
    value: compileRule(rule, environment),
  }));
  const sums = new Float64Array(groups.length);
  return (context) => {
    const labels = (context as EvalContext & Partial<RuleLabels>).ruleLabels;
    const ledger: LedgerEntry[] = [];
    sums.fill(0);
    let ungrouped = 0;
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index]!;
      const points = rule.value(context);
      if (points === 0 || Number.isNaN(points)) continue;
      if (rule.slot < 0) ungrouped += points;
      else sums[rule.slot] = (sums[rule.slot] as number) + points;
      // keys in a fixed order: rule, label, group, points, events
      const entry: Record<string, unknown> = { rule: rule.id };
      const label = labels?.[index];
      if (label !== undefined) entry.label = label;
      if (rule.group !== undefined) entry.group = rule.group;
      entry.points = roundScore(points);
      if (countedEvents >= 0) entry.events = countedEvents;
      ledger.push(entry as unknown as LedgerEntry);
    }
    const scores: { total: number } & Record<string, number> = { total: 0 };
    let total = ungrouped;
    for (let index = 0; index < groups.length; index++) {
      const [id, group] = groups[index]!;
      const raw = sums[index] as number;
      const capped = clamp(raw, group.min, group.max);
      if (capped !== raw) ledger.push({ rule: `cap:${id}`, group: id, points: roundScore(capped - raw) });
      scores[id] = roundScore(capped);
      total += capped;
    }
    const cappedTotal = clamp(total, scoring?.min, scoring?.max);
    if (cappedTotal !== total) ledger.push({ rule: 'cap:total', points: roundScore(cappedTotal - total) });
    scores.total = roundScore(cappedTotal);
    return { scores, ledger };
  };
}
