// One account's work is bounded as a whole: its members' classification draws from one pool of
// MEMBER_BUDGET_LEADS leads' budgets; members past it are not classified (unknown, budget_exceeded).
import { describe, expect, it } from 'vitest';
import { MEMBER_BUDGET_LEADS } from '../../src/account/classifyAccount';
import { unitsSpent } from '../../src/classify/compileClassifier';
import { accountPresets, classifyAccount, compile, defaultOperators, presets } from '../../src/index';

const asOf = '2026-06-30';

describe('classifyAccount: one budget for all its members', () => {
  it('classifies members until the pool is spent; the rest are unknown, flagged budget_exceeded', () => {
    const leadConfig = compile(presets.saas, { budget: { classify: 200_000 } });
    // each member costs tens of thousands of units: the pool (4 × 200,000) is spent after a few dozen
    const events = Array.from({ length: 20_000 }, (_, index) => ({
      type: 'webinar_attended',
      at: `2026-06-${String(1 + (index % 28)).padStart(2, '0')}`,
    }));
    const one = { id: 'm', authority: { role: 'champion' }, events };
    leadConfig.classify(one, { asOf });
    const perMember = unitsSpent(leadConfig) as number;
    expect(perMember).toBeGreaterThan(10_000);
    const members = Array.from({ length: 200 }, (_, index) => ({ ...one, id: `m${index}` }));
    const result = classifyAccount({ id: 'a', members }, accountPresets.b2b, { asOf, leadConfig });
    const classified = result.members.filter((member) => !member.flags?.includes('budget_exceeded'));
    expect(result.flags).toContain('budget_exceeded');
    expect(result.members).toHaveLength(200);
    expect(classified.length).toBeGreaterThan(0);
    // no more members than the pool pays for, plus the one that spent its last units
    expect(classified.length).toBeLessThanOrEqual(Math.ceil((MEMBER_BUDGET_LEADS * 200_000) / perMember) + 1);
    // the first members are classified, the ones past the pool are not: nothing of theirs is known
    expect(result.members[0]?.flags ?? []).not.toContain('budget_exceeded');
    const last = result.members[199];
    expect(last?.flags).toContain('budget_exceeded');
    expect(last?.id).toBe('m199');
  });

  it('a lead config of operators of its own: members past the pool are still unknown, flagged', () => {
    const mine = { ...defaultOperators.exists };
    const config = {
      ...presets.saas,
      criteria: { ...presets.saas.criteria, mine: { when: { fact: 'contact.email', mine: true } } },
    };
    const leadConfig = compile(config, {
      budget: { classify: 200_000 },
      operators: { ...defaultOperators, mine },
    });
    const events = Array.from({ length: 20_000 }, () => ({ type: 'webinar_attended', at: '2026-06-01' }));
    const members = Array.from({ length: 100 }, (_, index) => ({ id: `m${index}`, events }));
    const result = classifyAccount({ id: 'a', members }, accountPresets.b2b, { asOf, leadConfig });
    expect(result.flags).toContain('budget_exceeded');
    expect(result.members[99]?.flags).toContain('budget_exceeded');
    expect(result.members[0]?.flags ?? []).not.toContain('budget_exceeded');
  });

  it('an account of ordinary members never reaches the pool', () => {
    const members = Array.from({ length: 1_000 }, (_, index) => ({
      id: `m${index}`,
      authority: { role: index === 0 ? 'decision_maker' : 'champion' },
      events: [{ type: 'demo_completed', at: '2026-06-20' }],
    }));
    const result = classifyAccount({ id: 'a', members }, accountPresets.b2b, {
      asOf,
      leadConfig: presets.saas,
    });
    expect(result.flags).not.toContain('budget_exceeded');
    expect(result.members.every((member) => !member.flags?.includes('budget_exceeded'))).toBe(true);
  });
});
