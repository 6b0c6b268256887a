import { describe, expect, it } from 'vitest';
import { ConfigError, compile, parseConfig, safeParseConfig } from '../../src/index';

/** A small valid config; each invalid case below changes one thing. */
function base(): Record<string, any> {
  return {
    version: 1,
    id: 'test',
    criteria: {
      budget: { dimension: 'budget', when: { fact: 'budget.amount', gte: 1000 } },
      demo: { when: { event: 'demo_completed', withinLast: { days: 30 } } },
    },
    scoring: {
      groups: { engagement: { max: 50 } },
      rules: [
        { id: 'demo', group: 'engagement', points: 30, event: 'demo_completed' },
        { id: 'budget', points: 10, when: { criterion: 'budget' } },
      ],
    },
    stages: [
      { id: 'SQO', when: { all: [{ criterion: 'budget' }, { criterion: 'demo' }] } },
      { id: 'SAL', when: { score: 'total', gte: 10 } },
      { id: 'unqualified' },
    ],
  };
}

/** The base config with one more scoring rule (index 2): the others keep the thresholds reachable. */
const withRule = (c: Record<string, any>, rule: Record<string, unknown>) => ({
  ...c,
  scoring: { ...c.scoring, rules: [...c.scoring.rules, rule] },
});

const invalid: Array<
  [string, (config: Record<string, any>) => unknown, Array<[string, Array<string | number>]>]
> = [
  ['not an object', () => 'config', [['invalid_type', []]]],
  ['wrong version', (c) => ({ ...c, version: 2 }), [['invalid_value', ['version']]]],
  ['missing id', (c) => ({ ...c, id: undefined }), [['invalid_type', ['id']]]],
  ['unknown top-level key', (c) => ({ ...c, stage: [] }), [['unknown_key', []]]],
  ['no stages', (c) => ({ ...c, stages: [] }), [['too_small', ['stages']]]],
  [
    'empty follow-up delay',
    (c) => ({
      ...c,
      stages: [{ id: 'SQO', when: { criterion: 'budget' }, followUp: { within: {} } }, { id: 'x' }],
    }),
    [['invalid_duration', ['stages', 0, 'followUp', 'within']]],
  ],
  [
    'malformed follow-up delay',
    (c) => ({ ...c, stages: [{ id: 'x', followUp: { within: 'P1X' } }] }),
    [['invalid_duration', ['stages', 0, 'followUp', 'within']]],
  ],
  [
    'half-life with an unknown unit',
    (c) => withRule(c, { id: 'd', points: 1, event: 'demo_completed', halfLife: { day: 30 } }),
    [['invalid_duration', ['scoring', 'rules', 2, 'halfLife']]],
  ],
  [
    'criterion without when',
    (c) => ({ ...c, criteria: { ...c.criteria, x: { label: 'X' } } }),
    [['missing_key', ['criteria', 'x', 'when']]],
  ],
  [
    'bad operator in a criterion',
    (c) => ({ ...c, criteria: { ...c.criteria, a: { when: { fact: 'x', 'gt=': 1 } } } }),
    [['unknown_operator', ['criteria', 'a', 'when']]],
  ],
  [
    'unknown criterion reference',
    (c) => ({ ...c, stages: [{ id: 'SQO', when: { criterion: 'budgte' } }, { id: 'unqualified' }] }),
    [['unknown_criterion', ['stages', 0, 'when', 'criterion']]],
  ],
  [
    'criterion cycle',
    (c) => ({
      ...c,
      criteria: { ...c.criteria, a: { when: { criterion: 'b' } }, b: { when: { not: { criterion: 'a' } } } },
    }),
    [['criterion_cycle', ['criteria', 'a', 'when']]],
  ],
  [
    'criterion cycle through the scores',
    (c) => ({ ...c, criteria: { ...c.criteria, budget: { when: { score: 'total', gte: 5 } } } }),
    [['criterion_cycle', ['criteria', 'budget', 'when']]],
  ],
  [
    'unknown score group',
    (c) => ({ ...c, stages: [{ id: 'SAL', when: { score: 'fit', gte: 1 } }, { id: 'unqualified' }] }),
    [['unknown_group', ['stages', 0, 'when', 'score']]],
  ],
  [
    'rule in an unknown group',
    (c) => withRule(c, { id: 'r', group: 'fitt', points: 1, when: { criterion: 'budget' } }),
    [['unknown_group', ['scoring', 'rules', 2, 'group']]],
  ],
  [
    'duplicate rule ids',
    (c) => ({
      ...c,
      scoring: { ...c.scoring, rules: [...c.scoring.rules, { id: 'demo', points: 1, event: 'x' }] },
    }),
    [['duplicate_id', ['scoring', 'rules', 2, 'id']]],
  ],
  [
    'duplicate stage ids',
    (c) => ({ ...c, stages: [{ id: 'SAL', when: { criterion: 'budget' } }, ...c.stages.slice(1)] }),
    [['duplicate_id', ['stages', 1, 'id']]],
  ],
  [
    'fallback missing',
    (c) => ({ ...c, stages: c.stages.slice(0, 2) }),
    [['missing_fallback', ['stages', 1]]],
  ],
  [
    'fallback not last',
    (c) => ({ ...c, stages: [{ id: 'unqualified' }, ...c.stages.slice(0, 2)] }),
    [
      ['misplaced_fallback', ['stages', 0]],
      ['missing_fallback', ['stages', 2]],
    ],
  ],
  [
    'exit as fallback',
    (c) => ({ ...c, stages: [...c.stages.slice(0, 2), { id: 'out', exit: true }] }),
    [['invalid_fallback', ['stages', 2, 'exit']]],
  ],
  [
    'threshold above the reachable maximum',
    (c) => ({ ...c, stages: [{ id: 'SQO', when: { score: 'total', gte: 61 } }, { id: 'unqualified' }] }),
    [['unreachable_threshold', ['stages', 0, 'when']]],
  ],
  [
    'group threshold above its cap',
    (c) => ({ ...c, criteria: { ...c.criteria, hot: { when: { score: 'engagement', gt: 50 } } } }),
    [['unreachable_threshold', ['criteria', 'hot', 'when']]],
  ],
  [
    'rule with both when and event',
    (c) => withRule(c, { id: 'r', points: 1, event: 'x', when: { criterion: 'budget' } }),
    [['invalid_rule', ['scoring', 'rules', 2]]],
  ],
  [
    'rule with nothing to score',
    (c) => withRule(c, { id: 'r', points: 1 }),
    [['invalid_rule', ['scoring', 'rules', 2]]],
  ],
  [
    'repeat on a condition rule',
    (c) => withRule(c, { id: 'r', points: 1, when: { criterion: 'budget' }, repeat: { max: 2 } }),
    [['invalid_rule', ['scoring', 'rules', 2, 'repeat']]],
  ],
  [
    'bad half-life',
    (c) => withRule(c, { id: 'r', points: 1, event: 'x', halfLife: 'P0X' }),
    [['invalid_duration', ['scoring', 'rules', 2, 'halfLife']]],
  ],
  [
    'bad event filter in a rule',
    (c) => withRule(c, { id: 'r', points: 1, event: 'x', where: { plan: { eqq: 'pro' } } }),
    [['unknown_operator', ['scoring', 'rules', 2, 'where', 'plan']]],
  ],
  [
    'scoring rule on a score',
    (c) => withRule(c, { id: 'r', points: 5, when: { score: 'total', gte: 1 } }),
    [['score_cycle', ['scoring', 'rules', 2, 'when', 'score']]],
  ],
  [
    'group min above max',
    (c) => ({ ...c, scoring: { ...c.scoring, groups: { engagement: { min: 10, max: 5 } } } }),
    [['invalid_range', ['scoring', 'groups', 'engagement']]],
  ],
  [
    'example expecting an unknown stage',
    (c) => ({ ...c, examples: [{ name: 'x', asOf: '2026-01-01', lead: {}, expect: { stage: 'SQL' } }] }),
    [['unknown_stage', ['examples', 0, 'expect', 'stage']]],
  ],
];

describe('invalid configs', () => {
  it.each(invalid)('%s', (_, change, expected) => {
    const result = safeParseConfig(change(base()));
    expect(result.success).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual(expected);
  });

  it('reports every issue at once, each with a located message', () => {
    const config = base();
    config.criteria.budget.when = { fact: 'budget.amount', gte: 'lots' };
    config.stages[0].when = { criterion: 'nope' };
    config.scoring.rules[0].points = 'many';
    const result = safeParseConfig(config);
    expect(result.issues.map((issue) => issue.code).sort()).toEqual(['invalid_date', 'invalid_type']);
    // lint waits for a well-formed config; fixing those reveals the reference
    config.criteria.budget.when = { fact: 'budget.amount', gte: 1 };
    config.scoring.rules[0].points = 1;
    expect(safeParseConfig(config).issues.map((issue) => issue.message)).toEqual([
      'stages[0].when.criterion: unknown criterion "nope"; expected one of budget, demo (define it, or refer to one that exists)',
    ]);
  });

  it('reports every kind of mistake together, in one pass', () => {
    // ten different mistakes in one config: shape, conditions, durations, references, cycles, the
    // ladder, thresholds, duplicates and examples all report at once
    const config = {
      version: 1,
      id: 'ten',
      criteria: {
        budget: { when: { fact: 'budget.amount', gtee: 1000 } }, // 1 unknown operator
        demo: { when: { event: 'demo_completed', withinLast: { day: 30 } } }, // 2 unknown duration unit
        a: { when: { criterion: 'b' } }, // 3 cycle a → b → a
        b: { when: { criterion: 'a' } },
      },
      scoring: {
        rules: [
          { id: 'r', points: 10, when: { criterion: 'budgte' } }, // 4 unknown criterion
          { id: 'r', points: 10, event: 'demo_completed' }, // 5 duplicate rule id
          { id: 'g', group: 'fitt', points: 1, event: 'demo_completed' }, // 6 unknown group
        ],
      },
      stages: [
        { id: 'SQO', when: { score: 'total', gte: 500 } }, // 7 unreachable threshold
        { id: 'SQO', when: { criterion: 'demo' }, followUp: { within: 'P1X' } }, // 8 duplicate stage, 9 bad duration
        { id: 'SAL', when: { criterion: 'budget' } }, // 10 no fallback
      ],
    };
    const codes = safeParseConfig(config).issues.map((issue) => issue.code);
    expect(codes.sort()).toEqual(
      [
        'unknown_operator',
        'invalid_duration',
        'criterion_cycle',
        'unknown_criterion',
        'duplicate_id',
        'unknown_group',
        'unreachable_threshold',
        'duplicate_id',
        'invalid_duration',
        'missing_fallback',
      ].sort(),
    );
    for (const issue of safeParseConfig(config).issues) {
      expect(issue.path.length, issue.message).toBeGreaterThan(0);
      expect(issue.fix, issue.message).toBeTypeOf('string');
    }
  });

  it('parseConfig and compile throw a ConfigError with all issues', () => {
    const config = { ...base(), stages: [{ id: 'A', when: { criterion: 'x' } }] };
    expect(() => parseConfig(config)).toThrow(ConfigError);
    expect(() => compile(config)).toThrow(/Invalid config \(2 issues\)/);
  });

  it('suggests the closest name, in the message and as data', () => {
    const config = {
      ...base(),
      stages: [{ id: 'SQO', when: { criterion: 'budgte' } }, { id: 'unqualified' }],
    };
    const [issue] = safeParseConfig(config).issues;
    expect(issue?.message).toContain('did you mean "budget"?');
    expect(issue?.fix).toBe('did you mean "budget"?');
    expect(issue?.code).toBe('unknown_criterion');
  });

  it('reads every duration of a config by the same rule, with the same message', () => {
    const messages = [
      { ...base(), criteria: { ...base().criteria, a: { when: { fact: 'x', withinLast: {} } } } },
      { ...base(), criteria: { ...base().criteria, a: { when: { event: 'x', withinLast: {} } } } },
      { ...base(), stages: [...base().stages.slice(0, 2), { id: 'x', followUp: { within: {} } }] },
    ].map((config) => safeParseConfig(config).issues.map((issue) => issue.message.replace(/^[^:]+: /, '')));
    expect(messages[0]).toEqual(messages[1]);
    expect(messages[1]).toEqual(messages[2]);
    expect(messages[0]?.[0]).toMatch(/^empty duration; expected a duration such as/);
  });
});

describe('valid configs', () => {
  it('parse to themselves', () => {
    const config = base();
    expect(parseConfig(config)).toEqual(config);
  });

  it('accept ISO durations, localized text and examples', () => {
    const config: Record<string, any> = {
      ...base(),
      label: { en: 'Test', it: 'Prova' },
      examples: [
        {
          name: 'empty',
          asOf: '2026-01-01',
          lead: {},
          expect: { stage: 'unqualified', scores: { total: 0 } },
        },
      ],
    };
    config.criteria.demo.when.withinLast = 'P30D';
    expect(safeParseConfig(config).issues).toEqual([]);
  });
});
