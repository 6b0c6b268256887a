// `--outcome <column>`: the column found as maps find theirs (case-insensitive, trimmed), its values read
// by one outcome reader, and how many were readable.
import { readOutcome } from 'leadstage';
import { CliError } from './errors';
import { closest } from './text';
import { type Words, wordsFor } from './words';

/**
 * Whether a lead converted, from an outcome cell: the library's {@link readOutcome} (booleans, `1`/`0`,
 * `yes`/`no`, `won`/`lost` and CRM stage names however cased and spaced; open stages are undefined).
 */
export { readOutcome };

const normal = (name: string) => name.trim().toLowerCase();

/**
 * The column an `--outcome` names among a file's columns: exact, else case-insensitive and trimmed.
 * A usage error (exit 2) with "did you mean" when none matches.
 */
export function resolveOutcomeColumn(column: string, headers: readonly string[]): string {
  if (headers.includes(column)) return column;
  const found = headers.find((header) => normal(header) === normal(column));
  if (found !== undefined) return found;
  const suggestion = closest(column, headers);
  throw new CliError(
    `--outcome ${JSON.stringify(column)}: no such column${suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`} (columns: ${headers
      .slice(0, 20)
      .map((header) => JSON.stringify(header))
      .join(', ')}${headers.length > 20 ? ', …' : ''})`,
    2,
  );
}

/** The value of a column of a raw row: the column itself, else a dotted path into a nested row. */
export function cellOf(row: Record<string, unknown>, column: string): unknown {
  if (Object.hasOwn(row, column)) return row[column];
  return column
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object' && Object.hasOwn(node, key)
          ? (node as Record<string, unknown>)[key]
          : undefined,
      row,
    );
}

/** The outcome of each row from `--outcome`, and how many were readable. */
export class OutcomeColumn {
  private resolved: string | undefined;
  private readonly seen = new Set<string>();
  readable = 0;
  rows = 0;
  private present = false;

  constructor(readonly column: string) {}

  /** Resolves the column on a CSV header: a usage error when absent. */
  headers(headers: readonly string[], complete: boolean): void {
    for (const header of headers) this.seen.add(header);
    if (this.resolved !== undefined) return;
    if (complete) this.resolved = resolveOutcomeColumn(this.column, headers);
    else {
      const found =
        headers.find((header) => header === this.column) ??
        headers.find((header) => normal(header) === normal(this.column));
      if (found !== undefined) this.resolved = found;
    }
  }

  /** The outcome of a row (its raw cells). */
  read(row: Record<string, unknown>): boolean | undefined {
    this.rows++;
    const value = cellOf(row, this.resolved ?? this.column);
    if (value !== undefined) this.present = true;
    const outcome = readOutcome(value);
    if (outcome !== undefined) this.readable++;
    return outcome;
  }

  /** After the rows: a usage error when no row had the column (JSON, NDJSON). */
  check(): void {
    if (this.resolved === undefined && !this.present && this.rows > 0)
      resolveOutcomeColumn(this.column, [...this.seen]);
  }

  /** Before classifying: a usage error when none of the first rows has the column (JSON, NDJSON). */
  checkRows(rows: readonly Record<string, unknown>[]): void {
    if (
      this.resolved === undefined &&
      rows.length > 0 &&
      rows.every((row) => cellOf(row, this.column) === undefined)
    )
      resolveOutcomeColumn(this.column, [...this.seen]);
  }

  /** The summary line: n readable of m. */
  summary(w: Words = wordsFor('en')): string {
    return w.t.run.outcomes(JSON.stringify(this.resolved ?? this.column), this.readable, this.rows);
  }
}
