/// <reference types="node" />
// `leadstage check-data`: what a lead file holds for a config, before anything is classified — the
// columns the config reads (through the map), unreadable and ambiguous values by column, duplicates,
// empty rows — and a verdict that fails when nothing useful would be read. `preflight` is the same
// inspection, printing nothing, for the commands that classify.
import { createInputInspector, type FieldMap, guessMap, type InputReport, maps } from 'leadstage';
import { Diagnostics } from './diagnostics';
import { activityMapOf, EventTable, eventReader, typesReadBy } from './events';
import { CliError, delimiterOf, loadConfig, loadMap, readRows } from './input';

/** What {@link preflight} found: the report, rows the reader skipped, and the map used (given or guessed). */
export interface PreflightResult {
  readonly report: InputReport;
  /** Rows that could not be read at all (bad CSV rows, invalid JSON lines), skipped. */
  readonly skippedRows: number;
  /** The map the rows were read with, and how it was chosen. */
  readonly map: FieldMap | undefined;
  readonly mapSource: 'given' | 'auto' | 'none';
}

type Values = Record<string, string | boolean | undefined>;

/**
 * Inspects a lead file as the commands read it (`--config`, `--map` with `auto`, `--events`,
 * `--input-format`), printing nothing: the caller decides what to say and whether to stop. A file
 * is read whole for it, so stdin (`-`) cannot be inspected and then classified.
 */
export async function preflight(file: string, values: Values): Promise<PreflightResult> {
  const config = typeof values.config === 'string' ? loadConfig(values.config) : undefined;
  const mapName = typeof values.map === 'string' ? values.map : undefined;
  let map = mapName === undefined || mapName === 'auto' ? undefined : loadMap(mapName);
  const delimiter = delimiterOf(values.delimiter as string | undefined);
  // the inspector says what is wrong: reading problems are counted, not printed
  const diagnostics = new Diagnostics({ quiet: true, strict: false, maxWarnings: 0 });
  let events: ReadonlyMap<string, readonly unknown[]> | undefined;
  if (typeof values.events === 'string') {
    const eventsMap =
      typeof values['events-map'] === 'string' ? activityMapOf(values['events-map'], loadMap) : undefined;
    const table = new EventTable(values.events, typesReadBy(config ?? {}));
    const add = eventReader(table, eventsMap, diagnostics);
    let headers: readonly string[] = [];
    for await (const { raw, line } of readRows(values.events, {
      nestHeaders: false,
      delimiter,
      diagnostics,
      onHeaders: (found) => {
        headers = found;
      },
    })) {
      add(raw, line, headers);
    }
    events = table.byLead;
  }
  const eventRows = diagnostics.counts.unreadableRows;
  const eventEmpty = diagnostics.counts.empty;
  const rows: Array<{ value: Record<string, unknown>; line: number }> = [];
  for await (const { raw, line } of readRows(file, {
    formatFlag: values['input-format'] as string | undefined,
    nestHeaders: false,
    delimiter,
    diagnostics,
  })) {
    rows.push({ value: raw, line });
  }
  const skippedRows = diagnostics.counts.unreadableRows - eventRows;
  const first = rows[0]?.value;
  // CSV rows are flat text: their keys are the headers
  const flat = first !== undefined && Object.values(first).every((value) => typeof value === 'string');
  const headers = first !== undefined && (flat || map !== undefined) ? Object.keys(first) : undefined;
  let mapSource: PreflightResult['mapSource'] = map === undefined ? 'none' : 'given';
  if (mapName === 'auto') {
    const guess = headers === undefined ? undefined : guessMap(headers);
    if (guess === undefined) {
      throw new CliError(
        `--map auto: no built-in map fits the columns of ${file} (${(headers ?? []).slice(0, 5).join(', ') || 'no header'}); name one: --map ${Object.keys(maps).join('|')} or a map file`,
        2,
      );
    }
    map = guess.map;
    mapSource = 'auto';
  }
  const inspector = createInputInspector({
    ...(config === undefined ? {} : { config }),
    ...(map === undefined ? {} : { map }),
    ...(events === undefined ? {} : { events }),
  });
  if (headers !== undefined) inspector.columns(headers);
  for (const { value, line } of rows) inspector.add(value, line);
  // the reader skips empty rows; the inspector counts them (and warns) as it would have
  for (let empty = diagnostics.counts.empty - eventEmpty; empty > 0; empty--) inspector.add({}, undefined);
  return { report: inspector.result(), skippedRows, map, mapSource };
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const quoteList = (items: readonly string[]) => items.map((item) => `"${item}"`).join(', ');

/** The human report: what was read, by column, then the problems and warnings with their fixes. */
export function formatReport(file: string, result: PreflightResult): string {
  const { report, skippedRows, map, mapSource } = result;
  const lines: string[] = [];
  lines.push(
    `${file}: ${report.rows.toLocaleString('en')} row${report.rows === 1 ? '' : 's'}, ${report.leads.toLocaleString('en')} lead${report.leads === 1 ? '' : 's'}` +
      `${report.emptyRows > 0 ? `, ${report.emptyRows} empty` : ''}${skippedRows > 0 ? `, ${skippedRows} unreadable row${skippedRows === 1 ? '' : 's'} skipped` : ''}`,
  );
  const guess = report.guessedMap;
  if (map !== undefined) {
    lines.push(
      `map: ${map.id}${mapSource === 'auto' && guess !== undefined ? ` (guessed from the headers: ${guess.present} of its ${guess.columns} columns present)` : ''}`,
    );
  } else {
    lines.push(
      `map: none${guess === undefined ? '' : ` — the headers look like ${guess.label} (${guess.present} of its ${guess.columns} columns present): try --map ${guess.id}`}`,
    );
  }
  // events no lead has, in one line: a preset reads a dozen types
  const noEvents = report.events.length > 1 && report.events.every((event) => event.leads === 0);
  const read = [
    ...report.facts,
    ...(noEvents ? [] : report.events.map((event) => ({ ...event, fact: `event ${event.fact}` }))),
  ];
  if (read.length > 0) {
    lines.push('', 'What the config reads:');
    const width = Math.max(...read.map((fact) => fact.fact.length));
    for (const fact of read) {
      const where =
        fact.column === undefined
          ? ''
          : fact.column === null
            ? fact.columns.length === 0
              ? 'the map reads no column for it'
              : `no column (${quoteList(fact.columns.slice(0, 3))})`
            : fact.column.startsWith('(')
              ? fact.column
              : `column "${fact.column}"`;
      lines.push(
        `  ${fact.fact.padEnd(width)}  ${percent(fact.share).padStart(6)} of leads  ${where}`.trimEnd(),
      );
    }
  }
  if (noEvents) {
    lines.push(
      `  events: none of the ${report.events.length} types it reads in any lead (${report.events
        .slice(0, 4)
        .map((event) => event.fact)
        .join(', ')}, …)`,
    );
  }
  if (report.mapColumnsAbsent.length > 0)
    lines.push(
      '',
      `Map columns absent (${report.mapColumnsAbsent.length}): ${report.mapColumnsAbsent.join(', ')}`,
    );
  if (report.columnsIgnored.length > 0)
    lines.push(
      `Columns the map does not read (${report.columnsIgnored.length}): ${report.columnsIgnored.join(', ')}`,
    );
  const columnProblems = (title: string, list: InputReport['unreadable']) => {
    if (list.length === 0) return;
    lines.push('', title);
    for (const column of list) {
      lines.push(
        `  ${column.column}: ${column.count} (${column.examples.join(', ')}) on line${column.lines.length === 1 ? '' : 's'} ${column.lines.join(', ')}${column.count > column.lines.length ? ', …' : ''}${column.expected === undefined ? '' : `; expected ${column.expected}`}`,
      );
    }
  };
  columnProblems('Unreadable values, by column:', report.unreadable);
  columnProblems('Ambiguous numbers (thousands or decimals?), by column:', report.ambiguous);
  if (report.duplicates.rows > 0) {
    lines.push(
      '',
      `Duplicate ids: ${report.duplicates.rows} row${report.duplicates.rows === 1 ? '' : 's'}; ${report.duplicates.ids
        .slice(0, 5)
        .map(({ id, line, count }) => `"${id}" ×${count} (first on line ${line})`)
        .join(', ')}`,
    );
  }
  if (report.joined !== undefined) {
    const joined = report.joined;
    lines.push(
      '',
      `Events: ${joined.events} for ${joined.ids} lead ids; ${joined.matchedEvents} match a lead (${joined.matchedIds} ids), ${joined.events - joined.matchedEvents} match none`,
    );
  }
  const verdict = report.verdict;
  if (verdict.problems.length > 0 || verdict.warnings.length > 0) lines.push('');
  for (const problem of verdict.problems)
    lines.push(`error: ${problem.message}${problem.fix === undefined ? '' : ` — ${problem.fix}`}`);
  for (const warning of verdict.warnings)
    lines.push(`warning: ${warning.message}${warning.fix === undefined ? '' : ` — ${warning.fix}`}`);
  lines.push(
    '',
    verdict.ok
      ? `${file}: ok${verdict.warnings.length > 0 ? ` (${verdict.warnings.length} warning${verdict.warnings.length === 1 ? '' : 's'})` : ''}`
      : `${file}: nothing useful would be read (${verdict.problems.length} problem${verdict.problems.length === 1 ? '' : 's'})`,
  );
  return `${lines.join('\n')}\n`;
}

/** The `check-data` command, registered in main.ts. */
export const checkDataCommand = {
  usage: `Usage: leadstage check-data <leads> [--config <file|preset>] [--map <name|file|auto>] [--events <file>] [--format text|json]

  What the file holds for the config, before classifying: the columns the config reads (through the
  map) and the share of leads that have each; map columns absent; the built-in map the headers look
  like (--map auto uses it); unreadable and ambiguous values by column with examples and lines;
  duplicate ids; empty rows. Exit 1 when nothing useful would be read (no column the config reads,
  the wrong map, no event matching a lead), with the likely fix.`,
  options: {
    config: { type: 'string', short: 'c' },
    map: { type: 'string' },
    events: { type: 'string' },
    'events-map': { type: 'string' },
    'input-format': { type: 'string' },
    delimiter: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as Record<string, { type: 'string' | 'boolean'; short?: string }>,
  async run(values: Values, positionals: string[]): Promise<number> {
    if (positionals.length !== 1)
      throw new CliError(
        `expected one lead file (or - for stdin), received ${positionals.length}\n\n${this.usage}`,
        2,
      );
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new CliError(`--format: expected text or json, received "${String(format)}"`, 2);
    const file = positionals[0] as string;
    const result = await preflight(file, values);
    if (format === 'json') {
      const { report, skippedRows, map, mapSource } = result;
      process.stdout.write(
        `${JSON.stringify({ file, map: map?.id ?? null, mapSource, skippedRows, ...report }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(formatReport(file === '-' ? '<stdin>' : file, result));
    }
    return result.report.verdict.ok ? 0 : 1;
  },
};
