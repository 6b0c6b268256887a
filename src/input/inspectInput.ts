import { createInputInspector } from './createInputInspector';
import type { InputInspectorOptions, InputReport } from './InputReport';

/**
 * Options of {@link inspectInput}: the inspector's, and the file's column names.
 *
 * @category CRM data
 */
export interface InspectInputOptions extends InputInspectorOptions {
  /** The column names (CSV headers); without them, the columns of a map are taken from the first row. */
  readonly headers?: readonly string[];
  /** The line of the first row (default 2: a CSV's first row comes after its headers). */
  readonly firstLine?: number;
}

/**
 * The data-quality report of rows in memory (see `createInputInspector`): the columns the config reads
 * and the share of leads with each fact, map columns absent, a guessed built-in map, unreadable and
 * ambiguous values per column, duplicate ids, empty rows, and a verdict. Never throws on row data.
 *
 * @param rows - the rows of an export (CSV records, API objects) or leads
 * @param options - `config`, `map`, `idPath`, `headers`
 * @returns the {@link InputReport}
 * @throws {ConfigError} when `map` is not a valid field map
 *
 * @example
 * inspectInput([{ id: 'a', budget: { amount: '€40.000' } }, { id: 'a' }, {}], { config: presets.saas }).ambiguous;
 * //=> [{ column: 'budget.amount', count: 1, examples: ['the string "€40.000"'], lines: [2], expected: 'a number with a declared decimal separator' }]
 *
 * @category CRM data
 */
export function inspectInput(rows: Iterable<unknown>, options: InspectInputOptions = {}): InputReport {
  const inspector = createInputInspector(options);
  let line = options.firstLine ?? 2;
  let first = true;
  for (const row of rows) {
    if (first) {
      first = false;
      const headers =
        options.headers ??
        (options.map !== undefined && row !== null && typeof row === 'object' ? Object.keys(row) : undefined);
      if (headers !== undefined) inspector.columns(headers);
    }
    inspector.add(row, line++);
  }
  if (first && options.headers !== undefined) inspector.columns(options.headers);
  return inspector.result();
}
