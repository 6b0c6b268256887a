// `leadstage build`: the written module runs in Node as ESM and CJS, importing leadstage/helpers as an app
// that installed leadstage would, and stages leads as the library does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, presets } from '../../src/index';
import { asOfForm, corpusLeads } from '../results/corpus';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
// inside the package: `leadstage/helpers` resolves to the build, as from an app's node_modules
const directory = mkdtempSync(join(ROOT, '.build-test-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `script` in a fresh Node with the leads as JSON on stdin; its stdout parsed. */
function node(script: string, type: 'module' | 'commonjs', input: unknown): unknown {
  const result = spawnSync(process.execPath, [`--input-type=${type}`, '-e', script], {
    cwd: directory,
    encoding: 'utf8',
    input: JSON.stringify(input),
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

/** A lead as JSON; `undefined` for one that has none (a throwing getter, a bigint). */
function jsonOf(lead: unknown): string | undefined {
  try {
    return JSON.stringify(lead);
  } catch {
    return undefined;
  }
}

const STAGE_ALL = (load: string) => `${load}
let text = '';
process.stdin.on('data', (chunk) => { text += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(text);
  process.stdout.write(JSON.stringify(cases.map(([lead, asOf]) => classifier.stage(lead, { asOf }))));
});`;

const STATUSES_ALL = (load: string) => `${load}
let text = '';
process.stdin.on('data', (chunk) => { text += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(text);
  process.stdout.write(JSON.stringify(cases.map(([lead, asOf]) => classifier.classify(lead, { asOf, detail: 'statuses' }))));
});`;

const FULL_ALL = (load: string) => `${load}
let text = '';
process.stdin.on('data', (chunk) => { text += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(text);
  process.stdout.write(JSON.stringify(cases.map(([lead, asOf], index) => classifier.classify(lead, { asOf, locale: index % 2 === 0 ? 'de' : undefined }))));
});`;

describe('leadstage build', () => {
  it.each(Object.keys(presets))(
    'writes a module for %s that stages as the library does, ESM and CJS',
    (id) => {
      const esm = join(directory, `${id}.mjs`);
      const cjs = join(directory, `${id}.cjs`);
      expect(run(['build', id, '--out', esm]).code).toBe(0);
      expect(run(['build', id, '--out', cjs, '--levels', 'stage,statuses,full']).code).toBe(0);
      expect(readFileSync(esm, 'utf8')).toContain('import * as h from "leadstage/helpers"');
      expect(readFileSync(cjs, 'utf8')).toContain('require("leadstage/helpers")');
      const config = presets[id as keyof typeof presets];
      const classifier = compile(config);
      // JSON-safe cases (the module runs in another process): asOf as ISO text or epoch ms
      const cases = corpusLeads(config, 150, 4)
        .map((lead, index) => [lead, asOfForm(index)] as const)
        .flatMap(([lead, asOf]) => {
          const json = jsonOf(lead);
          return json === undefined || asOf instanceof Date ? [] : [[JSON.parse(json), asOf]];
        });
      expect(cases.length).toBeGreaterThan(100);
      const expected = cases.map(([lead, asOf]) => classifier.stage(lead, { asOf }));
      expect(node(STAGE_ALL(`import classifier from ${JSON.stringify(esm)};`), 'module', cases)).toEqual(
        expected,
      );
      expect(
        node(STAGE_ALL(`const { classifier } = require(${JSON.stringify(cjs)});`), 'commonjs', cases),
      ).toEqual(expected);
      // the statuses level, byte for byte (JSON text as the other process wrote it)
      const statuses = cases.map(([lead, asOf]) => classifier.classify(lead, { asOf, detail: 'statuses' }));
      expect(
        JSON.stringify(
          node(STATUSES_ALL(`const { classifier } = require(${JSON.stringify(cjs)});`), 'commonjs', cases),
        ),
      ).toBe(JSON.stringify(statuses));
      // full results, byte for byte, in two locales
      const full = cases.map(([lead, asOf], index) =>
        classifier.classify(lead, index % 2 === 0 ? { asOf, locale: 'de' } : { asOf }),
      );
      expect(
        JSON.stringify(
          node(FULL_ALL(`const { classifier } = require(${JSON.stringify(cjs)});`), 'commonjs', cases),
        ),
      ).toBe(JSON.stringify(full));
    },
  );

  it('refuses a level the generator does not hold, and a module throws for one it does not hold', () => {
    const refused = run(['build', 'saas', '--levels', 'stage,everything']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--levels: expected stage');
    const file = join(directory, 'levels.mjs');
    run(['build', 'saas', '--out', file]);
    expect(() =>
      node(`import { classify } from ${JSON.stringify(file)}; classify({}, { asOf: 0 });`, 'module', []),
    ).toThrow(/holds no full results/);
  });
});
