// summarizeAccounts: accounts per stage, buying-group coverage and grades, on a fixture counted by hand.
import { describe, expect, it } from 'vitest';
import { type Config, classifyAccount, summarizeAccounts } from '../../src/index';

const leadConfig: Config = { version: 1, id: 'contact', criteria: {}, stages: [{ id: 'lead' }] };

// buying: the whole group (decision maker, champion, finance) and two members or more; engaged: two or more
const accountConfig: Config = {
  version: 1,
  id: 'group',
  level: 'account',
  criteria: {
    group: { when: { roles: { require: ['decision_maker', 'champion', 'finance'] } } },
    many: { when: { members: { count: { gte: 2 } } } },
  },
  scoring: {
    groups: { fit: { max: 50 }, engagement: { max: 50 } },
    rules: [
      { id: 'dm', group: 'fit', points: 50, when: { roles: { require: ['decision_maker'] } } },
      { id: 'many', group: 'engagement', points: 50, when: { criterion: 'many' } },
    ],
  },
  grades: { fit: { A: 50 }, engagement: { 1: 50 } },
  stages: [
    { id: 'buying', when: { all: [{ criterion: 'group' }, { criterion: 'many' }] } },
    { id: 'engaged', when: { criterion: 'many' } },
    { id: 'new' },
  ],
};

const role = (id: string, name?: string) => (name === undefined ? { id } : { id, authority: { role: name } });
const accounts = [
  // N: every role, 3 members → buying, A1
  { id: 'N', members: [role('n1', 'decision_maker'), role('n2', 'champion'), role('n3', 'finance')] },
  // B: every role known, champion and finance missing; 2 members → engaged, A1
  { id: 'B', members: [role('b1', 'decision_maker'), role('b2', 'user')] },
  // R: nobody's role known → all three unknown; 2 members → engaged; the decision maker unknown → B1
  { id: 'R', members: [role('r1'), role('r2')] },
  // S: champion only, roles known → decision maker and finance missing; 1 member → new, B2
  { id: 'S', members: [role('s1', 'champion')] },
  // T: decision maker, one role not known → champion and finance unknown; 2 members → engaged, A1
  { id: 'T', members: [role('t1', 'decision_maker'), role('t2')] },
];

describe('summarizeAccounts', () => {
  const results = accounts.map((account) =>
    classifyAccount(account, accountConfig, { asOf: '2026-06-30', leadConfig }),
  );
  const summary = summarizeAccounts(results);

  it('counts the accounts per stage in the config order, with their share', () => {
    expect(results.map((result) => result.stage)).toEqual(['buying', 'engaged', 'engaged', 'new', 'engaged']);
    expect(summary.total).toBe(5);
    expect(summary.members).toBe(10);
    expect(summary.config?.id).toBe('group');
    expect(summary.stages).toEqual({
      buying: { count: 1, share: 0.2 },
      engaged: { count: 3, share: 0.6 },
      new: { count: 1, share: 0.2 },
    });
  });

  it('gives each role the accounts where it is present, missing or not known, most often missing first', () => {
    expect(summary.roles).toEqual([
      // finance: N present; B, S missing; R, T not known
      { role: 'finance', present: 1, missing: 2, unknown: 2 },
      // champion: N, S present; B missing; R, T not known (ties on missing: more unknown first)
      { role: 'champion', present: 2, missing: 1, unknown: 2 },
      // decision maker: N, B, T present; S missing; R not known
      { role: 'decision_maker', present: 3, missing: 1, unknown: 1 },
    ]);
  });

  it('counts the accounts per grade', () => {
    expect(summary.grades).toEqual({
      A1: { count: 3, share: 0.6 },
      B1: { count: 1, share: 0.2 },
      B2: { count: 1, share: 0.2 },
    });
  });

  it('sums up no account as empty', () => {
    expect(summarizeAccounts([])).toEqual({ total: 0, members: 0, stages: {}, roles: [] });
  });
});
