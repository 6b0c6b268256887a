/// <reference types="node" />
// The leadstage command line: the library's main job without writing code. stdout carries only data;
// progress, the asOf used and warnings go to stderr. Exit codes: 0 ok, 1 findings, 2 usage.

import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import {
  type Classification,
  type Config,
  type ConfigDiff,
  classifyStream,
  compile,
  compileFieldMap,
  configJsonSchema,
  createConfigDiff,
  createHistorySummary,
  createInputInspector,
  createSummary,
  explain,
  type FieldMap,
  type GradeMatrix,
  generateModule,
  gradeMatrix,
  guessMap,
  lintConfig,
  maps,
  presets,
  runExamples,
  type StageHistory,
  type StatusClassification,
  safeParseConfig,
  safeParseFieldMap,
  sealConfig,
  stageHistory,
  summarizeAccounts,
} from 'leadstage';
import {
  ACCOUNT_OPTIONS,
  ACCOUNT_USAGE,
  type AccountTable,
  accountConfigOf,
  accountsOf,
  checkAccountOptions,
  classifyOne,
  type FormedAccounts,
  readAccountTable,
} from './accounts';
import { parseAsOf } from './asOf';
import { AsOfColumn } from './asOfColumn';
import { checkDataCommand } from './checkData';
import { CRMS, crmWriter } from './crm';
import { causeOf, columnOf, Diagnostics } from './diagnostics';
import { ioCode, ioMessage } from './errors';
import { activityMapOf, EventTable, eventReader, guessActivityMap, typesReadBy } from './events';
import {
  CliError,
  delimiterOf,
  describeIssue,
  formatOf,
  loadConfig,
  loadMap,
  readJsonFile,
  readRows,
} from './input';
import { cellOf, OutcomeColumn } from './outcome';
import { abortOutputs, escapeFormula, type Output, openOutput } from './output';
import { renderReport } from './report';
import { type AccountsView, accountsText, summaryText } from './summaryText';
import { forTerminal } from './text';
import { LOCALES, localeOf, wordsFor } from './words';

/** The command line's guide, as installed: the package ships docs/ beside dist/. */
const DOCS = fileURLToPath(new URL('../docs/cli.md', import.meta.url));

const VERSION: string = (() => {
  try {
    return (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    ).version;
  } catch {
    return 'unknown';
  }
})();

const LEAD_OPTIONS = {
  config: { type: 'string', short: 'c' },
  events: { type: 'string' },
  'events-map': { type: 'string' },
  map: { type: 'string' },
  'as-of': { type: 'string' },
  'input-format': { type: 'string' },
  delimiter: { type: 'string' },
  dedupe: { type: 'string' },
  'date-format': { type: 'string' },
  decimal: { type: 'string' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  force: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

const LEAD_USAGE = `Reading the leads:
  --config, -c <file|preset>   the config: a JSON file, or saas, consulting, agency, bant, meddic, champ, anum
  --map <file|hubspot|salesforce|auto>  read rows through a field map (a CRM export); auto: the one the
                               headers look like
  --events <file>              an events file (leadId,type,at; other columns into props) joined by lead id
  --events-map <name|file>     read --events through an activity map: hubspot-activities, salesforce-tasks,
                               salesforce-events, salesforce-campaign-members, or a map file with "activity"
  --as-of <date>               the instant to classify at: 2026-06-30 or 2026-06-30T09:00:00Z; without an
                               offset it is UTC (default: now; printed to stderr)
  --input-format csv|ndjson|json  when the extension does not say
  --delimiter <char>           the CSV delimiter: , ; tab | (default: sniffed from the first lines)
  --date-format <format>       how dates are written (dd/MM/yyyy, M/d/yyyy): sets read.dateFormat
  --decimal . | ,              the decimal separator: sets read.decimal
  --dedupe first|last|none     rows with the same lead id: keep the first (default), the last (holds the
                               file in memory), or all; counted and reported either way
Problems in the data:
  --quiet, -q                  no warnings; the run summary only when the run fails
  --max-warnings <n>           print at most n warning lines (default 50)
  --strict                     stop at the first data problem (exit 1)
  --force                      run where a check would stop it (nothing the config reads in the first
                               1,000 rows, the wrong map, no event used)
  --out, -o <file>             write there instead of stdout (never over an input; atomic)`;
interface Command {
  readonly usage: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  readonly run: (
    values: Record<string, string | boolean | undefined>,
    positionals: string[],
  ) => Promise<number>;
}

const HELP = `leadstage ${VERSION} — decide whether sales leads are SAL or SQO, and why

Usage: leadstage <command> [options]

Commands:
  classify <leads>    classify every lead: stage, score, what it lacks
  explain <leads>     the explanation of each lead, for a salesperson
  summarize <leads>   the funnel, top blockers (ask vs not met), calibration with --outcome
  history <leads>     each lead's stages over time, time in stage, SLAs
  diff <leads>        which leads a config change moves (--config a --against b)
  report <leads>      one self-contained HTML report (--out report.html)
  check <config>      every issue and lint warning, then the config's examples
  check-data <leads>  what a lead file holds for a config, before classifying
  seal <config>       the config sealed for leadstage/runtime
  build <config>      a classifier module generated from the config (--out classifier.mjs)
  schema              the JSON Schema of configs

Leads: a CSV (dotted headers become paths: budget.amount), NDJSON or a JSON array; - for stdin.
Run leadstage <command> --help for its options.
Docs: ${DOCS} (shipped with the package), or https://github.com/leadstage/leadstage/blob/main/docs/cli.md`;

/** `--as-of`, default now; the value used goes to stderr so the run can be repeated exactly. */
function asOfOf(value: string | boolean | undefined): string {
  const asOf = typeof value === 'string' ? parseAsOf(value) : new Date().toISOString();
  process.stderr.write(`leadstage: as of ${asOf} (repeat with --as-of ${asOf})\n`);
  return asOf;
}

/**
 * The run's one instant (`--as-of`, see {@link asOfOf}), or undefined with `--as-of-column`: each row at
 * its own, said on stderr. Both at once is a usage error: a row without its instant is skipped, never
 * classified at `--as-of` (src/cli/asOfColumn.ts says why).
 */
function asOfOrColumn(values: Record<string, string | boolean | undefined>): string | undefined {
  const column = values['as-of-column'];
  if (typeof column !== 'string') return asOfOf(values['as-of']);
  if (column.trim() === '') throw new CliError('--as-of-column: expected a column name, received ""', 2);
  if (values['as-of'] !== undefined)
    throw new CliError(
      `--as-of and --as-of-column: give one. With --as-of-column each row is classified at the instant in ${JSON.stringify(column)}, and a row without one is skipped, not classified at --as-of`,
      2,
    );
  process.stderr.write(
    `leadstage: as of each row's ${JSON.stringify(column)} (--as-of-column; rows without a readable instant are skipped)\n`,
  );
  return undefined;
}

const AS_OF_COLUMN_USAGE = `  --as-of-column <column>      classify each row at the instant in its own column (the day a deal was
                               engaged: a back-test at each lead's moment); instead of --as-of. Rows whose
                               cell is blank or not a date are skipped and counted, never classified at
                               another instant`;

/** The files a run reads, which `--out` must not name. */
function inputsOf(values: Record<string, string | boolean | undefined>, positionals: string[]): string[] {
  const files = [...positionals];
  for (const name of ['config', 'against', 'events', 'map', 'events-map', 'accounts-file', 'account-map'])
    if (typeof values[name] === 'string') files.push(values[name] as string);
  return files;
}

/** The output of a command: `--out` checked against the inputs. */
function output(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
): Promise<Output> {
  return openOutput(values.out as string | undefined, inputsOf(values, positionals));
}

/** The settings of `--date-format` and `--decimal`, for a config's or a map's `read`. */
function readingOf(values: Record<string, string | boolean | undefined>): Record<string, string> {
  const reading: Record<string, string> = {};
  if (typeof values['date-format'] === 'string') reading.dateFormat = values['date-format'];
  if (values.decimal !== undefined)
    reading.decimal = oneOf(values.decimal, 'decimal', ['.', ','] as const, '.');
  return reading;
}

/** A config (file or preset) with `--date-format` / `--decimal` in its `read`. */
function configOf(nameOrFile: string, values: Record<string, string | boolean | undefined>): object {
  const config = loadConfig(nameOrFile) as { read?: object };
  const reading = readingOf(values);
  return Object.keys(reading).length === 0 ? config : { ...config, read: { ...config.read, ...reading } };
}

function required(values: Record<string, unknown>, name: string, usage: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new CliError(`--${name} is required\n\n${usage}`, 2);
  return value;
}

function oneOf<T extends string>(value: unknown, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${name}: expected ${allowed.join(', ')}, received "${String(value)}"`, 2);
}

function leadsArgument(positionals: string[], usage: string): string {
  if (positionals.length !== 1) {
    throw new CliError(
      `expected one lead file (or - for stdin), received ${positionals.length}\n\n${usage}`,
      2,
    );
  }
  return positionals[0] as string;
}

/** A live progress line on a terminal: rows done and rows per second. Nothing when stderr is not a TTY. */
function progress(): { tick(): void; done(): void } {
  if (!process.stderr.isTTY) return { tick() {}, done() {} };
  const start = Date.now();
  let rows = 0;
  let shown = 0;
  return {
    tick() {
      rows++;
      const now = Date.now();
      if (now - shown < 250) return;
      shown = now;
      const rate = Math.round(rows / Math.max(0.001, (now - start) / 1000));
      process.stderr.write(`\r${rows.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s `);
    },
    done() {
      if (shown > 0) process.stderr.write(`\r${rows.toLocaleString('en')} rows done${' '.repeat(20)}\n`);
    },
  };
}

/** The diagnostics of the current run, printed when it ends (normally or on an error). */
let active: Diagnostics | undefined;

function diagnosticsOf(values: Record<string, string | boolean | undefined>): Diagnostics {
  const max = values['max-warnings'];
  let maxWarnings = 50;
  if (typeof max === 'string') {
    maxWarnings = Number(max);
    if (!/^\d+$/.test(max) || !Number.isSafeInteger(maxWarnings))
      throw new CliError(`--max-warnings: expected a whole number, received ${JSON.stringify(max)}`, 2);
  }
  active = new Diagnostics({ quiet: values.quiet === true, strict: values.strict === true, maxWarnings });
  return active;
}

interface LeadRun {
  readonly leads: AsyncGenerator<{
    lead: Record<string, unknown>;
    line: number;
    row: Record<string, unknown>;
  }>;
  readonly diagnostics: Diagnostics;
  /** Reports the unreadable values a result flags (files read without a map), once per cause. */
  readonly flagged: (
    result: { flags?: readonly string[] },
    lead: Record<string, unknown>,
    line: number,
  ) => void;
  /** The checks at the end: an events file of which no event was used, an outcome column never found. */
  readonly check: () => void;
  /** `--as-of-column`: each row's own instant. */
  readonly asOfColumn: AsOfColumn | undefined;
}

/** An event file's rows read into a table by lead id. */
async function eventsOf(
  file: string,
  values: Record<string, string | boolean | undefined>,
  config: object,
  diagnostics: Diagnostics,
): Promise<EventTable> {
  const map =
    typeof values['events-map'] === 'string' ? activityMapOf(values['events-map'], loadMap) : undefined;
  const table = new EventTable(file === '-' ? '<stdin>' : file, typesReadBy(config));
  const add = eventReader(table, map, diagnostics);
  let headers: readonly string[] = [];
  // the events file's rows are not the leads': its counts are the table's
  const counts = { ...diagnostics.counts };
  for await (const { raw, line } of readRows(file, {
    nestHeaders: false,
    delimiter: delimiterOf(values.delimiter as string | undefined),
    diagnostics,
    onHeaders: (found) => {
      headers = found;
    },
  })) {
    add(raw, line, headers);
  }
  Object.assign(diagnostics.counts, counts);
  const guess = map === undefined ? guessActivityMap(headers) : undefined;
  table.checkTypes(
    values.force === true,
    guess === undefined ? undefined : `this looks like a CRM activities export: try --events-map ${guess}`,
  );
  diagnostics.sections.push((w) => table.summary(w));
  return table;
}

const DATE_HINT = 'set read.dateFormat (config or map) or --date-format';

/** How many rows the preflight inspects before the first lead is classified. */
const PREFLIGHT_ROWS = 1_000;
/** The inspector's verdicts that stop a run: nothing the config reads would be read. */
const STOPS = new Set(['no_leads', 'map_columns_absent', 'nothing_read', 'unmapped_rows']);

/**
 * The rows of a lead file, checked before the first is classified: the first {@link PREFLIGHT_ROWS} rows
 * are held and inspected as `check-data` inspects a file (the columns the config reads, through the map),
 * and a file of which nothing useful would be read — no lead, the wrong map, no column the config reads —
 * stops the run with the likely fix (exit 1), unless `--force`. Works on stdin too: nothing is read twice.
 */
async function* preflightRows<Item extends { raw: Record<string, unknown>; line: number }>(
  source: AsyncGenerator<Item>,
  check: {
    readonly name: string;
    readonly force: boolean;
    readonly diagnostics: Diagnostics;
    readonly inspector: () => ReturnType<typeof createInputInspector>;
    readonly headers: () => readonly string[] | undefined;
    /** The id of the map rows are read with, if any. */
    readonly mapId: () => string | undefined;
    /** Usage errors the held rows already show (an `--outcome` column no row has): before any stop. */
    readonly usage?: (rows: readonly Record<string, unknown>[]) => void;
  },
): AsyncGenerator<Item> {
  const iterator = source[Symbol.asyncIterator]();
  const held: Item[] = [];
  let step = await iterator.next();
  while (!step.done) {
    held.push(step.value);
    if (held.length >= PREFLIGHT_ROWS) break;
    step = await iterator.next();
  }
  const inspector = check.inspector();
  const headers = check.headers();
  if (headers !== undefined) inspector.columns(headers);
  for (const { raw, line } of held) inspector.add(raw, line);
  // the reader skips empty rows; the inspector counts them as it would have
  for (let empty = check.diagnostics.counts.empty; empty > 0; empty--) inspector.add({}, undefined);
  check.usage?.(held.map((item) => item.raw));
  const { verdict, guessedMap } = inspector.result();
  const mapId = check.mapId();
  // most of a map's columns absent stops the run when another map fits (the wrong map); a partial export
  // of the right one is read, with a notice
  const stops = verdict.problems.filter(
    (problem) =>
      STOPS.has(problem.code) &&
      (problem.code !== 'map_columns_absent' || (guessedMap !== undefined && guessedMap.id !== mapId)),
  );
  const sample = step.done ? '' : ` (in its first ${PREFLIGHT_ROWS.toLocaleString('en')} rows)`;
  if (stops.length > 0 && !check.force)
    throw new CliError(
      `${check.name}: nothing useful would be read${sample}:\n${stops
        .map((problem) => `  ${problem.message}${problem.fix === undefined ? '' : ` — ${problem.fix}`}`)
        .join('\n')}\n(--force runs anyway; leadstage check-data ${check.name} says more)`,
      1,
    );
  for (const problem of verdict.problems)
    if (!stops.includes(problem) || check.force)
      check.diagnostics.notice(
        check.name,
        `${problem.message}${problem.fix === undefined ? '' : ` — ${problem.fix}`}${check.force && stops.includes(problem) ? ' (--force)' : ''}`,
      );
  for (const warning of verdict.warnings)
    if (warning.code === 'columns_absent' || warning.code === 'map_columns_absent')
      check.diagnostics.notice(check.name, warning.message);
  yield* held;
  if (step.done) return;
  for (step = await iterator.next(); !step.done; step = await iterator.next()) yield step.value;
}

/**
 * The leads of a file, mapped (--map) and joined with their events (--events), deduplicated by id
 * (--dedupe), every reading problem counted once per cause.
 */
async function leadsOf(
  file: string,
  values: Record<string, string | boolean | undefined>,
  config: object,
  outcome?: OutcomeColumn,
  inspected: object = config,
): Promise<LeadRun> {
  const diagnostics = diagnosticsOf(values);
  const name = file === '-' ? '<stdin>' : file;
  if (file !== '-') {
    // before any output: a missing file or a directory is one line
    try {
      if (statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    } catch (error) {
      throw new CliError(`${file}: cannot read the leads: ${ioMessage(error)}`);
    }
  }
  const dedupe = oneOf(values.dedupe, 'dedupe', ['first', 'last', 'none'] as const, 'first');
  diagnostics.dedupe = dedupe;
  const delimiter = delimiterOf(values.delimiter as string | undefined);
  const reading = readingOf(values);
  const withReading = (found: FieldMap) =>
    Object.keys(reading).length === 0
      ? found
      : ({ ...found, read: { ...found.read, ...reading } } as FieldMap);
  const mapName = typeof values.map === 'string' ? values.map : undefined;
  // --map auto: the built-in map the headers look like, chosen when they are read
  let map = mapName === undefined || mapName === 'auto' ? undefined : withReading(loadMap(mapName));
  const events =
    typeof values.events === 'string'
      ? await eventsOf(values.events, values, config, diagnostics)
      : undefined;
  if (outcome !== undefined) diagnostics.sections.push((w) => outcome.summary(w));
  const asOfColumn =
    typeof values['as-of-column'] === 'string'
      ? new AsOfColumn(values['as-of-column'], readingOf(values), diagnostics, name)
      : undefined;
  if (asOfColumn !== undefined) diagnostics.sections.push(() => asOfColumn.summary());
  let compiled = map === undefined ? undefined : compileFieldMap(map);
  const format = formatOf(file, values['input-format'] as string | undefined);
  let headers: readonly string[] | undefined;
  const rows = preflightRows(
    readRows(file, {
      formatFlag: values['input-format'] as string | undefined,
      // dotted CSV headers are lead paths when no map reads the row (known once --map auto has chosen)
      get nestHeaders() {
        return map === undefined;
      },
      delimiter,
      diagnostics,
      onHeaders: (found) => {
        if (headers === undefined && mapName === 'auto') {
          const guess = guessMap(found);
          if (guess === undefined)
            throw new CliError(
              `--map auto: no built-in map fits the columns of ${name} (${found
                .slice(0, 5)
                .map((header) => JSON.stringify(header))
                .join(
                  ', ',
                )}${found.length > 5 ? ', …' : ''}); name one: --map ${Object.keys(maps).join('|')} or a map file`,
              2,
            );
          map = withReading(guess.map);
          compiled = compileFieldMap(map);
          diagnostics.notice(
            name,
            `--map auto: read with the ${guess.id} map (${guess.present} of its ${guess.columns} columns present)`,
          );
        }
        headers ??= found;
        outcome?.headers(found, format === 'csv');
        asOfColumn?.headers(found, format === 'csv');
      },
    }),
    {
      name,
      force: values.force === true,
      diagnostics,
      inspector: () =>
        createInputInspector({
          config: inspected,
          ...(map === undefined ? {} : { map }),
          ...(events === undefined ? {} : { events: events.byLead }),
        }),
      headers: () => (format === 'csv' || map !== undefined ? headers : undefined),
      mapId: () => map?.id,
      usage: (held) => outcome?.checkRows(held),
    },
  );
  const seen = new Map<string, number>(); // --dedupe last: id → index of its row
  const ids = new Set<string>(); // first, none: the ids seen
  const duplicate = (id: string, line: number) => {
    diagnostics.counts.duplicates++;
    diagnostics.warn({
      file: name,
      line,
      cause: 'a lead id seen on an earlier row',
      noun: 'row',
      example: id,
      hint: `--dedupe ${dedupe}${dedupe === 'none' ? ' kept them all' : ` kept the ${dedupe}`}`,
    });
  };
  const mapRow = (value: Record<string, unknown>, raw: Record<string, unknown>, line: number) => {
    if (compiled === undefined) return value;
    const result = compiled(value);
    for (const issue of result.issues) {
      const column = columnOf(issue);
      diagnostics.unreadable.set(column, (diagnostics.unreadable.get(column) ?? 0) + 1);
      const cause = causeOf(issue);
      diagnostics.warn({
        file: name,
        line,
        cause,
        example: Object.hasOwn(raw, column) ? raw[column] : issue.received,
        ...(/\bdate\b/.test(cause) ? { hint: DATE_HINT } : {}),
      });
    }
    return result.lead as Record<string, unknown>;
  };
  const idOf = (lead: Record<string, unknown>) =>
    typeof lead.id === 'string' || typeof lead.id === 'number' ? String(lead.id) : undefined;
  const join = (lead: Record<string, unknown>) => {
    const id = idOf(lead);
    if (events === undefined || id === undefined) return lead;
    const own = events.take(id);
    return own === undefined
      ? lead
      : { ...lead, events: events.cap([...(Array.isArray(lead.events) ? lead.events : []), ...own]) };
  };
  async function* leads() {
    if (dedupe === 'last') {
      // the last row of each id wins: the file is held, in the order of each id's first row
      const held: Array<{ lead: Record<string, unknown>; line: number; row: Record<string, unknown> }> = [];
      for await (const { value, raw, line } of rows) {
        const item = { lead: mapRow(value, raw, line), line, row: raw };
        const id = idOf(item.lead);
        const at = id === undefined ? undefined : seen.get(id);
        if (at !== undefined) {
          duplicate(id as string, line);
          held[at] = item;
          continue;
        }
        if (id !== undefined) seen.set(id, held.length);
        held.push(item);
      }
      for (const item of held) {
        diagnostics.counts.leads++;
        item.lead = join(item.lead);
        yield item;
      }
      return;
    }
    for await (const { value, raw, line } of rows) {
      const lead = mapRow(value, raw, line);
      const id = idOf(lead);
      if (id !== undefined) {
        if (ids.has(id)) {
          duplicate(id, line);
          if (dedupe === 'first') continue;
        } else ids.add(id);
      }
      diagnostics.counts.leads++;
      yield { lead: join(lead), line, row: raw };
    }
  }
  const flagged = (result: { flags?: readonly string[] }, lead: Record<string, unknown>, line: number) => {
    if (map !== undefined || result.flags === undefined) return;
    for (const flag of result.flags) {
      const colon = flag.indexOf(':');
      if (colon < 0) continue;
      const kind = flag.slice(0, colon);
      const path = flag.slice(colon + 1);
      if (path.startsWith('events[') || !/^(unreadable|invalid_date|ambiguous_number)$/.test(kind)) continue;
      diagnostics.unreadable.set(path, (diagnostics.unreadable.get(path) ?? 0) + 1);
      const what =
        kind === 'invalid_date'
          ? 'unreadable date'
          : kind === 'ambiguous_number'
            ? 'ambiguous number'
            : 'unreadable value';
      diagnostics.warn({
        file: name,
        line,
        cause: `column ${JSON.stringify(path)}: ${what}`,
        example: cellOf(lead, path),
        ...(kind === 'invalid_date'
          ? { hint: DATE_HINT }
          : kind === 'ambiguous_number'
            ? { hint: 'set read.decimal or --decimal' }
            : {}),
      });
    }
  };
  const check = () => {
    outcome?.check();
    events?.checkUsed(values.force === true);
    asOfColumn?.check();
  };
  return { leads: leads(), diagnostics, flagged, check, asOfColumn };
}

const pad = (text: string, width: number) =>
  text.length >= width ? text : text + ' '.repeat(width - text.length);

/** The summary builder of summarize and report: the outcome, and --by / --max-groups checked as usage. */
function summaryOf(
  values: Record<string, string | boolean | undefined>,
  outcome: (() => boolean | undefined) | undefined,
): ReturnType<typeof createSummary> {
  const by = typeof values.by === 'string' ? values.by : undefined;
  const maxGroups = maxGroupsOf(values['max-groups']);
  try {
    return createSummary({
      ...(outcome === undefined ? {} : { outcome }),
      ...(by === undefined ? {} : { by, maxGroups }),
    });
  } catch (error) {
    // a malformed --by: the library's message, as a usage error
    throw new CliError(`--by: ${(error as Error).message.replace(/^summarize: /, '')}`, 2);
  }
}

/** --max-groups: a whole number from 1 to 10,000 (default 1,000). */
function maxGroupsOf(value: string | boolean | undefined): number {
  if (value === undefined) return 1000;
  const parsed = typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (parsed >= 1 && parsed <= 10_000) return parsed;
  throw new CliError(
    `--max-groups: expected a whole number from 1 to 10000, received ${JSON.stringify(value)}`,
    2,
  );
}

type AnyResult = Classification | StatusClassification;

function tableRow(
  result: AnyResult | { leadId?: string; stage: string },
  index: number,
  graded: boolean,
): string {
  const full = result as Partial<Classification>;
  const blockers =
    full.next === undefined
      ? ''
      : full.next.blockers
          .map((blocker) => `${blocker.criterion ?? blocker.label} (${blocker.status})`)
          .join(', ');
  return [
    pad(result.leadId ?? `#${index + 1}`, 24),
    pad(result.stage, 14),
    pad(full.scores === undefined ? '' : String(full.scores.total), 8),
    ...(graded ? [pad(full.grade ?? '', 6)] : []),
    pad(full.next === undefined ? '' : `${full.next.stage} ${full.next.status}`, 20),
    blockers,
  ]
    .join(' ')
    .trimEnd();
}

const ESCAPE_OPTION = { 'no-escape-formulas': { type: 'boolean' } } as const;

/** `--accounts`: the account config, `--account-by` and the records of `--accounts-file`. */
async function accountSetup(
  values: Record<string, string | boolean | undefined>,
  diagnostics: Diagnostics,
): Promise<{ accountConfig: object; by: string | undefined; table: AccountTable | undefined }> {
  const accountConfig = accountConfigOf(
    typeof values['account-config'] === 'string' ? values['account-config'] : 'b2b',
  );
  const by = typeof values['account-by'] === 'string' ? values['account-by'] : undefined;
  const file = values['accounts-file'];
  const table =
    typeof file === 'string'
      ? await readAccountTable(
          file,
          typeof values['account-map'] === 'string' ? values['account-map'] : undefined,
          values,
          diagnostics,
        )
      : undefined;
  return { accountConfig, by, table };
}

/**
 * `summarize --accounts` and `report --accounts`: the held leads grouped and joined, each account classified,
 * summed up (`summarizeAccounts`), with the account config's grade matrix.
 */
async function accountsViewOf(
  leads: readonly object[],
  values: Record<string, string | boolean | undefined>,
  leadConfig: ReturnType<typeof compile>,
  asOf: string,
  diagnostics: Diagnostics,
): Promise<{ view: AccountsView; matrix: GradeMatrix | undefined }> {
  const setup = await accountSetup(values, diagnostics);
  const formed = accountsOf(leads, setup.by, setup.table, diagnostics);
  const summary = summarizeAccounts(
    formed.accounts.map((account) => classifyOne(account, setup.accountConfig, { asOf, leadConfig })),
  );
  const view: AccountsView = {
    ...summary,
    grouping: formed.counts,
    ...(setup.table === undefined
      ? {}
      : { accountsFile: { accounts: setup.table.records.size, withoutMembers: formed.withoutMembers } }),
  };
  return { view, matrix: gradeMatrix(setup.accountConfig as { grades?: Config['grades'] }) };
}

/** `--accounts` with a per-row instant: refused, an account is classified at one instant. */
function refusePerRow(values: Record<string, string | boolean | undefined>): void {
  if (values.accounts === true && values['as-of-column'] !== undefined)
    throw new CliError(
      '--accounts: accounts are classified at one instant (--as-of); received --as-of-column, which is per lead',
      2,
    );
}

/** `classify --accounts`: every lead held (an account needs all its members), then grouped and joined. */
async function formAccounts(
  file: string,
  values: Record<string, string | boolean | undefined>,
  config: object,
): Promise<
  FormedAccounts & { accountConfig: object; leadConfig: ReturnType<typeof compile>; check: () => void }
> {
  const run = await leadsOf(file, values, config);
  const setup = await accountSetup(values, run.diagnostics);
  const leads: object[] = [];
  for await (const { lead } of run.leads) leads.push(lead);
  const formed = accountsOf(leads, setup.by, setup.table, run.diagnostics);
  return { ...formed, accountConfig: setup.accountConfig, leadConfig: compile(config), check: run.check };
}

/** `classify --accounts`: the leads grouped by account, each account classified, one row per account. */
async function classifyAccountsCommand(
  file: string,
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
  config: object,
  options: {
    readonly format: 'table' | 'json' | 'ndjson' | 'csv';
    readonly asOf: string;
    readonly locale: string | undefined;
    readonly escapeFormulas: boolean;
  },
): Promise<number> {
  const { format, asOf, locale, escapeFormulas } = options;
  const formed = await formAccounts(file, values, config);
  const { accountConfig, leadConfig } = formed;
  const graded = (accountConfig as { grades?: object }).grades !== undefined;
  const accounts = formed.accounts;
  const out = await output(values, positionals);
  let index = 0;
  if (format === 'json') await out.write('[');
  if (format === 'table')
    await out.write(
      `${[pad('account', 24), pad('stage', 14), pad('score', 8), ...(graded ? [pad('grade', 6)] : []), pad('members', 8), pad('next', 20), 'blockers'].join(' ')}\n`,
    );
  if (format === 'csv')
    await out.write(
      stringify([
        [
          'accountId',
          'accountKey',
          'stage',
          'score',
          ...(graded ? ['grade'] : []),
          'memberCount',
          'members',
          'next',
          'nextStatus',
          'blockers',
          'missingRoles',
          'unknownRoles',
          'flags',
        ],
      ]),
    );
  for (const account of accounts) {
    const result = classifyOne(account, accountConfig, {
      asOf,
      leadConfig,
      ...(locale === undefined ? {} : { locale }),
    });
    const blockers = (result.next?.blockers ?? []).map(
      (blocker) => blocker.role ?? blocker.criterion ?? blocker.label,
    );
    if (format === 'json') await out.write(`${index === 0 ? '\n' : ',\n'}${JSON.stringify(result)}`);
    else if (format === 'ndjson') await out.write(`${JSON.stringify(result)}\n`);
    else if (format === 'table') {
      const row = [
        pad(result.accountId ?? `#${index + 1}`, 24),
        pad(result.stage, 14),
        pad(String(result.scores.total), 8),
        ...(graded ? [pad(result.grade ?? '', 6)] : []),
        pad(String(result.memberCount), 8),
        pad(result.next === undefined ? '' : `${result.next.stage} ${result.next.status}`, 20),
        (result.next?.blockers ?? []).map((blocker) => `${blocker.label} (${blocker.status})`).join(', '),
      ];
      await out.write(`${forTerminal(row.join(' ').trimEnd())}\n`);
    } else {
      await out.write(
        stringify([
          [
            result.accountId ?? '',
            // how the account was found (id:…, domain:…, name:…): an account id and a domain that spell alike
            // are two accounts, told apart here
            result.accountKey ?? '',
            result.stage,
            result.scores.total,
            ...(graded ? [result.grade ?? ''] : []),
            result.memberCount,
            result.members.map((member) => member.id).join(';'),
            result.next?.stage ?? '',
            result.next?.status ?? '',
            blockers.join(';'),
            result.buyingGroup.missing.join(';'),
            result.buyingGroup.unknown.join(';'),
            result.flags.join(';'),
          ].map((cell) => escapeFormula(cell, escapeFormulas)),
        ]),
      );
    }
    index++;
  }
  if (format === 'json') await out.write(index === 0 ? ']\n' : '\n]\n');
  formed.check();
  await out.finish();
  return 0;
}

const commands: Record<string, Command> = {
  classify: {
    usage: `Usage: leadstage classify <leads> --config <file|preset> [options]

  --detail full|statuses|stage what each result holds (default full)
  --format table|json|ndjson|csv|crm  (default table; table text has control characters replaced)
  --crm hubspot|salesforce|generic  with --format crm: a CSV the CRM's importer takes back: its id column
                               (Record ID, Id, id) and leadstage_* properties (docs/crm-maps.md)
  --follow-up-from stage-entry|as-of  what followUpBy counts from (default stage-entry: for a lead with
                               events, the instant it entered its stage, from its history; a lead
                               without events counts from --as-of); csv, json and ndjson say which
                               (followUpFrom). as-of skips the history replay (faster on events)
  --no-escape-formulas         csv, crm: write cells starting with = + - @ tab CR as they are (default: a leading ')
  --locale en|it               the language of labels (default en)
${AS_OF_COLUMN_USAGE}
${ACCOUNT_USAGE}
${LEAD_USAGE}`,
    options: {
      ...LEAD_OPTIONS,
      ...ESCAPE_OPTION,
      detail: { type: 'string' },
      format: { type: 'string' },
      locale: { type: 'string' },
      crm: { type: 'string' },
      'follow-up-from': { type: 'string' },
      'as-of-column': { type: 'string' },
      ...ACCOUNT_OPTIONS,
    },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const config = configOf(required(values, 'config', this.usage), values);
      const detail = oneOf(values.detail, 'detail', ['full', 'statuses', 'stage'] as const, 'full');
      const format = oneOf(
        values.format,
        'format',
        ['table', 'json', 'ndjson', 'csv', 'crm'] as const,
        'table',
      );
      const crm = format === 'crm' ? oneOf(values.crm ?? '', 'crm', CRMS, 'generic') : undefined;
      if (format !== 'crm' && values.crm !== undefined)
        throw new CliError(`--crm: only with --format crm (received --format ${format})`, 2);
      if (format === 'crm' && detail !== 'full')
        throw new CliError(
          `--format crm: writes the next ask in words, from full results; received --detail ${detail}`,
          2,
        );
      // what followUpBy counts from: by default the instant a lead with events entered its stage (a lead
      // that has sat in SQO for a week is due now, not a day after --as-of), and every output says which
      if (values['follow-up-from'] !== undefined && detail === 'stage')
        throw new CliError('--follow-up-from: --detail stage has no follow-up; use full or statuses', 2);
      const followUpFrom =
        detail === 'stage'
          ? undefined
          : oneOf(
              values['follow-up-from'],
              'follow-up-from',
              ['as-of', 'stage-entry'] as const,
              'stage-entry',
            );
      const asOf = asOfOrColumn(values);
      const locale = typeof values.locale === 'string' ? values.locale : undefined;
      const escapeFormulas = values['no-escape-formulas'] !== true;
      checkAccountOptions(values);
      if (values.accounts === true) {
        // one row per account: the CRM write-back and per-row instants are per lead
        if (format === 'crm' || asOf === undefined || values['follow-up-from'] !== undefined)
          throw new CliError(
            `--accounts: writes one row per account; --format crm, --as-of-column and --follow-up-from are per lead (received ${format === 'crm' ? '--format crm' : asOf === undefined ? '--as-of-column' : '--follow-up-from'})`,
            2,
          );
        return classifyAccountsCommand(file, values, positionals, config, {
          format,
          asOf,
          locale,
          escapeFormulas,
        });
      }
      const classifier = compile(config);
      // a grade column only for a config with grades (and a result that has one: not --detail stage)
      const graded = classifier.config.grades !== undefined && detail !== 'stage';
      const run = await leadsOf(file, values, config);
      const name = file === '-' ? '<stdin>' : file;
      const writer =
        crm === undefined
          ? undefined
          : crmWriter(crm, classifier.config, classifier.hash, {
              escapeFormulas,
              problems: {
                noId: (line) =>
                  run.diagnostics.warn({
                    file: name,
                    line,
                    cause: `no record id (${writer?.header[0]} left blank): the CRM cannot match the row to a record`,
                    noun: 'row',
                    hint:
                      crm === 'generic'
                        ? 'give every lead an id'
                        : `export the records with their ${writer?.header[0]} column and read them with --map ${crm}`,
                  }),
                followUpOutOfRange: (line, value) =>
                  run.diagnostics.warn({
                    file: name,
                    line,
                    cause: 'a follow-up date outside 1700-4000, which CRM importers refuse: left blank',
                    example: value,
                  }),
              },
            });
      const perRow = run.asOfColumn !== undefined;
      const out = await output(values, positionals);
      const tick = progress();
      let index = 0;
      // the header goes out with the first row: the checks the first rows run (a missing --outcome or
      // --as-of-column column) end the run with nothing on stdout
      let started = false;
      const start = async () => {
        started = true;
        if (format === 'json') await out.write('[');
        if (format === 'table')
          await out.write(
            `${[pad('lead', 24), pad('stage', 14), pad('score', 8), ...(graded ? [pad('grade', 6)] : []), pad('next', 20), 'blockers'].join(' ')}\n`,
          );
        if (format === 'csv')
          await out.write(
            stringify([
              [
                'leadId',
                ...(perRow ? ['asOf'] : []),
                'stage',
                'score',
                ...(graded ? ['grade'] : []),
                'next',
                'nextStatus',
                'blockers',
                'followUpBy',
                ...(followUpFrom === undefined ? [] : ['followUpFrom']),
                'flags',
              ],
            ]),
          );
        if (writer !== undefined) await out.write(stringify([writer.header as string[]]));
      };
      // the rows classified, in order, each with its instant: the leads go through one batch classifier
      // for the whole run (a batch call per lead cost as much again as classifying it)
      type Accepted = {
        lead: Record<string, unknown>;
        line: number;
        row: Record<string, unknown>;
        at: string;
      };
      const accepted: Accepted[] = [];
      async function* acceptedLeads() {
        for await (const { lead, line, row } of run.leads) {
          if (!started) await start();
          // with --as-of-column, the row's own instant; a row without one is skipped (and reported)
          const at = run.asOfColumn === undefined ? (asOf as string) : run.asOfColumn.at(row, lead, line);
          if (at === undefined) continue;
          accepted.push({ lead, line, row, at });
          yield lead;
        }
      }
      async function* stages() {
        for await (const lead of acceptedLeads()) {
          yield {
            ...(typeof lead.id === 'string' || typeof lead.id === 'number'
              ? { leadId: String(lead.id) }
              : {}),
            stage: classifier.stage(lead, { asOf: (accepted[0] as Accepted).at }),
          };
        }
      }
      const results =
        detail === 'stage'
          ? stages()
          : classifyStream(acceptedLeads(), classifier, {
              // the lead being classified is the one accepted and not yet written
              asOf: perRow ? () => (accepted[0] as Accepted).at : (asOf as string),
              detail,
              ...(locale === undefined ? {} : { locale }),
              ...(followUpFrom === undefined ? {} : { followUpFrom }),
            });
      for await (const result of results as AsyncIterable<AnyResult | { leadId?: string; stage: string }>) {
        const { lead, line, row, at } = accepted.shift() as Accepted;
        run.flagged(result as { flags?: readonly string[] }, lead, line);
        // a lead with events whose follow-up still counts from --as-of: its history ran past the work budget
        if (
          followUpFrom === 'stage-entry' &&
          (result as { followUpFrom?: string }).followUpFrom === 'as-of' &&
          Array.isArray(lead.events) &&
          lead.events.length > 0
        )
          run.diagnostics.warn({
            file: name,
            line,
            cause:
              "follow-up counted from --as-of, not from the stage entry: the history of the lead's events ran past the work budget",
            noun: 'lead',
          });
        if (format === 'json') await out.write(`${index === 0 ? '\n' : ',\n'}${JSON.stringify(result)}`);
        else if (format === 'ndjson') await out.write(`${JSON.stringify(result)}\n`);
        else if (format === 'table') await out.write(`${forTerminal(tableRow(result, index, graded))}\n`);
        else if (writer !== undefined)
          await out.write(stringify([writer.row(result as Classification, { row, line })]));
        else {
          const full = result as Partial<Classification>;
          await out.write(
            stringify([
              [
                result.leadId ?? '',
                ...(perRow ? [at] : []),
                result.stage,
                full.scores?.total ?? '',
                ...(graded ? [full.grade ?? ''] : []),
                full.next?.stage ?? '',
                full.next?.status ?? '',
                (full.next?.blockers ?? []).map((blocker) => blocker.criterion ?? blocker.label).join(';'),
                full.followUpBy ?? '',
                ...(followUpFrom === undefined ? [] : [full.followUpFrom ?? '']),
                (full.flags ?? []).join(';'),
              ].map((cell) => escapeFormula(cell, escapeFormulas)),
            ]),
          );
        }
        index++;
        tick.tick();
      }
      if (!started) await start();
      if (format === 'json') await out.write(index === 0 ? ']\n' : '\n]\n');
      tick.done();
      run.check();
      await out.finish();
      return 0;
    },
  },

  explain: {
    usage: `Usage: leadstage explain <leads> --config <file|preset> [--locale en|it] [options]

  Each lead's explanation, for a salesperson (control characters in lead data replaced).
${LEAD_USAGE}`,
    options: { ...LEAD_OPTIONS, locale: { type: 'string' } },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const config = configOf(required(values, 'config', this.usage), values);
      const classifier = compile(config);
      const asOf = asOfOf(values['as-of']);
      // the sentences explain writes exist in en and it: another locale is a usage error, not English
      const locale = localeOf(values.locale);
      const run = await leadsOf(file, values, config);
      const out = await output(values, positionals);
      let first = true;
      for await (const { lead, line } of run.leads) {
        const result = classifier.classify(lead, { asOf, locale });
        run.flagged(result, lead, line);
        await out.write(`${first ? '' : '\n'}${forTerminal(explain(result))}\n`);
        first = false;
      }
      run.check();
      await out.finish();
      return 0;
    },
  },

  summarize: {
    usage: `Usage: leadstage summarize <leads> --config <file|preset> [--outcome <column>] [--by <path>[:month]] [--format text|json] [options]

  --outcome <column>   a column saying whether each lead converted (won/lost, yes/no, 1/0, Closed Won,
                       closedwon, Converted; open stages are no outcome yet): adds the calibration, each
                       rate with its 95 % interval, each stage tested against the next one up, and
                       warnings where groups are too small to judge.
                       Matched as maps match columns (case-insensitive, trimmed); no such column: exit 2
  --by <path>[:day|:week|:month|:quarter|:year]
                       a breakdown: the funnel and calibration per group of a lead path (after --map;
                       else the file's column of that name), a date bucketed: createdAt:month,
                       company.industry, engage_date:quarter. Up to --max-groups groups (default 1000)
  --max-groups <n>     the most groups of --by; leads of later groups count under "(other)"
  --format text|json   (default text)
${AS_OF_COLUMN_USAGE}
  --locale ${LOCALES.join('|')}        the language of the text: numbers, dates, headings, flags (default en;
                       json keeps its codes)
  With --accounts, an accounts view after the funnel (json: "accounts"): accounts per stage, buying-group
  coverage (each role present, missing, not known), the grade matrix of accounts.
${ACCOUNT_USAGE}
${LEAD_USAGE}`,
    options: {
      ...LEAD_OPTIONS,
      outcome: { type: 'string' },
      by: { type: 'string' },
      'max-groups': { type: 'string' },
      format: { type: 'string' },
      'as-of-column': { type: 'string' },
      locale: { type: 'string' },
      ...ACCOUNT_OPTIONS,
    },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      checkAccountOptions(values);
      refusePerRow(values);
      const words = wordsFor(localeOf(values.locale));
      const config = configOf(required(values, 'config', this.usage), values);
      const classifier = compile(config);
      const format = oneOf(values.format, 'format', ['text', 'json'] as const, 'text');
      const asOf = asOfOrColumn(values);
      const outcome = typeof values.outcome === 'string' ? new OutcomeColumn(values.outcome) : undefined;
      let current: boolean | undefined;
      const by = typeof values.by === 'string' ? values.by : undefined;
      const summary = summaryOf(values, outcome === undefined ? undefined : () => current);
      const run = await leadsOf(file, values, config, outcome);
      const held: object[] | undefined = values.accounts === true ? [] : undefined;
      const tick = progress();
      for await (const { lead, row, line } of run.leads) {
        // with --as-of-column, the row's own instant; a row without one is skipped (and reported)
        const at = run.asOfColumn === undefined ? (asOf as string) : run.asOfColumn.at(row, lead, line);
        if (at === undefined) continue;
        if (outcome !== undefined) current = outcome.read(row);
        const result = classifier.classify(lead, { asOf: at, detail: 'statuses' });
        run.flagged(result, lead, line);
        // --by reads the lead, then the file's own column of that name (a column --map does not keep)
        summary.add(result, by === undefined ? undefined : { ...row, ...lead });
        // --accounts: an account needs all its members, the leads are held
        held?.push(lead);
        tick.tick();
      }
      tick.done();
      run.check();
      const accounts =
        held === undefined
          ? undefined
          : await accountsViewOf(held, values, classifier, asOf as string, run.diagnostics);
      const out = await output(values, positionals);
      const result = summary.result();
      await out.write(
        format === 'json'
          ? `${JSON.stringify(accounts === undefined ? result : { ...result, accounts: accounts.view }, null, 2)}\n`
          : forTerminal(
              summaryText(result, gradeMatrix(classifier.config), words) +
                (accounts === undefined ? '' : accountsText(accounts.view, accounts.matrix, words)),
            ),
      );
      await out.finish();
      return 0;
    },
  },

  history: {
    usage: `Usage: leadstage history <leads> --config <file|preset> [--events <file>] [--format table|json|ndjson] [options]

  Each lead's stages from its creation (or first event) to --as-of, with what changed and each SLA;
  table ends with time in stage, time to each stage and SLA counts.
  --format table|json|ndjson   (default table; json is { histories, summary })
${LEAD_USAGE}`,
    options: { ...LEAD_OPTIONS, format: { type: 'string' } },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const config = configOf(required(values, 'config', this.usage), values);
      const classifier = compile(config);
      const format = oneOf(values.format, 'format', ['table', 'json', 'ndjson'] as const, 'table');
      const asOf = asOfOf(values['as-of']);
      const run = await leadsOf(file, values, config);
      const out = await output(values, positionals);
      // only --format json holds every history (it prints them as one document); the others stream
      const histories: StageHistory[] = [];
      const timing = createHistorySummary();
      let index = 0;
      for await (const { lead } of run.leads) {
        const history = stageHistory(lead, classifier, { asOf });
        timing.add(history);
        if (format === 'json') histories.push(history);
        if (format === 'ndjson') await out.write(`${JSON.stringify(history)}\n`);
        if (format === 'table') {
          const lines = [
            `${history.leadId ?? `#${index + 1}`}: ${history.stage} since ${history.stageSince}${history.grade === undefined ? '' : `, grade ${history.grade}`}`,
          ];
          for (const segment of history.segments) {
            const sla =
              segment.followUp === undefined
                ? ''
                : `  follow-up due ${segment.followUp.due}: ${segment.followUp.status}`;
            const why =
              segment.reason === undefined
                ? ''
                : `  (${segment.reason.criteria.map((change) => `${change.criterion} ${change.from}→${change.to}`).join(', ')}${segment.reason.codes === undefined ? '' : `; ${segment.reason.codes.join(', ')}`})`;
            // with grades: the grade it entered with, and each one it went through
            const grade =
              segment.grade === undefined
                ? ''
                : `  [grade ${segment.grades === undefined ? segment.grade : segment.grades.map((each) => each.grade).join(' → ')}]`;
            lines.push(
              `  ${pad(segment.stage, 14)} ${segment.from} → ${segment.to ?? 'now'}${grade}${why}${sla}`,
            );
          }
          await out.write(`${forTerminal(lines.join('\n'))}\n`);
        }
        index++;
      }
      run.check();
      const summary = timing.result();
      if (format === 'json') await out.write(`${JSON.stringify({ histories, summary }, null, 2)}\n`);
      if (format === 'table') {
        const days = (ms: number | undefined) =>
          ms === undefined ? '—' : `${(ms / 86_400_000).toFixed(1)} d`;
        await out.write(`\n${summary.leads} leads\n`);
        for (const [id, stage] of Object.entries(summary.stages)) {
          const sla =
            stage.followUp === undefined
              ? ''
              : `  SLA met ${stage.followUp.met}, breached ${stage.followUp.breached}, open ${stage.followUp.open}`;
          await out.write(
            forTerminal(
              `  ${pad(id, 14)} entered ${stage.entries}, now ${stage.current}, median stay ${days(stage.time?.median)}, p90 ${days(stage.time?.p90)}, time to reach: median ${days(summary.timeTo[id]?.median)}${sla}\n`,
            ),
          );
        }
      }
      await out.finish();
      return 0;
    },
  },

  diff: {
    usage: `Usage: leadstage diff <leads> --config <a> --against <b> [--format text|json] [options]

  Which leads change stage from config a (in use) to config b (proposed), and the from → to matrix.
${LEAD_USAGE}`,
    options: { ...LEAD_OPTIONS, against: { type: 'string' }, format: { type: 'string' } },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      const before = configOf(required(values, 'config', this.usage), values);
      const after = configOf(required(values, 'against', this.usage), values);
      const format = oneOf(values.format, 'format', ['text', 'json'] as const, 'text');
      const asOf = asOfOf(values['as-of']);
      const diff = createConfigDiff(before, after, { asOf });
      // events used by either config count as used
      const both = { before, after };
      const run = await leadsOf(file, values, both, undefined, before);
      for await (const { lead } of run.leads) diff.add(lead);
      run.check();
      const result: ConfigDiff = diff.result();
      const out = await output(values, positionals);
      if (format === 'json') await out.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        const lines = [`${result.changed} of ${result.total} leads change stage`, '', 'from → to'];
        for (const [from, row] of Object.entries(result.matrix))
          for (const [to, count] of Object.entries(row))
            lines.push(`  ${pad(from, 14)} → ${pad(to, 14)} ${count}`);
        if (result.leads.length > 0)
          lines.push(
            '',
            'moved leads',
            ...result.leads.map(
              (lead) =>
                `  ${pad(lead.id ?? `#${lead.index + 1}`, 24)} ${lead.from} → ${lead.to} (score ${lead.scoreDelta >= 0 ? '+' : ''}${lead.scoreDelta})`,
            ),
          );
        if (result.truncated) lines.push(`  … and ${result.changed - result.leads.length} more`);
        await out.write(`${forTerminal(lines.join('\n'))}\n`);
      }
      await out.finish();
      return 0;
    },
  },

  report: {
    usage: `Usage: leadstage report <leads> --config <file|preset> --out report.html [--outcome <column>] [--by <path>[:month]] [options]

  One self-contained HTML file (no network): the funnel, top blockers, score distribution per stage,
  time in stage and SLAs when events allow, calibration when --outcome names a column (every rate with
  its 95 % interval), and with --by a breakdown chart (stage shares per group) and, with --outcome, a
  cohort chart (conversion per group with its interval). --by and --max-groups as for summarize.
  --locale ${LOCALES.join('|')}        the language of the report: numbers, dates, headings, charts, flags
                       (default en)
  With --accounts, an accounts section: accounts per stage, buying-group coverage, the grade matrix of
  accounts, each chart with its table.
${ACCOUNT_USAGE}
${LEAD_USAGE}`,
    options: {
      ...LEAD_OPTIONS,
      outcome: { type: 'string' },
      by: { type: 'string' },
      'max-groups': { type: 'string' },
      locale: { type: 'string' },
      ...ACCOUNT_OPTIONS,
    },
    async run(values, positionals) {
      const file = leadsArgument(positionals, this.usage);
      required(values, 'out', this.usage);
      checkAccountOptions(values);
      const words = wordsFor(localeOf(values.locale));
      const config = configOf(required(values, 'config', this.usage), values);
      const classifier = compile(config);
      const asOf = asOfOf(values['as-of']);
      const outcome = typeof values.outcome === 'string' ? new OutcomeColumn(values.outcome) : undefined;
      let current: boolean | undefined;
      const summary = summaryOf(values, outcome === undefined ? undefined : () => current);
      const histories = createHistorySummary();
      let withEvents = 0;
      const run = await leadsOf(file, values, config, outcome);
      const out = await output(values, positionals);
      const held: object[] | undefined = values.accounts === true ? [] : undefined;
      const tick = progress();
      for await (const { lead, row, line } of run.leads) {
        held?.push(lead);
        if (outcome !== undefined) current = outcome.read(row);
        const result = classifier.classify(lead, { asOf, detail: 'statuses' });
        run.flagged(result, lead, line);
        summary.add(result, values.by === undefined ? undefined : { ...row, ...lead });
        if (Array.isArray(lead.events) && lead.events.length > 0) withEvents++;
        histories.add(stageHistory(lead, classifier, { asOf, grades: false }));
        tick.tick();
      }
      tick.done();
      run.check();
      const grades = gradeMatrix(classifier.config);
      const accounts =
        held === undefined
          ? undefined
          : await accountsViewOf(held, values, classifier, asOf, run.diagnostics);
      const html = renderReport({
        ...(accounts === undefined ? {} : { accounts: accounts.view, accountGrades: accounts.matrix }),
        summary: summary.result(),
        histories: withEvents > 0 ? histories.result() : undefined,
        asOf,
        source: file,
        outcome: outcome?.column,
        version: VERSION,
        quality: run.diagnostics.summaryLines(words),
        words,
        ...(grades === undefined ? {} : { grades }),
      });
      await out.write(html);
      await out.finish();
      process.stderr.write(`leadstage: wrote ${values.out}\n`);
      return 0;
    },
  },

  check: {
    usage: `Usage: leadstage check <config|preset> [--map <file|name>]
       leadstage check --map <file|name>

  Every issue of the config with its path, the lint's warnings, then its embedded examples; with
  --map, every issue of a field map too (a JSON file, or a built-in: ${Object.keys(maps).join(', ')}).
  Exit 1 when the config or the map is invalid or an example fails.`,
    options: { map: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    async run(values, positionals) {
      const mapName = typeof values.map === 'string' ? values.map : undefined;
      if (positionals.length > 1 || (positionals.length === 0 && mapName === undefined))
        throw new CliError(`expected one config file or preset, or --map <file>\n\n${this.usage}`, 2);
      let mapFailed = false;
      if (mapName !== undefined) {
        const parsedMap = Object.hasOwn(maps, mapName)
          ? safeParseFieldMap(maps[mapName as keyof typeof maps])
          : safeParseFieldMap(readJsonFile(mapName, 'field map'));
        if (parsedMap.success) process.stdout.write(`${mapName}: valid field map\n`);
        else {
          for (const issue of parsedMap.issues)
            process.stdout.write(`${mapName}: error: ${describeIssue(issue)}\n`);
          process.stdout.write(
            `${mapName}: invalid field map (${parsedMap.issues.length} error${parsedMap.issues.length === 1 ? '' : 's'})\n`,
          );
          mapFailed = true;
        }
      }
      if (positionals.length === 0) return mapFailed ? 1 : 0;
      const file = positionals[0] as string;
      const input = Object.hasOwn(presets, file)
        ? presets[file as keyof typeof presets]
        : readJsonFile(file, 'config');
      const parsed = safeParseConfig(input);
      if (!parsed.success) {
        for (const issue of parsed.issues) process.stdout.write(`${file}: error: ${describeIssue(issue)}\n`);
        for (const warning of lintConfig(input).warnings)
          process.stdout.write(`${file}: warning: ${describeIssue(warning)}\n`);
        process.stdout.write(
          `${file}: invalid (${parsed.issues.length} error${parsed.issues.length === 1 ? '' : 's'})\n`,
        );
        return 1;
      }
      for (const warning of parsed.warnings)
        process.stdout.write(`${file}: warning: ${describeIssue(warning)}\n`);
      const examples = runExamples(parsed.config);
      for (const example of examples.results) {
        process.stdout.write(
          `${example.passed ? 'ok  ' : 'FAIL'} example "${example.name}": ${example.stage}${example.passed ? '' : ` — ${example.failures.join('; ')}`}\n`,
        );
      }
      const failed = examples.results.filter((example) => !example.passed).length;
      process.stdout.write(
        `${file}: valid, ${parsed.warnings.length} warning${parsed.warnings.length === 1 ? '' : 's'}, ${examples.results.length - failed} of ${examples.results.length} examples pass\n`,
      );
      return failed > 0 || mapFailed ? 1 : 0;
    },
  },

  seal: {
    usage: `Usage: leadstage seal <config> [--out <file>]

  Checks the config and writes it sealed, for compileSealed in leadstage/runtime.`,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    async run(values, positionals) {
      if (positionals.length !== 1)
        throw new CliError(`expected one config file or preset\n\n${this.usage}`, 2);
      const sealed = sealConfig(loadConfig(positionals[0] as string));
      const out = await output(values, positionals);
      await out.write(`${JSON.stringify(sealed, null, 2)}\n`);
      await out.finish();
      return 0;
    },
  },

  build: {
    usage: `Usage: leadstage build <config> [--out <file>] [--levels stage,statuses,full] [--format esm|cjs] [--helpers <specifier>]

  Generates a JavaScript module that classifies leads with the config: the same stage as the library's
  classifier.stage(), and with --levels the same classify(lead, { detail: 'statuses' }) and full
  classify(lead, options) results, byte for byte, without the compiler, the validator or the config. It
  imports only leadstage/helpers (--helpers to import them from elsewhere). --format defaults to cjs for a
  .cjs --out, else esm. --levels: the levels the module answers, stage (default), statuses and full (a call
  for a level it does not hold throws).`,
    options: {
      out: { type: 'string', short: 'o' },
      levels: { type: 'string' },
      format: { type: 'string' },
      helpers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    async run(values, positionals) {
      if (positionals.length !== 1)
        throw new CliError(`expected one config file or preset\n\n${this.usage}`, 2);
      const out = typeof values.out === 'string' ? values.out : undefined;
      const format = oneOf(
        values.format,
        'format',
        ['esm', 'cjs'] as const,
        out?.endsWith('.cjs') ? 'cjs' : 'esm',
      );
      const levels =
        typeof values.levels === 'string' ? values.levels.split(',').map((level) => level.trim()) : ['stage'];
      for (const level of levels) oneOf(level, 'levels', ['stage', 'statuses', 'full'] as const, 'stage');
      const source = generateModule(loadConfig(positionals[0] as string), {
        levels: levels as Array<'stage' | 'statuses' | 'full'>,
        format,
        ...(typeof values.helpers === 'string' ? { helpers: values.helpers } : {}),
      });
      const file = await output(values, positionals);
      await file.write(source);
      await file.finish();
      return 0;
    },
  },

  'check-data': checkDataCommand,

  schema: {
    usage: `Usage: leadstage schema [--out <file>]

  The JSON Schema of configs, for editors.`,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    async run(values, positionals) {
      const out = await output(values, positionals);
      await out.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
      await out.finish();
      return 0;
    },
  },
};

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (command === undefined) {
    process.stderr.write(
      `leadstage: unknown command "${name}"; expected one of ${Object.keys(commands).join(', ')}\n\n${HELP}\n`,
    );
    return 2;
  }
  try {
    let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
    try {
      parsed = parseArgs({
        args: [...rest],
        options: command.options,
        allowPositionals: true,
        strict: true,
      }) as typeof parsed;
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${command.usage}`, 2);
    }
    if (parsed.values.help === true) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    const code = await command.run(parsed.values, parsed.positionals);
    active?.finish(code, true);
    return code;
  } catch (error) {
    abortOutputs();
    if (error instanceof CliError) {
      active?.finish(error.exitCode, error.exitCode !== 2 && error.withSummary);
      process.stderr.write(`leadstage ${name}: ${forTerminal(error.message)}\n`);
      return error.exitCode;
    }
    active?.finish(1, true);
    if (error instanceof Error && error.name === 'ConfigError') {
      process.stderr.write(`leadstage ${name}: ${forTerminal(error.message)}\n`);
      return 1;
    }
    if (ioCode(error) !== undefined) {
      // a system error no reader caught: still one line
      const path = (error as { path?: unknown }).path;
      process.stderr.write(
        `leadstage ${name}: ${typeof path === 'string' ? `${path}: ` : ''}${ioMessage(error)}\n`,
      );
      return 1;
    }
    if (error instanceof RangeError) {
      process.stderr.write(`leadstage ${name}: the input is too large to read this way (${error.message})\n`);
      return 1;
    }
    throw error;
  } finally {
    active = undefined;
  }
}
