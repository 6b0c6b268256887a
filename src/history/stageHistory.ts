import { leadIdOf } from '../classify/buildResult';
import type { Classifier } from '../classify/Classifier';
import { type ConfigOrClassifier, checkedOptions } from '../classify/checkedOptions';
import { toClassifier } from '../classify/classify';
import { unitsSpent } from '../classify/compileClassifier';
import { requireCompiled } from '../classify/resolveClassifier';
import { BUDGET_EXCEEDED, DEFAULT_BUDGET } from '../dsl/budget';
import { MAX_EVENTS, selectEvents } from '../dsl/eventPlan';
import { forEachCondition, kindOf } from '../dsl/walk';
import { describeValue } from '../internal/issues';
import { compilePath } from '../internal/path';
import { compileReading, readInstant } from '../internal/read';
import { newArray } from '../internal/siteFree';
import type { Status } from '../internal/status';
import {
  addDuration,
  type Duration,
  formatInstant,
  parseLeadInstant,
  readAsOf,
  subtractDuration,
  toDuration,
} from '../internal/time';
import type { Condition, EventCondition, FactCondition } from '../schema/condition';
import type { Config } from '../schema/config';
import type { StatusClassification } from '../schema/result';

/**
 * Options of {@link stageHistory}.
 *
 * @category Time
 */
export interface HistoryOptions {
  /** The end of the history: a `Date`, an ISO 8601 string or epoch ms (required, as for `classify`). */
  readonly asOf: Date | string | number;
  /** Where the history starts; default the lead's `createdAt`, else its first event, else `asOf`. */
  readonly from?: Date | string | number;
  /**
   * For a config with `grades`: `false` follows the stages alone, without `grade` and `grades` in the
   * segments — as fast as a config without grades. Following grades evaluates every score at every instant
   * and finds each decaying score's crossing of a grade threshold, about 3–5× the work.
   */
  readonly grades?: boolean;
}

/**
 * A criterion whose status changed when a segment began.
 *
 * @category Time
 */
export interface CriterionChange {
  readonly criterion: string;
  readonly from: Status;
  readonly to: Status;
}

/**
 * The SLA of one entry into a stage with `followUp`.
 *
 * @category Time
 */
export interface FollowUpStatus {
  /** Entry + `followUp.within`. */
  readonly due: string;
  /**
   * `met`: a follow-up event came by `due`; `breached`: none came by `due` (one may have come later:
   * `at`); `open`: not due yet, none yet. Without `followUp.events` only `open` or `due` (passed, and no
   * event types to tell whether it was met).
   */
  readonly status: 'met' | 'breached' | 'open' | 'due';
  /** The first follow-up event at or after the entry. */
  readonly at?: string;
  /** For `breached`: how late the follow-up came (or, if none came, how long past `due` the history ends), in ms. */
  readonly overdueMs?: number;
}

/**
 * A stretch of time the lead spent in one stage.
 *
 * @category Time
 */
export interface StageSegment {
  readonly stage: string;
  /** The instant the lead entered the stage (the history's start for the first segment). */
  readonly from: string;
  /** The instant it left (the first instant of the next segment); absent for the current stage. */
  readonly to?: string;
  /** `to − from` (or `asOf − from` for the current stage), in ms. */
  readonly ms: number;
  /** What changed at `from`: the criteria whose status changed, and the reason codes of the config they carry. */
  readonly reason?: {
    readonly criteria: readonly CriterionChange[];
    /** The `reason` of each criterion that stopped being met, and of the stage entered, if it has one. */
    readonly codes?: readonly string[];
  };
  /** The SLA of this entry, for a stage with `followUp`. */
  readonly followUp?: FollowUpStatus;
  /** For a config with `grades`: the lead's grade at `from`. */
  readonly grade?: string;
  /**
   * For a config with `grades`, when the grade changed within the segment (new events, decay): every
   * grade the lead had in it, from `from` on, each from the instant it began.
   */
  readonly grades?: ReadonlyArray<{ readonly grade: string; readonly from: string }>;
}

/**
 * A lead's life under one config: the stages it was in, when, why, and its SLAs.
 *
 * @category Time
 */
export interface StageHistory {
  readonly leadId?: string;
  readonly config: { readonly id: string; readonly version: 1; readonly hash: string };
  readonly from: string;
  readonly asOf: string;
  /** The stage at `asOf` (what `classify` gives). */
  readonly stage: string;
  /** For a config with `grades`: the grade at `asOf` (what `classify` gives), or at `until`. */
  readonly grade?: string;
  /** When the lead entered its current stage, as far as the history reaches back. */
  readonly stageSince: string;
  /** For a current stage with `followUp`: its deadline, counted from `stageSince` (not from `asOf`). */
  readonly followUpBy?: string;
  readonly segments: readonly StageSegment[];
  /**
   * `['budget_exceeded']` when the replay ran out of its budget (`classifier.budget.history`): the history
   * ends at `until`, not at `asOf`, and segments past the point where it ran out have no `reason` or `followUp`.
   */
  readonly flags?: readonly string[];
  /** When the budget ran out: the last instant replayed; the last segment ends there. */
  readonly until?: string;
}

/** The fixed budget units of one evaluation in a history, beside what it spent (see `Budget`). */
const EVALUATION_UNITS = 1000;

/** Between a stage and a grade in the replay's state: grade labels hold only letters, digits, `_` and `-`. */
const GRADE_MARK = '\u0000';

/** At most this many stage changes per history: a lead is not replayed without bound. */
const MAX_SEGMENTS = 10_000;

/**
 * Per event type the config reads (conditions and scoring rules), the windows it is read with: an event of
 * a type no one reads changes nothing, and one that is read stops counting where a window closes.
 */
function windowsByType(config: Config): Map<string, Duration[]> {
  const found = new Map<string, Map<string, Duration>>();
  const add = (types: string | readonly string[] | undefined, window: unknown) => {
    if (types === undefined) return;
    for (const type of typeof types === 'string' ? [types] : types) {
      let windows = found.get(type);
      if (windows === undefined) {
        windows = new Map();
        found.set(type, windows);
      }
      if (window !== undefined) windows.set(JSON.stringify(window), toDuration(window as never));
    }
  };
  for (const condition of conditionsOf(config)) {
    forEachCondition(condition, (node) => {
      if (kindOf(node) === 'event') add((node as EventCondition).event, (node as EventCondition).withinLast);
    });
  }
  for (const rule of config.scoring?.rules ?? []) add(rule.event, rule.withinLast);
  return new Map([...found].map(([type, windows]) => [type, [...windows.values()]]));
}

function conditionsOf(config: Config): Condition[] {
  return [
    ...Object.values(config.criteria).map((criterion) => criterion.when),
    ...config.stages.flatMap((stage) => (stage.when === undefined ? [] : [stage.when])),
    ...(config.scoring?.rules ?? []).flatMap((rule) => (rule.when === undefined ? [] : [rule.when])),
  ];
}

/** The instants where a relative date test on a lead fact turns on or off. */
function factDateInstants(config: Config, lead: unknown, into: number[]): void {
  const reading = compileReading(config.read);
  for (const condition of conditionsOf(config)) {
    forEachCondition(condition, (node) => {
      if (kindOf(node) !== 'fact') return;
      const fact = node as FactCondition & {
        withinLast?: unknown;
        withinNext?: unknown;
        olderThan?: unknown;
      };
      if (fact.withinLast === undefined && fact.withinNext === undefined && fact.olderThan === undefined)
        return;
      const value = readInstant(compilePath(fact.fact)(lead), reading);
      if (Number.isNaN(value)) return;
      into.push(value, value + 1);
      for (const key of ['withinLast', 'olderThan'] as const) {
        if (fact[key] !== undefined) {
          const at = addDuration(value, toDuration(fact[key] as never));
          into.push(at, at + 1);
        }
      }
      if (fact.withinNext !== undefined) {
        const at = subtractDuration(value, toDuration(fact.withinNext as never));
        into.push(at, at + 1);
      }
    });
  }
}

/**
 * The lead's events as [type, instant], own fields only, unreadable ones left out; past {@link MAX_EVENTS},
 * the most recent of the types `read` holds, as classify keeps them (see `selectEvents`).
 */
function eventsOf(lead: unknown, read: ReadonlySet<string>, asOf: number): Array<readonly [string, number]> {
  const events =
    lead !== null && typeof lead === 'object' && Object.hasOwn(lead, 'events')
      ? (lead as { events: unknown }).events
      : undefined;
  if (!Array.isArray(events)) return [];
  const out: Array<readonly [string, number]> = [];
  const kept =
    events.length <= MAX_EVENTS
      ? events
      : Array.from(
          selectEvents(events, (type) => read.has(type), asOf).positions,
          (position) => events[position],
        );
  for (const event of kept) {
    if (event === null || typeof event !== 'object' || !Object.hasOwn(event, 'type')) continue;
    const type = (event as { type: unknown }).type;
    const at = parseLeadInstant(Object.hasOwn(event, 'at') ? (event as { at: unknown }).at : undefined);
    if (typeof type === 'string' && !Number.isNaN(at)) out.push([type, at]);
  }
  return out;
}

function startOf(lead: unknown, events: ReadonlyArray<readonly [string, number]>, asOf: number): number {
  const created =
    lead !== null && typeof lead === 'object' && Object.hasOwn(lead, 'createdAt')
      ? parseLeadInstant((lead as { createdAt: unknown }).createdAt)
      : Number.NaN;
  if (!Number.isNaN(created) && created <= asOf) return created;
  let first = asOf;
  for (const [, at] of events) if (at < first) first = at;
  return first;
}

/** The first instant in (low, high] whose stage differs from `stage(low)`, given that `stage(high)` does. */
function firstChange(
  stageAt: (at: number) => string,
  low: number,
  high: number,
  over: () => boolean,
): number {
  const before = stageAt(low);
  let lo = low;
  let hi = high;
  while (hi - lo > 1 && !over()) {
    const middle = lo + Math.floor((hi - lo) / 2);
    if (stageAt(middle) === before) lo = middle;
    else hi = middle;
  }
  return hi;
}

function followUpOf(
  stage: Config['stages'][number],
  entered: number,
  asOf: number,
  events: ReadonlyArray<readonly [string, number]>,
): FollowUpStatus | undefined {
  const followUp = stage.followUp;
  if (followUp === undefined) return undefined;
  const due = addDuration(entered, toDuration(followUp.within));
  if (!Number.isFinite(due) || Math.abs(due) > 8.64e15) return undefined;
  const types = followUp.events;
  if (types === undefined) return followUpStatus(due, due > asOf ? 'open' : 'due');
  let first = Number.POSITIVE_INFINITY;
  for (const [type, at] of events)
    if (at >= entered && at <= asOf && at < first && types.includes(type)) first = at;
  if (first <= due) return followUpStatus(due, 'met', first);
  if (due > asOf) return followUpStatus(due, 'open');
  return Number.isFinite(first)
    ? followUpStatus(due, 'breached', first, first - due)
    : followUpStatus(due, 'breached', undefined, asOf - due);
}

/**
 * The replay's changes of `stage GRADE_MARK grade`, as changes of stage each with the grades it went
 * through (the first at its start).
 */
function mergeGrades(
  changes: ReadonlyArray<{ at: number; stage: string }>,
): Array<{ at: number; stage: string; grades: Array<{ at: number; grade: string }> }> {
  const merged: Array<{ at: number; stage: string; grades: Array<{ at: number; grade: string }> }> = [];
  for (const change of changes) {
    const mark = change.stage.lastIndexOf(GRADE_MARK);
    const stage = change.stage.slice(0, mark);
    const grade = change.stage.slice(mark + 1);
    const open = merged[merged.length - 1];
    if (open !== undefined && open.stage === stage) open.grades.push({ at: change.at, grade });
    else merged.push({ at: change.at, stage, grades: [{ at: change.at, grade }] });
  }
  return merged;
}

// The parts of a history start as `{}` (keys assigned after, in their order) or `newArray()`, never as
// `{ key: … }` or `[]`: those carry an allocation site, and keeping histories while the code is cold makes
// V8 allocate their parts in old space for the rest of the process. See src/internal/siteFree.ts.

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A follow-up's status, keys in the one order: due, status, at, overdueMs. */
function followUpStatus(
  due: number,
  status: FollowUpStatus['status'],
  at?: number,
  overdueMs?: number,
): FollowUpStatus {
  const entry = {} as Mutable<FollowUpStatus>;
  entry.due = formatInstant(due);
  entry.status = status;
  if (at !== undefined) entry.at = formatInstant(at);
  if (overdueMs !== undefined) entry.overdueMs = overdueMs;
  return entry;
}

/**
 * Replays a lead's life under a config, exactly: the stages it was in from its creation (or first event)
 * to `asOf`, the instant it entered each, what changed, and each entry's SLA. It evaluates the lead at
 * every instant where a stage can change — each event, each window expiry, each relative date test on a
 * fact turning on or off — and, between them, finds where a decaying score crosses a threshold by
 * bisection to the millisecond. Each segment's stage is what `classify` gives at any instant inside it.
 *
 * @param lead - any lead (its events and dates drive the history)
 * @param configOrClassifier - today's config, or a proposed one
 * @param options - `asOf` (required), `from`
 * @returns the {@link StageHistory}
 * @throws {ConfigError} when the config is invalid
 * @throws {TypeError} when `asOf` or `from` is missing or invalid
 *
 * @example
 * // SAL from the webinar until its 180-day interest window closes
 * const lead = { id: 'acme', createdAt: '2026-01-02', events: [{ type: 'webinar_attended', at: '2026-01-05T09:00:00Z' }] };
 * stageHistory(lead, presets.saas, { asOf: '2026-09-01' }).segments.map((segment) => `${segment.stage} from ${segment.from}`);
 * //=> ['unqualified from 2026-01-02T00:00:00.000Z', 'SAL from 2026-01-05T09:00:00.000Z', 'unqualified from 2026-07-04T09:00:00.001Z']
 *
 * @category Time
 */
export function stageHistory(
  lead: unknown,
  configOrClassifier: ConfigOrClassifier,
  options: HistoryOptions,
): StageHistory {
  const classifier: Classifier = toClassifier(configOrClassifier);
  requireCompiled(classifier, 'stageHistory');
  checkedOptions(classifier, { asOf: options.asOf });
  const asOf = readAsOf(options.asOf);
  const config = classifier.config;
  const windows = windowsByType(config);
  const read = new Set([
    ...windows.keys(),
    ...config.stages.flatMap((stage) => stage.followUp?.events ?? []),
  ]);
  const events = eventsOf(lead, read, asOf);
  const start =
    options.from === undefined ? startOf(lead, events, asOf) : readAsOf(options.from, 'options.from');
  if (start > asOf) {
    throw new TypeError(
      `stageHistory: options.from must not be after asOf, received ${describeValue(options.from)}`,
    );
  }
  // the budget: every evaluation costs units (below); where it runs out,
  // the history ends (flagged), so a long lead under a decaying score is never replayed without bound
  let budget = classifier.budget?.history ?? DEFAULT_BUDGET.history;
  let exceeded = false;
  const spend = (units: number): boolean => {
    if (exceeded) return false;
    budget -= units;
    if (budget < 0) exceeded = true;
    return !exceeded;
  };
  // an evaluation costs what it spent, at least one unit per event the lead has (a classifier compiled
  // elsewhere says nothing), and a fixed share for what every call does whatever the lead (window bounds
  // recomputed at each instant, the stage conditions): the fuzz found histories of cheap calls past 2 s
  const charge = () => spend(EVALUATION_UNITS + Math.max(unitsSpent(classifier) ?? 0, events.length));
  // with grades, the replay follows the stage and the grade together (a grade may change within a
  // stage): `stage GRADE_MARK grade`; without, the stage alone, by the short-circuiting `stage()`
  const graded = config.grades !== undefined && options.grades !== false;
  const stageAt = (at: number) => {
    let stage: string;
    if (graded) {
      const result = classifier.classify(lead, { asOf: at, detail: 'statuses' });
      stage = `${result.stage}${GRADE_MARK}${result.grade}`;
    } else stage = classifier.stage(lead, { asOf: at });
    charge();
    return stage;
  };

  // every instant where a stage can change
  const instants: number[] = [asOf];
  for (const [type, at] of events) {
    const read = windows.get(type);
    if (read === undefined) continue;
    instants.push(at);
    for (const window of read) {
      const end = addDuration(at, window);
      instants.push(end, end + 1);
    }
  }
  factDateInstants(config, lead, instants);
  const sorted = [...new Set(instants.filter((at) => at > start && at <= asOf))].sort((a, b) => a - b);

  const changes: Array<{ at: number; stage: string }> = [{ at: start, stage: stageAt(start) }];
  let previous = start;
  // the last instant whose stage is known: asOf, or where the budget ran out
  let until = asOf;
  for (const at of sorted) {
    if (changes.length >= MAX_SEGMENTS) break;
    let current = changes[changes.length - 1]!.stage;
    // between two candidate instants only decay moves a score, and only downwards: bisect each crossing
    while (
      !exceeded &&
      at - 1 > previous &&
      stageAt(at - 1) !== current &&
      !exceeded &&
      changes.length < MAX_SEGMENTS
    ) {
      const change = firstChange(stageAt, previous, at - 1, () => exceeded);
      if (exceeded) break;
      current = stageAt(change);
      changes.push({ at: change, stage: current });
      previous = change;
    }
    if (exceeded) {
      until = previous;
      break;
    }
    const stage = stageAt(at);
    if (stage !== current) changes.push({ at, stage });
    previous = at;
  }

  const statusesAt = (at: number): StatusClassification =>
    classifier.classify(lead, { asOf: at, detail: 'statuses' });
  const reasonOf = (config.criteria as Config['criteria']) ?? {};
  const stagesById = new Map(config.stages.map((stage) => [stage.id, stage]));
  // with grades, changes of grade alone join the segment of their stage
  const entries = graded ? mergeGrades(changes) : changes.map((change) => ({ ...change, grades: undefined }));
  const segments: StageSegment[] = entries.map((change, index) => {
    const next = entries[index + 1];
    const end = next === undefined ? until : next.at;
    const segment = {} as Mutable<StageSegment>;
    segment.stage = change.stage;
    segment.from = formatInstant(change.at);
    if (next !== undefined) segment.to = formatInstant(next.at);
    segment.ms = end - change.at;
    if (index > 0 && !exceeded) {
      const before = statusesAt(change.at - 1).criteria;
      charge();
      const after = statusesAt(change.at).criteria;
      charge();
      const criteria = newArray<CriterionChange>();
      const codes = newArray<string>();
      for (const id of Object.keys(after)) {
        const from = before[id]?.status as Status;
        const to = after[id]?.status as Status;
        if (from === to) continue;
        const changed = {} as Mutable<CriterionChange>;
        changed.criterion = id;
        changed.from = from;
        changed.to = to;
        criteria.push(changed);
        const code = Object.hasOwn(reasonOf, id) ? reasonOf[id]?.reason : undefined;
        if (from === 'met' && code !== undefined && !codes.includes(code)) codes.push(code);
      }
      const stageReason = stagesById.get(change.stage)?.reason;
      if (stageReason !== undefined && !codes.includes(stageReason)) codes.push(stageReason);
      const reason = {} as Mutable<NonNullable<StageSegment['reason']>>;
      reason.criteria = criteria;
      if (codes.length > 0) reason.codes = codes;
      segment.reason = reason;
    }
    const stage = stagesById.get(change.stage);
    const followUp =
      stage === undefined || !spend(1 + events.length)
        ? undefined
        : followUpOf(stage, change.at, until, events);
    if (followUp !== undefined) segment.followUp = followUp;
    const grades = change.grades;
    if (grades !== undefined) {
      segment.grade = grades[0]!.grade;
      if (grades.length > 1) {
        const list = newArray<{ grade: string; from: string }>();
        for (const each of grades) {
          const entry = {} as { grade: string; from: string };
          entry.grade = each.grade;
          entry.from = formatInstant(each.at);
          list.push(entry);
        }
        segment.grades = list;
      }
    }
    return segment;
  });
  const last = segments[segments.length - 1]!;
  const leadId = leadIdOf(lead);
  const configRef = {} as Mutable<StageHistory['config']>;
  configRef.id = config.id;
  configRef.version = 1;
  configRef.hash = classifier.hash;
  // a literal that starts with a spread is a copy (no allocation site), then its own keys
  const history: Mutable<StageHistory> = {
    ...(leadId === undefined ? {} : { leadId }),
    config: configRef,
    from: formatInstant(start),
    asOf: formatInstant(asOf),
    stage: last.stage,
    stageSince: last.from,
    segments,
  };
  if (graded) history.grade = last.grades?.[last.grades.length - 1]?.grade ?? (last.grade as string);
  if (last.followUp !== undefined) history.followUpBy = last.followUp.due;
  if (exceeded) {
    const flags = newArray<string>();
    flags.push(BUDGET_EXCEEDED);
    history.flags = flags;
    history.until = formatInstant(until);
  }
  return history;
}
