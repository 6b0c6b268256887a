import { describe, expect, it } from 'vitest';
import type { Status } from '../../src/index';
import { statusOf } from '../helpers';

/** Conditions whose status is fixed, to drive the connectives through every combination. */
const FIXED: Record<Status, unknown> = {
  met: { fact: 'yes', eq: true },
  unmet: { fact: 'yes', eq: false },
  unknown: { fact: 'missing', eq: true },
};
const LEAD = { yes: true };
const STATUSES: Status[] = ['met', 'unmet', 'unknown'];
const pairs = STATUSES.flatMap((a) => STATUSES.map((b) => [a, b] as const));

function all(a: Status, b: Status): Status {
  if (a === 'unmet' || b === 'unmet') return 'unmet';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'met';
}
function any(a: Status, b: Status): Status {
  if (a === 'met' || b === 'met') return 'met';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'unmet';
}

describe('truth tables', () => {
  it('has fixed conditions that really are met, unmet and unknown', () => {
    for (const status of STATUSES) expect(statusOf(FIXED[status], LEAD)).toBe(status);
  });

  it.each(pairs)('all(%s, %s)', (a, b) => {
    expect(statusOf({ all: [FIXED[a], FIXED[b]] }, LEAD)).toBe(all(a, b));
  });

  it.each(pairs)('any(%s, %s)', (a, b) => {
    expect(statusOf({ any: [FIXED[a], FIXED[b]] }, LEAD)).toBe(any(a, b));
  });

  it.each([
    ['met', 'unmet'],
    ['unmet', 'met'],
    ['unknown', 'unknown'],
  ] as const)('not(%s) is %s', (input, output) => {
    expect(statusOf({ not: FIXED[input] }, LEAD)).toBe(output);
  });

  // atLeast k of n: met if #met ≥ k; unmet if #met + #unknown < k; else unknown
  const triples = STATUSES.flatMap((a) => STATUSES.flatMap((b) => STATUSES.map((c) => [a, b, c] as const)));
  for (const k of [1, 2, 3]) {
    it.each(triples)(`atLeast ${k} of (%s, %s, %s)`, (a, b, c) => {
      const statuses = [a, b, c];
      const met = statuses.filter((s) => s === 'met').length;
      const unknown = statuses.filter((s) => s === 'unknown').length;
      const expected: Status = met >= k ? 'met' : met + unknown < k ? 'unmet' : 'unknown';
      expect(statusOf({ atLeast: k, of: statuses.map((s) => FIXED[s]) }, LEAD)).toBe(expected);
    });
  }

  it('nests', () => {
    const condition = { all: [FIXED.met, { any: [FIXED.unknown, { not: FIXED.unmet }] }] };
    expect(statusOf(condition, LEAD)).toBe('met');
  });
});

describe('criterion and score references', () => {
  it('reads named criteria given to evaluate, unknown when not given', async () => {
    const { compileCondition } = await import('../../src/index');
    const condition = compileCondition({ all: [{ criterion: 'budget' }, { criterion: 'timeline' }] });
    expect(condition.evaluate({}, { asOf: 0, criteria: { budget: 'met', timeline: 'met' } }).status).toBe(
      'met',
    );
    expect(condition.evaluate({}, { asOf: 0, criteria: { budget: 'met', timeline: 'unmet' } }).status).toBe(
      'unmet',
    );
    expect(condition.evaluate({}, { asOf: 0, criteria: { budget: 'met' } }).status).toBe('unknown');
  });

  it('compares scores', async () => {
    const { compileCondition } = await import('../../src/index');
    const condition = compileCondition({ score: 'total', gte: 50, lt: 100 });
    expect(condition.evaluate({}, { asOf: 0, scores: { total: 50 } }).status).toBe('met');
    expect(condition.evaluate({}, { asOf: 0, scores: { total: 49.99 } }).status).toBe('unmet');
    expect(condition.evaluate({}, { asOf: 0, scores: {} }).status).toBe('unknown');
    expect(
      compileCondition({ score: 'fit', between: [10, 20] }).evaluate({}, { asOf: 0, scores: { fit: 20 } })
        .status,
    ).toBe('met');
  });
});
