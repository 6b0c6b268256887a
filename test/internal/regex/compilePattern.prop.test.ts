// The engine against JavaScript's RegExp: on random patterns (printed from random trees, random flags out of
// i m s u) and random texts over a small alphabet with cases, folds, astral characters, lone surrogates and
// line terminators, where JavaScript accepts a pattern the engine accepts it too (or finds it too large), and
// both answer `test` the same — the cached automaton and the simulation under it. scripts/fuzz-patterns.mjs
// runs the same for longer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/internal/regex/compilePattern';
import { compileProgram } from '../../../src/internal/regex/compileProgram';
import { parsePattern } from '../../../src/internal/regex/parsePattern';
import { PatternError } from '../../../src/internal/regex/patternError';
import { createCache, runCached } from '../../../src/internal/regex/runCached';
import { runProgram } from '../../../src/internal/regex/runProgram';
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
    return {
      native,
      engine: compilePattern(pattern, flags),
      program: compileProgram(parsePattern(pattern, flags)),
    };
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
            const expected = [pattern, flags, value, both.native.test(value)];
            // the cached automaton `test` runs, and the state-set simulation it falls back to
            expect([pattern, flags, value, both.engine.test(value)]).toEqual(expected);
            expect([pattern, flags, value, runProgram(both.program, value)]).toEqual(expected);
          }
        },
      ),
      { numRuns: Number(process.env.PATTERN_RUNS ?? 3_000) },
    );
  });
});

describe('the cache of states', () => {
  it('answers as RegExp does when a text outgrows it, and again on the next text', () => {
    const pattern = '[ab]{0,240}c$'; // 483 instructions: cached
    const engine = compilePattern(pattern);
    const native = new RegExp(pattern);
    const program = compileProgram(parsePattern(pattern));
    // the premise: 400 characters of a and b meet more states than the cache holds
    expect(runCached(createCache(program), 'ab'.repeat(200), { steps: 0 })).toBe('full');
    for (const value of [
      `${'ab'.repeat(200)}c`,
      `${'ab'.repeat(200)}!`,
      'abc',
      `${'b'.repeat(240)}c`,
      `${'b'.repeat(241)}c`,
      'c',
    ]) {
      expect([value.length, engine.test(value)]).toEqual([value.length, native.test(value)]);
    }
  });
});
