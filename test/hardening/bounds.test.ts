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
  it('looks at most 1,000,000 slots per lead and flags the rest, however long the array', () => {
    const classifier = compile(presets.saas);
    const sparse: unknown[] = [];
    sparse.length = 10_000_000;
    sparse[3] = { type: 'demo_completed', at: '2026-06-20' };
    sparse[20_000] = { type: 'pricing_discussed', at: '2026-06-21' };
    sparse[2_000_000] = { type: 'trial_started', at: '2026-06-22' };
    const result = classifier.classify({ events: sparse }, { asOf: '2026-06-30' });
    expect(result.flags).toContain('events_truncated');
    // the demo (position 3) and the pricing talk (20,000) are read; position 2,000,000 is past the scan
    expect(result.criteria.intent?.status).toBe('met');
    expect(result.ledger.some((line) => line.rule.includes('pricing'))).toBe(true);
    expect(result.ledger.some((line) => line.rule.includes('trial'))).toBe(false);
    expect(classifier.stage({ events: sparse }, { asOf: '2026-06-30' })).toBe(result.stage);
    const nulls = classifier.classify({ events: new Array(1_000_000).fill(null) }, { asOf: '2026-06-30' });
    expect(nulls.flags).toHaveLength(100 + 1);
    expect(nulls.flags.at(-1)).toBe('flags_truncated');
  });
});

describe('the event cap keeps what matters', () => {
  const classifier = compile(presets.saas);
  const asOf = '2026-06-30T00:00:00Z';
  const old = (count: number, type: string) =>
    Array.from({ length: count }, (_, index) => ({
      type,
      at: new Date(Date.UTC(2025, 0, 1) + index).toISOString(),
    }));

  it('never lets events of types the config does not read hide a demo (10,000 page views before it)', () => {
    const events = [...old(12_000, 'page_view'), { type: 'demo_completed', at: '2026-06-20' }];
    const result = classifier.classify({ events }, { asOf });
    expect(result.criteria.intent?.status).toBe('met');
    expect(result.flags).not.toContain('events_truncated');
    expect(classifier.stage({ events }, { asOf })).toBe(result.stage);
  });

  it('keeps the most recent events of the types read when they alone are over the cap, flagged', () => {
    const events = [
      ...old(11_000, 'webinar_attended'),
      { type: 'demo_completed', at: '2026-06-20' },
      ...old(2_000, 'ebook_download'),
    ];
    const result = classifier.classify({ events }, { asOf });
    expect(result.flags).toContain('events_truncated');
    expect(result.criteria.intent?.status).toBe('met');
    expect(classifier.stage({ events }, { asOf })).toBe(result.stage);
  });

  it('keeps the 10,000 most recent, whatever their order in the array', () => {
    const config = {
      version: 1,
      id: 'count',
      criteria: { many: { when: { event: 'page_view', withinLast: { days: 1 }, count: { gte: 10_000 } } } },
      stages: [{ id: 'many', when: { criterion: 'many' } }, { id: 'rest' }],
    };
    const recent = Array.from({ length: 10_000 }, (_, index) => ({
      type: 'page_view',
      at: new Date(Date.parse(asOf) - index * 1000).toISOString(),
    }));
    // 5,000 old ones first and last: the recent 10,000 are kept
    const events = [...old(5_000, 'page_view'), ...recent, ...old(5_000, 'page_view')];
    const result = compile(config).classify({ events }, { asOf });
    expect(result.criteria.many?.status).toBe('met');
    expect(result.flags).toContain('events_truncated');
  });
});

describe('limits named in messages', () => {
  it('says the cap when an in list is over it', () => {
    const big = Array.from({ length: 10_001 }, (_, index) => `v${index}`);
    const issues = safeParseConfig({
      ...base,
      criteria: { demo: { when: { fact: 'source', in: big } } },
    }).issues;
    expect(issues[0]?.message).toContain(
      'expected a non-empty array of at most 10,000 strings, numbers or booleans, received an array of 10001',
    );
  });
});

describe('windows past the representable range', () => {
  it('reads them alike on facts and on events, in classify and in stage()', () => {
    // 1000 years before an asOf in year -271000 is before the first representable instant
    const asOf = -8.635e15;
    const config = {
      version: 1,
      id: 'overflow',
      criteria: {
        recentFact: { when: { fact: 'createdAt', withinLast: { years: 1000 } } },
        recentEvent: { when: { event: 'demo_completed', withinLast: { years: 1000 } } },
      },
      stages: [
        { id: 'both', when: { all: [{ criterion: 'recentFact' }, { criterion: 'recentEvent' }] } },
        { id: 'rest' },
      ],
    };
    const at = new Date(-8.638e15).toISOString();
    const lead = { createdAt: at, events: [{ type: 'demo_completed', at }] };
    const classifier = compile(config);
    const result = classifier.classify(lead, { asOf });
    expect(result.criteria.recentFact?.status).toBe('met');
    expect(result.criteria.recentEvent?.status).toBe('met');
    expect(classifier.stage(lead, { asOf })).toBe(result.stage);
    expect(result.stage).toBe('both');
  });
});

describe('asOf in epoch seconds', () => {
  it('flags a numeric asOf that looks like seconds, and nothing else', () => {
    const seconds = Math.floor(Date.parse('2026-06-30') / 1000);
    expect(classify({}, presets.saas, { asOf: seconds }).flags).toEqual(['as_of_in_seconds']);
    expect(classify({}, presets.saas, { asOf: seconds * 1000 }).flags).toEqual([]);
    expect(classify({}, presets.saas, { asOf: '2026-06-30' }).flags).toEqual([]);
    expect(classify({}, presets.saas, { asOf: 0 }).flags).toEqual([]);
  });
});
