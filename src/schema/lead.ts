import * as z from 'zod/mini';

const text = /* @__PURE__ */ z.optional(z.string());
const count = /* @__PURE__ */ z.optional(z.number().check(z.nonnegative()));
const flag = /* @__PURE__ */ z.optional(z.boolean());
/** An ISO 8601 instant or date, as `parseLead` writes it (UTC, `…Z`). */
const instant = /* @__PURE__ */ z.optional(z.iso.datetime({ offset: true }));
const day = /* @__PURE__ */ z.optional(z.union([z.iso.date(), z.iso.datetime({ offset: true })]));

export const SENIORITIES = ['c_level', 'vp', 'director', 'manager', 'individual', 'student'] as const;
export const BUDGET_STATUSES = ['unknown', 'none', 'exploring', 'allocated', 'approved'] as const;
export const AUTHORITY_ROLES = ['decision_maker', 'champion', 'influencer', 'user', 'unknown'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;

/**
 * One thing the lead did: `{ type: 'demo_completed', at: '2026-06-01T10:00:00Z' }`.
 *
 * @example
 * LeadEventSchema.safeParse({ type: 'demo_completed', at: '2026-06-01T10:00:00Z' }).success;
 * //=> true
 */
export const LeadEventSchema = /* @__PURE__ */ z.looseObject({
  type: z.string().check(z.minLength(1)),
  at: z.iso.datetime({ offset: true }),
  id: text,
  props: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * The canonical lead shape the presets read (DESIGN §2). Unknown keys are kept: a config can
 * address any path of any plain object, so `custom.hs_budget` works as well as `budget.amount`.
 *
 * @example
 * LeadSchema.safeParse({ budget: { status: 'approved' } }).success
 * //=> true
 */
export const LeadSchema = /* @__PURE__ */ z.looseObject({
  id: text,
  createdAt: instant,
  source: text,
  contact: z.optional(
    z.looseObject({
      name: text,
      email: text,
      title: text,
      seniority: z.optional(z.enum(SENIORITIES)),
      department: text,
      country: text,
    }),
  ),
  company: z.optional(
    z.looseObject({
      name: text,
      domain: text,
      employees: count,
      annualRevenue: count,
      industry: text,
      country: text,
      isCustomer: flag,
      isCompetitor: flag,
    }),
  ),
  budget: z.optional(
    z.looseObject({ status: z.optional(z.enum(BUDGET_STATUSES)), amount: count, currency: text }),
  ),
  authority: z.optional(z.looseObject({ role: z.optional(z.enum(AUTHORITY_ROLES)) })),
  need: z.optional(
    z.looseObject({
      painPoints: z.optional(z.array(z.string())),
      statement: text,
      severity: z.optional(z.enum(SEVERITIES)),
    }),
  ),
  timeline: z.optional(z.looseObject({ purchaseBy: day })),
  events: z.optional(z.array(LeadEventSchema)),
});

/** A lead in the canonical shape (any extra keys allowed). */
export type Lead = z.infer<typeof LeadSchema>;

/** One event of a {@link Lead}. */
export type LeadEvent = z.infer<typeof LeadEventSchema>;
