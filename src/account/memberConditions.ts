import {
  type CompileEnvironment,
  compileEvaluator,
  type Evaluator,
  inputEnvironment,
} from '../dsl/compileEvaluator';
import { EvalContext, type EvalInputs } from '../dsl/context';
import type { FactReadings } from '../dsl/factReading';
import type { OperatorTests } from '../dsl/operatorTests';
import { createLender, Workspace } from '../dsl/workspace';
import { compilePath } from '../internal/path';
import { isMissing } from '../internal/read';
import { MET, type Tri, UNKNOWN, UNMET } from '../internal/status';
import type { Condition, MembersCondition, NumberComparisons, RolesCondition } from '../schema/condition';
import { DEFAULT_ROLE_FACT } from '../schema/grammar';
import type { Classification } from '../schema/result';

/** Where an account's subject keeps its members: a symbol, so no dotted path of a condition reaches it. */
const MEMBERS = Symbol('members');

/** An account's members as its conditions read them, classified first by the lead config; one per classification. */
export interface MemberTable {
  readonly leads: readonly unknown[];
  /** `false` when the account's `members` could not be read (not a list): nothing about them is known. */
  readonly known: boolean;
  readonly ids: readonly string[];
  readonly results: readonly Classification[];
  /** Each member's criterion statuses and scores, for the lead conditions of `where`. */
  readonly inputs: readonly EvalInputs[];
  /** Statuses of the members and roles conditions evaluated so far, by condition object. */
  readonly statuses: Map<object, Tri>;
  /** For each members condition evaluated: the ids of the members it counted (met). */
  readonly passed: Map<object, string[]>;
  /** Each member's roles by the fact path that holds them; `undefined` when not known. */
  readonly roles: Map<string, ReadonlyArray<readonly string[] | undefined>>;
}

/** The subject an account config classifies: `{ id, account }`, its members out of reach of paths. */
export function accountSubject(
  id: string | undefined,
  facts: Record<string, unknown>,
  table: MemberTable,
): object {
  const subject: Record<string | symbol, unknown> = {};
  if (id !== undefined) subject.id = id;
  subject.account = facts;
  subject[MEMBERS] = table;
  return subject;
}

function tableOf(context: EvalContext): MemberTable | undefined {
  const lead = context.lead as Record<symbol, unknown> | null;
  return lead !== null && typeof lead === 'object' ? (lead[MEMBERS] as MemberTable | undefined) : undefined;
}

/** A role as written in a CRM (`Decision Maker`, `decision-maker`) as configs name it: `decision_maker`. */
export function normalizeRole(role: string): string {
  return role
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The longest text read as a role. */
const MAX_ROLE_LENGTH = 100;

/** Each member's roles, read from `path`: a text or a list of texts; absent, blank or `unknown` → not known. */
export function memberRoles(table: MemberTable, path: string): ReadonlyArray<readonly string[] | undefined> {
  const known = table.roles.get(path);
  if (known !== undefined) return known;
  const read = compilePath(path);
  const roles = table.leads.map((lead) => {
    const value = read(lead);
    const values = Array.isArray(value) ? value.slice(0, 20) : [value];
    const found = values
      // a text longer than any role's name is no role: not known
      .filter(
        (each): each is string =>
          typeof each === 'string' && each.length <= MAX_ROLE_LENGTH && !isMissing(each),
      )
      .map(normalizeRole)
      .filter((each) => each !== 'unknown' && each !== '');
    return found.length === 0 ? undefined : found;
  });
  table.roles.set(path, roles);
  return roles;
}

/** The whole numbers a count comparison accepts, as `[low, high]` (empty when low > high). */
function countRange(count: MembersCondition['members']['count']): [number, number] {
  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  const test = count ?? { gte: 1 };
  if (test.gte !== undefined) low = Math.max(low, test.gte);
  if (test.gt !== undefined) low = Math.max(low, test.gt + 1);
  if (test.lte !== undefined) high = Math.min(high, test.lte);
  if (test.lt !== undefined) high = Math.min(high, test.lt - 1);
  if (test.eq !== undefined) {
    low = Math.max(low, test.eq);
    high = Math.min(high, test.eq);
  }
  return [low, high];
}

/** A number test from comparisons (`{ "gte": 100 }`), all of which must hold. */
function numberTest(comparisons: NumberComparisons): (value: number) => boolean {
  const { eq, ne, gt, gte, lt, lte, between } = comparisons;
  return (value) =>
    (eq === undefined || value === eq) &&
    (ne === undefined || value !== ne) &&
    (gt === undefined || value > gt) &&
    (gte === undefined || value >= gte) &&
    (lt === undefined || value < lt) &&
    (lte === undefined || value <= lte) &&
    (between === undefined || (value >= between[0] && value <= between[1]));
}

/** Charges `units` to the account's budget; `false` (flagged `budget_exceeded`) once it is spent. */
function charge(context: EvalContext, units: number): boolean {
  context.budget -= units;
  if (context.budget >= 0) return true;
  context.overBudget();
  return false;
}

/** A lead condition compiled to test members: read as the lead config reads leads, criteria and scores theirs. */
function compileMemberTest(
  where: Condition,
  operators: OperatorTests,
  readings: FactReadings,
): (table: MemberTable, index: number, context: EvalContext) => Tri {
  const environment = inputEnvironment(operators, readings);
  const evaluate = compileEvaluator(where, environment);
  const { shared } = environment;
  const lender = createLender(() => new Workspace(shared.slots, shared.plan.size, 0));
  return (table, index, account) => {
    const workspace = lender.acquire();
    try {
      const context = new EvalContext(
        table.leads[index],
        account.asOf,
        workspace,
        table.inputs[index],
        readings.global,
      );
      // what the member's test spends is the account's: a where on events costs what it reads
      context.budget = account.budget;
      const status = evaluate(context);
      account.budget = context.budget;
      if (account.budget < 0) account.overBudget();
      return status;
    } finally {
      lender.release(workspace);
    }
  };
}

/**
 * The `account` hook of a compile environment: compiles `members` and `roles` conditions against the members
 * of the account being classified (see {@link accountSubject}), their `where` with the lead config's reading
 * rules. Three-valued as `atLeast` is: members whose `where` is unknown may or may not count, so a count is
 * met when it holds however they turn out, unmet when it fails however they do, else unknown.
 */
export function memberConditions(
  operators: OperatorTests,
  readings: FactReadings,
): NonNullable<CompileEnvironment['account']> {
  return (condition) => {
    const memo = (evaluate: (table: MemberTable, context: EvalContext) => Tri): Evaluator => {
      return (context) => {
        const table = tableOf(context);
        if (table === undefined) return UNKNOWN;
        let status = table.statuses.get(condition);
        if (status === undefined) {
          status = evaluate(table, context);
          table.statuses.set(condition, status);
        }
        return status;
      };
    };
    if (Object.hasOwn(condition, 'roles')) {
      const { require, fact } = (condition as RolesCondition).roles;
      const required = require.map(normalizeRole);
      const path = fact ?? DEFAULT_ROLE_FACT;
      return memo((table, context) => {
        if (!table.roles.has(path) && !charge(context, table.leads.length)) return UNKNOWN;
        const roles = memberRoles(table, path);
        const anyUnknown = !table.known || roles.includes(undefined);
        let status: Tri = MET;
        for (const role of required) {
          if (roles.some((held) => held?.includes(role) === true)) continue;
          // not found: missing only when every member's role is known
          if (!anyUnknown) return UNMET;
          status = UNKNOWN;
        }
        return status;
      });
    }
    const { where, stage, count, score, sum, max, avg } = (condition as MembersCondition).members;
    const whereTest = where === undefined ? undefined : compileMemberTest(where, operators, readings);
    const stages = stage === undefined ? undefined : typeof stage === 'string' ? [stage] : stage;
    const [low, high] = countRange(count);
    const aggregate = sum !== undefined ? 'sum' : max !== undefined ? 'max' : 'avg';
    const test = numberTest(sum ?? max ?? avg ?? {});
    return memo((table, context) => {
      if (!table.known) return UNKNOWN;
      let met = 0;
      let unknown = 0;
      const passed: string[] = [];
      const values: number[] = [];
      for (let index = 0; index < table.leads.length; index++) {
        // a unit per member and members condition, plus what its where spends
        if (!charge(context, 1)) return UNKNOWN;
        const result = table.results[index] as Classification;
        let status: Tri = stages === undefined || stages.includes(result.stage) ? MET : UNMET;
        if (status === MET && whereTest !== undefined) status = whereTest(table, index, context);
        if (context.budget < 0) return UNKNOWN;
        if (status === UNKNOWN) unknown++;
        if (status !== MET) continue;
        met++;
        passed.push(table.ids[index] as string);
        if (score !== undefined) values.push(result.scores[score] ?? 0);
      }
      table.passed.set(condition, passed);
      if (score === undefined) {
        // the count is somewhere in [met, met + unknown]
        if (low > high || met + unknown < low || met > high) return UNMET;
        return met >= low && met + unknown <= high ? MET : UNKNOWN;
      }
      // a score over members some of whom may or may not count is not known
      if (unknown > 0) return UNKNOWN;
      const total = values.reduce((a, b) => a + b, 0);
      if (aggregate === 'sum') return test(Math.round(total * 100) / 100) ? MET : UNMET;
      // the highest or the average score of nobody is no score
      if (values.length === 0) return UNKNOWN;
      const value = aggregate === 'max' ? Math.max(...values) : total / values.length;
      return test(Math.round(value * 100) / 100) ? MET : UNMET;
    });
  };
}
