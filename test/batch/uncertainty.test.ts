// The calibration's uncertainty, on fixtures checked by hand or against a reference implementation
// (SciPy 1.17: `scipy.stats.fisher_exact`, `scipy.stats.norm`), written out in the comments.
import { describe, expect, it } from 'vitest';
import {
  compareRates,
  differenceInterval,
  fisherExact,
  logFactorial,
  MAX_FISHER_TABLES,
  wilsonInterval,
} from '../../src/batch/proportions';
import { classifyMany, summarize } from '../../src/index';

const asOf = '2026-06-30';

/** A ladder whose stage is the lead's `tier`: SQO ← a, SAL ← b, unqualified otherwise. */
const config = {
  version: 1,
  id: 'tiers',
  criteria: {
    a: { when: { fact: 'tier', eq: 'a' } },
    b: { when: { fact: 'tier', in: ['a', 'b'] } },
  },
  stages: [
    { id: 'SQO', when: { criterion: 'a' } },
    { id: 'SAL', when: { criterion: 'b' } },
    { id: 'unqualified' },
  ],
};

/** Leads per tier, `converted` of them won: results and outcomes by lead id. */
function fixture(groups: ReadonlyArray<readonly [tier: string, leads: number, converted: number]>) {
  const leads: Array<{ id: string; tier: string }> = [];
  const outcome: Record<string, boolean> = {};
  for (const [tier, count, converted] of groups)
    for (let index = 0; index < count; index++) {
      const id = `${tier}${index}`;
      leads.push({ id, tier });
      outcome[id] = index < converted;
    }
  return { leads, outcome, results: classifyMany(leads, config, { asOf, detail: 'statuses' }) };
}

describe('the statistics, against hand computation and SciPy', () => {
  it('Wilson 95 % interval of 10 / 40', () => {
    // z = 1.959964, z² = 3.841459, n + z² = 43.841459
    // centre = (10 + z²/2) / 43.841459 = 11.920729 / 43.841459 = 0.271906
    // half   = z / 43.841459 · √(10·30/40 + z²/4) = 1.959964 · √8.460365 / 43.841459 = 0.130034
    // → 0.141872 … 0.401940 (R: prop.test(10, 40, correct = FALSE)$conf.int gives the same)
    expect(wilsonInterval(10, 40)).toEqual({ low: 0.1419, high: 0.4019 });
    // 0 of 5 is not "0 % for sure": up to 43 %; 5 of 5 from 57 %
    expect(wilsonInterval(0, 5)).toEqual({ low: 0, high: 0.4345 });
    expect(wilsonInterval(5, 5)).toEqual({ low: 0.5655, high: 1 });
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("Fisher's exact test: the lady tasting tea, and two tables SciPy checks", () => {
    // fisher_exact([[3, 1], [1, 3]]).pvalue = 0.485714 (= 34/70)
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.485714, 6);
    // fisher_exact([[2, 8], [10, 5]]).pvalue = 0.041405; [[1, 9], [11, 3]] → 0.002759
    expect(fisherExact(2, 8, 10, 5)).toBeCloseTo(0.041405, 6);
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.002759, 6);
    // tea, as a comparison of rates: 3 of 4 against 1 of 4 — expected counts of 2, so Fisher
    expect(compareRates(3, 4, 1, 4)).toEqual({ test: 'fisher', p: 0.4857, verdict: 'not distinguishable' });
    expect(compareRates(2, 10, 10, 15)).toEqual({ test: 'fisher', p: 0.0414, verdict: 'distinguishable' });
  });

  it('log-factorials: exact below 1,024, Stirling above (math.lgamma(n + 1))', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1000)).toBeCloseTo(5912.128178488163, 9);
    expect(logFactorial(1023)).toBeCloseTo(6071.28041294445, 9);
    expect(logFactorial(1024)).toBeCloseTo(6078.211884750051, 9);
    expect(logFactorial(100_000)).toBeCloseTo(1051299.221899122, 6);
  });

  it('Fisher is bounded: past its cap of tables it answers undefined, and compareRates uses z', () => {
    const half = MAX_FISHER_TABLES;
    // margins of 10,001 each way: 10,002 tables to walk
    expect(fisherExact(half, 1, 1, half)).toBeUndefined();
    // 3,000 of 10,000 against 2,900 of 10,000: pooled 0.295, z = 0.01 / √(0.295·0.705·2/10⁴) = 1.550520,
    // p = 2·norm.sf(1.550520) = 0.121015
    expect(compareRates(3000, 10_000, 2900, 10_000)).toEqual({
      test: 'z',
      z: 1.5505,
      p: 0.121,
      verdict: 'not distinguishable',
    });
  });

  it("Newcombe's interval for a difference (method 10, from the Wilson intervals)", () => {
    // 230/360 − 370/600 = 0.0222; Wilson (0.5880, 0.6868) and (0.5774, 0.6545) →
    // low  = 0.0222 − √((0.6389 − 0.5880)² + (0.6545 − 0.6167)²) = −0.0413
    // high = 0.0222 + √((0.6868 − 0.6389)² + (0.6167 − 0.5774)²) = 0.0843
    expect(differenceInterval(230, 360, 370, 600)).toEqual({ low: -0.0413, high: 0.0843 });
  });
});

describe('summarize: uncertainty in the calibration', () => {
  it('63.9 / 61.7 / 60.2 %: the order looks meaningful, the gaps are noise', () => {
    const { results, outcome } = fixture([
      ['a', 360, 230], // 63.9 %
      ['b', 600, 370], // 61.7 %
      ['c', 500, 301], // 60.2 %
    ]);
    const calibration = summarize(results, { outcome })?.calibration;
    expect(calibration?.stages.SQO).toMatchObject({ leads: 360, converted: 230, rate: 0.6389 });
    // Wilson of 230/360: 0.5880 … 0.6868; ÷ base rate 901/1460 = 0.617123 → lift 0.9529 … 1.1129
    expect(calibration?.stages.SQO?.interval).toEqual({ low: 0.588, high: 0.6868 });
    expect(calibration?.stages.SQO?.liftInterval).toEqual({ low: 0.9529, high: 1.1129 });
    // against the other 1,100 leads (671 won): z = 0.9788, p = 0.3277
    expect(calibration?.stages.SQO?.vsRest).toEqual({
      test: 'z',
      z: 0.9788,
      p: 0.3277,
      verdict: 'not distinguishable',
    });
    // SciPy: p1 = 230/360, p2 = 370/600, pooled = 600/960: z = 0.688530, 2·norm.sf(z) = 0.491119
    //        370/600 against 301/500: z = 0.496591, p = 0.619478
    expect(calibration?.comparisons).toEqual([
      {
        higher: 'SQO',
        lower: 'SAL',
        difference: 0.0222,
        interval: { low: -0.0413, high: 0.0843 },
        test: { test: 'z', z: 0.6885, p: 0.4911, verdict: 'not distinguishable' },
      },
      {
        higher: 'SAL',
        lower: 'unqualified',
        difference: 0.0147,
        interval: { low: -0.043, high: 0.0725 },
        test: { test: 'z', z: 0.4966, p: 0.6195, verdict: 'not distinguishable' },
      },
    ]);
    expect(calibration?.warnings).toEqual([]);
  });

  it('a real gap is distinguishable', () => {
    // Olist's SQO against SAL: 286/2016 against 236/2365, z = 4.2846, p = 1.8e-5
    const { results, outcome } = fixture([
      ['a', 2016, 286],
      ['b', 2365, 236],
    ]);
    const comparison = summarize(results, { outcome }).calibration?.comparisons[0];
    expect(comparison?.test).toEqual({ test: 'z', z: 4.2846, p: 0, verdict: 'distinguishable' });
    expect(comparison?.interval.low).toBeGreaterThan(0);
  });

  it('10 leads: "lift 2.5" comes with small-sample warnings and a Fisher test', () => {
    const { results, outcome } = fixture([
      ['a', 2, 2],
      ['b', 4, 2],
      ['c', 4, 0],
    ]);
    const calibration = summarize(results, { outcome }).calibration;
    // base 4/10; SQO 2/2: lift 2.5, but Wilson 2/2 = 0.3424 … 1 → lift 0.856 … 2.5
    expect(calibration?.stages.SQO).toMatchObject({
      rate: 1,
      lift: 2.5,
      interval: { low: 0.3424, high: 1 },
      liftInterval: { low: 0.856, high: 2.5 },
    });
    expect(calibration?.interval).toEqual({ low: 0.1682, high: 0.6873 });
    // fisher_exact([[2, 0], [2, 2]]).pvalue = 0.466667; [[2, 2], [0, 4]] → 0.428571
    expect(calibration?.comparisons.map((each) => each.test)).toEqual([
      { test: 'fisher', p: 0.4667, verdict: 'not distinguishable' },
      { test: 'fisher', p: 0.4286, verdict: 'not distinguishable' },
    ]);
    const where = calibration?.warnings.map((warning) => `${warning.code} ${warning.where} ${warning.leads}`);
    expect(where).toEqual([
      'small_sample all 10',
      'small_sample stages.SQO 2',
      'small_sample stages.SAL 4',
      'small_sample stages.unqualified 4',
      // no scoring rule: every total is 0, one band
      'small_sample bands[0] 10',
      'small_sample next.SAL.unmet 4',
      'small_sample next.unqualified.unmet 4',
    ]);
    expect(calibration?.warnings[1]?.message).toBe(
      'SQO: 2 leads with an outcome, fewer than 30: the rate 100.0 % (95 % interval 34.2 % – 100.0 %) and lift 2.5 may be noise',
    );
  });

  it('few conversions expected: a group of 100 at a 2 % base rate', () => {
    const { results, outcome } = fixture([
      ['a', 100, 5],
      ['b', 900, 15],
    ]);
    const warnings = summarize(results, { outcome, bands: 1 }).calibration?.warnings ?? [];
    // 100 × 0.02 = 2 conversions expected: the SQO rate rests on a handful
    expect(warnings.map((warning) => [warning.code, warning.where])).toEqual([
      ['few_conversions', 'stages.SQO'],
    ]);
    expect(warnings[0]?.message).toContain('2 conversions expected at the base rate, fewer than 5');
  });
});
