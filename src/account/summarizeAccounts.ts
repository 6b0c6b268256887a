import { newArray } from '../internal/siteFree';
import type { AccountClassification } from '../schema/account';

/**
 * One required role of the buying group across accounts: in how many it is held, missing (every member's role
 * known, nobody holds it) or not known.
 *
 * @category Accounts
 */
export interface RoleCoverage {
  readonly role: string;
  readonly present: number;
  readonly missing: number;
  readonly unknown: number;
}

/**
 * What {@link summarizeAccounts} returns: accounts per stage (count and share, in the config's stage order),
 * buying-group coverage per required role (most often missing first), accounts per grade, and members.
 *
 * @category Accounts
 */
export interface AccountSummary {
  /** Accounts summarised. */
  readonly total: number;
  /** Members across them (as given: `memberCount`). */
  readonly members: number;
  /** The account config of the first result (`id`, `hash`), when there is one. */
  readonly config?: AccountClassification['config'];
  /** Per stage id, in the account config's order (every stage, zero included). */
  readonly stages: Readonly<Record<string, { readonly count: number; readonly share: number | null }>>;
  /** Each role the config requires, by accounts missing it, then not knowing it (most first). */
  readonly roles: readonly RoleCoverage[];
  /** Accounts per grade, for a config with grades (graded accounts only). */
  readonly grades?: Readonly<Record<string, { readonly count: number; readonly share: number }>>;
}

/**
 * Sums up classified accounts (from `classifyAccount`): how many are at each stage, which roles of the
 * buying group are most often missing or not known, and how many fall in each grade. Plain JSON; the
 * results are read, not kept.
 *
 * @param results - account results of one account config
 *
 * @example
 * import { accountPresets, classifyAccount, presets, summarizeAccounts } from 'leadstage';
 *
 * const options = { asOf: '2026-06-30', leadConfig: presets.saas };
 * const results = [
 *   { id: 'Nuvola', members: [{ id: 'a', authority: { role: 'decision_maker' } }] },
 *   { id: 'Rossi', members: [{ id: 'b' }] },
 * ].map((account) => classifyAccount(account, accountPresets.b2b, options));
 * const summary = summarizeAccounts(results);
 * summary.stages.unqualified;
 * //=> { count: 2, share: 1 }
 * summary.roles;
 * //=> [{ role: 'champion', present: 0, missing: 1, unknown: 1 }, { role: 'decision_maker', present: 1, missing: 0, unknown: 1 }]
 *
 * @category Accounts
 */
export function summarizeAccounts(results: Iterable<AccountClassification>): AccountSummary {
  const stages: Record<string, { count: number; share: number | null }> = {};
  const roles = new Map<string, { role: string; present: number; missing: number; unknown: number }>();
  const grades: Record<string, { count: number; share: number }> = {};
  let graded = 0;
  let total = 0;
  let members = 0;
  let config: AccountClassification['config'] | undefined;
  const stageOf = (id: string): { count: number; share: number | null } => {
    let entry = stages[id];
    if (entry === undefined) {
      entry = {} as { count: number; share: number | null };
      entry.count = 0;
      entry.share = null;
      stages[id] = entry;
    }
    return entry;
  };
  const roleOf = (role: string) => {
    let entry = roles.get(role);
    if (entry === undefined) {
      entry = {} as { role: string; present: number; missing: number; unknown: number };
      entry.role = role;
      entry.present = 0;
      entry.missing = 0;
      entry.unknown = 0;
      roles.set(role, entry);
    }
    return entry;
  };
  for (const result of results) {
    if (total === 0) {
      config = result.config;
      // every stage of the config, in its order, zero included
      for (const stage of result.stages) stageOf(stage.id);
    }
    total++;
    members += result.memberCount;
    stageOf(result.stage).count++;
    const group = result.buyingGroup;
    for (const role of group.required) {
      const entry = roleOf(role);
      if (group.missing.includes(role)) entry.missing++;
      else if (group.unknown.includes(role)) entry.unknown++;
      else entry.present++;
    }
    if (result.grade !== undefined) {
      graded++;
      let cell = grades[result.grade];
      if (cell === undefined) {
        cell = {} as { count: number; share: number };
        cell.count = 0;
        cell.share = 0;
        grades[result.grade] = cell;
      }
      cell.count++;
    }
  }
  for (const entry of Object.values(stages)) entry.share = total === 0 ? null : entry.count / total;
  for (const cell of Object.values(grades)) cell.share = cell.count / graded;
  const coverage = newArray<RoleCoverage>();
  for (const entry of roles.values()) coverage.push(entry);
  // most often missing first, then most often not known; ties in the config's order
  coverage.sort((a, b) => b.missing - a.missing || b.unknown - a.unknown);
  const summary = {} as {
    total: number;
    members: number;
    config?: AccountClassification['config'];
    stages: typeof stages;
    roles: RoleCoverage[];
    grades?: typeof grades;
  };
  summary.total = total;
  summary.members = members;
  if (config !== undefined) summary.config = config;
  summary.stages = stages;
  summary.roles = coverage;
  if (graded > 0) summary.grades = grades;
  return summary;
}
