import type { StageHistory, StageSegment } from '../history/stageHistory';
import { describeValue } from '../internal/issues';
import { Distribution, type Quantiles } from './distribution';

/**
 * Time spent in a stage and the SLA outcomes of its entries, over many histories.
 *
 * @category Time
 */
export interface StageTimeSummary {
  /** How many times leads entered the stage (the first segment of a history counts as an entry). */
  readonly entries: number;
  /** How many leads are in it at `asOf`. */
  readonly current: number;
  /** Time in the stage, in ms, over the stays that ended (a stay still under way is not a duration yet). */
  readonly time?: Quantiles;
  /** Per SLA status, how many entries (for a stage with `followUp`). */
  readonly followUp?: {
    readonly met: number;
    readonly breached: number;
    readonly open: number;
    readonly due: number;
  };
}

/**
 * Stage times, times to reach each stage and SLA counts over a set of histories (one config).
 *
 * @category Time
 */
export interface HistorySummary {
  readonly leads: number;
  readonly stages: Readonly<Record<string, StageTimeSummary>>;
  /** Per stage, the time from the history's start to the lead's first entry into it, in ms, over the leads that reached it. */
  readonly timeTo: Readonly<Record<string, Quantiles>>;
}

/**
 * Summarises stage histories: per stage how often leads entered it, how long they stayed (median, p90…),
 * how many are in it now and how its SLAs went; and how long leads took to reach each stage (time to SQO).
 *
 * @param histories - histories from {@link stageHistory}, of one config
 * @returns the {@link HistorySummary}
 * @throws {TypeError} when an item is not a history, or histories mix configs
 *
 * @example
 * const lead = (id, at) => ({ id, createdAt: '2026-06-01', events: [{ type: 'demo_requested', at }] });
 * const histories = [lead('a', '2026-06-03'), lead('b', '2026-06-05')].map((each) =>
 *   stageHistory(each, presets.saas, { asOf: '2026-06-30' }));
 * summarizeHistories(histories).timeTo.SAL.median / 86_400_000;
 * //=> 3 (days)
 *
 * @category Time
 */
export function summarizeHistories(histories: Iterable<StageHistory>): HistorySummary {
  const builder = createHistorySummary();
  for (const history of histories) builder.add(history);
  return builder.result();
}

/**
 * An incremental {@link summarizeHistories}: add histories one at a time, read the summary at any point.
 *
 * @category Time
 */
export interface HistorySummaryBuilder {
  /** Adds one history. @throws {TypeError} when it is not a stage history, or from another config */
  add(history: StageHistory): void;
  /** The summary of every history added so far. */
  result(): HistorySummary;
}

/**
 * An incremental {@link summarizeHistories}, for a stream of leads: memory holds the stages' time
 * distributions, never the histories.
 *
 * @returns a builder with `add(history)` and `result()`
 *
 * @example
 * const summary = createHistorySummary();
 * summary.add(stageHistory({ createdAt: '2026-06-01', events: [{ type: 'demo_requested', at: '2026-06-02' }] }, presets.saas, { asOf: '2026-06-30' }));
 * summary.result().timeTo.SAL.count;
 * //=> 1
 *
 * @category Time
 */
export function createHistorySummary(): HistorySummaryBuilder {
  let leads = 0;
  let hash: string | undefined;
  const stages = new Map<
    string,
    {
      entries: number;
      current: number;
      time: Distribution;
      followUp?: { met: number; breached: number; open: number; due: number };
    }
  >();
  const timeTo = new Map<string, Distribution>();
  const add = (history: StageHistory) => {
    if (history === null || typeof history !== 'object' || !Array.isArray(history.segments)) {
      throw new TypeError(
        `summarizeHistories: item ${leads} is not a stage history, received ${describeValue(history)}`,
      );
    }
    if (hash === undefined) hash = history.config.hash;
    else if (history.config.hash !== hash) {
      throw new TypeError(
        `summarizeHistories: history ${leads} comes from config "${history.config.id}" (${history.config.hash}), the others from another; summarize each config apart`,
      );
    }
    leads++;
    const start = Date.parse(history.from);
    const reached = new Set<string>();
    const segments: readonly StageSegment[] = history.segments;
    segments.forEach((segment, index) => {
      let tally = stages.get(segment.stage);
      if (tally === undefined) {
        tally = { entries: 0, current: 0, time: new Distribution() };
        stages.set(segment.stage, tally);
      }
      tally.entries++;
      if (segment.to === undefined) tally.current++;
      else tally.time.add(segment.ms);
      if (segment.followUp !== undefined) {
        tally.followUp ??= { met: 0, breached: 0, open: 0, due: 0 };
        tally.followUp[segment.followUp.status]++;
      }
      if (!reached.has(segment.stage)) {
        reached.add(segment.stage);
        let distribution = timeTo.get(segment.stage);
        if (distribution === undefined) {
          distribution = new Distribution();
          timeTo.set(segment.stage, distribution);
        }
        distribution.add(index === 0 ? 0 : Date.parse(segment.from) - start);
      }
    });
  };
  const result = (): HistorySummary => {
    const out: Record<string, StageTimeSummary> = {};
    for (const [id, tally] of stages) {
      const time = tally.time.quantiles();
      out[id] = {
        entries: tally.entries,
        current: tally.current,
        ...(time === undefined ? {} : { time }),
        ...(tally.followUp === undefined ? {} : { followUp: { ...tally.followUp } }),
      };
    }
    return {
      leads,
      stages: out,
      timeTo: Object.fromEntries(
        [...timeTo].map(([id, distribution]) => [id, distribution.quantiles() as Quantiles]),
      ),
    };
  };
  return { add, result };
}
