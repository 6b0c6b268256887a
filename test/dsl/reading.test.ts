// Conditions read lead values by the one reading rule, honour placeholders, read declared facts by
// their type, and flag a value that is present but unreadable.
import { describe, expect, it } from 'vitest';
import { compile, compileCondition, lintConfig, presets, safeParseConfig } from '../../src/index';

const asOf = '2026-06-30';
const evaluate = (condition: unknown, lead: unknown, options = {}) =>
  compileCondition(condition, options).evaluate(lead, { asOf });

describe('reading lead values in conditions', () => {
  it('reads CRM text as parseLead does: yes/no, grouped numbers, enum text', () => {
    expect(evaluate({ fact: 'x', eq: true }, { x: 'Yes' }).status).toBe('met');
    expect(evaluate({ fact: 'x', eq: true }, { x: 'No' }).status).toBe('unmet');
    expect(evaluate({ fact: 'x', eq: false }, { x: '0' }).status).toBe('met');
    expect(evaluate({ fact: 'x', gte: 20000 }, { x: '25,000' }).status).toBe('met');
    expect(evaluate({ fact: 'x', in: ['approved'] }, { x: 'Approved' }).status).toBe('met');
    expect(evaluate({ fact: 'x', notIn: ['closed_lost'] }, { x: 'Closed Lost' }).status).toBe('unmet');
  });

  it('flags a present value no operator can read, with its path, and only that', () => {
    const result = evaluate({ fact: 'budget.amount', gte: 20000 }, { budget: { amount: 'lots' } });
    expect(result).toEqual({ status: 'unknown', flags: ['unreadable:budget.amount'] });
    expect(evaluate({ fact: 'budget.amount', gte: 20000 }, {}).flags).toEqual([]);
    expect(evaluate({ fact: 'x', eq: true }, { x: 'maybe' }).flags).toEqual(['unreadable:x']);
    // an unreadable date keeps its own flag
    expect(evaluate({ fact: 'd', withinLast: { days: 9 } }, { d: 'soon' }).flags).toEqual(['invalid_date:d']);
  });

  it('reads numbers with a comma decimal separator and dates in a declared format, from read', () => {
    const read = { decimal: ',' as const, dateFormat: 'dd/MM/yyyy' };
    expect(evaluate({ fact: 'x', gte: 1000.5 }, { x: '1.000,50' }, { read }).status).toBe('met');
    expect(evaluate({ fact: 'd', withinLast: { days: 30 } }, { d: '15/06/2026' }, { read }).status).toBe(
      'met',
    );
    expect(evaluate({ fact: 'd', withinLast: { days: 30 } }, { d: '15/06/2026' }).status).toBe('unknown');
  });

  it('treats placeholders as missing: unknown, never a silent unmet, and exists is false', () => {
    const read = { missing: ['Select', 'N/A'] };
    expect(evaluate({ fact: 'role', notIn: ['student'] }, { role: 'Select' }).status).toBe('met');
    expect(evaluate({ fact: 'role', notIn: ['student'] }, { role: 'Select' }, { read }).status).toBe(
      'unknown',
    );
    expect(evaluate({ fact: 'role', exists: true }, { role: 'select' }, { read }).status).toBe('unmet');
    expect(evaluate({ fact: 'role', exists: true }, { role: 'n/a ' }, { read }).flags).toEqual([]);
  });

  it('reads declared facts by their type, aliases and placeholders', () => {
    const facts = {
      'custom.role': {
        type: 'enum' as const,
        values: ['decision_maker', 'champion', 'user'],
        aliases: { DM: 'decision_maker', 'End User': 'user' },
        missing: ['Select'],
      },
      'custom.revenue': { type: 'number' as const, missing: ['0.0'] },
      'custom.since': { type: 'date' as const, dateFormat: 'MM/dd/yyyy' },
    };
    const role = (value: unknown) =>
      evaluate({ fact: 'custom.role', eq: 'decision_maker' }, { custom: { role: value } }, { facts });
    expect(role('DM').status).toBe('met');
    expect(role('Decision Maker').status).toBe('met');
    expect(role('end user').status).toBe('unmet');
    expect(role('Select')).toEqual({ status: 'unknown', flags: [] });
    expect(role('CFO')).toEqual({ status: 'unknown', flags: ['unreadable:custom.role'] });
    const revenue = evaluate({ fact: 'custom.revenue', gt: 0 }, { custom: { revenue: '0.0' } }, { facts });
    expect(revenue.status).toBe('unknown');
    const since = evaluate(
      { fact: 'custom.since', before: '2026-07-01' },
      { custom: { since: '06/15/2026' } },
      { facts },
    );
    expect(since.status).toBe('met');
  });

  it('reports what the lead held in the result: placeholders as absent, unreadable values as they were', () => {
    const classifier = compile({
      version: 1,
      id: 'reading',
      read: { missing: ['Select'] },
      facts: { 'custom.role': { type: 'enum', values: ['decision_maker', 'user'] } },
      criteria: {
        authority: { when: { fact: 'custom.role', eq: 'decision_maker' } },
        budget: { when: { fact: 'budget.amount', gte: 1000 } },
      },
      stages: [
        { id: 'SQO', when: { all: [{ criterion: 'authority' }, { criterion: 'budget' }] } },
        { id: 'rest' },
      ],
    });
    const result = classifier.classify({ custom: { role: 'Select' }, budget: { amount: 'a lot' } }, { asOf });
    expect(result.criteria.authority?.status).toBe('unknown');
    expect(result.criteria.authority?.facts[0]).toEqual({
      path: 'custom.role',
      expected: { eq: 'decision_maker' },
    });
    expect(result.criteria.budget?.facts[0]).toEqual({
      path: 'budget.amount',
      value: 'a lot',
      expected: { gte: 1000 },
    });
    expect(result.flags).toEqual(['unreadable:budget.amount']);
    // the placeholder asks, it does not say "change this"
    expect(result.next?.blockers.map((blocker) => blocker.status)).toEqual(['unknown', 'unknown']);
  });
});

describe('config readings and the lint', () => {
  it('refuses a date format with a letter that is no token', () => {
    const config = {
      version: 1,
      id: 'x',
      read: { dateFormat: 'DD/MM/YYYY' },
      criteria: {},
      stages: [{ id: 'rest' }],
    };
    const result = safeParseConfig(config);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_date_format', ['read', 'dateFormat']],
    ]);
  });

  it('warns about a fact path neither canonical nor declared, with the closest one', () => {
    const config = {
      version: 1,
      id: 'x',
      facts: { 'custom.hs_budget': { type: 'number' } },
      criteria: {
        a: { when: { fact: 'authority.rol', eq: 'decision_maker' } },
        b: { when: { fact: 'custom.hs_budge', gte: 1 } },
        c: {
          when: {
            all: [
              { fact: 'custom.hs_budget', gte: 1 },
              { fact: 'need.painPoints.length', gte: 1 },
            ],
          },
        },
      },
      stages: [{ id: 'rest' }],
    };
    const warnings = lintConfig(config).warnings.filter((warning) => warning.code === 'unknown_fact');
    expect(warnings.map((warning) => [warning.code, warning.path, warning.fix])).toEqual([
      [
        'unknown_fact',
        ['criteria', 'a', 'when', 'fact'],
        'did you mean "authority.role"? If not, declare it in "facts"',
      ],
      [
        'unknown_fact',
        ['criteria', 'b', 'when', 'fact'],
        'did you mean "custom.hs_budget"? If not, declare it in "facts"',
      ],
    ]);
    expect(safeParseConfig(config).success).toBe(true);
  });

  it('finds nothing to warn about in the presets, but MEDDIC reporting a timeline it does not use', () => {
    for (const preset of Object.values(presets)) {
      // MEDDIC has no T: the shared BANT timeline is reported in results, used by no stage
      const expected = preset.id === 'meddic' ? [['unused_criterion', ['criteria', 'timeline']]] : [];
      expect(
        lintConfig(preset).warnings.map((warning) => [warning.code, warning.path]),
        preset.id,
      ).toEqual(expected);
    }
  });

  it('warns about criteria nothing uses and groups nothing feeds', () => {
    const config = {
      version: 1,
      id: 'unused',
      criteria: {
        used: { when: { fact: 'budget.amount', gte: 1 } },
        spare: { when: { fact: 'need.severity', eq: 'high' } },
      },
      scoring: {
        groups: { fit: {}, ghost: {} },
        rules: [{ id: 'r', group: 'fit', points: 1, when: { criterion: 'used' } }],
      },
      stages: [{ id: 'rest' }],
    };
    expect(lintConfig(config).warnings.map((warning) => [warning.code, warning.path])).toEqual([
      ['unused_criterion', ['criteria', 'spare']],
      ['empty_group', ['scoring', 'groups', 'ghost']],
    ]);
  });
});

describe('event types and the lint', () => {
  const config = (events?: Record<string, unknown>) => ({
    version: 1,
    id: 'events',
    ...(events === undefined ? {} : { events }),
    criteria: {
      interest: { when: { event: ['webinar_atended', 'ebook_download'], withinLast: { days: 90 } } },
      calls: { when: { event: 'call_connected', count: { gte: 2 } } },
    },
    scoring: { rules: [{ id: 'w', points: 5, event: 'webinar_atended' }] },
    stages: [{ id: 'rest' }],
  });

  const eventWarnings = (input: unknown) =>
    lintConfig(input).warnings.filter((warning) => warning.code === 'unknown_event');

  it('warns about an event type neither canonical nor declared, with the closest one', () => {
    expect(eventWarnings(config()).map((warning) => [warning.code, warning.path, warning.fix])).toEqual([
      [
        'unknown_event',
        ['criteria', 'interest', 'when', 'event', 0],
        'did you mean "webinar_attended"? If not, declare it in "events"',
      ],
      [
        'unknown_event',
        ['criteria', 'calls', 'when', 'event'],
        'declare it: "events": { "call_connected": { "label": … } }',
      ],
      [
        'unknown_event',
        ['scoring', 'rules', 0, 'event'],
        'did you mean "webinar_attended"? If not, declare it in "events"',
      ],
    ]);
  });

  it('knows the event types a config declares', () => {
    const warnings = eventWarnings(config({ call_connected: { label: 'Sales call' } }));
    expect(warnings.map((warning) => warning.path)).toEqual([
      ['criteria', 'interest', 'when', 'event', 0],
      ['scoring', 'rules', 0, 'event'],
    ]);
  });
});

describe('stages that can never be reached', () => {
  it('warns about a stage a stage above always takes first', () => {
    const config = {
      version: 1,
      id: 'order',
      criteria: {
        interest: { when: { event: 'webinar_attended' } },
        budget: { when: { fact: 'budget.amount', gte: 1 } },
      },
      stages: [
        { id: 'SAL', when: { criterion: 'interest' } },
        // SQO builds on SAL but sits below it: no lead ever reaches it
        { id: 'SQO', when: { all: [{ criterion: 'interest' }, { criterion: 'budget' }] } },
        { id: 'again', when: { criterion: 'interest' } },
        { id: 'rest' },
      ],
    };
    const warnings = lintConfig(config).warnings.filter((warning) => warning.code === 'unreachable_stage');
    expect(warnings.map((warning) => [warning.code, warning.path, warning.fix])).toEqual([
      ['unreachable_stage', ['stages', 1, 'when'], 'move "SQO" above "SAL", or change one of the conditions'],
      [
        'unreachable_stage',
        ['stages', 2, 'when'],
        'move "again" above "SAL", or change one of the conditions',
      ],
    ]);
  });
});

describe('the ladder check', () => {
  const criteria = {
    x: { when: { fact: 'budget.amount', gte: 1 } },
    y: { when: { fact: 'need.severity', eq: 'high' } },
    interest: { when: { event: 'webinar_attended' } },
  };
  const ladder = (stages: unknown[]) => ({
    version: 1,
    id: 'ladder',
    criteria,
    stages: [...stages, { id: 'rest' }],
  });
  const codes = (config: unknown) =>
    lintConfig(config).warnings.map((warning) => [warning.code, warning.path]);

  it('finds a stage no lead can reach, whatever its statuses', () => {
    const config = ladder([
      { id: 'A', when: { any: [{ criterion: 'x' }, { criterion: 'y' }] } },
      { id: 'B', when: { criterion: 'x' } },
      { id: 'C', when: { all: [{ criterion: 'interest' }, { criterion: 'y' }] } },
    ]);
    expect(codes(config).filter(([code]) => code === 'unreachable_stage')).toEqual([
      ['unreachable_stage', ['stages', 1, 'when']],
      ['unreachable_stage', ['stages', 2, 'when']],
    ]);
  });

  it('counts unknown as a status: a stage above that is a tautology in two values may still let leads through', () => {
    const config = ladder([
      { id: 'A', when: { any: [{ criterion: 'x' }, { not: { criterion: 'x' } }] } },
      { id: 'B', when: { criterion: 'y' } },
    ]);
    expect(codes(config).filter(([code]) => code === 'unreachable_stage')).toEqual([]);
  });

  it('warns when a rung can be met by a lead the rung below would not take', () => {
    const loose = ladder([
      { id: 'SQO', when: { criterion: 'x' } },
      { id: 'SAL', when: { criterion: 'interest' } },
    ]);
    expect(codes(loose)).toContainEqual(['rung_not_implied', ['stages', 0, 'when']]);
    const implied = ladder([
      { id: 'SQO', when: { all: [{ criterion: 'x' }, { criterion: 'interest' }] } },
      { id: 'SAL', when: { any: [{ criterion: 'interest' }, { criterion: 'y' }] } },
    ]);
    expect(codes(implied).filter(([code]) => code === 'rung_not_implied')).toEqual([]);
  });
});

describe('lintConfig', () => {
  it('returns errors and warnings together, and never throws', () => {
    const config = {
      version: 1,
      id: 'both',
      criteria: { a: { when: { fact: 'authority.rol', eq: 'x' } }, b: { when: { fact: 'x', '>=': 1 } } },
      stages: [{ id: 'SQO', when: { criterion: 'a' } }],
    };
    const { errors, warnings } = lintConfig(config);
    expect(errors.map((issue) => [issue.code, issue.fix])).toEqual([
      ['unknown_operator', 'did you mean "gte"?'],
      ['missing_fallback', 'add { "id": "unqualified" } as the last stage'],
    ]);
    expect(warnings.map((issue) => issue.code)).toContain('unknown_fact');
    expect(() => lintConfig('not a config')).not.toThrow();
    expect(lintConfig('not a config').errors[0]?.code).toBe('invalid_type');
  });
});
