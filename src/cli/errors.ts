// Errors the command line prints as one line: a problem the user must fix (CliError) and the system's
// I/O errors (ENOENT, EISDIR, EACCES, ENOSPC, EPIPE), never a stack trace.

/** A problem the user must fix: printed as is, exit code 1 (or 2 for usage). */
export class CliError extends Error {
  readonly exitCode: number;
  /** Whether the run summary is worth printing before it (not for an output that cannot be written). */
  readonly withSummary: boolean;
  constructor(message: string, exitCode = 1, withSummary = true) {
    super(message);
    this.exitCode = exitCode;
    this.withSummary = withSummary;
  }
}

const IO_CODES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EPIPE: 'the reader closed the pipe',
  EMFILE: 'too many open files',
  EEXIST: 'the file already exists',
  EBADF: 'bad file descriptor',
  EIO: 'input/output error',
};

/** The code of a Node.js system error (`ENOENT`), when it is one. */
export function ioCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** `what: reason (CODE)` for a system error; the error's message otherwise. */
export function ioMessage(error: unknown): string {
  const code = ioCode(error);
  if (code !== undefined) return `${IO_CODES[code] ?? (error as Error).message.split('\n')[0]} (${code})`;
  return error instanceof Error ? (error.message.split('\n')[0] as string) : String(error);
}
