// A command line for files from anywhere (issue 19 item 7): CSV output a spreadsheet will not run,
// terminal output that lead data cannot rewrite, `--out` that never truncates an input nor leaves half a
// file, a strict `--as-of` read as UTC, and every I/O error one line with an exit code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const AS_OF = '2026-06-30T00:00:00.000Z';
const CONFIG = fixture('config.json');

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One line of stderr besides the as-of line, no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('leadstage: as of'));
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return lines[0] as string;
}

const hostile = ['classify', fixture('hostile-ids.csv'), '-c', CONFIG, '--as-of', AS_OF];

describe('output a spreadsheet will not run', () => {
  it('escapes formula-leading text cells with a leading quote (OWASP), and not with --no-escape-formulas', () => {
    const { code, stdout } = run([...hostile, '--format', 'csv']);
    expect(code).toBe(0);
    const ids = (parse(stdout, { columns: true }) as Array<{ leadId: string; score: string }>).map(
      (row) => row.leadId,
    );
    expect(ids.slice(0, 4)).toEqual([
      `'=HYPERLINK("http://evil.test","click")`,
      `'+cmd|' /C calc'!A0`,
      `'@SUM(1+1)`,
      `'-2+3`,
    ]);
    expect(ids[5]).toBe('plain');
    for (const id of ids) expect(id).not.toMatch(/^[=+\-@\t\r]/);
    // numbers stay numbers: no score is escaped
    for (const row of parse(stdout, { columns: true }) as Array<{ score: string }>)
      expect(row.score).toMatch(/^-?\d/);
    const raw = run([...hostile, '--format', 'csv', '--no-escape-formulas']);
    expect(
      (parse(raw.stdout, { columns: true }) as Array<{ leadId: string }>).map((row) => row.leadId)[0],
    ).toBe('=HYPERLINK("http://evil.test","click")');
  });

  it('prints no control character from lead data in a table (no ANSI escape, no carriage return)', () => {
    const { code, stdout } = run([...hostile, '--format', 'table']);
    expect(code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).toContain('\uFFFD[2J\uFFFD[1;1HSQO 99.00\uFFFD');
    const explained = run(['explain', fixture('hostile-ids.csv'), '-c', CONFIG, '--as-of', AS_OF]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
    expect(explained.stdout).not.toMatch(/[\u001b\r]/);
    // JSON keeps the data exact (escaped by JSON itself)
    const json = run([...hostile, '--format', 'ndjson', '--detail', 'stage']);
    expect(JSON.parse(json.stdout.split('\n')[4] as string).leadId).toBe('\u001b[2J\u001b[1;1HSQO 99.00\r');
  });
});

describe('--out', () => {
  it('refuses to overwrite an input of the run (exit 2), and the input is intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-out-'));
    const leads = join(dir, 'leads.csv');
    const original = readFileSync(fixture('semicolon.csv'), 'utf8');
    writeFileSync(leads, original);
    for (const out of [leads, join(dir, '.', 'leads.csv')]) {
      const { code, stderr } = run(['classify', leads, '-c', CONFIG, '--as-of', AS_OF, '--out', out]);
      expect(code).toBe(2);
      expect(stderr).toContain('that is an input of this run');
    }
    const report = run(['report', leads, '-c', CONFIG, '--as-of', AS_OF, '--out', CONFIG]);
    expect(report.code).toBe(2);
    expect(readFileSync(leads, 'utf8')).toBe(original);
  });

  it('writes through a temporary file renamed at the end: no half file after a failed or a killed run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-out-'));
    const out = join(dir, 'results.json');
    const ok = run([...hostile, '--format', 'json', '--out', out]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(6);
    expect(readdirSync(dir)).toEqual(['results.json']);
    // a run that fails half-way (a quote never closed) leaves the old file as it was, and no temporary file
    const failed = run([
      'classify',
      fixture('unclosed-quote.csv'),
      '-c',
      CONFIG,
      '--as-of',
      AS_OF,
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(failed.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveLength(6);
    expect(readdirSync(dir)).toEqual(['results.json']);
    // a run killed while writing: the target never holds half a document
    const killedOut = join(dir, 'killed.json');
    const child = spawn(
      process.execPath,
      [CLI, 'classify', '-', '-c', CONFIG, '--as-of', AS_OF, '--format', 'json', '--out', killedOut],
      { cwd: ROOT, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    child.stdin.write('{"id":"a"}\n{"id":"b"}\n');
    // wait until the temporary file exists: the run is writing
    for (let tries = 0; tries < 200; tries++) {
      if (readdirSync(dir).some((name) => name.startsWith('.killed.json.'))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readdirSync(dir).some((name) => name.startsWith('.killed.json.'))).toBe(true);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(existsSync(killedOut)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['results.json']);
  });
});

describe('--as-of', () => {
  it('refuses what is not an ISO 8601 date (exit 2), naming the expected form', () => {
    for (const value of ['06/30/2026', '0', '99999-01-01', '2026-02-30', '2026-06-30T25:00', 'soon']) {
      const { code, stderr } = run(['classify', fixture('semicolon.csv'), '-c', CONFIG, '--as-of', value]);
      expect(code, value).toBe(2);
      expect(oneLine(stderr)).toContain(
        `--as-of: expected an ISO 8601 date such as 2026-06-30 or 2026-06-30T09:00:00Z (without an offset it is read as UTC), received ${JSON.stringify(value)}`,
      );
    }
  });

  it('reads a date-time without an offset as UTC and shows it as UTC, whatever the time zone', () => {
    for (const TZ of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      const { code, stderr, stdout } = run(
        [...hostile, '--as-of', '2026-06-30T10:00', '--format', 'ndjson', '--detail', 'statuses'],
        { env: { TZ } },
      );
      expect(code).toBe(0);
      expect(stderr).toContain('as of 2026-06-30T10:00:00.000Z');
      expect(JSON.parse(stdout.split('\n')[0] as string).asOf).toBe('2026-06-30T10:00:00.000Z');
    }
    const offset = run([...hostile, '--as-of', '2026-06-30T10:00+02:00', '--format', 'ndjson']);
    expect(offset.stderr).toContain('as of 2026-06-30T08:00:00.000Z');
  });
});

describe('I/O errors: one line and an exit code, never a stack', () => {
  it('a missing file, a directory, a full disk, an unwritable --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-io-'));
    const cases: Array<[string[], RegExp]> = [
      [
        ['classify', join(dir, 'missing.csv'), '-c', CONFIG, '--as-of', AS_OF],
        /no such file or directory \(ENOENT\)/,
      ],
      [['classify', dir.concat('/sub.csv'), '-c', CONFIG, '--as-of', AS_OF], /\(EISDIR\)/],
      [
        [...hostile, '--out', '/dev/full'],
        /\/dev\/full: cannot write: no space left on the device \(ENOSPC\)/,
      ],
      [
        [...hostile, '--out', join(dir, 'no', 'such', 'dir.json')],
        /cannot write: no such file or directory \(ENOENT\)/,
      ],
      [[...hostile, '--out', dir], /is a directory/],
      [['classify', fixture('semicolon.csv'), '-c', join(dir, 'missing.json'), '--as-of', AS_OF], /ENOENT/],
    ];
    mkdirSync(join(dir, 'sub.csv'));
    for (const [args, pattern] of cases) {
      const { code, stderr } = run(args);
      expect(code, args.join(' ')).toBe(1);
      expect(oneLine(stderr)).toMatch(pattern);
    }
  });

  it('stdout closed early (| head): EPIPE is one line, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-pipe-'));
    const big = join(dir, 'big.ndjson');
    writeFileSync(big, Array.from({ length: 60_000 }, (_, index) => `{"id":"lead-${index}"}`).join('\n'));
    const result = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${CLI}" classify "${big}" -c "${CONFIG}" --as-of ${AS_OF} -q --force | head -n 2; exit 0`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(oneLine(result.stderr)).toMatch(/<stdout>: cannot write: the reader closed the pipe \(EPIPE\)/);
  });

  it('an over-long NDJSON line is an error of that line, the others are read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-long-'));
    const file = join(dir, 'long.ndjson');
    const long = `{"id":"x","notes":"${'a'.repeat(65 * 1024 * 1024)}"}`;
    writeFileSync(file, `{"id":"a"}\n${long}\n{"id":"b"}\n`);
    const { code, stdout, stderr } = run([
      'classify',
      file,
      '-c',
      CONFIG,
      '--as-of',
      AS_OF,
      '--format',
      'ndjson',
      '--detail',
      'stage',
      '--force', // leads with an id only: nothing the config reads
    ]);
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).leadId),
    ).toEqual(['a', 'b']);
    expect(stderr).toMatch(/long\.ndjson:2: a line longer than 64 MiB is not read: 1 line/);
    expect(stderr).not.toMatch(/RangeError|\n\s+at /);
  });
});
