// What `npm publish` would ship, checked against an allow-list, and every place the README, the docs and
// `leadstage --help` point a user at reachable from the installed package (or a URL).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

const packed: string[] = (
  JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
  ) as {
    files: { path: string }[];
  }[]
)[0]!.files.map((file) => file.path);

const ALLOWED = [
  /^(README|CHANGELOG)\.md$/,
  /^LICENSE$/,
  /^package\.json$/,
  /^dist\/(index|presets|runtime|node|helpers)\.(js|cjs|d\.ts|d\.cts|js\.map|cjs\.map)$/,
  /^dist\/runtime\.global\.js$/,
  /^dist\/cli\.js$/,
  /^dist\/[\w-]+-[\w-]{8}\.d\.c?ts$/, // type chunks shared by the entries
  /^(presets|runtime|node|helpers)\/package\.json$/,
  /^presets\/\w+\.json$/,
  /^maps\/\w+\.json$/,
  /^(schema|field-map\.schema)\.json$/,
  /^docs\/[\w-]+\.(md|png)$/,
  /^examples\/(leads|events)\.csv$/,
  /^examples\/server\.mjs$/,
];

describe('the package', () => {
  it('ships only what the allow-list names', () => {
    expect(packed.filter((path) => !ALLOWED.some((pattern) => pattern.test(path)))).toEqual([]);
  });

  it('ships every entry, the CLI, the docs, the presets and the sample files', () => {
    for (const path of [
      'dist/index.js',
      'dist/index.cjs',
      'dist/runtime.js',
      'dist/helpers.js',
      'dist/helpers.cjs',
      'helpers/package.json',
      'dist/cli.js',
      'docs/cli.md',
      'docs/getting-started.md',
      'presets/saas.json',
      'schema.json',
      'examples/leads.csv',
      'examples/server.mjs',
    ])
      expect(packed).toContain(path);
  });

  it('has what npm shows: repository, homepage, bugs, licence, engines', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\//);
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs.url).toMatch(/^https:\/\/.*\/issues$/);
    expect(manifest.license).toBe('MIT');
    expect(manifest.engines.node).toBe('>=18');
  });

  it('ships every file the README and the docs link to', () => {
    const broken: string[] = [];
    for (const page of packed.filter((path) => path.endsWith('.md'))) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target as string)) continue;
        const path = normalize(join(dirname(page), (target as string).split('#')[0] as string));
        if (path.startsWith('docs/api')) continue; // the API site: built by `npm run docs`, not shipped
        if (!packed.includes(path)) broken.push(`${page}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('points `leadstage --help` at docs the package has', () => {
    const help = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--help'], {
      encoding: 'utf8',
    }).stdout;
    const local = /Docs: (\S+)/.exec(help)?.[1] as string;
    expect(local).toBe(join(ROOT, 'docs', 'cli.md'));
    expect(packed).toContain('docs/cli.md');
  });
});
