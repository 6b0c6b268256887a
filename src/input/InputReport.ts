// The data-quality report of a lead file: types only.
import type { Issue } from '../internal/issues';
import type { FieldMap } from '../schema/fieldMap';
import type { ReadingInput } from '../schema/reading';

/**
 * Options of {@link createInputInspector} and {@link inspectInput}.
 *
 * @category CRM data
 */
export interface InputInspectorOptions {
  /** The config the leads are for (its JSON, or a preset): which facts and events it reads. */
  readonly config?: unknown;
  /** The field map rows are read with; without one, rows are leads (dotted columns nest: `company.employees`). */
  readonly map?: FieldMap;
  /** The lead path of the id, for duplicates. Default `id`. */
  readonly idPath?: string;
  /** How values are read when the inspector reads rows itself (`decimal`, `missing`, …), as for `parseLead`. */
  readonly reading?: ReadingInput;
  /**
   * Events of a separate file by lead id (as `leadId,type,at` rows grouped): joined to each lead read
   * by its id, and counted (events matching no lead are reported). Leave it out when `add` is given
   * leads already joined.
   */
  readonly events?: ReadonlyMap<string, readonly unknown[]>;
  /** The built-in maps `guessMap` tries (default: HubSpot contacts and Salesforce leads). */
  readonly candidates?: readonly FieldMap[];
}

/**
 * Values of one column that could not be read (or are ambiguous): how many, a few, and where.
 *
 * @category CRM data
 */
export interface ColumnProblem {
  /** The source column (with a map), or the lead path (`company.employees`; `events` for events). */
  readonly column: string;
  readonly count: number;
  /** Up to three distinct values, as issues describe them (`the string "lots"`). */
  readonly examples: readonly string[];
  /** The first lines (up to five) where it happens. */
  readonly lines: readonly number[];
  /** What was expected there. */
  readonly expected?: string;
}

/**
 * A fact the config reads: where it comes from and how many leads have it.
 *
 * @category CRM data
 */
export interface FactCoverage {
  readonly fact: string;
  /** The columns it is read from: the map's source columns, or the dotted path itself. */
  readonly columns: readonly string[];
  /** The column found in the headers (`(events file)` for events joined from one); `null` when none is; absent when headers are not known. */
  readonly column?: string | null;
  /** Leads that have it, and their share of the leads (to 4 decimals). */
  readonly leads: number;
  readonly share: number;
}

/**
 * A problem of the input: a code, what is wrong, and the likely fix.
 *
 * @category CRM data
 */
export interface InputProblem {
  readonly code:
    | 'no_leads'
    | 'nothing_read'
    | 'map_columns_absent'
    | 'unmapped_rows'
    | 'columns_absent'
    | 'unreadable_values'
    | 'ambiguous_numbers'
    | 'duplicate_ids'
    | 'empty_rows'
    | 'events_unused'
    | 'truncated';
  readonly message: string;
  readonly fix?: string;
}

/**
 * Whether the input is worth classifying: problems fail a run, warnings are said once.
 *
 * @category CRM data
 */
export interface InputVerdict {
  /** `false` when there is a problem: nothing useful was read. */
  readonly ok: boolean;
  readonly problems: readonly InputProblem[];
  readonly warnings: readonly InputProblem[];
}

/**
 * The data-quality report of a lead file.
 *
 * @category CRM data
 */
export interface InputReport {
  /** Rows seen (empty ones included), empty rows (every cell blank, skipped) and leads (the other rows). */
  readonly rows: number;
  readonly emptyRows: number;
  readonly leads: number;
  /** The file's columns, when given. */
  readonly headers?: readonly string[];
  /** The map used (its id), and the built-in map the headers look like (with its fit). */
  readonly map?: string;
  readonly guessedMap?: {
    readonly id: string;
    readonly label: string;
    readonly share: number;
    readonly present: number;
    readonly columns: number;
  };
  /** The map's columns absent from the headers (each with its other names: `annualrevenue / Annual Revenue`), and the headers it does not read. */
  readonly mapColumnsAbsent: readonly string[];
  readonly columnsIgnored: readonly string[];
  /** Each fact and event type the config reads: its columns, and the share of leads that have it. */
  readonly facts: readonly FactCoverage[];
  readonly events: readonly FactCoverage[];
  /** Values that could not be read, by column, most frequent first. */
  readonly unreadable: readonly ColumnProblem[];
  /** Numbers such as `30.000` with no declared decimal separator, by column. */
  readonly ambiguous: readonly ColumnProblem[];
  /** Rows whose id was seen before, and the ids (up to 20) with the line of their first row. */
  readonly duplicates: {
    readonly rows: number;
    readonly ids: ReadonlyArray<{ readonly id: string; readonly line: number; readonly count: number }>;
  };
  /** With `events`: the lead ids and events of the events file, and how many match a lead read. */
  readonly joined?: {
    readonly ids: number;
    readonly events: number;
    readonly matchedIds: number;
    readonly matchedEvents: number;
  };
  /** Rows that had no field of the canonical lead (read without a map). */
  readonly unmappedRows: number;
  /** Issues by code (`invalid_value`, `ambiguous_number`, `events_truncated`, …). */
  readonly issues: Readonly<Record<string, number>>;
  readonly verdict: InputVerdict;
}

/**
 * An incremental inspector: give it the headers, then each row; read the report at any point.
 *
 * @category CRM data
 */
export interface InputInspector {
  /** The file's column names (CSV headers), before the rows. */
  columns(headers: readonly string[]): void;
  /**
   * One row, with its line; `read` is what `mapLead`/`parseLead` gave for it when the caller read it
   * already (then the inspector does not read it again). Never throws on row data.
   */
  add(
    row: unknown,
    line?: number,
    read?: { readonly lead: unknown; readonly issues: readonly Issue[] },
  ): void;
  /** The report of what was added so far. */
  result(): InputReport;
}
