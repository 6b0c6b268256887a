import { describeValue } from '../internal/issues';
import { compilePath, FORBIDDEN_SEGMENTS } from '../internal/path';
import { isMissing, readInstant } from '../internal/read';
import type { Status } from '../internal/status';
import { Distribution, type Quantiles } from './distribution';
import {
  compareRates,
  differenceInterval,
  type Interval,
  MIN_EXPECTED,
  type RateTest,
  wilson,
  wilsonInterval,
} from './proportions';

export type { Interval, RateTest } from './proportions';

/**
 * What `summarize` reads of a result: the fields full and `'statuses'` results share.
 *
 * @category Many leads
 */
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

/**
 * Whether each lead converted (won, became a customer), by lead id or by result; `undefined`: not known.
 *
 * @category Many leads
 */
export type Outcome =
  | ((result: SummarizableResult) => boolean | undefined)
  | ReadonlyMap<string, boolean>
  | Readonly<Record<string, boolean>>;

/**
 * Options of {@link summarize} and {@link createSummary}.
 *
 * @category Many leads
 */
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
  /**
   * A breakdown: one funnel and one calibration per group. A dotted path read on the lead given with the
   * result (`add(result, lead)`, or `summarize(results, { leads })`), else on the result — with `:day`,
   * `:week` (ISO), `:month`, `:quarter` or `:year` to bucket a date (`'createdAt:month'`) — or a function
   * `(result, lead) => key`.
   */
  readonly by?: string | GroupKey;
  /** The most groups a breakdown keeps (default 1,000, at most 10,000); leads of later groups count under `"(other)"`. */
  readonly maxGroups?: number;
}

/**
 * A breakdown's group of a result (and of its lead, when given): any value, read as text.
 *
 * @category Many leads
 */
export type GroupKey = (result: SummarizableResult, lead: unknown) => unknown;

/**
 * The options of {@link summarize}: those of {@link createSummary}, and the leads the results came from.
 *
 * @category Many leads
 */
export interface SummarizeOptions extends SummaryOptions {
  /** The leads of the results, in the same order, for `by` paths on the lead (`'company.industry'`). */
  readonly leads?: Iterable<unknown>;
}

/**
 * Something a reader of the summary should know before trusting a figure: `small_sample` (a group with
 * fewer than 30 leads with an outcome), `few_conversions` (fewer than 5 conversions, or non-conversions,
 * expected in a group at the base rate), `groups_capped` (a breakdown past its cap of groups).
 *
 * @category Many leads
 */
export interface SummaryWarning {
  readonly code: 'small_sample' | 'few_conversions' | 'groups_capped';
  /** Where in the summary: `'all'`, `'stages.SAL'`, `'bands[2]'`, `'next.SAL.unknown'`, `'breakdown'`. */
  readonly where: string;
  /** The leads it is about (with an outcome, for the calibration's warnings). */
  readonly leads: number;
  readonly message: string;
}

/**
 * What happened to the input before classifying: rows skipped as unreadable, duplicates, empty rows.
 *
 * @category Many leads
 */
export interface InputCounts {
  /** Rows that could not be read (bad CSV rows, invalid JSON lines) and were skipped. */
  readonly skippedRows?: number;
  /** Rows whose lead id was seen before (classified or dropped, as the caller chose). */
  readonly duplicates?: number;
  /** Rows whose every cell was blank, skipped. */
  readonly emptyRows?: number;
}

/**
 * The data-quality section of a summary: flags by kind and by path, and the input counts given.
 *
 * @category Many leads
 */
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

/**
 * A conversion rate and its lift over the base rate; `null` where there is no lead to compute it on.
 *
 * @category Many leads
 */
export interface Rate {
  readonly leads: number;
  readonly converted: number;
  /** `converted / leads`, to 4 decimals. */
  readonly rate: number | null;
  /** `rate / base rate`, to 4 decimals: 2 means twice as likely to convert as the average lead. */
  readonly lift: number | null;
  /** Wilson score 95 % interval of `rate`, to 4 decimals. */
  readonly interval: Interval | null;
  /**
   * 95 % interval of `lift`: the Wilson interval divided by the base rate (taken as known). The group is
   * part of the base, so this errs wide, never narrow; `vsRest` is the test.
   */
  readonly liftInterval: Interval | null;
  /** This group's rate against the rest of the leads with an outcome: whether the lift could be noise. */
  readonly vsRest: RateTest | null;
}

/**
 * Two adjacent stages of the ladder (a stage and its next stage) compared: could the gap be noise?
 *
 * @category Many leads
 */
export interface StageComparison {
  /** The stage above (`SQO`) and the one below (`SAL`). */
  readonly higher: string;
  readonly lower: string;
  /** The higher stage's rate minus the lower's, to 4 decimals, with Newcombe's 95 % interval. */
  readonly difference: number;
  readonly interval: Interval;
  readonly test: RateTest;
}

/**
 * One score band of the calibration: total scores from `from` (inclusive) to `to` (exclusive, inclusive for the last).
 *
 * @category Many leads
 */
export interface BandRate extends Rate {
  readonly from: number;
  readonly to: number;
}

/**
 * Whether the stages predict who converts: rates and lifts per stage, score band and next-stage status.
 *
 * @category Many leads
 */
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
   * those for whom it is `unmet` (answers given, and wrong), and the test of the two.
   */
  readonly next: Readonly<
    Record<
      string,
      {
        readonly stage: string;
        readonly unknown: Rate;
        readonly unmet: Rate;
        /** `unknown` against `unmet`; `null` when either has no lead. */
        readonly comparison: RateTest | null;
      }
    >
  >;
  /** Wilson score 95 % interval of the base rate. */
  readonly interval: Interval | null;
  /** Each stage against the next stage up the ladder (`SQO` vs `SAL`, `SAL` vs `unqualified`), top first. */
  readonly comparisons: readonly StageComparison[];
  /** Groups too small for their rate to mean much (`small_sample`, `few_conversions`). */
  readonly warnings: readonly SummaryWarning[];
}

/**
 * One group of a breakdown: its key and its own summary (funnel and calibration).
 *
 * @category Many leads
 */
export interface BreakdownGroup {
  /** The group: the value read as text, `"(none)"` when absent, `"(unreadable)"` when not a readable date (for a date bucket) or not a plain value, `"(other)"` past the cap. */
  readonly key: string;
  readonly summary: Summary;
}

/**
 * A summary per group: `by` as given, the groups in key order (`(none)`, `(unreadable)`, `(other)` last).
 *
 * @category Many leads
 */
export interface Breakdown {
  /** The path given (`'createdAt:month'`), or `'(function)'`. */
  readonly by: string;
  readonly groups: readonly BreakdownGroup[];
  readonly warnings: readonly SummaryWarning[];
}

/**
 * One stage of the funnel.
 *
 * @category Many leads
 */
export interface StageSummary {
  readonly count: number;
  /** `count / total`, to 4 decimals. */
  readonly share: number;
  /** Quantiles of each score (`total`, then the groups) for the leads in this stage. */
  readonly scores: Readonly<Record<string, Quantiles>>;
  /** For leads in this stage: their next stage, and how many are `unmet` for it and how many `unknown`. */
  readonly next?: { readonly stage: string; readonly unmet: number; readonly unknown: number };
}

/**
 * A criterion or test that keeps leads from their next stage, and how often.
 *
 * @category Many leads
 */
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

/**
 * One cell of the grade matrix: the leads holding a grade.
 *
 * @category Many leads
 */
export interface GradeSummary {
  readonly count: number;
  /** `count / total`, to 4 decimals. */
  readonly share: number;
  /** Present when `outcome` was given: how the leads of the cell with an outcome converted. */
  readonly conversion?: Rate;
}

/**
 * The funnel of a set of results.
 *
 * @category Many leads
 */
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
  /** Present when `by` was given: the same summary per group. */
  readonly breakdown?: Breakdown;
  /**
   * The grade matrix, for results of a config with `grades`: per grade (`A1`, `A2`, … in label order for
   * letters and numbers), its count and share, and its conversion when `outcome` was given. Past 1,000
   * distinct grades, the rest count under `"(other)"`.
   */
  readonly grades?: Readonly<Record<string, GradeSummary>>;
  /** `true` when some score quantiles are rounded (past 50,000 distinct values of one score). */
  readonly approximate?: true;
}

/**
 * An incremental summary: add results one at a time (from a stream), read the summary at any point.
 *
 * @category Many leads
 */
export interface SummaryBuilder {
  /**
   * Adds one result, and the lead it came from when `by` reads the lead.
   * @throws {TypeError} when it is not a classification result, or from another config
   */
  add(result: SummarizableResult, lead?: unknown): void;
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

/** Fewer leads with an outcome than this in a group: `small_sample` (see docs/batch.md, "Is the gap real?"). */
const MIN_SAMPLE = 30;

/** The leads with an outcome: how many, how many converted, and the base rate. */
interface Base {
  readonly leads: number;
  readonly converted: number;
  readonly rate: number | null;
}

function rateOf(leads: number, converted: number, base: Base): Rate {
  const rate = leads === 0 ? null : converted / leads;
  const bounds = wilson(converted, leads);
  const baseRate = base.rate;
  const liftable = rate !== null && baseRate !== null && baseRate !== 0;
  return {
    leads,
    converted,
    rate: rate === null ? null : round4(rate),
    lift: liftable ? round4(rate / baseRate) : null,
    interval: wilsonInterval(converted, leads),
    liftInterval:
      liftable && bounds !== undefined
        ? { low: round4(bounds[0] / baseRate), high: round4(bounds[1] / baseRate) }
        : null,
    vsRest: compareRates(converted, leads, base.converted - converted, base.leads - leads),
  };
}

const percentText = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)} %`;

/**
 * A warning when a group is too small for its rate to mean much: `where` for programs
 * (`stages.SQO`), `label` for people (`SQO`, `score 10 – 22.37`, `SAL with SQO unknown`).
 */
function sampleWarning(where: string, label: string, rate: Rate, base: Base): SummaryWarning | undefined {
  if (rate.leads === 0) return undefined;
  if (rate.leads < MIN_SAMPLE) {
    const interval =
      rate.interval === null
        ? ''
        : ` (95 % interval ${percentText(rate.interval.low)} – ${percentText(rate.interval.high)})`;
    return {
      code: 'small_sample',
      where,
      leads: rate.leads,
      message: `${label}: ${rate.leads} ${rate.leads === 1 ? 'lead' : 'leads'} with an outcome, fewer than ${MIN_SAMPLE}: the rate ${percentText(rate.rate)}${interval}${rate.lift === null || where === 'all' ? '' : ` and lift ${rate.lift}`} may be noise`,
    };
  }
  if (base.rate === null || where === 'all') return undefined;
  const conversions = rate.leads * base.rate;
  const others = rate.leads - conversions;
  if (conversions >= MIN_EXPECTED && others >= MIN_EXPECTED) return undefined;
  const [expected, what] = conversions < others ? [conversions, 'conversions'] : [others, 'non-conversions'];
  return {
    code: 'few_conversions',
    where,
    leads: rate.leads,
    message: `${label}: ${round4(expected)} ${what} expected at the base rate, fewer than ${MIN_EXPECTED}: the rate and lift rest on a handful of leads`,
  };
}

/** The date buckets a `by` path may end in. */
const BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
type Bucket = (typeof BUCKETS)[number];
/** Group keys longer than this are cut (with `…`): a breakdown by free text stays bounded. */
const MAX_KEY_LENGTH = 100;
/** The groups a breakdown keeps by default, and at most. */
const DEFAULT_MAX_GROUPS = 1000;
const MAX_MAX_GROUPS = 10_000;
const NONE = '(none)';
const UNREADABLE = '(unreadable)';
const OTHER = '(other)';

const two = (value: number) => String(value).padStart(2, '0');

/** The bucket of an instant, in UTC: `2017-03-05`, `2017-W09` (ISO week), `2017-03`, `2017-Q1`, `2017`. */
function bucketOf(instant: number, bucket: Bucket): string {
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (bucket) {
    case 'day':
      return `${year}-${two(month + 1)}-${two(date.getUTCDate())}`;
    case 'month':
      return `${year}-${two(month + 1)}`;
    case 'quarter':
      return `${year}-Q${Math.floor(month / 3) + 1}`;
    case 'year':
      return String(year);
    case 'week': {
      // the ISO week is the week of its Thursday, and belongs to the Thursday's year
      const day = (date.getUTCDay() + 6) % 7;
      const thursday = Date.UTC(year, month, date.getUTCDate() - day + 3);
      const isoYear = new Date(thursday).getUTCFullYear();
      const week = Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / 86_400_000 / 7) + 1;
      return `${isoYear}-W${two(week)}`;
    }
  }
}

/** A group key from any value: text as is (cut), numbers and booleans as text, absent as `(none)`. */
function keyOf(value: unknown, bucket: Bucket | undefined): string {
  if (isMissing(value)) return NONE;
  if (bucket !== undefined) {
    const instant = readInstant(value);
    return Number.isNaN(instant) ? UNREADABLE : bucketOf(instant, bucket);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    return text.length > MAX_KEY_LENGTH ? `${text.slice(0, MAX_KEY_LENGTH - 1)}…` : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? UNREADABLE : value.toISOString();
  return UNREADABLE;
}

/** The group reader of `by`, and its name for the summary. */
function groupReader(by: SummaryOptions['by']): { name: string; read: GroupKey } | undefined {
  if (by === undefined) return undefined;
  if (typeof by === 'function')
    return { name: '(function)', read: (result, lead) => keyOf(by(result, lead), undefined) };
  if (typeof by !== 'string' || by.trim() === '' || by.length > 200) {
    throw new TypeError(
      `summarize: by must be a dotted path (optionally ending in :${BUCKETS.join('|:')}) of up to 200 characters, or a function of the result and lead, received ${describeValue(by)}`,
    );
  }
  const colon = by.lastIndexOf(':');
  const path = colon < 0 ? by : by.slice(0, colon);
  const unit = colon < 0 ? undefined : by.slice(colon + 1);
  if (unit !== undefined && !(BUCKETS as readonly string[]).includes(unit)) {
    throw new TypeError(
      `summarize: by "${by}" ends in ":${unit}", expected one of ${BUCKETS.map((each) => `:${each}`).join(', ')} (a date bucket)`,
    );
  }
  const forbidden = path.split('.').find((segment) => FORBIDDEN_SEGMENTS.has(segment) || segment === '');
  if (forbidden !== undefined) {
    throw new TypeError(
      `summarize: by "${by}" has ${forbidden === '' ? 'an empty segment' : `the segment "${forbidden}"`}, expected a dotted path such as "company.industry" or "createdAt:month"`,
    );
  }
  const read = compilePath(path);
  const bucket = unit as Bucket | undefined;
  return { name: by, read: (result, lead) => keyOf(read(lead === undefined ? result : lead), bucket) };
}

function checkMaxGroups(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_GROUPS;
  if (Number.isInteger(value) && value >= 1 && value <= MAX_MAX_GROUPS) return value;
  throw new TypeError(
    `summarize: maxGroups must be a whole number from 1 to ${MAX_MAX_GROUPS}, received ${describeValue(value)}`,
  );
}

/** Group keys in order: as text (code units, so dates sort in time), the placeholders last. */
function compareKeys(a: string, b: string): number {
  const rank = (key: string) => (key === NONE ? 1 : key === UNREADABLE ? 2 : key === OTHER ? 3 : 0);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
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
 * the end — memory grows with the stages, criteria, blockers and distinct scores, never with the leads
 * (and, with `by`, with the groups: at most `maxGroups`, then `"(other)"`).
 *
 * @param options - `outcome` for the calibration, `bands` for its score bands, `by` and `maxGroups` for a
 *   breakdown (a path read on the lead given to `add(result, lead)`, else on the result; or a function)
 * @returns a builder with `add(result, lead?)` and `result()`
 * @throws {TypeError} when `outcome`, `bands`, `by` or `maxGroups` is malformed
 *
 * @example
 * const summary = createSummary();
 * for (const lead of [{ id: 'a' }, { id: 'b', company: { isCompetitor: true } }])
 *   summary.add(classify(lead, presets.saas, { asOf: '2026-06-30', detail: 'statuses' }));
 * summary.result().stages.disqualified;
 * //=> { count: 1, share: 0.5, scores: { total: { count: 1, min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0, mean: 0 }, fit: { count: 1, min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0, mean: 0 }, engagement: { count: 1, min: 0, p10: 0, p25: 0, median: 0, p75: 0, p90: 0, max: 0, mean: 0 } } }
 * const cohorts = createSummary({ by: 'createdAt:month' });
 * for (const lead of [{ id: 'a', createdAt: '2026-05-04' }, { id: 'b', createdAt: '2026-06-30T23:00:00Z' }])
 *   cohorts.add(classify(lead, presets.saas, { asOf: '2026-06-30T23:30:00Z' }), lead);
 * cohorts.result().breakdown.groups.map((group) => group.key);
 * //=> ['2026-05', '2026-06']
 *
 * @category Many leads
 */
export function createSummary(options: SummaryOptions = {}): SummaryBuilder {
  const readOutcome = outcomeReader(options.outcome);
  const grouping = groupReader(options.by);
  const maxGroups = checkMaxGroups(options.maxGroups);
  /** The breakdown: a builder per group, each reading the outcome its parent read. */
  const groups = new Map<string, SummaryBuilder>();
  let overflow = 0;
  let groupOutcome: boolean | undefined;
  const groupOptions: SummaryOptions = {
    ...(readOutcome === undefined ? {} : { outcome: () => groupOutcome }),
    ...(options.bands === undefined ? {} : { bands: options.bands }),
  };
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
    add(result, lead) {
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

      const outcome = readOutcome === undefined ? undefined : readOutcome(result);
      if (grouping !== undefined) {
        let key = grouping.read(result, lead) as string;
        if (!groups.has(key) && groups.size >= maxGroups + (groups.has(OTHER) ? 1 : 0)) {
          key = OTHER;
          overflow++;
        }
        let group = groups.get(key);
        if (group === undefined) {
          group = createSummary(groupOptions);
          groups.set(key, group);
        }
        groupOutcome = outcome;
        group.add(result);
      }
      if (readOutcome === undefined) return;
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
        const base: Base = {
          leads: matched,
          converted,
          rate: matched === 0 ? null : converted / matched,
        };
        const warnings: SummaryWarning[] = [];
        const warn = (where: string, label: string, rate: Rate) => {
          const warning = sampleWarning(where, label, rate, base);
          if (warning !== undefined) warnings.push(warning);
        };
        const all = rateOf(matched, converted, base);
        warn('all', 'All leads', all);
        const stageRates: Record<string, Rate> = {};
        for (const id of stages.keys()) {
          const found = stageOutcomes.get(id);
          if (found === undefined) continue;
          const rate = rateOf(found.leads, found.converted, base);
          ownKey(stageRates, id, rate);
          warn(`stages.${id}`, id, rate);
        }
        const bandList = bandRates(totals.counts, bands, base);
        for (const [index, band] of bandList.entries())
          warn(`bands[${index}]`, `score ${band.from} – ${band.to}`, band);
        const nextRates: Record<string, Calibration['next'][string]> = {};
        for (const [id, { stage, unknown, unmet }] of nextOutcomes) {
          const split = {
            stage,
            unknown: rateOf(unknown[0], unknown[1], base),
            unmet: rateOf(unmet[0], unmet[1], base),
            comparison: compareRates(unknown[1], unknown[0], unmet[1], unmet[0]),
          };
          ownKey(nextRates, id, split);
          warn(`next.${id}.unknown`, `${id} with ${stage} unknown`, split.unknown);
          warn(`next.${id}.unmet`, `${id} with ${stage} unmet`, split.unmet);
        }
        // adjacent rungs: each stage against the stage its leads are next up for
        const comparisons: StageComparison[] = [];
        for (const [id, tally] of stages) {
          const lower = stageOutcomes.get(id);
          const higher = tally.next === undefined ? undefined : stageOutcomes.get(tally.next.stage);
          if (lower === undefined || higher === undefined || tally.next === undefined) continue;
          const test = compareRates(higher.converted, higher.leads, lower.converted, lower.leads);
          const interval = differenceInterval(higher.converted, higher.leads, lower.converted, lower.leads);
          if (test === null || interval === null) continue;
          comparisons.push({
            higher: tally.next.stage,
            lower: id,
            difference: round4(higher.converted / higher.leads - lower.converted / lower.leads),
            interval,
            test,
          });
        }
        summary.calibration = {
          leads: matched,
          converted,
          rate: all.rate,
          unmatched,
          stages: stageRates,
          bands: bandList,
          next: nextRates,
          interval: all.interval,
          comparisons,
          warnings,
        };
      }
      if (grouping !== undefined) {
        const warnings: SummaryWarning[] = [];
        if (overflow > 0)
          warnings.push({
            code: 'groups_capped',
            where: 'breakdown',
            leads: overflow,
            message: `breakdown by ${grouping.name}: more than ${maxGroups} groups; ${overflow} ${overflow === 1 ? 'lead' : 'leads'} of the later groups are counted under "${OTHER}" (maxGroups raises the cap)`,
          });
        summary.breakdown = {
          by: grouping.name,
          groups: [...groups.keys()].sort(compareKeys).map((key) => ({
            key,
            summary: (groups.get(key) as SummaryBuilder).result(),
          })),
          warnings,
        };
      }
      if (grades.size > 0) {
        const base: Base = { leads: matched, converted, rate: matched === 0 ? null : converted / matched };
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
  base: Base,
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
 * calibration: conversion rate and lift per stage, per score band and per next-stage status, each with
 * its Wilson 95 % interval and a test against the rest; each stage tested against the next one up; and
 * warnings where a group is too small to judge. With `by`, the same summary per group (a breakdown).
 *
 * @param results - results of one config (e.g. from `classifyMany`)
 * @param options - `outcome` (per lead id, or a function of the result), `bands`, `by` (a path on the
 *   leads, given in `leads` in the same order, or on the results; or a function) and `maxGroups`
 * @returns the {@link Summary}
 * @throws {TypeError} when an item is not a result, results mix configs, `leads` and results differ in
 *   number, or `outcome`/`bands`/`by`/`maxGroups` is malformed
 *
 * @example
 * const leads = [{ id: 'a' }, { id: 'b', company: { isCompetitor: true } }];
 * const results = classifyMany(leads, presets.saas, { asOf: '2026-06-30', detail: 'statuses' });
 * const summary = summarize(results, { outcome: { a: true, b: false } });
 * summary.calibration.stages.unqualified;
 * //=> { leads: 1, converted: 1, rate: 1, lift: 2, interval: { low: 0.2065, high: 1 }, liftInterval: { low: 0.4131, high: 2 }, vsRest: { test: 'fisher', p: 1, verdict: 'not distinguishable' } }
 * summary.calibration.warnings[0].message;
 * //=> 'All leads: 2 leads with an outcome, fewer than 30: the rate 50.0 % (95 % interval 9.4 % – 90.5 %) may be noise'
 * const byCompetitor = summarize(results, { leads, by: 'company.isCompetitor' });
 * byCompetitor.breakdown.groups.map((group) => [group.key, group.summary.total]);
 * //=> [['true', 1], ['(none)', 1]]
 *
 * @category Many leads
 */
export function summarize(results: Iterable<SummarizableResult>, options: SummarizeOptions = {}): Summary {
  const builder = createSummary(options);
  const given = options.leads;
  if (
    given !== undefined &&
    (given === null || typeof (given as Iterable<unknown>)[Symbol.iterator] !== 'function')
  ) {
    throw new TypeError(
      `summarize: leads must be an iterable of the results' leads, in the same order, received ${describeValue(given)}`,
    );
  }
  const leads = given?.[Symbol.iterator]();
  let index = 0;
  for (const result of results) {
    let lead: unknown;
    if (leads !== undefined) {
      const step = leads.next();
      if (step.done === true) {
        throw new TypeError(
          `summarize: leads ended after ${index} items, but there are more results; give the lead of every result, in the same order`,
        );
      }
      lead = step.value;
    }
    builder.add(result, lead);
    index++;
  }
  if (leads !== undefined && leads.next().done !== true) {
    throw new TypeError(
      `summarize: leads has more items than the ${index} results; give the lead of every result, in the same order`,
    );
  }
  return builder.result();
}
