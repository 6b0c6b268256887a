// Breakdowns: `summarize(results, { by })` gives each group the summary its leads would get alone,
// dates bucketed in UTC, the number of groups capped.
import { describe, expect, it } from 'vitest';
import { classify, classifyMany, createSummary, summarize } from '../../src/index';

const asOf = '2026-06-30';
const config = {
  version: 1,
  id: 'breakdown-fixture',
  criteria: {
    budget: { when: { fact: 'budget.amount', gte: 1000 } },
    need: { when: { fact: 'need.severity', eq: 'high' } },
  },
  stages: [
    { id: 'SQO', when: { all: [{ criterion: 'budget' }, { criterion: 'need' }] } },
    { id: 'SAL', when: { any: [{ criterion: 'budget' }, { criterion: 'need' }] } },
    { id: 'unqualified' },
  ],
};
const leads = [
  {
    id: 'L1',
    createdAt: '2026-01-05',
    company: { industry: 'software' },
    budget: { amount: 2000 },
    need: { severity: 'high' },
  },
  { id: 'L2', createdAt: '2026-01-31T23:59:59Z', company: { industry: 'retail' }, budget: { amount: 5000 } },
  { id: 'L3', createdAt: '2026-02-01', company: { industry: 'software' }, need: { severity: 'high' } },
  { id: 'L4', createdAt: '2026-02-14', company: { industry: 'software' } },
  {
    id: 'L5',
    createdAt: 'not a date',
    company: { industry: 'retail' },
    budget: { amount: 9000 },
    need: { severity: 'high' },
  },
  { id: 'L6', company: {} },
];
const outcome = { L1: true, L2: false, L3: true, L4: false, L5: true, L6: false };
const results = classifyMany(leads, config, { asOf, detail: 'statuses' });

describe('summarize with by', () => {
  it('gives each group the summary of its leads alone', () => {
    const summary = summarize(results, { outcome, by: 'company.industry', leads });
    expect(summary.breakdown?.by).toBe('company.industry');
    expect(summary.breakdown?.groups.map((group) => group.key)).toEqual(['retail', 'software', '(none)']);
    for (const group of summary.breakdown?.groups ?? []) {
      const mine = results.filter((_, index) => {
        const industry = leads[index]?.company.industry;
        return (industry ?? '(none)') === group.key;
      });
      expect(group.summary).toEqual(summarize(mine, { outcome }));
    }
    // the pooled summary is unchanged by the breakdown
    const { breakdown: _, ...pooled } = summary;
    expect(pooled).toEqual(summarize(results, { outcome }));
    expect(summary.breakdown?.groups[1]?.summary.calibration).toMatchObject({
      leads: 3,
      converted: 2,
      rate: 0.6667,
      interval: { low: 0.2077, high: 0.9385 },
    });
  });

  it('buckets dates by month, quarter, year, day and ISO week, in UTC', () => {
    const keys = (by: string) =>
      summarize(results, { by, leads }).breakdown?.groups.map((group) => [group.key, group.summary.total]);
    expect(keys('createdAt:month')).toEqual([
      ['2026-01', 2],
      ['2026-02', 2],
      ['(none)', 1],
      ['(unreadable)', 1],
    ]);
    expect(keys('createdAt:quarter')?.[0]).toEqual(['2026-Q1', 4]);
    expect(keys('createdAt:year')?.[0]).toEqual(['2026', 4]);
    expect(keys('createdAt:day')?.slice(0, 2)).toEqual([
      ['2026-01-05', 1],
      ['2026-01-31', 1],
    ]);
    // ISO weeks: 2026-01-05 is the Monday of week 2; Saturday 31 January is in week 5, Sunday 1
    // February still in week 5; 14 February (a Saturday) in week 7
    expect(keys('createdAt:week')?.slice(0, 3)).toEqual([
      ['2026-W02', 1],
      ['2026-W05', 2],
      ['2026-W07', 1],
    ]);
    // a week belongs to its Thursday's year: 3 January 2021 is in 2020's week 53, 30 December 2024 in 2025's week 1
    const edges = [{ createdAt: '2021-01-03' }, { createdAt: '2024-12-30' }, { createdAt: '2026-12-31' }];
    const edgeResults = classifyMany(edges, config, { asOf });
    expect(
      summarize(edgeResults, { by: 'createdAt:week', leads: edges }).breakdown?.groups.map(
        (group) => group.key,
      ),
    ).toEqual(['2020-W53', '2025-W01', '2026-W53']);
  });

  it('reads the result when no lead is given, and takes a function', () => {
    expect(
      summarize(results, { by: 'stage' }).breakdown?.groups.map((group) => [group.key, group.summary.total]),
    ).toEqual([
      ['SAL', 2],
      ['SQO', 2],
      ['unqualified', 2],
    ]);
    const byScore = summarize(results, {
      by: (result, lead) => `${result.stage}/${(lead as { id: string }).id.length}`,
      leads,
    });
    expect(byScore.breakdown?.by).toBe('(function)');
    expect(byScore.breakdown?.groups.map((group) => group.key)).toEqual(['SAL/2', 'SQO/2', 'unqualified/2']);
  });

  it('createSummary: add(result, lead) builds the same breakdown from a stream', () => {
    const builder = createSummary({ outcome, by: 'createdAt:month' });
    for (const lead of leads) builder.add(classify(lead, config, { asOf, detail: 'statuses' }), lead);
    expect(builder.result()).toEqual(summarize(results, { outcome, by: 'createdAt:month', leads }));
  });

  it('caps the groups: the rest count under "(other)", with a warning', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({ id: `M${index}`, source: `s${index % 6}` }));
    const summary = summarize(classifyMany(many, config, { asOf }), {
      by: 'source',
      leads: many,
      maxGroups: 4,
    });
    expect(summary.breakdown?.groups.map((group) => [group.key, group.summary.total])).toEqual([
      ['s0', 2],
      ['s1', 2],
      ['s2', 2],
      ['s3', 2],
      ['(other)', 4],
    ]);
    expect(summary.breakdown?.warnings).toEqual([
      {
        code: 'groups_capped',
        where: 'breakdown',
        leads: 4,
        message:
          'breakdown by source: more than 4 groups; 4 leads of the later groups are counted under "(other)" (maxGroups raises the cap)',
      },
    ]);
    // long free text is cut, so keys stay small
    const long = [{ source: 'x'.repeat(500) }];
    const key = summarize(classifyMany(long, config, { asOf }), { by: 'source', leads: long }).breakdown
      ?.groups[0]?.key;
    expect(key?.length).toBe(100);
  });

  it('refuses a malformed by, maxGroups or leads, naming what it expected', () => {
    expect(() => summarize(results, { by: 'createdAt:months' })).toThrow(
      'summarize: by "createdAt:months" ends in ":months", expected one of :day, :week, :month, :quarter, :year',
    );
    expect(() => summarize(results, { by: '__proto__.x' })).toThrow('the segment "__proto__"');
    expect(() => summarize(results, { by: 'a..b' })).toThrow('an empty segment');
    expect(() => summarize(results, { by: 'a', maxGroups: 0 })).toThrow(
      'maxGroups must be a whole number from 1 to 10000',
    );
    expect(() => summarize(results, { by: 'a', leads: leads.slice(1) })).toThrow('leads ended after 5 items');
    expect(() => summarize(results, { by: 'a', leads: [...leads, {}] })).toThrow(
      'leads has more items than the 6 results',
    );
  });
});
