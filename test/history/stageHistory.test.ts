import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, lintConfig, presets, stageHistory, summarizeHistories } from '../../src/index';
import { leadShaped } from '../classify/arbitraries';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);

/** SQO when a demo, a pricing talk and a proposal all came within 30 days; SAL on any of them. */
const signals = {
  version: 1,
  id: 'signals',
  criteria: {
    demo: { when: { event: 'demo_completed', withinLast: { days: 30 } } },
    pricing: { when: { event: 'pricing_discussed', withinLast: { days: 30 } } },
    proposal: { when: { event: 'proposal_requested', withinLast: { days: 30 } } },
  },
  stages: [
    {
      id: 'SQO',
      when: { all: [{ criterion: 'demo' }, { criterion: 'pricing' }, { criterion: 'proposal' }] },
      followUp: { within: { hours: 24 }, events: ['call_connected', 'meeting_held'] },
    },
    {
      id: 'SAL',
      when: { any: [{ criterion: 'demo' }, { criterion: 'pricing' }, { criterion: 'proposal' }] },
    },
    { id: 'unqualified' },
  ],
};

describe('stageHistory', () => {
  const lead = {
    id: 'acme',
    createdAt: '2026-03-01T00:00:00Z',
    events: [
      { type: 'demo_completed', at: '2026-03-02T10:00:00Z' },
      { type: 'pricing_discussed', at: '2026-03-05T14:30:00Z' },
      { type: 'proposal_requested', at: '2026-03-09T16:45:12.345Z' },
      { type: 'call_connected', at: '2026-03-10T09:00:00Z' },
    ],
  };

  it('enters SQO when the last signal arrives and leaves it when the first one expires', () => {
    const history = stageHistory(lead, signals, { asOf: '2026-06-01' });
    expect(history.segments.map(({ stage, from, to }) => [stage, from, to])).toEqual([
      ['unqualified', '2026-03-01T00:00:00.000Z', '2026-03-02T10:00:00.000Z'],
      ['SAL', '2026-03-02T10:00:00.000Z', '2026-03-09T16:45:12.345Z'],
      // the demo counts until 30 days after it, to the millisecond
      ['SQO', '2026-03-09T16:45:12.345Z', '2026-04-01T10:00:00.001Z'],
      ['SAL', '2026-04-01T10:00:00.001Z', '2026-04-08T16:45:12.346Z'],
      ['unqualified', '2026-04-08T16:45:12.346Z', undefined],
    ]);
    expect(history.segments[2]?.reason).toEqual({
      criteria: [{ criterion: 'proposal', from: 'unmet', to: 'met' }],
    });
    expect(history.segments[3]?.reason).toEqual({
      criteria: [{ criterion: 'demo', from: 'met', to: 'unmet' }],
    });
    expect(history).toMatchObject({
      leadId: 'acme',
      stage: 'unqualified',
      stageSince: '2026-04-08T16:45:12.346Z',
    });
    expect(history.segments.reduce((sum, segment) => sum + segment.ms, 0)).toBe(
      at('2026-06-01') - at('2026-03-01'),
    );
  });

  it('says whether each entry into a stage was followed up in time', () => {
    const [met] = stageHistory(lead, signals, { asOf: '2026-06-01' }).segments.filter(
      (s) => s.stage === 'SQO',
    );
    expect(met?.followUp).toEqual({
      due: '2026-03-10T16:45:12.345Z',
      status: 'met',
      at: '2026-03-10T09:00:00.000Z',
    });

    const late = {
      ...lead,
      events: [...lead.events.slice(0, 3), { type: 'meeting_held', at: '2026-03-11T16:45:12.345Z' }],
    };
    const [breached] = stageHistory(late, signals, { asOf: '2026-06-01' }).segments.filter(
      (s) => s.stage === 'SQO',
    );
    expect(breached?.followUp).toEqual({
      due: '2026-03-10T16:45:12.345Z',
      status: 'breached',
      at: '2026-03-11T16:45:12.345Z',
      overdueMs: DAY,
    });

    const none = { ...lead, events: lead.events.slice(0, 3) };
    const open = stageHistory(none, signals, { asOf: '2026-03-10T00:00:00Z' });
    expect(open.segments.at(-1)?.followUp).toEqual({ due: '2026-03-10T16:45:12.345Z', status: 'open' });
    // followUpBy counts from the entry into SQO, not from asOf
    expect(open.followUpBy).toBe('2026-03-10T16:45:12.345Z');
    const never = stageHistory(none, signals, { asOf: '2026-03-12T16:45:12.345Z' });
    expect(never.segments.at(-1)?.followUp).toEqual({
      due: '2026-03-10T16:45:12.345Z',
      status: 'breached',
      overdueMs: 2 * DAY,
    });
  });

  it('finds the second a decaying score crosses a threshold', () => {
    const decaying = {
      version: 1,
      id: 'decay',
      criteria: {},
      scoring: { rules: [{ id: 'clicks', points: 20, event: 'email_clicked', halfLife: { days: 7 } }] },
      stages: [{ id: 'SAL', when: { score: 'total', gte: 10 } }, { id: 'unqualified' }],
    };
    const clicked = {
      createdAt: '2026-05-01T00:00:00Z',
      events: [{ type: 'email_clicked', at: '2026-05-01T08:00:00Z' }],
    };
    const history = stageHistory(clicked, decaying, { asOf: '2026-06-01' });
    expect(history.segments.map((segment) => segment.stage)).toEqual(['unqualified', 'SAL', 'unqualified']);
    const left = at(history.segments[2]?.from as string);
    const classifier = compile(decaying);
    expect(classifier.stage(clicked, { asOf: left - 1 })).toBe('SAL');
    expect(classifier.stage(clicked, { asOf: left })).toBe('unqualified');
    // 20 points halve to 10 after 7 days; the score is kept to cents, so it reads 10.00 a little longer
    expect(left - at('2026-05-08T08:00:00Z')).toBeGreaterThan(0);
    expect(left - at('2026-05-08T08:00:00Z')).toBeLessThan(60 * 60 * 1000);
  });

  it('gives the codes of the reasons a lead fell back', () => {
    const config = {
      version: 1,
      id: 'recycling',
      criteria: {
        timeline: { reason: 'BAD_TIMING', when: { fact: 'timeline.purchaseBy', withinNext: { days: 90 } } },
        engaged: { when: { event: 'webinar_attended', withinLast: { days: 365 } } },
      },
      stages: [
        { id: 'SQO', when: { all: [{ criterion: 'timeline' }, { criterion: 'engaged' }] } },
        { id: 'recycled', exit: true, reason: 'RECYCLED', when: { criterion: 'timeline', is: 'unmet' } },
        { id: 'SAL', when: { criterion: 'engaged' } },
        { id: 'unqualified' },
      ],
    };
    const buyer = {
      createdAt: '2026-01-01',
      timeline: { purchaseBy: '2026-06-30' },
      events: [{ type: 'webinar_attended', at: '2026-01-10' }],
    };
    const history = stageHistory(buyer, config, { asOf: '2026-08-01' });
    expect(history.segments.map(({ stage, from }) => [stage, from])).toEqual([
      ['recycled', '2026-01-01T00:00:00.000Z'],
      ['SQO', '2026-04-01T00:00:00.000Z'], // 90 days before the purchase date
      ['recycled', '2026-06-30T00:00:00.001Z'], // the purchase date has passed
    ]);
    expect(history.segments[2]?.reason).toEqual({
      criteria: [{ criterion: 'timeline', from: 'met', to: 'unmet' }],
      codes: ['BAD_TIMING', 'RECYCLED'],
    });
  });

  it('agrees with classify inside every segment and at its edges, for every preset', () => {
    const classifiers = Object.values(presets).map((preset) => compile(preset));
    const start = at('2025-01-01');
    const end = at('2027-01-01');
    fc.assert(
      fc.property(
        leadShaped,
        fc.array(fc.integer({ min: start, max: end }), { maxLength: 5 }),
        (lead, instants) => {
          for (const classifier of classifiers) {
            const history = stageHistory(lead, classifier, { asOf: end, from: start });
            const segments = history.segments.map((segment) => ({
              stage: segment.stage,
              from: at(segment.from),
              to: segment.to === undefined ? end + 1 : at(segment.to),
            }));
            for (const [index, segment] of segments.entries()) {
              expect(classifier.stage(lead, { asOf: segment.from })).toBe(segment.stage);
              expect(classifier.stage(lead, { asOf: segment.to - 1 })).toBe(segment.stage);
              if (index > 0) expect(segment.stage).not.toBe(segments[index - 1]?.stage);
            }
            for (const instant of instants) {
              const covering = segments.find((segment) => segment.from <= instant && instant < segment.to);
              expect(classifier.stage(lead, { asOf: instant })).toBe(covering?.stage);
            }
            expect(history.stage).toBe(classifier.stage(lead, { asOf: end }));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is the same in every time zone, across a DST change and 29 February', () => {
    const leap = {
      createdAt: '2028-02-20',
      events: [
        { type: 'demo_completed', at: '2028-02-29T23:30:00Z' },
        { type: 'pricing_discussed', at: '2028-03-12T07:30:00Z' }, // the night the US changes to summer time
        { type: 'proposal_requested', at: '2028-03-26T01:30:00Z' }, // the night Europe does
      ],
    };
    const saved = process.env.TZ;
    const histories = ['UTC', 'America/New_York', 'Europe/Rome', 'Pacific/Kiritimati'].map((zone) => {
      process.env.TZ = zone;
      return JSON.stringify(stageHistory(leap, signals, { asOf: '2028-05-01' }));
    });
    process.env.TZ = saved;
    expect(new Set(histories).size).toBe(1);
    expect(JSON.parse(histories[0] as string).segments[1].to).toBe('2028-03-26T01:30:00.000Z');
  });

  it('refuses a start after asOf, and an invalid one', () => {
    expect(() => stageHistory(lead, signals, { asOf: '2026-01-01', from: '2026-02-01' })).toThrow(
      /from must not be after asOf/,
    );
    expect(() => stageHistory(lead, signals, { asOf: '2026-01-01', from: 'soon' })).toThrow(/options.from/);
  });
});

describe('summarizeHistories', () => {
  it('gives time in stage, time to each stage and SLA counts', () => {
    const base = Date.parse('2026-03-01T00:00:00Z');
    const leadAfter = (days: number, followUp?: string) => ({
      createdAt: '2026-03-01T00:00:00Z',
      events: [
        { type: 'demo_completed', at: new Date(base + days * DAY).toISOString() },
        { type: 'pricing_discussed', at: new Date(base + days * DAY).toISOString() },
        { type: 'proposal_requested', at: new Date(base + (days + 1) * DAY).toISOString() },
        ...(followUp === undefined ? [] : [{ type: 'call_connected', at: followUp }]),
      ],
    });
    const histories = [
      leadAfter(1, '2026-03-03T12:00:00Z'), // SQO on 3 March, called within 24 h: met
      leadAfter(3, '2026-03-09T00:00:00Z'), // SQO on 5 March, called 4 days later: breached
      leadAfter(5), // SQO on 7 March, never called: breached
    ].map((lead) => stageHistory(lead, signals, { asOf: '2026-06-01' }));
    const summary = summarizeHistories(histories);
    expect(summary.leads).toBe(3);
    expect(summary.timeTo.SQO).toMatchObject({ count: 3, min: 2 * DAY, median: 4 * DAY, max: 6 * DAY });
    expect(summary.timeTo.unqualified).toMatchObject({ count: 3, max: 0 });
    // every SQO stay lasted until the demo and pricing talk expired: 29 days after the proposal's day
    expect(summary.stages.SQO).toMatchObject({
      entries: 3,
      current: 0,
      followUp: { met: 1, breached: 2, open: 0, due: 0 },
    });
    expect(summary.stages.SQO?.time).toMatchObject({ count: 3, min: 29 * DAY + 1, max: 29 * DAY + 1 });
    expect(summary.stages.unqualified).toMatchObject({ entries: 6, current: 3 });
    expect(() => summarizeHistories([{} as never])).toThrow(/item 0 is not a stage history/);
  });
});

describe('the lint of follow-up events', () => {
  it('warns on a follow-up event type that is neither canonical nor declared', () => {
    const warnings = lintConfig({
      ...signals,
      stages: [
        { ...signals.stages[0], followUp: { within: { hours: 24 }, events: ['demo_complted'] } },
        ...signals.stages.slice(1),
      ],
    }).warnings;
    expect(warnings.map((warning) => [warning.code, warning.path])).toContainEqual([
      'unknown_event',
      ['stages', 0, 'followUp', 'events', 0],
    ]);
    expect(warnings.find((warning) => warning.path.includes('followUp'))?.fix).toBe(
      'did you mean "demo_completed"? If not, declare it in "events"',
    );
  });
});
