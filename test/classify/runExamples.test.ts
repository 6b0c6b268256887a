import { describe, expect, it } from 'vitest';
import { compile, runExamples } from '../../src/index';

const config = {
  version: 1,
  id: 'examples',
  criteria: { budget: { when: { fact: 'budget.amount', gte: 1000 } } },
  scoring: { rules: [{ id: 'budget', points: 10, when: { criterion: 'budget' } }] },
  stages: [{ id: 'SQO', when: { criterion: 'budget' } }, { id: 'unqualified' }],
};
const lead = { budget: { amount: 5000 } };
const asOf = '2026-06-30';

function withExample(expect: Record<string, unknown>) {
  return { ...config, examples: [{ name: 'rich', asOf, lead, expect }] };
}

describe('runExamples', () => {
  it('passes examples whose stage, scores and criteria all match', () => {
    const outcome = runExamples(
      withExample({ stage: 'SQO', scores: { total: 10 }, criteria: { budget: 'met' } }),
    );
    expect(outcome.passed).toBe(true);
    expect(outcome.results).toEqual([
      {
        name: 'rich',
        passed: true,
        stage: 'SQO',
        expected: { stage: 'SQO', scores: { total: 10 }, criteria: { budget: 'met' } },
        failures: [],
      },
    ]);
  });

  it('fails an example with the wrong stage and says what it got', () => {
    const outcome = runExamples(withExample({ stage: 'unqualified' }));
    expect(outcome.passed).toBe(false);
    expect(outcome.results[0]?.failures).toEqual([
      'stage: expected "unqualified", got "SQO" (SQO comes first and is met)',
    ]);
  });

  it('fails an example with a score off by more than 0.01, not one within it', () => {
    expect(runExamples(withExample({ scores: { total: 10.5 } })).results[0]?.failures).toEqual([
      'scores.total: expected 10.5, got 10',
    ]);
    expect(runExamples(withExample({ scores: { total: 10.005 } })).passed).toBe(true);
  });

  it('fails an example with a wrong criterion status', () => {
    expect(runExamples(withExample({ criteria: { budget: 'unmet' } })).results[0]?.failures).toEqual([
      'criteria.budget: expected unmet, got met (read budget.amount = 5000)',
    ]);
  });

  it('runs on a compiled classifier too', () => {
    const classifier = compile(withExample({ stage: 'unqualified' }));
    expect(runExamples(classifier).passed).toBe(false);
  });

  it('says why a stage was not reached: the criteria not met and the data flags', () => {
    const config = {
      version: 1,
      id: 'why',
      criteria: { demo: { when: { event: 'demo_completed', withinLast: { days: 30 } } } },
      stages: [{ id: 'SAL', when: { criterion: 'demo' } }, { id: 'unqualified' }],
      examples: [
        {
          name: 'demo last week',
          asOf: '2026-06-30',
          lead: { events: [{ type: 'demo_completed', at: 'last week' }] },
          expect: { stage: 'SAL' },
        },
      ],
    };
    expect(runExamples(config).results[0]?.failures).toEqual([
      'stage: expected "SAL", got "unqualified" (SAL is unmet; criteria not met: demo (unmet)) [flags: invalid_date:events[0].at]',
    ]);
    // compile runs them when asked, and refuses the config
    expect(() => compile(config)).not.toThrow();
    expect(() => compile(config, { examples: true })).toThrow(
      /examples\[0\]: example "demo last week" fails: stage: expected "SAL", got "unqualified"/,
    );
    expect(() => compile(withExample({ stage: 'SQO' }), { examples: true })).not.toThrow();
  });
});

describe('runExamples with grades', () => {
  const graded = {
    ...config,
    scoring: {
      groups: { fit: {} },
      rules: [{ id: 'budget', group: 'fit', points: 10, when: { criterion: 'budget' } }],
    },
    grades: { fit: { A: 10, B: 5 }, total: { 1: 10 } },
  };
  const run = (expect: Record<string, unknown>, of: Record<string, unknown> = graded) =>
    runExamples({ ...of, examples: [{ name: 'rich', asOf, lead, expect }] }).results[0];

  it('checks the grade an example expects, saying which it got and from what scores', () => {
    expect(run({ grade: 'A1' })?.passed).toBe(true);
    expect(run({ grade: 'B1' })?.failures).toEqual(['grade: expected "B1", got "A1" (fit 10)']);
    expect(run({ grade: 'A1' }, config)?.failures).toEqual([
      'grade: expected "A1", got none (the config has no grades)',
    ]);
  });
});
