import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Config, compile, gradeMatrix } from '../../src/index';
import { asOf } from './arbitraries';

/** One part of a grade as the test builds it: labels best first, thresholds, the label below them all. */
interface Part {
  readonly labels: readonly string[];
  readonly thresholds: readonly number[];
  readonly below: string;
  /** The map the config gets. */
  readonly map: Record<string, number | null>;
}

const LETTERS = 'ABCDEFGH';
const WORDS = ['hot', 'warm', 'mild', 'cool', 'cold'];

/** Strictly descending thresholds, often equal to scores a lead can reach (integers in a small range). */
const thresholds = (count: number) =>
  fc
    .uniqueArray(fc.integer({ min: -20, max: 80 }), { minLength: count, maxLength: count })
    .map((values) => [...values].sort((a, b) => b - a));

const part: fc.Arbitrary<Part> = fc
  .tuple(fc.constantFrom('letters', 'numbers', 'words'), fc.integer({ min: 1, max: 4 }))
  .chain(([style, count]) =>
    thresholds(count).map((values): Part => {
      if (style === 'letters') {
        const labels = [...LETTERS.slice(0, count)];
        return {
          labels,
          thresholds: values,
          below: LETTERS[count] as string,
          map: Object.fromEntries(labels.map((label, index) => [label, values[index] as number])),
        };
      }
      if (style === 'numbers') {
        const labels = Array.from({ length: count }, (_, index) => String(index + 1));
        return {
          labels,
          thresholds: values,
          below: String(count + 1),
          map: Object.fromEntries(labels.map((label, index) => [label, values[index] as number])),
        };
      }
      const labels = WORDS.slice(0, count);
      return {
        labels,
        thresholds: values,
        below: 'none',
        map: {
          ...Object.fromEntries(labels.map((label, index) => [label, values[index] as number])),
          none: null,
        },
      };
    }),
  );

/** Points of the rules of each group: a lead earns each rule whose fact it has true. */
const points = fc.array(fc.integer({ min: -15, max: 40 }), { minLength: 1, maxLength: 4 });

/** The reference: the first label whose threshold the score meets, else the one below. */
function referenceLabel(score: number, of: Part): string {
  for (const [index, threshold] of of.thresholds.entries()) if (score >= threshold) return of.labels[index]!;
  return of.below;
}

function referenceGrade(fit: number, engagement: number, first: Part, second: Part): string {
  const letters = [...first.labels, first.below].every((label) => /^[A-Za-z]+$/.test(label));
  const numbers = [...second.labels, second.below].every((label) => /^\d+$/.test(label));
  return `${referenceLabel(fit, first)}${letters && numbers ? '' : '-'}${referenceLabel(engagement, second)}`;
}

function configOf(fitPoints: number[], engagementPoints: number[], first: Part, second: Part): Config {
  const rule = (group: string) => (value: number, index: number) => ({
    id: `${group}${index}`,
    group,
    points: value,
    when: { fact: `custom.${group}${index}`, eq: true },
  });
  return {
    version: 1,
    id: 'graded',
    facts: Object.fromEntries(
      [
        ...fitPoints.map((_, index) => `custom.fit${index}`),
        ...engagementPoints.map((_, index) => `custom.engagement${index}`),
      ].map((path) => [path, { type: 'boolean' as const }]),
    ),
    criteria: { busy: { when: { fact: 'custom.engagement0', eq: true } } },
    scoring: {
      groups: { fit: {}, engagement: {} },
      rules: [...fitPoints.map(rule('fit')), ...engagementPoints.map(rule('engagement'))],
    },
    stages: [{ id: 'SAL', when: { criterion: 'busy' } }, { id: 'unqualified' }],
    grades: { fit: first.map, engagement: second.map },
  };
}

/** A lead earning the rules whose flags are set, with noise that no rule reads. */
const leadOf = (fit: readonly boolean[], engagement: readonly boolean[], noise: unknown) => ({
  noise,
  custom: Object.fromEntries([
    ...fit.map((on, index) => [`fit${index}`, on]),
    ...engagement.map((on, index) => [`engagement${index}`, on]),
  ]),
});

const flags = (count: number) => fc.array(fc.boolean(), { minLength: count, maxLength: count });

describe('grades', () => {
  it('are the reference function of the two scores and the thresholds, in full and statuses results', () => {
    fc.assert(
      fc.property(
        points,
        points,
        part,
        part,
        asOf,
        fc.anything(),
        (fitPoints, engagementPoints, first, second, at, noise) => {
          const classifier = compile(configOf(fitPoints, engagementPoints, first, second));
          const lead = leadOf(
            fitPoints.map((_, index) => index % 2 === 0),
            engagementPoints.map((_, index) => index % 3 !== 1),
            noise,
          );
          const full = classifier.classify(lead, { asOf: at });
          const statuses = classifier.classify(lead, { asOf: at, detail: 'statuses' });
          const expected = referenceGrade(full.scores.fit!, full.scores.engagement!, first, second);
          expect(full.grade).toBe(expected);
          expect(statuses.grade).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('are equal for two leads with equal scores, whatever else differs', () => {
    fc.assert(
      fc.property(
        points,
        points,
        part,
        part,
        fc.tuple(flags(4), flags(4), flags(4), flags(4)),
        fc.anything(),
        fc.anything(),
        (
          fitPoints,
          engagementPoints,
          first,
          second,
          [fitA, engagementA, fitB, engagementB],
          noiseA,
          noiseB,
        ) => {
          const classifier = compile(configOf(fitPoints, engagementPoints, first, second));
          const a = classifier.classify(
            leadOf(fitA.slice(0, fitPoints.length), engagementA.slice(0, engagementPoints.length), noiseA),
            {
              asOf: '2026-06-30',
            },
          );
          const b = classifier.classify(
            leadOf(fitB.slice(0, fitPoints.length), engagementB.slice(0, engagementPoints.length), noiseB),
            {
              asOf: '2027-01-01',
            },
          );
          if (a.scores.fit === b.scores.fit && a.scores.engagement === b.scores.engagement)
            expect(a.grade).toBe(b.grade);
          // different scores: still each the reference's
          else
            expect([a.grade, b.grade]).toEqual([
              referenceGrade(a.scores.fit!, a.scores.engagement!, first, second),
              referenceGrade(b.scores.fit!, b.scores.engagement!, first, second),
            ]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never get worse as a score rises', () => {
    fc.assert(
      fc.property(
        part,
        part,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        (first, second, extra, base) => {
          // one fit rule of `base` points, one of `extra`: the lead with both has the higher fit
          const classifier = compile(configOf([base, extra], [base], first, second));
          const low = classifier.classify(leadOf([true, false], [true], null), { asOf: 0 });
          const high = classifier.classify(leadOf([true, true], [true], null), { asOf: 0 });
          const matrix = gradeMatrix(classifier.config)!;
          const rank = (grade: string | undefined) => matrix.grades.findIndex((row) => row.includes(grade!));
          expect(rank(low.grade)).toBeGreaterThanOrEqual(0);
          expect(rank(high.grade)).toBeLessThanOrEqual(rank(low.grade));
        },
      ),
      { numRuns: 200 },
    );
  });
});
