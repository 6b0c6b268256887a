import type * as z from 'zod/mini';
import { describeValue, type Issue, type IssuePath, makeIssue } from './issues';

type ZodIssue = z.core.$ZodIssue;

/**
 * Turns zod's issues into leadstage issues with the house message template.
 * `root` is the value zod parsed (to show what was received); `base` is its path in the document.
 */
export function fromZodIssues(issues: readonly ZodIssue[], root: unknown, base: IssuePath): Issue[] {
  return issues.map((issue) => convert(issue, root, base));
}

function convert(issue: ZodIssue, root: unknown, base: IssuePath): Issue {
  const relative = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const path = [...base, ...relative];
  const received = describeValue(readAt(root, relative));
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'nonoptional') {
        return makeIssue({ code: 'missing_key', path, problem: 'missing', expected: 'a value', received });
      }
      return makeIssue({
        code: 'invalid_type',
        path,
        problem: 'wrong type',
        expected: article(issue.expected),
        received,
      });
    case 'unrecognized_keys':
      return makeIssue({
        code: 'unknown_key',
        path,
        problem: `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`,
        fix: 'remove it or check its spelling',
      });
    case 'invalid_union':
      return makeIssue({
        code: 'invalid_type',
        path,
        problem: 'wrong type',
        expected: unionExpected(issue.errors),
        received,
      });
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const sized = issue.origin === 'array' || issue.origin === 'string' || issue.origin === 'set';
      const relation =
        issue.code === 'too_small'
          ? issue.inclusive
            ? 'at least'
            : 'more than'
          : issue.inclusive
            ? 'at most'
            : 'less than';
      const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
      return makeIssue({
        code: issue.code,
        path,
        problem: `${sized ? 'wrong size' : 'out of range'}`,
        expected: `${relation} ${String(bound)}${unit}`,
        received: sized ? `${sizeOf(readAt(root, relative))}${unit}` : received,
      });
    }
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_value':
      return makeIssue({
        code: 'invalid_value',
        path,
        problem: 'invalid value',
        expected:
          issue.code === 'invalid_value'
            ? `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
            : issue.code === 'invalid_format'
              ? `the ${issue.format} format`
              : `a multiple of ${String(issue.divisor)}`,
        received,
      });
    default:
      return makeIssue({
        code: 'invalid_value',
        path,
        problem: issue.message,
        received,
      });
  }
}

function unionExpected(branches: readonly (readonly ZodIssue[])[]): string {
  const names = new Set<string>();
  for (const branch of branches) {
    for (const issue of branch) {
      if (issue.path.length === 0 && issue.code === 'invalid_type') names.add(article(issue.expected));
    }
  }
  return names.size > 0 ? [...names].join(' or ') : 'one of the allowed shapes';
}

const ARTICLES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  tuple: 'an array',
  record: 'an object',
};

function article(expected: string): string {
  return ARTICLES[expected] ?? expected;
}

function sizeOf(value: unknown): string {
  if (Array.isArray(value) || typeof value === 'string') return String(value.length);
  return describeValue(value);
}

function readAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
