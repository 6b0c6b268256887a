import { describe, expect, it } from 'vitest';
import {
  compile,
  configJsonSchema,
  gradeMatrix,
  lintConfig,
  presets,
  safeParseConfig,
  sealConfig,
} from '../../src/index';
import { compileSealed } from '../../src/runtime/index';

/** A config with fit and engagement groups; each case below sets its `grades`. */
function graded(grades: unknown): Record<string, unknown> {
  return {
    version: 1,
    id: 'graded',
    criteria: { senior: { when: { fact: 'contact.seniority', in: ['c_level', 'vp'] } } },
    scoring: {
      groups: { fit: { max: 100 }, engagement: { max: 100 } },
      rules: [
        { id: 'senior', group: 'fit', points: 80, when: { criterion: 'senior' } },
        { id: 'demo', group: 'engagement', points: 60, event: 'demo_completed', repeat: { max: 2 } },
      ],
    },
    stages: [{ id: 'SAL', when: { criterion: 'senior' } }, { id: 'unqualified' }],
    grades,
  };
}

const ISSUE = { fit: { A: 75, B: 50, C: 25 }, engagement: { 1: 75, 2: 50, 3: 25 } };

const issuesOf = (grades: unknown) =>
  safeParseConfig(graded(grades)).issues.map((issue) => [issue.code, issue.path, issue.message]);

describe('grades in a config', () => {
  it('accepts the issue’s example, total as a score, and a named label for the scores below', () => {
    expect(safeParseConfig(graded(ISSUE)).success).toBe(true);
    expect(
      safeParseConfig(graded({ total: { A: 100 }, fit: { hot: 70, warm: 40, cold: null } })).success,
    ).toBe(true);
    expect(lintConfig(graded(ISSUE)).warnings).toEqual([]);
  });

  it.each<[string, unknown, string, Array<string | number>, string]>([
    [
      'an unknown score',
      { fot: ISSUE.fit, engagement: ISSUE.engagement },
      'unknown_group',
      ['grades', 'fot'],
      'did you mean "fit"?',
    ],
    ['one score', { fit: ISSUE.fit }, 'too_small', ['grades'], 'expected two scores'],
    ['three scores', { ...ISSUE, total: { A: 1 } }, 'too_big', ['grades'], 'received fit, engagement, total'],
    ['no score', {}, 'too_small', ['grades'], 'received none'],
    ['an empty map', { fit: {}, engagement: ISSUE.engagement }, 'too_small', ['grades', 'fit'], '0 labels'],
    [
      'a threshold that is not a number',
      { fit: { A: '75' }, engagement: ISSUE.engagement },
      'invalid_type',
      ['grades', 'fit', 'A'],
      'received the string "75"',
    ],
    [
      'ascending thresholds',
      { fit: { A: 25, B: 50 }, engagement: ISSUE.engagement },
      'invalid_range',
      ['grades', 'fit', 'B'],
      'a threshold not below 25, the one of "A"',
    ],
    [
      'equal thresholds',
      { fit: { A: 50, B: 50 }, engagement: ISSUE.engagement },
      'invalid_range',
      ['grades', 'fit', 'B'],
      'not below 50',
    ],
    [
      'number labels best last',
      { fit: ISSUE.fit, engagement: { 3: 75, 2: 50, 1: 25 } },
      'invalid_range',
      ['grades', 'engagement', '2'],
      'give "1" the highest threshold',
    ],
    [
      'a label of other characters',
      { fit: { 'A+': 75 }, engagement: ISSUE.engagement },
      'invalid_value',
      ['grades', 'fit', 'A+'],
      'rename the label',
    ],
    [
      'no label after a word',
      { fit: { hot: 70, warm: 40 }, engagement: ISSUE.engagement },
      'invalid_value',
      ['grades', 'fit', 'warm'],
      '"cold": null',
    ],
    [
      'no letter after Z',
      { fit: { Z: 70 }, engagement: ISSUE.engagement },
      'invalid_value',
      ['grades', 'fit', 'Z'],
      'no label follows "Z"',
    ],
    [
      'null before the last label',
      { fit: { hot: 70, cold: null, warm: 40 }, engagement: ISSUE.engagement },
      'invalid_value',
      ['grades', 'fit', 'cold'],
      'move the label with null to the end',
    ],
    [
      'the label below taken',
      { fit: { A: 70, C: 40, B: 20 }, engagement: ISSUE.engagement },
      'invalid_value',
      ['grades', 'fit', 'C'],
      'is a label and the one for the scores below',
    ],
  ])('refuses %s, saying where and what', (_, grades, code, path, text) => {
    const issues = issuesOf(grades);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.[0]).toBe(code);
    expect(issues[0]?.[1]).toEqual(path);
    expect(issues[0]?.[2]).toContain(text);
  });

  it('refuses a score named by a whole number, which JavaScript would put first whatever the order written', () => {
    const config = graded({ fit: ISSUE.fit, 2: { A: 10 } }) as {
      scoring: { groups: Record<string, unknown> };
    };
    config.scoring.groups['2'] = {};
    const issues = safeParseConfig(config).issues;
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_value', ['grades', '2']]]);
    expect(issues[0]?.fix).toBe('rename the scoring group');
  });

  it('is in the JSON Schema', () => {
    const schema = configJsonSchema() as { properties: Record<string, any> };
    const grades = schema.properties.grades;
    expect(grades.type).toBe('object');
    const labels = grades.additionalProperties;
    expect(labels.propertyNames).toEqual({ pattern: '^[A-Za-z0-9_]{1,20}$' });
    expect(labels.additionalProperties).toEqual({ anyOf: [{ type: 'number' }, { type: 'null' }] });
    expect([grades.minProperties, grades.maxProperties, labels.maxProperties]).toEqual([2, 2, 100]);
  });

  it('is sealed and compiled without the validator, giving the same grades', () => {
    const sealed = sealConfig(graded(ISSUE) as never);
    const lead = { contact: { seniority: 'vp' }, events: [{ type: 'demo_completed', at: '2026-06-01' }] };
    expect(compileSealed(sealed).classify(lead, { asOf: '2026-06-30' }).grade).toBe('A2');
    // forged seals with broken grades: test/hardening/forgedSeals.test.ts
  });
});

describe('gradeMatrix', () => {
  it('lays out the grades of a config: axes best first, the label below last, every cell', () => {
    expect(gradeMatrix(graded(ISSUE) as never)).toEqual({
      rows: { score: 'fit', labels: ['A', 'B', 'C', 'D'], thresholds: [75, 50, 25] },
      columns: { score: 'engagement', labels: ['1', '2', '3', '4'], thresholds: [75, 50, 25] },
      grades: ['A', 'B', 'C', 'D'].map((row) => ['1', '2', '3', '4'].map((column) => `${row}${column}`)),
    });
    expect(
      gradeMatrix(graded({ fit: { hot: 70, cold: null }, engagement: { A: 10 } }) as never)?.grades,
    ).toEqual([
      ['hot-A', 'hot-B'],
      ['cold-A', 'cold-B'],
    ]);
    expect(gradeMatrix({ ...presets.saas, grades: undefined })).toBeUndefined();
  });
});

describe('the lint of grades', () => {
  it('warns of labels no lead can get, with the thresholds the score’s range allows', () => {
    // the issue's 0–100 thresholds on the presets' fit, capped at 40: A and B are out of reach
    const { grades: _, ...saas } = presets.saas;
    const warnings = lintConfig({ ...saas, grades: ISSUE }).warnings;
    expect(warnings.map((warning) => [warning.code, warning.path])).toEqual([
      ['unreachable_threshold', ['grades', 'fit']],
      ['unreachable_threshold', ['grades', 'engagement']],
    ]);
    expect(warnings[0]?.message).toContain('no lead can get "A", "B": score "fit" runs from 0 to 40');
    expect(warnings[0]?.fix).toBe(
      "scale the thresholds to the score's range, e.g. 75 / 50 / 25 % of it: 30 / 20 / 10",
    );
    // engagement (0–60): 75 is out of reach
    expect(warnings[1]?.message).toContain('no lead can get "1"');
    // a last threshold at the score's least: nobody is below it
    const floor = lintConfig({ ...saas, grades: { fit: { A: 30, B: 0 }, engagement: { 1: 45 } } }).warnings;
    expect(floor.map((warning) => warning.message)).toEqual([expect.stringContaining('no lead can get "C"')]);
    expect(lintConfig(presets.saas).warnings).toEqual([]);
  });
});

describe('the hash of a config with grades', () => {
  it('tells apart the order of the two scores, which decides the grade, and nothing else of their order', () => {
    const fitFirst = graded(ISSUE);
    const engagementFirst = graded({ engagement: ISSUE.engagement, fit: ISSUE.fit });
    const lead = { contact: { seniority: 'vp' }, events: [{ type: 'demo_completed', at: '2026-06-01' }] };
    const [a, b] = [fitFirst, engagementFirst].map((config) =>
      compile(config).classify(lead, { asOf: '2026-06-30' }),
    );
    expect([a?.grade, b?.grade]).toEqual(['A2', '2-A']);
    expect(a?.config.hash).not.toBe(b?.config.hash);
    // a sealed config whose two scores were swapped is an edit the seal sees
    const sealed = sealConfig(fitFirst as never);
    expect(() => compileSealed({ ...sealed, grades: engagementFirst.grades } as never)).toThrow(
      /changed after it was sealed/,
    );
    // other keys in any order: the same hash
    const { grades, ...rest } = fitFirst;
    expect(compile({ grades, ...rest }).hash).toBe(compile(fitFirst).hash);
  });
});
