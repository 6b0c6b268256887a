// What the second attack found on the command line: an events file whose dates cannot be read is not
// "used"; the run summary on stderr carries no terminal escapes from the data; --out never names the file
// stdin is redirected from.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string, stdin?: number) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    stdio: [stdin ?? 'pipe', 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const leads = Array.from({ length: 20 }, (_, index) => JSON.stringify({ id: `L${index}` })).join('\n');

describe('events whose dates cannot be read', () => {
  it('are dropped and counted, and a file of nothing but them stops the run, even without --strict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-untrusted-'));
    writeFileSync(join(dir, 'leads.ndjson'), leads);
    const rows = Array.from({ length: 20 }, (_, index) => `L${index},demo_completed,2026-06-01 10:00:00 UTC`);
    writeFileSync(join(dir, 'events.csv'), ['leadId,type,at', ...rows].join('\n'));
    for (const command of ['classify', 'summarize']) {
      const { code, stdout, stderr } = run(
        [command, 'leads.ndjson', '--events', 'events.csv', '-c', 'saas', '--as-of', '2026-06-30'],
        dir,
      );
      expect(code, stderr).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain('unreadable activity date');
      expect(stderr).toContain('events.csv: no event of 20 can be used');
    }
    // one readable date among them: used, the others counted as dropped
    writeFileSync(
      join(dir, 'events.csv'),
      ['leadId,type,at', ...rows, 'L1,demo_completed,2026-06-20'].join('\n'),
    );
    const mixed = run(
      ['summarize', 'leads.ndjson', '--events', 'events.csv', '-c', 'saas', '--as-of', '2026-06-30'],
      dir,
    );
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toMatch(/21 read, 1 used, not used: 20 unreadable \(dropped\)/);
  });
});

describe('stderr', () => {
  it('shows event types with escape sequences as text, never as terminal control', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-untrusted-'));
    writeFileSync(join(dir, 'leads.ndjson'), JSON.stringify({ id: 'L1' }));
    writeFileSync(
      join(dir, 'events.csv'),
      `leadId,type,at\nL1,demo_completed,2026-06-20\nL1,"\u001b[2J\u001b]0;pwned\u0007\u001b[8m\u2028x",2026-06-20\n`,
    );
    const { stderr } = run(
      ['classify', 'leads.ndjson', '--events', 'events.csv', '-c', 'saas', '--as-of', '2026-06-30'],
      dir,
    );
    expect(stderr).toContain('of types the config never reads');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
    expect(stderr).not.toMatch(/[\u001b\u0007\u2028]/);
  });
});

describe('--out', () => {
  it('refuses the file stdin is redirected from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-untrusted-'));
    const file = join(dir, 'leads.csv');
    const original = readFileSync(join(ROOT, 'examples', 'leads.csv'), 'utf8');
    writeFileSync(file, original);
    const { code, stderr } = run(
      ['classify', '-', '-c', 'saas', '--as-of', '2026-06-30', '--out', file],
      dir,
      openSync(file, 'r'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('stdin is redirected from it');
    expect(readFileSync(file, 'utf8')).toBe(original);
  });
});

describe('headers', () => {
  it('read a name with a zero-width space or a stray BOM as the name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadstage-untrusted-'));
    writeFileSync(join(dir, 'leads.csv'), '\u200bid,\ufeffbudget.amount\nacme,5000\n');
    const { code, stdout } = run(
      ['classify', 'leads.csv', '-c', 'saas', '--as-of', '2026-06-30', '--format', 'ndjson', '--force'],
      dir,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout.trim().split('\n')[0] as string);
    expect(result.leadId).toBe('acme');
    expect(result.criteria.budget.facts).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'budget.amount' })]),
    );
  });
});
