import { describe, expect, it } from 'vitest';
import { type Classifier, compile, defaultOperators, presets, safeParseConfig } from '../../src/index';

// A classifier computes each fact leaf, event count and criterion once per lead, in a memo and an
// event tally it reuses from lead to lead. These tests hold that reuse invisible.

const AS_OF = '2026-06-30T12:00:00Z';
const rich = {
  id: 'rich',
  budget: { status: 'approved', amount: 20_000 },
  authority: { role: 'decision_maker' },
  need: { painPoints: ['churn'] },
  timeline: { purchaseBy: '2026-09-01' },
  contact: { seniority: 'vp' },
  events: [
    { type: 'demo_completed', at: '2026-06-20T10:00:00Z' },
    { type: 'webinar_attended', at: '2026-06-01T10:00:00Z' },
    { type: 'webinar_attended', at: '2026-05-01T10:00:00Z' },
  ],
};
const poor = { id: 'poor', events: [{ type: 'newsletter_signup', at: '2026-06-29' }] };

describe('the per-lead memo of a classifier', () => {
  it('gives a classification started inside another one (a custom operator calling back) the right answers', () => {
    let inner: Classifier | undefined;
    const nested: unknown[] = [];
    // `in` that classifies another lead with the same classifier before answering
    const reentrant = {
      ...defaultOperators,
      in: {
        ...defaultOperators.in,
        compile: (operand: unknown) => {
          const test = defaultOperators.in.compile(operand);
          return (value: unknown, context: Parameters<typeof test>[1], path: string | undefined) => {
            if (inner !== undefined && nested.length < 50) nested.push(inner.classify(poor, { asOf: AS_OF }));
            return test(value, context, path);
          };
        },
      },
    };
    const config = {
      ...presets.saas,
      criteria: {
        ...presets.saas.criteria,
        webinarFromPartner: {
          when: {
            event: 'webinar_attended',
            where: { source: { in: ['partner'] } },
          },
        },
      },
    };
    const plain = compile(config);
    inner = compile(config, { operators: reentrant });
    const withProps = {
      ...rich,
      events: [...rich.events, { type: 'webinar_attended', at: '2026-06-02', props: { source: 'partner' } }],
    };
    for (const lead of [withProps, poor, rich]) {
      expect(inner.classify(lead, { asOf: AS_OF })).toEqual(plain.classify(lead, { asOf: AS_OF }));
    }
    expect(nested.length).toBeGreaterThan(0);
    for (const result of nested) expect(result).toEqual(plain.classify(poor, { asOf: AS_OF }));
  });

  it('reads the same test written twice (a criterion and a scoring rule) once, and reports both', () => {
    const config = {
      version: 1,
      id: 'twice',
      criteria: {
        senior: { when: { fact: 'contact.seniority', in: ['c_level', 'vp'] } },
        seniorAgain: { when: { fact: 'contact.seniority', in: ['c_level', 'vp'] } },
      },
      scoring: {
        rules: [{ id: 'senior', points: 5, when: { fact: 'contact.seniority', in: ['c_level', 'vp'] } }],
      },
      stages: [{ id: 'top', when: { criterion: 'seniorAgain' } }, { id: 'rest' }],
    };
    const classifier = compile(config);
    const vp = classifier.classify({ contact: { seniority: 'vp' } }, { asOf: AS_OF });
    expect(vp.criteria.senior?.status).toBe('met');
    expect(vp.criteria.seniorAgain?.facts).toEqual([
      { path: 'contact.seniority', value: 'vp', expected: { in: ['c_level', 'vp'] } },
    ]);
    expect(vp.scores.total).toBe(5);
    const nobody = classifier.classify({}, { asOf: AS_OF });
    expect(nobody.criteria.senior?.status).toBe('unknown');
    expect(nobody.stage).toBe('rest');
    expect(nobody.scores.total).toBe(0);
  });

  it('treats event types and criterion ids named like Object.prototype members as plain names', () => {
    const config = {
      version: 1,
      id: 'names',
      criteria: {
        constructor: { when: { event: 'constructor', withinLast: { days: 7 } } },
        toString: { when: { event: 'toString' } },
      },
      stages: [
        { id: 'any', when: { any: [{ criterion: 'constructor' }, { criterion: 'toString' }] } },
        { id: 'none' },
      ],
    };
    const classifier = compile(config);
    const lead = JSON.parse(
      '{"events":[{"type":"__proto__","at":"2026-06-01"},{"type":"constructor","at":"2026-06-29"},{"type":"hasOwnProperty","at":"2026-06-29"},{"type":"toString","at":"2026-06-31"}]}',
    );
    const result = classifier.classify(lead, { asOf: AS_OF });
    expect(result.stage).toBe('any');
    expect(Object.keys(result.criteria)).toEqual(['constructor', 'toString']);
    expect(result.criteria.constructor).toMatchObject({ status: 'met' });
    expect(result.criteria.toString).toMatchObject({ status: 'unmet' });
    expect(result.flags).toEqual(['invalid_date:events[3].at']);
    expect(Object.getPrototypeOf(result.criteria)).toBe(Object.prototype);
    expect(classifier.classify({ events: [] }, { asOf: AS_OF }).stage).toBe('none');
  });

  it('refuses __proto__ as a criterion or group id by name, instead of losing it', () => {
    const config = JSON.parse(
      '{"version":1,"id":"x","criteria":{"__proto__":{"when":{"fact":"a","eq":1}}},"scoring":{"groups":{"__proto__":{}},"rules":[]},"stages":[{"id":"all"}]}',
    );
    const result = safeParseConfig(config);
    expect(result.success).toBe(false);
    expect(
      result.issues.filter((issue) => issue.code === 'reserved_id').map((issue) => issue.message),
    ).toEqual([
      'criteria.__proto__: a reserved name; expected any other id (rename it)',
      'scoring.groups.__proto__: a reserved name; expected any other id (rename it)',
    ]);
  });

  it('reads no events (and flags none) when no condition or rule is about events', () => {
    const config = {
      version: 1,
      id: 'facts-only',
      criteria: { big: { when: { fact: 'company.employees', gte: 100 } } },
      scoring: { rules: [{ id: 'big', points: 10, when: { criterion: 'big' } }] },
      stages: [{ id: 'big', when: { criterion: 'big' } }, { id: 'rest' }],
    };
    const result = compile(config).classify(
      { company: { employees: 500 }, events: [null, { type: 42 }, { type: 'x', at: 'never' }] },
      { asOf: AS_OF },
    );
    expect(result.stage).toBe('big');
    expect(result.scores.total).toBe(10);
    expect(result.flags).toEqual([]);
  });
});
