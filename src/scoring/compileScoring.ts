import { type CompileEnvironment, compileEvaluator, type Evaluator } from '../dsl/compileEvaluator';
import type { EvalContext } from '../dsl/context';
import { type EventPlan, KEEP_ALL, KEEP_COUNT, KEEP_LATEST } from '../dsl/eventPlan';
import type { EventTally } from '../dsl/workspace';
import { newArray } from '../internal/siteFree';
import { MET } from '../internal/status';
import { type Duration, decayRateAt, memoByInstant, toDuration } from '../internal/time';
import type { Condition } from '../schema/condition';
import type { Scoring, ScoringGroup, ScoringRule } from '../schema/config';
import type { LedgerEntry } from '../schema/result';
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

/** How a compiled rule earns its points. */
const ON_CONDITION = 0;
const PER_EVENT = 1;
const DECAYED_ONCE = 2;
const DECAYED_REPEAT = 3;

interface CompiledRule {
  readonly id: string;
  readonly group: string | undefined;
  /** Index of the rule's group in the groups, or -1. */
  readonly slot: number;
  readonly kind: typeof ON_CONDITION | typeof PER_EVENT | typeof DECAYED_ONCE | typeof DECAYED_REPEAT;
  readonly points: number;
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** `repeat.max`, 1 when the rule counts once. */
  readonly limit: number;
  /** The rule's `when`, for rules on a condition. */
  readonly evaluate: Evaluator | undefined;
  /** The rule's consumer in the event plan, for rules on events. */
  readonly consumer: number;
  readonly halfLife: Duration | undefined;
}

function compileRule(
  rule: ScoringRule,
  slot: number,
  evaluatorOf: (condition: Condition) => Evaluator,
  plan: EventPlan,
): CompiledRule {
  const limit = rule.repeat?.max ?? 1;
  const halfLife = rule.halfLife === undefined ? undefined : toDuration(rule.halfLife);
  const base = { id: rule.id, group: rule.group, slot, min: rule.min, max: rule.max, limit, halfLife };
  if (rule.when !== undefined) {
    return {
      ...base,
      kind: ON_CONDITION,
      points: clamp(rule.points, rule.min, rule.max),
      evaluate: evaluatorOf(rule.when),
      consumer: -1,
    };
  }
  const keep = halfLife === undefined ? KEEP_COUNT : limit === 1 ? KEEP_LATEST : KEEP_ALL;
  const selection = {
    event: rule.event ?? [],
    ...(rule.withinLast === undefined ? {} : { withinLast: rule.withinLast }),
    ...(rule.where === undefined ? {} : { where: rule.where }),
  };
  return {
    ...base,
    kind: halfLife === undefined ? PER_EVENT : limit === 1 ? DECAYED_ONCE : DECAYED_REPEAT,
    points: rule.points,
    evaluate: undefined,
    consumer: plan.add(selection, keep),
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One ledger line (a rule's, or a cap's: `cap:<group>`, `cap:total`), its keys always in one order: rule,
 * label, group, points, events (`-1`: none). It starts as `{}`, as the scores do: parts of results carry no
 * allocation site, or keeping results while the code is cold slows classify for good (src/internal/siteFree.ts).
 */
export function ledgerLine(
  rule: string,
  label: string | undefined,
  group: string | undefined,
  points: number,
  events: number,
): LedgerEntry {
  const line = {} as Mutable<LedgerEntry>;
  line.rule = rule;
  if (label !== undefined) line.label = label;
  if (group !== undefined) line.group = group;
  line.points = points;
  if (events >= 0) line.events = events;
  return line;
}

/**
 * Sum of `points × ½^(age / half-life)` over the `count` most recent of the first `size` instants;
 * `rate` is `-ln 2 / half-life in ms` (`Math.exp` is several times cheaper than `**`).
 */
export function decayedSum(
  ats: number[],
  size: number,
  count: number,
  points: number,
  asOf: number,
  rate: number,
): number {
  let live = ats;
  if (count < size) {
    live = ats.slice(0, size).sort((a, b) => b - a);
  }
  let sum = 0;
  for (let index = 0; index < count; index++)
    sum += points * Math.exp((asOf - (live[index] as number)) * rate);
  return sum;
}

/** Scores a lead; `labels` are the rule labels in the locale asked for, by rule index. */
export type ScoreLead = (context: EvalContext, labels: ReadonlyArray<string | undefined>) => ScoreResult;

/**
 * Compiles the scoring section: rules on conditions (points once, when met) and on events (once,
 * or per event up to `repeat.max`, within `withinLast`, decayed by `halfLife`), then caps per rule,
 * per group and on the total. Rounding to 2 decimals happens only at the end. Every cap that
 * changes a score adds a ledger line, so the ledger always adds up to the scores.
 */
export function compileScoring(scoring: Scoring | undefined, environment: CompileEnvironment): ScoreLead {
  return compileScoringWith(scoring, environment.shared.plan, (condition) =>
    compileEvaluator(condition, environment),
  );
}

/**
 * {@link compileScoring} with the rules' conditions compiled by `evaluatorOf` and their event selections
 * added to `plan`: generated code (src/codegen) passes its own functions for the conditions.
 */
export function compileScoringWith(
  scoring: Scoring | undefined,
  plan: EventPlan,
  evaluatorOf: (condition: Condition) => Evaluator,
): ScoreLead {
  const groups = Object.entries(scoring?.groups ?? {});
  const groupIndex = new Map(groups.map(([id], index) => [id, index]));
  const rules = (scoring?.rules ?? []).map((rule) =>
    compileRule(
      rule,
      rule.group === undefined ? -1 : (groupIndex.get(rule.group) as number),
      evaluatorOf,
      plan,
    ),
  );
  const readsEvents = rules.some((rule) => rule.kind !== ON_CONDITION);
  // decay rates (-ln 2 / half-life in ms) depend on asOf, as months and years vary: once per asOf
  const decayRates = memoByInstant((asOf) =>
    Float64Array.from(rules, (rule) =>
      rule.halfLife === undefined ? Number.NaN : decayRateAt(asOf, rule.halfLife),
    ),
  );
  const groupIds = groups.map(([id]) => id);
  const groupDefs = groups.map(([, group]) => group);
  return (context, labels) => {
    const ledger = newArray<LedgerEntry>();
    const asOf = context.asOf;
    const sums = context.workspace.sums;
    // the event pass only when a rule reads events (it flags invalid events: none if nothing reads them)
    const tally = readsEvents ? plan.tally(context) : undefined;
    for (let index = 0; index < sums.length; index++) sums[index] = 0;
    let ungrouped = 0;
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index] as CompiledRule;
      let points: number;
      let events = -1;
      if (rule.kind === ON_CONDITION) {
        if ((rule.evaluate as Evaluator)(context) !== MET) continue;
        points = rule.points;
      } else {
        const { counts } = tally as EventTally;
        const count = (tally as EventTally).hasEvents ? (counts[rule.consumer] as number) : 0;
        if (count <= 0) continue;
        events = Math.min(count, rule.limit);
        if (rule.kind === PER_EVENT) points = rule.points * events;
        else {
          const rate = decayRates(asOf)[index] as number;
          // the decay of a repeating rule sorts its events when more match than count: metered
          if (rule.kind === DECAYED_REPEAT && count > events) context.budget -= 2 * count;
          points =
            rule.kind === DECAYED_ONCE
              ? rule.points *
                Math.exp((asOf - ((tally as EventTally).latest[rule.consumer] as number)) * rate)
              : decayedSum(
                  (tally as EventTally).ats[rule.consumer] as number[],
                  count,
                  events,
                  rule.points,
                  asOf,
                  rate,
                );
        }
        points = clamp(points, rule.min, rule.max);
      }
      if (points === 0) continue;
      if (rule.slot < 0) ungrouped += points;
      else sums[rule.slot] = (sums[rule.slot] as number) + points;
      ledger.push(ledgerLine(rule.id, labels[index], rule.group, roundScore(points), events));
    }
    const scores = {} as ScoreResult['scores'];
    scores.total = 0;
    let total = ungrouped;
    for (let index = 0; index < groups.length; index++) {
      const id = groupIds[index] as string;
      const group = groupDefs[index] as ScoringGroup;
      const raw = sums[index] as number;
      const capped = clamp(raw, group.min, group.max);
      if (capped !== raw) ledger.push(ledgerLine(`cap:${id}`, undefined, id, roundScore(capped - raw), -1));
      scores[id] = roundScore(capped);
      total += capped;
    }
    const cappedTotal = clamp(total, scoring?.min, scoring?.max);
    if (cappedTotal !== total)
      ledger.push(ledgerLine('cap:total', undefined, undefined, roundScore(cappedTotal - total), -1));
    scores.total = roundScore(cappedTotal);
    // scratch: the context holds it until the next lead, a result holds only its parts
    return { scores, ledger };
  };
}
