import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  ConfigError,
  compile,
  compileCondition,
  defaultOperators,
  defaultOperatorTests,
  type OperatorTable,
  parseCondition,
  safeParseCondition,
} from '../../src/index';

const WHEN = ['criteria', 'a', 'when'] as const;

/** Invalid conditions, each with the issues (code and path below `criteria.a.when`) it must produce. */
const invalid: Array<[string, unknown, Array<[code: string, path: Array<string | number>]>]> = [
  ['a string instead of a condition', 'budget > 10', [['invalid_type', []]]],
  ['null', null, [['invalid_type', []]]],
  ['an array', [{ fact: 'a', eq: 1 }], [['invalid_type', []]]],
  ['no kind key', { gte: 3 }, [['missing_kind', []]]],
  ['empty object', {}, [['missing_kind', []]]],
  ['two kind keys', { all: [], any: [] }, [['ambiguous_kind', []]]],
  ['unknown operator', { fact: 'budget.amount', 'gt=': 5 }, [['unknown_operator', []]]],
  ['fact without operator', { fact: 'budget.amount' }, [['missing_operator', []]]],
  ['empty fact path', { fact: '', exists: true }, [['invalid_type', ['fact']]]],
  ['empty path segment', { fact: 'budget..amount', exists: true }, [['invalid_path', ['fact']]]],
  ['prototype path', { fact: 'constructor.prototype', exists: true }, [['forbidden_path', ['fact']]]],
  [
    '__proto__ in where',
    { event: 'x', where: { '__proto__.polluted': { exists: true } } },
    [['forbidden_path', ['where', '__proto__.polluted']]],
  ],
  ['wrong operand type', { fact: 'a', gt: true }, [['invalid_operand', ['gt']]]],
  ['invalid date operand', { fact: 'a', before: 'next week' }, [['invalid_date', ['before']]]],
  ['empty in list', { fact: 'a', in: [] }, [['invalid_operand', ['in']]]],
  ['in with objects', { fact: 'a', in: [{ x: 1 }] }, [['invalid_operand', ['in']]]],
  ['between reversed', { fact: 'a', between: [20, 10] }, [['invalid_range', ['between']]]],
  ['between mixed', { fact: 'a', between: [1, '2026-01-01'] }, [['invalid_range', ['between']]]],
  ['malformed ISO duration', { fact: 'a', withinLast: 'P3X' }, [['invalid_duration', ['withinLast']]]],
  ['bad ISO duration body', { fact: 'a', withinLast: 'PT' }, [['invalid_duration', ['withinLast']]]],
  ['negative duration', { fact: 'a', withinNext: { days: -5 } }, [['invalid_duration', ['withinNext']]]],
  ['fractional duration', { fact: 'a', olderThan: { days: 1.5 } }, [['invalid_duration', ['olderThan']]]],
  [
    'unknown duration unit',
    { fact: 'a', withinLast: { fortnights: 2 } },
    [['invalid_duration', ['withinLast']]],
  ],
  ['empty duration', { fact: 'a', withinLast: {} }, [['invalid_duration', ['withinLast']]]],
  ['back-reference', { fact: 'email', matches: '(a)\\1' }, [['unsupported_pattern', ['matches']]]],
  ['lookahead', { fact: 'email', matches: '(?=a)a' }, [['unsupported_pattern', ['matches']]]],
  ['pattern too large', { fact: 'email', matches: '(?:a{1000}){1000}' }, [['too_large', ['matches']]]],
  ['regex syntax error', { fact: 'email', matches: '([a-z' }, [['invalid_pattern', ['matches']]]],
  [
    'global regex flag',
    { fact: 'email', matches: { pattern: 'a', flags: 'g' } },
    [['invalid_pattern', ['matches']]],
  ],
  ['empty all', { all: [] }, [['empty_list', ['all']]]],
  ['any not a list', { any: { fact: 'a', eq: 1 } }, [['invalid_type', ['any']]]],
  ['atLeast zero', { atLeast: 0, of: [{ fact: 'a', eq: 1 }] }, [['invalid_type', ['atLeast']]]],
  [
    'atLeast above its list',
    {
      atLeast: 3,
      of: [
        { fact: 'a', eq: 1 },
        { fact: 'b', eq: 1 },
      ],
    },
    [['unsatisfiable', ['atLeast']]],
  ],
  ['atLeast without of', { atLeast: 1 }, [['invalid_type', ['of']]]],
  ['extra key on all', { all: [{ fact: 'a', eq: 1 }], label: 'x' }, [['unknown_key', []]]],
  ['empty criterion id', { criterion: '' }, [['invalid_type', ['criterion']]]],
  ['event type not a string', { event: 42 }, [['invalid_type', ['event']]]],
  ['empty event type list', { event: [] }, [['invalid_type', ['event']]]],
  ['event count operator', { event: 'x', count: { atLeast: 2 } }, [['unknown_operator', ['count']]]],
  ['event count negative', { event: 'x', count: { gte: -1 } }, [['invalid_operand', ['count', 'gte']]]],
  ['event typo', { event: 'x', withinlast: { days: 3 } }, [['unknown_key', []]]],
  ['score with a string', { score: 'total', gte: '50' }, [['invalid_type', ['gte']]]],
  ['score with a fact operator', { score: 'total', in: [1, 2] }, [['unknown_operator', []]]],
  [
    'several issues at once, all reported',
    { all: [{ fact: 'a', 'gt=': 1 }, { any: [] }, { not: 'x' }, { event: 'e', count: { gte: 1.5 } }] },
    [
      ['unknown_operator', ['all', 0]],
      ['empty_list', ['all', 1, 'any']],
      ['invalid_type', ['all', 2, 'not']],
      ['invalid_operand', ['all', 3, 'count', 'gte']],
    ],
  ],
];

describe('invalid conditions', () => {
  it.each(invalid)('%s', (_, input, expected) => {
    const result = safeParseCondition(input, { path: WHEN });
    expect(result.success).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual(
      expected.map(([code, path]) => [code, [...WHEN, ...path]]),
    );
    for (const issue of result.issues) {
      expect(issue.message.startsWith(`criteria.a.when`)).toBe(true);
    }
  });

  it('has at least 20 cases', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(20);
  });
});

describe('issue messages', () => {
  it('say where, what was expected and what was received', () => {
    const [issue] = safeParseCondition({ fact: 'budget.amount', 'gt=': 5 }, { path: WHEN }).issues;
    expect(issue?.message).toMatch(
      /^criteria\.a\.when: unknown operator "gt="; expected one of eq, ne, gt, gte, /,
    );
    expect(issue?.message).toContain('did you mean "gt"?');
    const [operand] = safeParseCondition({ fact: 'a', gte: 'lots' }, { path: WHEN }).issues;
    expect(operand).toMatchObject({
      code: 'invalid_date',
      message:
        'criteria.a.when.gte: not a date; expected an ISO 8601 date such as "2026-06-30", received the string "lots"',
      expected: 'an ISO 8601 date such as "2026-06-30"',
      received: 'the string "lots"',
    });
  });

  it('parseCondition throws a ConfigError carrying every issue', () => {
    const input = { any: [{ fact: 'a' }, { gte: 1 }] };
    expect(() => parseCondition(input)).toThrow(ConfigError);
    try {
      compileCondition(input);
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.code)).toEqual([
        'missing_operator',
        'missing_kind',
      ]);
      expect((error as ConfigError).message).toContain('Invalid condition (2 issues)');
    }
  });

  it('valid conditions parse to themselves', () => {
    const input = {
      atLeast: 2,
      of: [{ criterion: 'budget' }, { event: 'x', withinLast: 'P7D' }, { score: 'total', gte: 5 }],
    };
    expect(parseCondition(input)).toBe(input);
  });
});

describe('limits', () => {
  function nest(depth: number): unknown {
    let condition: unknown = { fact: 'a', eq: 1 };
    for (let level = 0; level < depth; level++) condition = { not: condition };
    return condition;
  }

  it('refuses conditions nested deeper than maxDepth as an issue', () => {
    expect(safeParseCondition(nest(31)).success).toBe(true);
    const result = safeParseCondition(nest(32));
    expect(result.issues.map((issue) => issue.code)).toEqual(['too_deep']);
  });

  it('survives absurd nesting without a stack overflow', () => {
    const result = safeParseCondition(nest(200_000));
    expect(result.issues.map((issue) => issue.code)).toEqual(['too_deep']);
  });

  it('takes raised limits up to 1,000 levels, and refuses higher ones with an error, not a stack overflow', () => {
    const config = (depth: number) => ({
      version: 1,
      id: 'deep',
      criteria: { a: { when: nest(depth) } },
      stages: [{ id: 'A', when: { criterion: 'a' } }, { id: 'B' }],
    });
    const lead = { a: 1 };
    // as deep as the highest limit allows: every pass over the nesting holds, closures and generated code
    for (const codegen of [false, true]) {
      const classifier = compile(config(998), { maxDepth: 1_000, codegen });
      expect(classifier.stage(lead, { asOf: '2026-06-30' })).toBe('A');
    }
    for (const maxDepth of [3_010, 1_001, 0, 2.5, Number.POSITIVE_INFINITY, '40'])
      expect(() => compile(config(3_000), { maxDepth: maxDepth as number })).toThrow(
        /^options\.maxDepth: expected a whole number from 1 to 1,000, received /,
      );
    expect(() => compile(config(3_000), { maxDepth: 3_010 })).toThrow(TypeError);
    expect(() => safeParseCondition({ fact: 'a', eq: 1 }, { maxConditions: 0 })).toThrow(
      /options\.maxConditions: expected a whole number from 1 to 1,000,000/,
    );
  });

  it('refuses too many conditions, once', () => {
    const wide = { any: Array.from({ length: 50 }, () => ({ fact: 'a', eq: 1 })) };
    expect(safeParseCondition(wide, { maxConditions: 51 }).success).toBe(true);
    const result = safeParseCondition(wide, { maxConditions: 20 });
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['too_large', ['any', 19]]]);
  });

  it('accepts safe patterns', () => {
    for (const pattern of [
      '^(ab)+$',
      '^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$',
      '(?:vp|head) of',
      '\\(a+\\)+',
      '[(a+)]+',
    ]) {
      expect(safeParseCondition({ fact: 'a', matches: pattern }).issues).toEqual([]);
    }
  });
});

describe('operator tables', () => {
  it('compiles with the table passed in, and leaves the default untouched', async () => {
    const { matches: _, ...withoutRegex } = defaultOperators;
    const options = { operators: withoutRegex };
    expect(() => compileCondition({ fact: 'email', matches: '@acme' }, options)).toThrow(
      /unknown operator "matches"/,
    );
    expect(
      compileCondition({ event: 'x', withinLast: 'P1D', count: { gte: 1 } }, options).evaluate(
        { events: [] },
        { asOf: 0 },
      ).status,
    ).toBe('unmet');
    expect(Object.isFrozen(defaultOperators)).toBe(true);
    expect(
      compileCondition({ fact: 'email', matches: '@acme' }).evaluate({ email: 'a@acme.com' }, { asOf: 0 })
        .status,
    ).toBe('met');
  });

  it('takes an operator of your own, keyed by name, returning the public Status', () => {
    const operators: OperatorTable = {
      ...defaultOperators,
      domainIs: {
        operand: z.string(),
        expected: 'a domain such as "acme.io"',
        compile: (operand) => (value) =>
          typeof value !== 'string' ? 'unknown' : value.endsWith(`@${String(operand)}`) ? 'met' : 'unmet',
      },
    };
    const condition = compileCondition({ fact: 'contact.email', domainIs: 'acme.io' }, { operators });
    const status = (email: unknown) => condition.evaluate({ contact: { email } }, { asOf: 0 }).status;
    expect(status('ana@acme.io')).toBe('met');
    expect(status('ana@other.io')).toBe('unmet');
    expect(status(42)).toBe('unknown');
    expect(status(undefined)).toBe('unknown'); // absent: unknown before the test runs
    // its operand is checked with its schema, its expectation in the message
    expect(safeParseCondition({ fact: 'contact.email', domainIs: 5 }, { operators }).issues[0]?.message).toBe(
      'domainIs: invalid operand for "domainIs"; expected a domain such as "acme.io", received the number 5',
    );
    // and it compiles inside a config, next to the built-ins
    const classifier = compile(
      {
        version: 1,
        id: 'custom',
        criteria: {
          ours: {
            when: {
              all: [
                { fact: 'contact.email', domainIs: 'acme.io' },
                { fact: 'x', gte: 1 },
              ],
            },
          },
        },
        stages: [{ id: 'ours', when: { criterion: 'ours' } }, { id: 'rest' }],
      },
      { operators },
    );
    expect(classifier.classify({ contact: { email: 'a@acme.io' }, x: '2' }, { asOf: 0 }).stage).toBe('ours');
  });

  it('reads anything but met and unmet from a custom test as unknown', () => {
    const operators: OperatorTable = {
      ...defaultOperators,
      odd: { operand: z.boolean(), expected: 'true', compile: () => () => 'maybe' as never },
    };
    expect(
      compileCondition({ fact: 'a', odd: true }, { operators }).evaluate({ a: 1 }, { asOf: 0 }).status,
    ).toBe('unknown');
  });

  it('exposes the built-in tests with the public Status, the same answers as the compiled conditions', () => {
    const context = {
      asOf: Date.parse('2026-06-30'),
      instant: (value: unknown) => Date.parse(String(value)),
      number: Number,
      boolean: (value: unknown) => (typeof value === 'boolean' ? value : undefined),
    };
    expect(defaultOperatorTests.gte.compile(5000)(12000, context, 'budget.amount')).toBe('met');
    expect(defaultOperatorTests.gte.compile(5000)('abc', context, 'budget.amount')).toBe('unknown');
    expect(defaultOperatorTests.in.compile(['a'])('b', context, 'x')).toBe('unmet');
    // a built-in spread into a new definition keeps working, with its own shape
    const operators: OperatorTable = { ...defaultOperators, atLeastAmount: { ...defaultOperators.gte } };
    expect(
      compileCondition({ fact: 'budget.amount', atLeastAmount: 10 }, { operators }).evaluate(
        { budget: { amount: '12' } },
        { asOf: 0 },
      ).status,
    ).toBe('met');
  });
});

describe('suggestions', () => {
  const fixOf = (condition: unknown) => safeParseCondition(condition).issues.map((issue) => issue.fix);

  it('reads operator symbols as the operators they mean', () => {
    expect(fixOf({ fact: 'budget.amount', '>=': 10000 })).toEqual(['did you mean "gte"?']);
    expect(fixOf({ fact: 'budget.amount', '!=': 0 })).toEqual(['did you mean "ne"?']);
    expect(fixOf({ score: 'total', '<': 5 })).toEqual(['did you mean "lt"?']);
    expect(fixOf({ event: 'x', count: { '>=': 2 } })).toEqual(['did you mean "gte"?']);
    expect(fixOf({ fact: 'budget.amount', gtee: 1 })).toEqual(['did you mean "gte"?']);
  });

  it('names a wrong duration unit and the unit meant', () => {
    for (const condition of [
      { fact: 'createdAt', withinLast: { day: 180 } },
      { event: 'demo_completed', withinLast: { day: 180 } },
    ]) {
      const [issue] = safeParseCondition(condition).issues;
      expect(issue?.message).toBe(
        'withinLast: unknown unit "day"; expected a duration such as { "days": 90 } or "P90D", with at least one of years, months, weeks, days, hours, minutes, seconds, received an object (did you mean "days"?)',
      );
    }
  });
});
