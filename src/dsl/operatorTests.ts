import { isMissing, normalizeText, readText } from '../internal/read';
import { type CompiledPattern, compilePattern } from '../internal/regex/compilePattern';
import { MET, type Status, statusName, type Tri, triOf, UNKNOWN, UNMET } from '../internal/status';
import {
  addDuration,
  type Duration,
  memoByInstant,
  parseInstant,
  subtractDuration,
  toDuration,
} from '../internal/time';
import type { Comparable, PatternInput, Primitive } from '../schema/condition';
import type { DurationInput } from '../schema/duration';
import type { OperatorName } from '../schema/grammar';

/**
 * A compiled operator test: the value read from the lead → `'met'`, `'unmet'` or `'unknown'`.
 * `path` names the fact (for flags on bad dates); it is `undefined` inside event `where`.
 * Anything a custom test returns that is not `'met'` or `'unmet'` counts as `'unknown'`.
 *
 * @category Configs
 */
export type OperatorTest = (value: unknown, context: OperatorContext, path: string | undefined) => Status;

/** @internal The hot-path form of an {@link OperatorTest}, on `Tri` numbers. */
export type TriTest = (value: unknown, context: OperatorContext, path: string | undefined) => Tri;

/**
 * What an operator may use of an evaluation: the instant, and the one reading rule (with the config's
 * `read` settings) for numbers, booleans and dates. A test that answers `unknown` for a value that is
 * present is flagged `unreadable:<path>` for it; a date that does not parse is flagged `invalid_date:<path>`.
 *
 * @category Configs
 */
export interface OperatorContext {
  /** The evaluation instant, epoch milliseconds. */
  readonly asOf: number;
  /** Reads a value as epoch ms (`NaN` if it cannot); with a `path`, an invalid date is flagged `invalid_date:<path>`. */
  instant(value: unknown, path: string | undefined): number;
  /** Reads a value as a number: `12000`, `"12,000"`, `"$12,000"` (`NaN` if it cannot). */
  number(value: unknown): number;
  /** Reads a value as a boolean: `true`, `"yes"`, `"Y"`, `"1"`, `"on"`, … (`undefined` if it cannot). */
  boolean(value: unknown): boolean | undefined;
  /** Raises a data-quality flag on the result, once; results keep at most 100. Absent outside a classification. */
  flag?(flag: string): void;
}

/**
 * What classifying needs of an operator: how a checked operand compiles into a test.
 *
 * @category Configs
 */
export interface OperatorRuntime {
  /** Whether an absent value is decided by the operator (only `exists`); otherwise it is unknown. */
  readonly decidesAbsent?: boolean;
  /** Turns a checked operand into a test, once per condition. */
  readonly compile: (operand: unknown) => OperatorTest;
}

/**
 * The run-time half of an operator table, keyed by operator name: what compiling a checked config
 * needs, without operand schemas. Add an operator by adding a key.
 *
 * @category Configs
 */
export type OperatorTests = Readonly<Record<string, OperatorRuntime>>;

/** The built-in operators' hot-path compilers, by the runtime object that carries them. */
const TRI_COMPILERS = /* @__PURE__ */ new WeakMap<object, (operand: unknown) => TriTest>();

/**
 * @internal Compiles an operand with an operator into a hot-path test. Built-in operators (and
 * definitions spread from them, which keep their `compile`) run on `Tri` directly; any other
 * operator's public test is adapted from `Status`, and a throw from it reads `unknown`, flagged
 * `operator_failed:<name>`.
 */
export function compileTest(definition: OperatorRuntime, operand: unknown, name = 'custom'): TriTest {
  const fast = TRI_COMPILERS.get(definition.compile);
  if (fast !== undefined) return fast(operand);
  const test = definition.compile(operand);
  return (value, context, path) => {
    try {
      return triOf(test(value, context, path));
    } catch {
      // a custom test that throws is unknown here, once: were the throw to escape, every classification
      // it is nested in (a test calling back into classify) would retry it, 2^depth times in all
      context.flag?.(`operator_failed:${name}`);
      return UNKNOWN;
    }
  };
}

function tests<T>(compileTri: (operand: T) => TriTest, decidesAbsent?: true): OperatorRuntime {
  const compile = (operand: unknown): OperatorTest => {
    const test = compileTri(operand as T);
    return (value, context, path) => statusName(test(value, context, path));
  };
  TRI_COMPILERS.set(compile, compileTri as (operand: unknown) => TriTest);
  return (decidesAbsent ? { decidesAbsent, compile } : { compile }) as OperatorRuntime;
}

/**
 * Equality against a primitive operand, with the value read as the operand's type by the one reading
 * rule; unknown if it cannot be. Text compares as enums do: trimmed, case-insensitive, spaces and
 * hyphens as `_` (`"Decision Maker"` equals `"decision_maker"`).
 */
function equalsTest(operand: Primitive): TriTest {
  if (typeof operand === 'string') {
    const normal = normalizeText(operand);
    return (value) => {
      const text = readText(value);
      if (text === undefined) return UNKNOWN;
      if (text === normal) return MET;
      // text already normal (the usual case) and not equal: no need to normalise it
      const normalized = normalizeText(text);
      return normalized !== text && normalized === normal ? MET : UNMET;
    };
  }
  if (typeof operand === 'number') {
    return (value, context) => {
      const number = context.number(value);
      return Number.isNaN(number) ? UNKNOWN : number === operand ? MET : UNMET;
    };
  }
  return (value, context) => {
    const bool = context.boolean(value);
    return bool === undefined ? UNKNOWN : bool === operand ? MET : UNMET;
  };
}

/** Met if the value equals one of the operands; unknown only when the value fits none of their types. */
function memberTest(operands: readonly Primitive[]): TriTest {
  if (operands.every((operand) => typeof operand === 'string')) {
    const normal = new Set((operands as readonly string[]).map(normalizeText));
    return (value) => {
      if (typeof value === 'string' && normal.has(value)) return MET;
      const text = readText(value);
      if (text === undefined) return UNKNOWN;
      const normalized = normalizeText(text);
      return normalized !== text && normal.has(normalized) ? MET : UNMET;
    };
  }
  const tests = operands.map(equalsTest);
  return (value, context, path) => {
    let result: Tri = UNKNOWN;
    for (const test of tests) {
      const outcome = test(value, context, path);
      if (outcome === MET) return MET;
      if (outcome === UNMET) result = UNMET;
    }
    return result;
  };
}

function negate(test: TriTest): TriTest {
  return (value, context, path) => {
    const result = test(value, context, path);
    return result === MET ? UNMET : result === UNMET ? MET : UNKNOWN;
  };
}

/** Compiles `gt`-like comparisons for numbers or, with a date operand, instants. */
export function comparison(compare: (left: number, right: number) => boolean) {
  return (operand: Comparable): TriTest => {
    if (typeof operand === 'number') {
      return (value, context) => {
        // numbers as they are (the usual case), text by the reading rule
        const number = typeof value === 'number' && Number.isFinite(value) ? value : context.number(value);
        return Number.isNaN(number) ? UNKNOWN : compare(number, operand) ? MET : UNMET;
      };
    }
    const instant = parseInstant(operand);
    return (value, context, path) => {
      const at = context.instant(value, path);
      return Number.isNaN(at) ? UNKNOWN : compare(at, instant) ? MET : UNMET;
    };
  };
}

/**
 * A window `[from, to]` relative to `asOf`, recomputed only when `asOf` changes: classifying a
 * batch at one instant does the calendar arithmetic once.
 */
/**
 * A window bound past the representable range (`withinLast: { years: 1000 }` at an early `asOf`) reaches
 * as far as dates go: everything before, or after. Facts and events read windows alike (see `EventPlan`).
 */
export function orPast(instant: number): number {
  return Number.isNaN(instant) ? Number.NEGATIVE_INFINITY : instant;
}

function orFuture(instant: number): number {
  return Number.isNaN(instant) ? Number.POSITIVE_INFINITY : instant;
}

function windowTest(
  input: DurationInput,
  bounds: (asOf: number, duration: Duration) => readonly [number, number],
): TriTest {
  const duration = toDuration(input);
  const boundsAt = memoByInstant((asOf) => bounds(asOf, duration));
  return (value, context, path) => {
    const at = context.instant(value, path);
    if (Number.isNaN(at)) return UNKNOWN;
    const [from, to] = boundsAt(context.asOf);
    return at >= from && at <= to ? MET : UNMET;
  };
}

/** A `matches` operand compiled for the linear-time engine; throws `PatternError` when it is refused. */
export function toPattern(input: PatternInput): CompiledPattern {
  // g and y would make test() stateful: the validator refuses them; a forged seal may not have
  return typeof input === 'string'
    ? compilePattern(input)
    : compilePattern(input.pattern, (input.flags ?? '').replace(/[gy]/g, ''));
}

function containsIn(operand: Primitive): TriTest {
  const equals = equalsTest(operand);
  return (value, context, path) => {
    if (typeof value === 'string') {
      return typeof operand === 'string' ? (value.includes(operand) ? MET : UNMET) : UNKNOWN;
    }
    if (Array.isArray(value)) {
      for (const element of value) if (equals(element, context, path) === MET) return MET;
      return UNMET;
    }
    return UNKNOWN;
  };
}

/**
 * Pattern steps per budget unit: a step of the linear-time engine takes about 8 ns here and a unit about
 * 0.5 µs of the bound, so 16 steps a unit keeps the engine well inside the bound (a test at its 2,000,000
 * step cap costs 125,000 units: 8 of them in a classification's budget).
 */
const STEPS_PER_UNIT = 16;

/** Charges `units` to the evaluation's budget (see `Budget`), if it has one; `false` once it is spent. */
function charge(context: OperatorContext, units: number): boolean {
  const metered = context as OperatorContext & { budget?: number; overBudget?: () => void };
  if (metered.budget === undefined) return true;
  metered.budget -= units;
  if (metered.budget >= 0) return true;
  metered.overBudget?.();
  return false;
}

/**
 * `containsAny` / `containsAll`. With text keywords (the usual case) each element of a list is normalised
 * once and looked up in a set of the normalised keywords: elements + keywords, not their product. The work
 * is charged to the budget: one unit per keyword and element (or per keyword and 64 characters of a text,
 * which `includes` scans); past it, unknown.
 */
function containsMany(operands: readonly Primitive[], needAll: boolean): TriTest {
  if (operands.every((operand) => typeof operand === 'string')) {
    const keywords = operands as readonly string[];
    const normal = new Set(keywords.map(normalizeText));
    return (value, context) => {
      if (typeof value === 'string') {
        if (!charge(context, keywords.length * (1 + (value.length >>> 6)))) return UNKNOWN;
        for (const keyword of keywords) if (value.includes(keyword) !== needAll) return needAll ? UNMET : MET;
        return needAll ? MET : UNMET;
      }
      if (!Array.isArray(value)) return UNKNOWN;
      if (!charge(context, value.length + normal.size)) return UNKNOWN;
      if (normal.size === 0) return needAll ? MET : UNMET;
      const found = needAll ? new Set<string>() : undefined;
      for (const element of value) {
        const text = readText(element);
        if (text === undefined) continue;
        const normalized = normalizeText(text);
        if (!normal.has(normalized)) continue;
        if (found === undefined) return MET;
        found.add(normalized);
        if (found.size === normal.size) return MET;
      }
      return UNMET;
    };
  }
  const tests = operands.map(containsIn);
  const decisive = needAll ? UNMET : MET;
  return (value, context, path) => {
    if (typeof value !== 'string' && !Array.isArray(value)) return UNKNOWN;
    const size = typeof value === 'string' ? 1 + (value.length >>> 6) : value.length + 1;
    if (!charge(context, tests.length * size)) return UNKNOWN;
    let sawUnknown = false;
    for (const test of tests) {
      const outcome = test(value, context, path);
      if (outcome === decisive) return decisive;
      if (outcome === UNKNOWN) sawUnknown = true;
    }
    return sawUnknown ? UNKNOWN : needAll ? MET : UNMET;
  };
}

function stringTest(operand: string, test: (value: string, operand: string) => boolean): TriTest {
  return (value) => (typeof value === 'string' ? (test(value, operand) ? MET : UNMET) : UNKNOWN);
}

// One const per operator: generated modules name the tests they use, and a bundler keeps only those
// (the pattern engine stays out of a module without `matches`).
/** @internal The built-in `eq` (see {@link defaultOperatorTests}). */
export const operatorEq: OperatorRuntime = /* @__PURE__ */ tests((operand: Primitive) => equalsTest(operand));

/** @internal The built-in `ne` (see {@link defaultOperatorTests}). */
export const operatorNe: OperatorRuntime = /* @__PURE__ */ tests((operand: Primitive) =>
  negate(equalsTest(operand)),
);

/** @internal The built-in `gt` (see {@link defaultOperatorTests}). */
export const operatorGt: OperatorRuntime = /* @__PURE__ */ tests(comparison((a, b) => a > b));

/** @internal The built-in `gte` (see {@link defaultOperatorTests}). */
export const operatorGte: OperatorRuntime = /* @__PURE__ */ tests(comparison((a, b) => a >= b));

/** @internal The built-in `lt` (see {@link defaultOperatorTests}). */
export const operatorLt: OperatorRuntime = /* @__PURE__ */ tests(comparison((a, b) => a < b));

/** @internal The built-in `lte` (see {@link defaultOperatorTests}). */
export const operatorLte: OperatorRuntime = /* @__PURE__ */ tests(comparison((a, b) => a <= b));

/** @internal The built-in `in` (see {@link defaultOperatorTests}). */
export const operatorIn: OperatorRuntime = /* @__PURE__ */ tests((operand: readonly Primitive[]) =>
  memberTest(operand),
);

/** @internal The built-in `notIn` (see {@link defaultOperatorTests}). */
export const operatorNotIn: OperatorRuntime = /* @__PURE__ */ tests((operand: readonly Primitive[]) =>
  negate(memberTest(operand)),
);

/** @internal The built-in `between` (see {@link defaultOperatorTests}). */
export const operatorBetween: OperatorRuntime = /* @__PURE__ */ tests(
  ([low, high]: readonly [Comparable, Comparable]) => {
    const above = comparison((a, b) => a >= b)(low);
    const below = comparison((a, b) => a <= b)(high);
    return (value, context, path) => {
      const first = above(value, context, path);
      return first === MET ? below(value, context, path) : first;
    };
  },
);

/** @internal The built-in `exists` (see {@link defaultOperatorTests}). */
export const operatorExists: OperatorRuntime = /* @__PURE__ */ tests(
  (operand: boolean) => (value) => (isMissing(value) === operand ? UNMET : MET),
  true,
);

/** @internal The built-in `contains` (see {@link defaultOperatorTests}). */
export const operatorContains: OperatorRuntime = /* @__PURE__ */ tests((operand: Primitive) =>
  containsIn(operand),
);

/** @internal The built-in `containsAny` (see {@link defaultOperatorTests}). */
export const operatorContainsAny: OperatorRuntime = /* @__PURE__ */ tests((operand: readonly Primitive[]) =>
  containsMany(operand, false),
);

/** @internal The built-in `containsAll` (see {@link defaultOperatorTests}). */
export const operatorContainsAll: OperatorRuntime = /* @__PURE__ */ tests((operand: readonly Primitive[]) =>
  containsMany(operand, true),
);

/** @internal The built-in `startsWith` (see {@link defaultOperatorTests}). */
export const operatorStartsWith: OperatorRuntime = /* @__PURE__ */ tests((operand: string) =>
  stringTest(operand, (value, prefix) => value.startsWith(prefix)),
);

/** @internal The built-in `endsWith` (see {@link defaultOperatorTests}). */
export const operatorEndsWith: OperatorRuntime = /* @__PURE__ */ tests((operand: string) =>
  stringTest(operand, (value, suffix) => value.endsWith(suffix)),
);

/** @internal The built-in `matches` (see {@link defaultOperatorTests}). */
export const operatorMatches: OperatorRuntime = /* @__PURE__ */ tests((operand: PatternInput) => {
  // linear in the text by construction (src/internal/regex), and at most MAX_TEST_STEPS of work:
  // a large program on a long text is unknown, flagged, rather than slow. Its steps are charged to the
  // budget too (STEPS_PER_UNIT a unit), and it may take no more than the budget has left: many
  // `matches` tests on one long text add up to the budget, not past it.
  const pattern = toPattern(operand);
  return (value, context, path) => {
    if (typeof value !== 'string') return UNKNOWN;
    const left = (context as { budget?: number }).budget;
    const matched = pattern.test(value, left === undefined ? undefined : Math.max(0, left) * STEPS_PER_UNIT);
    const spent = charge(context, Math.ceil(pattern.steps() / STEPS_PER_UNIT));
    if (matched === undefined) {
      if (spent && path !== undefined) context.flag?.(`too_costly:${path}`);
      return UNKNOWN;
    }
    return matched ? MET : UNMET;
  };
});

/** @internal The built-in `before` (see {@link defaultOperatorTests}). */
export const operatorBefore: OperatorRuntime = /* @__PURE__ */ tests((operand: string) =>
  comparison((a, b) => a < b)(operand),
);

/** @internal The built-in `after` (see {@link defaultOperatorTests}). */
export const operatorAfter: OperatorRuntime = /* @__PURE__ */ tests((operand: string) =>
  comparison((a, b) => a > b)(operand),
);

/** @internal The built-in `withinLast` (see {@link defaultOperatorTests}). */
export const operatorWithinLast: OperatorRuntime = /* @__PURE__ */ tests((operand: DurationInput) =>
  windowTest(operand, (asOf, duration) => [orPast(subtractDuration(asOf, duration)), asOf]),
);

/** @internal The built-in `withinNext` (see {@link defaultOperatorTests}). */
export const operatorWithinNext: OperatorRuntime = /* @__PURE__ */ tests((operand: DurationInput) =>
  windowTest(operand, (asOf, duration) => [asOf, orFuture(addDuration(asOf, duration))]),
);

/** @internal The built-in `olderThan` (see {@link defaultOperatorTests}). */
export const operatorOlderThan: OperatorRuntime = /* @__PURE__ */ tests((operand: DurationInput) =>
  windowTest(operand, (asOf, duration) => [
    Number.NEGATIVE_INFINITY,
    orPast(subtractDuration(asOf, duration)) - 1,
  ]),
);

/**
 * The built-in operators' tests: the run-time half of `defaultOperators` (which adds the operand
 * schemas and checks). `leadstage/runtime` compiles sealed configs with it.
 *
 * @example
 * const context = { asOf: 0, instant: Date.parse, number: Number, boolean: (value) => value === true };
 * defaultOperatorTests.gte.compile(5000)(12000, context, 'budget.amount');
 * //=> 'met'
 *
 * @category Configs
 */
export const defaultOperatorTests: Readonly<Record<OperatorName, OperatorRuntime>> =
  /* @__PURE__ */ Object.freeze({
    eq: operatorEq,
    ne: operatorNe,
    gt: operatorGt,
    gte: operatorGte,
    lt: operatorLt,
    lte: operatorLte,
    in: operatorIn,
    notIn: operatorNotIn,
    between: operatorBetween,
    exists: operatorExists,
    contains: operatorContains,
    containsAny: operatorContainsAny,
    containsAll: operatorContainsAll,
    startsWith: operatorStartsWith,
    endsWith: operatorEndsWith,
    matches: operatorMatches,
    before: operatorBefore,
    after: operatorAfter,
    withinLast: operatorWithinLast,
    withinNext: operatorWithinNext,
    olderThan: operatorOlderThan,
  });
