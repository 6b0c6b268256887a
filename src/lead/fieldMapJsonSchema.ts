import * as z from 'zod/mini';
import { PACKAGE_MAJOR } from '../internal/version';
import { FieldMapSchema } from '../schema/fieldMap';

/**
 * The JSON Schema (draft 2020-12) of the field map format, generated from its zod schema, for editors.
 * Also shipped as `leadstage/field-map.schema.json`: point a map's `$schema` at it.
 *
 * @returns a JSON Schema object
 *
 * @example
 * fieldMapJsonSchema().required;
 * //=> ['version', 'id', 'fields']
 *
 * @category CRM data
 */
export function fieldMapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(FieldMapSchema) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://unpkg.com/leadstage@${PACKAGE_MAJOR}/field-map.schema.json`,
    title: 'leadstage field map (format version 1)',
  };
}
