import * as z from 'zod/mini';
import type { OperandProblem } from '../internal/issues';
import { PatternError } from '../internal/regex/patternError';
import { parseInstant } from '../internal/time';
import type { Comparable, PatternInput } from '../schema/condition';
import { DURATION_EXPECTED, DurationSchema, durationProblem } from '../schema/duration';
import type { OperatorName } from '../schema/grammar';
import { defaultOperatorTests, type OperatorRuntime, toPattern } from './operatorTests';

export type { OperandProblem } from '../internal/issues';
export type { OperatorContext, OperatorRuntime, OperatorTest, OperatorTests } from './operatorTests';

/**
 * One operator of the DSL: the JSON shape of its operand, an optional deeper check, and how it
 * compiles. Operators live in one frozen table passed to the compiler, never in a global registry.
 *
 * @category Configs
 */
export interface OperatorDefinition extends OperatorRuntime {
  /** The operand's JSON shape (also used for the config's JSON Schema). */
  readonly operand: z.ZodMiniType;
  /** What the operand should be, for messages. */
  readonly expected: string;
  /** Checks an operand that has the right shape for what the shape cannot say (a date that parses). */
  readonly check?: (operand: unknown) => OperandProblem | undefined;
}

/**
 * A table of fact operators, keyed by name: the built-ins ({@link defaultOperators}) and any of your own.
 *
 * @example
 * const operators: OperatorTable = {
 *   ...defaultOperators,
 *   isEven: {
 *     operand: z.boolean(), expected: 'true or false',
 *     compile: (operand) => (value) => (typeof value === 'number' ? ((value % 2 === 0) === operand ? 'met' : 'unmet') : 'unknown'),
 *   },
 * };
 *
 * @category Configs
 */
export type OperatorTable = Readonly<Record<string, OperatorDefinition>>;

/** An operator of the default table: its run-time half from `defaultOperatorTests`, plus its operand's shape. */
function define<T>(
  name: OperatorName,
  shape: {
    readonly operand: z.ZodMiniType<T>;
    readonly expected: string;
    readonly check?: (operand: T) => OperandProblem | undefined;
  },
): OperatorDefinition {
  return { ...defaultOperatorTests[name], ...shape } as OperatorDefinition;
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
    ? { code: 'invalid_date', problem: 'not a date', expected: DATE }
    : undefined;
}

function checkComparable(operand: Comparable): OperandProblem | undefined {
  return typeof operand === 'string' ? checkDate(operand) : undefined;
}

const ALLOWED_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

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
    toPattern(input);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    return PATTERN_PROBLEMS[error.code](error.reason);
  }
  return undefined;
}

const PATTERN_PROBLEMS: Readonly<Record<PatternError['code'], (reason: string) => OperandProblem>> = {
  invalid_pattern: (reason) => ({
    code: 'invalid_pattern',
    problem: `invalid regular expression (${reason})`,
    expected: 'a valid JavaScript regular expression',
  }),
  unsupported_pattern: (reason) => ({
    code: 'unsupported_pattern',
    problem: reason,
    expected: 'a pattern without back-references or lookarounds (see docs/patterns.md)',
    fix: 'match the parts separately with "all"/"not" conditions',
  }),
  too_large: (reason) => ({
    code: 'too_large',
    problem: `pattern too large: ${reason}`,
    expected: 'a pattern of at most 10,000 instructions',
    fix: 'use smaller counted repetitions, such as "\\d+" rather than "\\d{1,5000}"',
  }),
};

const between = /* @__PURE__ */ z.tuple([comparable, comparable]);

const COMPARABLE = 'a number or an ISO 8601 date';
const PRIMITIVES = 'a non-empty array of at most 10,000 strings, numbers or booleans';
const DATE = 'an ISO 8601 date such as "2026-06-30"';

/**
 * The built-in fact operators. Frozen: pass a table of your own to `compileCondition` to restrict
 * or extend them, never mutate this one.
 *
 * @example
 * // a DSL without regular expressions
 * const { matches, ...operators } = defaultOperators;
 * compileCondition({ fact: 'email', matches: '@acme' }, { operators });
 * //=> throws ConfigError: (root): unknown operator "matches"; expected one of eq, ne, …
 *
 * @category Configs
 */
export const defaultOperators: Readonly<Record<OperatorName, OperatorDefinition>> =
  /* @__PURE__ */ Object.freeze({
    eq: define('eq', { operand: primitive, expected: 'a string, number or boolean' }),
    ne: define('ne', { operand: primitive, expected: 'a string, number or boolean' }),
    gt: define('gt', { operand: comparable, expected: COMPARABLE, check: checkComparable }),
    gte: define('gte', { operand: comparable, expected: COMPARABLE, check: checkComparable }),
    lt: define('lt', { operand: comparable, expected: COMPARABLE, check: checkComparable }),
    lte: define('lte', { operand: comparable, expected: COMPARABLE, check: checkComparable }),
    in: define('in', { operand: primitiveList, expected: PRIMITIVES }),
    notIn: define('notIn', { operand: primitiveList, expected: PRIMITIVES }),
    between: define('between', {
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
    }),
    exists: define('exists', { operand: z.boolean(), expected: 'true or false' }),
    contains: define('contains', { operand: primitive, expected: 'a string, number or boolean' }),
    containsAny: define('containsAny', { operand: primitiveList, expected: PRIMITIVES }),
    containsAll: define('containsAll', { operand: primitiveList, expected: PRIMITIVES }),
    startsWith: define('startsWith', { operand: z.string(), expected: 'a string' }),
    endsWith: define('endsWith', { operand: z.string(), expected: 'a string' }),
    matches: define('matches', {
      operand: pattern,
      expected: 'a regular expression string, or { "pattern": …, "flags": "i" }',
      check: checkPattern,
    }),
    before: define('before', { operand: z.string(), expected: DATE, check: checkDate }),
    after: define('after', { operand: z.string(), expected: DATE, check: checkDate }),
    withinLast: define('withinLast', {
      operand: DurationSchema,
      expected: DURATION_EXPECTED,
      check: durationProblem,
    }),
    withinNext: define('withinNext', {
      operand: DurationSchema,
      expected: DURATION_EXPECTED,
      check: durationProblem,
    }),
    olderThan: define('olderThan', {
      operand: DurationSchema,
      expected: DURATION_EXPECTED,
      check: durationProblem,
    }),
  });
