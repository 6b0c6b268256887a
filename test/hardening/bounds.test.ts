// Cases 7 and 8 of the hardening issue: valid-looking input must not make classify throw or score
// non-finite; the config is refused, or the lead flagged.
import { describe, expect, it } from 'vitest';
import { classify, compile, presets, safeParseConfig } from '../../src/index';

const base = {
  version: 1,
  id: 'bounds',
  criteria: { demo: { when: { event: 'demo_completed' } } },
  stages: [{ id: 'SQO', when: { criterion: 'demo' }, followUp: { within: { hours: 24 } } }, { id: 'rest' }],
};
const codesOf = (config: unknown) => safeParseConfig(config).issues.map((issue) => [issue.code, issue.path]);

describe('bounded durations, points and caps', () => {
  it('refuses durations longer than a thousand years, wherever a config takes one', () => {
    expect(
      codesOf({
        ...base,
        stages: [
          { id: 'SQO', when: { criterion: 'demo' }, followUp: { within: { years: 300000 } } },
          { id: 'rest' },
        ],
      }),
    ).toEqual([['invalid_duration', ['stages', 0, 'followUp', 'within']]]);
    expect(codesOf({ ...base, criteria: { demo: { when: { event: 'x', withinLast: 'P99999Y' } } } })).toEqual(
      [['invalid_duration', ['criteria', 'demo', 'when', 'withinLast']]],
    );
    expect(
      codesOf({ ...base, criteria: { demo: { when: { fact: 'createdAt', olderThan: { days: 1e9 } } } } }),
    ).toEqual([['invalid_duration', ['criteria', 'demo', 'when', 'olderThan']]]);
  });

  it('refuses a half-life of zero and points no sum can hold', () => {
    const rule = (extra: Record<string, unknown>) => ({
      ...base,
      scoring: { rules: [{ id: 'd', points: 10, event: 'demo_completed', ...extra }] },
    });
    expect(codesOf(rule({ halfLife: { days: 0 } }))).toEqual([
      ['invalid_duration', ['scoring', 'rules', 0, 'halfLife']],
    ]);
    expect(codesOf(rule({ points: 1e307 }))).toEqual([['too_big', ['scoring', 'rules', 0, 'points']]]);
    expect(codesOf(rule({ max: -1e307 }))).toEqual([['too_small', ['scoring', 'rules', 0, 'max']]]);
  });

  it('never throws at the edge of the representable time range: the follow-up is left out and flagged', () => {
    const asOf = 8.64e15;
    const lead = { events: [{ type: 'demo_completed', at: asOf }] };
    const result = compile(base).classify(lead, { asOf });
    expect(result.stage).toBe('SQO');
    expect(result.followUpBy).toBeUndefined();
    expect(result.flags).toContain('invalid_date:followUpBy');
    for (const preset of Object.values(presets)) {
      expect(() =>
        classify({ events: [{ type: 'demo_completed', at: asOf }] }, preset, { asOf }),
      ).not.toThrow();
    }
  });
});

describe('lead data that could amplify or be inherited', () => {
  it('caps the flags of one result: the first 100, then flags_truncated', () => {
    const lead = { events: Array.from({ length: 10_000 }, () => null) };
    const result = classify(lead, presets.saas, { asOf: '2026-06-30' });
    expect(result.flags).toHaveLength(101);
    expect(result.flags[0]).toBe('invalid_event:events[0]');
    expect(result.flags[100]).toBe('flags_truncated');
  });

  it('reads event fields and the lead id as own properties only', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype.type = 'demo_completed';
    prototype.at = '2026-06-20';
    prototype.id = 'polluted';
    try {
      const result = classify({ events: [{}, {}, {}] }, presets.saas, { asOf: '2026-06-30' });
      expect(result.criteria.intent?.status).toBe('unmet');
      expect(result.leadId).toBeUndefined();
    } finally {
      delete prototype.type;
      delete prototype.at;
      delete prototype.id;
    }
  });
});

describe('amplification', () => {
  it('reads at most 10,000 events per lead and flags the rest, however long the array', () => {
    const classifier = compile(presets.saas);
    const sparse: unknown[] = [];
    sparse.length = 10_000_000;
    sparse[3] = { type: 'demo_completed', at: '2026-06-20' };
    sparse[20_000] = { type: 'pricing_discussed', at: '2026-06-21' };
    const result = classifier.classify({ events: sparse }, { asOf: '2026-06-30' });
    expect(result.flags).toContain('events_truncated');
    // the demo (position 3) is read; the pricing talk (position 20,000) is not
    expect(result.criteria.intent?.status).toBe('met');
    expect(result.ledger.some((line) => line.rule.includes('pricing'))).toBe(false);
    const nulls = classifier.classify({ events: new Array(1_000_000).fill(null) }, { asOf: '2026-06-30' });
    expect(nulls.flags).toHaveLength(100 + 1);
    expect(nulls.flags.at(-1)).toBe('flags_truncated');
  });
});
