import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, normalizeDomain } from '../../src/account/groupByAccount';
import { accountPresets, classifyAccount, FREE_MAIL_DOMAINS, groupByAccount, presets } from '../../src/index';

describe('groupByAccount', () => {
  it('compares account ids exactly: Salesforce ids that differ in case are two accounts', () => {
    const { accounts } = groupByAccount([
      { id: 1, accountId: '001A0000001abcD' },
      { id: 2, accountId: '001A0000001ABCD' },
      { id: 3, accountId: ' 001A0000001abcD\t' },
    ]);
    expect(accounts.map((account) => [account.key, account.members.length])).toEqual([
      ['id:001A0000001abcD', 2],
      ['id:001A0000001ABCD', 1],
    ]);
  });

  it('keeps accounts whose ids read alike apart in classifyAccount results: accountKey', () => {
    const { accounts } = groupByAccount([
      { id: 1, accountId: 'acme.com' },
      { id: 2, company: { domain: 'acme.com' } },
    ]);
    const options = { asOf: '2026-06-30', leadConfig: presets.saas };
    const results = accounts.map((account) => classifyAccount(account, accountPresets.b2b, options));
    expect(results.map((result) => [result.accountId, result.accountKey])).toEqual([
      ['acme.com', 'id:acme.com'],
      ['acme.com', 'domain:acme.com'],
    ]);
  });

  it('groups by account id first, then company domain or e-mail domain, then company name', () => {
    const leads = [
      { id: 1, accountId: 'ACC-7', company: { domain: 'nuvola.it' } }, // the id wins over the domain
      { id: 2, accountId: ' ACC-7 ' }, // ids compare trimmed, exactly otherwise
      { id: 3, company: { domain: 'https://www.Nuvola.it/about' } },
      { id: 4, contact: { email: 'Giulia@NUVOLA.it' } },
      { id: 5, contact: { email: 'someone@gmail.com' }, company: { name: 'Rossi & Co. S.p.A.' } },
      { id: 6, company: { name: 'rossi and co' } },
      { id: 7, contact: { email: 'me@hotmail.com' } }, // free mail, nothing else: alone
      { id: 8 }, // nothing: alone
      { id: 9, company: { domain: 'gmail.com', name: 'Bianchi Srl' } }, // a free-mail "company domain" is no domain
    ];
    const { accounts, alone, counts } = groupByAccount(leads);
    expect(
      accounts.map((account) => [
        account.key,
        account.id,
        account.rule,
        account.members.map((lead) => (lead as { id: number }).id),
      ]),
    ).toEqual([
      ['id:ACC-7', 'ACC-7', 'id', [1, 2]],
      ['domain:nuvola.it', 'nuvola.it', 'domain', [3, 4]],
      ['name:rossi and co', 'Rossi & Co. S.p.A.', 'name', [5, 6]],
      ['name:bianchi', 'Bianchi Srl', 'name', [9]],
    ]);
    expect(alone.map((lead) => (lead as { id: number }).id)).toEqual([7, 8]);
    expect(counts).toEqual({
      leads: 9,
      accounts: 4,
      grouped: 7,
      alone: 2,
      byRule: { id: 2, domain: 1, email: 1, name: 3 },
      freeMail: 1,
    });
  });

  it('reads the account id at `by`', () => {
    const { accounts } = groupByAccount([{ account: 'Cancity' }, { account: 'Cancity' }, { account: '' }], {
      by: 'account',
    });
    expect(accounts.map((account) => [account.id, account.members.length])).toEqual([['Cancity', 2]]);
  });

  it('normalises domains and names as documented', () => {
    expect(normalizeDomain('WWW.Example.COM.')).toBe('example.com');
    expect(normalizeDomain('http://sub.example.co.uk:8080/x')).toBe('sub.example.co.uk');
    expect(normalizeDomain('not a domain')).toBeUndefined();
    expect(normalizeCompanyName('Società Élite S.r.l.')).toBe('societa elite');
    expect(normalizeCompanyName('Acme Corporation')).toBe('acme');
    expect(normalizeCompanyName('Co')).toBe('co');
    expect(FREE_MAIL_DOMAINS).toContain('libero.it');
  });

  it('groups the spellings of one company that an export mixes, and never a free-mail host', () => {
    // an internationalised domain and its punycode (NFC and NFD), www2., a zero-width space
    for (const spelling of [
      'münchen.de',
      'mu\u0308nchen.de',
      'https://WWW2.München.de/x',
      'xn--mnchen-3ya.de',
      'mün\u200bchen.de',
    ])
      expect(normalizeDomain(spelling), spelling).toBe('xn--mnchen-3ya.de');
    // names: legal forms written out, zero-width characters, combining marks
    expect(normalizeCompanyName('Nuvola Società per Azioni')).toBe('nuvola');
    expect(normalizeCompanyName('Nuvola S.p.A.')).toBe('nuvola');
    expect(normalizeCompanyName('Rossi società a responsabilità limitata')).toBe('rossi');
    expect(normalizeCompanyName('Ac\u200bme')).toBe('acme');
    expect(normalizeCompanyName('مؤسسة')).not.toContain(' ');
    const { accounts, alone } = groupByAccount([
      { id: 'a', contact: { email: 'ana@mail.gmail.com' } },
      { id: 'b', contact: { email: 'bo@mail.gmail.com' } },
      { id: 'c', company: { domain: 'https://www.münchen.de' } },
      { id: 'd', contact: { email: 'dora@xn--mnchen-3ya.de' } },
    ]);
    expect(
      accounts.map((account) => [account.key, account.members.map((lead) => (lead as { id: string }).id)]),
    ).toEqual([['domain:xn--mnchen-3ya.de', ['c', 'd']]]);
    expect(alone.map((lead) => (lead as { id: string }).id)).toEqual(['a', 'b']);
  });

  it('never throws on lead data, and refuses what is not a list of leads', () => {
    expect(() =>
      groupByAccount([null, 42, 'x', { company: { name: 42 } }, { contact: { email: '@' } }]),
    ).not.toThrow();
    expect(() => groupByAccount('x' as never)).toThrow(/expected an array/);
    expect(() => groupByAccount([], { by: '' })).toThrow(/options.by/);
  });
});
