import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Classification, compile, presets, type StatusClassification } from '../../src/index';
import { asOf, leadShaped } from './arbitraries';

const classifiers = Object.values(presets).map((preset) => compile(preset));

/** Fields only a full result has: what people read. */
const FULL_ONLY = new Set(['stageLabel', 'locale', 'ledger', 'actions']);

/** Every field `part` carries holds what `whole` holds there (arrays element by element, same length). */
function expectCarried(part: unknown, whole: unknown, path: string): void {
  if (part === null || typeof part !== 'object') {
    expect(part, path).toEqual(whole);
    return;
  }
  expect(whole, path).toBeTypeOf('object');
  if (Array.isArray(part)) {
    expect(whole, path).toBeInstanceOf(Array);
    expect(part.length, `${path}.length`).toBe((whole as unknown[]).length);
    for (const [index, item] of part.entries())
      expectCarried(item, (whole as unknown[])[index], `${path}[${index}]`);
    return;
  }
  for (const [key, value] of Object.entries(part)) {
    expect(Object.hasOwn(whole as object, key), `${path}.${key} is in the full result`).toBe(true);
    expectCarried(value, (whole as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

function expectAgreement(full: Classification, statuses: StatusClassification): void {
  expect(statuses.detail).toBe('statuses');
  const { detail: _, ...carried } = statuses;
  // nothing left out but what people read, and no criterion left out
  expect(Object.keys(carried).sort()).toEqual(
    Object.keys(full)
      .filter((key) => !FULL_ONLY.has(key))
      .sort(),
  );
  expect(Object.keys(statuses.criteria)).toEqual(Object.keys(full.criteria));
  expectCarried(carried, full, 'result');
}

describe('detail levels', () => {
  it('statuses and stage() agree with the full result on every field they carry, for every preset', () => {
    fc.assert(
      fc.property(fc.oneof(leadShaped, fc.anything()), asOf, (lead, at) => {
        for (const classifier of classifiers) {
          const full = classifier.classify(lead, { asOf: at });
          const statuses = classifier.classify(lead, { asOf: at, detail: 'statuses' });
          expectAgreement(full, statuses);
          expect(classifier.stage(lead, { asOf: at })).toBe(full.stage);
          // the same lead again, after the other levels used the workspace: nothing leaks between them
          expect(classifier.classify(lead, { asOf: at })).toEqual(full);
        }
      }),
      { numRuns: 150 },
    );
  });
});
