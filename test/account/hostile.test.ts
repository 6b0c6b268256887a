// Hostile account data (throwing getters, Proxies, holes, invalid members): classifyAccount and
// groupByAccount never throw on it; what cannot be read is unknown and flagged `unreadable:<path>`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountPresets, classifyAccount, explain, groupByAccount, presets } from '../../src/index';
import { asOf, leadShaped } from '../classify/arbitraries';

const options = { asOf: '2026-06-30', leadConfig: presets.saas };
const boom = () => {
  throw new Error('boom');
};
/** A Proxy that refuses every trap. */
const refusing = () =>
  new Proxy(
    {},
    { get: boom, ownKeys: boom, has: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom },
  );
/** `value` with a throwing getter at `key`. */
const withThrowing = (value: Record<string, unknown>, key: string) =>
  Object.defineProperty({ ...value }, key, { get: boom, enumerable: true });

const plain = (value: unknown) => expect(JSON.parse(JSON.stringify(value))).toEqual(value);

describe('classifyAccount on hostile account data', () => {
  it.each(['id', 'authority', 'company', 'contact', 'events'])('a member whose %s getter throws', (key) => {
    const member = withThrowing({ id: 'm', authority: { role: 'champion' } }, key);
    const result = classifyAccount(
      { id: 'a', members: [member, { id: 'ok', authority: { role: 'decision_maker' } }] },
      accountPresets.b2b,
      options,
    );
    plain(result);
    expect(result.members).toHaveLength(2);
    expect([...result.flags, ...(result.members[0]?.flags ?? [])].join(' ')).toMatch(/unreadable:/);
  });

  it('a member whose authority.role getter throws: the role is unknown, flagged', () => {
    const member = { id: 'm', authority: Object.defineProperty({}, 'role', { get: boom, enumerable: true }) };
    const result = classifyAccount({ id: 'a', members: [member] }, accountPresets.b2b, options);
    plain(result);
    expect(result.flags).toContain('unreadable:members[0].authority.role');
    expect(result.buyingGroup.unknown).toContain('decision_maker');
  });

  it.each(['id', 'members', 'facts'])('an account whose %s getter throws', (key) => {
    const account = withThrowing({ id: 'a', members: [{ id: 'm', authority: { role: 'champion' } }] }, key);
    const result = classifyAccount(account as never, accountPresets.b2b, options);
    plain(result);
    expect(result.flags).toContain(`unreadable:${key}`);
  });

  it('a Proxy member and a Proxy account', () => {
    const result = classifyAccount(
      { id: 'p', members: [refusing(), { id: 'ok', authority: { role: 'champion' } }] },
      accountPresets.b2b,
      options,
    );
    plain(result);
    expect(result.flags).toContain('unreadable:members[0]');
    expect(result.members.map((member) => member.id)).toEqual(['#1', 'ok']);
    const whole = classifyAccount(refusing() as never, accountPresets.b2b, options);
    plain(whole);
    expect(whole.flags).toEqual(expect.arrayContaining(['unreadable:(account)', 'invalid_members']));
  });

  it('holes and huge sparse member lists: every member is an entry, explain reads the result', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const holed = classifyAccount({ id: 'a', members: [, { id: 'b' }] }, accountPresets.b2b, options);
    plain(holed);
    expect(holed.members.map((member) => member.id)).toEqual(['#1', 'b']);
    expect(() => explain(holed)).not.toThrow();
    for (const members of [new Array(1e6), Object.assign([], { length: 2 ** 32 - 1 })]) {
      const result = classifyAccount({ id: 'a', members }, accountPresets.b2b, options);
      plain(result);
      expect(result.flags).toContain('members_truncated');
      expect(result.members).toHaveLength(1000);
      expect(result.memberCount).toBe(members.length);
      expect(() => explain(result)).not.toThrow();
    }
  });

  it('huge texts stay bounded: an account id is cut at 200 characters (flagged), a huge role is not known', () => {
    const result = classifyAccount(
      { id: 'x'.repeat(5e6), members: [{ id: 'y'.repeat(5e6), authority: { role: 'd'.repeat(5e6) } }] },
      accountPresets.b2b,
      options,
    );
    expect(result.accountId).toBe('x'.repeat(200));
    expect(result.flags).toContain('id_truncated');
    expect(result.members[0]?.id).toHaveLength(100);
    expect(result.members[0]?.roles).toBeUndefined();
    expect(result.buyingGroup.unknown).toEqual(result.buyingGroup.required);
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });

  it('invalid members: the buying group is unknown (find the …), not missing (no …)', () => {
    for (const members of [null, 42, { length: 1e9 }, refusing()]) {
      const result = classifyAccount({ id: 'a', members } as never, accountPresets.b2b, options);
      plain(result);
      expect(result.flags).toContain('invalid_members');
      expect(result.buyingGroup.missing).toEqual([]);
      expect(result.buyingGroup.unknown).toEqual(result.buyingGroup.required);
      const labels = [...(result.next?.blockers ?? []), ...(result.next?.later ?? [])].map((b) => b.label);
      expect(labels.join(' ')).not.toMatch(/\bno decision maker/);
    }
  });
});

/**
 * Members and accounts that throw when read: getters anywhere, Proxies, holes, cycles. Generated as thunks
 * (fast-check itself reads the values it generates), built inside the property.
 */
type Thunk = () => unknown;
const value = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Thunk> => arbitrary.map((each) => () => each);
const hostileMember: fc.Arbitrary<Thunk> = fc.oneof(
  value(leadShaped),
  value(fc.anything()),
  value(fc.constant(undefined)),
  fc.constant(() => refusing()),
  fc.tuple(leadShaped, fc.constantFrom('id', 'authority', 'company', 'contact', 'events', 'budget')).map(
    ([lead, key]) =>
      () =>
        withThrowing(lead as Record<string, unknown>, key),
  ),
  fc.string().map((id) => () => ({
    id,
    authority: Object.defineProperty({}, 'role', { get: boom, enumerable: true }),
  })),
  fc.string().map((id) => () => {
    const cyclic: Record<string, unknown> = { id, events: [] };
    cyclic.self = cyclic;
    cyclic.authority = { role: cyclic };
    return cyclic;
  }),
);
const build = (thunks: readonly Thunk[]) => thunks.map((thunk) => thunk());
const hostileAccount: fc.Arbitrary<Thunk> = fc.oneof(
  fc
    .record({ id: fc.oneof(fc.string(), fc.anything()), members: fc.array(hostileMember, { maxLength: 8 }) })
    .map(({ id, members }) => () => ({ id, members: build(members) })),
  fc.tuple(fc.array(hostileMember, { maxLength: 8 }), fc.constantFrom('id', 'members', 'facts')).map(
    ([members, key]) =>
      () =>
        withThrowing({ id: 'a', members: build(members), facts: {} }, key),
  ),
  fc.constant(() => refusing()),
  value(fc.anything()),
);

describe('classifyAccount and groupByAccount properties on hostile data', () => {
  it('never throw, and give plain JSON', () => {
    fc.assert(
      fc.property(hostileAccount, asOf, (account, at) => {
        const result = classifyAccount(account() as never, accountPresets.b2b, {
          asOf: at,
          leadConfig: presets.saas,
        });
        plain(result);
        expect(() => explain(result)).not.toThrow();
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.array(hostileMember, { maxLength: 10 }), (thunks) => {
        const leads = build(thunks);
        const grouping = groupByAccount(leads);
        expect(grouping.counts.leads).toBe(leads.length);
        expect(grouping.counts.grouped + grouping.counts.alone).toBe(leads.length);
        plain(grouping.accounts.map((account) => [account.id, account.key, account.rule]));
      }),
      { numRuns: 150 },
    );
  });
});
