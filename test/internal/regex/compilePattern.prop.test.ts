// The engine against JavaScript's RegExp: on random patterns (printed from random trees, random flags out of
// i m s u) and random texts over a small alphabet with cases, folds, astral characters, lone surrogates and
// line terminators, where JavaScript accepts a pattern the engine accepts it too (or finds it too large), and
// both answer `test` the same. scripts/fuzz-patterns.mjs runs the same for longer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/internal/regex/compilePattern';
import { PatternError } from '../../../src/internal/regex/patternError';
import { patternCase, text } from './patternArbitrary';

function compileBoth(pattern: string, flags: string) {
  let native: RegExp;
  try {
    native = new RegExp(pattern, flags);
  } catch {
    expect(() => compilePattern(pattern, flags)).toThrow(PatternError);
    return undefined;
  }
  try {
    return { native, engine: compilePattern(pattern, flags) };
  } catch (error) {
    // the generator writes no back-reference nor lookaround: the only refusal left is the size
    expect((error as PatternError).code).toBe('too_large');
    return undefined;
  }
}

describe('compilePattern matches as RegExp does', () => {
  it('on random patterns, flags and texts', () => {
    fc.assert(
      fc.property(
        patternCase,
        fc.array(text, { minLength: 1, maxLength: 8 }),
        ({ pattern, flags }, texts) => {
          const both = compileBoth(pattern, flags);
          if (both === undefined) return;
          for (const value of texts) {
            expect([pattern, flags, value, both.engine.test(value)]).toEqual([
              pattern,
              flags,
              value,
              both.native.test(value),
            ]);
          }
        },
      ),
      { numRuns: Number(process.env.PATTERN_RUNS ?? 3_000) },
    );
  });
});
