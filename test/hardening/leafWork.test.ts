// The second bounded-work attack: work a lead causes through the values its fact leaves read. Leaves are
// charged to the budget by the size of the value (texts per 8 characters, lists per element), texts past
// 65,536 characters are not read, pattern steps are charged; copies of lead values into a result stop at
// 10,000 values; numbers that look like epoch seconds are not dates. Tests count work, never time
// (scripts/budget-bound.mjs measures the time of the same classes of lead).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, defaultOperators, type OperatorDefinition, presets, stageHistory } from '../../src/index';

const AS_OF = '2026-06-30T00:00:00Z';

/** A `matches` that counts its calls. */
function countingMatches(): { operators: Record<string, OperatorDefinition>; calls: () => number } {
  let calls = 0;
  const matches: OperatorDefinition = {
    ...defaultOperators.matches,
    compile: (operand) => {
      const test = defaultOperators.matches.compile(operand);
      return (value, context, path) => {
        calls++;
        return test(value, context, path);
      };
    },
  };
  return { operators: { ...defaultOperators, matches }, calls: () => calls };
}

const patterns = (count: number) => ({
  version: 1,
  id: 'patterns',
  facts: { 'custom.t': { type: 'string' } },
  criteria: {
    any: {
      when: {
        any: Array.from({ length: count }, (_, index) => ({
          fact: 'custom.t',
          matches: { pattern: `x${index}$|[a-c]*z`, flags: 'i' },
        })),
      },
    },
  },
  stages: [{ id: 'hot', when: { criterion: 'any' } }, { id: 'rest' }],
});

describe('fact leaves spend the budget by the size of what they read', () => {
  it('stops many pattern tests on a long text at the budget, unknown and flagged', () => {
    const { operators, calls } = countingMatches();
    const classifier = compile(patterns(300), { operators });
    const result = classifier.classify({ custom: { t: 'abc'.repeat(21_800) } }, { asOf: AS_OF });
    expect(result.flags).toContain('budget_exceeded');
    expect(result.criteria.any?.status).toBe('unknown');
    // each test may take up to 2,000,000 steps: 125,000 units, so a 1,000,000-unit budget holds about 8 —
    // the rest are not run (before: all 300, 15 ms each)
    expect(calls()).toBeLessThan(300);
    // a short text is cheap: every pattern runs, no flag
    const short = classifier.classify({ custom: { t: 'abcz' } }, { asOf: AS_OF });
    expect(short.flags).toEqual([]);
    expect(short.stage).toBe('hot');
  });

  it('does not read texts longer than any CRM field holds: unknown, flagged unreadable', () => {
    const huge = 'vp'.repeat(40_000); // 80,000 characters
    const result = compile(presets.saas).classify(
      { contact: { seniority: huge }, authority: { role: 'decision_maker' } },
      { asOf: AS_OF },
    );
    expect(result.flags).toContain('unreadable:contact.seniority');
    const atCap = 'x'.repeat(65_536);
    expect(
      compile(presets.saas).classify({ authority: { role: atCap } }, { asOf: AS_OF }).flags,
    ).not.toContain('budget_exceeded');
  });

  it('bounds a history whose every instant re-reads a long text: the budget ends it', () => {
    const lead = {
      custom: { t: 'abc'.repeat(21_800) },
      events: Array.from({ length: 100 }, (_, index) => ({
        type: 'demo_completed',
        at: new Date(Date.parse(AS_OF) - index * 86_400_000).toISOString(),
      })),
    };
    const { operators, calls } = countingMatches();
    const config = {
      ...patterns(5),
      criteria: {
        ...patterns(5).criteria,
        demo: { when: { event: 'demo_completed', withinLast: { days: 3 } } },
      },
      stages: [{ id: 'hot', when: { all: [{ criterion: 'any' }, { criterion: 'demo' }] } }, { id: 'rest' }],
    };
    const history = stageHistory(lead, compile(config, { operators }), { asOf: AS_OF });
    expect(history.flags).toContain('budget_exceeded');
    // each test scans the 65,400 characters (4,088 units at 16 steps a unit): 5,000,000 units hold at
    // most 1,224 of them, whatever the number of instants
    expect(calls()).toBeLessThanOrEqual(Math.ceil(5_000_000 / (65_400 / 16)));
  });

  it('charges a list by its elements: a million-element list is over the budget, a short one is not', () => {
    const classifier = compile({
      version: 1,
      id: 'list',
      criteria: { tagged: { when: { fact: 'tags', contains: 'vip' } } },
      stages: [{ id: 'hot', when: { criterion: 'tagged' } }, { id: 'rest' }],
    });
    expect(classifier.classify({ tags: Array(1_000_001).fill('a') }, { asOf: AS_OF }).flags).toContain(
      'budget_exceeded',
    );
    expect(classifier.classify({ tags: ['a', 'vip'] }, { asOf: AS_OF }).stage).toBe('hot');
  });
});

describe('copies of lead values in results', () => {
  it('stop at 10,000 values for a lead of shared objects (10⁸ paths from 81 objects)', () => {
    let shared: unknown = { value: 'x' };
    for (let level = 0; level < 8; level++)
      shared = Object.fromEntries(Array.from({ length: 10 }, (_, index) => [`k${index}`, shared]));
    const result = compile(presets.saas).classify({ authority: { role: shared } }, { asOf: AS_OF });
    const copied = result.criteria.authority?.facts.find((fact) => fact.path === 'authority.role')?.value;
    const count = (value: unknown): number =>
      value !== null && typeof value === 'object'
        ? 1 + Object.values(value).reduce<number>((sum, item) => sum + count(item), 0)
        : 1;
    expect(count(copied)).toBeLessThanOrEqual(10_000);
    expect(count(copied)).toBeGreaterThan(1_000);
  });

  it('never hold more elements than values left, whatever an array says its length is', () => {
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    const result = compile(presets.saas).classify({ authority: { role: sparse } }, { asOf: AS_OF });
    const copied = result.criteria.authority?.facts.find((fact) => fact.path === 'authority.role')?.value;
    expect(Array.isArray(copied) ? copied.length : 0).toBeLessThanOrEqual(10_000);
  });
});

describe('epoch seconds are not dates', () => {
  it('flags a number that looks like epoch seconds, as a fact and as an event date, instead of 1970', () => {
    const config = {
      version: 1,
      id: 'recent',
      criteria: {
        fresh: { when: { fact: 'createdAt', withinLast: { days: 90 } } },
        demo: { when: { event: 'demo_completed', withinLast: { days: 90 } } },
      },
      stages: [{ id: 'hot', when: { any: [{ criterion: 'fresh' }, { criterion: 'demo' }] } }, { id: 'rest' }],
    };
    const seconds = 1_780_000_000; // June 2026 in seconds, January 1970 in milliseconds
    const result = compile(config).classify(
      { createdAt: seconds, events: [{ type: 'demo_completed', at: seconds }] },
      { asOf: AS_OF },
    );
    expect(result.criteria.fresh?.status).toBe('unknown');
    expect(result.flags).toContain('invalid_date:createdAt');
    expect(
      result.flags.some(
        (flag) => flag.startsWith('invalid_date:events[0]') || flag === 'invalid_event:events[0]',
      ),
    ).toBe(true);
    // epoch milliseconds read as before
    const ms = compile(config).classify({ createdAt: seconds * 1000 }, { asOf: AS_OF });
    expect(ms.criteria.fresh?.status).toBe('met');
  });

  it('reads every number from 1e11 up as epoch ms, and none below', () => {
    const config = {
      version: 1,
      id: 'dated',
      criteria: { dated: { when: { fact: 'createdAt', exists: true, before: '2200-01-01' } } },
      stages: [{ id: 'hot', when: { criterion: 'dated' } }, { id: 'rest' }],
    };
    const classifier = compile(config);
    fc.assert(
      fc.property(fc.double({ min: -7e12, max: 7e12, noNaN: true }), (value) => {
        const status = classifier.classify({ createdAt: value }, { asOf: AS_OF }).criteria.dated?.status;
        return Math.abs(value) < 1e11 ? status === 'unknown' : status === 'met';
      }),
    );
  });
});
