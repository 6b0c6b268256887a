// Generated code against the closures: every preset and a config that uses every construct, on the seeded
// messy corpus (placeholders, bad and future dates, inherited props, throwing getters, non-objects), on
// fast-check's lead-shaped values and on every asOf form — loaded by new Function (compile's JIT) and as an
// ES module written to disk. Stages, `detail: 'statuses'` results as JSON text, and the work units each call
// spent, must be the same: 0 differences.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { unitsSpent } from '../../src/classify/compileClassifier';
import { type Config, compile, generateModule, presets } from '../../src/index';
import { asOf as asOfArbitrary, leadShaped } from '../classify/arbitraries';
import { asOfForm, corpusLeads, random } from '../results/corpus';
import { kitchen } from './kitchenSink';

const HELPERS = pathToFileURL(join(import.meta.dirname, '..', '..', 'src', 'helpers.ts')).href;
const directory = mkdtempSync(join(tmpdir(), 'leadstage-codegen-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const CONFIGS: Array<[string, Config | Record<string, unknown>]> = [
  ...Object.entries(presets),
  ['kitchen', kitchen],
];
const LEADS = 400;

/** Events with the props kitchen's `where` reads, and odd ones. */
function propsLeads(count: number, seed: number): unknown[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const leads: unknown[] = [];
  for (let index = 0; index < count; index++) {
    const events = Array.from({ length: Math.floor(next() * 8) }, () => ({
      type: pick(['demo_completed', 'custom_ping', 'email_clicked', 'webinar_attended']),
      at: new Date(Date.parse('2026-06-30') - Math.floor(next() * 120) * 86_400_000).toISOString(),
      props: pick([
        { attendees: 5, plan: 'pro' },
        { attendees: '4', plan: 'Enterprise' },
        { attendees: 1, plan: 'pro' },
        { plan: 'free' },
        'text',
        Object.create({ attendees: 9, plan: 'pro' }),
      ]),
    }));
    leads.push({
      custom: pick([
        { size: '150', tier: 'Platinum', flag: 'yes', when: '2026-07-10', tags: 'urgent; cold' },
        { size: 'N/A', tier: 'Select' },
        { size: 'abc', tier: 'tin', flag: 'maybe', when: 'soon' },
      ]),
      contact: pick([
        { email: 'Ann@ACME.com', title: 'VP Sales', name: 'Ann' },
        { email: 'bob@example.org', title: 'Head of IT', phone: '' },
      ]),
      budget: pick([
        { amount: '12.000', status: 'Approved' },
        { amount: 5000, status: 'none' },
      ]),
      events,
    });
  }
  return leads;
}

interface Stager {
  stage(lead: unknown, options: { asOf: unknown }): string;
  classify(
    lead: unknown,
    options: { asOf: unknown; detail?: 'statuses' | 'full'; locale?: unknown },
  ): unknown;
}

/** The locales full results are asked in: the config's own, others, none, and not a string. */
const LOCALES: readonly unknown[] = [undefined, 'de', 'en', 'fr', 'pt-BR', 42, 'es'];

/** The full result (no `detail`, or `detail: 'full'`) as JSON text, and the units spent, or the error's message. */
function full(
  stager: Stager,
  spent: () => number | undefined,
  lead: unknown,
  asOf: unknown,
  index = 0,
): string {
  try {
    const locale = LOCALES[index % LOCALES.length];
    const options = index % 3 === 0 ? { asOf, locale, detail: 'full' as const } : { asOf, locale };
    const result = stager.classify(lead, options);
    return `${JSON.stringify(result)} ${spent()}`;
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

/** The `detail: 'statuses'` result as JSON text, and the units spent, or the error's message. */
function statuses(stager: Stager, spent: () => number | undefined, lead: unknown, asOf: unknown): string {
  try {
    const result = stager.classify(lead, { asOf, detail: 'statuses' });
    return `${JSON.stringify(result)} ${spent()}`;
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

/** The stage, and the units spent, or the error's message when the call throws (a bad asOf). */
function run(stager: Stager, spent: () => number | undefined, lead: unknown, asOf: unknown): string {
  try {
    const stage = stager.stage(lead, { asOf });
    return `${stage} ${spent()}`;
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

describe.each(CONFIGS)('generated stage() of %s', (id, config) => {
  const closures = compile(config);
  const jit = compile(config, { codegen: true });
  const leads = [...corpusLeads(closures.config, LEADS, 20), ...(id === 'kitchen' ? propsLeads(200, 3) : [])];
  let module: Stager & { unitsSpent?: never };

  it('is JIT-compiled where new Function is allowed', () => {
    expect(closures.mode).toBe('closures');
    expect(jit.mode).toBe('jit');
  });

  it('gives the closures’ stage, and spends the same work units, by new Function', () => {
    const differences: string[] = [];
    leads.forEach((lead, index) => {
      const asOf = asOfForm(index);
      const expected = run(closures, () => unitsSpent(closures), lead, asOf);
      const actual = run(jit, () => unitsSpent(jit), lead, asOf);
      if (actual !== expected) differences.push(`lead ${index}: ${actual} ≠ ${expected}`);
    });
    expect(differences.slice(0, 5)).toEqual([]);
  });

  it('gives the closures’ statuses results, byte for byte, and spends the same work units, by new Function', () => {
    const differences: string[] = [];
    leads.forEach((lead, index) => {
      const asOf = asOfForm(index);
      const expected = statuses(closures, () => unitsSpent(closures), lead, asOf);
      const actual = statuses(jit, () => unitsSpent(jit), lead, asOf);
      if (actual !== expected) differences.push(`lead ${index}: ${actual}\n≠ ${expected}`);
    });
    expect(differences.slice(0, 3)).toEqual([]);
  });

  it('gives the closures’ full results, byte for byte, in every locale, and spends the same work units, by new Function', () => {
    const differences: string[] = [];
    leads.forEach((lead, index) => {
      const asOf = asOfForm(index);
      const expected = full(closures, () => unitsSpent(closures), lead, asOf, index);
      const actual = full(jit, () => unitsSpent(jit), lead, asOf, index);
      if (actual !== expected) differences.push(`lead ${index}: ${actual}\n≠ ${expected}`);
    });
    expect(differences.slice(0, 3)).toEqual([]);
  });

  it('gives the closures’ stage, statuses and full results as an ES module written to disk', async () => {
    const file = join(directory, `${id}.mjs`);
    writeFileSync(file, generateModule(config, { helpers: HELPERS, levels: ['stage', 'statuses', 'full'] }));
    module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Stager & { unitsSpent?: never };
    const differences: string[] = [];
    leads.forEach((lead, index) => {
      const asOf = asOfForm(index);
      const expected = run(closures, () => 0, lead, asOf);
      const actual = run(module, () => 0, lead, asOf);
      if (actual !== expected) differences.push(`lead ${index}: ${actual} ≠ ${expected}`);
      const expectedStatuses = statuses(closures, () => 0, lead, asOf);
      const actualStatuses = statuses(module, () => 0, lead, asOf);
      if (actualStatuses !== expectedStatuses)
        differences.push(`lead ${index}: ${actualStatuses}\n≠ ${expectedStatuses}`);
      const expectedFull = full(closures, () => 0, lead, asOf, index);
      const actualFull = full(module, () => 0, lead, asOf, index);
      if (actualFull !== expectedFull) differences.push(`lead ${index}: ${actualFull}\n≠ ${expectedFull}`);
    });
    expect(differences.slice(0, 3)).toEqual([]);
  });

  it('gives the closures’ stage on arbitrary lead-shaped values', () => {
    fc.assert(
      fc.property(leadShaped, asOfArbitrary, (lead, asOf) => {
        expect(run(jit, () => unitsSpent(jit), lead, asOf)).toBe(
          run(closures, () => unitsSpent(closures), lead, asOf),
        );
        expect(statuses(jit, () => unitsSpent(jit), lead, asOf)).toBe(
          statuses(closures, () => unitsSpent(closures), lead, asOf),
        );
        expect(full(jit, () => unitsSpent(jit), lead, asOf, 1)).toBe(
          full(closures, () => unitsSpent(closures), lead, asOf, 1),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('answers bad asOf values with the closures’ error', () => {
    for (const asOf of [undefined, null, 'not a date', Number.NaN, {}]) {
      expect(run(jit, () => 0, {}, asOf)).toBe(run(closures, () => 0, {}, asOf));
      expect(statuses(jit, () => 0, {}, asOf)).toBe(statuses(closures, () => 0, {}, asOf));
      expect(full(jit, () => 0, {}, asOf)).toBe(full(closures, () => 0, {}, asOf));
    }
    expect(full(jit, () => 0, {}, 1_780_000_000, 2)).toBe(full(closures, () => 0, {}, 1_780_000_000, 2));
    // epoch seconds where milliseconds are expected: flagged by both
    expect(statuses(jit, () => 0, {}, 1_780_000_000)).toBe(statuses(closures, () => 0, {}, 1_780_000_000));
    expect(statuses(jit, () => 0, {}, 1_780_000_000)).toContain('as_of_in_seconds');
    expect(() => jit.stage({}, undefined as never)).toThrow(TypeError);
  });
});

describe('generated stage() on long histories', () => {
  it('selects, scans and spends as the closures do past the cap of events read', () => {
    const closures = compile(kitchen);
    const jit = compile(kitchen, { codegen: true });
    const next = random(5);
    for (const length of [9_999, 10_001, 12_500]) {
      const events = Array.from({ length }, (_, index) => ({
        type: ['custom_ping', 'demo_completed', 'page_viewed', 'email_clicked'][index % 4],
        at: new Date(Date.parse('2026-06-30') - Math.floor(next() * 400) * 86_400_000).toISOString(),
        props: { attendees: index % 7, plan: 'pro' },
      }));
      const lead = { custom: { size: 'N/A' }, events };
      const expected = run(closures, () => unitsSpent(closures), lead, '2026-06-30');
      expect(run(jit, () => unitsSpent(jit), lead, '2026-06-30')).toBe(expected);
      expect(statuses(jit, () => unitsSpent(jit), lead, '2026-06-30')).toBe(
        statuses(closures, () => unitsSpent(closures), lead, '2026-06-30'),
      );
      expect(full(jit, () => unitsSpent(jit), lead, '2026-06-30', 1)).toBe(
        full(closures, () => unitsSpent(closures), lead, '2026-06-30', 1),
      );
    }
  });
});
