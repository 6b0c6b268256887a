import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index';

const AS_OF = '2026-06-30T00:00:00Z';
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.parse(AS_OF) - days * DAY).toISOString();

/** A config with just scoring rules and the fallback stage. */
function scorer(scoring: Record<string, unknown>, criteria: Record<string, unknown> = {}) {
  return compile({ version: 1, id: 'scoring', criteria, scoring, stages: [{ id: 'unqualified' }] });
}

const events = (...list: Array<[string, number]>) => ({
  events: list.map(([type, days]) => ({ type, at: daysAgo(days) })),
});

describe('scoring', () => {
  it('gives points on facts and criteria once, when met', () => {
    const classifier = scorer(
      {
        rules: [
          { id: 'vp', points: 15, when: { fact: 'contact.seniority', eq: 'vp' } },
          { id: 'budget', points: 10, when: { criterion: 'budget' } },
        ],
      },
      { budget: { when: { fact: 'budget.amount', gte: 1000 } } },
    );
    expect(
      classifier.classify({ contact: { seniority: 'vp' }, budget: { amount: 5000 } }, { asOf: AS_OF }).scores
        .total,
    ).toBe(25);
    expect(classifier.classify({ contact: { seniority: 'manager' } }, { asOf: AS_OF }).scores.total).toBe(0);
  });

  it('counts an event once without repeat, each event up to repeat.max with it', () => {
    const lead = events(
      ['webinar_attended', 1],
      ['webinar_attended', 2],
      ['webinar_attended', 3],
      ['webinar_attended', 4],
    );
    const once = scorer({ rules: [{ id: 'w', points: 5, event: 'webinar_attended' }] }).classify(lead, {
      asOf: AS_OF,
    });
    expect(once.scores.total).toBe(5);
    expect(once.ledger).toEqual([{ rule: 'w', points: 5, events: 1 }]);
    const repeated = scorer({
      rules: [{ id: 'w', points: 5, event: 'webinar_attended', repeat: { max: 3 } }],
    }).classify(lead, { asOf: AS_OF });
    expect(repeated.scores.total).toBe(15);
    expect(repeated.ledger).toEqual([{ rule: 'w', points: 15, events: 3 }]);
  });

  it('counts only events inside the window, boundary included', () => {
    const classifier = scorer({
      rules: [
        { id: 'p', points: 3, event: 'pricing_page_viewed', withinLast: { days: 30 }, repeat: { max: 10 } },
      ],
    });
    const lead = events(
      ['pricing_page_viewed', 0],
      ['pricing_page_viewed', 30],
      ['pricing_page_viewed', 30.0001],
      ['pricing_page_viewed', 90],
    );
    expect(classifier.classify(lead, { asOf: AS_OF }).scores.total).toBe(6);
  });

  it('decays by half-life, checked against the closed form', () => {
    const classifier = scorer({
      rules: [{ id: 'demo', points: 30, event: 'demo_completed', halfLife: { days: 30 } }],
    });
    for (const age of [0, 7, 15, 30, 45, 60, 365]) {
      const expected = Math.round(30 * 0.5 ** (age / 30) * 100) / 100;
      expect(classifier.classify(events(['demo_completed', age]), { asOf: AS_OF }).scores.total).toBe(
        expected,
      );
    }
    expect(classifier.classify(events(['demo_completed', 30]), { asOf: AS_OF }).scores.total).toBe(15);
    expect(classifier.classify(events(['demo_completed', 60]), { asOf: AS_OF }).scores.total).toBe(7.5);
  });

  it('once with decay uses the most recent event; repeat decays each', () => {
    const lead = events(['demo_completed', 60], ['demo_completed', 30], ['demo_completed', 90]);
    const once = scorer({
      rules: [{ id: 'd', points: 40, event: 'demo_completed', halfLife: { days: 30 } }],
    });
    expect(once.classify(lead, { asOf: AS_OF }).scores.total).toBe(20);
    const two = scorer({
      rules: [{ id: 'd', points: 40, event: 'demo_completed', halfLife: 'P30D', repeat: { max: 2 } }],
    });
    expect(two.classify(lead, { asOf: AS_OF }).scores.total).toBe(30); // 20 + 10: the two most recent
  });

  it('repeat with decay takes the most recent events whatever order the lead lists them in', () => {
    const two = scorer({
      rules: [{ id: 'd', points: 40, event: 'demo_completed', halfLife: { days: 30 }, repeat: { max: 2 } }],
    });
    // oldest first, as many CRMs export activities: the first two listed are the two oldest
    const oldestFirst = events(['demo_completed', 90], ['demo_completed', 60], ['demo_completed', 30]);
    const result = two.classify(oldestFirst, { asOf: AS_OF });
    expect(result.scores.total).toBe(30); // 20 (30 days) + 10 (60 days), not 10 + 5
    expect(result.ledger).toEqual([{ rule: 'd', points: 30, events: 2 }]);
  });

  it('rounds at the end, not during accumulation', () => {
    // three events of 10 points at a third of a half-life: 3 × 7.937005… = 23.811…; rounding each first gives 23.82
    const classifier = scorer({
      rules: [{ id: 'e', points: 10, event: 'x', halfLife: { days: 3 }, repeat: { max: 3 } }],
    });
    const lead = events(['x', 1], ['x', 1], ['x', 1]);
    expect(classifier.classify(lead, { asOf: AS_OF }).scores.total).toBe(
      Math.round(3 * 10 * 0.5 ** (1 / 3) * 100) / 100,
    );
    expect(classifier.classify(lead, { asOf: AS_OF }).scores.total).toBe(23.81);
  });

  it('takes negative points', () => {
    const classifier = scorer({
      rules: [
        { id: 'webinar', points: 5, event: 'webinar_attended' },
        { id: 'careers', points: -10, event: 'careers_page_viewed', withinLast: { days: 30 } },
      ],
    });
    expect(
      classifier.classify(events(['webinar_attended', 1], ['careers_page_viewed', 2]), { asOf: AS_OF }).scores
        .total,
    ).toBe(-5);
    expect(
      classifier.classify(events(['webinar_attended', 1], ['careers_page_viewed', 40]), { asOf: AS_OF })
        .scores.total,
    ).toBe(5);
  });

  it('caps per rule, per group and on the total, and the ledger adds up', () => {
    const classifier = scorer({
      groups: { engagement: { min: 0, max: 20 }, fit: { max: 40 } },
      max: 30,
      rules: [
        {
          id: 'webinars',
          group: 'engagement',
          points: 8,
          event: 'webinar_attended',
          repeat: { max: 10 },
          max: 16,
        },
        { id: 'demo', group: 'engagement', points: 10, event: 'demo_completed' },
        { id: 'careers', group: 'engagement', points: -50, event: 'careers_page_viewed' },
        { id: 'vp', group: 'fit', points: 15, when: { fact: 'contact.seniority', eq: 'vp' } },
      ],
    });
    const busy = classifier.classify(
      {
        contact: { seniority: 'vp' },
        ...events(
          ['webinar_attended', 1],
          ['webinar_attended', 2],
          ['webinar_attended', 3],
          ['demo_completed', 1],
        ),
      },
      { asOf: AS_OF },
    );
    // webinars 24 → rule cap 16; engagement 26 → group cap 20; total 35 → cap 30
    expect(busy.scores).toEqual({ total: 30, engagement: 20, fit: 15 });
    expect(busy.ledger).toEqual([
      { rule: 'webinars', group: 'engagement', points: 16, events: 3 },
      { rule: 'demo', group: 'engagement', points: 10, events: 1 },
      { rule: 'vp', group: 'fit', points: 15 },
      { rule: 'cap:engagement', group: 'engagement', points: -6 },
      { rule: 'cap:total', points: -5 },
    ]);
    expect(busy.ledger.reduce((sum, entry) => sum + entry.points, 0)).toBe(busy.scores.total);

    const jobSeeker = classifier.classify(events(['careers_page_viewed', 1]), { asOf: AS_OF });
    expect(jobSeeker.scores).toEqual({ total: 0, engagement: 0, fit: 0 });
    expect(jobSeeker.ledger).toEqual([
      { rule: 'careers', group: 'engagement', points: -50, events: 1 },
      { rule: 'cap:engagement', group: 'engagement', points: 50 },
    ]);
  });

  it('filters scored events with where', () => {
    const classifier = scorer({
      rules: [
        { id: 'enterprise', points: 7, event: 'pricing_page_viewed', where: { plan: { eq: 'enterprise' } } },
      ],
    });
    const lead = { events: [{ type: 'pricing_page_viewed', at: daysAgo(1), props: { plan: 'starter' } }] };
    expect(classifier.classify(lead, { asOf: AS_OF }).scores.total).toBe(0);
    lead.events.push({ type: 'pricing_page_viewed', at: daysAgo(2), props: { plan: 'enterprise' } });
    expect(classifier.classify(lead, { asOf: AS_OF }).scores.total).toBe(7);
  });

  it('ignores future events in scores too', () => {
    const classifier = scorer({ rules: [{ id: 'demo', points: 30, event: 'demo_completed' }] });
    const result = classifier.classify(events(['demo_completed', -1]), { asOf: AS_OF });
    expect(result.scores.total).toBe(0);
    expect(result.flags).toEqual(['future_events_ignored']);
  });
});

describe('decay at the edges of time', () => {
  // going back a half-life from an asOf near the earliest instant leaves the range: the rate comes from the
  // half-life after asOf, so the score is a number (it was NaN: null in JSON, with a phantom cap line)
  it('keeps scores finite when asOf is an hour after the earliest representable instant', () => {
    const config = {
      version: 1,
      id: 'edge',
      criteria: {},
      scoring: {
        rules: [
          { id: 'demo', points: 10, event: 'demo_completed', halfLife: { days: 1 } },
          {
            id: 'webinar',
            points: 4,
            event: 'webinar_attended',
            halfLife: { months: 1 },
            repeat: { max: 3 },
          },
        ],
      },
      stages: [{ id: 'A', when: { score: 'total', gte: 5 } }, { id: 'B' }],
    } as const;
    const asOf = -8.64e15 + 3_600_000;
    const lead = {
      events: [
        { type: 'demo_completed', at: -8.64e15 },
        { type: 'webinar_attended', at: -8.64e15 },
        { type: 'webinar_attended', at: -8.64e15 + 1_000 },
      ],
    };
    for (const classifier of [compile(config), compile(config, { codegen: true })]) {
      const result = classifier.classify(lead, { asOf });
      expect(Number.isFinite(result.scores.total), classifier.mode).toBe(true);
      // an hour into a one-day half-life: 10 × 2^(-1/24)
      expect(result.ledger.map((line) => line.rule)).toEqual(['demo', 'webinar']);
      expect(result.ledger[0]?.points).toBeCloseTo(10 * 2 ** (-1 / 24), 1);
      expect(classifier.stage(lead, { asOf })).toBe('A');
    }
  });
});
