import type { Config } from '../schema/config';
import { gradeParts, gradeSeparator } from './compileGrades';

/**
 * One axis of the grade matrix: the score it reads and its labels, best first, the one below them last.
 *
 * @category Configs
 */
export interface GradeAxis {
  readonly score: string;
  readonly labels: readonly string[];
  /** The lowest score of each label but the last (the last takes every score below). */
  readonly thresholds: readonly number[];
}

/**
 * The grades a config gives, as a matrix: rows from its first score, columns from its second.
 *
 * @category Configs
 */
export interface GradeMatrix {
  readonly rows: GradeAxis;
  readonly columns: GradeAxis;
  /** `grades[row][column]`: the grade of each cell (`'A1'`), as results carry it. */
  readonly grades: ReadonlyArray<readonly string[]>;
}

/**
 * The grade matrix of a config with `grades`: its two axes (score, labels best first including the label
 * for scores below every threshold, thresholds) and the grade of each cell as results carry it — to lay out
 * a summary's `grades` as a table or heatmap. `undefined` for a config without grades.
 *
 * @param config - a valid config (from `parseConfig`, or `classifier.config`)
 * @returns the matrix, or `undefined`
 * @throws {TypeError} when the config's `grades` are malformed (`parseConfig` says where)
 *
 * @example
 * const matrix = gradeMatrix({
 *   ...presets.saas,
 *   grades: { fit: { A: 30, B: 15 }, engagement: { 1: 40, 2: 20 } },
 * });
 * [matrix.rows.labels, matrix.columns.labels, matrix.grades[0]];
 * //=> [['A', 'B', 'C'], ['1', '2', '3'], ['A1', 'A2', 'A3']]
 *
 * @category Configs
 */
export function gradeMatrix(config: Pick<Config, 'grades'>): GradeMatrix | undefined {
  if (config.grades === undefined) return undefined;
  const parts = gradeParts(config.grades);
  if (parts === undefined)
    throw new TypeError('gradeMatrix: config.grades are not valid grades (parseConfig says why)');
  const [first, second] = parts;
  const separator = gradeSeparator(first, second);
  const axis = (part: (typeof parts)[number]): GradeAxis => ({
    score: part.score,
    labels: [...part.labels, part.below],
    thresholds: [...part.thresholds],
  });
  const rows = axis(first);
  const columns = axis(second);
  return {
    rows,
    columns,
    grades: rows.labels.map((row) => columns.labels.map((column) => `${row}${separator}${column}`)),
  };
}
