// Generated code in a real browser page under a Content-Security-Policy without 'unsafe-eval' (Debian's
// chromium, driven by playwright-core): the module `leadstage build` writes for each preset, with all three
// levels, stages and classifies leads as the library does (results compared as JSON text),
// and compile(config, { codegen: true }) meets the EvalError and falls back to the closures.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compile, generateModule, presets } from '../../src/index';
import { asOfForm, corpusLeads } from '../results/corpus';

const SRC = join(import.meta.dirname, '..', '..', 'src');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'http://leadstage.test';
const CSP = "default-src 'self'; script-src 'self'";

function bundle(source: string): string {
  return buildSync({
    stdin: { contents: source, resolveDir: SRC, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    alias: { 'leadstage/helpers': join(SRC, 'helpers.ts') },
    write: false,
    logLevel: 'error',
  }).outputFiles?.[0]?.text as string;
}

const PRESETS = Object.keys(presets) as Array<keyof typeof presets>;
const LEVELS = ['stage', 'statuses', 'full'] as const;

// every preset's module at every level: stages, 'statuses' and full results (in English and Italian) as JSON text
const APP = `import { compile, presets } from './leadstage.js';
const cases = await (await fetch('./cases.json')).json();
let evalRefused = false;
try { new Function('return 1'); } catch (error) { evalRefused = error instanceof EvalError; }
const jit = compile(presets.saas, { codegen: true });
const generated = {};
for (const name of ${JSON.stringify(PRESETS)}) {
  const { default: classifier } = await import('./classifier-' + name + '.js');
  generated[name] = cases[name].map(([lead, asOf], index) => [
    classifier.stage(lead, { asOf }),
    JSON.stringify(classifier.classify(lead, { asOf, detail: 'statuses' })),
    JSON.stringify(classifier.classify(lead, { asOf, locale: index % 2 === 0 ? 'en' : 'it' })),
  ]);
}
window.__result = {
  evalRefused,
  mode: jit.mode,
  generated,
  library: cases.saas.map(([lead, asOf]) => jit.stage(lead, { asOf })),
};`;

/** A preset's corpus leads that survive JSON (the page receives them as JSON), with their `asOf`. */
function casesOf(name: keyof typeof presets): Array<[unknown, string | number]> {
  return corpusLeads(presets[name], 60, 12).flatMap((lead, index) => {
    const asOf = asOfForm(index);
    try {
      const json = JSON.stringify(lead);
      return json === undefined || asOf instanceof Date ? [] : [[JSON.parse(json), asOf]];
    } catch {
      return [];
    }
  });
}

describe.runIf(existsSync(CHROMIUM))('generated code in chromium under a CSP without unsafe-eval', () => {
  it("runs every preset's built module at every level, and compile falls back to the closures", async () => {
    const cases = Object.fromEntries(PRESETS.map((name) => [name, casesOf(name)]));
    const expected = Object.fromEntries(
      PRESETS.map((name) => {
        const classifier = compile(presets[name]);
        return [
          name,
          (cases[name] ?? []).map(([lead, asOf], index) => [
            classifier.stage(lead, { asOf }),
            JSON.stringify(classifier.classify(lead, { asOf, detail: 'statuses' })),
            JSON.stringify(classifier.classify(lead, { asOf, locale: index % 2 === 0 ? 'en' : 'it' })),
          ]),
        ];
      }),
    );
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><script type="module" src="./app.js"></script>'],
      '/app.js': ['text/javascript', APP],
      '/leadstage.js': ['text/javascript', bundle("export { compile, presets } from './index';")],
      '/cases.json': ['application/json', JSON.stringify(cases)],
    };
    for (const name of PRESETS)
      files[`/classifier-${name}.js`] = [
        'text/javascript',
        bundle(generateModule(presets[name], { levels: [...LEVELS] })),
      ];
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      await page.route(`${ORIGIN}/**`, (route) => {
        const file = files[new URL(route.request().url()).pathname];
        return file === undefined
          ? route.fulfill({ status: 404 })
          : route.fulfill({
              status: 200,
              headers: { 'content-type': file[0], 'content-security-policy': CSP },
              body: file[1],
            });
      });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => (window as { __result?: unknown }).__result !== undefined, undefined, {
        timeout: 30_000,
      });
      const result = (await page.evaluate(() => (window as { __result?: unknown }).__result)) as {
        evalRefused: boolean;
        mode: string;
        generated: Record<string, string[][]>;
        library: string[];
      };
      expect(errors).toEqual([]);
      expect(result.evalRefused).toBe(true);
      expect(result.mode).toBe('closures');
      for (const name of PRESETS) expect(result.generated[name], name).toEqual(expected[name]);
      expect(result.library).toEqual((expected.saas ?? []).map(([stage]) => stage));
    } finally {
      await browser.close();
    }
  });
});
