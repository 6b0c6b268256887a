import { compileProgram } from './compileProgram';
import { parsePattern } from './parsePattern';
import { createCache, runCached } from './runCached';
import { runProgram } from './runProgram';

/** A pattern compiled for the linear-time engine. */
export interface CompiledPattern {
  /**
   * Whether the pattern matches anywhere in the text, as `RegExp.prototype.test` would; `undefined` when
   * answering would take more than `limit` steps, or {@link MAX_TEST_STEPS} (a large program on a long text).
   */
  readonly test: (text: string, limit?: number) => boolean | undefined;
  /** The steps the last `test` took: what a caller with a budget charges. */
  readonly steps: () => number;
  /** The number of instructions it compiled to (at most `MAX_PROGRAM_SIZE`). */
  readonly size: number;
}

/**
 * The most steps one `test` takes (about 15 ms here, more on a loaded machine). A program of n instructions takes at most
 * 7n + 3 steps per character, so it always reads MAX_TEST_STEPS / (7n + 3) characters or more: 27,000 for
 * a pattern of 10 instructions, 2,000 for one of 140.
 */
export const MAX_TEST_STEPS = 2_000_000;

/**
 * Compiles a JavaScript regular expression for the linear-time engine: the same strings match as with
 * `new RegExp(source, flags).test`, in time linear in the text (see docs/patterns.md).
 *
 * @param source The pattern.
 * @param flags Out of `i`, `m`, `s`, `u`.
 * @returns Its `test`.
 * @throws {PatternError} `invalid_pattern`, `unsupported_pattern` (back-references, lookarounds) or `too_large`.
 */
export function compilePattern(source: string, flags = ''): CompiledPattern {
  const program = compileProgram(parsePattern(source, flags));
  const cache = createCache(program);
  const meter = { steps: 0 };
  return {
    test: (text, limit = MAX_TEST_STEPS) => {
      meter.steps = 0;
      const most = Math.min(limit, MAX_TEST_STEPS);
      const answer = runCached(cache, text, meter, most);
      // the cache filled up on this text: the state-set simulation, with what is left of the steps
      return answer === 'full' ? runProgram(program, text, meter, most - meter.steps) : answer;
    },
    steps: () => meter.steps,
    size: program.size,
  };
}
