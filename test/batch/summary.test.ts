import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Classification,
  classifyMany,
  classifyStream,
  createSummary,
  presets,
  type StatusClassification,
  summarize,
} from '../../src/index';
import { asOf as anInstant, leadShaped } from '../classify/arbitraries';

const asOf = '2026-06-30T00:00:00Z';

/** A config small enough to check every rate by hand. */
const config = {
  version: 1,
  id: 'calibration-fixture',
  criteria: {
    budget: { when: { fact: 'budget.amount', gte: 1000 } },
    need: { when: { fact: 'need.severity', in: ['high'] } },
  },
  scoring: {
    rules: [
      { id: 'budget', points: 10, when: { criterion: 'budget' } },
      { id: 'need', points: 5, when: { criterion: 'need' } },
    ],
  },
  stages: [
    { id: 'SQO', when: { all: [{ criterion: 'budget' }, { criterion: 'need' }] } },
    { id: 'SAL', when: { any: [{ criterion: 'budget' }, { criterion: 'need' }] } },
    { id: 'unqualified' },
  ],
};
const leads = [
  { id: 'L1', budget: { amount: 2000 }, need: { severity: 'high' } }, // SQO 15, won
  { id: 'L2', budget: { amount: 5000 }, need: { severity: 'high' } }, // SQO 15, won
  { id: 'L3', budget: { amount: 2000 }, need: { severity: 'low' } }, // SAL 10, SQO unmet (need), lost
  { id: 'L4', budget: { amount: 2000 } }, // SAL 10, SQO unknown (need), won
  { id: 'L5', need: { severity: 'high' } }, // SAL 5, SQO unknown (budget), won
  { id: 'L6', budget: { amount: 10 }, need: { severity: 'high' } }, // SAL 5, SQO unmet (budget), lost
  { id: 'L7' }, // unqualified 0, SAL unknown, lost
  { id: 'L8', budget: { amount: 10 }, need: { severity: 'low' } }, // unqualified 0, SAL unmet, lost
  { id: 'L9' }, // unqualified 0, SAL unknown, lost
  {}, // no id: not matched to an outcome
];
const outcome = {
  L1: true,
  L2: true,
  L3: false,
  L4: true,
  L5: true,
  L6: false,
  L7: false,
  L8: false,
  L9: false,
};

/** The rate fields these tests check by hand; intervals and tests are checked in uncertainty.test.ts. */
function counts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(counts);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !['interval', 'liftInterval', 'vsRest', 'comparison'].includes(key))
      .map(([key, item]) => [key, counts(item)]),
  );
}

describe('summarize, on a fixture checked by hand', () => {
  const results = classifyMany(leads, config, { asOf });
  const summary = summarize(results, { outcome, bands: [0, 10] });

  it('counts the funnel, criteria and blockers', () => {
    expect(summary.total).toBe(10);
    expect(summary.config?.id).toBe('calibration-fixture');
    expect(Object.keys(summary.stages)).toEqual(['SQO', 'SAL', 'unqualified']);
    expect(summary.stages.SQO).toMatchObject({ count: 2, share: 0.2 });
    expect(summary.stages.SAL).toMatchObject({
      count: 4,
      share: 0.4,
      next: { stage: 'SQO', unmet: 2, unknown: 2 },
    });
    expect(summary.stages.unqualified).toMatchObject({
      count: 4,
      share: 0.4,
      next: { stage: 'SAL', unmet: 1, unknown: 3 },
    });
    expect(summary.criteria).toEqual({
      budget: { met: 4, unmet: 2, unknown: 4 },
      need: { met: 4, unmet: 2, unknown: 4 },
    });
    expect(summary.blockers).toEqual([
      { stage: 'SAL', criterion: 'budget', ask: 3, notMet: 1, later: 0 },
      { stage: 'SAL', criterion: 'need', ask: 3, notMet: 1, later: 0 },
      { stage: 'SQO', criterion: 'need', ask: 1, notMet: 1, later: 0 },
      { stage: 'SQO', criterion: 'budget', ask: 1, notMet: 1, later: 0 },
    ]);
    // 0 0 0 0 5 5 10 10 15 15
    expect(summary.scores.total).toEqual({
      count: 10,
      min: 0,
      p10: 0,
      p25: 0,
      median: 5,
      p75: 10,
      p90: 15,
      max: 15,
      mean: 6,
    });
    expect(summary.stages.SAL?.scores.total).toMatchObject({ min: 5, median: 7.5, max: 10 });
    expect(summary.flags).toEqual({});
  });

  it('gives the exact conversion rates and lifts', () => {
    // base rate: 4 of the 9 leads with a known outcome
    expect(summary.calibration).toMatchObject({ leads: 9, converted: 4, rate: 0.4444, unmatched: 1 });
    expect(counts(summary.calibration?.stages)).toEqual({
      SQO: { leads: 2, converted: 2, rate: 1, lift: 2.25 },
      SAL: { leads: 4, converted: 2, rate: 0.5, lift: 1.125 },
      unqualified: { leads: 3, converted: 0, rate: 0, lift: 0 },
    });
    // SAL leads who only lack answers converted; those who answered wrong did not
    expect(counts(summary.calibration?.next)).toEqual({
      SAL: {
        stage: 'SQO',
        unknown: { leads: 2, converted: 2, rate: 1, lift: 2.25 },
        unmet: { leads: 2, converted: 0, rate: 0, lift: 0 },
      },
      unqualified: {
        stage: 'SAL',
        unknown: { leads: 2, converted: 0, rate: 0, lift: 0 },
        unmet: { leads: 1, converted: 0, rate: 0, lift: 0 },
      },
    });
    expect(counts(summary.calibration?.bands)).toEqual([
      { from: 0, to: 10, leads: 5, converted: 1, rate: 0.2, lift: 0.45 },
      { from: 10, to: 15, leads: 4, converted: 3, rate: 0.75, lift: 1.6875 },
    ]);
  });

  it('bands by rank by default (deciles), ties kept in one band', () => {
    // matched totals: 0 0 0 5 5 10 10 15 15 — ten deciles collapse into four bands
    expect(counts(summarize(results, { outcome }).calibration?.bands)).toEqual([
      { from: 0, to: 5, leads: 3, converted: 0, rate: 0, lift: 0 },
      { from: 5, to: 10, leads: 2, converted: 1, rate: 0.5, lift: 1.125 },
      { from: 10, to: 15, leads: 2, converted: 1, rate: 0.5, lift: 1.125 },
      { from: 15, to: 15, leads: 2, converted: 2, rate: 1, lift: 2.25 },
    ]);
    // halves: the 5th of 9 scores (rank ⌊9/2⌋ = 4, a 5) starts the second band
    expect(
      summarize(results, { outcome, bands: 2 }).calibration?.bands.map((band) => [band.from, band.leads]),
    ).toEqual([
      [0, 3],
      [5, 6],
    ]);
  });

  it('takes outcomes as a Map or a function of the result too', () => {
    const asMap = summarize(results, { outcome: new Map(Object.entries(outcome)), bands: [0, 10] });
    const asFunction = summarize(results, {
      outcome: (result) =>
        result.leadId === undefined ? undefined : outcome[result.leadId as keyof typeof outcome],
      bands: [0, 10],
    });
    expect(asMap).toEqual(summary);
    expect(asFunction).toEqual(summary);
  });

  it('refuses what it cannot summarize, saying what it received', () => {
    expect(() => summarize([{ id: 'L1' } as never])).toThrow(
      /result 0 is not a classification result \(expected the object classify returns\), received an object/,
    );
    const other = classifyMany([{}], presets.saas, { asOf });
    expect(() => summarize([...results, ...other])).toThrow(
      /comes from config "saas".*summarize each config apart/,
    );
    expect(() => summarize(results, { outcome: 'converted' as never })).toThrow(
      /outcome must be a function, a Map or an object of booleans by lead id, received the string "converted"/,
    );
    expect(() => summarize(results, { bands: [10, 5] })).toThrow(/bands must be .* received an array of 2/);
    expect(() => summarize(results, { bands: 0 })).toThrow(/bands must be/);
  });
});

/** Counts taken straight from the results, to hold the summary to. */
function directCounts(results: ReadonlyArray<Classification | StatusClassification>) {
  const stages: Record<string, number> = {};
  const criteria: Record<string, Record<string, number>> = {};
  const blockers: Record<string, { ask: number; notMet: number; later: number }> = {};
  const flags: Record<string, number> = {};
  for (const result of results) {
    stages[result.stage] = (stages[result.stage] ?? 0) + 1;
    for (const [id, { status }] of Object.entries(result.criteria)) {
      criteria[id] ??= { met: 0, unmet: 0, unknown: 0 };
      criteria[id][status] = (criteria[id][status] ?? 0) + 1;
    }
    const next = result.next;
    for (const [list, later] of [
      [next?.blockers ?? [], false],
      [next?.later ?? [], true],
    ] as const) {
      for (const blocker of list) {
        const key = `${next?.stage} ${blocker.criterion ?? blocker.label}`;
        blockers[key] ??= { ask: 0, notMet: 0, later: 0 };
        if (later) blockers[key].later++;
        else if (blocker.status === 'unknown') blockers[key].ask++;
        else blockers[key].notMet++;
      }
    }
    for (const kind of new Set(result.flags.map((flag) => flag.split(':')[0] as string)))
      flags[kind] = (flags[kind] ?? 0) + 1;
  }
  return { stages, criteria, blockers, flags };
}

describe('summarize, on generated leads for every preset', () => {
  it('adds up: stages, criteria, blockers and flags match the results, and the stream summary equals the batch one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(leadShaped, fc.anything()), { maxLength: 40 }),
        anInstant,
        fc.constantFrom(...Object.keys(presets)),
        fc.constantFrom('full' as const, 'statuses' as const),
        async (input, at, name, detail) => {
          const preset = presets[name as keyof typeof presets];
          const results = classifyMany(input, preset, { asOf: at, detail });
          const summary = summarize(results);
          const direct = directCounts(results);
          expect(summary.total).toBe(input.length);
          expect(Object.values(summary.stages).reduce((sum, stage) => sum + stage.count, 0)).toBe(
            input.length,
          );
          for (const [stage, count] of Object.entries(direct.stages))
            expect(summary.stages[stage]?.count).toBe(count);
          expect(summary.criteria).toEqual(input.length === 0 ? {} : direct.criteria);
          for (const counts of Object.values(summary.criteria))
            expect(counts.met + counts.unmet + counts.unknown).toBe(input.length);
          expect(
            Object.fromEntries(
              summary.blockers.map((blocker) => [
                `${blocker.stage} ${blocker.criterion ?? blocker.label}`,
                { ask: blocker.ask, notMet: blocker.notMet, later: blocker.later },
              ]),
            ),
          ).toEqual(direct.blockers);
          expect(summary.flags).toEqual(direct.flags);
          for (const stage of Object.values(summary.stages))
            if (stage.count > 0) expect(stage.scores.total?.count).toBe(stage.count);

          const incremental = createSummary();
          for await (const result of classifyStream(input, preset, { asOf: at, detail }))
            incremental.add(result);
          expect(incremental.result()).toEqual(summary);
        },
      ),
      { numRuns: 60 },
    );
  });
});
