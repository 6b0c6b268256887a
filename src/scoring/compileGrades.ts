import type { Config } from '../schema/config';

/** A config's `grades`: two score names, each with its labels and their thresholds. */
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

/** What a grade label may hold: letters, digits and `_`, up to 20 (it becomes a CSV cell and a key). */
export const GRADE_LABEL = /^[A-Za-z0-9_]{1,20}$/;

/**
 * The label after `label` in its sequence, for a score below every threshold: the next letter of a single
 * letter (`C` → `D`), the next number of a whole number (`3` → `4`); `undefined` for any other label.
 */
export function nextLabel(label: string): string | undefined {
  if (/^[A-Ya-y]$/.test(label)) return String.fromCharCode(label.charCodeAt(0) + 1);
  if (/^\d{1,15}$/.test(label)) return String(Number(label) + 1);
  return undefined;
}

/**
 * Reads one part of `grades` (`{ A: 75, B: 50, C: 25 }`): its labels in key order, thresholds strictly
 * descending, a `null` only on the last label. Returns what is wrong instead when it is not one: the
 * config check words it with its path, `compileSealed` refuses the config.
 */
export function readGradePart(score: string, map: unknown): GradePart | GradeProblem {
  if (map === null || typeof map !== 'object' || Array.isArray(map))
    return { problem: 'not a map of labels' };
  const keys = Object.keys(map);
  if (keys.length === 0) return { problem: 'no label' };
  const labels: string[] = [];
  const thresholds: number[] = [];
  let below: string | undefined;
  for (const [index, label] of keys.entries()) {
    const threshold = (map as Record<string, unknown>)[label];
    if (!GRADE_LABEL.test(label)) return { label, problem: 'a label of other than letters, digits or _' };
    if (threshold === null) {
      if (index !== keys.length - 1) return { label, problem: 'no threshold, on a label that is not last' };
      if (labels.length === 0) return { label, problem: 'no threshold, and no label has one' };
      below = label;
      continue;
    }
    if (typeof threshold !== 'number' || !Number.isFinite(threshold))
      return { label, problem: 'no numeric threshold' };
    const previous = thresholds[thresholds.length - 1];
    if (previous !== undefined && threshold >= previous)
      return {
        label,
        problem: `a threshold not below ${previous}, the one of "${labels[labels.length - 1]}"`,
        order: true,
      };
    labels.push(label);
    thresholds.push(threshold);
  }
  const last = labels[labels.length - 1] as string;
  below ??= nextLabel(last);
  if (below === undefined)
    return { label: last, problem: `no label follows "${last}" for the scores below its threshold` };
  if (labels.includes(below))
    return {
      label: below,
      problem: `"${below}" is both a label and the one for scores below every threshold`,
    };
  return { score, labels, thresholds, below };
}

/** What is wrong with one part of `grades`, at one of its labels when it is there. */
export interface GradeProblem {
  readonly label?: string;
  readonly problem: string;
  /** The thresholds are not strictly descending. */
  readonly order?: true;
}

/** How the two labels join: directly for letters then digits (`A1`, `B10`), with `-` otherwise (`hot-2`). */
export function gradeSeparator(first: GradePart, second: GradePart): string {
  const all = (part: GradePart, pattern: RegExp) =>
    [...part.labels, part.below].every((label) => pattern.test(label));
  return all(first, /^[A-Za-z]+$/) && all(second, /^\d+$/) ? '' : '-';
}

/** The two parts of a config's grades, or what is wrong with them (see {@link readGradePart}). */
export function readGrades(grades: unknown): readonly [GradePart, GradePart] | string {
  if (grades === null || typeof grades !== 'object' || Array.isArray(grades)) return 'not a map of scores';
  const scores = Object.keys(grades);
  if (scores.length !== 2) return `${scores.length} scores where a grade reads two`;
  const parts: GradePart[] = [];
  for (const score of scores) {
    const part = readGradePart(score, (grades as Record<string, unknown>)[score]);
    if ('problem' in part) return `${score}: ${part.problem}`;
    parts.push(part);
  }
  return parts as [GradePart, GradePart];
}

/** The index of the first label whose threshold `score` meets, or the number of labels (below them all). */
function rank(part: GradePart, score: number): number {
  const thresholds = part.thresholds;
  let index = 0;
  // `!(score >= …)`: a score that is not a number (never, for a valid config) ranks below every label
  while (index < thresholds.length && !(score >= (thresholds[index] as number))) index++;
  return index;
}

/** A lead's grade from its (rounded) scores. */
export type GradeOf = (scores: Readonly<Record<string, number>>) => string;

/**
 * Compiles `grades` into the function that grades a lead from its scores, the strings of every cell made
 * once (a grade is a shared string, never built per lead); `undefined` for a config without grades, so
 * such a config does no grading work at all. A grade reads only the two scores and the thresholds. The
 * config is valid (checked, or sealed), so its grades read.
 */
export function compileGrades(grades: Grades | undefined): GradeOf | undefined {
  if (grades === undefined) return undefined;
  const parts = readGrades(grades);
  if (typeof parts === 'string') throw new TypeError(`grades: ${parts}`);
  const [first, second] = parts;
  const separator = gradeSeparator(first, second);
  const columns = second.labels.length + 1;
  const cells = [...first.labels, first.below].flatMap((row) =>
    [...second.labels, second.below].map((column) => `${row}${separator}${column}`),
  );
  return (scores) =>
    cells[
      rank(first, scores[first.score] as number) * columns + rank(second, scores[second.score] as number)
    ] as string;
}
