import * as z from 'zod/mini';

const words = /* @__PURE__ */ z.array(z.string()).check(z.maxLength(1000));

/**
 * How lead values are read (the one reading rule's settings): the decimal separator, placeholders that
 * mean "not known", the words read as booleans, and a date format for dates that are not ISO 8601.
 * Used by a config's `read` and `facts`, by field maps, and by `parseLead`.
 *
 * @example
 * ReadingSchema.safeParse({ decimal: ',', missing: ['Select', 'N/A'], dateFormat: 'dd/MM/yyyy' }).success;
 * //=> true
 *
 * @category CRM data
 */
export const ReadingSchema = /* @__PURE__ */ z.strictObject({
  decimal: z.optional(z.enum(['.', ','])),
  missing: z.optional(words),
  true: z.optional(words),
  false: z.optional(words),
  dateFormat: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
});

/**
 * The types a declared fact or a mapped field is read as.
 *
 * @example
 * FACT_TYPES.includes('enum');
 * //=> true
 *
 * @category CRM data
 */
export const FACT_TYPES = ['string', 'number', 'boolean', 'date', 'enum', 'list'] as const;

/**
 * The type a declared fact or a mapped field is read as.
 *
 * @category CRM data
 */
export type FactType = (typeof FACT_TYPES)[number];

const text = /* @__PURE__ */ z.union([z.string(), z.record(z.string(), z.string())]);

/**
 * A custom fact a config reads, declared so conditions read it by the same rule as the canonical lead:
 * its type, the enum values and aliases it may take, and its own placeholders, decimal separator,
 * boolean words or date format. The lint warns about fact paths that are neither canonical nor declared.
 *
 * @example
 * FactDeclarationSchema.safeParse({ type: 'boolean', missing: ['Select'] }).success;
 * //=> true
 *
 * @category CRM data
 */
export const FactDeclarationSchema = /* @__PURE__ */ z.strictObject({
  ...ReadingSchema.shape,
  type: z.optional(z.enum(FACT_TYPES)),
  values: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(1000))),
  aliases: z.optional(z.record(z.string(), z.string())),
  label: z.optional(text),
  description: z.optional(text),
});

/**
 * A reading's settings, as written in JSON.
 *
 * @category CRM data
 */
export type ReadingInput = z.infer<typeof ReadingSchema>;
/**
 * A custom fact's declaration, as written in a config's `facts`.
 *
 * @category CRM data
 */
export type FactDeclaration = z.infer<typeof FactDeclarationSchema>;
