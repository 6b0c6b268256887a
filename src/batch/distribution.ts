/**
 * Quantiles of a set of numbers, exact (linear interpolation between order statistics, as R's type 7 and numpy's default).
 *
 * @category Many leads
 */
export interface Quantiles {
  readonly count: number;
  readonly min: number;
  readonly p10: number;
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
  readonly p90: number;
  readonly max: number;
  readonly mean: number;
}

/** Past this many distinct values a distribution keeps values rounded to fewer decimals (and says so). */
const MAX_DISTINCT = 50_000;

/**
 * Counts of each distinct value: exact quantiles in memory that grows with the distinct values, not with
 * the count (scores are rounded to cents and bounded by caps, so a million leads hold a few thousand).
 * Past {@link MAX_DISTINCT} distinct values, values are rounded to one decimal fewer (then integers, tens…):
 * memory stays bounded whatever the input, and `approximate` says the quantiles are rounded.
 */
export class Distribution {
  private counts = new Map<number, number>();
  private decimals = 2;
  count = 0;
  private sum = 0;
  approximate = false;

  add(value: number, times = 1): void {
    if (!Number.isFinite(value)) return;
    const key = this.round(value);
    this.counts.set(key, (this.counts.get(key) ?? 0) + times);
    this.count += times;
    this.sum += value * times;
    if (this.counts.size > MAX_DISTINCT) this.coarsen();
  }

  private round(value: number): number {
    const scale = 10 ** this.decimals;
    const rounded = Math.round(value * scale) / scale;
    return rounded === 0 ? 0 : rounded;
  }

  private coarsen(): void {
    this.approximate = true;
    while (this.counts.size > MAX_DISTINCT / 2) {
      this.decimals--;
      const old = this.counts;
      this.counts = new Map();
      for (const [value, times] of old) {
        const key = this.round(value);
        this.counts.set(key, (this.counts.get(key) ?? 0) + times);
      }
    }
  }

  /** Distinct values ascending, with their counts. */
  entries(): Array<[number, number]> {
    return [...this.counts].sort((a, b) => a[0] - b[0]);
  }

  /** The quantiles, or `undefined` when no value was added. */
  quantiles(): Quantiles | undefined {
    if (this.count === 0) return undefined;
    const entries = this.entries();
    const at = quantileReader(entries, this.count);
    return {
      count: this.count,
      min: entries[0]![0],
      p10: at(0.1),
      p25: at(0.25),
      median: at(0.5),
      p75: at(0.75),
      p90: at(0.9),
      max: entries[entries.length - 1]![0],
      mean: Math.round((this.sum / this.count) * 100) / 100,
    };
  }
}

/** The value of order statistic `rank` (0-based) of a sorted value→count list. */
function orderStatistic(entries: ReadonlyArray<readonly [number, number]>, rank: number): number {
  let seen = 0;
  for (const [value, times] of entries) {
    seen += times;
    if (rank < seen) return value;
  }
  return entries[entries.length - 1]![0];
}

/** Type-7 quantiles of a sorted value→count list of `count` values, rounded to cents. */
export function quantileReader(
  entries: ReadonlyArray<readonly [number, number]>,
  count: number,
): (q: number) => number {
  return (q) => {
    const position = (count - 1) * q;
    const below = Math.floor(position);
    const low = orderStatistic(entries, below);
    const high = orderStatistic(entries, Math.min(count - 1, below + 1));
    return Math.round((low + (high - low) * (position - below)) * 100) / 100;
  };
}
