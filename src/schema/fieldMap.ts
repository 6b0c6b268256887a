import * as z from 'zod/mini';
import { FACT_TYPES, ReadingSchema } from './reading';

const name = /* @__PURE__ */ z.string().check(z.minLength(1), z.maxLength(200));
const names = /* @__PURE__ */ z.union([name, z.array(name).check(z.minLength(1), z.maxLength(50))]);
const text = /* @__PURE__ */ z.union([z.string(), z.record(z.string(), z.string())]);

/** How a field with several values (`"DECISION_MAKER;CHAMPION"`) becomes one. */
export const MULTIPLE_POLICIES = ['first', 'strongest', 'all'] as const;
/** Which number a range (`"25-50"`, `"1000+"`) is read as. */
export const RANGE_POLICIES = ['low', 'high', 'midpoint'] as const;

/**
 * One field of a field map: where the value comes from (a column name, or several: the first present
 * wins, so one map serves internal names and export labels), the lead path it goes to, and how it is read.
 */
export const FieldMappingSchema = /* @__PURE__ */ z.strictObject({
  from: names,
  to: name,
  type: z.optional(z.enum(FACT_TYPES)),
  values: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(1000))),
  aliases: z.optional(z.record(z.string(), z.string())),
  multiple: z.optional(z.enum(MULTIPLE_POLICIES)),
  range: z.optional(z.enum(RANGE_POLICIES)),
  ...ReadingSchema.shape,
  label: z.optional(text),
});

/** An event made from a date column: `first_contact_date` → `{ type: 'first_contact', at }`. */
export const DerivedEventSchema = /* @__PURE__ */ z.strictObject({
  type: name,
  from: names,
  dateFormat: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});

/**
 * How a row of an activities table (calls, meetings, e-mails, form submissions, campaign responses)
 * becomes one event of one lead: the column with the lead's id, the event type (a constant, or from a
 * column through aliases: `MEETING` → `meeting_held`), the date, and props from other columns.
 */
export const ActivityMappingSchema = /* @__PURE__ */ z.strictObject({
  lead: names,
  type: z.union([
    name,
    z.strictObject({
      from: names,
      aliases: z.optional(z.record(z.string(), z.string())),
      default: z.optional(name),
    }),
  ]),
  at: names,
  dateFormat: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  props: z.optional(z.record(z.string().check(z.minLength(1), z.maxLength(200)), names)),
});

/**
 * A field map: how rows of a CRM export become canonical leads (`mapLead`). JSON, like a config:
 * `read` for every field, then each field's source, target, type and reading; `events` made from date
 * columns; `keep: "custom"` to keep unmapped columns under `custom.<column>`.
 *
 * @example
 * FieldMapSchema.safeParse({ version: 1, id: 'mine', fields: [{ from: 'Employees', to: 'company.employees', type: 'number' }] }).success;
 * //=> true
 *
 * @category CRM data
 */
export const FieldMapSchema = /* @__PURE__ */ z.strictObject({
  $schema: z.optional(z.string()),
  version: z.literal(1),
  id: name,
  label: z.optional(text),
  description: z.optional(text),
  read: z.optional(ReadingSchema),
  fields: z.array(FieldMappingSchema).check(z.maxLength(10_000)),
  events: z.optional(z.array(DerivedEventSchema).check(z.maxLength(1000))),
  keep: z.optional(z.enum(['none', 'custom'])),
  /** For a map of an activities table: how each row becomes an event (`mapActivity`). */
  activity: z.optional(ActivityMappingSchema),
});

/**
 * A field map, format version 1.
 *
 * @category CRM data
 */
export type FieldMap = z.infer<typeof FieldMapSchema>;
/**
 * One field of a {@link FieldMap}.
 *
 * @category CRM data
 */
export type FieldMapping = z.infer<typeof FieldMappingSchema>;
/**
 * How a {@link FieldMap} of an activities table makes an event of each row.
 *
 * @category CRM data
 */
export type ActivityMapping = z.infer<typeof ActivityMappingSchema>;
/**
 * An event a {@link FieldMap} makes from a date column.
 *
 * @category CRM data
 */
export type DerivedEvent = z.infer<typeof DerivedEventSchema>;
