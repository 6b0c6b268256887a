import type { Status } from '../internal/status';
import type { Blocker, Classification, CriterionResult, LedgerEntry } from './result';

/**
 * An account to classify: its id, its own facts (a row of an accounts table: `account.*` in conditions), and
 * its members (leads, read by the lead config).
 *
 * @category Accounts
 */
export interface AccountInput {
  readonly id?: string | number;
  /**
   * How the account was found, as `groupByAccount` keys it (`id:…`, `domain:…`, `name:…`): echoed as the
   * result's `accountKey`, so accounts whose ids read alike (an account id `acme.com`, the domain `acme.com`)
   * stay apart.
   */
  readonly key?: string;
  readonly facts?: Readonly<Record<string, unknown>> | undefined;
  readonly members: readonly unknown[];
}

/**
 * A member of a classified account: who, and where the lead config puts them.
 *
 * @category Accounts
 */
export interface AccountMember {
  /** The lead's `id`, or `#<position>` when it has none. */
  readonly id: string;
  /** `contact.name` and `contact.title`, when the lead has them (up to 100 characters). */
  readonly name?: string;
  readonly title?: string;
  /** Roles read by the config's `roles` conditions (`authority.role` by default), when known. */
  readonly roles?: readonly string[];
  readonly stage: string;
  readonly grade?: string;
  /** The member's total score. */
  readonly score: number;
  /** The member's own data-quality flags (as its lead result has them), when there are some. */
  readonly flags?: readonly string[];
}

/**
 * The buying group of an account: each role its `roles` conditions require, held (with the members who
 * hold it), missing (every member's role is known, and nobody holds it), or unknown (nobody known holds it,
 * and some members' roles are not known).
 *
 * @category Accounts
 */
export interface BuyingGroup {
  readonly required: readonly string[];
  readonly present: Readonly<Record<string, readonly string[]>>;
  readonly missing: readonly string[];
  readonly unknown: readonly string[];
}

/**
 * A blocker of an account's next stage; a role of the buying group that is missing (`no decision maker`)
 * or not known (`find the decision maker`) says which.
 *
 * @category Accounts
 */
export interface AccountBlocker extends Blocker {
  readonly role?: string;
}

/**
 * A criterion of an account: with, for its `members` tests, the members who passed them, and for its
 * `roles` tests, the roles they require (who holds them is in the buying group).
 *
 * @category Accounts
 */
export interface AccountCriterionResult extends CriterionResult {
  readonly members?: readonly string[];
  /** For its `roles` tests: the roles they require. */
  readonly roles?: readonly string[];
}

/**
 * What {@link classifyAccount} returns: the account's stage, scores, grade, criteria and next-stage
 * blockers as a lead's, its buying group, and its members with their own stage, grade and score. Plain JSON.
 *
 * @category Accounts
 */
export interface AccountClassification {
  readonly accountId?: string;
  /** The account's `key` when it has one (`groupByAccount`'s: `id:…`, `domain:…`, `name:…`), trimmed. */
  readonly accountKey?: string;
  readonly stage: string;
  readonly stageLabel: string;
  readonly asOf: string;
  readonly locale: string;
  readonly config: Classification['config'];
  /** The lead config the members were classified by. */
  readonly leadConfig: Classification['config'];
  readonly scores: Classification['scores'];
  readonly grade?: string;
  readonly criteria: Readonly<Record<string, AccountCriterionResult>>;
  readonly stages: ReadonlyArray<{ readonly id: string; readonly status: Status; readonly exit?: true }>;
  readonly next?: {
    readonly stage: string;
    readonly label: string;
    readonly status: 'unmet' | 'unknown';
    readonly blockers: readonly AccountBlocker[];
    readonly later?: readonly AccountBlocker[];
  };
  readonly ledger: readonly LedgerEntry[];
  readonly actions: readonly string[];
  readonly followUpBy?: string;
  readonly buyingGroup: BuyingGroup;
  readonly members: readonly AccountMember[];
  /** How many members the account was given (more than `members` holds when flagged `members_truncated`). */
  readonly memberCount: number;
  /**
   * The account's flags: `members_truncated`, `invalid_members`, `id_truncated`, `unreadable:<path>`,
   * `disagreement:account.<key>`, `budget_exceeded`, …
   */
  readonly flags: readonly string[];
}
