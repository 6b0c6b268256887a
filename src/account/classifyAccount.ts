import type { Classifier } from '../classify/Classifier';
import { compile } from '../classify/compile';
import { compileClassifier, unitsSpent } from '../classify/compileClassifier';
import { isClassifier, requireCompiled } from '../classify/resolveClassifier';
import { checkConfigInput } from '../config/safeParseConfig';
import { configHash } from '../config/seal';
import type { Budget } from '../dsl/budget';
import { BUDGET_EXCEEDED, readBudget } from '../dsl/budget';
import { MAX_MEMBERS } from '../dsl/conditionLimits';
import { MAX_FLAGS } from '../dsl/context';
import { compileFactReadings } from '../dsl/factReading';
import { defaultOperators } from '../dsl/operators';
import { childrenOf, forEachCondition, kindOf } from '../dsl/walk';
import { describeValue, type Issue, type IssuePath, listNames, makeIssue } from '../internal/issues';
import { compilePath } from '../internal/path';
import { isMissing } from '../internal/read';
import { newArray } from '../internal/siteFree';
import { snapshot } from '../internal/snapshot';
import { readAsOf } from '../internal/time';
import type {
  AccountBlocker,
  AccountClassification,
  AccountInput,
  AccountMember,
  BuyingGroup,
} from '../schema/account';
import { ConfigError } from '../schema/ConfigError';
import type {
  Condition,
  CriterionCondition,
  FactCondition,
  MembersCondition,
  RolesCondition,
  ScoreCondition,
} from '../schema/condition';
import type { Config } from '../schema/config';
import { DEFAULT_ROLE_FACT } from '../schema/grammar';
import type { Blocker, Classification } from '../schema/result';
import { describeAccountCondition } from './describeAccountCondition';
import {
  accountSubject,
  type MemberTable,
  memberConditions,
  memberRoles,
  normalizeRole,
} from './memberConditions';

/**
 * Options of {@link classifyAccount}.
 *
 * @category Accounts
 */
export interface ClassifyAccountOptions {
  /** The instant to classify at: a `Date`, an ISO 8601 string or epoch milliseconds. Required. */
  readonly asOf: Date | string | number;
  /** The lead config (or its compiled classifier) the members are classified by first. Required. */
  readonly leadConfig: unknown;
  /** The locale of labels, blockers and actions (`en` by default). */
  readonly locale?: string;
  /** The work one account's own conditions may cause (members' `where` included); see `Budget`. */
  readonly budget?: Budget;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An account config compiled against a lead classifier. */
interface AccountClassifier {
  readonly classifier: Classifier;
  readonly lead: Classifier;
  /** The first segment of every `account.*` fact path the config reads (what members may agree on). */
  readonly accountKeys: readonly string[];
  /** Each role the config's `roles` conditions require, with the member fact that holds it. */
  readonly roles: ReadonlyArray<readonly [role: string, path: string]>;
  /** The `roles` conditions inside each criterion's `when`, and its `members` conditions. */
  readonly criterionRoles: ReadonlyMap<string, readonly RolesCondition[]>;
  readonly criterionMembers: ReadonlyMap<string, readonly MembersCondition[]>;
  /** `roles` conditions by their description: the label of a blocker that is one. */
  readonly rolesByLabel: ReadonlyMap<string, RolesCondition>;
  /** Each members and roles condition as the lead machinery writes it in a label (its JSON), and its description. */
  readonly descriptions: ReadonlyArray<readonly [json: string, description: string]>;
}

/** Every condition of a config with its path: criteria, stages, scoring rules. */
function conditionsOf(config: Config): Array<[Condition, IssuePath]> {
  const found: Array<[Condition, IssuePath]> = [];
  const visit = (condition: Condition, path: IssuePath) => {
    const pending: Array<[Condition, IssuePath]> = [[condition, path]];
    while (pending.length > 0) {
      const [node, at] = pending.pop() as [Condition, IssuePath];
      found.push([node, at]);
      const kind = kindOf(node);
      const key = kind === 'atLeast' ? 'of' : kind;
      childrenOf(node).forEach((child, index) => {
        pending.push([child, kind === 'not' ? [...at, 'not'] : [...at, key, index]]);
      });
    }
  };
  for (const [id, criterion] of Object.entries(config.criteria))
    visit(criterion.when, ['criteria', id, 'when']);
  config.stages.forEach((stage, index) => {
    if (stage.when !== undefined) visit(stage.when, ['stages', index, 'when']);
  });
  config.scoring?.rules.forEach((rule, index) => {
    if (rule.when !== undefined) visit(rule.when, ['scoring', 'rules', index, 'when']);
  });
  return found;
}

/** What an account config names of the lead config (stages, scores, criteria in `where`) and it lacks. */
function leadReferenceIssues(config: Config, lead: Config): Issue[] {
  const issues: Issue[] = [];
  const stages = lead.stages.map((stage) => stage.id);
  const scores = ['total', ...Object.keys(lead.scoring?.groups ?? {})];
  const criteria = Object.keys(lead.criteria);
  const unknown = (path: IssuePath, what: string, name: string, known: readonly string[]) =>
    issues.push(
      makeIssue({
        code: what === 'stage' ? 'unknown_stage' : what === 'score' ? 'unknown_group' : 'unknown_criterion',
        path,
        problem: `the lead config "${lead.id}" has no ${what} ${JSON.stringify(name)}`,
        expected: `one of ${listNames(known)}`,
      }),
    );
  for (const [node, path] of conditionsOf(config)) {
    if (kindOf(node) !== 'members') continue;
    const { where, stage, score } = (node as MembersCondition).members;
    const at = [...path, 'members'];
    for (const id of stage === undefined ? [] : typeof stage === 'string' ? [stage] : stage) {
      if (!stages.includes(id)) unknown([...at, 'stage'], 'stage', id, stages);
    }
    if (score !== undefined && !scores.includes(score)) unknown([...at, 'score'], 'score', score, scores);
    if (where === undefined) continue;
    forEachCondition(where, (inner) => {
      const kind = kindOf(inner);
      if (kind === 'criterion' && !criteria.includes((inner as CriterionCondition).criterion)) {
        unknown([...at, 'where'], 'criterion', (inner as CriterionCondition).criterion, criteria);
      } else if (kind === 'score' && !scores.includes((inner as ScoreCondition).score)) {
        unknown([...at, 'where'], 'score', (inner as ScoreCondition).score, scores);
      }
    });
  }
  return issues;
}

function compileAccountClassifier(
  input: unknown,
  lead: Classifier,
  budgetInput: ClassifyAccountOptions['budget'],
): AccountClassifier {
  if (isClassifier(input)) {
    throw new TypeError(
      'classifyAccount: accountConfig is a compiled classifier; expected the account config itself (its members conditions compile against the lead config)',
    );
  }
  const budget = readBudget(budgetInput, 'classifyAccount: options.budget');
  const parsed = checkConfigInput(input, {});
  if (!parsed.success) throw new ConfigError(parsed.issues);
  const config = parsed.config;
  const issues: Issue[] = [];
  const wrong = (path: IssuePath, problem: string, expected: string, fix: string) =>
    issues.push(makeIssue({ code: 'wrong_level', path, problem, expected, fix }));
  if (config.level !== 'account') {
    wrong(['level'], 'not an account config', '"level": "account"', 'add "level": "account" to the config');
  }
  if (lead.config.level === 'account') {
    wrong(['level'], 'options.leadConfig is an account config', 'a lead config', 'pass the lead config');
  }
  issues.push(...leadReferenceIssues(config, lead.config));
  if (issues.length > 0) throw new ConfigError(issues);

  const accountKeys = new Set<string>();
  const roles = new Map<string, string>();
  const rolesByLabel = new Map<string, RolesCondition>();
  const descriptions = new Map<string, string>();
  for (const [node] of conditionsOf(config)) {
    const kind = kindOf(node);
    if (kind === 'members' || kind === 'roles')
      descriptions.set(JSON.stringify(node), describeAccountCondition(node));
    if (kind === 'fact') {
      const [section, key] = (node as FactCondition).fact.split('.');
      if (section === 'account' && key !== undefined) accountKeys.add(key);
    } else if (kind === 'roles') {
      const condition = node as RolesCondition;
      for (const role of condition.roles.require) {
        const name = normalizeRole(role);
        if (!roles.has(name)) roles.set(name, condition.roles.fact ?? DEFAULT_ROLE_FACT);
      }
      rolesByLabel.set(describeAccountCondition(node), condition);
    }
  }
  const criterionRoles = new Map<string, RolesCondition[]>();
  const criterionMembers = new Map<string, MembersCondition[]>();
  for (const [id, criterion] of Object.entries(config.criteria)) {
    const own: RolesCondition[] = [];
    const members: MembersCondition[] = [];
    forEachCondition(criterion.when, (node) => {
      if (kindOf(node) === 'roles') own.push(node as RolesCondition);
      else if (kindOf(node) === 'members') members.push(node as MembersCondition);
    });
    if (own.length > 0) criterionRoles.set(id, own);
    if (members.length > 0) criterionMembers.set(id, members);
  }
  const readings = compileFactReadings(lead.config.read, lead.config.facts);
  const classifier = compileClassifier(
    config,
    defaultOperators,
    configHash(config),
    budget,
    memberConditions(defaultOperators, readings),
  );
  return {
    classifier,
    lead,
    accountKeys: [...accountKeys],
    roles: [...roles],
    criterionRoles,
    criterionMembers,
    rolesByLabel,
    descriptions: [...descriptions],
  };
}

/**
 * @internal How many leads' worth of work (`budget.classify` of the lead config) one account's members may cost in all:
 * the members classified once it is spent are not (`unknown`, flagged `budget_exceeded`), so an account costs
 * at most this many leads plus one, whatever its members and their events.
 */
export const MEMBER_BUDGET_LEADS = 4;

const EXHAUSTED = /* @__PURE__ */ new WeakMap<Classifier, Classifier | undefined>();

/**
 * The lead classifier with no budget left: what it classifies reads `unknown`, flagged `budget_exceeded`,
 * after a unit of work. Members past the account's pool are classified by it as an empty lead.
 */
function exhaustedClassifier(lead: Classifier): Classifier | undefined {
  if (!EXHAUSTED.has(lead)) {
    let exhausted: Classifier | undefined;
    try {
      exhausted = compileClassifier(lead.config, defaultOperators, lead.hash, NO_BUDGET);
    } catch {
      // a lead config of operators of its own: the built-in table cannot compile it
      exhausted = undefined;
    }
    EXHAUSTED.set(lead, exhausted);
  }
  return EXHAUSTED.get(lead);
}

const NO_BUDGET: Readonly<Required<Budget>> = /* @__PURE__ */ Object.freeze({
  classify: 1,
  stage: 1,
  history: 1,
});

/** Compiled account configs, by account config and lead classifier: a config object compiles once per lead config. */
const COMPILED = /* @__PURE__ */ new WeakMap<object, WeakMap<Classifier, AccountClassifier>>();
const LEAD_CLASSIFIERS = /* @__PURE__ */ new WeakMap<object, Classifier>();

function leadClassifierOf(input: unknown): Classifier {
  if (input === undefined || input === null) {
    throw new TypeError(
      'classifyAccount: options.leadConfig is required; expected the lead config (or classifier) the members are classified by, received nothing',
    );
  }
  if (isClassifier(input)) {
    requireCompiled(input, 'classifyAccount: options.leadConfig');
    return input;
  }
  if (typeof input !== 'object') {
    throw new TypeError(
      `classifyAccount: options.leadConfig: expected a lead config or a classifier, received ${describeValue(input)}`,
    );
  }
  let classifier = LEAD_CLASSIFIERS.get(input);
  if (classifier === undefined) {
    classifier = compile(input);
    LEAD_CLASSIFIERS.set(input, classifier);
  }
  return classifier;
}

function compiledFor(
  accountConfig: unknown,
  lead: Classifier,
  budget: ClassifyAccountOptions['budget'],
): AccountClassifier {
  if (accountConfig === null || typeof accountConfig !== 'object' || budget !== undefined) {
    return compileAccountClassifier(accountConfig, lead, budget);
  }
  let byLead = COMPILED.get(accountConfig);
  if (byLead === undefined) {
    byLead = new WeakMap();
    COMPILED.set(accountConfig, byLead);
  }
  let compiled = byLead.get(lead);
  if (compiled === undefined) {
    compiled = compileAccountClassifier(accountConfig, lead, budget);
    byLead.set(lead, compiled);
  }
  return compiled;
}

/** The longest account id kept, as `groupByAccount` reads ids. */
const MAX_ID_LENGTH = 200;
/** The longest account key kept: `groupByAccount`'s are an id (up to 200 characters) and its kind. */
const MAX_KEY_LENGTH = 210;

const readCompany = (key: string) => compilePath(`company.${key}`);
const NAME = /* @__PURE__ */ compilePath('contact.name');
const TITLE = /* @__PURE__ */ compilePath('contact.title');

/** A short text for a member summary: strings and numbers, trimmed, up to 100 characters. */
function shortText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text.slice(0, 100);
}

/** Values compared as people read them: texts trimmed and case-folded. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string')
    return a.trim().toLowerCase() === b.trim().toLowerCase();
  return a === b;
}

/**
 * The account's facts: its record's own keys that the config reads, and for each key the record lacks,
 * the value every member who has `company.<key>` agrees on (a disagreement leaves it unknown, flagged).
 */
function accountFacts(
  record: unknown,
  keys: readonly string[],
  members: readonly unknown[],
  flags: string[],
): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const own = record !== null && typeof record === 'object' ? (record as Record<string, unknown>) : {};
  for (const key of keys) {
    if (Object.hasOwn(own, key) && !isMissing(own[key])) {
      facts[key] = own[key];
      continue;
    }
    const read = readCompany(key);
    let agreed: unknown;
    let disagree = false;
    for (const member of members) {
      const value = read(member);
      if (isMissing(value) || (value !== null && typeof value === 'object')) continue;
      if (agreed === undefined) agreed = value;
      else if (!sameValue(agreed, value)) disagree = true;
    }
    if (disagree) flags.push(`disagreement:account.${key}`);
    else if (agreed !== undefined) facts[key] = agreed;
  }
  return facts;
}

const ROLE_TEXTS: Readonly<Record<string, readonly [missing: string, unknown: string]>> = {
  en: ['no {role}', 'find the {role}'],
  it: ['nessun {role}', 'trovare il {role}'],
};

/** A blocker per role of the buying group a blocker stands for: missing (`no …`) or not known (`find the …`). */
function roleBlockers(
  blocker: Blocker,
  conditions: readonly RolesCondition[],
  group: BuyingGroup,
  locale: string,
  keepOriginal: boolean,
): AccountBlocker[] {
  const texts = ROLE_TEXTS[locale.slice(0, 2)] ?? (ROLE_TEXTS.en as readonly [string, string]);
  const out = newArray<AccountBlocker>();
  if (keepOriginal) out.push(blocker);
  const seen = new Set<string>();
  for (const condition of conditions) {
    for (const role of condition.roles.require.map(normalizeRole)) {
      if (seen.has(role)) continue;
      seen.add(role);
      const missing = group.missing.includes(role);
      if (!missing && !group.unknown.includes(role)) continue;
      const entry: Mutable<AccountBlocker> = {} as AccountBlocker;
      if (blocker.criterion !== undefined) entry.criterion = blocker.criterion;
      entry.label = texts[missing ? 0 : 1].replace('{role}', role.replace(/_/g, ' '));
      entry.status = missing ? 'unmet' : 'unknown';
      if (blocker.hint !== undefined) entry.hint = blocker.hint;
      entry.facts = [condition.roles.fact ?? DEFAULT_ROLE_FACT].slice();
      entry.role = role;
      out.push(entry);
    }
  }
  return out.length === 0 ? [blocker].slice() : out;
}

function expandBlockers(
  blockers: readonly Blocker[],
  compiled: AccountClassifier,
  config: Config,
  group: BuyingGroup,
  locale: string,
): AccountBlocker[] {
  const out = newArray<AccountBlocker>();
  for (const original of blockers) {
    // a test that is not a criterion is labelled by its description: the account kinds' are written here
    let blocker = original;
    if (original.criterion === undefined && original.label.includes('{"')) {
      let label = original.label;
      for (const [json, description] of compiled.descriptions) label = label.split(json).join(description);
      const copy: Mutable<Blocker> = { ...original };
      copy.label = label;
      blocker = copy;
    }
    const byCriterion =
      blocker.criterion === undefined ? undefined : compiled.criterionRoles.get(blocker.criterion);
    const byLabel = blocker.criterion === undefined ? compiled.rolesByLabel.get(blocker.label) : undefined;
    if (byCriterion !== undefined) {
      // a criterion that is more than its roles test keeps its own blocker too
      const when = (config.criteria[blocker.criterion as string] as { when: Condition }).when;
      out.push(...roleBlockers(blocker, byCriterion, group, locale, kindOf(when) !== 'roles'));
    } else if (byLabel !== undefined) out.push(...roleBlockers(blocker, [byLabel], group, locale, false));
    else out.push(blocker);
  }
  return out;
}

/**
 * Classifies an **account** — a company and the leads of its buying group — with an account config
 * (`level: 'account'`): its members are classified by the lead config first, then the account config's
 * criteria and stages read the account's facts (`account.*`: the `facts` record's, or what its members'
 * `company.*` agree on) and its members (`members` and `roles` conditions). Never throws on account data:
 * what is not known is `unknown`, and flagged.
 *
 * @param account - `{ id, facts?, members }`: members are leads (up to {@link MAX_MEMBERS}, flagged past it)
 * @param accountConfig - an account config (parsed JSON or a preset such as `accountPresets.b2b`)
 * @param options - `asOf` and `leadConfig` (required), `locale`, `budget`
 * @returns the {@link AccountClassification}, plain JSON
 * @throws {ConfigError} when a config is invalid, not at its level, or the account config names stages,
 *   scores or criteria the lead config lacks
 * @throws {TypeError} when `asOf` or `leadConfig` is missing or invalid
 *
 * @example
 * const account = {
 *   id: 'Nuvola SpA',
 *   members: [
 *     { id: 'c1', authority: { role: 'decision_maker' }, events: [{ type: 'demo_completed', at: '2026-06-20' }] },
 *     { id: 'c2', authority: { role: 'champion' }, events: [{ type: 'webinar_attended', at: '2026-06-10' }] },
 *   ],
 * };
 * const result = classifyAccount(account, accountPresets.b2b, { asOf: '2026-06-30', leadConfig: presets.saas });
 * result.buyingGroup.present;
 * //=> { decision_maker: ['c1'], champion: ['c2'] }
 *
 * @category Accounts
 */
export function classifyAccount(
  account: AccountInput,
  accountConfig: unknown,
  options: ClassifyAccountOptions,
): AccountClassification {
  const asOf = readAsOf(options?.asOf, 'classifyAccount: options.asOf');
  const lead = leadClassifierOf(options.leadConfig);
  const compiled = compiledFor(accountConfig, lead, options.budget);
  const locale = options.locale;
  try {
    return classifyReadable(account, compiled, asOf, locale, newArray<string>());
  } catch {
    // a getter or a Proxy in the account threw: classify what can be read, and flag the rest
    const { value, unreadable } = snapshot(account);
    const flags = newArray<string>();
    for (const path of unreadable) flags.push(`unreadable:${path === '(lead)' ? '(account)' : path}`);
    return classifyReadable(value, compiled, asOf, locale, flags);
  }
}

/** {@link classifyAccount} on account data: throws only when reading it does (a getter, a Proxy). */
function classifyReadable(
  account: unknown,
  compiled: AccountClassifier,
  asOf: number,
  locale: string | undefined,
  flags: string[],
): AccountClassification {
  const lead = compiled.lead;
  const config = compiled.classifier.config;
  const input = (account !== null && typeof account === 'object' ? account : {}) as AccountInput;
  const given = Object.hasOwn(input, 'members') ? input.members : undefined;
  const known = Array.isArray(given);
  if (!known) flags.push('invalid_members');
  const all: readonly unknown[] = known ? given : [];
  if (all.length > MAX_MEMBERS) flags.push('members_truncated');
  // read by index: a hole (or a non-object) is a member with nothing known, never `undefined` in the result
  const leads = Array.from({ length: Math.min(all.length, MAX_MEMBERS) }, (_, index) => all[index]);
  const rawId = Object.hasOwn(input, 'id') ? input.id : undefined;
  const fullId =
    typeof rawId === 'string' || (typeof rawId === 'number' && Number.isFinite(rawId))
      ? String(rawId)
      : undefined;
  // an id is a name, not a document: one past MAX_ID_LENGTH is cut there, flagged
  if (fullId !== undefined && fullId.length > MAX_ID_LENGTH) flags.push('id_truncated');
  const id = fullId?.slice(0, MAX_ID_LENGTH);

  const classifyOptions = locale === undefined ? { asOf } : { asOf, locale };
  // the members' classification draws from one account-level pool: past it, members are not classified
  let pool = MEMBER_BUDGET_LEADS * lead.budget.classify;
  let skipped = false;
  const results = leads.map((member) => {
    if (pool > 0) {
      const result = lead.classify(member, classifyOptions);
      pool -= unitsSpent(lead) ?? 0;
      return result;
    }
    // not read at all (its events may be many): what the lead config decides is unknown, budget_exceeded
    skipped = true;
    const exhausted = exhaustedClassifier(lead);
    if (exhausted !== undefined) return exhausted.classify({}, classifyOptions);
    const empty = lead.classify({}, classifyOptions);
    (empty.flags as string[]).push(BUDGET_EXCEEDED);
    return empty;
  });
  if (skipped) flags.push(BUDGET_EXCEEDED);
  const ids = leads.map((member, index) => {
    const memberId =
      member !== null && typeof member === 'object' ? (member as { id?: unknown }).id : undefined;
    return shortText(Object.hasOwn(Object(member), 'id') ? memberId : undefined) ?? `#${index + 1}`;
  });
  const table: MemberTable = {
    leads,
    known,
    ids,
    results,
    inputs: results.map((result) => {
      const criteria: Record<string, Classification['criteria'][string]['status']> = {};
      for (const [key, entry] of Object.entries(result.criteria)) criteria[key] = entry.status;
      return { criteria, scores: result.scores };
    }),
    statuses: new Map(),
    passed: new Map(),
    roles: new Map(),
  };
  const facts = accountFacts(
    Object.hasOwn(input, 'facts') ? input.facts : undefined,
    compiled.accountKeys,
    leads,
    flags,
  );
  const rawKey = Object.hasOwn(input, 'key') ? input.key : undefined;
  const key = typeof rawKey === 'string' ? rawKey.trim().slice(0, MAX_KEY_LENGTH) || undefined : undefined;
  const subject = accountSubject(id, facts, table);
  const inner = compiled.classifier.classify(subject, locale === undefined ? { asOf } : { asOf, locale });

  // the buying group: every role required, held, missing or not known
  const present: Record<string, string[]> = {};
  const missing = newArray<string>();
  const unknownRoles = newArray<string>();
  for (const [role, path] of compiled.roles) {
    const held = memberRoles(table, path);
    const holders = ids.filter((_, index) => held[index]?.includes(role) === true);
    if (holders.length > 0) present[role] = holders;
    // members that could not be read (`invalid_members`) hold roles that are not known, not missing
    else if (!known || held.includes(undefined)) unknownRoles.push(role);
    else missing.push(role);
  }
  const buyingGroup: Mutable<BuyingGroup> = {} as BuyingGroup;
  buyingGroup.required = compiled.roles.map(([role]) => role);
  buyingGroup.present = present;
  buyingGroup.missing = missing;
  buyingGroup.unknown = unknownRoles;

  const rolePaths = [...new Set(compiled.roles.map(([, path]) => path))];
  const members = results.map((result, index) => {
    const member: Mutable<AccountMember> = {} as AccountMember;
    member.id = ids[index] as string;
    const name = shortText(NAME(leads[index]));
    if (name !== undefined) member.name = name;
    const title = shortText(TITLE(leads[index]));
    if (title !== undefined) member.title = title;
    const roles = rolePaths.flatMap((path) => memberRoles(table, path)[index] ?? []);
    if (roles.length > 0) member.roles = [...new Set(roles)];
    member.stage = result.stage;
    if (result.grade !== undefined) member.grade = result.grade;
    member.score = result.scores.total;
    if (result.flags.length > 0) member.flags = result.flags;
    return member;
  });

  const criteria: Record<string, AccountClassification['criteria'][string]> = {};
  for (const [key, entry] of Object.entries(inner.criteria)) {
    const conditions = compiled.criterionMembers.get(key);
    const roles = compiled.criterionRoles.get(key);
    if (conditions === undefined && roles === undefined) {
      criteria[key] = entry;
      continue;
    }
    const copy: Mutable<AccountClassification['criteria'][string]> = { ...entry };
    if (conditions !== undefined)
      copy.members = [...new Set(conditions.flatMap((condition) => table.passed.get(condition) ?? []))];
    if (roles !== undefined)
      copy.roles = [...new Set(roles.flatMap((condition) => condition.roles.require.map(normalizeRole)))];
    criteria[key] = copy;
  }

  const result: Mutable<AccountClassification> = {} as AccountClassification;
  if (id !== undefined) result.accountId = id;
  if (key !== undefined) result.accountKey = key;
  result.stage = inner.stage;
  result.stageLabel = inner.stageLabel;
  result.asOf = inner.asOf;
  result.locale = inner.locale;
  result.config = inner.config;
  result.leadConfig = leadRef(lead);
  result.scores = inner.scores;
  if (inner.grade !== undefined) result.grade = inner.grade;
  result.criteria = criteria;
  result.stages = inner.stages;
  if (inner.next !== undefined) {
    const next: Mutable<NonNullable<AccountClassification['next']>> = {} as NonNullable<
      AccountClassification['next']
    >;
    next.stage = inner.next.stage;
    next.label = inner.next.label;
    next.status = inner.next.status;
    next.blockers = expandBlockers(inner.next.blockers, compiled, config, buyingGroup, inner.locale);
    if (inner.next.later !== undefined)
      next.later = expandBlockers(inner.next.later, compiled, config, buyingGroup, inner.locale);
    result.next = next;
  }
  result.ledger = inner.ledger;
  result.actions = inner.actions;
  if (inner.followUpBy !== undefined) result.followUpBy = inner.followUpBy;
  result.buyingGroup = buyingGroup;
  result.members = members;
  result.memberCount = all.length;
  for (const flag of inner.flags) if (!flags.includes(flag)) flags.push(flag);
  if (flags.length > MAX_FLAGS) {
    flags.length = MAX_FLAGS;
    flags.push('flags_truncated');
  }
  result.flags = flags;
  return result;
}

const LEAD_REFS = /* @__PURE__ */ new WeakMap<Classifier, Classification['config']>();

/** `{ id, version, hash }` of the lead config, frozen and shared by every result. */
function leadRef(lead: Classifier): Classification['config'] {
  let ref = LEAD_REFS.get(lead);
  if (ref === undefined) {
    ref = Object.freeze({ id: lead.config.id, version: 1 as const, hash: lead.hash });
    LEAD_REFS.set(lead, ref);
  }
  return ref;
}
