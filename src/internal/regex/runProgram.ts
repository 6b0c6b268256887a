import { Op, type Program } from './compileProgram';
import { Assertion } from './parsePattern';

/** Counts the work of `runProgram` calls, for tests that bound it: one step per instruction visited. */
export interface StepMeter {
  steps: number;
}

interface Buffers {
  /** Per ASCII code: 1 when one of the program's first atoms accepts it, 2 when none does; 0 unknown. */
  readonly firstAscii: Uint8Array;
  current: Int32Array;
  next: Int32Array;
  /** The generation an instruction was last added in (a float: never wraps). */
  readonly mark: Float64Array;
  readonly stack: Int32Array;
  generation: number;
}

const BUFFERS = /* @__PURE__ */ new WeakMap<Program, Buffers>();

function newBuffers(program: Program): Buffers {
  const { size } = program;
  const buffers: Buffers = {
    firstAscii: new Uint8Array(128),
    current: new Int32Array(size),
    next: new Int32Array(size),
    mark: new Float64Array(size),
    stack: new Int32Array(size * 2 + 2),
    generation: 0,
  };
  BUFFERS.set(program, buffers);
  return buffers;
}

/**
 * Whether a program matches anywhere in a text (`RegExp.prototype.test` without `g`/`y`), by a state-set
 * simulation (Pike's VM without captures): each character is read once against the set of live
 * instructions, each instruction at most once per position. Per position: at most 3n + 1 instructions
 * visited while adding threads (n instructions, each pushing at most two), n character tests, and with `u`
 * before an astral character one more pass of 3n + 1 (see below): at most (7n + 3) × (text length + 1)
 * steps, whatever the pattern and the text.
 *
 * @param program What `compileProgram` returned.
 * @param text The text searched.
 * @param meter Optional: steps taken are added to it.
 * @param limit The most steps to take: past it (checked once per character) the answer is `undefined`.
 * @returns Whether the pattern matches somewhere in the text; `undefined` when `limit` was reached first.
 */
export function runProgram(
  program: Program,
  text: string,
  meter?: StepMeter,
  limit = Number.POSITIVE_INFINITY,
): boolean | undefined {
  const { op, arg, alt, atoms, anchored, flags } = program;
  const unicode = flags.unicode;
  const extraWord = flags.unicode && flags.ignoreCase;
  // one set of buffers per program, reused: a call runs to the end before another starts (atoms call no user code)
  const buffers = (BUFFERS.get(program) ?? newBuffers(program)) as Buffers;
  let current = buffers.current;
  let next = buffers.next;
  let currentCount = 0;
  let nextCount = 0;
  const { mark, stack, firstAscii } = buffers;
  const firstAtoms = anchored ? undefined : program.firstAtoms;
  let generation = buffers.generation + 1;
  let steps = 0;
  const length = text.length;

  const isWord = (index: number): boolean => {
    if (index < 0 || index >= length) return false;
    const code = text.charCodeAt(index);
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x5f ||
      // with i and u, JavaScript counts the characters that fold to a word character (ſ → s, K → k)
      (extraWord && (code === 0x17f || code === 0x212a))
    );
  };
  const isLineTerminatorAt = (index: number): boolean => {
    const code = text.charCodeAt(index);
    return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
  };
  const holds = (assertion: number, position: number): boolean => {
    switch (assertion) {
      case Assertion.Start:
        return position === 0;
      case Assertion.End:
        return position === length;
      case Assertion.LineStart:
        return position === 0 || isLineTerminatorAt(position - 1);
      case Assertion.LineEnd:
        return position === length || isLineTerminatorAt(position);
      case Assertion.WordBoundary:
        return isWord(position - 1) !== isWord(position);
      default:
        return isWord(position - 1) === isWord(position);
    }
  };
  /** Adds `start` and what it reaches without reading to the list being built; true when it reaches MATCH. */
  const add = (list: Int32Array, count: number, start: number, position: number): number => {
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const pc = stack[--top] as number;
      steps++;
      if (mark[pc] === generation) continue;
      mark[pc] = generation;
      switch (op[pc]) {
        case Op.Char:
          list[count++] = pc;
          break;
        case Op.Split:
          stack[top++] = alt[pc] as number;
          stack[top++] = arg[pc] as number;
          break;
        case Op.Jump:
          stack[top++] = arg[pc] as number;
          break;
        case Op.Assert:
          if (holds(arg[pc] as number, position)) stack[top++] = pc + 1;
          break;
        default:
          return -1;
      }
    }
    return count;
  };

  let matched: boolean | undefined = false;
  let position = 0;
  for (;;) {
    if (steps > limit) {
      matched = undefined;
      break;
    }
    if (currentCount === 0 && firstAtoms !== undefined) {
      // no live thread: skip the ASCII characters no match can start with (a new position, a new generation)
      const from = position;
      while (position < length) {
        const code = text.charCodeAt(position);
        if (code >= 128) break;
        let first = firstAscii[code] as number;
        if (first === 0) {
          first = firstAtoms.some((atom) => (atoms[atom] as (code: number) => boolean)(code)) ? 1 : 2;
          firstAscii[code] = first;
        }
        if (first === 1) break;
        steps++;
        position++;
      }
      if (position !== from) generation++;
    }
    if (!anchored || position === 0) {
      currentCount = add(current, currentCount, 0, position);
      if (currentCount < 0) {
        matched = true;
        break;
      }
    }
    if (position >= length || currentCount === 0) {
      if (position >= length || anchored) break;
    }
    const code = unicode ? (text.codePointAt(position) as number) : text.charCodeAt(position);
    const after = position + (code > 0xffff ? 2 : 1);
    generation++;
    if (after === position + 2 && !anchored) {
      // V8 also tries a match between the halves of a surrogate pair with u, where nothing can be read but
      // \B holds: an empty match there is a match (other engines may differ; docs/patterns.md)
      if (add(next, 0, 0, position + 1) < 0) {
        matched = true;
        break;
      }
      generation++;
    }
    nextCount = 0;
    for (let index = 0; index < currentCount; index++) {
      const pc = current[index] as number;
      steps++;
      if ((atoms[arg[pc] as number] as (code: number) => boolean)(code)) {
        nextCount = add(next, nextCount, pc + 1, after);
        if (nextCount < 0) {
          matched = true;
          break;
        }
      }
    }
    if (matched) break;
    [current, next] = [next, current];
    currentCount = nextCount;
    position = after;
  }
  buffers.generation = generation;
  if (meter !== undefined) meter.steps += steps;
  return matched;
}
