// Every JSDoc @example in src/ that shows a result (`//=> value`) is run, and the result compared.
// Conventions: the line just above `//=>` is the expression shown; `//=> value (a comment)` may end in
// a parenthesised comment; `…` inside an expected string matches anything; `//=> throws Name: text`
// expects an error of that name whose message contains the text. `import` lines are bindings the
// harness provides: the package's exports (leadstage/runtime's in src/runtime/, leadstage/helpers' in
// src/codegen/runtime.ts, leadstage/node's and
// node:stream's Readable in src/node/), and sealed presets
// for JSON imports named after one (`leadstage/presets/saas.json`, `./saas.sealed.json`).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as stream from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as helpers from '../../src/helpers';
import * as api from '../../src/index';
import * as node from '../../src/node/index';
import * as runtime from '../../src/runtime/index';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface Example {
  readonly where: string;
  readonly lines: readonly string[];
}

/** The @example sections of every JSDoc block of a file, as plain lines. */
function examplesOf(file: string): Example[] {
  const source = readFileSync(file, 'utf8');
  const found: Example[] = [];
  for (const block of source.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const body = (block[1] as string).split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
    const start = body.findIndex((line) => line.trim() === '@example');
    if (start < 0) continue;
    const lines: string[] = [];
    for (const line of body.slice(start + 1)) {
      if (line.trim().startsWith('@')) break;
      lines.push(line);
    }
    const at = source.slice(0, block.index).split('\n').length;
    found.push({ where: `${relative(SRC, file)}:${at}`, lines });
  }
  return found;
}

type Expectation =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'throws'; readonly name: string; readonly text: string };

function evaluateLiteral(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: new Function(`return (${text});`)() };
  } catch {
    return { ok: false };
  }
}

function parseExpected(text: string): Expectation {
  const throws = /^throws (\w+)(?::\s*(.*))?$/.exec(text);
  if (throws !== null) return { kind: 'throws', name: throws[1] as string, text: throws[2] ?? '' };
  let candidate = text;
  for (;;) {
    const parsed = evaluateLiteral(candidate);
    if (parsed.ok) return { kind: 'value', value: parsed.value };
    const stripped = candidate.replace(/\s*\([^()]*\)\s*$/, '');
    if (stripped === candidate) throw new Error(`cannot read the expected result: ${text}`);
    candidate = stripped;
  }
}

/** A pattern for text with `…` as "anything". */
function wildcard(text: string, anchored: boolean): RegExp {
  const body = text
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?');
  return new RegExp(anchored ? `^${body}$` : body);
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

interface Outcome {
  readonly value?: unknown;
  readonly error?: unknown;
}

/** Runs an example up to its last `//=>`, returning each shown expression's outcome with its expectation. */
async function run(example: Example, scope: Record<string, unknown>) {
  const code: string[] = [];
  const checks: Array<{ expression: string; expected: Expectation }> = [];
  const bindings: Record<string, unknown> = { ...scope };
  let last = example.lines.length - 1;
  while (last >= 0 && !(example.lines[last] as string).trim().startsWith('//=>')) last--;
  for (let index = 0; index <= last; index++) {
    const line = example.lines[index] as string;
    const trimmed = line.trim();
    const json = /^import (\w+) from '[^']*?(\w+)(?:\.sealed)?\.json';/.exec(trimmed);
    if (json !== null) {
      const preset = (api.presets as Record<string, unknown>)[json[2] as string];
      if (preset === undefined) throw new Error(`${example.where}: no preset for ${trimmed}`);
      bindings[json[1] as string] = api.sealConfig(preset);
      continue;
    }
    if (trimmed.startsWith('import ')) continue;
    if (!trimmed.startsWith('//=>')) {
      code.push(line);
      continue;
    }
    const expression = code.pop()?.trim().replace(/;$/, '');
    if (expression === undefined || expression === '')
      throw new Error(`${example.where}: //=> without an expression`);
    checks.push({ expression, expected: parseExpected(trimmed.slice(4).trim()) });
    code.push(
      `try { __outcomes.push({ value: await (${expression}) }); } catch (error) { __outcomes.push({ error }); }`,
    );
  }
  const js = transformSync(code.join('\n'), { loader: 'ts' }).code;
  const outcomes: Outcome[] = [];
  const names = Object.keys(bindings);
  await new AsyncFunction('__outcomes', ...names, js)(outcomes, ...names.map((name) => bindings[name]));
  return checks.map((check, index) => ({ ...check, outcome: outcomes[index] as Outcome }));
}

/** Why a shown result is wrong, or `undefined` when it is right. */
function failureOf({ expected, outcome }: { expected: Expectation; outcome: Outcome }): string | undefined {
  if (expected.kind === 'throws') {
    if (!(outcome.error instanceof Error)) return `expected an error, got ${JSON.stringify(outcome.value)}`;
    const { name, message } = outcome.error;
    return name === expected.name && wildcard(expected.text, false).test(message)
      ? undefined
      : `threw ${expected.name}? got ${name}: ${message}`;
  }
  if ('error' in outcome) return `threw ${String(outcome.error)}`;
  const value = expected.value;
  const right =
    typeof value === 'string' && value.includes('…')
      ? typeof outcome.value === 'string' && wildcard(value, true).test(outcome.value)
      : isDeepStrictEqual(outcome.value, value);
  return right ? undefined : `got ${JSON.stringify(outcome.value)}, expected ${JSON.stringify(value)}`;
}

const examples = filesUnder(SRC)
  .flatMap(examplesOf)
  .filter((example) => example.lines.some((line) => line.trim().startsWith('//=>')));

describe('JSDoc examples', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(25);
  });

  it.each(examples.map((example) => [example.where, example] as const))('%s', async (where, example) => {
    const scope = where.startsWith('runtime/')
      ? { ...api, ...runtime }
      : where.startsWith('codegen/runtime')
        ? { ...api, ...helpers }
        : where.startsWith('node/')
          ? { ...api, ...node, Readable: stream.Readable }
          : { ...api };
    const failures = (await run(example, scope)).flatMap((check) => {
      const failure = failureOf(check);
      return failure === undefined ? [] : [`${where}: ${check.expression}: ${failure}`];
    });
    expect(failures).toEqual([]);
  });

  it('catches a wrong result, a wrong error, and an expected error that does not come', async () => {
    const checks = await run(
      {
        where: 'made-up',
        lines: [
          '1 + 1;',
          '//=> 3',
          "'leadstage/1:abc';",
          "//=> 'leadstage/2:…'",
          "(() => { throw new TypeError('bad input'); })();",
          '//=> throws RangeError: bad input',
          '1;',
          '//=> throws TypeError: x',
          '[1, 2];',
          '//=> [1, 2]',
        ],
      },
      {},
    );
    expect(checks.map(failureOf)).toEqual([
      'got 2, expected 3',
      'got "leadstage/1:abc", expected "leadstage/2:…"',
      'threw RangeError? got TypeError: bad input',
      'expected an error, got 1',
      undefined,
    ]);
  });
});
