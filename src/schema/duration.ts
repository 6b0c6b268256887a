import * as z from 'zod/mini';
import { closestName, type OperandProblem } from '../internal/issues';
import { type Duration, MAX_DURATION_YEARS, parseIsoDuration, readDuration } from '../internal/time';
import { DURATION_UNITS } from './grammar';

const wholeUnits = /* @__PURE__ */ z.optional(z.int().check(z.nonnegative()));

/**
 * A date-fns `Duration` of whole, non-negative units (`{ "days": 90 }`), or an ISO 8601 duration
 * string (`"P90D"`, `"PT24H"`). The shape only: a config's durations are checked by one rule, which
 * also refuses `{}` and malformed strings (see `docs/conditions.md`).
 *
 * @example
 * DurationSchema.safeParse({ days: 90 }).success;
 * //=> true
 * DurationSchema.safeParse({ days: -1 }).success;
 * //=> false
 *
 * @category Configs
 */
export const DurationSchema = /* @__PURE__ */ (() =>
  z.union([
    z.strictObject(
      Object.fromEntries(DURATION_UNITS.map((unit) => [unit, wholeUnits])) as Record<
        (typeof DURATION_UNITS)[number],
        typeof wholeUnits
      >,
    ),
    z.string().check(z.regex(/^P/, 'an ISO 8601 duration such as "P90D"')),
  ]))();

/**
 * A duration as written in a config: `{ "days": 90 }` or `"P90D"`.
 *
 * @category Configs
 */
export type DurationInput = z.infer<typeof DurationSchema>;

/** What a duration in a config should be, for messages. */
export const DURATION_EXPECTED = `a duration such as { "days": 90 } or "P90D", with at least one of ${DURATION_UNITS.join(', ')}`;

/**
 * The one duration check of a config — `withinLast`, `withinNext`, `olderThan`, event windows,
 * half-lives and follow-up delays all use it: the shape, at least one unit, a well-formed ISO string.
 * `undefined` when the duration is fine.
 */
export function durationProblem(input: unknown): OperandProblem | undefined {
  if (!DurationSchema.safeParse(input).success) {
    if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
      const unit = Object.keys(input).find((key) => !(DURATION_UNITS as readonly string[]).includes(key));
      if (unit !== undefined) {
        const suggestion = closestName(unit, DURATION_UNITS);
        return {
          code: 'invalid_duration',
          problem: `unknown unit ${JSON.stringify(unit)}`,
          expected: DURATION_EXPECTED,
          ...(suggestion === undefined ? {} : { fix: `did you mean "${suggestion}"?` }),
        };
      }
    }
    return {
      code: 'invalid_duration',
      problem: 'not a duration',
      expected: DURATION_EXPECTED,
      fix: 'write it as { "days": 90 }, or as "P90D"',
    };
  }
  if (typeof input === 'string') {
    const parsed = parseIsoDuration(input);
    return parsed === undefined
      ? {
          code: 'invalid_duration',
          problem: `malformed ISO 8601 duration ${JSON.stringify(input)}`,
          expected: DURATION_EXPECTED,
          fix: 'write it as { "days": 90 }, or as "P90D" / "PT24H"',
        }
      : tooLong(parsed);
  }
  return Object.keys(input as object).length === 0
    ? {
        code: 'invalid_duration',
        problem: 'empty duration',
        expected: DURATION_EXPECTED,
        fix: 'give at least one unit',
      }
    : tooLong(input as Duration);
}

export { MAX_DURATION_YEARS } from '../internal/time';

function tooLong(duration: Duration): OperandProblem | undefined {
  // the shape is fine by now: what readDuration refuses here is the length
  return readDuration(duration) === undefined
    ? {
        code: 'invalid_duration',
        problem: 'duration too long',
        expected: `at most ${MAX_DURATION_YEARS} years`,
        fix: 'shorten it',
      }
    : undefined;
}
