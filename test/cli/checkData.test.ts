// `leadstage check-data`, run as a user runs it (the built CLI): what a file holds for a config, and a
// failing verdict, with the likely fix, when nothing useful would be read.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const fixture = (name: string) => join('test', 'cli', 'fixtures', 'check-data', name);
const CONFIG = join('test', 'cli', 'fixtures', 'config.json');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// issue 18 case 3
describe('leadstage check-data on a HubSpot export', () => {
  it('without --map: fails, naming the map to use', () => {
    const { code, stdout } = run(['check-data', fixture('hubspot-export.csv'), '--config', CONFIG]);
    expect(code).toBe(1);
    expect(stdout).toContain('map: none — the headers look like HubSpot contacts');
    expect(stdout).toContain('error: no lead has any of the 2 facts and events the config reads');
    expect(stdout).toContain('this looks like a HubSpot contacts export: try --map hubspot');
  });

  it('with the wrong map: fails, most of its columns absent', () => {
    const { code, stdout } = run([
      'check-data',
      fixture('hubspot-export.csv'),
      '--config',
      'saas',
      '--map',
      'salesforce',
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /error: \d+ of the 17 columns of the map "salesforce" are absent from the file — this looks like a HubSpot contacts export: try --map hubspot/,
    );
  });

  it('with --map auto: reads it as HubSpot, and reports values by column, duplicates and empty rows', () => {
    const { code, stdout } = run([
      'check-data',
      fixture('hubspot-export.csv'),
      '--config',
      'saas',
      '--map',
      'auto',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('6 rows, 5 leads, 1 empty');
    expect(stdout).toMatch(/map: hubspot \(guessed from the headers/);
    expect(stdout).toContain('company.employees');
    expect(stdout).toContain('column "Number of Employees"');
    expect(stdout).toContain('Number of Employees: 1 (the string "lots") on line 4');
    expect(stdout).toContain(
      'Annual Revenue: 3 (the string "€40.000", the string "30.000") on lines 2, 5, 7',
    );
    expect(stdout).toContain('Duplicate ids: 1 row; "201" ×2 (first on line 2)');
    expect(stdout).toMatch(/warning: 3 numbers such as .* could be thousands or decimals/);
  });

  it('--format json: the report as data', () => {
    const { code, stdout } = run([
      'check-data',
      fixture('hubspot-export.csv'),
      '--config',
      'saas',
      '--map',
      'hubspot',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ map: 'hubspot', mapSource: 'given', rows: 6, leads: 5, emptyRows: 1 });
    expect(report.duplicates).toEqual({ rows: 1, ids: [{ id: '201', line: 2, count: 2 }] });
    expect(report.ambiguous[0]).toMatchObject({ column: 'Annual Revenue', count: 3 });
    expect(report.verdict.ok).toBe(true);
  });
});

// issue 18 case 13: unreadable values without a map, with their lines
describe('leadstage check-data on dotted headers', () => {
  it('reports unreadable values by column, with lines', () => {
    const { code, stdout } = run(['check-data', fixture('dotted.csv'), '--config', 'saas']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'company.employees: 2 (the string "not-a-number", the string "many") on lines 2, 4',
    );
    expect(stdout).toContain('budget.amount: 1 (the string "abc") on line 2');
    expect(stdout).toContain('timeline.purchaseBy: 1 (the string "2026-99-99") on line 2');
  });

  it('refuses a bad --format and --map auto on a file no map fits', () => {
    expect(run(['check-data', fixture('dotted.csv'), '--format', 'xml']).code).toBe(2);
    const auto = run(['check-data', fixture('dotted.csv'), '--map', 'auto']);
    expect(auto.code).toBe(2);
    expect(auto.stderr).toContain('--map auto: no built-in map fits');
  });
});
