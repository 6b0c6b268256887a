/// <reference types="node" />
// What a run found in its input, one stderr line per cause (not one per cell), then a run summary:
// rows, leads, skipped, duplicates, unreadable values by column, events used and unused, outcomes read.
// `--quiet` prints no warnings (the summary only when the run fails), `--max-warnings N` at most N
// warning lines, and `--strict` stops at the first problem (exit 1).

import type { Issue } from 'leadstage';
import { CliError } from './errors';
import { forTerminal, quote } from './text';
import { type Words, wordsFor } from './words';

/** Where an unreadable mapped value is: its column, else the issue's path. */
export function columnOf(issue: Issue): string {
  const first = issue.path[0];
  return typeof first === 'string' ? first : issue.path.join('.');
}

/** A map issue's cause: the same text for every cell with this problem (the received value left out). */
export function causeOf(issue: Issue): string {
  const message = issue.message;
  const afterPath = message.indexOf(': ');
  let problem = afterPath < 0 ? message : message.slice(afterPath + 2);
  if (issue.received !== undefined) problem = problem.replace(`, received ${issue.received}`, '');
  return `column ${JSON.stringify(columnOf(issue))}: ${problem}`;
}

/** One cause: where, what, how many, a few examples and the first lines. */
interface Cause {
  readonly file: string;
  readonly message: string;
  readonly noun: string;
  readonly hint: string | undefined;
  count: number;
  readonly lines: number[];
  readonly examples: string[];
}

export interface WarningInput {
  /** The file, as shown (`<stdin>` for `-`). */
  readonly file: string;
  /** The line (1-based); undefined when the problem is the file's. */
  readonly line: number | undefined;
  /** What is wrong, the same text for every value or row with this problem. */
  readonly cause: string;
  /** What is counted: `value`, `row`, `event`. */
  readonly noun?: string;
  /** The value, when the problem is a value's. */
  readonly example?: unknown;
  /** How to fix it. */
  readonly hint?: string;
}

export interface DiagnosticsOptions {
  readonly quiet: boolean;
  readonly strict: boolean;
  readonly maxWarnings: number;
}

const plural = (count: number, noun: string) =>
  `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/** Collects a run's data problems and counts, and prints them once, at the end. */
export class Diagnostics {
  private readonly causes = new Map<string, Cause>();
  private readonly notices: string[] = [];
  private printed = false;
  /** Counts for the summary: rows read, leads, skipped, duplicates… */
  readonly counts = {
    rows: 0,
    leads: 0,
    empty: 0,
    unreadableRows: 0,
    duplicates: 0,
  };
  /** Unreadable values by column (or fact path). */
  readonly unreadable = new Map<string, number>();
  /** Lines of the summary added by the command (events, outcomes). */
  readonly sections: Array<(w: Words) => string | undefined> = [];
  dedupe = 'first';

  constructor(readonly options: DiagnosticsOptions) {}

  /** A notice about the whole input (its encoding, its delimiter): printed once, not a problem. */
  notice(file: string, message: string): void {
    const line = `leadstage: ${file}: ${message}`;
    if (!this.notices.includes(line)) {
      this.notices.push(line);
      if (!this.options.quiet) process.stderr.write(`${forTerminal(line)}\n`);
    }
  }

  /** A data problem, counted under its cause; under `--strict` it stops the run. */
  warn(input: WarningInput): void {
    const key = `${input.file}\u0000${input.cause}`;
    let cause = this.causes.get(key);
    if (cause === undefined) {
      cause = {
        file: input.file,
        message: input.cause,
        noun: input.noun ?? 'value',
        hint: input.hint,
        count: 0,
        lines: [],
        examples: [],
      };
      this.causes.set(key, cause);
    }
    cause.count++;
    if (input.line !== undefined && cause.lines.length < 3) cause.lines.push(input.line);
    if (input.example !== undefined && input.example !== '' && cause.examples.length < 3) {
      const shown = quote(input.example);
      if (!cause.examples.includes(shown)) cause.examples.push(shown);
    }
    if (this.options.strict) {
      this.flushWarnings();
      throw new CliError(
        `${input.file}${input.line === undefined ? '' : `:${input.line}`}: stopped at the first data problem (--strict)`,
      );
    }
  }

  /** How many distinct causes were found. */
  get problems(): number {
    return this.causes.size;
  }

  private line(cause: Cause): string {
    const first = cause.lines[0];
    const where = `${cause.file}${first === undefined ? '' : `:${first}`}`;
    const examples = cause.examples.length === 0 ? '' : `, e.g. ${cause.examples.join(', ')}`;
    const lines =
      cause.lines.length === 0
        ? ''
        : ` (line${cause.lines.length === 1 && cause.count === 1 ? '' : 's'} ${cause.lines.join(', ')}${cause.count > cause.lines.length ? ', …' : ''})`;
    return `${where}: ${cause.message}: ${plural(cause.count, cause.noun)}${examples}${lines}${cause.hint === undefined ? '' : ` — ${cause.hint}`}`;
  }

  private flushWarnings(): void {
    if (this.printed) return;
    this.printed = true;
    if (this.options.quiet) return;
    const all = [...this.causes.values()];
    const shown = all.slice(0, this.options.maxWarnings);
    for (const cause of shown) process.stderr.write(`${forTerminal(this.line(cause))}\n`);
    if (all.length > shown.length)
      process.stderr.write(
        `leadstage: … and ${all.length - shown.length} more warning${all.length - shown.length === 1 ? '' : 's'} (--max-warnings ${this.options.maxWarnings})\n`,
      );
  }

  /** The run summary, line by line: rows, leads, skipped, unreadable values, events, outcomes. */
  summaryLines(w: Words = wordsFor('en')): string[] {
    const { rows, leads, empty, unreadableRows, duplicates } = this.counts;
    const skipped = empty + unreadableRows + (this.dedupe === 'none' ? 0 : duplicates);
    const lines = [w.t.run.rows(rows, leads, skipped, empty, unreadableRows, duplicates, this.dedupe)];
    if (this.unreadable.size > 0)
      lines.push(
        w.t.run.unreadableValues(
          [...this.unreadable].map(([column, count]) => `${quote(column)} ${w.count(count)}`).join(', '),
        ),
      );
    for (const section of this.sections) {
      const text = section(w);
      if (text !== undefined) lines.push(text);
    }
    return lines;
  }

  /** The run summary, as printed on stderr. */
  summary(): string {
    const [first, ...rest] = this.summaryLines();
    return `${[`leadstage: ${first}`, ...rest.map((line) => `  ${line}`)].join('\n')}\n`;
  }

  /** Prints the warnings (once) and the summary (under `--quiet`, only when the run failed). */
  finish(exitCode: number, withSummary: boolean): void {
    this.flushWarnings();
    if (!withSummary || (exitCode !== 0 && this.counts.rows === 0)) return;
    if (this.options.quiet && exitCode === 0) return;
    process.stderr.write(forTerminal(this.summary()));
  }
}
