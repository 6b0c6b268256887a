/**
 * Three-valued results as small integers on the hot path; the public API speaks strings.
 * Numbers keep `all`/`any` loops branch-cheap and allocation-free.
 */
export const UNMET: Tri = 0;
export const MET: Tri = 1;
export const UNKNOWN: Tri = 2;
/** @internal A status on the hot path: `0` unmet, `1` met, `2` unknown. Never part of the public API. */
export type Tri = 0 | 1 | 2;

/**
 * A condition's outcome: `met`, `unmet`, or `unknown` when the lead lacks the data to decide.
 *
 * @category Classify
 */
export type Status = 'met' | 'unmet' | 'unknown';

const NAMES: readonly Status[] = ['unmet', 'met', 'unknown'];

/** The public name of a hot-path status. */
export function statusName(tri: Tri): Status {
  return NAMES[tri] as Status;
}

/** The hot-path status of a public one; anything that is not `met` or `unmet` reads as unknown. */
export function triOf(status: unknown): Tri {
  return status === 'met' ? MET : status === 'unmet' ? UNMET : UNKNOWN;
}
