// Where generated code runs: a generated module bundled with its helpers runs in a bare vm context (no
// require, no process, no timers: a warehouse UDF, an edge isolate); and where code from strings is
// forbidden (vm's codeGeneration: { strings: false }, as a CSP without unsafe-eval forbids it), compile's
// JIT falls back to the closures on the EvalError, and stages the same.
import { join } from 'node:path';
import vm from 'node:vm';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compile, generateModule, presets } from '../../src/index';
import { asOfForm, corpusLeads } from '../results/corpus';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** JSON-safe cases for a preset: the lead as JSON text and asOf as ISO text or epoch ms. */
function cases(config: (typeof presets)[keyof typeof presets]): Array<[string, string | number]> {
  return corpusLeads(config, 120, 11).flatMap((lead, index) => {
    const asOf = asOfForm(index);
    try {
      const json = JSON.stringify(lead);
      return json === undefined || asOf instanceof Date ? [] : [[json, asOf] as [string, string | number]];
    } catch {
      return [];
    }
  });
}

/** `source` bundled as a script that sets `globalThis[name]` to the module's exports. */
function script(source: string, name: string): string {
  return buildSync({
    stdin: { contents: source, resolveDir: SRC, loader: 'ts' },
    bundle: true,
    format: 'iife',
    globalName: name,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    alias: { 'leadstage/helpers': join(SRC, 'helpers.ts') },
    write: false,
    logLevel: 'error',
  }).outputFiles?.[0]?.text as string;
}

describe('generated modules and the helpers they import', () => {
  it('refuse helpers of another version at load, with the fix', () => {
    const source = generateModule(presets.saas, { format: 'cjs' });
    expect(source).toContain('h.requireHelpers(4);');
    const helpers = {
      requireHelpers: (version: number) => {
        throw new Error(`generated for helpers version ${version}; rebuild the module`);
      },
    };
    const load = new Function('require', 'exports', source);
    expect(() => load(() => helpers, {})).toThrow(/rebuild the module/);
  });
});

describe('generated modules in a bare vm context', () => {
  it.each(Object.keys(presets) as Array<keyof typeof presets>)(
    '%s: stages and classifies (statuses and full) as the library does, with nothing but ECMAScript',
    (id) => {
      const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
      vm.runInContext(
        script(generateModule(presets[id], { levels: ['stage', 'statuses', 'full'] }), 'generated'),
        context,
      );
      expect(vm.runInContext('[typeof require, typeof process, typeof setTimeout]', context)).toEqual([
        'undefined',
        'undefined',
        'undefined',
      ]);
      const classifier = compile(presets[id]);
      context.cases = JSON.stringify(cases(presets[id]));
      const staged = vm.runInContext(
        'JSON.stringify(JSON.parse(cases).map(([lead, asOf]) => generated.default.stage(JSON.parse(lead), { asOf })))',
        context,
      );
      const expected = cases(presets[id]).map(([lead, asOf]) => classifier.stage(JSON.parse(lead), { asOf }));
      expect(expected.length).toBeGreaterThan(60);
      expect(JSON.parse(staged)).toEqual(expected);
      const statuses = vm.runInContext(
        `JSON.stringify(JSON.parse(cases).map(([lead, asOf]) => generated.default.classify(JSON.parse(lead), { asOf, detail: 'statuses' })))`,
        context,
      );
      expect(statuses).toBe(
        JSON.stringify(
          cases(presets[id]).map(([lead, asOf]) =>
            classifier.classify(JSON.parse(lead), { asOf, detail: 'statuses' }),
          ),
        ),
      );
      const full = vm.runInContext(
        `JSON.stringify(JSON.parse(cases).map(([lead, asOf], index) => generated.default.classify(JSON.parse(lead), { asOf, locale: index % 2 === 0 ? 'de' : undefined })))`,
        context,
      );
      expect(full).toBe(
        JSON.stringify(
          cases(presets[id]).map(([lead, asOf], index) =>
            classifier.classify(JSON.parse(lead), index % 2 === 0 ? { asOf, locale: 'de' } : { asOf }),
          ),
        ),
      );
    },
  );
});

describe('compile(config, { codegen: true }) where code from strings is forbidden', () => {
  const library = script("export { compile, presets } from './index';", 'leadstage');

  it('falls back to the closures on the EvalError, and stages the same', () => {
    const forbidden = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
    vm.runInContext(library, forbidden);
    const allowed = vm.createContext({});
    vm.runInContext(library, allowed);
    const modeIn = (context: vm.Context) =>
      vm.runInContext('leadstage.compile(leadstage.presets.saas, { codegen: true }).mode', context);
    expect(modeIn(forbidden)).toBe('closures');
    expect(modeIn(allowed)).toBe('jit');
    const stages = (context: vm.Context) => {
      context.cases = JSON.stringify(cases(presets.saas));
      return vm.runInContext(
        `const classifier = leadstage.compile(leadstage.presets.saas, { codegen: true });
        JSON.stringify(JSON.parse(cases).map(([lead, asOf]) => classifier.stage(JSON.parse(lead), { asOf })))`,
        context,
      );
    };
    expect(stages(forbidden)).toBe(stages(allowed));
  });
});
