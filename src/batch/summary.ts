import { describeValue } from '../internal/issues';
import type { Status } from '../internal/status';
import { Distribution, type Quantiles } from './distribution';

/** What `summarize` reads of a result: the fields full and `'statuses'` results share. */
export interface SummarizableResult {
  readonly leadId?: string;
  readonly stage: string;
  readonly config: { readonly id: string; readonly hash: string };
  readonly scores: Readonly<Record<string, number>>;
  /** The fit × engagement grade, for a config with `grades`. */
  readonly grade?: string;
  readonly criteria: Readonly<Record<string, { readonly status: Status }>>;
  readonly stages: ReadonlyArray<{ readonly id: string; readonly status: Status }>;
  readonly next?: {
    readonly stage: string;
    readonly status: 'unmet' | 'unknown';
    readonly blockers: ReadonlyArray<{
      readonly criterion?: string;
      readonly label?: string;
      readonly status: string;
    }>;
    readonly later?: ReadonlyArray<{
      readonly criterion?: string;
      readonly label?: string;
      readonly status: string;
    }>;
  };
  readonly flags: readonly string[];
}

/** Whether each lead converted (won, became a customer), by lead id or by result; `undefined`: not known. */
export type Outcome =
  | ((result: SummarizableResult) => boolean | undefined)
  | ReadonlyMap<string, boolean>
  | Readonly<Record<string, boolean>>;

/** Options of {@link summarize} and {@link createSummary}. */
export interface SummaryOptions {
  /** Outcomes, for the calibration table: a function of the result, or a map / object by lead id. */
  readonly outcome?: Outcome;
  /**
   * Score bands of the calibration, on the total score: a number of bands of equal size by rank (default
   * 10: deciles), or ascending band edges (`[0, 25, 50, 75]`: below 25, 25 to 50, …).
   */
  readonly bands?: number | readonly number[];
  /** Counts of the input the results came from, for the data-quality section (more can be added with `countInput`). */
  readonly input?: InputCounts;
}

/** What happened to the input before classifying: rows skipped as unreadable, duplicates, empty rows. */
export interface InputCounts {
  /** Rows that could not be read (bad CSV rows, invalid JSON lines) and were skipped. */
  readonly skippedRows?: number;
  /** Rows whose lead id was seen before (classified or dropped, as the caller chose). */
  readonly duplicates?: number;
  /** Rows whose every cell was blank, skipped. */
  readonly emptyRows?: number;
}

/** The data-quality section of a summary: flags by kind and by path, and the input counts given. */
export interface DataQuality {
  /**
   * Per flag kind, how many results carry it at each path: `{ unreadable: { 'company.employees': 84 } }`.
   * Flags without a path (`events_truncated`) count under `""`; past 1,000 paths of one kind, the rest
   * count under `"(other)"`.
   */
  readonly flags: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly skippedRows: number;
  readonly duplicates: number;
  readonly emptyRows: number;
}

/** A conversion rate and its lift over the base rate; `null` where there is no lead to compute it on. */
export interface Rate {
  readonly leads: number;
  readonly converted: number;
  /** `converted / leads`, to 4 decimals. */
  readonly rate: number | null;
  /** `rate / base rate`, to 4 decimals: 2 means twice as likely to convert as the average lead. */
  readonly lift: number | null;
}

/** One score band of the calibration: total scores from `from` (inclusive) to `to` (exclusive, inclusive for the last). */
export interface BandRate extends Rate {
  readonly from: number;
  readonly to: number;
}

/** Whether the stages predict who converts: rates and lifts per stage, score band and next-stage status. */
export interface Calibration {
  /** Results with a known outcome, and how many of them converted: the base rate. */
  readonly leads: number;
  readonly converted: number;
  readonly rate: number | null;
  /** Results whose outcome is not known (no lead id, or absent from the outcomes): left out of every rate. */
  readonly unmatched: number;
  readonly stages: Readonly<Record<string, Rate>>;
  readonly bands: readonly BandRate[];
  /**
   * Per stage with a next stage: the leads whose next stage is `unknown` (answers missing: ask) against
   * those for whom it is `unmet` (answers given, and wrong).
   */
  readonly next: Readonly<
    Record<string, { readonly stage: string; readonly unknown: Rate; readonly unmet: Rate }>
  >;
}

/** One stage of the funnel. */
export interface StageSummary {
  readonly count: number;
  /** `count / total`, to 4 decimals. */
  readonly share: number;
  /** Quantiles of each score (`total`, then the groups) for the leads in this stage. */
  readonly scores: Readonly<Record<string, Quantiles>>;
  /** For leads in this stage: their next stage, and how many are `unmet` for it and how many `unknown`. */
  readonly next?: { readonly stage: string; readonly unmet: number; readonly unknown: number };
}

/** A criterion or test that keeps leads from their next stage, and how often. */
export interface BlockerSummary {
  /** The stage it blocks. */
  readonly stage: string;
  readonly criterion?: string;
  /** For a test that is not a criterion: its label (`score engagement ≥ 15`). */
  readonly label?: string;
  /** Leads for whom it is `unknown` and could help now: ask them. */
  readonly ask: number;
  /** Leads for whom it is `unmet`: it would have to change. */
  readonly notMet: number;
  /** Leads for whom it is `unknown` but cannot help until the unmet blockers change (`next.later`). */
  readonly later: number;
}

/** One cell of the grade matrix: the leads holding a grade. */
export interface GradeSummary {
  readonly count: number;
  /** `count / total`, to 4 decimals. */
  readonly share: number;
  /** Present when `outcome` was given: how the leads of the cell with an outcome converted. */
  readonly conversion?: Rate;
}

/** The funnel of a set of results. */
export interface Summary {
  readonly total: number;
  /** The config the results came from (`undefined` for no result). */
  readonly config: { readonly id: string; readonly hash: string } | undefined;
  /** Per stage, in the config's order (the order of `result.stages`). */
  readonly stages: Readonly<Record<string, StageSummary>>;
  /** Quantiles of each score over every result. */
  readonly scores: Readonly<Record<string, Quantiles>>;
  /** Per criterion, how many results have it met, unmet, unknown. */
  readonly criteria: Readonly<
    Record<string, { readonly met: number; readonly unmet: number; readonly unknown: number }>
  >;
  /** What keeps leads from their next stage, most frequent first (ask + not met). */
  readonly blockers: readonly BlockerSummary[];
  /** Per flag kind (`invalid_date`, `unreadable`, …: the part before `:`), how many results carry one. */
  readonly flags: Readonly<Record<string, number>>;
  /** Flags by kind and path, and what the caller counted of the input (skipped rows, duplicates). */
  readonly dataQuality: DataQuality;
  /** Present when `outcome` was given. */
  readonly calibration?: Calibration;
  /**
   * The grade matrix, for results of a config with `grades`: per grade (`A1`, `A2`, … in label order for
   * letters and numbers), its count and share, and its conversion when `outcome` was given. Past 1,000
   * distinct grades, the rest count under `"(other)"`.
   */
  readonly grades?: Readonly<Record<string, GradeSummary>>;
  /** `true` when some score quantiles are rounded (past 50,000 distinct values of one score). */
  readonly approximate?: true;
}

/** An incremental summary: add results one at a time (from a stream), read the summary at any point. */
export interface SummaryBuilder {
  /** Adds one result. @throws {TypeError} when it is not a classification result, or from another config */
  add(result: SummarizableResult): void;
  /** Adds counts of the input (rows skipped, duplicates, empty rows) to the data-quality section. */
  countInput(counts: InputCounts): void;
  /** The summary of every result added so far. */
  result(): Summary;
}

/** Distinct grades kept; past it, grades count under `(other)`. */
const MAX_GRADES = 1000;
/** Grades in matrix order: `A2` before `A10`, then `B1`. */
const byGrade = /* @__PURE__ */ new Intl.Collator('en', { numeric: true }).compare;

/** Distinct paths kept per flag kind; past it, paths count under `(other)`. */
const MAX_FLAG_PATHS = 1000;
/** Distinct total scores the calibration keeps; past it, totals are rounded coarser (as score quantiles). */
const MAX_TOTALS = 20_000;

/** Counts the input the caller gives, refusing what is not a count. */
function checkCounts(counts: InputCounts | undefined): {
  skippedRows: number;
  duplicates: number;
  emptyRows: number;
} {
  const out = { skippedRows: 0, duplicates: 0, emptyRows: 0 };
  if (counts === undefined) return out;
  if (counts === null || typeof counts !== 'object') {
    throw new TypeError(`summarize: input must be an object of counts, received ${describeValue(counts)}`);
  }
  for (const key of ['skippedRows', 'duplicates', 'emptyRows'] as const) {
    const value = counts[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new TypeError(
        `summarize: input.${key} must be a whole number ≥ 0, received ${describeValue(value)}`,
      );
    }
    out[key] = value;
  }
  return out;
}

/**
 * Total score → [leads, converted], for the calibration's bands: exact while there are few distinct
 * totals; past {@link MAX_TOTALS}, totals are rounded to fewer decimals (then tens…), so memory is bounded
 * whatever the number of leads, and the bands say they are approximate.
 */
class ScoreTallies {
  counts = new Map<number, [number, number]>();
  private decimals = 2;
  approximate = false;

  add(score: number, won: number): void {
    const key = this.round(score);
    const entry = this.counts.get(key);
    if (entry === undefined) this.counts.set(key, [1, won]);
    else {
      entry[0]++;
      entry[1] += won;
    }
    if (this.counts.size > MAX_TOTALS) this.coarsen();
  }

  private round(value: number): number {
    const scale = 10 ** this.decimals;
    const rounded = Math.round(value * scale) / scale;
    return rounded === 0 ? 0 : rounded;
  }

  private coarsen(): void {
    this.approximate = true;
    while (this.counts.size > MAX_TOTALS / 2) {
      this.decimals--;
      const old = this.counts;
      this.counts = new Map();
      for (const [value, [leads, won]] of old) {
        const key = this.round(value);
        const entry = this.counts.get(key);
        if (entry === undefined) this.counts.set(key, [leads, won]);
        else {
          entry[0] += leads;
          entry[1] += won;
        }
      }
    }
  }
}

/** Sets an own, enumerable key, whatever its name (`__proto__` would set the prototype by assignment). */
function ownKey<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function rateOf(leads: number, converted: number, base: number | null): Rate {
  const rate = leads === 0 ? null : converted / leads;
  return {
    leads,
    converted,
    rate: rate === null ? null : round4(rate),
    lift: rate === null || base === null || base === 0 ? null : round4(rate / base),
  };
}

function outcomeReader(
  outcome: Outcome | undefined,
): ((result: SummarizableResult) => boolean | undefined) | undefined {
  if (outcome === undefined) return undefined;
  if (typeof outcome === 'function') {
    return (result) => {
      const value = outcome(result);
      return typeof value === 'boolean' ? value : undefined;
    };
  }
  if (outcome instanceof Map) {
    return (result) => {
      const value = result.leadId === undefined ? undefined : outcome.get(result.leadId);
      return typeof value === 'boolean' ? value : undefined;
    };
  }
  if (outcome !== null && typeof outcome === 'object') {
    const table = outcome as Readonly<Record<string, boolean>>;
    return (result) => {
      const id = result.leadId;
      const value = id !== undefined && Object.hasOwn(table, id) ? table[id] : undefined;
      return typeof value === 'boolean' ? value : undefined;
    };
  }
  throw new TypeError(
    `summarize: outcome must be a function, a Map or an object of booleans by lead id, received ${describeValue(outcome)}`,
  );
}

function checkBands(bands: SummaryOptions['bands']): number | readonly number[] {
  if (bands === undefined) return 10;
  if (typeof bands === 'number') {
    if (Number.isInteger(bands) && bands >= 1 && bands <= 100) return bands;
  } else if (
    Array.isArray(bands) &&
    bands.length >= 1 &&
    bands.length <= 100 &&
    bands.every(
      (edge, index) => Number.isFinite(edge) && (index === 0 || edge > (bands[index - 1] as number)),
    )
  ) {
    return bands;
  }
  throw new TypeError(
    `summarize: bands must be a whole number of bands from 1 to 100, or up to 100 ascending finite edges, received ${describeValue(bands)}`,
  );
}

function isResult(value: unknown): value is SummarizableResult {
  if (value === null || typeof value !== 'object') return false;
  const result = value as Partial<SummarizableResult>;
  return (
    typeof result.stage === 'string' &&
    result.config !== null &&
    typeof result.config === 'object' &&
    result.scores !== null &&
    typeof result.scores === 'object' &&
    result.criteria !== null &&
    typeof result.criteria === 'object' &&
    Array.isArray(result.stages) &&
    Array.isArray(result.flags)
  );
}

interface StageTally {
  count: number;
  scores: Map<string, Distribution>;
  next: { stage: string; unmet: number; unknown: number } | undefined;
}

interface BlockerTally {
  stage: string;
  criterion: string | undefined;
  label: string | undefined;
  ask: number;
  notMet: number;
  later: number;
}

/**
 * An incremental {@link summarize}: `add` each result as it comes (from `classifyStream`), `result()` at
 * the end — memory grows with the stages, criteria, blockers and distinct scores, never with the leads.
 *
 * @param options - `outcome` for the calibration, `bands` for its score bands
 * @returns a builder with `add(result)` and `result()`
 * @throws {TypeError} when `outcome` or `bands` is malformed
 *
 * @example
 * const summary = createSummary();
 * for (const lead of [{ id: 'a' }, { id: 'b', company: { isCompetitor: true } }])
 *   summary.add(classify(lead, presets.saas, { asOf: '2026-06-30', detail: 'statuses' }));
 * summary.result().stages.disqualified;
 * //=> { count: 1, share: 0.5, scores: { total: { count: 1, min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0, mean: 0 }, fit: { count: 1, min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0, mean: 0 }, engagement: { count: 1, min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0, mean: 0 } } }
 */
export function createSummary(options: SummaryOptions = {}): SummaryBuilder {
  const readOutcome = outcomeReader(options.outcome);
  const bands = checkBands(options.bands);
  let total = 0;
  let config: { id: string; hash: string } | undefined;
  const stages = new Map<string, StageTally>();
  const scores = new Map<string, Distribution>();
  const criteria = new Map<string, { met: number; unmet: number; unknown: number }>();
  const blockers = new Map<string, BlockerTally>();
  const flags = new Map<string, number>();
  const flagPaths = new Map<string, Map<string, number>>();
  const input = checkCounts(options.input);
  // calibration
  let matched = 0;
  let converted = 0;
  let unmatched = 0;
  const stageOutcomes = new Map<string, { leads: number; converted: number }>();
  const nextOutcomes = new Map<
    string,
    { stage: string; unknown: [number, number]; unmet: [number, number] }
  >();
  /** total score → [leads, converted], for the bands at the end */
  const totals = new ScoreTallies();
  /** grade → [leads, leads with an outcome, converted] */
  const grades = new Map<string, [number, number, number]>();

  const distribution = (map: Map<string, Distribution>, key: string) => {
    let found = map.get(key);
    if (found === undefined) {
      found = new Distribution();
      map.set(key, found);
    }
    return found;
  };

  const countBlockers = (
    stage: string,
    list:
      | ReadonlyArray<{ readonly criterion?: string; readonly label?: string; readonly status: string }>
      | undefined,
    later: boolean,
  ) => {
    if (list === undefined) return;
    for (const blocker of list) {
      const key = `${stage}\u0000${blocker.criterion ?? ''}\u0000${blocker.label ?? ''}`;
      let tally = blockers.get(key);
      if (tally === undefined) {
        tally = {
          stage,
          criterion: blocker.criterion,
          label: blocker.criterion === undefined ? blocker.label : undefined,
          ask: 0,
          notMet: 0,
          later: 0,
        };
        blockers.set(key, tally);
      }
      if (later) tally.later++;
      else if (blocker.status === 'unknown') tally.ask++;
      else tally.notMet++;
    }
  };

  return {
    add(result) {
      if (!isResult(result)) {
        throw new TypeError(
          `summarize: result ${total} is not a classification result (expected the object classify returns), received ${describeValue(result)}`,
        );
      }
      if (config === undefined) {
        config = { id: result.config.id, hash: result.config.hash };
        // stages in the config's order, even those no lead reaches
        for (const { id } of result.stages) stages.set(id, { count: 0, scores: new Map(), next: undefined });
      } else if (result.config.hash !== config.hash) {
        throw new TypeError(
          `summarize: result ${total} comes from config "${result.config.id}" (${result.config.hash}), the others from "${config.id}" (${config.hash}); summarize each config apart (or compare them with diffConfigs)`,
        );
      }
      total++;
      let stage = stages.get(result.stage);
      if (stage === undefined) {
        stage = { count: 0, scores: new Map(), next: undefined };
        stages.set(result.stage, stage);
      }
      stage.count++;
      for (const name of Object.keys(result.scores)) {
        const value = result.scores[name] as number;
        distribution(scores, name).add(value);
        distribution(stage.scores, name).add(value);
      }
      for (const id of Object.keys(result.criteria)) {
        let counts = criteria.get(id);
        if (counts === undefined) {
          counts = { met: 0, unmet: 0, unknown: 0 };
          criteria.set(id, counts);
        }
        const status = result.criteria[id]?.status;
        if (status === 'met' || status === 'unmet' || status === 'unknown') counts[status]++;
      }
      const next = result.next;
      if (next !== undefined) {
        stage.next ??= { stage: next.stage, unmet: 0, unknown: 0 };
        if (next.status === 'unknown') stage.next.unknown++;
        else stage.next.unmet++;
        countBlockers(next.stage, next.blockers, false);
        countBlockers(next.stage, next.later, true);
      }
      const kinds = new Set<string>();
      const seen = new Set<string>();
      for (const flag of result.flags) {
        if (typeof flag !== 'string' || seen.has(flag)) continue;
        seen.add(flag);
        const colon = flag.indexOf(':');
        const kind = colon < 0 ? flag : flag.slice(0, colon);
        kinds.add(kind);
        let paths = flagPaths.get(kind);
        if (paths === undefined) {
          paths = new Map();
          flagPaths.set(kind, paths);
        }
        let path = colon < 0 ? '' : flag.slice(colon + 1);
        if (!paths.has(path) && paths.size >= MAX_FLAG_PATHS) path = '(other)';
        paths.set(path, (paths.get(path) ?? 0) + 1);
      }
      for (const kind of kinds) flags.set(kind, (flags.get(kind) ?? 0) + 1);
      let grade: [number, number, number] | undefined;
      if (typeof result.grade === 'string') {
        const key = grades.has(result.grade) || grades.size < MAX_GRADES ? result.grade : '(other)';
        grade = grades.get(key);
        if (grade === undefined) {
          grade = [0, 0, 0];
          grades.set(key, grade);
        }
        grade[0]++;
      }

      if (readOutcome === undefined) return;
      const outcome = readOutcome(result);
      if (outcome === undefined) {
        unmatched++;
        return;
      }
      const won = outcome ? 1 : 0;
      if (grade !== undefined) {
        grade[1]++;
        grade[2] += won;
      }
      matched++;
      converted += won;
      const byStage = stageOutcomes.get(result.stage) ?? { leads: 0, converted: 0 };
      byStage.leads++;
      byStage.converted += won;
      stageOutcomes.set(result.stage, byStage);
      const score = result.scores.total;
      if (typeof score === 'number' && Number.isFinite(score)) totals.add(score, won);
      if (next !== undefined) {
        let byNext = nextOutcomes.get(result.stage);
        if (byNext === undefined) {
          byNext = { stage: next.stage, unknown: [0, 0], unmet: [0, 0] };
          nextOutcomes.set(result.stage, byNext);
        }
        const cell = next.status === 'unknown' ? byNext.unknown : byNext.unmet;
        cell[0]++;
        cell[1] += won;
      }
    },

    countInput(counts) {
      const checked = checkCounts(counts);
      input.skippedRows += checked.skippedRows;
      input.duplicates += checked.duplicates;
      input.emptyRows += checked.emptyRows;
    },

    result() {
      let approximate = false;
      const quantilesOf = (map: Map<string, Distribution>) => {
        const out: Record<string, Quantiles> = {};
        for (const [name, each] of map) {
          const found = each.quantiles();
          if (found !== undefined) ownKey(out, name, found);
          if (each.approximate) approximate = true;
        }
        return out;
      };
      const stageSummaries: Record<string, StageSummary> = {};
      for (const [id, tally] of stages) {
        const entry: { -readonly [K in keyof StageSummary]: StageSummary[K] } = {
          count: tally.count,
          share: total === 0 ? 0 : round4(tally.count / total),
          scores: quantilesOf(tally.scores),
        };
        if (tally.next !== undefined) entry.next = { ...tally.next };
        // an own key whatever the stage id (`__proto__` included)
        ownKey(stageSummaries, id, entry);
      }
      const ranked = [...blockers.values()]
        .sort((a, b) => b.ask + b.notMet - (a.ask + a.notMet) || b.later - a.later)
        .map(({ stage, criterion, label, ask, notMet, later }) => ({
          stage,
          ...(criterion === undefined ? {} : { criterion }),
          ...(label === undefined ? {} : { label }),
          ask,
          notMet,
          later,
        }));
      const summary: { -readonly [K in keyof Summary]: Summary[K] } = {
        total,
        config: config === undefined ? undefined : { ...config },
        stages: stageSummaries,
        scores: quantilesOf(scores),
        criteria: Object.fromEntries([...criteria].map(([id, counts]) => [id, { ...counts }])),
        blockers: ranked,
        flags: Object.fromEntries(flags),
        dataQuality: {
          flags: Object.fromEntries([...flagPaths].map(([kind, paths]) => [kind, Object.fromEntries(paths)])),
          ...input,
        },
      };
      if (readOutcome !== undefined) {
        const base = matched === 0 ? null : converted / matched;
        summary.calibration = {
          leads: matched,
          converted,
          rate: base === null ? null : round4(base),
          unmatched,
          stages: Object.fromEntries(
            [...stages.keys()]
              .filter((id) => stageOutcomes.has(id))
              .map((id) => {
                const { leads, converted: won } = stageOutcomes.get(id) as {
                  leads: number;
                  converted: number;
                };
                return [id, rateOf(leads, won, base)];
              }),
          ),
          bands: bandRates(totals.counts, bands, base),
          next: Object.fromEntries(
            [...nextOutcomes].map(([id, { stage, unknown, unmet }]) => [
              id,
              {
                stage,
                unknown: rateOf(unknown[0], unknown[1], base),
                unmet: rateOf(unmet[0], unmet[1], base),
              },
            ]),
          ),
        };
      }
      if (grades.size > 0) {
        const base = matched === 0 ? null : converted / matched;
        const cells: Record<string, GradeSummary> = {};
        for (const key of [...grades.keys()].sort(byGrade)) {
          const [count, leads, won] = grades.get(key) as [number, number, number];
          const cell: { -readonly [K in keyof GradeSummary]: GradeSummary[K] } = {
            count,
            share: round4(count / total),
          };
          if (readOutcome !== undefined) cell.conversion = rateOf(leads, won, base);
          ownKey(cells, key, cell);
        }
        summary.grades = cells;
      }
      if (approximate || totals.approximate) summary.approximate = true;
      return summary;
    },
  };
}

/**
 * Conversion per band of total score: bands of equal size by rank (`bands` a number: ties stay in one
 * band, so there are fewer bands when scores repeat), or between given edges. A band runs from its edge
 * (inclusive) to the next (exclusive); scores below the first edge count in the first band, the last
 * band runs to the highest score.
 */
function bandRates(
  totals: ReadonlyMap<number, readonly [number, number]>,
  bands: number | readonly number[],
  base: number | null,
): BandRate[] {
  const entries = [...totals].sort((a, b) => a[0] - b[0]);
  if (entries.length === 0) return [];
  const count = entries.reduce((sum, [, [leads]]) => sum + leads, 0);
  const min = entries[0]![0];
  const max = entries[entries.length - 1]![0];
  let edges: number[];
  if (typeof bands === 'number') {
    edges = [min];
    let seen = 0;
    let band = 1;
    for (const [value, [leads]] of entries) {
      // the value holding rank ⌊band·count/bands⌋ starts a band, unless it already does
      while (band < bands && Math.floor((band * count) / bands) < seen + leads) {
        if (Math.floor((band * count) / bands) >= seen && value > (edges[edges.length - 1] as number))
          edges.push(value);
        band++;
      }
      seen += leads;
    }
  } else {
    edges = [...bands];
  }
  const tallies = edges.map(() => [0, 0] as [number, number]);
  let band = 0;
  for (const [value, [leads, won]] of entries) {
    while (band + 1 < edges.length && value >= (edges[band + 1] as number)) band++;
    const tally = tallies[band] as [number, number];
    tally[0] += leads;
    tally[1] += won;
  }
  return edges.map((edge, index) => {
    const last = index === edges.length - 1;
    return {
      from: index === 0 ? Math.min(edge, min) : edge,
      to: last ? Math.max(edge, max) : (edges[index + 1] as number),
      ...rateOf(tallies[index]![0], tallies[index]![1], base),
    };
  });
}

/**
 * The funnel of a set of results (full or `detail: 'statuses'`): per stage its count, share and score
 * quantiles; every criterion's met / unmet / unknown counts; the blockers that most often keep leads
 * from their next stage, split into "ask" (unknown) and "not met"; flags by kind. With `outcome`, the
 * calibration: conversion rate and lift per stage, per score band and per next-stage status.
 *
 * @param results - results of one config (e.g. from `classifyMany`)
 * @param options - `outcome` (per lead id, or a function of the result) and `bands`
 * @returns the {@link Summary}
 * @throws {TypeError} when an item is not a result, results mix configs, or `outcome`/`bands` is malformed
 *
 * @example
 * const results = classifyMany([{ id: 'a' }, { id: 'b', company: { isCompetitor: true } }], presets.saas, {
 *   asOf: '2026-06-30',
 *   detail: 'statuses',
 * });
 * summarize(results, { outcome: { a: true, b: false } }).calibration.stages;
 * //=> { disqualified: { leads: 1, converted: 0, rate: 0, lift: 0 }, unqualified: { leads: 1, converted: 1, rate: 1, lift: 2 } }
 */
export function summarize(results: Iterable<SummarizableResult>, options: SummaryOptions = {}): Summary {
  const builder = createSummary(options);
  for (const result of results) builder.add(result);
  return builder.result();
}
