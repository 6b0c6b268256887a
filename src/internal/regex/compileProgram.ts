import type { Atom, ParsedPattern, PatternFlags, PatternNode } from './parsePattern';
import { PatternError } from './patternError';

/** The most instructions a pattern may compile to: counted repetitions are copied, so `a{1000}{1000}` cannot fill memory. */
export const MAX_PROGRAM_SIZE = 10_000;

/** Instruction codes. `CHAR atom`: consume one character the atom accepts; `SPLIT x y`: go on at both; `JMP x`; `ASSERT kind`; `MATCH`. */
export const Op = { Char: 0, Split: 1, Jump: 2, Assert: 3, Match: 4 } as const;

/** Tests one character: a UTF-16 code unit, or a code point with `u`. */
export type CharTest = (code: number) => boolean;

/** A pattern compiled for the state-set simulation in `runProgram`: parallel arrays, one slot per instruction. */
export interface Program {
  readonly op: Uint8Array;
  /** The atom (`CHAR`), the first target (`SPLIT`, `JMP`) or the assertion (`ASSERT`). */
  readonly arg: Int32Array;
  /** The second target of a `SPLIT`. */
  readonly alt: Int32Array;
  readonly atoms: readonly CharTest[];
  /** The number of instructions, `MATCH` included. */
  readonly size: number;
  /** Whether every match must start at index 0 (a leading `^` without `m`): then threads start only there. */
  readonly anchored: boolean;
  /**
   * The atoms that can read a match's first character (assertions passed as if they held), or `undefined`
   * when a match can be empty: where no thread is live, characters none of them accepts are skipped.
   */
  readonly firstAtoms: readonly number[] | undefined;
  readonly flags: PatternFlags;
}

/**
 * Compiles a parsed pattern into an instruction program (Thompson's construction), refusing one of more than
 * {@link MAX_PROGRAM_SIZE} instructions before building it.
 *
 * @param pattern What `parsePattern` returned.
 * @returns The program.
 * @throws {PatternError} `too_large` when the program would exceed the limit.
 */
export function compileProgram(pattern: ParsedPattern): Program {
  const size = sizeOf(pattern.node) + 1;
  if (size > MAX_PROGRAM_SIZE) {
    throw new PatternError(
      'too_large',
      `the pattern compiles to ${Number.isFinite(size) && size < 1e15 ? size.toLocaleString('en-US') : 'too many'} instructions, more than ${MAX_PROGRAM_SIZE.toLocaleString('en-US')}: counted repetitions such as {m,n} are copied m to n times`,
    );
  }
  const op = new Uint8Array(size);
  const arg = new Int32Array(size);
  const alt = new Int32Array(size);
  const atoms: CharTest[] = [];
  const atomIndex = new Map<string, number>();
  let pc = 0;
  const push = (code: number, first = 0, second = 0): number => {
    op[pc] = code;
    arg[pc] = first;
    alt[pc] = second;
    return pc++;
  };
  const atomOf = (atom: Atom): number => {
    const key = atom.kind === 'char' ? `c${atom.code}` : atom.kind === 'dot' ? '.' : `n${atom.source}`;
    let index = atomIndex.get(key);
    if (index === undefined) {
      index = atoms.push(testOf(atom, pattern.flags)) - 1;
      atomIndex.set(key, index);
    }
    return index;
  };
  const emit = (node: PatternNode): void => {
    switch (node.kind) {
      case 'empty':
        return;
      case 'atom':
        push(Op.Char, atomOf(node.atom));
        return;
      case 'assert':
        push(Op.Assert, node.assertion);
        return;
      case 'concat':
        for (const item of node.items) emit(item);
        return;
      case 'alternate': {
        const jumps: number[] = [];
        const last = node.items.length - 1;
        for (let index = 0; index < last; index++) {
          const split = push(Op.Split, pc + 1);
          emit(node.items[index] as PatternNode);
          jumps.push(push(Op.Jump));
          alt[split] = pc;
        }
        emit(node.items[last] as PatternNode);
        for (const jump of jumps) arg[jump] = pc;
        return;
      }
      case 'repeat': {
        const { body, min, max } = node;
        if (sizeOf(body) === 0) return;
        if (max === Number.POSITIVE_INFINITY) {
          if (min === 0) {
            const loop = push(Op.Split, pc + 1);
            emit(body);
            push(Op.Jump, loop);
            alt[loop] = pc;
          } else {
            for (let copy = 1; copy < min; copy++) emit(body);
            const loop = pc;
            emit(body);
            push(Op.Split, loop, pc + 1);
          }
          return;
        }
        for (let copy = 0; copy < min; copy++) emit(body);
        const splits: number[] = [];
        for (let copy = min; copy < max; copy++) {
          splits.push(push(Op.Split, pc + 1));
          emit(body);
        }
        for (const split of splits) alt[split] = pc;
        return;
      }
    }
  };
  emit(pattern.node);
  push(Op.Match);
  return {
    op,
    arg,
    alt,
    atoms,
    size,
    anchored: isAnchored(pattern.node, pattern.flags),
    firstAtoms: firstAtomsOf(op, arg, alt),
    flags: pattern.flags,
  };
}

function firstAtomsOf(op: Uint8Array, arg: Int32Array, alt: Int32Array): number[] | undefined {
  const seen = new Uint8Array(op.length);
  const pending = [0];
  const found = new Set<number>();
  while (pending.length > 0) {
    const pc = pending.pop() as number;
    if (seen[pc] === 1) continue;
    seen[pc] = 1;
    const code = op[pc];
    if (code === Op.Match) return undefined;
    if (code === Op.Char) found.add(arg[pc] as number);
    else if (code === Op.Split) pending.push(arg[pc] as number, alt[pc] as number);
    else if (code === Op.Jump) pending.push(arg[pc] as number);
    else pending.push(pc + 1);
  }
  return [...found];
}

/** Instructions a node compiles to (a float: `Infinity` or beyond the limit is refused before building). */
function sizeOf(node: PatternNode): number {
  switch (node.kind) {
    case 'empty':
      return 0;
    case 'atom':
    case 'assert':
      return 1;
    case 'concat':
      return node.items.reduce((sum, item) => sum + sizeOf(item), 0);
    case 'alternate':
      return node.items.reduce((sum, item) => sum + sizeOf(item), 2 * (node.items.length - 1));
    case 'repeat': {
      const body = sizeOf(node.body);
      if (body === 0) return 0;
      if (node.max === Number.POSITIVE_INFINITY) return node.min === 0 ? body + 2 : node.min * body + 1;
      return node.min * body + (node.max - node.min) * (body + 1);
    }
  }
}

function isAnchored(node: PatternNode, flags: PatternFlags): boolean {
  if (flags.multiline) return false;
  switch (node.kind) {
    case 'assert':
      return node.assertion === 0;
    case 'concat':
      return node.items.length > 0 && isAnchored(node.items[0] as PatternNode, flags);
    case 'alternate':
      return node.items.every((item) => isAnchored(item, flags));
    default:
      return false;
  }
}

const isLineTerminator = (code: number): boolean =>
  code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

function testOf(atom: Atom, flags: PatternFlags): CharTest {
  if (atom.kind === 'char') {
    const expected = atom.code;
    return (code) => code === expected;
  }
  if (atom.kind === 'dot') return flags.dotAll ? () => true : (code) => !isLineTerminator(code);
  // JavaScript's own reading of the class or escape, on one character: no repetition, so no backtracking
  const native = new RegExp(
    `^(?:${atom.source})$`,
    `${flags.ignoreCase ? 'i' : ''}${flags.dotAll ? 's' : ''}${flags.unicode ? 'u' : ''}`,
  );
  const toText = flags.unicode ? String.fromCodePoint : String.fromCharCode;
  // ASCII answers are kept: 0 not asked yet, 1 yes, 2 no
  const ascii = new Uint8Array(128);
  return (code) => {
    if (code < 128) {
      let known = ascii[code] as number;
      if (known === 0) {
        known = native.test(toText(code)) ? 1 : 2;
        ascii[code] = known;
      }
      return known === 1;
    }
    return native.test(toText(code));
  };
}
