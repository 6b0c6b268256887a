import { Op, type Program } from './compileProgram';
import { Assertion } from './parsePattern';
import type { StepMeter } from './runProgram';

/** What the character before a position was: assertions depend on it (and on the character after). */
const AT_START = 0;
const AFTER_LINE_END = 1;
const AFTER_WORD = 2;
const AFTER_OTHER = 3;
/** The code given for "no character": the end of the text. */
const END = -1;
const UNKNOWN = -1;
const MATCHED = -2;

/** The most states the cache holds for one pattern, and the most instructions across them. */
const MAX_STATES = 200;
const MAX_KERNELS = 20_000;
/** Past this many instructions, or this many texts that outgrew the cache, states are not cached: the simulation runs. */
const MAX_CACHED_PROGRAM = 500;
const MAX_OVERFLOWS = 3;

interface State {
  /** The instructions live at a position, before the threads they start are followed: sorted. */
  readonly kernel: Int32Array;
  readonly context: number;
  /** Per ASCII code read next: the next state's index, `MATCHED`, or `UNKNOWN` not computed yet. */
  readonly ascii: Int32Array;
  readonly other: Map<number, number>;
  /** Whether the text may end here: 0 not computed, 1 a match, 2 none. */
  atEnd: number;
}

/**
 * A lazily built deterministic automaton over a program: the states are the sets of live instructions
 * the state-set simulation of `runProgram` goes through, computed by the same rules the first time a
 * (state, character) pair is met and kept for the next characters and the next texts. Kept per program.
 */
export interface Cache {
  readonly program: Program;
  states: State[];
  index: Map<string, number>;
  kernels: number;
  /** The state at the start of a text, once built; -1 before. */
  initial: number;
  /** Texts that outgrew the cache. */
  overflows: number;
  /** Whether an empty match holds between the halves of a surrogate pair (V8 tries one there, with u): 0 unknown, 1 yes, 2 no. */
  betweenHalves: number;
  readonly mark: Float64Array;
  generation: number;
  readonly stack: Int32Array;
  readonly live: Int32Array;
}

/**
 * An empty cache for a program.
 *
 * @param program What `compileProgram` returned.
 * @returns A cache with no state yet.
 */
export function createCache(program: Program): Cache {
  return {
    program,
    states: [],
    index: new Map(),
    kernels: 0,
    initial: -1,
    overflows: 0,
    betweenHalves: 0,
    mark: new Float64Array(program.size),
    generation: 0,
    stack: new Int32Array(program.size * 2 + 2),
    live: new Int32Array(program.size),
  };
}

/**
 * Whether a program matches anywhere in a text, as `runProgram` answers, through a cache of the state sets
 * already met: a character whose transition is cached costs one step, one that is not costs what
 * `runProgram` spends on it (plus the state's key). When the cache is full it is emptied before a text, and
 * if it fills up during one the answer is `'full'`: the caller runs `runProgram` instead — as it does for
 * programs of more than 500 instructions, and after three texts that outgrew the cache.
 *
 * @param cache What `createCache` returned for the program.
 * @param text The text searched.
 * @param meter Steps taken are added to it.
 * @param limit The most steps to take: past it the answer is `undefined`.
 * @returns Whether it matches; `undefined` past the limit; `'full'` when the cache filled up.
 */
export function runCached(
  cache: Cache,
  text: string,
  meter: StepMeter,
  limit = Number.POSITIVE_INFINITY,
): boolean | undefined | 'full' {
  const { program } = cache;
  if (program.size > MAX_CACHED_PROGRAM || cache.overflows >= MAX_OVERFLOWS) return 'full';
  const unicode = program.flags.unicode;
  if (cache.states.length >= MAX_STATES || cache.kernels >= MAX_KERNELS) {
    cache.states = [];
    cache.index = new Map();
    cache.kernels = 0;
    cache.initial = -1;
  }
  const length = text.length;
  if (cache.initial < 0) cache.initial = stateFor(cache, new Int32Array([0]), AT_START, meter);
  let state = cache.initial;
  let position = 0;
  while (position < length) {
    if (meter.steps > limit) return undefined;
    const code = unicode ? (text.codePointAt(position) as number) : text.charCodeAt(position);
    if (code > 0xffff && !program.anchored && betweenHalves(cache, meter)) return true;
    const current = cache.states[state] as State;
    let next = code < 128 ? (current.ascii[code] as number) : (current.other.get(code) ?? UNKNOWN);
    meter.steps++;
    if (next === UNKNOWN) {
      next = transition(cache, current, code, meter);
      if (next === UNKNOWN) {
        cache.overflows++;
        return 'full';
      }
      if (code < 128) current.ascii[code] = next;
      else current.other.set(code, next);
    }
    if (next === MATCHED) return true;
    state = next;
    // anchored and nothing live: no match can start later
    if (program.anchored && (cache.states[state] as State).kernel.length === 0) return false;
    position += code > 0xffff ? 2 : 1;
  }
  const last = cache.states[state] as State;
  if (last.atEnd === 0) last.atEnd = closure(cache, last.kernel, last.context, END, meter) < 0 ? 1 : 2;
  return last.atEnd === 1;
}

function stateFor(cache: Cache, kernel: Int32Array, context: number, meter: StepMeter): number {
  const key = `${context}:${kernel.join(',')}`;
  meter.steps += kernel.length;
  const known = cache.index.get(key);
  if (known !== undefined) return known;
  if (cache.states.length >= MAX_STATES || cache.kernels >= MAX_KERNELS) return UNKNOWN;
  const ascii = new Int32Array(128).fill(UNKNOWN);
  cache.states.push({ kernel, context, ascii, other: new Map(), atEnd: 0 });
  cache.kernels += kernel.length + 1;
  cache.index.set(key, cache.states.length - 1);
  return cache.states.length - 1;
}

function contextOf(code: number, extraWord: boolean): number {
  if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) return AFTER_LINE_END;
  return isWordCode(code, extraWord) ? AFTER_WORD : AFTER_OTHER;
}

function isWordCode(code: number, extraWord: boolean): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    (extraWord && (code === 0x17f || code === 0x212a))
  );
}

/** The state after reading `code` in `state`, or `MATCHED` when a match ends before it; `UNKNOWN` when the cache is full. */
function transition(cache: Cache, state: State, code: number, meter: StepMeter): number {
  const { program, live } = cache;
  const count = closure(cache, state.kernel, state.context, code, meter);
  if (count < 0) return MATCHED;
  const { arg, atoms } = program;
  const targets: number[] = program.anchored ? [] : [0];
  for (let index = 0; index < count; index++) {
    const pc = live[index] as number;
    meter.steps++;
    if ((atoms[arg[pc] as number] as (code: number) => boolean)(code)) targets.push(pc + 1);
  }
  targets.sort((a, b) => a - b);
  const kernel = new Int32Array(targets.filter((pc, index) => index === 0 || targets[index - 1] !== pc));
  const extraWord = program.flags.unicode && program.flags.ignoreCase;
  // with u, an astral character is neither a word character nor a line terminator
  return stateFor(cache, kernel, contextOf(code > 0xffff ? 0 : code, extraWord), meter);
}

function betweenHalves(cache: Cache, meter: StepMeter): boolean {
  if (cache.betweenHalves === 0) {
    // after a lead surrogate, before a trail one: neither a word character nor a line terminator
    cache.betweenHalves = closure(cache, new Int32Array([0]), AFTER_OTHER, 0xdc00, meter) < 0 ? 1 : 2;
  }
  return cache.betweenHalves === 1;
}

/**
 * Follows the threads the kernel starts without reading, at a position after `context` and before `next`
 * (`END` at the end): the character instructions reached go to `cache.live`; returns their count, or -1 when
 * `MATCH` is reached.
 */
function closure(cache: Cache, kernel: Int32Array, context: number, next: number, meter: StepMeter): number {
  const { program, mark, stack, live } = cache;
  const { op, arg, alt, flags } = program;
  const extraWord = flags.unicode && flags.ignoreCase;
  const generation = ++cache.generation;
  const nextIsLineEnd = next === 0x0a || next === 0x0d || next === 0x2028 || next === 0x2029;
  const nextIsWord = next !== END && next <= 0xffff && isWordCode(next, extraWord);
  const previousIsWord = context === AFTER_WORD;
  let count = 0;
  let top = 0;
  for (let index = kernel.length - 1; index >= 0; index--) stack[top++] = kernel[index] as number;
  while (top > 0) {
    const pc = stack[--top] as number;
    meter.steps++;
    if (mark[pc] === generation) continue;
    mark[pc] = generation;
    switch (op[pc]) {
      case Op.Char:
        live[count++] = pc;
        break;
      case Op.Split:
        stack[top++] = alt[pc] as number;
        stack[top++] = arg[pc] as number;
        break;
      case Op.Jump:
        stack[top++] = arg[pc] as number;
        break;
      case Op.Assert: {
        const assertion = arg[pc] as number;
        const holds =
          assertion === Assertion.Start
            ? context === AT_START
            : assertion === Assertion.End
              ? next === END
              : assertion === Assertion.LineStart
                ? context === AT_START || context === AFTER_LINE_END
                : assertion === Assertion.LineEnd
                  ? next === END || nextIsLineEnd
                  : assertion === Assertion.WordBoundary
                    ? previousIsWord !== nextIsWord
                    : previousIsWord === nextIsWord;
        if (holds) stack[top++] = pc + 1;
        break;
      }
      default:
        return -1;
    }
  }
  return count;
}
