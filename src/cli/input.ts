/// <reference types="node" />
// Reading what the command line is given: configs, field maps, lead files (CSV, NDJSON, JSON; `-` for
// stdin) and an events CSV joined by lead id. Problems in a row are reported as `file:line: what` and the
// run goes on; problems in a config or a map stop it.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type FieldMap, type Issue, maps, presets, safeParseConfig, safeParseFieldMap } from 'leadstage';
import { decodeBuffer, decodeText } from './decode';
import type { Diagnostics } from './diagnostics';
import { CliError, ioMessage } from './errors';
import { unescapeFormula } from './output';
import { delimiterName, enoughToSniff, linesOf, MAX_LINE, peekText, sniffDelimiter } from './text';

export { CliError } from './errors';

/** The largest JSON array read whole (text characters): beyond it, NDJSON streams. */
const MAX_JSON = 256 * 1024 * 1024;

export type InputFormat = 'csv' | 'ndjson' | 'json';

/** One row read from a lead file, with where it came from. */
export interface Row {
  /** The row, dotted CSV headers nested when asked. */
  readonly value: Record<string, unknown>;
  /** The row as read (CSV: column → cell). */
  readonly raw: Record<string, unknown>;
  readonly line: number;
}

/** Where bad rows are reported: `file:line: problem`. */
export type Report = (line: number, problem: string) => void;

const displayName = (file: string) => (file === '-' ? '<stdin>' : file);

/** `path: message` for a config or map issue. */
export function describeIssue(issue: Issue): string {
  // the message starts with the issue's path already
  return issue.message;
}

/** The line of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) line++;
  }
  return line;
}

/**
 * `:line` of a JSON syntax error, from V8's message: its `position N`, or else the text it quotes around
 * the bad token (`Unexpected token '}', ..."id": }" is not valid JSON`) found in the file.
 */
function jsonErrorLine(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  if (position !== null) return `:${lineOf(text, Number(position[1]))}`;
  const quoted = /, (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (quoted === null) return '';
  const snippet = quoted[1] as string;
  const at = text.indexOf(snippet);
  if (at < 0) return '';
  const token = /Unexpected token '(.)'/.exec(message);
  const within = token === null ? 0 : Math.max(0, snippet.lastIndexOf(token[1] as string));
  return `:${lineOf(text, at + within)}`;
}

/** V8's JSON error without the position or the quoted text (the line says where). */
function jsonProblem(message: string): string {
  return message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/, '');
}

/** JSON from a file, or a CliError naming the file and line of the syntax error. */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = decodeBuffer(file === '-' ? readFileSync(0) : readFileSync(file), (message) =>
      process.stderr.write(`leadstage: ${displayName(file)}: ${message}\n`),
    );
  } catch (error) {
    throw new CliError(`${displayName(file)}: cannot read the ${what}: ${ioMessage(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new CliError(
      `${displayName(file)}${jsonErrorLine(text, message)}: the ${what} is not valid JSON (${jsonProblem(message)})`,
    );
  }
}

/** A config: a preset name (`saas`) or a JSON file; checked, every issue printed. */
export function loadConfig(nameOrFile: string): object {
  if (Object.hasOwn(presets, nameOrFile)) return presets[nameOrFile as keyof typeof presets];
  const input = readJsonFile(nameOrFile, 'config');
  const parsed = safeParseConfig(input);
  if (!parsed.success) {
    const lines = parsed.issues.map((issue) => `${nameOrFile}: ${describeIssue(issue)}`);
    throw new CliError(
      `${lines.join('\n')}\n${nameOrFile}: invalid config (${parsed.issues.length} issue${parsed.issues.length === 1 ? '' : 's'})`,
    );
  }
  return parsed.config;
}

/** A field map: a built-in name (`hubspot`, `salesforce`) or a JSON file. */
export function loadMap(nameOrFile: string): FieldMap {
  if (Object.hasOwn(maps, nameOrFile)) return maps[nameOrFile as keyof typeof maps];
  const parsed = safeParseFieldMap(readJsonFile(nameOrFile, 'field map'));
  if (!parsed.success) {
    throw new CliError(parsed.issues.map((issue) => `${nameOrFile}: ${describeIssue(issue)}`).join('\n'));
  }
  return parsed.map;
}

/** The format of a lead file: the flag, else the extension; stdin is sniffed from its first character. */
export function formatOf(file: string, flag: string | undefined): InputFormat | undefined {
  if (flag !== undefined) {
    if (flag === 'csv' || flag === 'ndjson' || flag === 'json') return flag;
    throw new CliError(`--input-format: expected csv, ndjson or json, received "${flag}"`, 2);
  }
  if (file === '-') return undefined;
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  if (extension === '.json') return 'json';
  throw new CliError(
    `${file}: cannot tell the format from "${extension || 'no extension'}"; expected .csv, .ndjson, .jsonl or .json, or --input-format`,
    2,
  );
}

/** A dotted CSV header (`budget.amount`) becomes a nested path; `__proto__` and friends stay flat text. */
function nest(record: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === '') continue;
    const parts = key.split('.');
    if (
      parts.length === 1 ||
      parts.some(
        (part) => part === '' || part === '__proto__' || part === 'constructor' || part === 'prototype',
      )
    ) {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      if (next === null || typeof next !== 'object') node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] as string] = value;
  }
  return out;
}

async function* sourceOf(file: string): AsyncGenerator<Buffer> {
  if (file === '-') {
    yield* process.stdin as AsyncIterable<Buffer>;
    return;
  }
  // checked first, for one clear line: ENOENT, EISDIR, EACCES
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw new CliError(`${file}: cannot read the leads: ${ioMessage(error)}`);
  }
  try {
    yield* createReadStream(file) as AsyncIterable<Buffer>;
  } catch (error) {
    throw new CliError(`${file}: cannot read: ${ioMessage(error)}`);
  }
}

/** The CSV delimiter of `--delimiter`: one character, or comma, semicolon, tab, pipe. */
export function delimiterOf(flag: string | undefined): string | undefined {
  if (flag === undefined) return undefined;
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const delimiter = Object.hasOwn(named, flag) ? named[flag] : flag;
  if (delimiter === undefined || delimiter.length !== 1 || delimiter === '"' || delimiter === '\n')
    throw new CliError(
      `--delimiter: expected one character (, ; | or tab), received ${JSON.stringify(flag)}`,
      2,
    );
  return delimiter;
}

export interface ReadOptions {
  readonly formatFlag?: string | undefined;
  /** Dotted CSV headers become nested paths. */
  readonly nestHeaders: boolean;
  /** `--delimiter`; sniffed when undefined. */
  readonly delimiter?: string | undefined;
  readonly diagnostics: Diagnostics;
  /** The file's columns (CSV header; JSON: keys of the rows), once known. */
  readonly onHeaders?: (headers: readonly string[]) => void;
}

/** A CSV header with duplicate names: later copies renamed `Name (2)`, and a notice naming them. */
function uniqueHeaders(header: string[], file: string, diagnostics: Diagnostics): string[] {
  const seen = new Map<string, number>();
  const duplicates = new Set<string>();
  const out = header.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    duplicates.add(name);
    return `${name} (${count})`;
  });
  if (duplicates.size > 0)
    diagnostics.warn({
      file,
      line: 1,
      cause: `duplicate column name${duplicates.size === 1 ? '' : 's'} ${[...duplicates].map((name) => JSON.stringify(name)).join(', ')}: the first is read, later ones are named "${[...duplicates][0]} (2)"…`,
      noun: 'header',
    });
  return out;
}

/**
 * The rows of a lead file, one at a time (CSV and NDJSON stream; a JSON array is read whole), decoded
 * from UTF-8, UTF-16 or Windows-1252. A row that cannot be read is reported and skipped; a CSV quote that
 * never closes stops the run with its line.
 */
export async function* readRows(file: string, options: ReadOptions): AsyncGenerator<Row> {
  const name = displayName(file);
  const { diagnostics } = options;
  let format = formatOf(file, options.formatFlag);
  let text = decodeText(sourceOf(file), (message) => diagnostics.notice(name, message));
  if (format === undefined) {
    // stdin: the first character that is not white space says JSON ([), NDJSON ({) or CSV
    const peeked = await peekText(text, (prefix) => prefix.trimStart() !== '' || prefix.length > MAX_LINE);
    const first = peeked.prefix.trimStart()[0];
    format = first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
    text = peeked.text;
  }
  if (format === 'json') {
    const parts: string[] = [];
    let length = 0;
    for await (const chunk of text) {
      length += chunk.length;
      if (length > MAX_JSON)
        throw new CliError(
          `${name}: a JSON array over ${MAX_JSON / 1024 / 1024} MiB is not read whole; write one lead per line (NDJSON) instead`,
        );
      parts.push(chunk);
    }
    const whole = parts.join('');
    let parsed: unknown;
    try {
      parsed = JSON.parse(whole);
    } catch (error) {
      const message = (error as Error).message;
      throw new CliError(
        `${name}${jsonErrorLine(whole, message)}: not valid JSON (${jsonProblem(message)}); expected an array of leads`,
      );
    }
    if (!Array.isArray(parsed))
      throw new CliError(`${name}: expected a JSON array of leads, received ${typeof parsed}`);
    for (const [index, value] of parsed.entries()) {
      diagnostics.counts.rows++;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        diagnostics.counts.unreadableRows++;
        diagnostics.warn({ file: name, line: index + 1, cause: 'an item is not an object', noun: 'item' });
        continue;
      }
      options.onHeaders?.(Object.keys(value));
      yield {
        value: value as Record<string, unknown>,
        raw: value as Record<string, unknown>,
        line: index + 1,
      };
    }
    return;
  }
  if (format === 'ndjson') {
    for await (const batch of linesOf(text))
      for (const { line, text: content, tooLong } of batch) {
        if (tooLong) {
          diagnostics.counts.rows++;
          diagnostics.counts.unreadableRows++;
          diagnostics.warn({
            file: name,
            line,
            cause: `a line longer than ${MAX_LINE / 1024 / 1024} MiB is not read`,
            noun: 'line',
          });
          continue;
        }
        if (content.trim() === '') continue;
        diagnostics.counts.rows++;
        let value: unknown;
        try {
          value = JSON.parse(content);
        } catch (error) {
          diagnostics.counts.unreadableRows++;
          diagnostics.warn({
            file: name,
            line,
            cause: `not valid JSON (${jsonProblem((error as Error).message)})`,
            noun: 'line',
          });
          continue;
        }
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          diagnostics.counts.unreadableRows++;
          diagnostics.warn({
            file: name,
            line,
            cause: 'expected a JSON object (one lead per line)',
            noun: 'line',
          });
          continue;
        }
        options.onHeaders?.(Object.keys(value));
        yield { value: value as Record<string, unknown>, raw: value as Record<string, unknown>, line };
      }
    return;
  }
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    const peeked = await peekText(text, enoughToSniff);
    text = peeked.text;
    delimiter = sniffDelimiter(peeked.prefix, peeked.ended);
    if (delimiter !== ',')
      diagnostics.notice(name, `columns separated by ${delimiterName(delimiter)} (--delimiter to force)`);
  }
  let headers: string[] = [];
  const parser = Readable.from(text).pipe(
    parse({
      delimiter,
      columns: (header: string[]) => {
        headers = uniqueHeaders(
          // zero-width characters and a stray BOM (Excel and web exports leave them) are not part of a name
          header.map((column) => column.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim()),
          name,
          diagnostics,
        );
        options.onHeaders?.(headers);
        return headers;
      },
      // a cell the CLI's csv or crm output escaped (`'=…`) reads back as its value
      cast: (value: string, context: { header: boolean }) =>
        context.header ? value : unescapeFormula(value),
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      relax_quotes: true,
      // one record over this is a quote that swallowed the file, not a lead
      max_record_size: 16 * 1024 * 1024,
    }),
  );
  // reported from the loop below, not from the event: under --strict the report throws, and an exception
  // thrown in an event handler would crash the process instead of ending the run cleanly
  const skipped: Array<Error & { code?: string; lines?: number }> = [];
  parser.on('skip', (error: Error & { lines?: number }) => skipped.push(error));
  let lastLine = 1;
  // the parser reads ahead: a skipped row is reported when the rows before it have been
  const flush = (before: number) => {
    while (skipped.length > 0 && ((skipped[0] as { lines?: number }).lines ?? 0) < before) {
      const error = skipped.shift() as Error & { code?: string; lines?: number };
      if (error.code === 'CSV_QUOTE_NOT_CLOSED' || error.code === 'CSV_MAX_RECORD_SIZE') {
        throw new CliError(
          `${name}:${lastLine + 1}: a quoted field opened on this line is never closed (${error.code === 'CSV_QUOTE_NOT_CLOSED' ? `the file ends inside quotes at line ${error.lines}` : `the record grows past 16 MiB by line ${error.lines}`}); it would swallow every row after it. Fix the quote, or check --delimiter`,
        );
      }
      diagnostics.counts.rows++;
      diagnostics.counts.unreadableRows++;
      lastLine = error.lines ?? lastLine;
      diagnostics.warn({
        file: name,
        line: error.lines,
        cause: `cannot read this CSV row: ${error.message.replace(/ (?:on|at) line \d+$/, '')}`,
        noun: 'row',
      });
    }
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      flush(info.lines);
      lastLine = info.lines;
      diagnostics.counts.rows++;
      let blank = true;
      for (const column of headers) {
        const cell = record[column];
        if (cell !== undefined && cell.trim() !== '') {
          blank = false;
          break;
        }
      }
      if (blank) {
        diagnostics.counts.empty++;
        continue;
      }
      yield { value: options.nestHeaders ? nest(record) : record, raw: record, line: info.lines };
    }
    flush(Number.POSITIVE_INFINITY);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${name}: cannot read the CSV: ${ioMessage(error)}`);
  }
}
