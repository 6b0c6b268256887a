import { describeValue } from '../internal/issues';
import { compilePath } from '../internal/path';
import { isMissing } from '../internal/read';
import { newArray } from '../internal/siteFree';
import { snapshot } from '../internal/snapshot';

/**
 * E-mail domains of free mail providers: a lead's e-mail there says nothing about its company, so it never
 * groups leads (`gmail.com` is not an account). A short list of the largest providers; a lead whose
 * company domain or name is known is grouped by that anyway.
 *
 * @example
 * FREE_MAIL_DOMAINS.includes('gmail.com');
 * //=> true
 *
 * @category Accounts
 */
export const FREE_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.it',
  'yahoo.co.uk',
  'yahoo.fr',
  'hotmail.com',
  'hotmail.it',
  'hotmail.co.uk',
  'outlook.com',
  'outlook.it',
  'live.com',
  'live.it',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'libero.it',
  'virgilio.it',
  'tiscali.it',
  'alice.it',
  'tin.it',
  'proton.me',
  'protonmail.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
];

const FREE_MAIL: ReadonlySet<string> = /* @__PURE__ */ new Set(FREE_MAIL_DOMAINS);

/**
 * Options of {@link groupByAccount}.
 *
 * @category Accounts
 */
export interface GroupByAccountOptions {
  /** The lead path of an account id (a CRM's account column mapped into the lead). Default `accountId`. */
  readonly by?: string;
}

/**
 * How a group's key was found: an account id, the company domain, the e-mail's domain, the company name.
 *
 * @category Accounts
 */
export type AccountKeyRule = 'id' | 'domain' | 'email' | 'name';

/**
 * One account formed by {@link groupByAccount}: ready for `classifyAccount` (`id`, `members`).
 *
 * @category Accounts
 */
export interface AccountGroup {
  /** The account id, domain or company name, as the first member wrote it (trimmed). */
  readonly id: string;
  /**
   * What grouped the members: `id:…` (the account id exactly, trimmed), `domain:…` or `name:…` (normalised).
   * Pass the group to `classifyAccount` as is: its result's `accountKey` is this key.
   */
  readonly key: string;
  readonly rule: AccountKeyRule;
  readonly members: readonly unknown[];
}

/**
 * What {@link groupByAccount} returns: the accounts in the order first seen, the leads with no key (alone),
 * and the counts.
 *
 * @category Accounts
 */
export interface AccountGrouping {
  readonly accounts: readonly AccountGroup[];
  /** Leads with no account id, no usable domain and no company name: each is its own account, if any. */
  readonly alone: readonly unknown[];
  readonly counts: {
    readonly leads: number;
    readonly accounts: number;
    readonly grouped: number;
    readonly alone: number;
    /** Leads grouped by each rule. */
    readonly byRule: Readonly<Record<AccountKeyRule, number>>;
    /** Leads whose e-mail was at a free mail domain (and had nothing better to group by: among `alone`). */
    readonly freeMail: number;
  };
}

/** The longest text read as an account id, domain or name. */
const MAX_KEY_LENGTH = 200;

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || isMissing(value)) return undefined;
  const trimmed = value.trim().slice(0, MAX_KEY_LENGTH);
  return trimmed === '' ? undefined : trimmed;
}

/**
 * `https://www.Nuvola.it/about` → `nuvola.it`; `www2.` too; an internationalised domain (`münchen.de`) in its
 * ASCII form (`xn--mnchen-3ya.de`), as its punycode spelling is, so both group; `undefined` when nothing like
 * a domain is left.
 */
export function normalizeDomain(value: string): string | undefined {
  let domain = value
    .toLowerCase()
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/\.$/, '');
  // the WHATWG URL parser is in every runtime leadstage supports: IDNA (UTS #46) mapping and punycode
  if (/[^ -~]/.test(domain)) {
    try {
      domain = new URL(`http://${domain}`).hostname;
    } catch {
      return undefined;
    }
  }
  domain = domain.replace(/^www\d*\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : undefined;
}

/** Free mail, or a host under it (`mail.gmail.com`): never an account. */
function isFreeMail(domain: string): boolean {
  for (let at = 0; at >= 0; at = domain.indexOf('.', at) + 1 || -1) {
    if (FREE_MAIL.has(domain.slice(at))) return true;
  }
  return false;
}

/** Legal forms dropped from the end of a company name: `Nuvola S.p.A.` and `Nuvola` are one company. */
const LEGAL_FORMS = new Set([
  'spa',
  'srl',
  'srls',
  'sas',
  'snc',
  'inc',
  'llc',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'sarl',
  'bv',
  'nv',
  'corp',
  'corporation',
  'co',
  'company',
]);

/** Legal forms written out in words, after accents are dropped. */
const LEGAL_PHRASES: readonly (readonly string[])[] = [
  ['societa', 'per', 'azioni'],
  ['societa', 'a', 'responsabilita', 'limitata', 'semplificata'],
  ['societa', 'a', 'responsabilita', 'limitata'],
  ['societa', 'in', 'accomandita', 'semplice'],
  ['societa', 'in', 'nome', 'collettivo'],
];

/** `Nuvola S.p.A.` → `nuvola`: case, accents, punctuation and a trailing legal form ignored. */
export function normalizeCompanyName(value: string): string | undefined {
  const words = value
    .normalize('NFKD')
    // accents and every other combining mark (an Arabic hamza), and zero-width characters, are no word breaks
    .replace(/[\p{M}\u200b-\u200d\u2060\ufeff]/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // dots inside a legal form (S.p.A.) join its letters; other punctuation separates words
    .replace(/\.(?=\S)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  // legal forms written out: "Nuvola Società per Azioni" is "Nuvola S.p.A."
  for (const phrase of LEGAL_PHRASES) {
    if (
      words.length > phrase.length &&
      phrase.every((word, index) => words[words.length - phrase.length + index] === word)
    )
      words.length -= phrase.length;
  }
  // "& Co" is part of a name, not a legal form
  while (
    words.length > 1 &&
    LEGAL_FORMS.has(words[words.length - 1] as string) &&
    words[words.length - 2] !== 'and'
  ) {
    words.pop();
  }
  return words.length === 0 ? undefined : words.join(' ');
}

const DOMAIN = /* @__PURE__ */ compilePath('company.domain');
const EMAIL = /* @__PURE__ */ compilePath('contact.email');
const NAME = /* @__PURE__ */ compilePath('company.name');

/** A lead's account key, id and rule (none when it has none); `freeMail` when its e-mail was at free mail. */
function keyOf(
  lead: unknown,
  readId: (lead: unknown) => unknown,
): { key: string | undefined; id: string | undefined; rule: AccountKeyRule | undefined; freeMail: boolean } {
  let key: string | undefined;
  let id: string | undefined;
  let rule: AccountKeyRule | undefined;
  let freeMail = false;
  const accountId = text(readId(lead));
  if (accountId !== undefined) {
    // an explicit account id is compared exactly (trimmed): CRM ids such as Salesforce's are case-sensitive
    [key, id, rule] = [`id:${accountId}`, accountId, 'id'];
  } else {
    const companyDomain = text(DOMAIN(lead));
    const domain = companyDomain === undefined ? undefined : normalizeDomain(companyDomain);
    if (domain !== undefined && !isFreeMail(domain)) {
      [key, id, rule] = [`domain:${domain}`, domain, 'domain'];
    } else {
      const email = text(EMAIL(lead));
      const at = email === undefined ? -1 : email.lastIndexOf('@');
      const mailDomain = at < 0 ? undefined : normalizeDomain((email as string).slice(at + 1));
      if (mailDomain !== undefined && !isFreeMail(mailDomain)) {
        [key, id, rule] = [`domain:${mailDomain}`, mailDomain, 'email'];
      } else {
        const name = text(NAME(lead));
        const normalized = name === undefined ? undefined : normalizeCompanyName(name);
        if (normalized !== undefined) [key, id, rule] = [`name:${normalized}`, name as string, 'name'];
        else if (mailDomain !== undefined) freeMail = true;
      }
    }
  }
  return { key, id, rule, freeMail };
}

/**
 * Groups leads into accounts, for `classifyAccount`. Each lead's key is, in this order: its account id (at
 * `by`, default `accountId`, compared exactly but for surrounding blanks); else its company domain
 * (`company.domain`, or the domain of `contact.email` — lower-cased, `www.` stripped; free mail such as gmail.com never groups, see {@link FREE_MAIL_DOMAINS});
 * else its company name, normalised (case, accents, punctuation and a trailing legal form such as `S.p.A.`
 * ignored). Leads with none of these stay alone, and are counted. Never throws on lead data.
 *
 * @param leads - leads (any plain objects), in order
 * @param options - `by`: the lead path of an account id
 * @returns the accounts (in the order first seen), the leads left alone, and counts
 * @throws {TypeError} when `leads` is not an array or `by` is not a non-empty path
 *
 * @example
 * const { accounts, counts } = groupByAccount([
 *   { id: 'a', contact: { email: 'giulia@nuvola.it' } },
 *   { id: 'b', company: { domain: 'www.Nuvola.it' } },
 *   { id: 'c', contact: { email: 'someone@gmail.com' } },
 * ]);
 * accounts.map((account) => [account.key, account.members.length]);
 * //=> [['domain:nuvola.it', 2]]
 * counts.alone;
 * //=> 1
 *
 * @category Accounts
 */
export function groupByAccount(
  leads: readonly unknown[],
  options: GroupByAccountOptions = {},
): AccountGrouping {
  if (!Array.isArray(leads)) {
    throw new TypeError(
      `groupByAccount: leads: expected an array of leads, received ${describeValue(leads)}`,
    );
  }
  const by = options.by ?? 'accountId';
  if (typeof by !== 'string' || by === '') {
    throw new TypeError(
      `groupByAccount: options.by: expected the lead path of an account id such as "account", received ${describeValue(by)}`,
    );
  }
  const readId = compilePath(by);
  const groups = new Map<string, { id: string; key: string; rule: AccountKeyRule; members: unknown[] }>();
  const alone = newArray<unknown>();
  const byRule: Record<AccountKeyRule, number> = { id: 0, domain: 0, email: 0, name: 0 };
  let freeMail = 0;
  for (let index = 0; index < leads.length; index++) {
    let lead: unknown;
    let found: ReturnType<typeof keyOf>;
    try {
      lead = leads[index];
      found = keyOf(lead, readId);
    } catch {
      // a getter or a Proxy in the lead threw: group it by what can be read
      found = keyOf(snapshot(lead).value, readId);
    }
    const { key, id, rule } = found;
    if (found.freeMail) freeMail++;
    if (key === undefined || id === undefined || rule === undefined) {
      alone.push(lead);
      continue;
    }
    byRule[rule]++;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { id, key, rule, members: [lead].slice() });
    else group.members.push(lead);
  }
  const accounts = [...groups.values()].map((group) => {
    const account: { -readonly [K in keyof AccountGroup]: AccountGroup[K] } = {} as AccountGroup;
    account.id = group.id;
    account.key = group.key;
    account.rule = group.rule;
    account.members = group.members;
    return account;
  });
  return {
    accounts,
    alone,
    counts: {
      leads: leads.length,
      accounts: accounts.length,
      grouped: leads.length - alone.length,
      alone: alone.length,
      byRule,
      freeMail,
    },
  };
}
