// BatchOptions.followUpFrom: 'stage-entry' counts a follow-up from the instant the lead entered its stage
// (replayed from its events), not from asOf. Every deadline below is computed by hand from the fixture.
import { describe, expect, it } from 'vitest';
import { classify, classifyMany, classifyStream, stageHistory } from '../../src/index';

const config = {
  version: 1,
  id: 'follow-up',
  criteria: {},
  stages: [
    {
      id: 'SQO',
      when: {
        any: [
          { fact: 'budget.status', eq: 'approved' },
          { event: 'demo_completed', withinLast: { days: 30 } },
        ],
      },
      followUp: { within: { hours: 24 } },
    },
    {
      id: 'SAL',
      when: { event: 'webinar_attended', withinLast: { days: 90 } },
      followUp: { within: { days: 3 } },
    },
    { id: 'unqualified' },
  ],
} as const;

const AS_OF = '2026-06-30T00:00:00.000Z';
const leads = [
  // SAL since the webinar (10 June 09:00): due 3 days later, 13 June 09:00 — 17 days before asOf
  { id: 'a', events: [{ type: 'webinar_attended', at: '2026-06-10T09:00:00Z' }] },
  // SQO on a fact, no events: nothing to replay, counted from asOf (30 June + 24 h)
  { id: 'b', budget: { status: 'approved' } },
  // SQO on a fact since the history's start, its first event (no createdAt): 10 June 09:00 + 24 h
  {
    id: 'c',
    budget: { status: 'approved' },
    events: [{ type: 'webinar_attended', at: '2026-06-10T09:00:00Z' }],
  },
  // the same, created 1 June: SQO since then, due 2 June 00:00
  {
    id: 'd',
    createdAt: '2026-06-01T00:00:00Z',
    budget: { status: 'approved' },
    events: [{ type: 'webinar_attended', at: '2026-06-10T09:00:00Z' }],
  },
  // SAL from 10 June, SQO from the demo on 20 June 15:00: due 21 June 15:00
  {
    id: 'e',
    events: [
      { type: 'webinar_attended', at: '2026-06-10T09:00:00Z' },
      { type: 'demo_completed', at: '2026-06-20T15:00:00Z' },
    ],
  },
  // unqualified: no follow-up, nothing added
  { id: 'f', events: [{ type: 'webinar_attended', at: '2026-01-10T09:00:00Z' }] },
];

const picked = (results: ReadonlyArray<object>) =>
  (results as ReadonlyArray<Record<string, unknown>>).map(
    ({ leadId, stage, followUpBy, followUpFrom, stageSince }) => ({
      leadId,
      stage,
      followUpBy,
      followUpFrom,
      stageSince,
    }),
  );

describe("classifyMany({ followUpFrom: 'stage-entry' })", () => {
  it('counts each follow-up from the stage entry where events allow, and says which', () => {
    const results = classifyMany(leads, config, { asOf: AS_OF, followUpFrom: 'stage-entry' });
    expect(picked(results)).toEqual([
      {
        leadId: 'a',
        stage: 'SAL',
        followUpBy: '2026-06-13T09:00:00.000Z',
        followUpFrom: 'stage-entry',
        stageSince: '2026-06-10T09:00:00.000Z',
      },
      {
        leadId: 'b',
        stage: 'SQO',
        followUpBy: '2026-07-01T00:00:00.000Z',
        followUpFrom: 'as-of',
        stageSince: undefined,
      },
      {
        leadId: 'c',
        stage: 'SQO',
        followUpBy: '2026-06-11T09:00:00.000Z',
        followUpFrom: 'stage-entry',
        stageSince: '2026-06-10T09:00:00.000Z',
      },
      {
        leadId: 'd',
        stage: 'SQO',
        followUpBy: '2026-06-02T00:00:00.000Z',
        followUpFrom: 'stage-entry',
        stageSince: '2026-06-01T00:00:00.000Z',
      },
      {
        leadId: 'e',
        stage: 'SQO',
        followUpBy: '2026-06-21T15:00:00.000Z',
        followUpFrom: 'stage-entry',
        stageSince: '2026-06-20T15:00:00.000Z',
      },
      {
        leadId: 'f',
        stage: 'unqualified',
        followUpBy: undefined,
        followUpFrom: undefined,
        stageSince: undefined,
      },
    ]);
    // the rest of each result is classify's
    for (const [index, result] of results.entries()) {
      const {
        followUpBy: _a,
        followUpFrom: _b,
        stageSince: _c,
        ...rest
      } = result as unknown as Record<string, unknown>;
      const { followUpBy: _d, ...plain } = classify(leads[index], config, {
        asOf: AS_OF,
      }) as unknown as Record<string, unknown>;
      expect(rest).toEqual(plain);
    }
    // and the deadline is the history's
    expect(results[4]?.followUpBy).toBe(stageHistory(leads[4], config, { asOf: AS_OF }).followUpBy);
  });

  it('leaves results as classify gives them by default and with as-of (only saying which)', () => {
    const plain = classifyMany(leads, config, { asOf: AS_OF });
    expect(plain).toEqual(leads.map((lead) => classify(lead, config, { asOf: AS_OF })));
    expect(JSON.stringify(plain)).not.toContain('followUpFrom');
    const asOf = classifyMany(leads, config, { asOf: AS_OF, followUpFrom: 'as-of' });
    expect(asOf.map((result) => result.followUpBy)).toEqual(plain.map((result) => result.followUpBy));
    expect(asOf.map((result) => result.followUpFrom)).toEqual([
      'as-of',
      'as-of',
      'as-of',
      'as-of',
      'as-of',
      undefined,
    ]);
  });

  it('works with statuses, per-lead asOf and streams', async () => {
    const results = classifyMany(leads, config, {
      asOf: () => '2026-06-12T00:00:00Z',
      detail: 'statuses',
      followUpFrom: 'stage-entry',
    });
    // on 12 June, e is SAL (since 10 June 09:00), its demo not yet
    expect(results[4]?.stage).toBe('SAL');
    expect(results[4]?.followUpBy).toBe('2026-06-13T09:00:00.000Z');
    const streamed = [];
    for await (const result of classifyStream(leads, config, { asOf: AS_OF, followUpFrom: 'stage-entry' }))
      streamed.push(result);
    expect(streamed).toEqual(classifyMany(leads, config, { asOf: AS_OF, followUpFrom: 'stage-entry' }));
  });

  it('refuses an unknown followUpFrom, naming what it takes', () => {
    expect(() => classifyMany(leads, config, { asOf: AS_OF, followUpFrom: 'entry' as 'as-of' })).toThrow(
      /options\.followUpFrom: expected 'as-of' or 'stage-entry', received the string "entry"/,
    );
  });
});
