import { type Budget, DEFAULT_BUDGET, readBudget } from '../dsl/budget';
import {
  type CheckState,
  checkCondition,
  checkDuration,
  checkFactPath,
  createCheckState,
} from '../dsl/checkCondition';
import type { ConditionLimits } from '../dsl/conditionLimits';
import { defaultOperators, type OperatorTable } from '../dsl/operators';
import { dateFormatProblem } from '../internal/dateFormat';
import { fromZodIssues } from '../internal/fromZodIssues';
import { isObject } from '../internal/isObject';
import { describeValue, type Issue, type IssuePath, makeIssue } from '../internal/issues';
import { approximateMs, toDuration } from '../internal/time';
import { type Config, ConfigSkeletonSchema } from '../schema/config';
import { RULE_EVENT_KEYS } from '../schema/grammar';
import { checkConfig } from './checkConfig';
import { configWarnings } from './configWarnings';
import { checkSeal, configHash } from './seal';
import { worstCaseCost } from './worstCaseCost';

/**
 * Options of {@link safeParseConfig}, {@link parseConfig} and `compile`.
 *
 * @category Configs
 */
export interface ParseConfigOptions extends ConditionLimits {
  /**
   * The work one lead may cause per `classify`, `stage()` and `stageHistory`, in units (see `Budget`;
   * defaults in `DEFAULT_BUDGET`). A config whose static worst case exceeds the classify or stage budget
   * is refused (`too_costly`).
   */
  readonly budget?: Budget;
  /** The operator table conditions compile with; defaults to the frozen `defaultOperators`. */
  readonly operators?: OperatorTable;
  /** `compile` only: run the config's embedded examples too, and refuse it if one fails. */
  readonly examples?: boolean;
  /**
   * `compile` only: generate JavaScript for `stage()`, `detail: 'statuses'` and full results and load it with
   * `new Function` (about 1.4–1.6× the closures' speed). Where the platform forbids it (a CSP without `unsafe-eval`, edge runtimes) the
   * closures run instead; `classifier.mode` says which (`'jit'` or `'closures'`). Built-in operators only: with
   * an operator table of your own the closures run. See docs/performance.md.
   */
  readonly codegen?: boolean;
}

/**
 * The result of {@link safeParseConfig}: the config or every issue, and the lint's warnings.
 *
 * @category Configs
 */
export type SafeParseConfigResult =
  | {
      readonly success: true;
      readonly config: Config;
      readonly issues: readonly [];
      /** What the lint found that does not stop the config from working: see `lintConfig`. */
      readonly warnings: readonly Issue[];
    }
  | { readonly success: false; readonly issues: readonly Issue[]; readonly warnings: readonly Issue[] };

/**
 * Validates a config and reports **every** issue, never throwing: the JSON shape (zod), every
 * condition (operators, operands, limits), then the lint — unknown criterion, group and stage
 * references, criterion cycles, duplicate ids, a fallback stage that is missing or not last, and
 * score thresholds above what the scoring rules can reach — and a `$seal` that no longer matches.
 *
 * @param input - the config as parsed JSON
 * @param options - operator table and limits
 * @returns `{ success: true, config }` or `{ success: false, issues }`
 *
 * @example
 * const result = safeParseConfig({ version: 1, id: 'x', criteria: {}, stages: [{ id: 'SQO', when: { criterion: 'budget' } }] });
 * result.issues.map((issue) => issue.code);
 * //=> ['unknown_criterion', 'missing_fallback']
 *
 * @category Configs
 */
export function safeParseConfig(input: unknown, options: ParseConfigOptions = {}): SafeParseConfigResult {
  return checkConfigInput(input, options, configWarnings);
}

/**
 * @internal `safeParseConfig`, with the lint's warnings only when asked for with `warn`: `compile`,
 * `parseConfig` and `sealConfig` do not return them, so they neither compute nor bundle them.
 */
export function checkConfigInput(
  input: unknown,
  options: ParseConfigOptions,
  warn?: (config: Config, state: CheckState) => Issue[],
): SafeParseConfigResult {
  if (!isObject(input)) {
    return {
      success: false,
      warnings: [],
      issues: [
        makeIssue({
          code: 'invalid_type',
          path: [],
          problem: 'not a config',
          expected: 'an object { "version": 1, "id", "criteria", "stages", … }',
          received: describeValue(input),
        }),
      ],
    };
  }
  const skeleton = ConfigSkeletonSchema.safeParse(input);
  const issues: Issue[] = skeleton.success ? [] : fromZodIssues(skeleton.error.issues, input, []);
  const state = createCheckState(options.operators ?? defaultOperators, options);
  checkReservedIds(input, issues);
  checkReadings(input, state, issues);
  const criterionRefs = checkConditions(input, state, issues);
  issues.push(...state.issues);
  if (skeleton.success) {
    // references, cycles, the ladder and thresholds too, even beside invalid conditions: every issue at once
    issues.push(...checkConfig(skeleton.data, state, criterionRefs));
    if (issues.length === 0) {
      const costly = checkCost(skeleton.data as Config, options.budget);
      if (costly !== undefined) issues.push(costly);
    }
    if (issues.length === 0 && skeleton.data.$seal !== undefined) {
      const stale = checkSeal(skeleton.data.$seal, configHash(skeleton.data));
      if (stale !== undefined) issues.push(stale);
    }
  }
  const warnings = warn !== undefined && skeleton.success ? warn(skeleton.data, state) : [];
  return issues.length === 0
    ? { success: true, config: skeleton.data as Config, issues: [], warnings }
    : { success: false, issues, warnings };
}

/** A config whose static worst case per lead is over the budget: what `compile` refuses, with the figure. */
function checkCost(config: Config, input: Budget | undefined): Issue | undefined {
  let budget: Readonly<Required<Budget>>;
  try {
    budget = readBudget(input);
  } catch {
    budget = DEFAULT_BUDGET; // compile says what is wrong with the option itself
  }
  const limit = Math.min(budget.classify, budget.stage);
  const cost = worstCaseCost(config);
  if (cost.units <= limit) return undefined;
  return makeIssue({
    code: 'too_costly',
    path: [],
    problem: `a lead can cost ${cost.units.toLocaleString('en')} work units (${cost.events.toLocaleString('en')} for 10,000 events of the types it reads, ${cost.leaves.toLocaleString('en')} for its conditions)`,
    expected: `at most the budget of one classification, ${limit.toLocaleString('en')} units`,
    fix: 'read fewer distinct event selections or where tests, or raise options.budget.classify and options.budget.stage',
  });
}

/** Date formats of `read` and `facts` that the reading rule cannot use, and declared fact paths. */
function checkReadings(input: Record<string, unknown>, state: CheckState, issues: Issue[]): void {
  const checkFormat = (reading: unknown, path: IssuePath) => {
    if (!isObject(reading) || typeof reading.dateFormat !== 'string') return;
    const problem = dateFormatProblem(reading.dateFormat);
    if (problem === undefined) return;
    issues.push(
      makeIssue({
        code: 'invalid_date_format',
        path: [...path, 'dateFormat'],
        problem,
        expected: 'a date format of date-fns tokens such as "MM/dd/yyyy" or "dd.MM.yyyy HH:mm"',
        received: describeValue(reading.dateFormat),
      }),
    );
  };
  checkFormat(input.read, ['read']);
  if (!isObject(input.facts)) return;
  for (const [path, declaration] of Object.entries(input.facts)) {
    checkFactPath(path, ['facts', path], state);
    checkFormat(declaration, ['facts', path]);
  }
}

/**
 * `__proto__` as a criterion or group id would silently vanish (as a key it sets an object's
 * prototype instead), so it is refused by name.
 */
function checkReservedIds(input: Record<string, unknown>, issues: Issue[]): void {
  const scoring = input.scoring;
  const records: Array<[IssuePath, unknown]> = [
    [['criteria'], input.criteria],
    [['scoring', 'groups'], isObject(scoring) ? scoring.groups : undefined],
  ];
  for (const [path, record] of records) {
    if (isObject(record) && Object.hasOwn(record, '__proto__')) {
      issues.push(
        makeIssue({
          code: 'reserved_id',
          path: [...path, '__proto__'],
          problem: 'a reserved name',
          expected: 'any other id',
          fix: 'rename it',
        }),
      );
    }
  }
}

/**
 * Checks every condition slot that has the right outer shape; returns, per criterion id, the
 * criteria and scores its condition refers to (for the cycle check).
 */
function checkConditions(
  input: Record<string, unknown>,
  state: CheckState,
  issues: Issue[],
): Map<string, { criteria: string[]; scores: boolean }> {
  const refs = new Map<string, { criteria: string[]; scores: boolean }>();
  if (isObject(input.criteria)) {
    for (const [id, criterion] of Object.entries(input.criteria)) {
      if (!isObject(criterion) || !('when' in criterion)) continue;
      const criteriaBefore = state.criteria.length;
      const scoresBefore = state.scores.length;
      checkCondition(criterion.when, ['criteria', id, 'when'], state);
      refs.set(id, {
        criteria: state.criteria.slice(criteriaBefore).map((ref) => ref.name),
        scores: state.scores.length > scoresBefore,
      });
    }
  }
  const scoring = input.scoring;
  if (isObject(scoring) && Array.isArray(scoring.rules)) {
    scoring.rules.forEach((rule: unknown, index) => {
      if (isObject(rule)) checkRule(rule, ['scoring', 'rules', index], state, issues);
    });
  }
  if (Array.isArray(input.stages)) {
    input.stages.forEach((stage: unknown, index) => {
      if (!isObject(stage)) return;
      if ('when' in stage) checkCondition(stage.when, ['stages', index, 'when'], state);
      const followUp = stage.followUp;
      if (isObject(followUp) && 'within' in followUp) {
        checkDuration(followUp.within, ['stages', index, 'followUp', 'within'], { issues });
      }
    });
  }
  return refs;
}

function checkRule(rule: Record<string, unknown>, path: IssuePath, state: CheckState, issues: Issue[]): void {
  const hasWhen = 'when' in rule;
  const hasEvent = 'event' in rule;
  if (hasWhen === hasEvent) {
    issues.push(
      makeIssue({
        code: 'invalid_rule',
        path,
        problem: hasWhen ? 'both "when" and "event"' : 'nothing to score',
        expected: 'exactly one of "when" (points if the condition is met) or "event" (points per event)',
      }),
    );
    return;
  }
  if (hasWhen) {
    for (const key of RULE_EVENT_KEYS) {
      if (key in rule) {
        issues.push(
          makeIssue({
            code: 'invalid_rule',
            path: [...path, key],
            problem: `"${key}" applies to event rules only`,
            expected: 'it beside "event", or inside the "when" condition',
          }),
        );
      }
    }
    checkCondition(rule.when, [...path, 'when'], state);
    return;
  }
  // the event part of a rule is an event condition: check it as one, at the rule's path
  const condition: Record<string, unknown> = { event: rule.event };
  if ('withinLast' in rule) condition.withinLast = rule.withinLast;
  if ('where' in rule) condition.where = rule.where;
  checkCondition(condition, path, state);
  if ('halfLife' in rule && checkDuration(rule.halfLife, [...path, 'halfLife'], { issues })) {
    if (approximateMs(toDuration(rule.halfLife as Parameters<typeof toDuration>[0])) <= 0) {
      issues.push(
        makeIssue({
          code: 'invalid_duration',
          path: [...path, 'halfLife'],
          problem: 'a half-life of zero',
          expected: 'a half-life longer than zero, such as { "days": 30 }',
          received: describeValue(rule.halfLife),
          fix: 'give it a length, or remove it for points that do not decay',
        }),
      );
    }
  }
}
