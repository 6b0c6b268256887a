// Case 3 of the hardening issue: a chain of criteria each referring to the next used to pass validation
// and overflow the stack in every classify (5,000), or in the validator itself (5,500).
import { describe, expect, it } from 'vitest';
import { compile, safeParseConfig } from '../../src/index';

/** `length` criteria, c0 → c1 → … → the last, which reads a fact. */
function chain(length: number) {
  const criteria: Record<string, unknown> = {};
  for (let index = 0; index < length; index++) {
    criteria[`c${index}`] = {
      when: index === length - 1 ? { fact: 'budget.amount', gte: 1 } : { criterion: `c${index + 1}` },
    };
  }
  return {
    version: 1,
    id: 'chain',
    criteria,
    stages: [{ id: 'top', when: { criterion: 'c0' } }, { id: 'rest' }],
  };
}

describe('criterion chains', () => {
  it('refuses a chain longer than 64 with a ConfigError issue, however long, never a RangeError', () => {
    for (const length of [65, 5_000, 5_500, 100_000]) {
      const parsed = safeParseConfig(chain(length));
      expect(parsed.success).toBe(false);
      // 100,000 criteria is also over the size limit: both are said
      expect(parsed.issues.map((issue) => issue.code)).toEqual(
        length > 10_000 ? ['too_large', 'too_deep'] : ['too_deep'],
      );
      expect(parsed.issues.find((issue) => issue.code === 'too_deep')?.message).toMatch(
        /starts a chain of \d+ criteria, each referring to the next; expected chains of at most 64 criteria/,
      );
    }
  });

  it('classifies through a chain of 64', () => {
    const classifier = compile(chain(64));
    expect(classifier.classify({ budget: { amount: 5 } }, { asOf: '2026-06-30' }).stage).toBe('top');
    expect(classifier.classify({}, { asOf: '2026-06-30' }).criteria.c0?.status).toBe('unknown');
  });

  it('still finds a loop, and names it', () => {
    const looped = chain(3);
    (looped.criteria as Record<string, unknown>).c2 = { when: { criterion: 'c0' } };
    const issues = safeParseConfig(looped).issues;
    expect(issues.map((issue) => issue.code)).toContain('criterion_cycle');
    expect(issues.find((issue) => issue.code === 'criterion_cycle')?.message).toMatch(/c0 → c1 → c2 → c0/);
  });
});

describe('validation of a config full of unknown names', () => {
  it('names every unknown reference, and still suggests the near misses', () => {
    const ids = Array.from(
      { length: 400 },
      (_, index) => `criterion_number_${index}_with_a_rather_long_identifier_x`,
    );
    const criteria = Object.fromEntries(ids.map((id) => [id, { when: { fact: 'budget.amount', gte: 1 } }]));
    const refs = ids.map((id, index) => ({
      criterion: index < 3 ? `${id}y` : `unknown_${index}_${'z'.repeat(50)}`,
    }));
    const parsed = safeParseConfig({
      version: 1,
      id: 'many',
      criteria,
      stages: [{ id: 'a', when: { any: refs } }, { id: 'rest' }],
    });
    const unknown = parsed.issues.filter((issue) => issue.code === 'unknown_criterion');
    expect(unknown).toHaveLength(400);
    // the first near misses get their suggestion; the work for the rest is bounded, not quadratic
    expect(unknown[0]?.fix).toBe(`did you mean "${ids[0]}"?`);
  });
});

describe('found by npm run fuzz', () => {
  it('reports a stage whose when is null as an issue, never a TypeError from the lint', () => {
    const parsed = safeParseConfig({
      version: 1,
      id: 'nulls',
      criteria: { a: { when: { fact: 'x', eq: 1 } } },
      stages: [
        { id: 'out', exit: true, when: null },
        { id: 'top', when: { criterion: 'a' } },
        { id: 'rest' },
      ],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.issues[0]?.path).toEqual(['stages', 0, 'when']);
  });
});
