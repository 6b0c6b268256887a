// accountPresets.consulting: the origin article's consulting firm at account level (../shared/DOMAIN.md).
import { describe, expect, it } from 'vitest';
import { accountPresets, classifyAccount, lintConfig, presets, safeParseConfig } from '../../src/index';

const asOf = '2026-06-30';
const options = { asOf, leadConfig: presets.consulting };
const classify = (account: Parameters<typeof classifyAccount>[0]) =>
  classifyAccount(account, accountPresets.consulting, options);

describe('accountPresets.consulting', () => {
  it('is a valid account config with no lint warning', () => {
    const parsed = safeParseConfig(accountPresets.consulting);
    expect(parsed.success).toBe(true);
    expect(lintConfig(accountPresets.consulting).warnings).toEqual([]);
    expect(accountPresets.consulting.level).toBe('account');
  });

  it('the article’s SAL: a conference session, a LinkedIn connection → SAL; nothing → unqualified', () => {
    const sal = classify({
      id: 'Ferri',
      members: [
        { id: 'f1', events: [{ type: 'conference_attended', at: '2026-03-10' }] },
        { id: 'f2', events: [{ type: 'linkedin_connected', at: '2026-05-02' }] },
      ],
    });
    expect(sal.stage).toBe('SAL');
    const cold = classify({ id: 'Gallo', members: [{ id: 'g1', events: [] }] });
    expect(cold.stage).toBe('unqualified');
  });

  it('sponsor, discovery and budget, but no SQO member: SAL, the SQO member is what it lacks', () => {
    const result = classify({
      id: 'Nuvola',
      members: [
        {
          id: 'n1',
          authority: { role: 'decision_maker' },
          budget: { status: 'approved' },
          events: [{ type: 'challenges_shared', at: '2026-06-01' }],
        },
        { id: 'n2', authority: { role: 'champion' }, events: [{ type: 'discovery_call', at: '2026-06-10' }] },
      ],
    });
    expect(result.stage).toBe('SAL');
    expect(result.criteria.sponsor?.status).toBe('met');
    expect(result.criteria.discovery?.status).toBe('met');
    expect(result.criteria.budget?.status).toBe('met');
    expect(result.next?.blockers.map((blocker) => blocker.criterion)).toEqual(['opportunity']);
  });

  it('a discovery older than 120 days is no discovery; nobody’s role known: find the decision maker', () => {
    const result = classify({
      id: 'Rossi',
      members: [{ id: 'r1', events: [{ type: 'discovery_call', at: '2026-01-10' }] }],
    });
    expect(result.criteria.discovery?.status).toBe('unmet');
    expect(result.stage).toBe('SAL');
    expect(result.buyingGroup.unknown).toEqual(['decision_maker', 'champion']);
    const asks = [...(result.next?.blockers ?? []), ...(result.next?.later ?? [])].map(
      (blocker) => blocker.label,
    );
    expect(asks, JSON.stringify(result.next)).toContain('find the decision maker');
  });
});
