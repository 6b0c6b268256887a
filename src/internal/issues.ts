/**
 * One place in a JSON document: object keys and array indexes from the root.
 *
 * @category Configs
 */
export type IssuePath = ReadonlyArray<string | number>;

/**
 * Every code an {@link Issue} can carry, each documented in `docs/errors.md` (a test holds the two
 * together). Stable: a code is never renamed, only added.
 *
 * @example
 * ISSUE_CODES.includes('unknown_operator');
 * //=> true
 *
 * @category Configs
 */
export const ISSUE_CODES = [
  // the JSON shape
  'invalid_type',
  'missing_key',
  'unknown_key',
  'invalid_value',
  'too_small',
  'too_big',
  // conditions
  'missing_kind',
  'ambiguous_kind',
  'unknown_operator',
  'missing_operator',
  'invalid_operand',
  'invalid_date',
  'invalid_duration',
  'invalid_date_format',
  'invalid_range',
  'invalid_pattern',
  'unsupported_pattern',
  'invalid_path',
  'forbidden_path',
  'empty_list',
  'unsatisfiable',
  'too_deep',
  'too_large',
  'too_costly',
  // the whole config
  'invalid_rule',
  'reserved_id',
  'duplicate_id',
  'unknown_criterion',
  'unknown_group',
  'unknown_stage',
  'criterion_cycle',
  'score_cycle',
  'missing_fallback',
  'misplaced_fallback',
  'invalid_fallback',
  'unreachable_threshold',
  'example_failed',
  'wrong_level',
  // warnings of the lint
  'unknown_fact',
  'unknown_event',
  'unused_criterion',
  'empty_group',
  'unreachable_stage',
  'rung_not_implied',
  'unknown_role',
  // leads
  'unmapped_row',
  'ambiguous_number',
  'events_truncated',
  'issues_truncated',
  // seals
  'stale_seal',
  'invalid_sealed_config',
  'unsealed_config',
] as const;

/**
 * The code of an {@link Issue}: snake_case, stable.
 *
 * @category Configs
 */
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * One problem found in a config, a condition or a lead. Readonly data, never a class: `code` is
 * snake_case and stable, `path` locates it, `message` reads "where: what; expected …, received … (fix)",
 * and `expected`, `received` and `fix` are also there as data.
 *
 * @category Configs
 */
export interface Issue {
  readonly code: IssueCode;
  readonly path: IssuePath;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
  /** How to fix it, when there is a concrete suggestion: `did you mean "gte"?`. */
  readonly fix?: string;
}

/**
 * A problem an operator finds in its operand beyond its JSON shape (a date that does not parse).
 *
 * @category Configs
 */
export interface OperandProblem {
  readonly code: IssueCode;
  readonly problem: string;
  readonly expected: string;
  /** A concrete suggestion, when there is one: `did you mean "days"?`. */
  readonly fix?: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['criteria', 'a', 'when', 'all', 2]` → `criteria.a.when.all[2]`; the root is `(root)`. */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(root)' : out;
}

/** A short, safe description of a received value for messages: type plus a clipped preview. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  switch (typeof value) {
    case 'string': {
      const clipped = value.length > 40 ? `${value.slice(0, 37)}…` : value;
      return `the string ${JSON.stringify(clipped)}`;
    }
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : `the number ${String(value)}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

export interface IssueInput {
  readonly code: IssueCode;
  readonly path: IssuePath;
  /** What is wrong, without the location: `unknown operator "gt="`. */
  readonly problem: string;
  readonly expected?: string;
  readonly received?: string;
  /** How to fix it, when there is a concrete suggestion. */
  readonly fix?: string;
}

/** Builds an {@link Issue} with the house message template. */
export function makeIssue(input: IssueInput): Issue {
  let message = `${formatPath(input.path)}: ${input.problem}`;
  if (input.expected !== undefined) message += `; expected ${input.expected}`;
  if (input.received !== undefined) message += `, received ${input.received}`;
  if (input.fix !== undefined) message += ` (${input.fix})`;
  const issue: { -readonly [K in keyof Issue]: Issue[K] } = { code: input.code, path: input.path, message };
  if (input.expected !== undefined) issue.expected = input.expected;
  if (input.received !== undefined) issue.received = input.received;
  if (input.fix !== undefined) issue.fix = input.fix;
  return issue;
}

/** Lists names for a message: `eq, ne, gt`. */
export function listNames(names: readonly string[]): string {
  return names.join(', ');
}

/** The closest name within a small edit distance, for "did you mean …" hints. */
export function closestName(input: string, candidates: readonly string[]): string | undefined {
  if (input.length > MAX_NAME) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(input.length / 3)) + 1;
  const lower = input.toLowerCase();
  // work is bounded per call and per list of names (one validation asks many times against the same
  // list), so a config with thousands of unknown names is refused in linear time, with fewer suggestions
  // (only long lists, which come from a config and die with it: the grammar's own lists stay free)
  let shared = candidates.length > 100 ? budgets.get(candidates) : { left: LIST_BUDGET };
  if (shared === undefined) {
    shared = { left: LIST_BUDGET };
    budgets.set(candidates, shared);
  }
  let budget = Math.min(SUGGESTION_BUDGET, shared.left);
  for (const candidate of candidates) {
    if (candidate.length > MAX_NAME || Math.abs(candidate.length - lower.length) >= bestDistance) continue;
    if (budget <= 0) break;
    const cost = (lower.length + 1) * (2 * bestDistance + 1);
    budget -= cost;
    shared.left -= cost;
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Names longer than this get no suggestion. */
const MAX_NAME = 64;
/** Edit-distance cells one suggestion may compute: about a thousand candidates of ordinary length. */
const SUGGESTION_BUDGET = 200_000;
/** …and all the suggestions made against one list of names: a few milliseconds of work. */
const LIST_BUDGET = 2_000_000;
const budgets = new WeakMap<readonly string[], { left: number }>();

/**
 * The edit distance of `a` and `b` if it is below `bound`, else `bound` or more: only the diagonal band
 * that can stay under it is computed, and a row whose every cell reached it ends the search.
 */
function editDistance(a: string, b: string, bound: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(bound);
    current[0] = i;
    let rowMin = i;
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? bound) + 1,
        (current[j - 1] ?? bound) + 1,
        (previous[j - 1] ?? bound) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= bound) return bound;
    previous = current;
  }
  return previous[b.length] ?? bound;
}
