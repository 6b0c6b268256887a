import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashJson } from '../../src/internal/hash';

/** The same JSON value with every object's keys in reverse order, at every level. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, item]) => [key, reversed(item)]),
    );
  }
  return value;
}

/** JSON text with keys sorted: equal exactly when two values are the same JSON. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('hashJson', () => {
  it('is independent of key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(hashJson(reversed(value))).toBe(hashJson(value));
      }),
    );
  });

  it('tells different JSON values apart', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (left, right) => {
        fc.pre(canonical(left) !== canonical(right));
        expect(hashJson(left)).not.toBe(hashJson(right));
      }),
      { numRuns: 2000 },
    );
  });

  it('separates values that concatenate alike', () => {
    const pairs: Array<[unknown, unknown]> = [
      [
        ['ab', 'c'],
        ['a', 'bc'],
      ],
      [{ a: 'b' }, { ab: '' }],
      [[[]], [[], []]],
      [{ a: [1] }, { a: 1 }],
      [1, '1'],
      [null, 'null'],
      [{}, []],
      [{ a: undefined }, {}],
    ];
    for (const [left, right] of pairs.slice(0, -1)) expect(hashJson(left)).not.toBe(hashJson(right));
    // undefined members are not JSON: left out, as JSON.stringify leaves them out
    expect(hashJson({ a: undefined })).toBe(hashJson({}));
  });
});
