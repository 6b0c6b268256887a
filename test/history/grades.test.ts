import { describe, expect, it } from 'vitest';
import { compile, stageHistory } from '../../src/index';

const at = (iso: string) => Date.parse(iso);

/**
 * SAL from a demo (30 engagement points, halving every 7 days) while engagement ≥ 5; fit from seniority.
 * Engagement grades: 1 ≥ 20, 2 ≥ 10, 3 below.
 */
const config = {
  version: 1,
  id: 'graded-history',
  criteria: { engaged: { when: { score: 'engagement', gte: 5 } } },
  scoring: {
    groups: { fit: {}, engagement: {} },
    rules: [
      { id: 'senior', group: 'fit', points: 20, when: { fact: 'contact.seniority', eq: 'vp' } },
      { id: 'demo', group: 'engagement', points: 30, event: 'demo_completed', halfLife: { days: 7 } },
    ],
  },
  stages: [{ id: 'SAL', when: { criterion: 'engaged' } }, { id: 'unqualified' }],
  grades: { fit: { A: 20, B: 10 }, engagement: { 1: 20, 2: 10 } },
};

describe('stageHistory with grades', () => {
  const lead = {
    id: 'nuvola',
    createdAt: '2026-05-01T00:00:00Z',
    contact: { seniority: 'vp' },
    events: [{ type: 'demo_completed', at: '2026-05-04T09:00:00Z' }],
  };
  const history = stageHistory(lead, config, { asOf: '2026-06-30' });
  const classifier = compile(config);

  it('gives each segment the grade it began with, and the grades it went through as the score decayed', () => {
    // 30 points: ≥ 20 (A1) until about 4 days, ≥ 10 (A2) until 11 days, ≥ 5 (SAL) until 18 days
    expect(history.segments.map((segment) => [segment.stage, segment.grade])).toEqual([
      ['unqualified', 'A3'],
      ['SAL', 'A1'],
      ['unqualified', 'A3'],
    ]);
    const sal = history.segments[1]!;
    expect(sal.grades?.map((entry) => entry.grade)).toEqual(['A1', 'A2', 'A3']);
    expect(sal.grades?.[0]?.from).toBe(sal.from);
    expect(history.segments[0]?.grades).toBeUndefined();
    expect(history.grade).toBe('A3');
  });

  it('dates each grade change to the millisecond, as classify sees it', () => {
    for (const entry of history.segments.flatMap((segment) => segment.grades ?? [])) {
      const from = at(entry.from);
      expect(classifier.classify(lead, { asOf: from }).grade).toBe(entry.grade);
      if (entry.from !== history.segments[1]?.from)
        expect(classifier.classify(lead, { asOf: from - 1 }).grade).not.toBe(entry.grade);
    }
  });

  it('follows the stages alone with grades: false, as without grades', () => {
    const stagesOnly = stageHistory(lead, config, { asOf: '2026-06-30', grades: false });
    const { grades: _, ...plain } = config;
    const { config: __, ...withoutGrades } = stageHistory(lead, plain, { asOf: '2026-06-30' });
    const { config: ___, ...rest } = stagesOnly;
    expect(rest).toEqual(withoutGrades);
  });

  it('has no grade without grades in the config', () => {
    const { grades: _, ...plain } = config;
    const without = stageHistory(lead, plain, { asOf: '2026-06-30' });
    expect(without.segments.map((segment) => segment.stage)).toEqual(['unqualified', 'SAL', 'unqualified']);
    expect(
      without.segments.every((segment) => segment.grade === undefined && segment.grades === undefined),
    ).toBe(true);
    expect('grade' in without).toBe(false);
    // the stages and their instants are the same with grades or without
    expect(without.segments.map((segment) => segment.from)).toEqual(
      history.segments.map((segment) => segment.from),
    );
  });
});
