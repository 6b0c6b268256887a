import * as z from 'zod/mini';
import { defaultOperators } from '../dsl/operators';
import { PACKAGE_MAJOR } from '../internal/version';
import {
  ConfigSkeletonSchema,
  conditionSlot,
  durationSlot,
  eventTypesSlot,
  gradesSlot,
  whereSlot,
} from '../schema/config';
import { DurationSchema } from '../schema/duration';
import {
  CONDITION_KINDS,
  COUNT_KEYS,
  type ConditionKind,
  MEMBER_AGGREGATES,
  NUMBER_COMPARISONS,
  OPERATOR_NAMES,
  STATUSES,
} from '../schema/grammar';

type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

function operandSchema(schema: z.ZodMiniType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema) as JsonSchema;
  return rest;
}

function conditionDefs(): Record<string, JsonSchema> {
  const factOperators = Object.fromEntries(
    OPERATOR_NAMES.map((name) => {
      const definition = defaultOperators[name];
      return [name, { ...operandSchema(definition.operand), description: definition.expected }];
    }),
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
  const count = {
    type: 'object',
    properties: Object.fromEntries(COUNT_KEYS.map((key) => [key, { type: 'integer', minimum: 0 }])),
    additionalProperties: false,
    minProperties: 1,
  };
  // one entry per kind of the grammar: a kind added there and not here fails to compile
  const kinds: Record<ConditionKind, JsonSchema> = {
    all: kind('all', { all: list }),
    any: kind('any', { any: list }),
    not: kind('not', { not: ref('condition') }),
    atLeast: kind(
      'atLeast',
      { atLeast: { type: 'integer', minimum: 1 }, of: list },
      { required: ['atLeast', 'of'] },
    ),
    criterion: kind('criterion', {
      criterion: name,
      is: { enum: [...STATUSES], description: 'tests the criterion status; never unknown itself' },
    }),
    fact: kind(
      'fact',
      {
        fact: { ...name, description: 'A dotted path into the lead, e.g. "budget.amount"' },
        ...factOperators,
      },
      { minProperties: 2 },
    ),
    event: kind('event', {
      event: ref('eventTypes'),
      withinLast: ref('duration'),
      count,
      where: ref('where'),
    }),
    score: kind(
      'score',
      { score: { ...name, description: '"total" or a scoring group id' }, ...numberComparisons },
      { minProperties: 2 },
    ),
    members: kind('members', {
      members: {
        type: 'object',
        description:
          'Account configs only: the members that pass "where" (a lead condition) and are at "stage", counted, or a score of theirs aggregated',
        properties: {
          where: ref('condition'),
          stage: ref('eventTypes'),
          count,
          score: { ...name, description: '"total" or a scoring group of the lead config' },
          ...Object.fromEntries(
            MEMBER_AGGREGATES.map((key) => [
              key,
              {
                type: 'object',
                properties: numberComparisons,
                additionalProperties: false,
                minProperties: 1,
              },
            ]),
          ),
        },
        additionalProperties: false,
      },
    }),
    roles: kind('roles', {
      roles: {
        type: 'object',
        description:
          "Account configs only: every role is held by a member (read from the member's authority.role, or fact)",
        required: ['require'],
        properties: {
          require: { type: 'array', minItems: 1, maxItems: 20, items: name },
          fact: { ...name, description: 'The member fact that holds a role; default authority.role' },
        },
        additionalProperties: false,
      },
    }),
  };
  return {
    condition: {
      description: `A condition: an object with exactly one of ${CONDITION_KINDS.join(', ')}.`,
      anyOf: CONDITION_KINDS.map((key) => kinds[key]),
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
 *
 * @category Configs
 */
export function configJsonSchema(): Record<string, unknown> {
  const slots = new Map<unknown, JsonSchema>([
    [conditionSlot, ref('condition')],
    [durationSlot, ref('duration')],
    [eventTypesSlot, ref('eventTypes')],
    [whereSlot, ref('where')],
    [
      gradesSlot,
      {
        type: 'object',
        description:
          'Two scores ("total" or scoring groups): the first gives the letter, the second the digit',
        minProperties: 2,
        maxProperties: 2,
        additionalProperties: {
          type: 'object',
          description:
            'Labels best first, each with the lowest score that earns it; a last label with null takes the scores below',
          minProperties: 1,
          maxProperties: 100,
          propertyNames: { pattern: '^[A-Za-z0-9_]{1,20}$' },
          additionalProperties: { anyOf: [{ type: 'number' }, { type: 'null' }] },
        },
      },
    ],
  ]);
  const schema = z.toJSONSchema(ConfigSkeletonSchema, {
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const replacement = slots.get(zodSchema);
      if (replacement !== undefined) Object.assign(jsonSchema, replacement);
    },
  }) as JsonSchema;
  return {
    ...schema,
    $id: `https://unpkg.com/leadstage@${PACKAGE_MAJOR}/schema.json`,
    title: 'leadstage config (format version 1)',
    $defs: { ...((schema.$defs as JsonSchema | undefined) ?? {}), ...conditionDefs() },
  };
}
