import { type CheckState, type ConditionReference, wrongLevel } from '../dsl/checkCondition';
import { chainsOf } from '../internal/chains';
import {
  closestName,
  describeValue,
  type Issue,
  type IssueCode,
  type IssuePath,
  listNames,
  makeIssue,
} from '../internal/issues';
import { parseInstant } from '../internal/time';
import type { Config } from '../schema/config';
import { scoreBounds } from '../scoring/scoreBounds';
import { checkGrades } from './checkGrades';

/**
 * The semantic checks that need the whole config: references, cycles, duplicates, the fallback
 * stage, and thresholds no lead can reach. Runs on a config whose skeleton is valid, even when some of
 * its conditions are not (it reads only what the checker recorded of them), so one pass reports every
 * issue; what it finds are errors (warnings are `lintConfig`'s).
 */
export function checkConfig(
  config: Config,
  state: CheckState,
  criterionRefs: ReadonlyMap<string, { readonly criteria: readonly string[]; readonly scores: boolean }>,
): Issue[] {
  const issues: Issue[] = [];
  const criteria = Object.keys(config.criteria);
  const groups = Object.keys(config.scoring?.groups ?? {});
  const scoreNames = ['total', ...groups];

  for (const ref of state.criteria) {
    if (!criteria.includes(ref.name))
      issues.push(unknownName('unknown_criterion', 'criterion', ref, criteria));
  }
  for (const ref of state.scores) {
    if (!scoreNames.includes(ref.name)) issues.push(unknownName('unknown_group', 'score', ref, scoreNames));
  }
  config.scoring?.rules.forEach((rule, index) => {
    if (rule.group !== undefined && !groups.includes(rule.group)) {
      issues.push(
        unknownName(
          'unknown_group',
          'group',
          { name: rule.group, path: ['scoring', 'rules', index, 'group'] },
          groups,
        ),
      );
    }
  });

  for (const ref of state.scores) {
    if (ref.path[0] === 'scoring') {
      issues.push(
        makeIssue({
          code: 'score_cycle',
          path: ref.path,
          problem: 'a scoring rule depends on a score, which it is part of',
          expected: 'scoring rules on facts, criteria and events',
          fix: 'move the threshold into a stage or criterion',
        }),
      );
    }
  }
  // members and roles read an account's members; an account has no events of its own
  if (config.level === 'account') {
    for (const ref of state.events) issues.push(wrongLevel(ref.path, 'event', 'account'));
  } else {
    for (const ref of state.accountKinds) issues.push(wrongLevel(ref.path, ref.name, 'lead'));
  }
  issues.push(...findCycles(state, criterionRefs));
  issues.push(
    ...duplicates(config.scoring?.rules.map((rule) => rule.id) ?? [], ['scoring', 'rules'], 'id', 'rule id'),
  );
  issues.push(
    ...duplicates(
      config.stages.map((stage) => stage.id),
      ['stages'],
      'id',
      'stage id',
    ),
  );
  issues.push(
    ...duplicates(
      config.examples?.map((example) => example.name) ?? [],
      ['examples'],
      'name',
      'example name',
    ),
  );
  issues.push(...checkStages(config));
  issues.push(...checkGroups(config));
  issues.push(...unreachableThresholds(config, state.scores));
  issues.push(...checkExamplesShape(config, criteria, scoreNames));
  if (config.grades !== undefined) {
    const unknown = (ref: Pick<ConditionReference, 'name' | 'path'>, known: readonly string[]) =>
      unknownName('unknown_group', 'score', ref, known);
    issues.push(...checkGrades(config.grades, scoreNames, unknown));
  }
  return issues;
}

function unknownName(
  code: IssueCode,
  what: string,
  ref: Pick<ConditionReference, 'name' | 'path'>,
  known: readonly string[],
): Issue {
  const suggestion = closestName(ref.name, known);
  return makeIssue({
    code,
    path: ref.path,
    problem: `unknown ${what} ${JSON.stringify(ref.name)}`,
    expected:
      known.length === 0 ? `a ${what} defined in the config (there are none)` : `one of ${listNames(known)}`,
    fix:
      suggestion === undefined ? `define it, or refer to one that exists` : `did you mean "${suggestion}"?`,
  });
}

const SCORES = '(scores)';

/** Criteria that refer to each other in a loop, through criteria or through the scoring rules. */
/** The longest chain of criteria referring to each other: evaluation recurses once per link. */
export const MAX_CRITERION_DEPTH = 64;

function findCycles(
  state: CheckState,
  refs: ReadonlyMap<string, { readonly criteria: readonly string[]; readonly scores: boolean }>,
): Issue[] {
  const edges = new Map<string, string[]>();
  for (const [id, ref] of refs) edges.set(id, [...ref.criteria, ...(ref.scores ? [SCORES] : [])]);
  // the scores depend on every criterion a rule names (as the checker found them: conditions may be invalid)
  const scoringCriteria = state.criteria.filter((ref) => ref.path[0] === 'scoring').map((ref) => ref.name);
  edges.set(SCORES, scoringCriteria);

  const issues: Issue[] = [];
  const reported = new Set<string>();
  const { loops, depth } = chainsOf(edges, (node) => node !== SCORES);
  for (const cycle of loops) {
    const start = cycle.find((name) => name !== SCORES) ?? (cycle[0] as string);
    if (reported.has(start)) continue;
    reported.add(start);
    issues.push(
      makeIssue({
        code: 'criterion_cycle',
        path: ['criteria', start, 'when'],
        problem: `criteria refer to each other in a loop: ${cycle.map((name) => (name === SCORES ? 'scores' : name)).join(' → ')}`,
        expected: 'criteria that depend on each other without a loop',
        fix: 'inline one of the conditions instead of referring to its criterion',
      }),
    );
  }
  for (const [id, chain] of depth) {
    if (id === SCORES || chain <= MAX_CRITERION_DEPTH) continue;
    issues.push(
      makeIssue({
        code: 'too_deep',
        path: ['criteria', id, 'when'],
        problem: `criterion "${id}" starts a chain of ${chain} criteria, each referring to the next`,
        expected: `chains of at most ${MAX_CRITERION_DEPTH} criteria`,
        fix: 'inline some of the conditions instead of referring to their criteria',
      }),
    );
    break; // one is enough: every criterion above it in the chain is as deep or deeper
  }
  return issues;
}

function duplicates(ids: readonly string[], base: IssuePath, key: string, what: string): Issue[] {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  ids.forEach((id, index) => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else {
      issues.push(
        makeIssue({
          code: 'duplicate_id',
          path: [...base, index, key],
          problem: `duplicate ${what} ${JSON.stringify(id)}`,
          expected: `a ${what} not used before (it is used at ${base.join('.')}[${first}])`,
          fix: 'rename one of them',
        }),
      );
    }
  });
  return issues;
}

function checkStages(config: Config): Issue[] {
  const issues: Issue[] = [];
  const last = config.stages.length - 1;
  config.stages.forEach((stage, index) => {
    if (stage.when === undefined && index !== last) {
      issues.push(
        makeIssue({
          code: 'misplaced_fallback',
          path: ['stages', index],
          problem: `stage "${stage.id}" has no "when", so every stage after it can never be reached`,
          expected: 'the stage without "when" (the fallback) to be last',
          fix: 'move it to the end, or give it a "when"',
        }),
      );
    }
  });
  const fallback = config.stages[last];
  if (fallback !== undefined && fallback.when !== undefined) {
    issues.push(
      makeIssue({
        code: 'missing_fallback',
        path: ['stages', last],
        problem: 'no fallback stage',
        expected:
          'a last stage without "when", such as { "id": "unqualified" }, for leads no other stage takes',
        received: `stage "${fallback.id}" with a condition`,
        fix: 'add { "id": "unqualified" } as the last stage',
      }),
    );
  }
  if (fallback?.exit === true) {
    issues.push(
      makeIssue({
        code: 'invalid_fallback',
        path: ['stages', last, 'exit'],
        problem: 'the fallback stage is an exit',
        expected: 'a fallback that is a rung of the ladder (exits are knock-outs with a condition)',
        fix: 'remove "exit" from the last stage, or add a fallback after it',
      }),
    );
  }
  return issues;
}

function checkGroups(config: Config): Issue[] {
  const issues: Issue[] = [];
  const check = (min: number | undefined, max: number | undefined, path: IssuePath) => {
    if (min !== undefined && max !== undefined && min > max) {
      issues.push(
        makeIssue({
          code: 'invalid_range',
          path,
          problem: 'min above max',
          expected: 'min ≤ max',
          received: `min ${min}, max ${max}`,
          fix: 'swap them',
        }),
      );
    }
  };
  const scoring = config.scoring;
  if (scoring === undefined) return issues;
  check(scoring.min, scoring.max, ['scoring']);
  for (const [id, group] of Object.entries(scoring.groups ?? {}))
    check(group.min, group.max, ['scoring', 'groups', id]);
  scoring.rules.forEach((rule, index) => {
    check(rule.min, rule.max, ['scoring', 'rules', index]);
  });
  return issues;
}

/** Score conditions asking for more (or less) than the rules can ever give. */
function unreachableThresholds(config: Config, refs: readonly ConditionReference[]): Issue[] {
  const bounds = scoreBounds(config);
  const issues: Issue[] = [];
  for (const ref of refs) {
    const range = bounds[ref.name];
    if (range === undefined) continue;
    const { min, max } = range;
    const condition = ref.condition as Record<string, number | number[] | undefined>;
    const low = (key: string) =>
      typeof condition[key] === 'number' ? (condition[key] as number) : undefined;
    const between = Array.isArray(condition.between) ? condition.between : undefined;
    const tooHigh =
      (low('gte') ?? Number.NEGATIVE_INFINITY) > max ||
      (low('gt') ?? Number.NEGATIVE_INFINITY) >= max ||
      (low('eq') ?? Number.NEGATIVE_INFINITY) > max ||
      (between?.[0] ?? Number.NEGATIVE_INFINITY) > max;
    const tooLow =
      (low('lte') ?? Number.POSITIVE_INFINITY) < min ||
      (low('lt') ?? Number.POSITIVE_INFINITY) <= min ||
      (low('eq') ?? Number.POSITIVE_INFINITY) < min ||
      (between?.[1] ?? Number.POSITIVE_INFINITY) < min;
    if (tooHigh || tooLow) {
      issues.push(
        makeIssue({
          code: 'unreachable_threshold',
          path: ref.path.slice(0, -1),
          problem: `score "${ref.name}" can never meet this threshold`,
          expected: `a threshold within what the scoring rules and caps allow: ${min} to ${max}`,
          received: JSON.stringify(
            Object.fromEntries(Object.entries(condition).filter(([key]) => key !== 'score')),
          ),
          fix: `keep the threshold between ${min} and ${max}, or change the rules' points and caps`,
        }),
      );
    }
  }
  return issues;
}

function checkExamplesShape(
  config: Config,
  criteria: readonly string[],
  scoreNames: readonly string[],
): Issue[] {
  const issues: Issue[] = [];
  const stages = config.stages.map((stage) => stage.id);
  config.examples?.forEach((example, index) => {
    const path = ['examples', index];
    if (Number.isNaN(parseInstant(example.asOf))) {
      issues.push(
        makeIssue({
          code: 'invalid_date',
          path: [...path, 'asOf'],
          problem: 'not a date',
          expected: 'an ISO 8601 instant or epoch ms',
          received: describeValue(example.asOf),
        }),
      );
    }
    const stage = example.expect.stage;
    if (stage !== undefined && !stages.includes(stage)) {
      issues.push(
        unknownName('unknown_stage', 'stage', { name: stage, path: [...path, 'expect', 'stage'] }, stages),
      );
    }
    for (const id of Object.keys(example.expect.criteria ?? {})) {
      if (!criteria.includes(id)) {
        issues.push(
          unknownName(
            'unknown_criterion',
            'criterion',
            { name: id, path: [...path, 'expect', 'criteria', id] },
            criteria,
          ),
        );
      }
    }
    for (const name of Object.keys(example.expect.scores ?? {})) {
      if (!scoreNames.includes(name)) {
        issues.push(
          unknownName(
            'unknown_group',
            'score',
            { name, path: [...path, 'expect', 'scores', name] },
            scoreNames,
          ),
        );
      }
    }
  });
  return issues;
}
