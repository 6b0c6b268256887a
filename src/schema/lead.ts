import * as z from 'zod/mini';

export const SENIORITIES = ['c_level', 'vp', 'director', 'manager', 'individual', 'student'] as const;
export const BUDGET_STATUSES = ['unknown', 'none', 'exploring', 'allocated', 'approved'] as const;
export const AUTHORITY_ROLES = ['decision_maker', 'champion', 'influencer', 'user', 'unknown'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;

/** How `parseLead` reads a canonical field from CRM-style data. */
export type LeadFieldReading =
  | { readonly type: 'string' }
  | { readonly type: 'number' }
  | { readonly type: 'boolean' }
  | { readonly type: 'date' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'list' };

/** One canonical field: its zod schema (what a read lead holds) and how it is read. */
interface Field<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly schema: S;
  readonly reading: LeadFieldReading;
}

function field<S extends z.ZodMiniType>(schema: S, reading: LeadFieldReading): Field<S> {
  return { schema, reading };
}

function schemasOf<T extends Record<string, Field>>(fields: T): { [K in keyof T]: T[K]['schema'] } {
  return Object.fromEntries(Object.entries(fields).map(([key, each]) => [key, each.schema])) as {
    [K in keyof T]: T[K]['schema'];
  };
}

type SectionSchemas<T extends Record<string, Record<string, Field>>> = {
  [K in keyof T]: z.ZodMiniOptional<z.ZodMiniObject<{ [F in keyof T[K]]: T[K][F]['schema'] }, z.core.$loose>>;
};

function sectionSchemasOf<T extends Record<string, Record<string, Field>>>(sections: T): SectionSchemas<T> {
  return Object.fromEntries(
    Object.entries(sections).map(([name, fields]) => [name, z.optional(z.looseObject(schemasOf(fields)))]),
  ) as SectionSchemas<T>;
}

const text = /* @__PURE__ */ field(z.optional(z.string()), { type: 'string' });
const count = /* @__PURE__ */ field(z.optional(z.number().check(z.nonnegative())), { type: 'number' });
const flag = /* @__PURE__ */ field(z.optional(z.boolean()), { type: 'boolean' });
/** An ISO 8601 instant, as `parseLead` writes it (UTC, `…Z`). */
const instant = /* @__PURE__ */ field(z.optional(z.iso.datetime({ offset: true })), { type: 'date' });
/** A day or an instant. */
const day = /* @__PURE__ */ field(z.optional(z.union([z.iso.date(), z.iso.datetime({ offset: true })])), {
  type: 'date',
});
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return field(z.optional(z.enum(values)), { type: 'enum', values });
}

/**
 * The canonical lead, field by field: the one table `LeadSchema` (what a lead holds) and `parseLead`
 * (how CRM data is read into it) are both made from. Top-level fields first, then one object per section.
 */
const TOP = /* @__PURE__ */ (() => ({ id: text, createdAt: instant, source: text }))();
const SECTIONS = /* @__PURE__ */ (() => ({
  contact: {
    name: text,
    email: text,
    title: text,
    seniority: oneOf(SENIORITIES),
    department: text,
    country: text,
  },
  company: {
    name: text,
    domain: text,
    employees: count,
    annualRevenue: count,
    industry: text,
    country: text,
    isCustomer: flag,
    isCompetitor: flag,
  },
  budget: {
    status: oneOf(BUDGET_STATUSES),
    amount: count,
    currency: text,
  },
  authority: {
    role: oneOf(AUTHORITY_ROLES),
  },
  need: {
    painPoints: field(z.optional(z.array(z.string())), { type: 'list' }),
    statement: text,
    severity: oneOf(SEVERITIES),
  },
  timeline: { purchaseBy: day },
}))();

/**
 * Every canonical field as `[section, field, reading]` (`[name, undefined, reading]` at the top level),
 * in document order: what `parseLead` coerces. Made from the same table as {@link LeadSchema}.
 */
export const LEAD_FIELDS: ReadonlyArray<readonly [string, string | undefined, LeadFieldReading]> =
  /* @__PURE__ */ (() => [
    ...Object.entries(TOP).map(([name, each]) => [name, undefined, each.reading] as const),
    ...Object.entries(SECTIONS).flatMap(([section, fields]) =>
      Object.entries(fields as Record<string, Field>).map(
        ([name, each]) => [section, name, each.reading] as const,
      ),
    ),
  ])();

/** The reading of each canonical field, by its dotted path (`company.employees`). */
export const LEAD_FIELD_READINGS: ReadonlyMap<string, LeadFieldReading> = /* @__PURE__ */ new Map(
  LEAD_FIELDS.map(([section, field, reading]) => [
    field === undefined ? section : `${section}.${field}`,
    reading,
  ]),
);

/**
 * One thing the lead did: `{ type: 'demo_completed', at: '2026-06-01T10:00:00Z' }`.
 *
 * @example
 * LeadEventSchema.safeParse({ type: 'demo_completed', at: '2026-06-01T10:00:00Z' }).success;
 * //=> true
 *
 * @category CRM data
 */
export const LeadEventSchema = /* @__PURE__ */ z.looseObject({
  type: z.string().check(z.minLength(1)),
  at: z.iso.datetime({ offset: true }),
  id: text.schema,
  props: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * The canonical lead shape the presets read (DESIGN §2). Unknown keys are kept: a config can
 * address any path of any plain object, so `custom.hs_budget` works as well as `budget.amount`.
 *
 * @example
 * LeadSchema.safeParse({ budget: { status: 'approved' } }).success
 * //=> true
 *
 * @category CRM data
 */
export const LeadSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    ...schemasOf(TOP),
    ...sectionSchemasOf(SECTIONS),
    events: z.optional(z.array(LeadEventSchema)),
  }))();

/**
 * A lead in the canonical shape (any extra keys allowed).
 *
 * @category CRM data
 */
export type Lead = z.infer<typeof LeadSchema>;

/**
 * One event of a {@link Lead}.
 *
 * @category CRM data
 */
export type LeadEvent = z.infer<typeof LeadEventSchema>;
