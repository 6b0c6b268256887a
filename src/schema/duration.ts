import * as z from 'zod/mini';

const wholeUnits = /* @__PURE__ */ z.optional(z.int().check(z.nonnegative()));

/**
 * A date-fns `Duration` of whole, non-negative units (`{ "days": 90 }`), or an ISO 8601 duration
 * string (`"P90D"`, `"PT24H"`).
 *
 * @example
 * DurationSchema.safeParse({ days: 90 }).success;
 * //=> true
 * DurationSchema.safeParse({ days: -1 }).success;
 * //=> false
 */
export const DurationSchema = /* @__PURE__ */ z.union([
  z.strictObject({
    years: wholeUnits,
    months: wholeUnits,
    weeks: wholeUnits,
    days: wholeUnits,
    hours: wholeUnits,
    minutes: wholeUnits,
    seconds: wholeUnits,
  }),
  z.string().check(z.regex(/^P/, 'an ISO 8601 duration such as "P90D"')),
]);

/** A duration as written in a config: `{ "days": 90 }` or `"P90D"`. */
export type DurationInput = z.infer<typeof DurationSchema>;
