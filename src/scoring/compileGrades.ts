import type { Config } from '../schema/config';

/** A config's `grades`: two scores, each with its labels and their thresholds. */
export type Grades = NonNullable<Config['grades']>;

/** One part of a grade (the letter or the digit), read from its map of labels to thresholds. */
export interface GradePart {
  /** The score it reads: `total` or a scoring group. */
  readonly score: string;
  /** The labels, best first, each with the lowest score that earns it (strictly descending). */
  readonly labels: readonly string[];
  readonly thresholds: readonly number[];
  /** The label of a score below every threshold: the map's `null` label, or the one after the last. */
  readonly below: string;
}

/** The most labels one part of `grades` may have: a matrix of at most 101 × 101 cells. */
export const MAX_GRADE_LABELS = 100;

/**
 * The label after `label` in its sequence, for a score below every threshold: the next letter of a single
 * letter (`C` → `D`), the next number of a whole number (`3` → `4`); `undefined` for any other label.
 */
export function nextLabel(label: string | undefined): string | undefined {
  return /^[A-Ya-y]$/.test(label as string)
    ? String.fromCharCode((label as string).charCodeAt(0) + 1)
    : /^\d{1,15}$/.test(label as string)
      ? String(+(label as string) + 1)
      : undefined;
}

/**
 * One part of `grades` (`{ A: 75, B: 50, C: 25 }`): labels in key order, thresholds strictly descending, a
 * `null` only on the last label; `undefined` when it is not one (the config check says why, and where).
 */
function gradePart(score: string, map: unknown): GradePart | undefined {
  if (map === null || typeof map !== 'object') return undefined;
  const labels: string[] = [];
  const thresholds: number[] = [];
  let below: string | undefined;
  for (const label of Object.keys(map)) {
    const threshold = (map as Record<string, unknown>)[label];
    if (below !== undefined || labels.length >= MAX_GRADE_LABELS) return undefined;
    if (threshold === null && labels.length > 0) below = label;
    else if (typeof threshold === 'number' && threshold < (thresholds[thresholds.length - 1] ?? Infinity)) {
      labels.push(label);
      thresholds.push(threshold);
    } else return undefined;
  }
  // no label at all: `nextLabel("undefined")` is undefined
  below ??= nextLabel(labels[labels.length - 1]);
  return below === undefined ? undefined : { score, labels, thresholds, below };
}

/** The two parts of a config's grades, the first score's first; `undefined` when they are not grades. */
export function gradeParts(grades: unknown): readonly [GradePart, GradePart] | undefined {
  if (grades === null || typeof grades !== 'object') return undefined;
  const parts = Object.keys(grades).map((score) =>
    gradePart(score, (grades as Record<string, unknown>)[score]),
  );
  return parts.length === 2 && !parts.includes(undefined) ? (parts as [GradePart, GradePart]) : undefined;
}

/** How the two labels join: directly for letters then numbers (`A1`, `hot2`), with `-` otherwise (`hot-high`). */
export function gradeSeparator(first: GradePart, second: GradePart): string {
  // every label has a character or more: the joined labels are all letters (digits) when each one is
  return /^[A-Za-z]+$/.test(first.labels.join('') + first.below) &&
    /^\d+$/.test(second.labels.join('') + second.below)
    ? ''
    : '-';
}

/** The index of the first label whose threshold `score` meets, or the number of labels (below them all). */
function rank(part: GradePart, score: number | undefined): number {
  const thresholds = part.thresholds;
  let index = 0;
  // `!(score >= …)`: a score that is not a number (never, for a valid config) ranks below every label
  while (index < thresholds.length && !((score as number) >= (thresholds[index] as number))) index++;
  return index;
}

/** A lead's grade from its (rounded) scores. */
export type GradeOf = (scores: Readonly<Record<string, number>>) => string;

/**
 * Compiles `grades` into the function that grades a lead from its scores, the strings of every cell made
 * once (a grade is a shared string, never built per lead); `undefined` for a config without grades, so
 * such a config does no grading work at all. A grade reads only the two scores and the thresholds.
 * `parseConfig` refuses grades that do not read, and `compileSealed` a forged seal's.
 */
export function compileGrades(grades: Grades | undefined): GradeOf | undefined {
  const parts = gradeParts(grades);
  if (parts === undefined) return undefined;
  const [first, second] = parts;
  const separator = gradeSeparator(first, second);
  const columns = second.labels.length + 1;
  const cells = [...first.labels, first.below].flatMap((row) =>
    [...second.labels, second.below].map((column) => row + separator + column),
  );
  return (scores) =>
    cells[rank(first, scores[first.score]) * columns + rank(second, scores[second.score])] as string;
}
