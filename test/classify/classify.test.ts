import { describe, expect, it } from 'vitest';
import { classify, compile, presets } from '../../src/index';

const AS_OF = '2026-06-30T12:00:00Z';

const config = {
  version: 1,
  id: 'mini',
  criteria: {
    budget: {
      label: { en: 'Budget', it: 'Budget' },
      dimension: 'budget',
      hint: { en: 'Ask for budget', it: 'Chiedi il budget' },
      when: { fact: 'budget.amount', gte: 1000 },
    },
    demo: { label: 'Demo done', when: { event: 'demo_completed', withinLast: { days: 30 } } },
    competitor: { when: { fact: 'company.isCompetitor', eq: true } },
  },
  scoring: {
    groups: { engagement: { max: 50 } },
    rules: [{ id: 'demo', label: 'Demo', group: 'engagement', points: 30, event: 'demo_completed' }],
  },
  stages: [
    { id: 'out', exit: true, when: { criterion: 'competitor' } },
    {
      id: 'SQO',
      label: { en: 'Qualified', it: 'Qualificato' },
      when: {
        all: [
          { criterion: 'budget' },
          { criterion: 'demo' },
          { fact: 'timeline.purchaseBy', withinNext: { days: 90 } },
        ],
      },
      followUp: { within: { hours: 24 } },
      actions: [{ en: 'Call', it: 'Chiama' }],
    },
    { id: 'SAL', when: { score: 'engagement', gte: 10 }, actions: ['Nurture'] },
    { id: 'unqualified' },
  ],
};

const demoLead = { id: 'L-7', events: [{ type: 'demo_completed', at: '2026-06-20T10:00:00Z' }] };

describe('classify', () => {
  it('returns the full result, field for field', () => {
    const result = classify(demoLead, config, { asOf: AS_OF });
    expect(result).toEqual({
      leadId: 'L-7',
      stage: 'SAL',
      stageLabel: 'SAL',
      asOf: '2026-06-30T12:00:00.000Z',
      locale: 'en',
      config: { id: 'mini', version: 1, hash: expect.stringMatching(/^[0-9a-f]{28}$/) },
      scores: { total: 30, engagement: 30 },
      criteria: {
        budget: {
          status: 'unknown',
          label: 'Budget',
          dimension: 'budget',
          hint: 'Ask for budget',
          facts: [{ path: 'budget.amount', expected: { gte: 1000 } }],
        },
        demo: {
          status: 'met',
          label: 'Demo done',
          facts: [
            {
              path: 'events[demo_completed]',
              value: 1,
              expected: { count: { gte: 1 }, withinLast: { days: 30 } },
            },
          ],
        },
        competitor: {
          status: 'unknown',
          label: 'competitor',
          facts: [{ path: 'company.isCompetitor', expected: { eq: true } }],
          knockOut: true,
        },
      },
      stages: [
        { id: 'out', status: 'unknown', exit: true },
        { id: 'SQO', status: 'unknown' },
        { id: 'SAL', status: 'met' },
        { id: 'unqualified', status: 'met' },
      ],
      next: {
        stage: 'SQO',
        label: 'Qualified',
        status: 'unknown',
        blockers: [
          {
            criterion: 'budget',
            label: 'Budget',
            status: 'unknown',
            hint: 'Ask for budget',
            facts: ['budget.amount'],
          },
          {
            label: 'timeline.purchaseBy withinNext 90 days',
            status: 'unknown',
            facts: ['timeline.purchaseBy'],
          },
        ],
      },
      ledger: [{ rule: 'demo', label: 'Demo', group: 'engagement', points: 30, events: 1 }],
      actions: ['Nurture'],
      flags: [],
    });
  });

  it('is plain JSON, byte for byte the same for the same inputs', () => {
    const first = classify(demoLead, config, { asOf: AS_OF });
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    expect(
      JSON.stringify(
        classify(structuredClone(demoLead), structuredClone(config), { asOf: Date.parse(AS_OF) }),
      ),
    ).toBe(JSON.stringify(first));
  });

  it('localizes labels, hints and actions', () => {
    const lead = { ...demoLead, budget: { amount: 5000 }, timeline: { purchaseBy: '2026-08-01' } };
    const result = classify(lead, config, { asOf: AS_OF, locale: 'it' });
    expect(result.stage).toBe('SQO');
    expect(result.stageLabel).toBe('Qualificato');
    expect(result.actions).toEqual(['Chiama']);
    expect(result.criteria.budget?.hint).toBe('Chiedi il budget');
    expect(classify(lead, config, { asOf: AS_OF, locale: 'it-CH' }).actions).toEqual(['Chiama']);
    expect(classify(lead, config, { asOf: AS_OF, locale: 'de' }).actions).toEqual(['Call']);
  });

  it('sets followUpBy from asOf and the stage’s followUp', () => {
    const lead = { ...demoLead, budget: { amount: 5000 }, timeline: { purchaseBy: '2026-08-01' } };
    expect(classify(lead, config, { asOf: AS_OF }).followUpBy).toBe('2026-07-01T12:00:00.000Z');
    expect(classify(demoLead, config, { asOf: AS_OF }).followUpBy).toBeUndefined();
  });

  it('has no next stage at the top or on an exit', () => {
    const top = classify(
      { ...demoLead, budget: { amount: 5000 }, timeline: { purchaseBy: '2026-08-01' } },
      config,
      { asOf: AS_OF },
    );
    expect(top.next).toBeUndefined();
    const out = classify({ company: { isCompetitor: true } }, config, { asOf: AS_OF });
    expect(out.stage).toBe('out');
    expect(out.next).toBeUndefined();
  });

  it('lists unmet blockers to check, not only unknown ones', () => {
    const result = classify({ events: [], budget: { amount: 10 } }, config, { asOf: AS_OF });
    expect(result.stage).toBe('unqualified');
    expect(result.next?.stage).toBe('SAL');
    expect(result.next?.blockers).toEqual([
      { label: 'score engagement ≥ 10', status: 'unmet', facts: ['scores.engagement'] },
    ]);
  });

  it('lists a criterion or leaf that blocks the next stage once, however often the stage names it', () => {
    const repeated = {
      version: 1,
      id: 'repeated',
      criteria: { budget: { hint: 'Ask for budget', when: { fact: 'budget.amount', gte: 1000 } } },
      stages: [
        {
          id: 'SQO',
          when: {
            all: [
              { criterion: 'budget' },
              { any: [{ criterion: 'budget' }, { fact: 'need.severity', eq: 'high' }] },
              { fact: 'need.severity', eq: 'high' },
            ],
          },
        },
        { id: 'unqualified' },
      ],
    };
    const result = classify({}, repeated, { asOf: AS_OF });
    expect(result.next?.blockers).toEqual([
      {
        criterion: 'budget',
        label: 'budget',
        status: 'unknown',
        hint: 'Ask for budget',
        facts: ['budget.amount'],
      },
      { label: 'need.severity = "high"', status: 'unknown', facts: ['need.severity'] },
    ]);
  });

  it('hashes the config independently of key order', () => {
    const reordered = JSON.parse(JSON.stringify(config, Object.keys(config).reverse()));
    const shuffled = {
      stages: config.stages,
      scoring: config.scoring,
      criteria: config.criteria,
      id: 'mini',
      version: 1,
    };
    expect(compile(shuffled).hash).toBe(compile(config).hash);
    expect(Object.keys(reordered)).not.toEqual(Object.keys(config));
    expect(compile({ ...config, id: 'other' }).hash).not.toBe(compile(config).hash);
    // examples are tests of the rules, not rules: they do not change the hash
    let deep: Record<string, unknown> = {};
    for (let level = 0; level < 100_000; level++) deep = { deeper: deep };
    const withExamples = {
      ...config,
      examples: [{ name: 'deep', asOf: AS_OF, lead: deep, expect: { stage: 'unqualified' } }],
    };
    expect(compile(withExamples).hash).toBe(compile(config).hash);
  });

  it('caches compiled configs by identity', () => {
    const copy = structuredClone(presets.saas);
    const first = classify({}, copy, { asOf: AS_OF });
    // mutating a cached config does not recompile it: configs are treated as immutable
    (copy as { id: string }).id = 'changed';
    expect(classify({}, copy, { asOf: AS_OF }).config.id).toBe(first.config.id);
    expect(classify({}, structuredClone(copy), { asOf: AS_OF }).config.id).toBe('changed');
  });

  it('takes a compiled classifier too', () => {
    const classifier = compile(config);
    expect(classify(demoLead, classifier, { asOf: AS_OF })).toEqual(
      classifier.classify(demoLead, { asOf: AS_OF }),
    );
  });

  it('carries nothing over from one lead to the next', () => {
    const classifier = compile(config);
    const busy = {
      events: [
        { type: 'demo_completed', at: '2026-06-20T10:00:00Z' },
        { type: 'demo_completed', at: '2026-06-21T10:00:00Z' },
      ],
    };
    expect(classifier.classify(busy, { asOf: AS_OF }).criteria.demo?.facts[0]?.value).toBe(2);
    expect(classifier.classify({ events: [] }, { asOf: AS_OF }).criteria.demo).toMatchObject({
      status: 'unmet',
      facts: [{ value: 0 }],
    });
    expect(classifier.classify({}, { asOf: AS_OF }).criteria.demo?.status).toBe('unknown');
    expect(classifier.classify(busy, { asOf: AS_OF }).scores.total).toBe(30);
  });

  it('flags the events it reads, and skips types the config never reads', () => {
    const lead = {
      events: [
        { type: 'demo_completed', at: 'soon' },
        { type: 'email_clicked', at: 'whenever' },
        { type: 'demo_completed', at: '2027-01-01' },
      ],
    };
    expect(classify(lead, config, { asOf: AS_OF }).flags).toEqual([
      'invalid_date:events[0].at',
      'future_events_ignored',
    ]);
  });

  it('reports lead values as plain JSON, never aliasing the lead', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const lead = {
      budget: { amount: Number.NaN },
      company: { isCompetitor: cyclic },
      timeline: { purchaseBy: new Date('2026-08-01T00:00:00Z') },
    };
    const result = classify(lead, config, { asOf: AS_OF });
    expect(result.criteria.budget?.facts[0]).toEqual({
      path: 'budget.amount',
      value: 'NaN',
      expected: { gte: 1000 },
    });
    const competitor = result.criteria.competitor?.facts[0]?.value as Record<string, unknown>;
    expect(competitor.a).toBe(1);
    expect(competitor).not.toBe(cyclic);
    expect(() => JSON.stringify(result)).not.toThrow();
    expect(result.stages[1]?.status).toBe('unknown');
  });

  it('shares nothing mutable between results, and never freezes the caller’s config', () => {
    const mine = structuredClone(config);
    const classifier = compile(mine);
    const first = classifier.classify({}, { asOf: AS_OF });
    expect(() => {
      (first.criteria.budget?.facts[0]?.expected as { gte: number }).gte = 1;
    }).toThrow(TypeError);
    const leafFacts = first.next?.blockers[0]?.facts as string[];
    expect(leafFacts).toEqual(['scores.engagement']);
    expect(() => leafFacts.push('x')).toThrow(TypeError);
    // shared parts are frozen: a criterion that found nothing, the actions of a stage
    expect(() => {
      (first.actions as string[]).length = 0;
    }).toThrow(TypeError);
    expect(() => {
      (first.criteria.budget as { status: string }).status = 'met';
    }).toThrow(TypeError);
    const second = classifier.classify({}, { asOf: AS_OF });
    expect(second.criteria.budget?.facts[0]?.expected).toEqual({ gte: 1000 });
    expect(Object.isFrozen(mine.criteria.budget.when)).toBe(false);
    expect(Object.isFrozen(first.config) && Object.isFrozen(first.stages[0])).toBe(true);
    expect(second.stages).not.toBe(first.stages);
  });

  it('never throws on lead data', () => {
    const classifier = compile(presets.saas);
    for (const lead of [
      null,
      undefined,
      42,
      'x',
      [],
      { events: 'x' },
      { events: [null, 1, { type: 3 }] },
      { budget: { amount: {} } },
      Object.create(null),
    ]) {
      expect(() => classifier.classify(lead, { asOf: AS_OF })).not.toThrow();
    }
  });

  it('refuses an unknown detail level, naming it', () => {
    const classifier = compile(presets.saas);
    // @ts-expect-error not a detail level
    expect(() => classifier.classify({}, { asOf: AS_OF, detail: 'stage' })).toThrow(
      /detail must be 'full' or 'statuses', received the string "stage"/,
    );
    expect(() => classifier.stage({}, {} as never)).toThrow(/asOf/);
  });

  it('requires asOf', () => {
    // @ts-expect-error asOf is required
    expect(() => classify({}, config, {})).toThrow(/asOf/);
  });
});

describe('criterion status in conditions', () => {
  const ladder = {
    version: 1,
    id: 'needs-data',
    criteria: {
      budget: { hint: 'Ask for the budget', when: { fact: 'budget.amount', gte: 10000 } },
      demo: { when: { event: 'demo_completed', withinLast: { days: 60 } } },
    },
    stages: [
      { id: 'SQO', when: { all: [{ criterion: 'budget' }, { criterion: 'demo' }] } },
      // a "needs data" rung: the demo happened, nobody asked about the budget yet
      { id: 'needs_data', when: { all: [{ criterion: 'demo' }, { criterion: 'budget', is: 'unknown' }] } },
      { id: 'SAL', when: { criterion: 'demo' } },
      { id: 'unqualified' },
    ],
  };
  const demo = [{ type: 'demo_completed', at: '2026-06-20' }];

  it('tests a status and is never unknown itself', () => {
    expect(classify({ events: demo }, ladder, { asOf: AS_OF }).stage).toBe('needs_data');
    expect(classify({ events: demo, budget: { amount: 100 } }, ladder, { asOf: AS_OF }).stage).toBe('SAL');
    expect(classify({ events: demo, budget: { amount: 50000 } }, ladder, { asOf: AS_OF }).stage).toBe('SQO');
    const result = classify({ events: [] }, ladder, { asOf: AS_OF });
    expect(result.stage).toBe('unqualified');
    // with the demo unmet the rung is unmet, not unknown, though the budget is unknown
    expect(result.stages.find((stage) => stage.id === 'needs_data')?.status).toBe('unmet');
  });

  it('is checked: only met, unmet or unknown', () => {
    const config = {
      ...ladder,
      stages: [{ id: 'x', when: { criterion: 'budget', is: 'maybe' } }, { id: 'rest' }],
    };
    expect(() => compile(config)).toThrow(
      /stages\[0\]\.when\.is: not a status; expected one of met, unmet, unknown/,
    );
  });

  it('names the test in blockers', () => {
    const result = classify(
      { events: demo, budget: { amount: 50000 } },
      { ...ladder, stages: [ladder.stages[1], { id: 'rest' }] },
      { asOf: AS_OF },
    );
    expect(result.stage).toBe('rest');
    expect(result.next?.blockers.map((blocker) => blocker.label)).toEqual(['criterion budget is unknown']);
  });
});

describe('blockers that can help', () => {
  const bant = {
    version: 1,
    id: 'three-of',
    criteria: {
      a: { when: { fact: 'a', eq: true } },
      b: { when: { fact: 'b', eq: true } },
      t: { hint: 'Ask the timeline', when: { fact: 't', eq: true } },
    },
    stages: [
      { id: 'SQO', when: { atLeast: 2, of: [{ criterion: 'a' }, { criterion: 'b' }, { criterion: 't' }] } },
      { id: 'SAL' },
    ],
  };

  it('lists an unknown that cannot reach the stage on its own apart, not among the blockers', () => {
    const next = classify({ a: false, b: false }, bant, { asOf: AS_OF }).next;
    expect(next?.status).toBe('unmet');
    expect(next?.blockers.map((blocker) => [blocker.criterion, blocker.status])).toEqual([
      ['a', 'unmet'],
      ['b', 'unmet'],
    ]);
    expect(next?.later?.map((blocker) => [blocker.criterion, blocker.hint])).toEqual([
      ['t', 'Ask the timeline'],
    ]);
  });

  it('keeps unknowns among the blockers while an answer could still reach the stage', () => {
    const next = classify({ a: true, b: false }, bant, { asOf: AS_OF }).next;
    expect(next?.status).toBe('unknown');
    expect(next?.blockers.map((blocker) => [blocker.criterion, blocker.status])).toEqual([
      ['b', 'unmet'],
      ['t', 'unknown'],
    ]);
    expect(next).not.toHaveProperty('later');
  });
});
