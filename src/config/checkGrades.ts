import { describeValue, type Issue, type IssuePath, listNames, makeIssue } from '../internal/issues';
import { MAX_GRADE_LABELS, nextLabel } from '../scoring/compileGrades';

/** What a grade label may hold: letters, digits and `_`, up to 20 (it becomes a CSV cell and a key). */
const GRADE_LABEL = /^\w{1,20}$/;
/** A whole number as a key: JavaScript orders such keys first and by value, whatever order they were written in. */
const INDEX_LIKE = /^(0|[1-9]\d*)$/;

const EXPECTED = 'labels best first, thresholds strictly descending: { "A": 75, "B": 50, "C": 25 }';
const NAME_BELOW =
  'name the label for the scores below with null, last: { "hot": 70, "warm": 40, "cold": null }';

type Found = { label: string; code: Issue['code']; problem: string; fix?: string; received?: string };

/** What is wrong with one part of `grades`, at which label, and how to fix it; `undefined` when nothing is. */
function partProblem(labels: Readonly<Record<string, unknown>>, keys: readonly string[]): Found | undefined {
  let previous: string | undefined;
  for (const [index, label] of keys.entries()) {
    const threshold = labels[label];
    if (!GRADE_LABEL.test(label))
      return {
        label,
        code: 'invalid_value',
        problem: 'a label of other than letters, digits or _ (1 to 20)',
        fix: 'rename the label',
      };
    if (threshold === null) {
      if (index !== keys.length - 1)
        return {
          label,
          code: 'invalid_value',
          problem: 'null on a label that is not last',
          fix: 'move the label with null to the end',
        };
      if (previous === undefined)
        return { label, code: 'invalid_value', problem: 'no label with a threshold' };
      return undefined;
    }
    if (typeof threshold !== 'number' || !(Math.abs(threshold) <= 1e9))
      return {
        label,
        code: 'invalid_type',
        problem: 'not a threshold',
        received: describeValue(threshold),
        fix: 'a number from -1e9 to 1e9, or null for the last label',
      };
    const above = previous === undefined ? undefined : (labels[previous] as number);
    if (above !== undefined && threshold >= above) {
      return {
        label,
        code: 'invalid_range',
        problem: `a threshold not below ${above}, the one of "${previous}"`,
        fix: keys.every((key) => INDEX_LIKE.test(key))
          ? 'number labels are ordered by value whatever the order written: give "1" the highest threshold, or use letters'
          : 'order the labels from the highest threshold to the lowest',
      };
    }
    previous = label;
  }
  const last = keys[keys.length - 1] as string;
  const below = nextLabel(last);
  if (below === undefined)
    return {
      label: last,
      code: 'invalid_value',
      problem: `no label follows "${last}" for the scores below it`,
      fix: NAME_BELOW,
    };
  if (keys.includes(below))
    return {
      label: below,
      code: 'invalid_value',
      problem: `"${below}" is a label and the one for the scores below`,
      fix: NAME_BELOW,
    };
  return undefined;
}

/**
 * `grades`: exactly two known scores, each a map of 1 to {@link MAX_GRADE_LABELS} labels to strictly
 * descending thresholds (a `null` only on the last label), whose label for the scores below every threshold
 * can be named. What it accepts, `gradeParts` reads (the runtime's reader, without messages).
 */
export function checkGrades(
  grades: unknown,
  scoreNames: readonly string[],
  unknownName: (ref: { name: string; path: IssuePath }, known: readonly string[]) => Issue,
): Issue[] {
  const issues: Issue[] = [];
  const map = (value: unknown, path: IssuePath, expected: string): value is Record<string, unknown> => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return true;
    issues.push(
      makeIssue({
        code: 'invalid_type',
        path,
        problem: 'not a map',
        expected,
        received: describeValue(value),
      }),
    );
    return false;
  };
  if (
    !map(
      grades,
      ['grades'],
      'two scores, each with its labels: { "fit": { "A": 75, … }, "engagement": { "1": 75, … } }',
    )
  )
    return issues;
  const scores = Object.keys(grades);
  if (scores.length !== 2) {
    issues.push(
      makeIssue({
        code: scores.length < 2 ? 'too_small' : 'too_big',
        path: ['grades'],
        problem: `${scores.length} scores graded`,
        expected: 'two scores, the first for the letter and the second for the digit',
        received: scores.length === 0 ? 'none' : listNames(scores),
      }),
    );
  }
  for (const score of scores) {
    const path = ['grades', score];
    if (!scoreNames.includes(score)) issues.push(unknownName({ name: score, path }, scoreNames));
    else if (INDEX_LIKE.test(score)) {
      issues.push(
        makeIssue({
          code: 'invalid_value',
          path,
          problem: 'a score named by a whole number, which JavaScript orders first',
          expected: 'a score whose name is not a whole number',
          fix: 'rename the scoring group',
        }),
      );
    }
    const labels = grades[score];
    if (!map(labels, path, EXPECTED)) continue;
    const keys = Object.keys(labels);
    if (keys.length === 0 || keys.length > MAX_GRADE_LABELS) {
      issues.push(
        makeIssue({
          code: keys.length === 0 ? 'too_small' : 'too_big',
          path,
          problem: `${keys.length} labels`,
          expected: `1 to ${MAX_GRADE_LABELS} labels, ${EXPECTED}`,
        }),
      );
      continue;
    }
    const found = partProblem(labels, keys);
    if (found === undefined) continue;
    issues.push(
      makeIssue({
        code: found.code,
        path: [...path, found.label],
        problem: found.problem,
        expected: EXPECTED,
        received: found.received ?? JSON.stringify(labels),
        ...(found.fix === undefined ? {} : { fix: found.fix }),
      }),
    );
  }
  return issues;
}
