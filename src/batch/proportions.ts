// The statistics behind the calibration's uncertainty: Wilson score intervals for a conversion rate,
// Newcombe's interval for a difference of two rates, and a test of two rates — the pooled two-proportion
// z test, or Fisher's exact test when an expected count is under 5 (where the normal approximation does
// not hold). Every function is bounded: Fisher's test walks at most MAX_FISHER_TABLES tables, and past
// that falls back to z (a table that large has no small expected count anyway).

/** The normal quantile of a two-sided 95 % interval: Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;
/** The level under which a difference is called distinguishable. */
export const ALPHA = 0.05;
/** Expected counts under this make the z test unreliable (Cochran's rule): Fisher's exact test instead. */
export const MIN_EXPECTED = 5;
/** The most tables Fisher's test sums; past it, the z test (bounded work whatever the counts). */
export const MAX_FISHER_TABLES = 10_000;

/**
 * A 95 % interval, to 4 decimals.
 *
 * @category Many leads
 */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * A test of two conversion rates: which test, its two-sided p-value (4 decimals), and the verdict at 0.05.
 *
 * @category Many leads
 */
export interface RateTest {
  /** `'z'`: two-proportion z test (pooled); `'fisher'`: Fisher's exact test, used when an expected count is under 5. */
  readonly test: 'z' | 'fisher';
  /** The z statistic (first rate minus second, over the pooled standard error), for the z test. */
  readonly z?: number;
  /** Two-sided p-value, to 4 decimals. */
  readonly p: number;
  /** `'distinguishable'` when p < 0.05; `'not distinguishable'` otherwise: the gap may be noise. */
  readonly verdict: 'distinguishable' | 'not distinguishable';
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** The unrounded Wilson interval of `converted / leads` (none for no lead). */
export function wilson(converted: number, leads: number): [number, number] | undefined {
  if (leads <= 0) return undefined;
  const z2 = Z95 * Z95;
  const denominator = leads + z2;
  const center = (converted + z2 / 2) / denominator;
  const half = (Z95 / denominator) * Math.sqrt((converted * (leads - converted)) / leads + z2 / 4);
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/**
 * The Wilson score 95 % interval of a rate: unlike `rate ± 1.96·SE` it stays inside [0, 1] and is
 * honest for rates near 0 or 1 and for few leads (0 of 5 is 0–43 %, not 0–0).
 */
export function wilsonInterval(converted: number, leads: number): Interval | null {
  const found = wilson(converted, leads);
  return found === undefined ? null : { low: round4(found[0]), high: round4(found[1]) };
}

/**
 * Newcombe's hybrid score interval (his method 10) for `a − b` of two rates, from their Wilson intervals:
 * good coverage for small counts, where the Wald interval is far too narrow.
 */
export function differenceInterval(
  convertedA: number,
  leadsA: number,
  convertedB: number,
  leadsB: number,
): Interval | null {
  const a = wilson(convertedA, leadsA);
  const b = wilson(convertedB, leadsB);
  if (a === undefined || b === undefined) return null;
  const pa = convertedA / leadsA;
  const pb = convertedB / leadsB;
  const difference = pa - pb;
  return {
    low: round4(difference - Math.sqrt((pa - a[0]) ** 2 + (b[1] - pb) ** 2)),
    high: round4(difference + Math.sqrt((a[1] - pa) ** 2 + (pb - b[0]) ** 2)),
  };
}

/** ln(k!) for k < 1024, summed once, on first use. */
let LOG_FACTORIALS: Float64Array | undefined;

/**
 * ln(n!): exact sums below 1,024, Stirling's series above (relative error under 1e-15 there) — no
 * table grows with n.
 */
export function logFactorial(n: number): number {
  if (n < 1024) {
    if (LOG_FACTORIALS === undefined) {
      LOG_FACTORIALS = new Float64Array(1024);
      for (let k = 2; k < 1024; k++) LOG_FACTORIALS[k] = (LOG_FACTORIALS[k - 1] as number) + Math.log(k);
    }
    return LOG_FACTORIALS[n] as number;
  }
  const inverse = 1 / n;
  const inverse2 = inverse * inverse;
  return (
    n * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI * n) +
    inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260)))
  );
}

/**
 * The complementary error function, W. J. Cody's rational approximations as in Numerical Recipes'
 * `erfcc` (fractional error under 1.2e-7 everywhere: ample for p-values shown to 4 decimals).
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const value =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? value : 2 - value;
}

/**
 * Fisher's exact test, two-sided (the tables no more likely than the observed one, as R's
 * `fisher.test`), on the 2×2 table [[a, b], [c, d]]; `undefined` when it would walk more than
 * {@link MAX_FISHER_TABLES} tables.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number | undefined {
  const row = a + b;
  const column = a + c;
  const n = a + b + c + d;
  const low = Math.max(0, row + column - n);
  const high = Math.min(row, column);
  if (high - low + 1 > MAX_FISHER_TABLES) return undefined;
  const constant =
    logFactorial(row) +
    logFactorial(n - row) +
    logFactorial(column) +
    logFactorial(n - column) -
    logFactorial(n);
  const logP = (k: number) =>
    constant -
    logFactorial(k) -
    logFactorial(row - k) -
    logFactorial(column - k) -
    logFactorial(n - row - column + k);
  const observed = logP(a);
  // R's relative tolerance: tables as likely as the observed one, up to rounding, count
  const cutoff = observed + Math.log1p(1e-7);
  let p = 0;
  for (let k = low; k <= high; k++) {
    const each = logP(k);
    if (each <= cutoff) p += Math.exp(each);
  }
  return Math.min(1, p);
}

/**
 * Tests whether two conversion rates differ: the 2×2 table (converted / not, for `a` and `b`) by Fisher's
 * exact test when any expected count is under {@link MIN_EXPECTED}, else by the pooled two-proportion z
 * test. `null` when either side has no lead.
 */
export function compareRates(
  convertedA: number,
  leadsA: number,
  convertedB: number,
  leadsB: number,
): RateTest | null {
  if (leadsA <= 0 || leadsB <= 0) return null;
  const n = leadsA + leadsB;
  const converted = convertedA + convertedB;
  const pooled = converted / n;
  const smallest = (Math.min(leadsA, leadsB) * Math.min(converted, n - converted)) / n;
  if (smallest < MIN_EXPECTED) {
    const p = fisherExact(convertedA, leadsA - convertedA, convertedB, leadsB - convertedB);
    if (p !== undefined) return verdictOf({ test: 'fisher' }, p);
  }
  if (pooled === 0 || pooled === 1) return verdictOf({ test: 'z', z: 0 }, 1);
  const z =
    (convertedA / leadsA - convertedB / leadsB) /
    Math.sqrt(pooled * (1 - pooled) * (1 / leadsA + 1 / leadsB));
  return verdictOf({ test: 'z', z: round4(z) }, erfc(Math.abs(z) / Math.SQRT2));
}

function verdictOf(test: { test: 'z' | 'fisher'; z?: number }, p: number): RateTest {
  return {
    ...test,
    p: round4(p),
    verdict: p < ALPHA ? 'distinguishable' : 'not distinguishable',
  };
}
