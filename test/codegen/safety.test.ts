// No string of a config becomes code. Configs whose ids, labels, hints, fact paths, operands, patterns,
// event types, where paths, groups and stage ids are hostile text (quotes, backslashes, `*/`, `</script>`,
// `<!--`, U+2028/9, backticks, `${`, `__proto__`, new lines, code) generate source that parses, defines no
// global when loaded and run, and stages leads exactly as the closures do.
import { transformSync } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLevelsFunction } from '../../src/codegen/generateModule';
import * as helpers from '../../src/codegen/runtime';
import { DEFAULT_BUDGET } from '../../src/dsl/budget';
import { compile, generateModule, safeParseConfig } from '../../src/index';

const PIECES = [
  '*/',
  '/*',
  '</script>',
  '<!--',
  '-->',
  '\u2028',
  '\u2029',
  '`',
  '${',
  '}',
  '"',
  "'",
  '\\',
  '\n',
  '__proto__',
  'constructor',
  'prototype',
  ');globalThis.pwned=1;(',
  '"+(globalThis.pwned=1)+"',
  'a',
  ' ',
  '.',
  'é',
  '\u0000',
];
const hostile = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 })
  .map((pieces) => pieces.join(''));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A config with hostile text everywhere a string goes. */
function hostileConfig(texts: readonly string[]): Record<string, unknown> {
  const [a, b, c, d, e, f] = texts as [string, string, string, string, string, string];
  const segment = (text: string) => text.replace(/\./g, '_') || 'x';
  const path = `custom.${segment(a)}.${segment(b)}`;
  return {
    version: 1,
    id: a,
    label: b,
    facts: { [path]: { label: c } },
    events: { [d]: { label: e } },
    criteria: {
      [a]: {
        label: b,
        hint: c,
        dimension: d,
        when: {
          any: [
            { fact: path, eq: c },
            { fact: path, in: [d, e, f] },
            { fact: path, startsWith: e },
          ],
        },
      },
      [`${b}\u2028`]: { when: { fact: path, matches: { pattern: escapeRegExp(f), flags: 'i' } } },
      [`${c}*/`]: { when: { event: [d, 'demo_completed'], where: { [segment(e)]: { eq: f } } } },
    },
    scoring: {
      groups: { [e]: { max: 50 } },
      rules: [
        { id: f, label: a, group: e, points: 30, when: { criterion: a } },
        { id: `${f}2`, group: e, points: 25, event: d },
      ],
    },
    stages: [
      { id: `${a}!`, exit: true, when: { criterion: `${b}\u2028` } },
      { id: `${b}?`, label: c, when: { all: [{ criterion: a }, { score: e, gte: 30 }] }, actions: [d] },
      { id: `${c}~`, when: { any: [{ criterion: `${c}*/` }, { score: 'total', gte: 25 }] } },
      { id: `${d}#` },
    ],
  };
}

/** Leads that reach the hostile values: at the hostile path, as event types and props. */
function leadsFor(config: Record<string, unknown>, texts: readonly string[]): unknown[] {
  const path = Object.keys(config.facts as object)[0] as string;
  const [, first, second] = path.split('.') as [string, string, string];
  const d = texts[3] as string;
  const e = (texts[4] as string).replace(/\./g, '_') || 'x';
  return texts.flatMap((text) => [
    { custom: { [first]: { [second]: text } } },
    {
      custom: { [first]: { [second]: `${text}${text}` } },
      events: [{ type: d, at: '2026-06-01', props: { [e]: texts[5] } }],
    },
    {
      events: [
        { type: d, at: '2026-06-20' },
        { type: 'demo_completed', at: '2026-06-01', props: { [e]: text } },
      ],
    },
  ]);
}

function globals(): string[] {
  return Reflect.ownKeys(globalThis).map(String).sort();
}

describe('generated code from hostile configs', () => {
  it('parses, defines no global and stages as the closures do', () => {
    let generated = 0;
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 6, maxLength: 6 }), (texts) => {
        const config = hostileConfig(texts);
        const parsed = safeParseConfig(config);
        fc.pre(parsed.success);
        generated++;
        const before = globals();
        for (const format of ['esm', 'cjs'] as const) {
          const source = generateModule(config, { format, levels: ['stage', 'statuses', 'full'] });
          // parses as a module (esm) or a script (cjs)
          transformSync(source, { loader: 'js', format });
          expect(source).not.toMatch(/<\/script|<!--|\u2028|\u2029/i);
        }
        const body = generateLevelsFunction(
          parsed.success ? parsed.config : (undefined as never),
          DEFAULT_BUDGET,
          'hash',
        );
        const jit = new Function('h', body)(helpers) as {
          stage: (lead: unknown, options: object) => string;
          statuses: (lead: unknown, options: object) => { config: unknown };
          full: (lead: unknown, options: object) => { config: unknown };
        };
        const closures = compile(config);
        expect(compile(config, { codegen: true }).mode).toBe('jit');
        for (const lead of leadsFor(config, texts)) {
          expect(jit.stage(lead, { asOf: '2026-06-30' })).toBe(closures.stage(lead, { asOf: '2026-06-30' }));
          const statuses = jit.statuses(lead, { asOf: '2026-06-30', detail: 'statuses' });
          const expected = closures.classify(lead, { asOf: '2026-06-30', detail: 'statuses' });
          expect(JSON.stringify({ ...statuses, config: expected.config })).toBe(JSON.stringify(expected));
          // full results: hostile labels, hints, actions and paths come back as data, in every locale
          for (const locale of [undefined, 'de', texts[0]]) {
            const result = jit.full(lead, { asOf: '2026-06-30', locale });
            const closed = closures.classify(lead, { asOf: '2026-06-30', locale: locale as string });
            expect(JSON.stringify({ ...result, config: closed.config })).toBe(JSON.stringify(closed));
          }
        }
        expect(globals()).toEqual(before);
        expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
      }),
      { numRuns: 120, seed: 20 },
    );
    // most hostile configs are valid: the property is not vacuous
    expect(generated).toBeGreaterThan(60);
  });

  it('refuses configs the validator refuses, before generating anything', () => {
    expect(() =>
      generateModule({
        version: 1,
        id: 'x',
        criteria: { a: { when: { fact: '__proto__.x', eq: 1 } } },
        stages: [{ id: 'u' }],
      }),
    ).toThrow(/__proto__/);
  });
});
