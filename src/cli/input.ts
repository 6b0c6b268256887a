/// <reference types="node" />
// Reading what the command line is given: configs, field maps, lead files (CSV, NDJSON, JSON; `-` for
// stdin) and an events CSV joined by lead id. Problems in a row are reported as `file:line: what` and the
// run goes on; problems in a config or a map stop it.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type FieldMap, type Issue, maps, presets, safeParseConfig, safeParseFieldMap } from 'leadstage';

/** A problem the user must fix: printed as is, exit code 1 (or 2 for usage). */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export type InputFormat = 'csv' | 'ndjson' | 'json';

/** One row read from a lead file, with where it came from. */
export interface Row {
  readonly value: Record<string, unknown>;
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
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`${displayName(file)}: cannot read the ${what}: ${(error as Error).message}`);
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

function sourceOf(file: string): Readable {
  if (file === '-') return process.stdin;
  // checked first: a stream piped into the CSV parser would not pass its open error on
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch (error) {
    throw new CliError(`${file}: cannot read the leads: ${(error as Error).message}`);
  }
  return createReadStream(file);
}

/** Peeks at stdin to tell JSON (`[`), NDJSON (`{`) and CSV apart; returns the stream with the peeked bytes back in. */
async function sniff(stream: Readable): Promise<{ format: InputFormat; stream: Readable }> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const first: Buffer = await new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      stream.pause();
      stream.off('data', onData);
      stream.off('end', onEnd);
      resolve(chunk);
    };
    const onEnd = () => resolve(Buffer.alloc(0));
    stream.on('data', onData).once('end', onEnd).once('error', reject);
  });
  const text = first.toString('utf8').trimStart();
  out.write(first);
  stream.pipe(out);
  stream.resume();
  return { format: text.startsWith('[') ? 'json' : text.startsWith('{') ? 'ndjson' : 'csv', stream: out };
}

/**
 * The rows of a lead file, one at a time (CSV and NDJSON stream; a JSON array is read whole). A row that
 * cannot be read is reported and skipped; with `strict`, it stops the run.
 */
export async function* readRows(
  file: string,
  formatFlag: string | undefined,
  report: Report,
  options: { readonly nestHeaders: boolean },
): AsyncGenerator<Row> {
  let format = formatOf(file, formatFlag);
  let stream: Readable;
  stream = sourceOf(file);
  if (format === undefined) ({ format, stream } = await sniff(stream));
  if (format === 'json') {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      throw new CliError(
        `${displayName(file)}${jsonErrorLine(text, message)}: not valid JSON (${jsonProblem(message)}); expected an array of leads`,
      );
    }
    if (!Array.isArray(parsed))
      throw new CliError(`${displayName(file)}: expected a JSON array of leads, received ${typeof parsed}`);
    for (const [index, value] of parsed.entries()) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        report(index + 1, `item ${index} is not an object`);
        continue;
      }
      yield { value: value as Record<string, unknown>, line: index + 1 };
    }
    return;
  }
  if (format === 'ndjson') {
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
      line++;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        report(line, `not valid JSON (${jsonProblem((error as Error).message)})`);
        continue;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        report(line, 'expected a JSON object (one lead per line)');
        continue;
      }
      yield { value: value as Record<string, unknown>, line };
    }
    return;
  }
  const parser = stream.pipe(
    parse({
      columns: true,
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      relax_quotes: true,
    }),
  );
  // reported from the loop below, not from the event: under --strict the report throws, and an exception
  // thrown in an event handler would crash the process instead of ending the run cleanly
  const skipped: Array<Error & { lines?: number }> = [];
  parser.on('skip', (error: Error & { lines?: number }) => skipped.push(error));
  const flush = () => {
    for (const error of skipped.splice(0))
      report(error.lines ?? 0, `cannot read this CSV row: ${error.message}`);
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      flush();
      yield { value: options.nestHeaders ? nest(record) : record, line: info.lines };
    }
    flush();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${displayName(file)}: cannot read the CSV: ${(error as Error).message}`);
  }
}

/**
 * An events CSV (`leadId,type,at`, any other column into `props`), read whole and grouped by lead id:
 * CRMs export contacts and activities as two tables. Bad rows are reported.
 */
export async function readEvents(
  file: string,
  report: Report,
): Promise<Map<string, Array<Record<string, unknown>>>> {
  const byLead = new Map<string, Array<Record<string, unknown>>>();
  for await (const { value, line } of readRows(file, file.endsWith('.csv') ? 'csv' : undefined, report, {
    nestHeaders: false,
  })) {
    const { leadId, type, at, ...rest } = value as Record<string, string | undefined>;
    if (
      typeof leadId !== 'string' ||
      leadId === '' ||
      typeof type !== 'string' ||
      type === '' ||
      typeof at !== 'string' ||
      at === ''
    ) {
      report(line, 'an event needs leadId, type and at');
      continue;
    }
    const props = Object.fromEntries(
      Object.entries(rest).filter(([, item]) => item !== '' && item !== undefined),
    );
    const event: Record<string, unknown> =
      Object.keys(props).length === 0 ? { type, at } : { type, at, props };
    const list = byLead.get(leadId);
    if (list === undefined) byLead.set(leadId, [event]);
    else list.push(event);
  }
  return byLead;
}
