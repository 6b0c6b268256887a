import * as z from 'zod/mini';
import type { Condition, EventCondition } from './condition';
import type { DurationInput } from './duration';
import { FactDeclarationSchema, ReadingSchema } from './reading';

/**
 * Conditions are checked by `checkCondition` (bounded recursion, precise issues), not by zod, so
 * inside the config skeleton a condition slot accepts any value and is checked afterwards.
 */
export const conditionSlot = /* @__PURE__ */ z.custom<Condition>(() => true);

/** Parts of scoring rules that `checkCondition` checks as an event condition. */
export const eventTypesSlot = /* @__PURE__ */ z.custom<EventCondition['event']>(() => true);
export const durationSlot = /* @__PURE__ */ z.custom<DurationInput>(() => true);
export const whereSlot = /* @__PURE__ */ z.custom<NonNullable<EventCondition['where']>>(() => true);

const id = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(100));

/**
 * Text a human reads: one string, or translations keyed by locale (`{ "en": "…", "it": "…" }`).
 *
 * @example
 * TextSchema.safeParse({ en: 'Budget available', it: 'Budget disponibile' }).success;
 * //=> true
 *
 * @category Configs
 */
export const TextSchema = /* @__PURE__ */ z.union([
  z.string(),
  z.record(z.string().check(z.regex(/^[a-z]{2}(-[A-Za-z]{2})?$/)), z.string()),
]);

/** A reason code: letters, digits, `_`, `-`, `.`, up to 64 characters. */
const reasonCode = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/));

const CriterionSchema = /* @__PURE__ */ z.strictObject({
  label: z.optional(TextSchema),
  description: z.optional(TextSchema),
  dimension: z.optional(id),
  hint: z.optional(TextSchema),
  /**
   * A reason code for when the criterion stops being met (`no_budget`, `BAD_TIMING`): a lead's stage
   * history says it when the lead falls back. Use the values your CRM's lead status takes.
   */
  reason: z.optional(reasonCode),
  when: conditionSlot,
});

/** Points and caps: finite, and small enough that no sum of them overflows (a million rules of a billion points stays finite). */
const amount = /* @__PURE__ */ z.number().check(z.gte(-1e9), z.lte(1e9));
const cap = /* @__PURE__ */ z.optional(amount);

const GroupSchema = /* @__PURE__ */ z.strictObject({ label: z.optional(TextSchema), min: cap, max: cap });

const RuleSchema = /* @__PURE__ */ z.strictObject({
  id,
  label: z.optional(TextSchema),
  group: z.optional(id),
  points: amount,
  when: z.optional(conditionSlot),
  event: z.optional(eventTypesSlot),
  withinLast: z.optional(durationSlot),
  where: z.optional(whereSlot),
  repeat: z.optional(z.strictObject({ max: z.int().check(z.positive()) })),
  halfLife: z.optional(durationSlot),
  min: cap,
  max: cap,
});

const ScoringSchema = /* @__PURE__ */ z.strictObject({
  groups: z.optional(z.record(id, GroupSchema)),
  min: cap,
  max: cap,
  rules: z.array(RuleSchema),
});

/**
 * `grades`: two scores (`total` or scoring groups), each a map of labels, best first, to the lowest score
 * that earns them (`{ "A": 75, "B": 50, "C": 25 }`); a last label with `null` takes every score below.
 * Checked by `checkConfig` (`checkGrades`), whose messages say where and why, not by zod.
 */
export const gradesSlot = /* @__PURE__ */ z.custom<
  Readonly<Record<string, Readonly<Record<string, number | null>>>>
>(() => true);

const StageSchema = /* @__PURE__ */ z.strictObject({
  id,
  label: z.optional(TextSchema),
  description: z.optional(TextSchema),
  exit: z.optional(z.boolean()),
  when: z.optional(conditionSlot),
  /**
   * The SLA of the stage: follow up within this duration of entering it. With `events`, a stage history
   * says per entry whether one of those event types (`call_connected`, `meeting_held`) came in time.
   */
  followUp: z.optional(
    z.strictObject({
      within: durationSlot,
      events: z.optional(
        z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1), z.maxLength(100)),
      ),
    }),
  ),
  /** For an exit stage (`recycled`, `disqualified`): the reason code a stage history gives on entering it. */
  reason: z.optional(reasonCode),
  actions: z.optional(z.array(TextSchema)),
});

const ExampleSchema = /* @__PURE__ */ z.strictObject({
  name: z.string().check(z.minLength(1)),
  asOf: z.union([z.string(), z.number()]),
  lead: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    stage: z.optional(id),
    scores: z.optional(z.record(z.string(), z.number())),
    criteria: z.optional(z.record(z.string(), z.enum(['met', 'unmet', 'unknown']))),
    /** The grade, for a config with `grades`. */
    grade: z.optional(z.string()),
  }),
});

/**
 * The **skeleton** of a config, format version 1 (DESIGN §3): its keys and their JSON types, with every
 * condition, duration and event slot accepting anything. It does **not** validate a config — `{ "when": 42 }`
 * passes it. Use `parseConfig` / `safeParseConfig`, which check the skeleton with this schema, then every
 * condition, duration and reference, and the lint. Exported for tools that need the shape (forms, codegen).
 *
 * @example
 * ConfigSkeletonSchema.safeParse({ version: 1, id: 'tiny', criteria: { x: { when: 42 } }, stages: [{ id: 'unqualified' }] }).success;
 * //=> true (a skeleton check only: safeParseConfig refuses this config)
 *
 * @category Configs
 */
export const ConfigSkeletonSchema = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  /** Written by `sealConfig`: proof the config was checked, for `compileSealed` in `leadstage/runtime`. */
  $seal: z.optional(z.string()),
  version: z.literal(1),
  id,
  /**
   * What the config classifies: leads (the default) or accounts (`"account"`: its conditions read the
   * account's facts as `account.*` and its members with `members` and `roles`; see `docs/accounts.md`).
   */
  level: z.optional(z.enum(['lead', 'account'])),
  label: z.optional(TextSchema),
  description: z.optional(TextSchema),
  /** How lead values are read, for every fact: decimal separator, placeholders, boolean words, date format. */
  read: z.optional(ReadingSchema),
  /** Event types the config reads beyond the canonical ones (`call_connected`), with a label. */
  events: z.optional(
    z.record(
      z.string().check(z.minLength(1), z.maxLength(200)),
      z.strictObject({ label: z.optional(TextSchema), description: z.optional(TextSchema) }),
    ),
  ),
  /** Custom fact paths the config reads, with their type and reading (see `docs/leads.md`). */
  facts: z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(200)), FactDeclarationSchema)),
  criteria: z.record(id, CriterionSchema),
  scoring: z.optional(ScoringSchema),
  stages: z.array(StageSchema).check(z.minLength(1)),
  /**
   * Fit × engagement grades (`A1` … `D4`): the first score gives the first part of a grade, the second the
   * second part (see `docs/scoring.md`). Without it, results carry no `grade`.
   */
  grades: z.optional(gradesSlot),
  examples: z.optional(z.array(ExampleSchema)),
});

/**
 * Text in one language, or several: `"Budget"` or `{ en: "Budget", it: "Budget" }`.
 *
 * @category Configs
 */
export type Text = z.infer<typeof TextSchema>;
/**
 * A named criterion: a condition with a label, a BANT dimension and a hint for sales.
 *
 * @category Configs
 */
export type Criterion = z.infer<typeof CriterionSchema>;
/**
 * A scoring group with optional caps.
 *
 * @category Configs
 */
export type ScoringGroup = z.infer<typeof GroupSchema>;
/**
 * A scoring rule: points for a condition (`when`) or for events (`event`).
 *
 * @category Configs
 */
export type ScoringRule = z.infer<typeof RuleSchema>;
/**
 * The scoring section of a config.
 *
 * @category Configs
 */
export type Scoring = z.infer<typeof ScoringSchema>;
/**
 * A stage of the ladder (or an exit such as `disqualified`).
 *
 * @category Configs
 */
export type Stage = z.infer<typeof StageSchema>;
/**
 * An example lead with its expected result, run by `runExamples`.
 *
 * @category Configs
 */
export type ConfigExample = z.infer<typeof ExampleSchema>;
/**
 * `grades` of a config: per score (`total` or a group), its labels, best first, and their thresholds.
 *
 * @category Configs
 */
export type GradeThresholds = Readonly<Record<string, Readonly<Record<string, number | null>>>>;
/**
 * A config, format version 1.
 *
 * @category Configs
 */
export type Config = z.infer<typeof ConfigSkeletonSchema>;
