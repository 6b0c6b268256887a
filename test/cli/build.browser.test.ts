// Generated code in a real browser page under a Content-Security-Policy without 'unsafe-eval' (Debian's
// chromium, driven by playwright-core): the module `leadstage build` writes stages leads as the library does,
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

const APP = `import classifier from './classifier.js';
import { compile, presets } from './leadstage.js';
const cases = await (await fetch('./cases.json')).json();
let evalRefused = false;
try { new Function('return 1'); } catch (error) { evalRefused = error instanceof EvalError; }
const jit = compile(presets.saas, { codegen: true });
window.__result = {
  evalRefused,
  mode: jit.mode,
  generated: cases.map(([lead, asOf]) => classifier.stage(lead, { asOf })),
  library: cases.map(([lead, asOf]) => jit.stage(lead, { asOf })),
};`;

describe.runIf(existsSync(CHROMIUM))('generated code in chromium under a CSP without unsafe-eval', () => {
  it('runs the built module, and compile falls back to the closures', async () => {
    const cases = corpusLeads(presets.saas, 150, 12).flatMap((lead, index) => {
      const asOf = asOfForm(index);
      try {
        const json = JSON.stringify(lead);
        return json === undefined || asOf instanceof Date ? [] : [[JSON.parse(json), asOf]];
      } catch {
        return [];
      }
    });
    const classifier = compile(presets.saas);
    const expected = cases.map(([lead, asOf]) => classifier.stage(lead, { asOf }));
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><script type="module" src="./app.js"></script>'],
      '/app.js': ['text/javascript', APP],
      '/classifier.js': ['text/javascript', bundle(generateModule(presets.saas))],
      '/leadstage.js': ['text/javascript', bundle("export { compile, presets } from './index';")],
      '/cases.json': ['application/json', JSON.stringify(cases)],
    };
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
        generated: string[];
        library: string[];
      };
      expect(errors).toEqual([]);
      expect(result.evalRefused).toBe(true);
      expect(result.mode).toBe('closures');
      expect(result.generated).toEqual(expected);
      expect(result.library).toEqual(expected);
    } finally {
      await browser.close();
    }
  });
});
