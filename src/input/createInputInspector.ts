import { describeValue, type Issue } from '../internal/issues';
import { compilePath } from '../internal/path';
import { isMissing } from '../internal/read';
import { mapLead } from '../lead/mapLead';
import { parseLead } from '../lead/parseLead';
import { configReads } from './configReads';
import { AMBIGUOUS, type FactCheck, factChecks, PRESENT, UNREADABLE_VALUE } from './factChecks';
import { guessMap, mapFit } from './guessMap';
import type {
  ColumnProblem,
  FactCoverage,
  InputInspector,
  InputInspectorOptions,
  InputProblem,
  InputReport,
} from './InputReport';
import { foldColumn, mapTargets } from './mapColumns';
import { unflatten } from './unflatten';

const MAX_EXAMPLES = 3;
const MAX_LINES = 5;
const MAX_DUPLICATES_SHOWN = 20;
const EVENTS_FILE = '(events file)';

interface ColumnTally {
  count: number;
  examples: string[];
  lines: number[];
  expected: string | undefined;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** A row whose every cell is blank (`,,,` in a CSV): no lead. */
function isEmptyRow(row: unknown): boolean {
  if (row === null || typeof row !== 'object') return false;
  for (const key in row) {
    if (!Object.hasOwn(row, key)) continue;
    const value = (row as Record<string, unknown>)[key];
    if (value !== null && typeof value === 'object' ? !isEmptyRow(value) : !isMissing(value)) return false;
  }
  return true;
}

/** Where an issue happened: its source column with a map; its lead path (`events` for events) without. */
function columnOf(issue: Issue, mapped: boolean): string {
  const path = issue.path;
  if (path.length === 0) return '(row)';
  if (path[0] === 'events') return 'events';
  if (mapped) return String(path[0]);
  return path.filter((segment) => typeof segment === 'string').join('.');
}

/**
 * A data-quality inspector for a lead file, incremental and cheap per row: the columns the config reads
 * (through the map) present or absent and the share of leads that have each fact; the map's columns
 * absent; the built-in map the headers look like; unreadable and ambiguous values per column with a
 * count, three examples and their first lines; duplicate ids; empty rows; and a verdict whose problems
 * should fail a run, each naming the likely fix. Never throws on row data.
 *
 * @param options - the `config` the leads are for, the field `map` rows are read with, the `idPath`
 * @returns an inspector: `columns(headers)`, `add(row, line)`, `result()`
 * @throws {ConfigError} when `map` is not a valid field map
 *
 * @example
 * const inspector = createInputInspector({ config: presets.saas });
 * inspector.columns(['Record ID', 'First Name', 'Last Name', 'Email', 'Company Name', 'Lifecycle Stage', 'Number of Employees']);
 * inspector.add({ 'Record ID': '1', 'First Name': 'Ana', 'Last Name': 'Rossi', Email: 'a@b.c', 'Company Name': 'Acme', 'Lifecycle Stage': 'lead', 'Number of Employees': '25-50' }, 2);
 * inspector.result().verdict.problems[0].fix;
 * //=> 'this looks like a HubSpot contacts export: try --map hubspot'
 *
 * @category CRM data
 */
export function createInputInspector(options: InputInspectorOptions = {}): InputInspector {
  const map = options.map;
  if (map !== undefined) mapLead({}, map); // checks the map once: a bad map throws here, not per row
  const reads = options.config === undefined ? { facts: [], events: [] } : configReads(options.config);
  const readId = compilePath(options.idPath ?? 'id');
  const factReaders = reads.facts.map((fact) => compilePath(fact));
  const factLeads = reads.facts.map(() => 0);
  const eventTypes = new Map(reads.events.map((type, index) => [type, index]));
  const eventLeads = reads.events.map(() => 0);
  const reading = options.reading ?? {};
  let headers: readonly string[] | undefined;
  let rows = 0;
  let emptyRows = 0;
  let leads = 0;
  let unmappedRows = 0;
  let duplicateRows = 0;
  // first line of each id; counts only for the ids seen again (one number per lead, not an object)
  const ids = new Map<string, number>();
  const repeats = new Map<string, number>();
  const unreadable = new Map<string, ColumnTally>();
  const ambiguous = new Map<string, ColumnTally>();
  const issueCounts = new Map<string, number>();
  const seenTypes = new Set<number>();
  const joinEvents = options.events;
  const matchedIds = new Set<string>();

  const tally = (
    table: Map<string, ColumnTally>,
    column: string,
    received: string | undefined,
    expected: string | undefined,
    line: number | undefined,
  ) => {
    let entry = table.get(column);
    if (entry === undefined) {
      entry = { count: 0, examples: [], lines: [], expected };
      table.set(column, entry);
    }
    entry.count++;
    if (received !== undefined && entry.examples.length < MAX_EXAMPLES && !entry.examples.includes(received))
      entry.examples.push(received);
    if (line !== undefined && entry.lines.length < MAX_LINES) entry.lines.push(line);
  };
  const tallyIssue = (table: Map<string, ColumnTally>, issue: Issue, line: number | undefined) =>
    tally(table, columnOf(issue, map !== undefined), issue.received, issue.expected, line);
  // rows that are leads already, for a config: check the values it reads, as it reads them
  const checks =
    map === undefined && options.config !== undefined ? factChecks(reads.facts, options.config) : undefined;

  const checkFacts = (record: Record<string, unknown>, line: number | undefined) => {
    for (let index = 0; index < (checks as readonly FactCheck[]).length; index++) {
      const check = (checks as readonly FactCheck[])[index] as FactCheck;
      const value = check.value(record);
      const status = check.check(value);
      if (status === PRESENT) factLeads[index] = (factLeads[index] as number) + 1;
      else if (status === UNREADABLE_VALUE)
        tally(unreadable, check.path, describeValue(value), check.expected, line);
      else if (status === AMBIGUOUS)
        tally(
          ambiguous,
          check.path,
          describeValue(value),
          'a number with a declared decimal separator',
          line,
        );
    }
  };

  const readRow = (row: unknown): { lead: unknown; issues: readonly Issue[] } => {
    if (map !== undefined) return mapLead(row, map);
    const lead =
      row !== null && typeof row === 'object' && !Array.isArray(row)
        ? unflatten(row as Record<string, unknown>)
        : row;
    return parseLead(lead, reading);
  };

  return {
    columns(names) {
      headers = [...names];
    },

    add(row, line, read) {
      rows++;
      if (isEmptyRow(row)) {
        emptyRows++;
        return;
      }
      leads++;
      let lead: unknown;
      if (read === undefined && checks !== undefined) {
        lead = row;
        if (row !== null && typeof row === 'object' && !Array.isArray(row)) {
          try {
            checkFacts(row as Record<string, unknown>, line);
          } catch {
            // a getter or a Proxy threw: the row cannot be read
            tally(unreadable, '(row)', 'a row whose values throw when read', 'plain data', line);
          }
        } else tally(unreadable, '(row)', describeValue(row), 'an object of columns', line);
      } else {
        const { lead: readLead, issues } = read ?? readRow(row);
        lead = readLead;
        for (const issue of issues) {
          issueCounts.set(issue.code, (issueCounts.get(issue.code) ?? 0) + 1);
          if (issue.code === 'invalid_value' || issue.code === 'invalid_type')
            tallyIssue(unreadable, issue, line);
          else if (issue.code === 'ambiguous_number') tallyIssue(ambiguous, issue, line);
          else if (issue.code === 'unmapped_row') unmappedRows++;
        }
        if (lead !== null && typeof lead === 'object') {
          for (let index = 0; index < factReaders.length; index++) {
            if (!isMissing((factReaders[index] as (value: unknown) => unknown)(lead)))
              factLeads[index] = (factLeads[index] as number) + 1;
          }
        }
      }
      if (lead === null || typeof lead !== 'object') return;
      const id = readId(lead);
      if (typeof id === 'string' || typeof id === 'number') {
        const key = String(id);
        const own = joinEvents?.get(key);
        if (own !== undefined) {
          matchedIds.add(key);
          const mine = (lead as { events?: unknown }).events;
          lead = { ...(lead as object), events: [...(Array.isArray(mine) ? mine : []), ...own] };
        }
        if (!ids.has(key)) ids.set(key, line ?? rows);
        else {
          repeats.set(key, (repeats.get(key) ?? 1) + 1);
          duplicateRows++;
        }
      }
      if (eventTypes.size === 0) return;
      const events = (lead as { events?: unknown }).events;
      if (!Array.isArray(events)) return;
      seenTypes.clear();
      const length = Math.min(events.length, 10_000);
      for (let index = 0; index < length; index++) {
        const type = (events[index] as { type?: unknown } | undefined)?.type;
        const position = typeof type === 'string' ? eventTypes.get(type) : undefined;
        if (position !== undefined && !seenTypes.has(position)) {
          seenTypes.add(position);
          eventLeads[position] = (eventLeads[position] as number) + 1;
        }
      }
    },

    result() {
      const folded = headers === undefined ? undefined : new Set(headers.map(foldColumn));
      const targets = map === undefined ? [] : mapTargets(map);
      const columnsOf = (to: string): readonly string[] => {
        const found = targets.filter((target) => target.to === to).flatMap((target) => target.columns);
        return found.length > 0 || map !== undefined ? found : [to.startsWith('events:') ? 'events' : to];
      };
      const presentColumn = (columns: readonly string[]): string | null | undefined => {
        if (headers === undefined || folded === undefined) return undefined;
        const column = columns.find((name) => folded.has(foldColumn(name)));
        if (column === undefined) return null;
        return headers.find((header) => foldColumn(header) === foldColumn(column)) ?? column;
      };
      const coverage = (name: string, to: string, count: number): FactCoverage => {
        const columns = columnsOf(to);
        const column = presentColumn(columns);
        return {
          fact: name,
          columns,
          ...(column === undefined ? {} : { column }),
          leads: count,
          share: leads === 0 ? 0 : round4(count / leads),
        };
      };
      const facts = reads.facts.map((fact, index) => coverage(fact, fact, factLeads[index] as number));
      const events = reads.events.map((type, index) => {
        const count = eventLeads[index] as number;
        // joined from an events file: no column of this file holds them
        if (joinEvents === undefined) return coverage(type, `events:${type}`, count);
        return {
          fact: type,
          columns: [EVENTS_FILE],
          column: EVENTS_FILE,
          leads: count,
          share: leads === 0 ? 0 : round4(count / leads),
        };
      });
      const mapColumnsAbsent: string[] = [];
      const columnsIgnored: string[] = [];
      if (map !== undefined && folded !== undefined && headers !== undefined) {
        const read = new Set<string>();
        const seen = new Set<string>();
        for (const { columns } of targets) {
          const key = columns.map(foldColumn).join('\u0000');
          for (const column of columns) read.add(foldColumn(column));
          if (seen.has(key)) continue;
          seen.add(key);
          if (!columns.some((column) => folded.has(foldColumn(column))))
            mapColumnsAbsent.push(columns.join(' / '));
        }
        for (const header of headers)
          if (header.trim() !== '' && !read.has(foldColumn(header))) columnsIgnored.push(header);
      }
      const guess = headers === undefined ? undefined : guessMap(headers, options.candidates);
      const problems = (table: Map<string, ColumnTally>): ColumnProblem[] =>
        [...table]
          .sort((a, b) => b[1].count - a[1].count)
          .map(([column, { count, examples, lines, expected }]) => ({
            column,
            count,
            examples: [...examples],
            lines: [...lines],
            ...(expected === undefined ? {} : { expected }),
          }));
      const duplicateIds: Array<{ id: string; line: number; count: number }> = [];
      for (const [id, count] of repeats) {
        duplicateIds.push({ id, line: ids.get(id) as number, count });
        if (duplicateIds.length >= MAX_DUPLICATES_SHOWN) break;
      }
      duplicateIds.sort((a, b) => a.line - b.line);
      const report: Omit<InputReport, 'verdict'> = {
        rows,
        emptyRows,
        leads,
        ...(headers === undefined ? {} : { headers: [...headers] }),
        ...(map === undefined ? {} : { map: map.id }),
        ...(guess === undefined
          ? {}
          : {
              guessedMap: {
                id: guess.id,
                label: labelOf(guess.map.label, guess.id),
                share: guess.share,
                present: guess.present,
                columns: guess.columns,
              },
            }),
        mapColumnsAbsent,
        columnsIgnored,
        facts,
        events,
        unreadable: problems(unreadable),
        ambiguous: problems(ambiguous),
        duplicates: { rows: duplicateRows, ids: duplicateIds },
        ...(joinEvents === undefined ? {} : { joined: joinedCounts(joinEvents, matchedIds) }),
        unmappedRows,
        issues: Object.fromEntries(issueCounts),
      };
      return { ...report, verdict: verdictOf(report, options, headers) };
    },
  };
}

function joinedCounts(events: ReadonlyMap<string, readonly unknown[]>, matched: ReadonlySet<string>) {
  let total = 0;
  let matchedEvents = 0;
  for (const [id, list] of events) {
    total += list.length;
    if (matched.has(id)) matchedEvents += list.length;
  }
  return { ids: events.size, events: total, matchedIds: matched.size, matchedEvents };
}

function labelOf(label: unknown, id: string): string {
  if (typeof label === 'string') return label;
  if (label !== null && typeof label === 'object' && typeof (label as { en?: unknown }).en === 'string')
    return (label as { en: string }).en;
  return id;
}

/** The verdict: what should fail a run (nothing useful read), and what is worth saying once. */
function verdictOf(
  report: Omit<InputReport, 'verdict'>,
  options: InputInspectorOptions,
  headers: readonly string[] | undefined,
): InputReport['verdict'] {
  const problems: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const map = options.map;
  const guess = report.guessedMap;
  const otherMap = guess !== undefined && guess.id !== map?.id ? guess : undefined;
  const tryMap =
    otherMap === undefined
      ? undefined
      : `this looks like a ${otherMap.label} export: try --map ${otherMap.id}`;
  if (report.leads === 0) {
    problems.push({
      code: 'no_leads',
      message:
        report.rows === 0
          ? 'the file has no row'
          : `the file has no lead: all ${plural(report.rows, 'row')} are empty`,
      fix: 'check the file (its delimiter and encoding) and that it is the lead export',
    });
  }
  if (map !== undefined && headers !== undefined) {
    const fit = mapFit(map, headers);
    const absent = fit.columns - fit.present;
    const message = `${absent} of the ${fit.columns} columns of the map "${map.id}" are absent from the file`;
    // another map fits better, or hardly any column is there: the wrong map
    if (
      fit.columns > 0 &&
      absent * 2 > fit.columns &&
      (otherMap !== undefined || fit.present * 4 < fit.columns)
    ) {
      problems.push({
        code: 'map_columns_absent',
        message,
        fix: tryMap ?? 'check that the map is the one for this export, or write a map for its columns',
      });
    } else if (absent * 2 > fit.columns) {
      warnings.push({ code: 'map_columns_absent', message });
    }
  }
  const read = [...report.facts, ...report.events];
  if (report.leads > 0 && read.length > 0 && read.every((fact) => fact.leads === 0)) {
    const columns = read.flatMap((fact) => fact.columns.slice(0, 1)).slice(0, 5);
    problems.push({
      code: 'nothing_read',
      message: `no lead has any of the ${read.length} facts and events the config reads (columns such as ${columns.map((column) => `"${column}"`).join(', ')})`,
      fix:
        tryMap ??
        (map === undefined
          ? 'name the columns as lead paths (company.employees) or read the export with a field map (--map)'
          : 'check the export against the map: every column it reads is absent or blank'),
    });
  } else if (map === undefined && report.leads > 0 && report.unmappedRows * 2 > report.leads) {
    problems.push({
      code: 'unmapped_rows',
      message: `${plural(report.unmappedRows, 'row')} of ${report.leads} have no field of the canonical lead`,
      fix: tryMap ?? 'read the export with a field map (--map)',
    });
  }
  const joined = report.joined;
  if (joined !== undefined && joined.events > 0 && joined.matchedEvents === 0 && report.leads > 0) {
    problems.push({
      code: 'events_unused',
      message: `none of the ${plural(joined.events, 'event')} (${plural(joined.ids, 'lead id')}) matches the id of a lead read`,
      fix: "the events file's leadId must be the leads' id (with a map, the column it reads as id)",
    });
  }
  const absentFacts = read.filter((fact) => fact.column === null);
  if (absentFacts.length > 0 && problems.length === 0) {
    warnings.push({
      code: 'columns_absent',
      message: `${plural(absentFacts.length, 'fact')} the config reads ${absentFacts.length === 1 ? 'has' : 'have'} no column: ${absentFacts
        .slice(0, 8)
        .map((fact) => fact.fact)
        .join(', ')}${absentFacts.length > 8 ? ', …' : ''}`,
    });
  }
  if (report.ambiguous.length > 0) {
    const count = report.ambiguous.reduce((sum, column) => sum + column.count, 0);
    warnings.push({
      code: 'ambiguous_numbers',
      message: `${plural(count, 'number')} such as ${report.ambiguous[0]?.examples[0] ?? '"30.000"'} could be thousands or decimals (${report.ambiguous.map((column) => column.column).join(', ')}): read as unknown`,
      fix: 'declare the decimal separator: "decimal": "," in the config\'s or the map\'s "read" (or --decimal ,)',
    });
  }
  if (report.unreadable.length > 0) {
    const count = report.unreadable.reduce((sum, column) => sum + column.count, 0);
    warnings.push({
      code: 'unreadable_values',
      message: `${plural(count, 'value')} could not be read, in ${plural(report.unreadable.length, 'column')}: ${report.unreadable
        .slice(0, 5)
        .map((column) => `${column.column} (${column.count})`)
        .join(', ')}`,
    });
  }
  if (report.duplicates.rows > 0) {
    const first = report.duplicates.ids[0];
    warnings.push({
      code: 'duplicate_ids',
      message: `${plural(report.duplicates.rows, 'row')} ${report.duplicates.rows === 1 ? 'repeats' : 'repeat'} an id seen before${first === undefined ? '' : ` (such as "${first.id}", first on line ${first.line})`}`,
      fix: 'keep one row per lead (--dedupe first or last)',
    });
  }
  if (report.emptyRows > 0 && report.leads > 0) {
    warnings.push({ code: 'empty_rows', message: `${plural(report.emptyRows, 'empty row')} skipped` });
  }
  const truncated = (report.issues.events_truncated ?? 0) + (report.issues.issues_truncated ?? 0);
  if (truncated > 0) {
    warnings.push({
      code: 'truncated',
      message: `${plural(truncated, 'lead')} had more events or issues than are read (10,000 events, 1,000 issues per lead)`,
    });
  }
  return { ok: problems.length === 0, problems, warnings };
}
