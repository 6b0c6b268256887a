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

/**
 * The most states, and instructions across them, that one text may build: what a cache that starts empty
 * for the text holds before it is full and the simulation takes over. The cache kept across texts holds
 * twice as much (see {@link runCached}).
 */
const MAX_STATES = 200;
const MAX_KERNELS = 20_000;
/** Past this many instructions states are not cached: the simulation runs. */
const MAX_CACHED_PROGRAM = 500;
/** Texts are numbered (in 16 bits) to tell which states and transitions a text has met: past this, the cache starts over. */
const MAX_TEXT = 0xffff;

interface State {
  /** The instructions live at a position, before the threads they start are followed: sorted. */
  readonly kernel: Int32Array;
  readonly context: number;
  /** Per ASCII code read next: the next state's index, `MATCHED`, or `UNKNOWN` not computed yet. */
  readonly ascii: Int32Array;
  /** Per ASCII code: the steps computing that transition took, and the last text that took it. */
  readonly asciiCost: Uint16Array;
  readonly asciiSeen: Uint16Array;
  /** The same for the other code points: the next state, and `[cost, last text]`. */
  readonly other: Map<number, number>;
  readonly otherCost: Map<number, number>;
  readonly otherSeen: Map<number, number>;
  /** Whether the text may end here: 0 not computed, 1 a match, 2 none; and the steps it took. */
  atEnd: number;
  atEndCost: number;
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
  /** The number of the text being read (1, 2, …). */
  text: number;
  /** Whether an empty match holds between the halves of a surrogate pair (V8 tries one there, with u): 0 unknown, 1 yes, 2 no. */
  betweenHalves: number;
  betweenHalvesCost: number;
  betweenHalvesSeen: number;
  /** Counts the steps of what is computed, to keep them with it. */
  readonly scratch: StepMeter;
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
    text: 0,
    betweenHalves: 0,
    betweenHalvesCost: 0,
    betweenHalvesSeen: 0,
    scratch: { steps: 0 },
    mark: new Float64Array(program.size),
    generation: 0,
    stack: new Int32Array(program.size * 2 + 2),
    live: new Int32Array(program.size),
  };
}

function empty(cache: Cache): void {
  cache.states = [];
  cache.index = new Map();
  cache.kernels = 0;
  cache.initial = -1;
  cache.betweenHalves = 0;
  cache.betweenHalvesSeen = 0;
}

/**
 * Whether a program matches anywhere in a text, as `runProgram` answers, through a cache of the state sets
 * already met. If the cache fills up during a text the answer is `'full'`: the caller runs `runProgram`
 * instead — as it does for programs of more than 500 instructions.
 *
 * **The steps it charges depend on the program and the text only**, never on the texts read before: they
 * are the steps a cache that started empty for this text would take — each (state, character) transition
 * the text takes for the first time costs what computing it costs (what `runProgram` spends on that
 * character, plus the state's key), each later one step — and `'full'` comes when such a cache would fill
 * up (200 states or 20,000 instructions), at the same character. The work actually done is less (what the
 * cache already holds is not computed again) but never more than that, plus building states. So the same
 * lead costs the same units and meets `limit` at the same character whatever was classified before, and a
 * pattern test shared by several leaves (generated code) charges what separate ones charge (the closures).
 * The cache kept across texts holds what one text may build, and is emptied before a text once half full;
 * a text that fills it anyway is read again from an empty cache (which is that fresh cache), so the work
 * is at most twice what is charged. A transition's cost and the last text that took it are 16-bit numbers
 * (a cost is at most ~2,500 steps for the 500 instructions cached), so a state weighs ~1 KB.
 *
 * @param cache What `createCache` returned for the program.
 * @param text The text searched.
 * @param meter Steps charged are added to it.
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
  if (program.size > MAX_CACHED_PROGRAM) return 'full';
  if (cache.states.length * 2 >= MAX_STATES || cache.kernels * 2 >= MAX_KERNELS) empty(cache);
  const start = meter.steps;
  let answer = runOnce(cache, text, meter, limit);
  if (answer === UNKNOWN) {
    // the cache kept across texts filled up during this text: read it again from an empty cache, which
    // charges the same steps (an empty cache is the fresh cache the charges are counted for)
    meter.steps = start;
    empty(cache);
    answer = runOnce(cache, text, meter, limit);
  }
  return answer === MATCHED ? true : answer === NO_MATCH ? false : answer === OVER ? undefined : 'full';
}

const NO_MATCH = -3;
const OVER = -4;
const FULL = -5;

/** One reading of a text: MATCHED, NO_MATCH, OVER (past the limit), FULL (a fresh cache would fill up) or UNKNOWN (this one did). */
function runOnce(cache: Cache, text: string, meter: StepMeter, limit: number): number {
  const { program } = cache;
  const unicode = program.flags.unicode;
  if (cache.text >= MAX_TEXT - 1) {
    // the 16-bit text numbers wrap: start over (no stamp of an old text may equal a new one)
    empty(cache);
    cache.text = 0;
  }
  const textNumber = ++cache.text;
  const scratch = cache.scratch;
  // an empty cache is the fresh cache the charges are counted for: where it fills up, so would that one.
  // A cache that held states before fills up no later than a fresh one (it holds every state this text
  // reaches, and more): it is read again from empty, so 'full' comes only where a fresh cache's does
  const fresh = cache.states.length === 0;
  const length = text.length;
  if (cache.initial < 0) {
    cache.initial = stateFor(cache, new Int32Array([0]), AT_START, scratch);
    if (cache.initial === UNKNOWN) return UNKNOWN;
  }
  let state = cache.initial;
  // a fresh cache pays the initial state's key
  meter.steps += 1;
  let position = 0;
  while (position < length) {
    if (meter.steps > limit) return OVER;
    const code = unicode ? (text.codePointAt(position) as number) : text.charCodeAt(position);
    if (code > 0xffff && !program.anchored) {
      if (cache.betweenHalves === 0) {
        scratch.steps = 0;
        // after a lead surrogate, before a trail one: neither a word character nor a line terminator
        cache.betweenHalves = closure(cache, new Int32Array([0]), AFTER_OTHER, 0xdc00, scratch) < 0 ? 1 : 2;
        cache.betweenHalvesCost = scratch.steps;
      }
      if (cache.betweenHalvesSeen !== textNumber) {
        cache.betweenHalvesSeen = textNumber;
        meter.steps += cache.betweenHalvesCost;
      }
      if (cache.betweenHalves === 1) return MATCHED;
    }
    const current = cache.states[state] as State;
    meter.steps++;
    let next: number;
    if (code < 128) {
      next = current.ascii[code] as number;
      if (next === UNKNOWN) {
        scratch.steps = 0;
        next = transition(cache, current, code, scratch);
        if (next === UNKNOWN) return overflow(fresh, meter, scratch);
        current.ascii[code] = next;
        current.asciiCost[code] = scratch.steps;
      }
      if (current.asciiSeen[code] !== textNumber) {
        // the first time this text takes the transition: a fresh cache computes it here
        current.asciiSeen[code] = textNumber;
        meter.steps += current.asciiCost[code] as number;
      }
    } else {
      next = current.other.get(code) ?? UNKNOWN;
      if (next === UNKNOWN) {
        scratch.steps = 0;
        next = transition(cache, current, code, scratch);
        if (next === UNKNOWN) return overflow(fresh, meter, scratch);
        current.other.set(code, next);
        current.otherCost.set(code, scratch.steps);
      }
      if (current.otherSeen.get(code) !== textNumber) {
        current.otherSeen.set(code, textNumber);
        meter.steps += current.otherCost.get(code) as number;
      }
    }
    if (next === MATCHED) return MATCHED;
    state = next;
    // anchored and nothing live: no match can start later
    if (program.anchored && (cache.states[state] as State).kernel.length === 0) return NO_MATCH;
    position += code > 0xffff ? 2 : 1;
  }
  const last = cache.states[state] as State;
  if (last.atEnd === 0) {
    scratch.steps = 0;
    last.atEnd = closure(cache, last.kernel, last.context, END, scratch) < 0 ? 1 : 2;
    last.atEndCost = scratch.steps;
  }
  meter.steps += last.atEndCost;
  return last.atEnd === 1 ? MATCHED : NO_MATCH;
}

/**
 * The cache filled up computing a transition: in a fresh cache, what that cache does — pay the computation
 * and let the simulation take over (`FULL`); else `UNKNOWN`, to read the text again from an empty cache.
 */
function overflow(fresh: boolean, meter: StepMeter, scratch: StepMeter): number {
  if (!fresh) return UNKNOWN;
  meter.steps += scratch.steps;
  return FULL;
}

function stateFor(cache: Cache, kernel: Int32Array, context: number, meter: StepMeter): number {
  const key = `${context}:${kernel.join(',')}`;
  meter.steps += kernel.length;
  const known = cache.index.get(key);
  if (known !== undefined) return known;
  if (cache.states.length >= MAX_STATES || cache.kernels >= MAX_KERNELS) return UNKNOWN;
  cache.states.push({
    kernel,
    context,
    ascii: new Int32Array(128).fill(UNKNOWN),
    asciiCost: new Uint16Array(128),
    asciiSeen: new Uint16Array(128),
    other: new Map(),
    otherCost: new Map(),
    otherSeen: new Map(),
    atEnd: 0,
    atEndCost: 0,
  });
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
