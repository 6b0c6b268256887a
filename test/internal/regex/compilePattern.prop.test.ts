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

describe('what a test charges', () => {
  // The budget charges a pattern test's steps: the same text must cost the same steps, and meet a limit at
  // the same point, whatever the engine read before — or the same lead classifies differently after other
  // leads, and a test shared by several leaves (generated code) charges otherwise than one per leaf.
  it('depends on the pattern and the text only, never on the texts read before', () => {
    fc.assert(
      fc.property(
        patternCase,
        fc.array(text, { minLength: 2, maxLength: 10 }),
        fc.array(fc.nat(400), { minLength: 10, maxLength: 10 }),
        ({ pattern, flags }, texts, limits) => {
          const both = compileBoth(pattern, flags);
          if (both === undefined) return;
          const shared = both.engine;
          texts.forEach((value, index) => {
            const fresh = compilePattern(pattern, flags);
            const limit = index % 2 === 0 ? undefined : (limits[index] as number);
            const expected = [value, fresh.test(value, limit), fresh.steps()];
            expect([value, shared.test(value, limit), shared.steps()]).toEqual(expected);
          });
          // and again, in the other order, on the warm cache
          for (const value of [...texts].reverse()) {
            const fresh = compilePattern(pattern, flags);
            expect([value, shared.test(value), shared.steps()]).toEqual([
              value,
              fresh.test(value),
              fresh.steps(),
            ]);
          }
        },
      ),
      { numRuns: Number(process.env.PATTERN_RUNS ?? 1_500) },
    );
  });

  it('is the same for texts that outgrow the cache, before and after others', () => {
    const pattern = '[ab]{0,240}c$'; // 483 instructions: cached
    const long = `${'ab'.repeat(200)}c`;
    const fresh = compilePattern(pattern);
    const expected = [fresh.test(long), fresh.steps()];
    const shared = compilePattern(pattern);
    for (const value of ['abc', 'b'.repeat(240), `${'ab'.repeat(150)}`, long, 'c', long]) shared.test(value);
    expect([shared.test(long), shared.steps()]).toEqual(expected);
    // at a limit just under what it costs: past the limit, in both
    const limited = compilePattern(pattern);
    expect(limited.test(long, (expected[1] as number) - 50)).toBeUndefined();
    expect(shared.test(long, (expected[1] as number) - 50)).toBeUndefined();
    expect(shared.steps()).toBe(limited.steps());
  });
});

describe('the cache kept across texts', () => {
  it('charges what a fresh cache would when a text fills it part-way (read again from empty)', () => {
    // two families of states (a/b runs, d/e runs), a new state per character read in each
    const pattern = '[ab]{0,110}c$|[de]{0,110}f$';
    expect(compileProgram(parsePattern(pattern)).size).toBeLessThanOrEqual(500); // cached
    const shared = compilePattern(pattern);
    // 96 states kept (under half the cache); then 106 more of the other family: the kept cache fills up
    // during the text, which a fresh one does not; then texts that fill even a fresh cache
    for (const value of [
      'a'.repeat(95),
      'd'.repeat(105),
      'e'.repeat(60),
      `${'ab'.repeat(50)}${'de'.repeat(55)}f`,
    ]) {
      const fresh = compilePattern(pattern);
      const expected = [value.length, fresh.test(value), fresh.steps()];
      expect([value.length, shared.test(value), shared.steps()]).toEqual(expected);
    }
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
