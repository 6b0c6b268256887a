// A fixture of accounts made for the purpose: several contacts each, mixed roles, one account where nobody's
// role is known. Every stage, blocker and buying group below is computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { type AccountInput, type Config, ConfigError, classifyAccount, compile } from '../../src/index';

const asOf = '2026-06-30';

// Members are classified by this lead config first.
// lead stage: SQO = budget approved/allocated AND a demo; SAL = a webinar or a demo; else `new`.
// engagement: 40 for a demo, 10 per webinar (up to 3).
const leadConfig: Config = {
  version: 1,
  id: 'lead',
  criteria: { budget: { when: { fact: 'budget.status', in: ['allocated', 'approved'] } } },
  scoring: {
    groups: { engagement: { max: 100 } },
    rules: [
      { id: 'demo', group: 'engagement', points: 40, event: 'demo_completed' },
      { id: 'webinar', group: 'engagement', points: 10, event: 'webinar_attended', repeat: { max: 3 } },
    ],
  },
  stages: [
    { id: 'SQO', when: { all: [{ criterion: 'budget' }, { event: 'demo_completed' }] } },
    { id: 'SAL', when: { event: ['webinar_attended', 'demo_completed'] } },
    { id: 'new' },
  ],
};

const accountConfig: Config = {
  version: 1,
  id: 'accounts',
  level: 'account',
  criteria: {
    group: { label: 'Buying group', when: { roles: { require: ['decision_maker', 'champion'] } } },
    engaged: {
      label: 'Two engaged members',
      when: { members: { where: { event: ['demo_completed', 'webinar_attended'] }, count: { gte: 2 } } },
    },
    budget: { label: 'A member with a budget', when: { members: { where: { criterion: 'budget' } } } },
    heat: { label: 'Engagement adds up to 50', when: { members: { score: 'engagement', sum: { gte: 50 } } } },
    champion_sql: { label: 'An SQO member', when: { members: { stage: 'SQO' } } },
  },
  stages: [
    { id: 'SQO', when: { all: [{ criterion: 'group' }, { criterion: 'engaged' }, { criterion: 'budget' }] } },
    { id: 'SAL', when: { criterion: 'engaged' } },
    { id: 'cold' },
  ],
};

const webinar = (at: string) => ({ type: 'webinar_attended', at });
const demo = (at: string) => ({ type: 'demo_completed', at });

const run = (account: AccountInput) => classifyAccount(account, accountConfig, { asOf, leadConfig });

describe('classifyAccount on a hand-computed fixture', () => {
  it('Nuvola SpA: the whole buying group, engaged, with a budget → SQO', () => {
    const result = run({
      id: 'Nuvola SpA',
      members: [
        // lead: budget approved, no demo → not SQO; a webinar → SAL; engagement 10
        {
          id: 'a1',
          contact: { name: 'Giulia Neri', title: 'CFO' },
          authority: { role: 'Decision Maker' }, // read as decision_maker
          budget: { status: 'approved' },
          events: [webinar('2026-06-01')],
        },
        // lead: budget none → not SQO; a demo → SAL; engagement 40
        {
          id: 'a2',
          contact: { name: 'Luca Bruni', title: 'VP Sales' },
          authority: { role: 'champion' },
          budget: { status: 'none' },
          events: [demo('2026-06-20')],
        },
        // lead: no events → new; engagement 0; no role, no budget
        { id: 'a3', events: [] },
      ],
    });
    // group: decision_maker held by a1, champion by a2 → met
    // engaged: a1 and a2 did a webinar or demo, a3 did none → 2 of 3, count ≥ 2 → met
    // budget: a1's budget criterion met (a2 unmet, a3 unknown) → at least one → met
    // heat: 10 + 40 + 0 = 50 ≥ 50 → met;  champion_sql: nobody at SQO → unmet
    expect(result.stage).toBe('SQO');
    expect(result.accountId).toBe('Nuvola SpA');
    expect(result.next).toBeUndefined();
    expect(
      Object.fromEntries(Object.entries(result.criteria).map(([id, entry]) => [id, entry.status])),
    ).toEqual({
      group: 'met',
      engaged: 'met',
      budget: 'met',
      heat: 'met',
      champion_sql: 'unmet',
    });
    expect(result.criteria.engaged?.members).toEqual(['a1', 'a2']);
    expect(result.criteria.budget?.members).toEqual(['a1']);
    expect(result.buyingGroup).toEqual({
      required: ['decision_maker', 'champion'],
      present: { decision_maker: ['a1'], champion: ['a2'] },
      missing: [],
      unknown: [],
    });
    expect(result.members).toEqual([
      { id: 'a1', name: 'Giulia Neri', title: 'CFO', roles: ['decision_maker'], stage: 'SAL', score: 10 },
      { id: 'a2', name: 'Luca Bruni', title: 'VP Sales', roles: ['champion'], stage: 'SAL', score: 40 },
      { id: 'a3', stage: 'new', score: 0 },
    ]);
    expect(result.memberCount).toBe(3);
    expect(result.leadConfig.id).toBe('lead');
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('Bianchi Srl: every role known, no decision maker → SAL, blocked by "no decision maker"', () => {
    const result = run({
      id: 'Bianchi Srl',
      members: [
        { id: 'b1', authority: { role: 'champion' }, events: [webinar('2026-06-15')] }, // SAL, 10
        { id: 'b2', authority: { role: 'user' }, events: [webinar('2026-06-16')] }, // SAL, 10
      ],
    });
    // group: decision_maker held by nobody, and both roles are known → unmet (champion: b1)
    // engaged: 2 → met;  budget: nobody's budget is known → count in [0, 2], ≥ 1 → unknown
    // SQO: all(unmet, met, unknown) → unmet;  SAL: engaged → met
    expect(result.stage).toBe('SAL');
    expect(result.criteria.group?.status).toBe('unmet');
    expect(result.criteria.budget?.status).toBe('unknown');
    expect(result.buyingGroup).toEqual({
      required: ['decision_maker', 'champion'],
      present: { champion: ['b1'] },
      missing: ['decision_maker'],
      unknown: [],
    });
    // the unmet group blocks SQO; the unknown budget cannot reach SQO on its own while it does: later
    expect(result.next?.stage).toBe('SQO');
    expect(result.next?.status).toBe('unmet');
    expect(result.next?.blockers).toEqual([
      {
        criterion: 'group',
        label: 'no decision maker',
        status: 'unmet',
        facts: ['authority.role'],
        role: 'decision_maker',
      },
    ]);
    expect(result.next?.later?.map((blocker) => [blocker.criterion, blocker.status])).toEqual([
      ['budget', 'unknown'],
    ]);
  });

  it('Rossi & Co: nobody’s role is known → the role test is unknown: "find the decision maker", not "no …"', () => {
    const result = run({
      id: 'Rossi & Co',
      members: [
        // lead: budget approved and a demo → SQO; 40
        { id: 'r1', budget: { status: 'approved' }, events: [demo('2026-06-25')] },
        // lead: a webinar → SAL; 10; "unknown" is not a role
        { id: 'r2', authority: { role: 'unknown' }, events: [webinar('2026-06-20')] },
      ],
    });
    // group: no role held, and no member's role known → unknown, for both roles
    // engaged: 2 → met;  budget: r1 → met;  heat: 50 → met;  champion_sql: r1 → met
    // SQO: all(unknown, met, met) → unknown;  SAL: met
    expect(result.stage).toBe('SAL');
    expect(result.criteria.group?.status).toBe('unknown');
    expect(result.criteria.champion_sql?.status).toBe('met');
    expect(result.buyingGroup).toEqual({
      required: ['decision_maker', 'champion'],
      present: {},
      missing: [],
      unknown: ['decision_maker', 'champion'],
    });
    expect(result.next?.status).toBe('unknown');
    expect(result.next?.blockers.map((blocker) => [blocker.label, blocker.status])).toEqual([
      ['find the decision maker', 'unknown'],
      ['find the champion', 'unknown'],
    ]);
    expect(result.members.map((member) => [member.id, member.stage, member.score])).toEqual([
      ['r1', 'SQO', 40],
      ['r2', 'SAL', 10],
    ]);
  });

  it('Verdi: a member with no events may or may not count → the count is unknown, the fallback stage', () => {
    const result = run({
      id: 'Verdi',
      members: [
        { id: 'd1', authority: { role: 'decision_maker' }, events: [demo('2026-06-01')] }, // SAL, 40
        { id: 'd2', authority: { role: 'champion' } }, // no events array: unknown to any event test; new, 0
      ],
    });
    // engaged: d1 met, d2 unknown → count in [1, 2]: ≥ 2 may or may not hold → unknown
    // group: met;  budget: nobody's known → unknown;  SQO: all(met, unknown, unknown) → unknown
    // SAL: engaged unknown → not met → cold
    expect(result.criteria.engaged?.status).toBe('unknown');
    expect(result.stage).toBe('cold');
    expect(result.next?.stage).toBe('SAL');
    expect(result.next?.status).toBe('unknown');
    expect(result.buyingGroup.missing).toEqual([]);
  });

  it('count ranges: exactly, at most, and a score that is not known when membership is not', () => {
    const config: Config = {
      version: 1,
      id: 'ranges',
      level: 'account',
      criteria: {
        exactlyOne: { when: { members: { where: { event: 'demo_completed' }, count: { eq: 1 } } } },
        atMostOne: { when: { members: { where: { event: 'demo_completed' }, count: { lte: 1 } } } },
        none: { when: { members: { where: { event: 'demo_completed' }, count: { lt: 1 } } } },
        maxFilteredScore: {
          when: { members: { where: { event: 'demo_completed' }, score: 'engagement', max: { gte: 40 } } },
        },
        avgSQO: { when: { members: { stage: 'SQO', score: 'engagement', avg: { gte: 1 } } } },
      },
      stages: [{ id: 'x' }],
    };
    const classifyWith = (members: unknown[]) =>
      Object.fromEntries(
        Object.entries(classifyAccount({ members }, config, { asOf, leadConfig }).criteria).map(
          ([id, entry]) => [id, entry.status],
        ),
      );
    // one demo, one member without events: the count is 1 or 2
    expect(classifyWith([{ events: [demo('2026-06-01')] }, {}])).toEqual({
      exactlyOne: 'unknown',
      atMostOne: 'unknown',
      none: 'unmet',
      maxFilteredScore: 'unknown',
      avgSQO: 'unknown', // nobody at SQO: the average of nobody is no score
    });
    // two demos: 2 is known
    expect(classifyWith([{ events: [demo('2026-06-01')] }, { events: [demo('2026-06-02')] }])).toEqual({
      exactlyOne: 'unmet',
      atMostOne: 'unmet',
      none: 'unmet',
      maxFilteredScore: 'met',
      avgSQO: 'unknown',
    });
    // no members at all: a count of 0, and no score
    expect(classifyWith([])).toEqual({
      exactlyOne: 'unmet',
      atMostOne: 'met',
      none: 'met',
      maxFilteredScore: 'unknown',
      avgSQO: 'unknown',
    });
  });
});

describe('classifyAccount: blockers that are member tests', () => {
  it('labels a members or roles test that is not a criterion by its description', () => {
    const config: Config = {
      version: 1,
      id: 'leaves',
      level: 'account',
      criteria: {},
      stages: [
        {
          id: 'SQO',
          when: {
            all: [{ members: { stage: 'SQO', count: { gte: 2 } } }, { roles: { require: ['champion'] } }],
          },
        },
        { id: 'rest' },
      ],
    };
    // one member, at SAL, with no role known: the count is 0 (unmet), the champion unknown
    const result = classifyAccount({ members: [{ events: [webinar('2026-06-01')] }] }, config, {
      asOf,
      leadConfig,
    });
    expect(result.next?.blockers.map((blocker) => [blocker.label, blocker.status])).toEqual([
      ['members at SQO count ≥ 2', 'unmet'],
    ]);
    expect(result.next?.later?.map((blocker) => [blocker.label, blocker.status, blocker.role])).toEqual([
      ['find the champion', 'unknown', 'champion'],
    ]);
  });
});

describe('classifyAccount: facts, bounds and errors', () => {
  const factConfig: Config = {
    version: 1,
    id: 'facts',
    level: 'account',
    criteria: {
      software: { when: { fact: 'account.industry', eq: 'software' } },
      large: { when: { fact: 'account.employees', gte: 500 } },
    },
    stages: [
      { id: 'fit', when: { all: [{ criterion: 'software' }, { criterion: 'large' }] } },
      { id: 'other' },
    ],
  };

  it('reads account facts from the record, else from what the members’ company agree on', () => {
    const members = [
      { company: { industry: 'Software', employees: 800 } },
      { company: { industry: ' software ' } },
      { company: {} },
    ];
    const agreed = classifyAccount({ members }, factConfig, { asOf, leadConfig });
    expect(agreed.stage).toBe('fit');
    expect(agreed.flags).toEqual([]);
    // the record wins over the members
    const recorded = classifyAccount({ facts: { employees: 10 }, members }, factConfig, { asOf, leadConfig });
    expect(recorded.criteria.large?.status).toBe('unmet');
    // members who disagree: not known, flagged
    const split = classifyAccount(
      { members: [{ company: { industry: 'software' } }, { company: { industry: 'retail' } }] },
      factConfig,
      { asOf, leadConfig },
    );
    expect(split.criteria.software?.status).toBe('unknown');
    expect(split.flags).toContain('disagreement:account.industry');
  });

  it('classifies at most MAX_MEMBERS members, flagged, and never throws on account data', () => {
    const many = Array.from({ length: 1005 }, (_, index) => ({ id: `m${index}`, events: [] }));
    const result = classifyAccount({ members: many }, accountConfig, { asOf, leadConfig });
    expect(result.members).toHaveLength(1000);
    expect(result.memberCount).toBe(1005);
    expect(result.flags).toContain('members_truncated');
    for (const account of [
      null,
      {},
      { members: 'x' },
      { members: [null, 42, 'x'] },
    ] as unknown as AccountInput[]) {
      expect(() => classifyAccount(account, accountConfig, { asOf, leadConfig })).not.toThrow();
    }
    expect(classifyAccount({} as AccountInput, accountConfig, { asOf, leadConfig }).flags).toContain(
      'invalid_members',
    );
    // a member's own data problems stay with the member
    const flagged = classifyAccount(
      {
        members: [
          { id: 'm1', events: [{ type: 'webinar_attended', at: 'not a date' }] },
          { id: 'm2', events: [] },
        ],
      },
      accountConfig,
      { asOf, leadConfig },
    );
    expect(flagged.members.map((member) => member.flags)).toEqual([['invalid_date:events[0].at'], undefined]);
  });

  it('charges member conditions to the budget: past it, unknown and budget_exceeded', () => {
    const members = Array.from({ length: 50 }, () => ({ events: [webinar('2026-06-01')] }));
    const result = classifyAccount({ members }, accountConfig, {
      asOf,
      leadConfig,
      budget: { classify: 60 },
    });
    expect(result.flags).toContain('budget_exceeded');
    expect(result.criteria.engaged?.status).toBe('unknown');
  });

  it('refuses account kinds on a lead config, events on an account config, and lead names that do not exist', () => {
    const codes = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).issues.map((issue) => `${issue.code} ${issue.path.join('.')}`);
      }
      throw new Error('did not throw');
    };
    expect(
      codes(() =>
        compile({
          version: 1,
          id: 'x',
          criteria: {},
          stages: [{ id: 'a', when: { roles: { require: ['user'] } } }, { id: 'b' }],
        }),
      ),
    ).toEqual(['wrong_level stages.0.when.roles']);
    expect(
      codes(() =>
        classifyAccount(
          { members: [] },
          { ...accountConfig, stages: [{ id: 'a', when: { event: 'demo_completed' } }, { id: 'b' }] },
          { asOf, leadConfig },
        ),
      ),
    ).toEqual(['wrong_level stages.0.when.event']);
    // a scoring rule on events is an event test too
    expect(
      codes(() =>
        classifyAccount(
          { members: [] },
          { ...accountConfig, scoring: { rules: [{ id: 'demo', points: 10, event: 'demo_completed' }] } },
          { asOf, leadConfig },
        ),
      ),
    ).toEqual(['wrong_level scoring.rules.0.event']);
    expect(
      codes(() =>
        classifyAccount(
          { members: [] },
          {
            ...accountConfig,
            criteria: {
              a: { when: { members: { stage: 'SQL' } } },
              b: { when: { members: { score: 'fit', sum: { gte: 1 } } } },
              c: { when: { members: { where: { criterion: 'bugdet' } } } },
            },
            stages: [{ id: 'x' }],
          },
          { asOf, leadConfig },
        ),
      ),
    ).toEqual([
      'unknown_stage criteria.a.when.members.stage',
      'unknown_group criteria.b.when.members.score',
      'unknown_criterion criteria.c.when.members.where',
    ]);
    expect(codes(() => classifyAccount({ members: [] }, leadConfig, { asOf, leadConfig }))).toEqual([
      'wrong_level level',
    ]);
    expect(() => classifyAccount({ members: [] }, accountConfig, { asOf } as never)).toThrow(
      /leadConfig is required/,
    );
  });
});
