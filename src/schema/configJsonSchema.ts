import * as z from 'zod/mini';
import { defaultOperators, NUMBER_COMPARISONS } from '../dsl/operators';
import { CONDITION_KINDS } from './condition';
import { ConfigSchema, conditionSlot, durationSlot, eventTypesSlot, whereSlot } from './config';
import { DurationSchema } from './duration';

type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

function operandSchema(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema) as JsonSchema;
  return rest;
}

function conditionDefs(): Record<string, JsonSchema> {
  const factOperators = Object.fromEntries(
    Object.entries(defaultOperators).map(([name, definition]) => [
      name,
      { ...operandSchema(definition.operand), description: definition.expected },
    ]),
  );
  const numberComparisons = Object.fromEntries(
    NUMBER_COMPARISONS.map((name) => [
      name,
      name === 'between'
        ? { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], minItems: 2, maxItems: 2 }
        : { type: 'number' },
    ]),
  );
  const list = { type: 'array', minItems: 1, items: ref('condition') };
  const kind = (key: string, properties: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({
    type: 'object',
    required: [key],
    properties,
    additionalProperties: false,
    ...extra,
  });
  const name = { type: 'string', minLength: 1 };
  return {
    condition: {
      description: `A condition: an object with exactly one of ${CONDITION_KINDS.join(', ')}.`,
      anyOf: [
        kind('all', { all: list }),
        kind('any', { any: list }),
        kind('not', { not: ref('condition') }),
        kind(
          'atLeast',
          { atLeast: { type: 'integer', minimum: 1 }, of: list },
          { required: ['atLeast', 'of'] },
        ),
        kind('criterion', { criterion: name }),
        kind(
          'fact',
          {
            fact: { ...name, description: 'A dotted path into the lead, e.g. "budget.amount"' },
            ...factOperators,
          },
          { minProperties: 2 },
        ),
        kind('event', {
          event: ref('eventTypes'),
          withinLast: ref('duration'),
          count: {
            type: 'object',
            properties: Object.fromEntries(
              ['gte', 'gt', 'lte', 'lt', 'eq'].map((key) => [key, { type: 'integer', minimum: 0 }]),
            ),
            additionalProperties: false,
            minProperties: 1,
          },
          where: ref('where'),
        }),
        kind(
          'score',
          { score: { ...name, description: '"total" or a scoring group id' }, ...numberComparisons },
          { minProperties: 2 },
        ),
      ],
    },
    factOperators: {
      type: 'object',
      properties: factOperators,
      additionalProperties: false,
      minProperties: 1,
    },
    where: { type: 'object', additionalProperties: ref('factOperators') },
    eventTypes: { anyOf: [name, { type: 'array', minItems: 1, items: name }] },
    duration: operandSchema(DurationSchema),
  };
}

/**
 * The JSON Schema (draft 2020-12) of the config format, generated from the zod schemas, for editors
 * and other languages. Also shipped as `leadstage/schema.json`: point a config's `$schema` at it.
 *
 * @returns a JSON Schema object
 *
 * @example
 * configJsonSchema().properties.version;
 * //=> { type: 'number', const: 1 }
 */
export function configJsonSchema(): Record<string, unknown> {
  const slots = new Map<unknown, JsonSchema>([
    [conditionSlot, ref('condition')],
    [durationSlot, ref('duration')],
    [eventTypesSlot, ref('eventTypes')],
    [whereSlot, ref('where')],
  ]);
  const schema = z.toJSONSchema(ConfigSchema, {
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const replacement = slots.get(zodSchema);
      if (replacement !== undefined) Object.assign(jsonSchema, replacement);
    },
  }) as JsonSchema;
  return {
    ...schema,
    $id: 'https://unpkg.com/leadstage/schema.json',
    title: 'leadstage config (format version 1)',
    $defs: { ...((schema.$defs as JsonSchema | undefined) ?? {}), ...conditionDefs() },
  };
}
