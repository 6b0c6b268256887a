// What generated classifier code calls at run time (the `leadstage/helpers` entry). Generated code inlines
// the condition trees, memo, own-property reads and the hot operator tests; everything whose behaviour is
// subtle (the reading rule, dates, patterns, event plans, decay, the work budget) it leaves to these
// functions — the very ones the closures run — each called with a constant from the config.
import { compileFilters } from '../dsl/compileEvaluator';
import { EvalContext, FLAGS_TRUNCATED, MAX_FLAGS } from '../dsl/context';
import { type EventFilter, EventPlan, type EventSelection, KEEP_COUNT } from '../dsl/eventPlan';
import { compileFactReadingsWith, type FactReading, type FactReadings } from '../dsl/factReading';
import { compileTest, defaultOperatorTests, type OperatorRuntime, type TriTest } from '../dsl/operatorTests';
import { Workspace } from '../dsl/workspace';
import type { LocalizedText } from '../internal/localize';
import { compileReadingWith, DEFAULT_READING } from '../internal/read';
import { type Snapshot, snapshot } from '../internal/snapshot';
import { decayRateAt, followUpAfter, memoByInstant, subtractDuration, toDuration } from '../internal/time';
import type { EventCondition } from '../schema/condition';
import type { DurationInput } from '../schema/duration';
import type { FactDeclaration, ReadingInput } from '../schema/reading';
import type { CriterionFact } from '../schema/result';
import type { ScoreResult } from '../scoring/compileScoring';
import { frozen, type TextSource } from './resultParts';

export { chargeValue, MAX_TEXT_LENGTH, unreadable } from '../dsl/compileEvaluator';
export { compileFactReadings, UNREADABLE } from '../dsl/factReading';
export { describeValue } from '../internal/issues';
export { localeOf } from '../internal/localize';
export { nextOf } from '../internal/nextOf';
export { isMissing } from '../internal/read';
export { newArray, sizedArray } from '../internal/siteFree';
export { formatInstant, memoByInstant, parseLeadInstant, readAsOf } from '../internal/time';
export { compileGrades } from '../scoring/compileGrades';
export { decayedSum, ledgerLine, roundScore } from '../scoring/compileScoring';
export {
  blockerOf,
  criterionBlocker,
  criterionEntry,
  localizeTexts,
  toJsonValue,
} from './resultParts';

/**
 * Where a `withinLast` window that ends at `asOf` starts, as the event plan computes it.
 *
 * @example
 * new Date(windowStart({ days: 30 }, Date.parse('2026-06-30'))).toISOString();
 * //=> '2026-05-31T00:00:00.000Z'
 */
export function windowStart(window: DurationInput, asOf: number): number {
  const from = subtractDuration(asOf, toDuration(window));
  return Number.isNaN(from) ? Number.NEGATIVE_INFINITY : from;
}

// 4: h.createRuntime takes the readings compiler of declared facts and date formats (compileDeclaredReadings,
// compileFactReadings) from the module that needs it; a module of version 3 would not pass it
/**
 * The version of what generated code expects of these helpers: a module generated for another one refuses
 * to load (rebuild it with this leadstage) rather than misbehave.
 *
 * @example
 * HELPERS_VERSION;
 * //=> 4
 */
export const HELPERS_VERSION = 4;

/**
 * Checks at load that the helpers are the version a module was generated for.
 * @throws {Error} naming both versions and the fix, when they differ
 *
 * @example
 * requireHelpers(1);
 * //=> throws Error: leadstage/helpers: this module was generated for helpers version 1
 */
export function requireHelpers(version: number): void {
  if (version !== HELPERS_VERSION) {
    throw new Error(
      `leadstage/helpers: this module was generated for helpers version ${version}, this leadstage has version ${HELPERS_VERSION}; rebuild the module with this leadstage (leadstage build)`,
    );
  }
}

/**
 * Scores while they are being computed: every score reads as unknown (as `ClassifyContext` does).
 *
 * @example
 * PENDING.scores.total;
 * //=> undefined
 */
export const PENDING: ScoreResult = /* @__PURE__ */ Object.freeze({
  scores: Object.freeze({}) as ScoreResult['scores'],
  ledger: [],
});

/**
 * Rule labels where no ledger is built.
 *
 * @example
 * NO_LABELS.length;
 * //=> 0
 */
export const NO_LABELS: ReadonlyArray<string | undefined> = /* @__PURE__ */ Object.freeze([]);

/**
 * The run-time state of one generated classifier: the config's readings and its event plan, built from
 * constants the generated code passes in.
 */
export class Runtime {
  readonly readings: FactReadings;
  readonly plan: EventPlan;

  constructor(
    read: ReadingInput | undefined,
    facts: Readonly<Record<string, FactDeclaration>> | undefined,
    compileWhere: ((where: EventSelection['where']) => EventFilter[]) | undefined,
    compileReadings: ReadingsCompiler = plainReadings,
  ) {
    this.readings = compileReadings(read, facts);
    this.plan = new EventPlan(compileWhere ?? noWhere);
  }

  /** A built-in operator's test of `operand` (`operator` is one of the `operator…` exports), as the closures compile it. */
  test(operator: OperatorRuntime, operand: unknown, name: string): TriTest {
    return compileTest(operator, operand, name);
  }

  /** How a fact path is read (its placeholders, and its declared type's conversion). */
  reading(path: string): FactReading {
    return this.readings.forPath(path);
  }

  /** Adds an event condition's selection to the plan; its consumer index. */
  event(condition: EventCondition): number {
    return this.plan.add(condition, KEEP_COUNT);
  }

  /** A fresh evaluation context with its own buffers: `slots` memo slots, `groups` score sums. */
  context(slots: number, groups: number): EvalContext {
    return new EvalContext(
      undefined,
      0,
      new Workspace(slots, this.plan.size, groups),
      undefined,
      this.readings.global,
    );
  }
}

/** How a generated classifier compiles its config's readings: `compileFactReadings`, or the plain reading. */
export type ReadingsCompiler = (
  read: ReadingInput | undefined,
  facts: Readonly<Record<string, FactDeclaration>> | undefined,
) => FactReadings;

/**
 * The run-time state of a generated classifier (see {@link Runtime}). The optional compilers come only with
 * configs that need them, so that a module without them leaves them out of a bundle: `compileWhere` with
 * `where` filters (the operator table); `compileDeclaredReadings` with declared facts (the declared types'
 * readers), `compileFactReadings` with a `dateFormat` too (and the date-format reader).
 *
 * @example
 * const rt = createRuntime(undefined, undefined);
 * rt.test(operatorGte, 10, 'gte')(12, rt.context(0, 0), 'budget.amount');
 * //=> 1
 */
export function createRuntime(
  read: ReadingInput | undefined,
  facts: Readonly<Record<string, FactDeclaration>> | undefined,
  compileWhere?: (where: EventSelection['where']) => EventFilter[],
  compileReadings?: ReadingsCompiler,
): Runtime {
  return new Runtime(read, facts, compileWhere, compileReadings);
}

/**
 * `compileFactReadings` for a config that declares facts and reads no `dateFormat`: the declared types'
 * readers without the date-format reader.
 * @throws {TypeError} for a `dateFormat` (a module generated without the date-format reader)
 *
 * @example
 * compileDeclaredReadings(undefined, { 'custom.seats': { type: 'number' } }).forPath('custom.seats').prepare('1,200');
 * //=> 1200
 */
export function compileDeclaredReadings(
  read: ReadingInput | undefined,
  facts: Readonly<Record<string, FactDeclaration>> | undefined,
): FactReadings {
  return compileFactReadingsWith(read, facts, undefined);
}

/**
 * The readings of a config without declared facts and without a `dateFormat`: its `read` for every path.
 * @throws {TypeError} for declared facts or a `dateFormat` (a module generated without their readers)
 */
function plainReadings(
  read: ReadingInput | undefined,
  facts: Readonly<Record<string, FactDeclaration>> | undefined,
): FactReadings {
  if (read?.dateFormat !== undefined || (facts !== undefined && Object.keys(facts).length > 0)) {
    throw new TypeError(
      'leadstage/helpers: declared facts or a dateFormat in a module generated without their readers; rebuild the module with this leadstage (leadstage build)',
    );
  }
  const global = read === undefined ? DEFAULT_READING : compileReadingWith(read, undefined, undefined);
  const plain: FactReading = { reading: global, prepare: undefined };
  return { global, forPath: () => plain };
}

/**
 * Compiles an event selection's `where` filters with the built-in operators.
 *
 * @example
 * compileWhere({ channel: { eq: 'webinar' }, seats: { gte: 3 } }).length;
 * //=> 2
 */
export function compileWhere(where: EventSelection['where']): EventFilter[] {
  return compileFilters(where, defaultOperatorTests);
}

function noWhere(where: EventSelection['where']): EventFilter[] {
  if (where !== undefined) throw new TypeError('helpers: a where filter in a module generated without them');
  return [];
}

export {
  operatorAfter,
  operatorBefore,
  operatorBetween,
  operatorContains,
  operatorContainsAll,
  operatorContainsAny,
  operatorEndsWith,
  operatorEq,
  operatorExists,
  operatorGt,
  operatorGte,
  operatorIn,
  operatorLt,
  operatorLte,
  operatorMatches,
  operatorNe,
  operatorNotIn,
  operatorOlderThan,
  operatorStartsWith,
  operatorWithinLast,
  operatorWithinNext,
} from '../dsl/operatorTests';

/**
 * After an evaluation threw: the lead as plain data (a getter or Proxy read one property at a time), or the
 * error again when the lead is not an object.
 *
 * @example
 * const lead = { id: 'L1', get budget() { throw new Error('no'); } };
 * readableCopy(lead, new Error('no'));
 * //=> { id: 'L1' }
 */
export function readableCopy(lead: unknown, error: unknown): unknown {
  if (lead === null || typeof lead !== 'object') throw error;
  return snapshot(lead).value;
}

/**
 * After a classification threw: the lead as plain data and the paths that could not be read, or the error
 * again when the lead is not an object.
 *
 * @example
 * const lead = { id: 'L1', get budget() { throw new Error('no'); } };
 * readableSnapshot(lead, new Error('no')).unreadable;
 * //=> ['budget']
 */
export function readableSnapshot(lead: unknown, error: unknown): Snapshot {
  if (lead === null || typeof lead !== 'object') throw error;
  return snapshot(lead);
}

/**
 * Flags each path a classification could not read, as the closures do after a getter threw: up to the cap
 * of flags, then one `flags_truncated`.
 *
 * @example
 * const flags = [];
 * flagUnreadable(flags, ['budget']);
 * flags;
 * //=> ['unreadable:budget']
 */
export function flagUnreadable(flags: string[], paths: readonly string[]): void {
  for (const path of paths) {
    if (flags.length < MAX_FLAGS) flags.push(`unreadable:${path}`);
    else if (!flags.includes(FLAGS_TRUNCATED)) flags.push(FLAGS_TRUNCATED);
  }
}

/**
 * A stage's `followUpBy` from its `followUp.within`: `asOf + within` as ISO text, `undefined` out of range.
 *
 * @example
 * followUpBy({ hours: 24 })(Date.parse('2026-06-30'));
 * //=> '2026-07-01T00:00:00.000Z'
 */
export function followUpBy(within: DurationInput): (asOf: number) => string | undefined {
  return followUpAfter(toDuration(within));
}

/**
 * The decay rate of a half-life at `asOf` (`-ln 2 / half-life in ms`, months and years as long as they are
 * then), as compileScoring computes it; recomputed only when `asOf` changes.
 *
 * @example
 * Math.exp(decayRate({ days: 1 })(Date.parse('2026-06-30')) * 86_400_000);
 * //=> 0.5
 */
export function decayRate(halfLife: DurationInput): (asOf: number) => number {
  const duration = toDuration(halfLife);
  return memoByInstant((asOf) => decayRateAt(asOf, duration));
}

/** The texts of a config as a generated full level holds them: JSON, labels as the config has them. */
export interface TextSpec {
  readonly criteria: ReadonlyArray<{
    readonly id: string;
    readonly label: LocalizedText;
    readonly dimension?: string;
    readonly hint?: LocalizedText;
    readonly knockOut: boolean;
    readonly probes: ReadonlyArray<{ readonly path: string; readonly expected: unknown }>;
  }>;
  readonly stages: ReadonlyArray<{
    readonly label: LocalizedText;
    readonly actions: readonly LocalizedText[];
  }>;
  readonly rules: ReadonlyArray<{ readonly label?: LocalizedText }>;
  readonly facts: ReadonlyArray<readonly [string, LocalizedText]>;
  readonly events: ReadonlyArray<readonly [string, LocalizedText]>;
}

/**
 * What {@link localizeTexts} resolves a generated full level's texts from, built once at load from its
 * constants: each probe's `absent` fact frozen and shared, as the closures' compiled config holds it.
 *
 * @example
 * const source = textSource({ criteria: [], stages: [{ label: 'Lead', actions: [] }], rules: [], facts: [], events: [] });
 * localizeTexts(source, 'en').stages[0].label;
 * //=> 'Lead'
 */
export function textSource(spec: TextSpec): TextSource {
  return {
    criteria: spec.criteria.map((criterion) => ({
      id: criterion.id,
      label: criterion.label,
      dimension: criterion.dimension,
      hint: criterion.hint,
      knockOut: criterion.knockOut,
      probes: criterion.probes.map(({ path, expected }) => {
        const shared = frozen(expected);
        return { path, absent: Object.freeze({ path, expected: shared }) as CriterionFact };
      }),
    })),
    stages: spec.stages,
    ruleLabels: spec.rules.map((rule) => rule.label),
    factLabels: new Map(spec.facts),
    eventLabels: new Map(spec.events),
  };
}
