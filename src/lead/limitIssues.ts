import { type Issue, makeIssue } from '../internal/issues';

/** Issues one `parseLead` or `mapLead` call reports at most; past it, one `issues_truncated` issue. */
export const MAX_ISSUES = 1000;

/** The first {@link MAX_ISSUES} issues, then one `issues_truncated` saying how many were left out. */
export function limitIssues(issues: readonly Issue[]): readonly Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  return [
    ...issues.slice(0, MAX_ISSUES),
    makeIssue({
      code: 'issues_truncated',
      path: [],
      problem: `${issues.length - MAX_ISSUES} more issues left out`,
      expected: `at most ${MAX_ISSUES} issues per lead`,
      received: `${issues.length}`,
    }),
  ];
}
