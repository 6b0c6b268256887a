// `--as-of-column <column>`: each row classified at the instant its own column holds (the day a deal was
// engaged), through the batch API's per-lead asOf. The column is found as `--outcome` finds its own (the
// file's column, exact, else case-insensitive and trimmed; else a lead path after --map), and read by the
// library's date rule (ISO 8601, epoch ms, `read.dateFormat` / --date-format): a date is its first
// instant, UTC. A row whose cell is blank or unreadable is SKIPPED, counted once per cause, never
// classified at --as-of instead: a back-test that silently mixes in another moment is the pooled snapshot
// the column exists to avoid (docs/cli.md).
import { compileFieldMap } from 'leadstage';
import type { Diagnostics } from './diagnostics';
import { CliError } from './errors';
import { cellOf } from './outcome';
import { closest } from './text';

const normal = (name: string) => name.trim().toLowerCase();

export class AsOfColumn {
  private resolved: string | undefined;
  private readonly read: ReturnType<typeof compileFieldMap>;
  /** Rows classified at their own instant. */
  classified = 0;
  /** Rows skipped: a blank cell. */
  blank = 0;
  /** Rows skipped: a cell that is no date. */
  unreadable = 0;

  constructor(
    readonly column: string,
    reading: Record<string, unknown>,
    private readonly diagnostics: Diagnostics,
    private readonly file: string,
  ) {
    // one date field, read as map fields are: the library's rule, with the run's date format
    this.read = compileFieldMap({
      version: 1,
      id: 'as-of-column',
      ...(reading.dateFormat === undefined ? {} : { read: { dateFormat: reading.dateFormat as string } }),
      fields: [{ from: '@', to: 'at', type: 'date' }],
    });
  }

  /** Before any lead: a CSV's header row has the column, or the run is a usage error (exit 2). */
  headers(headers: readonly string[], complete: boolean): void {
    if (this.resolved !== undefined) return;
    const found =
      headers.find((header) => header === this.column) ??
      headers.find((header) => normal(header) === normal(this.column));
    if (found !== undefined) this.resolved = found;
    else if (complete) {
      const suggestion = closest(this.column, headers);
      throw new CliError(
        `--as-of-column ${JSON.stringify(this.column)}: no such column${suggestion === undefined ? '' : `; did you mean \`${suggestion}\`?`} (columns: ${headers
          .slice(0, 20)
          .map((header) => JSON.stringify(header))
          .join(', ')}${headers.length > 20 ? ', …' : ''})`,
        2,
      );
    }
  }

  /** The instant of a row (ISO, UTC), or undefined when the row is skipped (and reported). */
  at(row: Record<string, unknown>, lead: Record<string, unknown>, line: number): string | undefined {
    let value = cellOf(row, this.resolved ?? this.column);
    if (value === undefined) value = cellOf(lead, this.column);
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.blank++;
      this.diagnostics.warn({
        file: this.file,
        line,
        cause: `column ${JSON.stringify(this.resolved ?? this.column)} (--as-of-column): blank, row skipped`,
        noun: 'row',
        hint: 'each row is classified at its own instant; rows without one are left out, not classified at --as-of',
      });
      return undefined;
    }
    const { lead: read } = this.read({ '@': value });
    const at = (read as { at?: unknown }).at;
    if (typeof at !== 'string') {
      this.unreadable++;
      this.diagnostics.warn({
        file: this.file,
        line,
        cause: `column ${JSON.stringify(this.resolved ?? this.column)} (--as-of-column): not a date, row skipped`,
        noun: 'row',
        example: value,
        hint: 'write ISO 8601 dates (2026-06-30 or 2026-06-30T09:00:00Z), or set --date-format',
      });
      return undefined;
    }
    this.classified++;
    return at;
  }

  /** After the rows: a run that classified nothing at its own instant fails (exit 1). */
  check(): void {
    if (this.classified === 0 && this.blank + this.unreadable > 0)
      throw new CliError(
        `--as-of-column ${JSON.stringify(this.resolved ?? this.column)}: no row has a readable instant (${this.blank} blank, ${this.unreadable} not a date); nothing was classified`,
      );
  }

  /** The run summary's line. */
  summary(): string {
    const skipped = this.blank + this.unreadable;
    return `as of each row's ${JSON.stringify(this.resolved ?? this.column)}: ${this.classified.toLocaleString('en')} rows classified${skipped === 0 ? '' : `, ${skipped.toLocaleString('en')} skipped (${this.blank.toLocaleString('en')} blank, ${this.unreadable.toLocaleString('en')} not a date)`}`;
  }
}
