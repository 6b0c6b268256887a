// Properties of the calibration's statistics on random counts: Fisher's p-value equals the sum over
// tables computed with exact integer binomials (BigInt), tests are symmetric, every interval holds its
// rate, and a breakdown's groups add up to the pooled summary.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRates, differenceInterval, fisherExact, wilsonInterval } from '../../src/batch/proportions';
import { classifyMany, summarize } from '../../src/index';

/** n choose k, exactly. */
function choose(n: number, k: number): bigint {
  let result = 1n;
  for (let i = 1; i <= k; i++) result = (result * BigInt(n - k + i)) / BigInt(i);
  return result;
}

/** The reference: two-sided Fisher p from exact hypergeometric weights (R's rule, tables no likelier). */
function fisherReference(a: number, b: number, c: number, d: number): number {
  const row = a + b;
  const column = a + c;
  const n = a + b + c + d;
  const weight = (k: number) => choose(row, k) * choose(n - row, column - k);
  const observed = weight(a);
  let sum = 0n;
  for (let k = Math.max(0, row + column - n); k <= Math.min(row, column); k++) {
    const each = weight(k);
    // each ≤ observed · (1 + 1e-7), in integers
    if (each * 10_000_000n <= observed * 10_000_001n) sum += each;
  }
  return Number((sum * 1_000_000_000n) / choose(n, column)) / 1e9;
}

const count = fc.integer({ min: 0, max: 60 });

describe('statistics, on random counts', () => {
  it("Fisher's p-value matches the exact integer computation", () => {
    fc.assert(
      fc.property(count, count, count, count, (a, b, c, d) => {
        fc.pre(a + b + c + d > 0);
        expect(fisherExact(a, b, c, d)).toBeCloseTo(fisherReference(a, b, c, d), 7);
      }),
    );
  });

  it('tests are symmetric, p in [0, 1], and intervals hold their rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (leadsA, leadsB, shareA, shareB) => {
          const convertedA = Math.round(leadsA * shareA);
          const convertedB = Math.round(leadsB * shareB);
          const ab = compareRates(convertedA, leadsA, convertedB, leadsB);
          const ba = compareRates(convertedB, leadsB, convertedA, leadsA);
          expect(ab?.p).toBe(ba?.p);
          expect(ab?.test).toBe(ba?.test);
          expect(ab?.p).toBeGreaterThanOrEqual(0);
          expect(ab?.p).toBeLessThanOrEqual(1);
          const interval = wilsonInterval(convertedA, leadsA);
          const rate = Math.round((convertedA / leadsA) * 10_000) / 10_000;
          expect(interval?.low).toBeLessThanOrEqual(rate);
          expect(interval?.high).toBeGreaterThanOrEqual(rate);
          const difference = differenceInterval(convertedA, leadsA, convertedB, leadsB);
          const gap = convertedA / leadsA - convertedB / leadsB;
          expect(difference?.low).toBeLessThanOrEqual(gap + 1e-4);
          expect(difference?.high).toBeGreaterThanOrEqual(gap - 1e-4);
        },
      ),
    );
  });

  it("a breakdown's groups add up to the pooled funnel and calibration", () => {
    const config = {
      version: 1,
      id: 'prop',
      criteria: { a: { when: { fact: 'x', gte: 5 } } },
      stages: [{ id: 'SQO', when: { criterion: 'a' } }, { id: 'unqualified' }],
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 9 }),
            group: fc.constantFrom('a', 'b', 'c', '', undefined),
            won: fc.option(fc.boolean()),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 1, max: 4 }),
        (rows, maxGroups) => {
          const leads = rows.map((row, index) => ({ id: `L${index}`, x: row.x, group: row.group }));
          const won = new Map(rows.map((row, index) => [`L${index}`, row.won ?? undefined]));
          const results = classifyMany(leads, config, { asOf: '2026-06-30', detail: 'statuses' });
          const summary = summarize(results, {
            outcome: (result) => won.get(result.leadId as string),
            by: 'group',
            leads,
            maxGroups,
          });
          const groups = summary.breakdown?.groups ?? [];
          expect(groups.length).toBeLessThanOrEqual(maxGroups + 1);
          const sum = (pick: (group: (typeof groups)[number]) => number) =>
            groups.reduce((total, group) => total + pick(group), 0);
          expect(sum((group) => group.summary.total)).toBe(summary.total);
          expect(sum((group) => group.summary.calibration?.leads ?? 0)).toBe(summary.calibration?.leads ?? 0);
          expect(sum((group) => group.summary.calibration?.converted ?? 0)).toBe(
            summary.calibration?.converted ?? 0,
          );
          expect(sum((group) => group.summary.stages.SQO?.count ?? 0)).toBe(summary.stages.SQO?.count ?? 0);
        },
      ),
    );
  });
});
