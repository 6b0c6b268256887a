// Accounts in the CLI (`--accounts`): the leads of a run grouped by account, the account records of
// `--accounts-file` joined by account id, and each account classified by the account config. Shared by
// classify, summarize and report.
import {
  type AccountClassification,
  type AccountInput,
  accountPresets,
  ConfigError,
  classifyAccount,
  groupByAccount,
} from 'leadstage';
import type { Diagnostics } from './diagnostics';
import { CliError } from './errors';
import { delimiterOf, describeIssue, loadConfig, readJsonFile, readRows } from './input';

/** An account config: a built-in (`b2b`, `consulting`) or a JSON file, checked. */
export function accountConfigOf(name: string): object {
  return Object.hasOwn(accountPresets, name)
    ? accountPresets[name as keyof typeof accountPresets]
    : loadConfig(name);
}

/** The columns read as an account file's id when no `--account-map` names one, in this order. */
export const ACCOUNT_ID_COLUMNS = ['accountId', 'account_id', 'account id', 'id', 'account'] as const;

/** `--account-map`: the id column of an accounts file and, optionally, its facts by column. */
interface AccountMap {
  readonly id: string;
  /** fact key (read as `account.<key>`) → column; every column under its own name when absent. */
  readonly facts?: Readonly<Record<string, string>>;
}

function accountMapOf(file: string): AccountMap {
  const input = readJsonFile(file, 'account map') as Record<string, unknown>;
  const wrong = (where: string, expected: string, received: unknown) =>
    new CliError(
      `--account-map ${file}: ${where}: expected ${expected}, received ${JSON.stringify(received) ?? 'nothing'}`,
      2,
    );
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw wrong(
      'the map',
      'an object such as { "id": "account", "facts": { "employees": "employees" } }',
      input,
    );
  if (typeof input.id !== 'string' || input.id.trim() === '')
    throw wrong('"id"', 'the name of the account id column', input.id);
  const facts = input.facts;
  if (facts !== undefined) {
    if (facts === null || typeof facts !== 'object' || Array.isArray(facts))
      throw wrong('"facts"', 'an object of fact key → column name', facts);
    for (const [key, column] of Object.entries(facts))
      if (typeof column !== 'string') throw wrong(`"facts.${key}"`, 'a column name', column);
  }
  return input as unknown as AccountMap;
}

/** Account ids compared as people write them: trimmed and case-folded. */
const keyOf = (id: string) => id.trim().toLowerCase();

/** The account records of `--accounts-file`, by account id. */
export interface AccountTable {
  readonly name: string;
  readonly records: Map<string, { readonly id: string; readonly facts: Record<string, unknown> }>;
}

/**
 * Reads `--accounts-file`: one account per row, its id in the column `--account-map` names (else the first
 * of {@link ACCOUNT_ID_COLUMNS} present, matched case-insensitively); a file without one is a usage error
 * naming the columns it has. Rows without an id are counted and skipped; a repeated id keeps the first row.
 */
export async function readAccountTable(
  file: string,
  mapFile: string | undefined,
  values: Record<string, string | boolean | undefined>,
  diagnostics: Diagnostics,
): Promise<AccountTable> {
  const name = file === '-' ? '<stdin>' : file;
  const map = mapFile === undefined ? undefined : accountMapOf(mapFile);
  const records = new Map<string, { id: string; facts: Record<string, unknown> }>();
  let idColumn: string | undefined;
  let blank = 0;
  let repeated = 0;
  // the accounts file's rows are not the leads': its counts are its own
  const counts = { ...diagnostics.counts };
  for await (const { raw } of readRows(file, {
    nestHeaders: false,
    delimiter: delimiterOf(values.delimiter as string | undefined),
    diagnostics,
    onHeaders: (headers) => {
      const find = (wanted: string) => headers.find((header) => keyOf(header) === keyOf(wanted));
      if (map !== undefined) {
        idColumn = find(map.id);
        if (idColumn === undefined)
          throw new CliError(
            `--accounts-file ${name}: no column ${JSON.stringify(map.id)} (the id column of --account-map); the file's columns: ${headers.map((header) => JSON.stringify(header)).join(', ')}`,
            2,
          );
        for (const [key, column] of Object.entries(map.facts ?? {}))
          if (find(column) === undefined)
            throw new CliError(
              `--accounts-file ${name}: no column ${JSON.stringify(column)} (fact "${key}" of --account-map); the file's columns: ${headers.map((header) => JSON.stringify(header)).join(', ')}`,
              2,
            );
        return;
      }
      for (const wanted of ACCOUNT_ID_COLUMNS) {
        idColumn = find(wanted);
        if (idColumn !== undefined) return;
      }
      throw new CliError(
        `--accounts-file ${name}: no account id column; expected one of ${ACCOUNT_ID_COLUMNS.map((column) => JSON.stringify(column)).join(', ')}, or --account-map naming it; received the columns ${headers.map((header) => JSON.stringify(header)).join(', ')}`,
        2,
      );
    },
  })) {
    const cell = idColumn === undefined ? undefined : raw[idColumn];
    const id = typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : '';
    if (id === '') {
      blank++;
      continue;
    }
    if (records.has(keyOf(id))) {
      repeated++;
      continue;
    }
    let facts: Record<string, unknown> = raw;
    if (map?.facts !== undefined) {
      facts = {};
      for (const [key, column] of Object.entries(map.facts)) {
        const found = Object.keys(raw).find((header) => keyOf(header) === keyOf(column));
        if (found !== undefined) facts[key] = raw[found];
      }
    }
    records.set(keyOf(id), { id, facts });
  }
  Object.assign(diagnostics.counts, counts);
  if (blank > 0) diagnostics.notice(name, `${blank} rows without an account id: skipped`);
  if (repeated > 0) diagnostics.notice(name, `${repeated} rows repeat an account id: the first row kept`);
  return { name, records };
}

/** What {@link accountsOf} formed: the accounts with their records, and what was left over. */
export interface FormedAccounts {
  readonly accounts: AccountInput[];
  readonly counts: ReturnType<typeof groupByAccount>['counts'];
  /** Accounts of `--accounts-file` no lead belongs to: counted and reported, not classified. */
  readonly withoutMembers: readonly string[];
  /** Accounts formed from the leads that `--accounts-file` has no row for. */
  readonly withoutRecord: number;
}

/**
 * The leads grouped by account (`--account-by`), each joined to its record of `--accounts-file` by id; a
 * lead with no account key is an account of its own. Says on stderr (unless quiet) what was left over.
 */
export function accountsOf(
  leads: readonly object[],
  by: string | undefined,
  table: AccountTable | undefined,
  diagnostics: Diagnostics,
): FormedAccounts {
  const grouping = groupByAccount(leads, by === undefined ? {} : { by });
  // per row of the table joined, the accounts of the leads that joined it: ids are grouped exactly (CRM ids
  // are case-sensitive) but joined in any case, so two accounts may share a row, which must be said
  const used = new Map<string, string[]>();
  let withoutRecord = 0;
  const accounts: AccountInput[] = grouping.accounts.map((account) => {
    const record = table?.records.get(keyOf(account.id));
    if (record !== undefined)
      used.set(keyOf(account.id), [...(used.get(keyOf(account.id)) ?? []), account.id]);
    else if (table !== undefined) withoutRecord++;
    // the key (id:…, domain:…, name:…) goes through to the result's accountKey: an account id and a domain that
    // spell alike are two accounts, and the output tells them apart
    return record === undefined
      ? { id: account.id, key: account.key, members: account.members }
      : { id: account.id, key: account.key, facts: record.facts, members: account.members };
  });
  grouping.alone.forEach((lead, index) => {
    const id = (lead as { id?: unknown }).id;
    accounts.push({
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : `#alone-${index + 1}`,
      members: [lead],
    });
  });
  const withoutMembers: string[] = [];
  if (table !== undefined)
    for (const [key, record] of table.records) if (!used.has(key)) withoutMembers.push(record.id);
  if (grouping.counts.alone > 0)
    diagnostics.notice(
      'accounts',
      `${grouping.counts.alone} of ${grouping.counts.leads} leads had no account id, company domain or company name: each is an account of its own`,
    );
  if (table !== undefined && withoutMembers.length > 0)
    diagnostics.notice(
      table.name,
      `${withoutMembers.length} of its ${table.records.size} accounts have no lead: not classified (${withoutMembers
        .slice(0, 5)
        .map((id) => JSON.stringify(id))
        .join(', ')}${withoutMembers.length > 5 ? ', …' : ''})`,
    );
  const shared = [...used.values()].filter((ids) => ids.length > 1);
  if (table !== undefined && shared.length > 0)
    diagnostics.notice(
      table.name,
      `${shared.length} of its rows joined more than one account of the leads, whose ids differ only in case (${shared
        .slice(0, 3)
        .map((ids) => ids.map((id) => JSON.stringify(id)).join(' and '))
        .join(
          '; ',
        )}${shared.length > 3 ? '; …' : ''}): each got that row's facts — if they are one account, write its id alike in the leads`,
    );
  if (table !== undefined && withoutRecord > 0)
    diagnostics.notice(
      table.name,
      `${withoutRecord} of the ${grouping.accounts.length} accounts of the leads have no row here: their account facts come from their members`,
    );
  return { accounts, counts: grouping.counts, withoutMembers, withoutRecord };
}

/** One account classified; a config problem the account config shows only now is a usage error. */
export function classifyOne(
  account: AccountInput,
  accountConfig: object,
  options: { asOf: string; leadConfig: unknown; locale?: string },
): AccountClassification {
  try {
    return classifyAccount(account, accountConfig, options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new CliError(
      error.issues.map((issue) => `--account-config: ${describeIssue(issue)}`).join('\n'),
      2,
    );
  }
}

export const ACCOUNT_OPTIONS = {
  accounts: { type: 'boolean' },
  'account-by': { type: 'string' },
  'account-config': { type: 'string' },
  'accounts-file': { type: 'string' },
  'account-map': { type: 'string' },
} as const;

export const ACCOUNT_USAGE = `Accounts:
  --accounts                   leads grouped by account (docs/accounts.md), each classified by --config,
                               then the account by --account-config
  --account-by <path>          the lead path of an account id (default accountId; else the company or
                               e-mail domain, else the company name)
  --account-config <file|b2b|consulting>  the account config (default b2b)
  --accounts-file <file>       the accounts table (CSV, NDJSON, JSON): its columns are account facts
                               (account.employees, …), joined by account id; its id column is accountId,
                               account_id, id or account, or the one --account-map names
  --account-map <file>         a JSON file { "id": "<column>", "facts": { "<fact>": "<column>" } }: the id
                               column and, optionally, which columns are facts (default: every column)`;

/** The account options given without `--accounts`: a usage error. */
export function checkAccountOptions(values: Record<string, string | boolean | undefined>): void {
  if (values.accounts === true) {
    if (values['account-map'] !== undefined && values['accounts-file'] === undefined)
      throw new CliError('--account-map needs --accounts-file', 2);
    return;
  }
  for (const name of ['account-by', 'account-config', 'accounts-file', 'account-map'])
    if (values[name] !== undefined) throw new CliError(`--${name} needs --accounts`, 2);
}
