// The values a config reads, checked as it reads them: the inspector's fast path for rows that are
// leads already (no map), instead of reading every field with parseLead.
import { preparerFor, UNREADABLE } from '../dsl/factReading';
import { compilePath, type PathReader } from '../internal/path';
import {
  type CompiledReading,
  compileReading,
  isAmbiguousNumber,
  isMissing,
  readBoolean,
  readInstant,
  readNumber,
} from '../internal/read';
import { LEAD_FIELD_READINGS } from '../schema/lead';
import type { FactDeclaration, ReadingInput } from '../schema/reading';

/** What checking one value found. */
export const PRESENT = 0;
export const ABSENT = 1;
export const UNREADABLE_VALUE = 2;
export const AMBIGUOUS = 3;

/** How one fact path is read from a row and checked. */
export interface FactCheck {
  readonly path: string;
  /** The value at the path: a dotted column of a flat row (`company.employees`), or the nested path. */
  readonly value: (row: Record<string, unknown>) => unknown;
  /** PRESENT, ABSENT, UNREADABLE_VALUE or AMBIGUOUS. */
  readonly check: (value: unknown) => number;
  readonly expected: string;
}

function checker(
  type: string | undefined,
  reading: CompiledReading,
  declaration: FactDeclaration | undefined,
): { check: (value: unknown) => number; expected: string } {
  const absent = (value: unknown) => isMissing(value, reading);
  if (
    declaration?.type !== undefined ||
    declaration?.values !== undefined ||
    declaration?.aliases !== undefined
  ) {
    const prepare = preparerFor(declaration, reading);
    if (prepare !== undefined) {
      const number = declaration.type === 'number';
      return {
        check: (value) =>
          absent(value)
            ? ABSENT
            : prepare(value) !== UNREADABLE
              ? PRESENT
              : number && isAmbiguousNumber(value, reading)
                ? AMBIGUOUS
                : UNREADABLE_VALUE,
        expected: `a ${declaration.type ?? 'value'} as the config declares it`,
      };
    }
  }
  switch (type) {
    case 'number':
      return {
        check: (value) =>
          absent(value)
            ? ABSENT
            : !Number.isNaN(readNumber(value, reading))
              ? PRESENT
              : isAmbiguousNumber(value, reading)
                ? AMBIGUOUS
                : UNREADABLE_VALUE,
        expected: 'a number such as "12000" or "12,000"',
      };
    case 'boolean':
      return {
        check: (value) =>
          absent(value) ? ABSENT : readBoolean(value, reading) === undefined ? UNREADABLE_VALUE : PRESENT,
        expected: 'a boolean ("true", "false", "yes", "no", 1, 0)',
      };
    case 'date':
      return {
        check: (value) =>
          absent(value) ? ABSENT : Number.isNaN(readInstant(value, reading)) ? UNREADABLE_VALUE : PRESENT,
        expected: 'an ISO 8601 date such as "2026-08-15", or one in the date format given',
      };
    default:
      return { check: (value) => (absent(value) ? ABSENT : PRESENT), expected: 'a value' };
  }
}

/** A reader of a path from a flat row with dotted columns, or from a nested lead. */
function valueReader(path: string): (row: Record<string, unknown>) => unknown {
  const nested: PathReader = compilePath(path);
  if (!path.includes('.')) return nested as (row: Record<string, unknown>) => unknown;
  return (row) => (Object.hasOwn(row, path) ? row[path] : nested(row));
}

/**
 * The checks of the facts a config reads, by the config's `read` and its declared `facts`; canonical
 * fields by their type. `config` is the config's JSON.
 */
export function factChecks(paths: readonly string[], config: unknown): readonly FactCheck[] {
  const { read, facts } = (config ?? {}) as {
    read?: ReadingInput;
    facts?: Readonly<Record<string, FactDeclaration>>;
  };
  const global = compileReading(read ?? {});
  return paths.map((path) => {
    const declaration = facts !== undefined && Object.hasOwn(facts, path) ? facts[path] : undefined;
    const reading = declaration === undefined ? global : compileReading(declaration, global);
    const { check, expected } = checker(LEAD_FIELD_READINGS.get(path)?.type, reading, declaration);
    return { path, value: valueReader(path), check, expected };
  });
}
