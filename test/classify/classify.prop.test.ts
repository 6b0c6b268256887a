import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, compileCondition, explain, presets } from '../../src/index';
import { asOf, leadShaped } from './arbitraries';

const classifiers = Object.values(presets).map((preset) => compile(preset));

describe('classify properties', () => {
  it('never throws on any lead, for every preset, and the result is plain JSON', () => {
    fc.assert(
      fc.property(fc.oneof(leadShaped, fc.anything()), asOf, (lead, at) => {
        for (const classifier of classifiers) {
          const result = classifier.classify(lead, { asOf: at });
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
          expect(typeof explain(result)).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and independent of earlier leads', () => {
    fc.assert(
      fc.property(leadShaped, leadShaped, asOf, (first, second, at) => {
        const classifier = classifiers[1]!;
        const alone = JSON.stringify(classifier.classify(second, { asOf: at }));
        classifier.classify(first, { asOf: at + 1 });
        expect(JSON.stringify(classifier.classify(second, { asOf: at }))).toBe(alone);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every criterion the status its condition has on its own (the memo and event tally change nothing)', () => {
    // compileCondition evaluates without a classifier: no memo, no one-pass tally, no shared leaves
    const oracles = Object.values(presets).map((preset) => ({
      classifier: compile(preset),
      criteria: Object.entries(preset.criteria)
        .filter(([, criterion]) => !JSON.stringify(criterion.when).match(/"(criterion|score)":/))
        .map(([id, criterion]) => ({ id, condition: compileCondition(criterion.when) })),
    }));
    expect(oracles.flatMap((oracle) => oracle.criteria).length).toBeGreaterThan(30);
    fc.assert(
      fc.property(leadShaped, leadShaped, asOf, (first, lead, at) => {
        for (const { classifier, criteria } of oracles) {
          classifier.classify(first, { asOf: at - 1 }); // an earlier lead leaves the buffers dirty
          const result = classifier.classify(lead, { asOf: at });
          for (const { id, condition } of criteria) {
            expect(result.criteria[id]?.status, id).toBe(condition.evaluate(lead, { asOf: at }).status);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the ledger adds up to the total', () => {
    fc.assert(
      fc.property(leadShaped, asOf, (lead, at) => {
        for (const classifier of classifiers) {
          const { ledger, scores } = classifier.classify(lead, { asOf: at });
          const sum = ledger.reduce((total, entry) => total + entry.points, 0);
          expect(Math.abs(sum - scores.total)).toBeLessThanOrEqual(0.01 * (ledger.length + 1));
        }
      }),
      { numRuns: 200 },
    );
  });
});
