/// <reference types="node" />
// Where data goes: stdout, or `--out` written through a temporary file in the same directory renamed at
// the end, so a killed run never leaves half a file, and never one of the run's own inputs. Write
// errors (ENOSPC, EPIPE, EACCES) reject the write: one line and an exit code, never a stack.
import { randomBytes } from 'node:crypto';
import { createWriteStream, fstatSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { CliError, ioMessage } from './errors';

/** Temporary files of outputs not yet renamed: removed when the run stops on a signal or an error. */
const pending = new Set<string>();

function removePending(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

let signalsHandled = false;
function handleSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      removePending();
      process.exit(code);
    });
  }
  process.once('exit', removePending);
}

/** A stream written with backpressure whose errors surface as rejected writes. */
export class Output {
  private error: Error | undefined;
  private readonly waiters = new Set<(error?: Error) => void>();

  constructor(
    readonly stream: Writable,
    readonly name: string,
    private readonly temporary: string | undefined,
    private readonly target: string | undefined,
  ) {
    stream.on('error', (error: Error) => {
      this.error ??= error;
      for (const waiter of this.waiters) waiter(error);
      this.waiters.clear();
    });
  }

  private fail(): never {
    throw new CliError(`${this.name}: cannot write: ${ioMessage(this.error)}`, 1, false);
  }

  /** Writes, waiting when the stream is full (backpressure end to end). */
  async write(text: string): Promise<void> {
    if (this.error !== undefined) this.fail();
    if (this.stream.write(text)) return;
    await new Promise<void>((resolveWait) => {
      const done = () => {
        this.stream.off('drain', done);
        this.waiters.delete(done);
        resolveWait();
      };
      this.waiters.add(done);
      this.stream.once('drain', done);
    });
    if (this.error !== undefined) this.fail();
  }

  /** Ends the output: a file is flushed and renamed into place. */
  async finish(): Promise<void> {
    if (this.error !== undefined) this.fail();
    if (this.stream === process.stdout) {
      // stdout may be a pipe: wait until what was written is handed over (or the reader has gone)
      await new Promise<void>((resolveWait) => {
        const done = () => {
          this.waiters.delete(done);
          resolveWait();
        };
        this.waiters.add(done);
        this.stream.write('', (error?: Error | null) => {
          if (error) this.error ??= error;
          done();
        });
      });
      if (this.error !== undefined) this.fail();
      return;
    }
    await new Promise<void>((resolveEnd) => {
      const done = () => {
        this.waiters.delete(done);
        resolveEnd();
      };
      this.waiters.add(done);
      // the callback hears a write error before the 'error' event does (a device that is full): keep it
      this.stream.end((error?: Error | null) => {
        if (error) this.error ??= error;
        done();
      });
    });
    if (this.error !== undefined) {
      this.abort();
      this.fail();
    }
    if (this.temporary !== undefined && this.target !== undefined) {
      try {
        renameSync(this.temporary, this.target);
      } catch (error) {
        this.abort();
        throw new CliError(`${this.name}: cannot write: ${ioMessage(error)}`, 1, false);
      }
      pending.delete(this.temporary);
    }
  }

  /** Drops a half-written output. */
  abort(): void {
    if (this.temporary === undefined) return;
    this.stream.destroy();
    try {
      unlinkSync(this.temporary);
    } catch {
      // never created, or already gone
    }
    pending.delete(this.temporary);
  }
}

let stdoutOutput: Output | undefined;

/**
 * The identity of a file (device and inode), or undefined when it does not exist; `-` is stdin, which
 * may be a file redirected in (`< leads.csv`): its identity is that file's.
 */
function identity(file: string): string | undefined {
  try {
    const stat = file === '-' ? fstatSync(0) : statSync(file);
    // a pipe or a terminal on stdin is no file --out could name
    if (file === '-' && !stat.isFile()) return undefined;
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * `--out`, or stdout. Refuses a file that is one of the run's inputs (it would be truncated before it is
 * read); writes a regular file through a temporary file renamed by {@link Output.finish}.
 */
export async function openOutput(file: string | undefined, inputs: readonly string[]): Promise<Output> {
  if (file === undefined || file === '-') {
    stdoutOutput ??= new Output(process.stdout, '<stdout>', undefined, undefined);
    return stdoutOutput;
  }
  const target = identity(file);
  for (const input of inputs) {
    if (
      (input !== '-' && resolve(input) === resolve(file)) ||
      (target !== undefined && identity(input) !== undefined && identity(input) === target)
    ) {
      throw new CliError(
        `--out ${file}: that is an input of this run (${input === '-' ? 'stdin is redirected from it' : input}); it would be overwritten before it is read. Choose another file`,
        2,
      );
    }
  }
  let regular = true;
  try {
    const stat = statSync(file);
    if (stat.isDirectory())
      throw new CliError(`--out ${file}: cannot write: is a directory, not a file (EISDIR)`, 1, false);
    regular = stat.isFile();
  } catch (error) {
    if (error instanceof CliError) throw error;
    // does not exist yet: a regular file
  }
  // devices, pipes (/dev/stdout, /dev/full, a FIFO) are written directly: they cannot be renamed onto
  const temporary = regular
    ? join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
    : undefined;
  const stream = createWriteStream(temporary ?? file, { flags: regular ? 'wx' : 'w' });
  if (temporary !== undefined) {
    handleSignals();
    pending.add(temporary);
  }
  const output = new Output(stream, file, temporary, regular ? file : undefined);
  await new Promise<void>((resolveOpen, rejectOpen) => {
    stream.once('ready', () => resolveOpen());
    stream.once('error', (error) => {
      if (temporary !== undefined) pending.delete(temporary);
      rejectOpen(new CliError(`${file}: cannot write: ${ioMessage(error)}`, 1, false));
    });
  });
  return output;
}

/** Removes every temporary output file (a run that stops on an error). */
export function abortOutputs(): void {
  removePending();
}

// OWASP's CSV injection advice: a cell starting with one of these is a formula to a spreadsheet — also
// after white space (spaces, NBSP, a BOM, line breaks), which importers and spreadsheets trim
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/**
 * A CSV cell that a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, after any white space, gets a leading `'`. Numbers are written as numbers (a negative score stays
 * a number). {@link unescapeFormula} reads such a cell back.
 */
export function escapeFormula(cell: unknown, enabled: boolean): unknown {
  return enabled && typeof cell === 'string' && escaped(cell) ? `'${cell}` : cell;
}

/** A formula, or text that already starts with `'`s before one (escaped too, so reading back is exact). */
function escaped(cell: string): boolean {
  return FORMULA_START.test(cell.replace(/^'+/, ''));
}

/**
 * A CSV cell as {@link escapeFormula} wrote it, read back: a `'` before a formula start is the escape, not
 * data (spreadsheets treat it so too), so a file the CLI wrote reads back with the same ids and values.
 */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && escaped(cell.slice(1)) ? cell.slice(1) : cell;
}
