import * as z from 'zod/mini';
import { findUnsafeRegexConstruct } from '../internal/safeRegex';
import { MET, type Tri, UNKNOWN, UNMET } from '../internal/status';
import {
  addDuration,
  type Duration,
  memoByInstant,
  parseInstant,
  parseIsoDuration,
  subtractDuration,
} from '../internal/time';
import type { Comparable, OperatorName, PatternInput, Primitive } from '../schema/condition';
import { type DurationInput, DurationSchema } from '../schema/duration';

/**
 * A compiled operator test: the value read from the lead → met, unmet or unknown.
 * `path` names the fact (for parse-once dates and flags); it is `undefined` inside event `where`.
 */
export type OperatorTest = (value: unknown, context: OperatorContext, path: string | undefined) => Tri;

/** What an operator may use of an evaluation: the instant, and date reading that flags bad dates. */
export interface OperatorContext {
  /** The evaluation instant, epoch milliseconds. */
  readonly asOf: number;
  /** Reads a value as epoch ms (`NaN` if it cannot); with a `path`, an invalid date is flagged `invalid_date:<path>`. */
  instant(value: unknown, path: string | undefined): number;
}

/** A problem an operator finds in its operand beyond its JSON shape. */
export interface OperandProblem {
  readonly code: string;
  readonly problem: string;
  readonly expected: string;
}

/**
 * One operator of the DSL: the JSON shape of its operand, an optional deeper check, and how it
 * compiles. Operators live in one frozen table passed to the compiler, never in a global registry.
 */
export interface OperatorDefinition {
  /** The operand's JSON shape (also used for the config's JSON Schema). */
  readonly operand: z.ZodMiniType;
  /** What the operand should be, for messages. */
  readonly expected: string;
  /** Whether an absent value is decided by the operator (only `exists`); otherwise it is unknown. */
  readonly decidesAbsent?: boolean;
  /** Checks an operand that has the right shape for what the shape cannot say (a date that parses). */
  readonly check?: (operand: unknown) => OperandProblem | undefined;
  /** Turns a checked operand into a test, once per condition. */
  readonly compile: (operand: unknown) => OperatorTest;
}

/** The table of fact operators, keyed by name. */
export type OperatorTable = Readonly<Record<OperatorName, OperatorDefinition>>;

function define<T>(definition: {
  readonly operand: z.ZodMiniType<T>;
  readonly expected: string;
  readonly decidesAbsent?: boolean;
  readonly check?: (operand: T) => OperandProblem | undefined;
  readonly compile: (operand: T) => OperatorTest;
}): OperatorDefinition {
  return definition as unknown as OperatorDefinition;
}

// ── value coercion: lead data is forgiving, CRM exports give numbers and booleans as strings ──

/** A finite number, a numeric string (`"12000"`), or `NaN`. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return Number.NaN;
    const number = Number(text);
    return Number.isFinite(number) ? number : Number.NaN;
  }
  return Number.NaN;
}

/** A boolean, `"true"`/`"false"` in any case, or `undefined`. */
export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return undefined;
}

/** Equality against a primitive operand, with the value read as the operand's type; unknown if it can't be. */
function equalsTest(operand: Primitive): (value: unknown) => Tri {
  if (typeof operand === 'string') {
    return (value) => (typeof value === 'string' ? (value === operand ? MET : UNMET) : UNKNOWN);
  }
  if (typeof operand === 'number') {
    return (value) => {
      const number = toNumber(value);
      return Number.isNaN(number) ? UNKNOWN : number === operand ? MET : UNMET;
    };
  }
  return (value) => {
    const bool = toBoolean(value);
    return bool === undefined ? UNKNOWN : bool === operand ? MET : UNMET;
  };
}

/** Met if the value equals one of the operands; unknown only when the value fits none of their types. */
function memberTest(operands: readonly Primitive[]): (value: unknown) => Tri {
  if (operands.every((operand) => typeof operand === 'string')) {
    const set = new Set(operands);
    return (value) => (typeof value === 'string' ? (set.has(value) ? MET : UNMET) : UNKNOWN);
  }
  const tests = operands.map(equalsTest);
  return (value) => {
    let result: Tri = UNKNOWN;
    for (const test of tests) {
      const outcome = test(value);
      if (outcome === MET) return MET;
      if (outcome === UNMET) result = UNMET;
    }
    return result;
  };
}

function negate(test: OperatorTest): OperatorTest {
  return (value, context, path) => {
    const result = test(value, context, path);
    return result === MET ? UNMET : result === UNMET ? MET : UNKNOWN;
  };
}

// ── operand shapes ──

const primitive = /* @__PURE__ */ z.union([z.string(), z.number(), z.boolean()]);
const primitiveList = /* @__PURE__ */ z.array(primitive).check(z.minLength(1), z.maxLength(10_000));
const comparable = /* @__PURE__ */ z.union([z.number(), z.string()]);
const pattern = /* @__PURE__ */ z.union([
  z.string(),
  z.strictObject({ pattern: z.string(), flags: z.optional(z.string()) }),
]);

function checkDate(text: string): OperandProblem | undefined {
  return Number.isNaN(parseInstant(text))
    ? { code: 'invalid_date', problem: 'not a date', expected: 'an ISO 8601 date such as "2026-06-30"' }
    : undefined;
}

function checkComparable(operand: Comparable): OperandProblem | undefined {
  return typeof operand === 'string' ? checkDate(operand) : undefined;
}

/** Compiles `gt`-like comparisons for numbers or, with a date operand, instants. */
function comparison(compare: (left: number, right: number) => boolean) {
  return (operand: Comparable): OperatorTest => {
    if (typeof operand === 'number') {
      return (value) => {
        const number = toNumber(value);
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

/** Reads a config duration (object or ISO string) into a date-fns `Duration`. */
export function toDuration(input: DurationInput): Duration {
  if (typeof input === 'string') return parseIsoDuration(input) ?? {};
  return input as Duration;
}

/** Checks a duration of the right shape is not empty and, as a string, well-formed. */
export function checkDuration(input: DurationInput): OperandProblem | undefined {
  const expected = 'a duration such as { "days": 90 } or "P90D" with at least one unit';
  if (typeof input === 'string') {
    return parseIsoDuration(input) === undefined
      ? {
          code: 'invalid_duration',
          problem: `malformed ISO 8601 duration ${JSON.stringify(input)}`,
          expected,
        }
      : undefined;
  }
  return Object.keys(input).length === 0
    ? { code: 'invalid_duration', problem: 'empty duration', expected }
    : undefined;
}

/**
 * A window `[from, to]` relative to `asOf`, recomputed only when `asOf` changes: classifying a
 * batch at one instant does the calendar arithmetic once.
 */
function windowTest(
  input: DurationInput,
  bounds: (asOf: number, duration: Duration) => readonly [number, number],
): OperatorTest {
  const duration = toDuration(input);
  const boundsAt = memoByInstant((asOf) => bounds(asOf, duration));
  return (value, context, path) => {
    const at = context.instant(value, path);
    if (Number.isNaN(at)) return UNKNOWN;
    const [from, to] = boundsAt(context.asOf);
    return at >= from && at <= to ? MET : UNMET;
  };
}

const ALLOWED_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

function toRegExp(input: PatternInput): RegExp {
  return typeof input === 'string' ? new RegExp(input) : new RegExp(input.pattern, input.flags ?? '');
}

function checkPattern(input: PatternInput): OperandProblem | undefined {
  const source = typeof input === 'string' ? input : input.pattern;
  const flags = typeof input === 'string' ? '' : (input.flags ?? '');
  if (!ALLOWED_FLAGS.test(flags)) {
    return {
      code: 'invalid_pattern',
      problem: `unsupported regular expression flags ${JSON.stringify(flags)}`,
      expected: 'flags out of i, m, s, u, each at most once (g and y would make matching stateful)',
    };
  }
  if (source.length > 1000) {
    return { code: 'invalid_pattern', problem: 'pattern too long', expected: 'at most 1000 characters' };
  }
  try {
    toRegExp(input);
  } catch (error) {
    return {
      code: 'invalid_pattern',
      problem: `invalid regular expression (${(error as Error).message})`,
      expected: 'a valid JavaScript regular expression',
    };
  }
  const unsafe = findUnsafeRegexConstruct(source);
  return unsafe === undefined
    ? undefined
    : {
        code: 'unsafe_pattern',
        problem: `pattern can backtrack catastrophically: ${unsafe}`,
        expected:
          'a pattern without nested quantifiers or back-references, such as "^(ab)+$" rather than "^(a+b)+$"',
      };
}

function containsIn(operand: Primitive): (value: unknown) => Tri {
  const equals = equalsTest(operand);
  return (value) => {
    if (typeof value === 'string') {
      return typeof operand === 'string' ? (value.includes(operand) ? MET : UNMET) : UNKNOWN;
    }
    if (Array.isArray(value)) {
      for (const element of value) if (equals(element) === MET) return MET;
      return UNMET;
    }
    return UNKNOWN;
  };
}

function containsMany(operands: readonly Primitive[], needAll: boolean): OperatorTest {
  const tests = operands.map(containsIn);
  const decisive = needAll ? UNMET : MET;
  return (value) => {
    if (typeof value !== 'string' && !Array.isArray(value)) return UNKNOWN;
    let sawUnknown = false;
    for (const test of tests) {
      const outcome = test(value);
      if (outcome === decisive) return decisive;
      if (outcome === UNKNOWN) sawUnknown = true;
    }
    return sawUnknown ? UNKNOWN : needAll ? MET : UNMET;
  };
}

function stringTest(operand: string, test: (value: string, operand: string) => boolean): OperatorTest {
  return (value) => (typeof value === 'string' ? (test(value, operand) ? MET : UNMET) : UNKNOWN);
}

const between = /* @__PURE__ */ z.tuple([comparable, comparable]);

export const DURATION_EXPECTED = 'a duration such as { "days": 90 } or "P90D"';

/**
 * The built-in fact operators. Frozen: pass a table of your own to `compileCondition` to restrict
 * or extend them, never mutate this one.
 *
 * @example
 * // a DSL without regular expressions
 * const { matches, ...operators } = defaultOperators;
 * compileCondition({ fact: 'email', matches: '@acme' }, { operators: { ...operators } as OperatorTable });
 * //=> throws ConfigError: (root): unknown operator "matches"; expected one of eq, ne, …
 */
export const defaultOperators: OperatorTable = /* @__PURE__ */ Object.freeze({
  eq: define({
    operand: primitive,
    expected: 'a string, number or boolean',
    compile: (operand) => equalsTest(operand),
  }),
  ne: define({
    operand: primitive,
    expected: 'a string, number or boolean',
    compile: (operand) => negate(equalsTest(operand)),
  }),
  gt: define({
    operand: comparable,
    expected: 'a number or an ISO 8601 date',
    check: checkComparable,
    compile: comparison((a, b) => a > b),
  }),
  gte: define({
    operand: comparable,
    expected: 'a number or an ISO 8601 date',
    check: checkComparable,
    compile: comparison((a, b) => a >= b),
  }),
  lt: define({
    operand: comparable,
    expected: 'a number or an ISO 8601 date',
    check: checkComparable,
    compile: comparison((a, b) => a < b),
  }),
  lte: define({
    operand: comparable,
    expected: 'a number or an ISO 8601 date',
    check: checkComparable,
    compile: comparison((a, b) => a <= b),
  }),
  in: define({
    operand: primitiveList,
    expected: 'a non-empty array of strings, numbers or booleans',
    compile: (operand) => memberTest(operand),
  }),
  notIn: define({
    operand: primitiveList,
    expected: 'a non-empty array of strings, numbers or booleans',
    compile: (operand) => negate(memberTest(operand)),
  }),
  between: define({
    operand: between,
    expected: 'a pair [low, high] of numbers or of ISO 8601 dates',
    check: ([low, high]) => {
      if (typeof low !== typeof high) {
        return { code: 'invalid_range', problem: 'mixed bounds', expected: 'two numbers or two dates' };
      }
      const problem = checkComparable(low) ?? checkComparable(high);
      if (problem !== undefined) return problem;
      const [a, b] =
        typeof low === 'number' ? [low, high as number] : [parseInstant(low), parseInstant(high)];
      return a > b
        ? { code: 'invalid_range', problem: 'low bound above high bound', expected: 'low ≤ high' }
        : undefined;
    },
    compile: ([low, high]) => {
      const above = comparison((a, b) => a >= b)(low);
      const below = comparison((a, b) => a <= b)(high);
      return (value, context, path) => {
        const first = above(value, context, path);
        return first === MET ? below(value, context, path) : first;
      };
    },
  }),
  exists: define({
    operand: z.boolean(),
    expected: 'true or false',
    decidesAbsent: true,
    compile: (operand) => (value) => {
      const present = value !== undefined && value !== null && value !== '';
      return present === operand ? MET : UNMET;
    },
  }),
  contains: define({
    operand: primitive,
    expected: 'a string, number or boolean',
    compile: (operand) => containsIn(operand),
  }),
  containsAny: define({
    operand: primitiveList,
    expected: 'a non-empty array of strings, numbers or booleans',
    compile: (operand) => containsMany(operand, false),
  }),
  containsAll: define({
    operand: primitiveList,
    expected: 'a non-empty array of strings, numbers or booleans',
    compile: (operand) => containsMany(operand, true),
  }),
  startsWith: define({
    operand: z.string(),
    expected: 'a string',
    compile: (operand) => stringTest(operand, (value, prefix) => value.startsWith(prefix)),
  }),
  endsWith: define({
    operand: z.string(),
    expected: 'a string',
    compile: (operand) => stringTest(operand, (value, suffix) => value.endsWith(suffix)),
  }),
  matches: define({
    operand: pattern,
    expected: 'a regular expression string, or { "pattern": …, "flags": "i" }',
    check: checkPattern,
    compile: (operand) => {
      const regexp = toRegExp(operand);
      return (value) => (typeof value === 'string' ? (regexp.test(value) ? MET : UNMET) : UNKNOWN);
    },
  }),
  before: define({
    operand: z.string(),
    expected: 'an ISO 8601 date such as "2026-06-30"',
    check: checkDate,
    compile: (operand) => comparison((a, b) => a < b)(operand),
  }),
  after: define({
    operand: z.string(),
    expected: 'an ISO 8601 date such as "2026-06-30"',
    check: checkDate,
    compile: (operand) => comparison((a, b) => a > b)(operand),
  }),
  withinLast: define({
    operand: DurationSchema,
    expected: DURATION_EXPECTED,
    check: checkDuration,
    compile: (operand) => windowTest(operand, (asOf, duration) => [subtractDuration(asOf, duration), asOf]),
  }),
  withinNext: define({
    operand: DurationSchema,
    expected: DURATION_EXPECTED,
    check: checkDuration,
    compile: (operand) => windowTest(operand, (asOf, duration) => [asOf, addDuration(asOf, duration)]),
  }),
  olderThan: define({
    operand: DurationSchema,
    expected: DURATION_EXPECTED,
    check: checkDuration,
    compile: (operand) =>
      windowTest(operand, (asOf, duration) => [
        Number.NEGATIVE_INFINITY,
        subtractDuration(asOf, duration) - 1,
      ]),
  }),
});

/** The operators allowed on scores and event counts: numeric comparisons only. */
export const NUMBER_COMPARISONS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between'] as const;
