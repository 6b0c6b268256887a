import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, compile, safeParseConfig } from '../../src/index';

const ids = ['a', 'b', 'c', 'd'];
const factOrEvent = [
  fc.record({
    fact: fc.constantFrom('x', 'y.z', 'events.length', 'n'),
    gte: fc.integer({ min: -5, max: 50 }),
  }),
  fc.record({
    fact: fc.constantFrom('x', 'y.z'),
    in: fc.array(fc.constantFrom('p', 'q', 1, true), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    event: fc.constantFrom('e1', 'e2'),
    withinLast: fc.constantFrom({ days: 30 }, 'P1M', { hours: 1 }),
  }),
];
// References are mostly valid, now and then wrong (the lint must catch it, never the classifier).
// Criteria c and d read facts and events (d first), a and b may read scores and later criteria, and
// scoring rules read only c and d: so most configs have no cycle, and some do.
const sometimes = <T>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: wrong });
const criterionRef = (allowed: string[]) =>
  fc.record({ criterion: sometimes(fc.constantFrom(...allowed), fc.constantFrom('zz', 'a')) });
const scoreRef = fc.record({
  score: sometimes(fc.constantFrom('total', 'g'), fc.constant('nope')),
  gte: sometimes(fc.integer({ min: -10, max: 20 }), fc.constant(500)),
});
const conditionOf = (leaf: fc.Arbitrary<unknown>) =>
  fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('node') }),
    ),
  })).node;
const plain = conditionOf(fc.oneof(...factOrEvent));
const condition = conditionOf(fc.oneof(...factOrEvent, criterionRef(ids), scoreRef));
const rule = fc.oneof(
  fc.record({
    points: fc.integer({ min: -20, max: 40 }),
    group: fc.constantFrom('g', 'h'),
    when: conditionOf(fc.oneof(...factOrEvent, criterionRef(['c', 'd']))),
  }),
  fc.record({
    points: fc.integer({ min: -20, max: 40 }),
    event: fc.constantFrom('e1', 'e2'),
    repeat: fc.constant({ max: 3 }),
    halfLife: fc.constantFrom({ days: 10 }, 'P1W'),
  }),
);
const config = fc.record({
  version: fc.constant(1),
  id: fc.constant('fuzz'),
  criteria: fc.record({
    d: fc.record({ when: plain }),
    c: fc.record({ when: conditionOf(fc.oneof(...factOrEvent, criterionRef(['d']))) }),
    b: fc.record({ when: conditionOf(fc.oneof(...factOrEvent, criterionRef(['c', 'd']), scoreRef)) }),
    a: fc.record({ when: conditionOf(fc.oneof(...factOrEvent, criterionRef(['b', 'c', 'd']), scoreRef)) }),
  }),
  scoring: fc.record({
    groups: fc.constant({ g: { max: 50 }, h: {} }),
    max: fc.constant(100),
    rules: fc
      .array(rule, { maxLength: 4 })
      .map((rules) => rules.map((each, index) => ({ id: `r${index}`, ...each }))),
  }),
  stages: fc
    .tuple(condition, condition)
    .map(([top, middle]) => [
      { id: 'top', when: top },
      { id: 'middle', when: middle, exit: false },
      { id: 'rest' },
    ]),
});
const lead = fc.record(
  {
    x: fc.oneof(fc.integer(), fc.constantFrom('p', 'q', '', null)),
    y: fc.oneof(fc.record({ z: fc.oneof(fc.integer(), fc.constant('p')) }), fc.anything()),
    events: fc.oneof(
      fc.array(
        fc.record({
          type: fc.constantFrom('e1', 'e2', 'e3'),
          at: fc
            .integer({ min: 0, max: 20 })
            .map((days) => new Date(Date.UTC(2026, 5, 30) - days * 86_400_000).toISOString()),
        }),
        { maxLength: 8 },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

describe('configs, fuzzed', () => {
  it('either compile or fail with a ConfigError, and compiled ones never throw on leads', () => {
    fc.assert(
      fc.property(config, fc.array(lead, { maxLength: 5 }), (input, leads) => {
        const parsed = safeParseConfig(input);
        let classifier: ReturnType<typeof compile>;
        try {
          classifier = compile(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          expect(parsed.success).toBe(false);
          return;
        }
        expect(parsed.success).toBe(true);
        for (const each of leads) {
          const result = classifier.classify(each, { asOf: '2026-06-30T00:00:00Z' });
          expect(['top', 'middle', 'rest']).toContain(result.stage);
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        }
      }),
      { numRuns: 500 },
    );
  });
});
