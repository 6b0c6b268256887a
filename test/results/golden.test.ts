// Results are built without allocation sites (see src/internal/siteFree.ts): that must change nothing a
// caller can see. Every preset classifies a seeded corpus (test/results/corpus.ts: messy leads, every
// detail level, locales, asOf forms, histories) and the JSON of every result is hashed, per preset and
// level, against hashes committed from the code before the site-free rewrite. And every result is plain
// data: each object's prototype is Object.prototype (each array's Array.prototype), and structuredClone
// and a JSON round trip give it back deep-strict-equal.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type Config, compile, presets, stageHistory } from '../../src/index';
import { asOfForm, corpusLeads, LOCALES } from './corpus';

const LEADS = 160;
/** Every this many leads, a stage history too (each replays the lead many times); more for `withReasons`. */
const HISTORY_EVERY = 8;

/** Objects and arrays reachable from `value` whose prototype is not the plain one, by path. */
function notPlain(value: unknown, path = 'result', found: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return found;
  const expected = Array.isArray(value) ? Array.prototype : Object.prototype;
  if (Object.getPrototypeOf(value) !== expected) found.push(path);
  for (const key of Object.keys(value))
    notPlain((value as Record<string, unknown>)[key], `${path}.${key}`, found);
  return found;
}

interface Golden {
  readonly leads: number;
  readonly hashes: Record<string, string>;
}

/** Classifies the corpus of `config` every way; the JSON lines of each way, and the values produced. */
function classifyCorpus(config: Config, seed: number, historyEvery: number) {
  const classifier = compile(config);
  const leads = corpusLeads(config, LEADS, seed);
  const lines: Record<string, string[]> = {
    full: [],
    'full, other locale': [],
    statuses: [],
    stage: [],
    history: [],
  };
  const values: unknown[] = [];
  const record = (way: string, run: () => unknown) => {
    let value: unknown;
    try {
      value = run();
    } catch (error) {
      lines[way]!.push(`throws ${(error as Error).name}: ${(error as Error).message}`);
      return;
    }
    values.push(value);
    lines[way]!.push(JSON.stringify(value));
  };
  leads.forEach((lead, index) => {
    const asOf = asOfForm(index);
    record('full', () => classifier.classify(lead, { asOf, locale: LOCALES[index % LOCALES.length]! }));
    record('full, other locale', () =>
      classifier.classify(lead, { asOf, locale: LOCALES[(index + 2) % LOCALES.length]! }),
    );
    record('statuses', () => classifier.classify(lead, { asOf, detail: 'statuses' }));
    record('stage', () => classifier.stage(lead, { asOf }));
    if (index % historyEvery === 0) record('history', () => stageHistory(lead, classifier, { asOf }));
  });
  const hashes = Object.fromEntries(
    Object.entries(lines).map(([way, text]) => [
      way,
      createHash('sha256').update(text.join('\n')).digest('hex'),
    ]),
  );
  return { golden: { leads: leads.length, hashes } satisfies Golden, values };
}

/**
 * `presets.saas` with what the presets leave out: reason codes on criteria and on exit stages, and
 * follow-ups that name their events (so histories say `met`, `breached`, `open` with `at` and `overdueMs`).
 */
function withReasons(config: Config): Config {
  return {
    ...config,
    id: `${config.id}-reasons`,
    criteria: Object.fromEntries(
      Object.entries(config.criteria).map(([id, criterion]) => [id, { ...criterion, reason: `lost_${id}` }]),
    ),
    stages: config.stages.map((stage) => ({
      ...stage,
      ...(stage.exit === true ? { reason: `entered_${stage.id}` } : {}),
      ...(stage.followUp === undefined
        ? {}
        : {
            followUp: {
              within: { days: 60 },
              events: ['demo_completed', 'pricing_discussed', 'newsletter_signup'],
            },
          }),
    })),
  };
}

/**
 * A config without its `grades`: the presets as they were when the hashes were committed, so results of
 * configs without grades stay byte for byte what they were before grades existed too.
 */
function withoutGrades(config: Config): Config {
  const { grades: _, ...rest } = config;
  return rest;
}

const CONFIGS: ReadonlyArray<readonly [string, Config]> = [
  ...Object.entries(presets).map(([id, config]) => [id, withoutGrades(config)] as const),
  ['saas-reasons', withReasons(withoutGrades(presets.saas))],
  // with grades: `grade` in full and statuses results and in histories (hashes committed with grades)
  ['saas-graded', presets.saas],
];

describe.each(CONFIGS.map(([id, config], index) => [id, config, index] as const))(
  'results of %s on the corpus',
  (id, config, index) => {
    const { golden, values } = classifyCorpus(
      config,
      1000 + index,
      config.id.endsWith('-reasons') ? 2 : HISTORY_EVERY,
    );

    it('are byte for byte the results of the code before the site-free rewrite', () => {
      const file = join(import.meta.dirname, 'golden', `${id}.json`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, `${JSON.stringify(golden, null, 2)}\n`);
      expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/results`).toBe(
        true,
      );
      expect(golden).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });

    it('are plain data: plain prototypes, cloned and JSON round-tripped deep-strict-equal', () => {
      let objects = 0;
      for (const value of values) {
        if (typeof value !== 'object' || value === null) continue;
        objects++;
        expect(notPlain(value)).toEqual([]);
        expect(isDeepStrictEqual(structuredClone(value), value)).toBe(true);
        expect(isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)).toBe(true);
      }
      expect(objects).toBeGreaterThan(LEADS * 3);
    });
  },
);
