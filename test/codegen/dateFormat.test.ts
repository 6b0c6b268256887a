// The readers of declared facts and date formats are opt-in in generated modules: a module names
// `compileDeclaredReadings` only when its config declares facts, `compileFactReadings` only when it reads a
// `dateFormat` too, so the others leave the declared types' readers and the date-format reader out of a
// bundle, and the modules that name them read those values exactly as the closures do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDeclaredReadings, createRuntime } from '../../src/helpers';
import { compile, generateModule, parseConfig, presets } from '../../src/index';

const HELPERS = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'helpers.ts')).href;
const directory = mkdtempSync(join(tmpdir(), 'leadstage-dateformat-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const config = parseConfig({
  version: 1,
  id: 'formats',
  read: { dateFormat: 'MM/dd/yyyy' },
  facts: { 'custom.renewal': { type: 'date', dateFormat: 'dd.MM.yyyy' } },
  criteria: {
    timeline: { when: { fact: 'timeline.purchaseBy', withinNext: { days: 90 } } },
    renewal: { when: { fact: 'custom.renewal', before: '2026-09-01' } },
  },
  stages: [
    { id: 'SQO', when: { all: [{ criterion: 'timeline' }, { criterion: 'renewal' }] } },
    { id: 'SAL', when: { any: [{ criterion: 'timeline' }, { criterion: 'renewal' }] } },
    { id: 'unqualified' },
  ],
});

const LEADS: unknown[] = [];
for (const purchaseBy of ['07/15/2026', '2026-07-15', '12/31/2027', '15/07/2026', 'soon', undefined]) {
  for (const renewal of ['20.08.2026', '2026-08-20', '01.12.2026', '08/20/2026', 'N/A', undefined]) {
    LEADS.push({ timeline: { purchaseBy }, custom: { renewal } });
  }
}

interface Module {
  stage(lead: unknown, options: { asOf: unknown }): string;
  classify(lead: unknown, options: { asOf: unknown; detail?: 'statuses' | 'full' }): unknown;
}

describe('the readers of declared facts and date formats in generated modules', () => {
  it('are named only by modules whose config declares facts or reads a dateFormat', () => {
    for (const [id, preset] of Object.entries(presets)) {
      expect(generateModule(preset), id).not.toContain('compileFactReadings');
      const declares = Object.keys(preset.facts ?? {}).length > 0;
      expect(generateModule(preset).includes('h.compileDeclaredReadings'), id).toBe(declares);
    }
    // meddic declares its facts; no preset reads a dateFormat
    expect(
      Object.keys(presets).filter((id) =>
        generateModule(presets[id as keyof typeof presets]).includes('compileDeclaredReadings'),
      ),
    ).toEqual(['meddic']);
    expect(generateModule(config)).toContain('h.compileFactReadings');
  });

  it('reads the config’s and a declared fact’s formats as the closures do, at every level', async () => {
    const file = join(directory, 'formats.mjs');
    writeFileSync(file, generateModule(config, { helpers: HELPERS, levels: ['stage', 'statuses', 'full'] }));
    const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Module;
    const closures = compile(config);
    const asOf = '2026-06-30';
    const stages = new Set<string>();
    for (const lead of LEADS) {
      const stage = closures.stage(lead, { asOf });
      stages.add(stage);
      expect(module.stage(lead, { asOf })).toBe(stage);
      expect(JSON.stringify(module.classify(lead, { asOf, detail: 'statuses' }))).toBe(
        JSON.stringify(closures.classify(lead, { asOf, detail: 'statuses' })),
      );
      expect(JSON.stringify(module.classify(lead, { asOf }))).toBe(
        JSON.stringify(closures.classify(lead, { asOf })),
      );
    }
    // the formats decide: both rungs and the fallback are reached
    expect([...stages].sort()).toEqual(['SAL', 'SQO', 'unqualified']);
  });

  it('are required for a dateFormat or declared facts: a module without them is rebuilt, not misread', () => {
    expect(() => createRuntime({ dateFormat: 'MM/dd/yyyy' }, undefined)).toThrow(
      /dateFormat.*rebuild the module/,
    );
    expect(() =>
      createRuntime(undefined, { 'custom.tier': { type: 'enum', values: ['gold', 'silver'] } }),
    ).toThrow(/declared facts or a dateFormat.*rebuild the module/);
    expect(() =>
      createRuntime({ dateFormat: 'MM/dd/yyyy' }, undefined, undefined, compileDeclaredReadings),
    ).toThrow(/dateFormat.*without the date-format reader.*rebuild the module/);
  });
});
