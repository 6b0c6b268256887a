import { PatternError } from './patternError';

/** What an assertion tests at a position between two characters. */
export const Assertion = {
  /** `^` without `m`: the start of the text. */
  Start: 0,
  /** `$` without `m`: the end of the text. */
  End: 1,
  /** `^` with `m`: the start, or after a line terminator. */
  LineStart: 2,
  /** `$` with `m`: the end, or before a line terminator. */
  LineEnd: 3,
  /** `\b` */
  WordBoundary: 4,
  /** `\B` */
  NotWordBoundary: 5,
} as const;

/** One of the {@link Assertion} values. */
export type Assertion = (typeof Assertion)[keyof typeof Assertion];

/**
 * One character test. `char` compares one code (a UTF-16 code unit, or a code point with `u`); `dot` is `.`;
 * `native` is a class or an escape given to JavaScript's own `RegExp`, tested on one character at a time,
 * so classes, escapes, `\p{…}` and case folding mean exactly what they mean in JavaScript.
 */
export type Atom =
  | { readonly kind: 'char'; readonly code: number }
  | { readonly kind: 'dot' }
  | { readonly kind: 'native'; readonly source: string };

/** The tree of a pattern: no captures are kept, a group is its contents. */
export type PatternNode =
  | { readonly kind: 'empty' }
  | { readonly kind: 'atom'; readonly atom: Atom }
  | { readonly kind: 'assert'; readonly assertion: Assertion }
  | { readonly kind: 'concat'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'alternate'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'repeat'; readonly body: PatternNode; readonly min: number; readonly max: number };

/** The flags the engine reads, each at most once: `i`, `m`, `s`, `u`. */
export interface PatternFlags {
  readonly ignoreCase: boolean;
  readonly multiline: boolean;
  readonly dotAll: boolean;
  readonly unicode: boolean;
}

/** A parsed pattern: its tree and the flags it was read with. */
export interface ParsedPattern {
  readonly node: PatternNode;
  readonly flags: PatternFlags;
}

const FLAGS = /^(?!.*(.).*\1)[imsu]*$/;
const QUANTIFIER = /\{(\d+)(,(\d*))?\}/y;
const HEX2 = /^[0-9a-fA-F]{2}/;
const HEX4 = /^[0-9a-fA-F]{4}/;
const LEGACY_OCTAL = /^[0-3][0-7]{0,2}|^[4-7][0-7]?/;
const LETTER = /^[A-Za-z]/;

/**
 * Reads a JavaScript regular expression into a tree for the linear-time engine. The text must first be a
 * valid `RegExp` for the flags (checked here with the host's own parser, so "valid" means what JavaScript
 * says); then back-references, lookarounds and inline modifiers are refused with `unsupported_pattern`.
 *
 * @param source The pattern, as given to `new RegExp`.
 * @param flags Out of `i`, `m`, `s`, `u`, each at most once.
 * @returns The tree and the flags.
 * @throws {PatternError} `invalid_pattern` when JavaScript refuses the pattern or the flags,
 * `unsupported_pattern` for a construct the engine cannot run in linear time.
 */
export function parsePattern(source: string, flags = ''): ParsedPattern {
  if (!FLAGS.test(flags)) {
    throw new PatternError('invalid_pattern', `unsupported flags ${JSON.stringify(flags)} (use i, m, s, u)`);
  }
  try {
    new RegExp(source, flags);
  } catch (error) {
    throw new PatternError('invalid_pattern', (error as Error).message);
  }
  const parsed: PatternFlags = {
    ignoreCase: flags.includes('i'),
    multiline: flags.includes('m'),
    dotAll: flags.includes('s'),
    unicode: flags.includes('u'),
  };
  const parser = new Parser(source, parsed);
  const node = parser.alternatives();
  if (parser.index < source.length) {
    // a `)` without its `(`: JavaScript refused it above already; kept for safety
    throw new PatternError('invalid_pattern', `unexpected "${source[parser.index]}" at ${parser.index}`);
  }
  return { node, flags: parsed };
}

class Parser {
  index = 0;
  constructor(
    private readonly source: string,
    private readonly flags: PatternFlags,
  ) {}

  alternatives(): PatternNode {
    const items = [this.sequence()];
    while (this.source[this.index] === '|') {
      this.index++;
      items.push(this.sequence());
    }
    return items.length === 1 ? (items[0] as PatternNode) : { kind: 'alternate', items };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    const { source } = this;
    while (this.index < source.length && source[this.index] !== '|' && source[this.index] !== ')') {
      const term = this.term();
      items.push(this.quantified(term));
    }
    return items.length === 0
      ? { kind: 'empty' }
      : items.length === 1
        ? (items[0] as PatternNode)
        : { kind: 'concat', items };
  }

  private quantified(term: PatternNode): PatternNode {
    const { source } = this;
    const char = source[this.index];
    let min: number;
    let max: number;
    if (char === '*' || char === '+' || char === '?') {
      min = char === '+' ? 1 : 0;
      max = char === '?' ? 1 : Number.POSITIVE_INFINITY;
      this.index++;
    } else if (char === '{') {
      QUANTIFIER.lastIndex = this.index;
      const match = QUANTIFIER.exec(source);
      if (match === null) return term; // a literal `{` (without u), read as the next term
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
      this.index += match[0].length;
    } else {
      return term;
    }
    if (source[this.index] === '?') this.index++; // lazy: the same strings match
    return { kind: 'repeat', body: term, min, max };
  }

  private term(): PatternNode {
    const { source, flags } = this;
    const start = this.index;
    const char = source[start] as string;
    switch (char) {
      case '^':
        this.index++;
        return { kind: 'assert', assertion: flags.multiline ? Assertion.LineStart : Assertion.Start };
      case '$':
        this.index++;
        return { kind: 'assert', assertion: flags.multiline ? Assertion.LineEnd : Assertion.End };
      case '.':
        this.index++;
        return { kind: 'atom', atom: { kind: 'dot' } };
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
        throw new PatternError('invalid_pattern', `nothing to repeat at ${start}`);
      default: {
        const code = flags.unicode ? (source.codePointAt(start) as number) : source.charCodeAt(start);
        this.index += code > 0xffff ? 2 : 1;
        return this.literal(code, source.slice(start, this.index));
      }
    }
  }

  /** A literal character: compared as is, or by JavaScript's own case folding with `i`. */
  private literal(code: number, text: string): PatternNode {
    return {
      kind: 'atom',
      atom: this.flags.ignoreCase ? { kind: 'native', source: text } : { kind: 'char', code },
    };
  }

  private group(): PatternNode {
    const { source } = this;
    const open = this.index;
    this.index++;
    if (source[this.index] === '?') {
      const kind = source[this.index + 1];
      const after = source[this.index + 2];
      if (kind === ':') {
        this.index += 2;
      } else if (kind === '=' || kind === '!') {
        throw unsupported(`a lookahead "(?${kind}" at ${open}`, 'lookarounds');
      } else if (kind === '<' && (after === '=' || after === '!')) {
        throw unsupported(`a lookbehind "(?<${after}" at ${open}`, 'lookarounds');
      } else if (kind === '<') {
        const close = source.indexOf('>', this.index);
        if (close === -1) throw new PatternError('invalid_pattern', `unterminated group name at ${open}`);
        this.index = close + 1; // a named group is a plain group: no captures are kept
      } else {
        throw unsupported(`an inline modifier "(?${kind ?? ''}" at ${open}`, 'inline flags');
      }
    }
    const body = this.alternatives();
    if (source[this.index] !== ')')
      throw new PatternError('invalid_pattern', `unterminated group at ${open}`);
    this.index++;
    return body;
  }

  /** `[…]` up to the first `]` not escaped, so `[]` matches nothing and `[^]` anything, as in JavaScript. */
  private characterClass(): PatternNode {
    const { source } = this;
    const start = this.index;
    let end = start + 1;
    if (source[end] === '^') end++;
    while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
    if (end >= source.length) throw new PatternError('invalid_pattern', `unterminated class at ${start}`);
    this.index = end + 1;
    return { kind: 'atom', atom: { kind: 'native', source: source.slice(start, end + 1) } };
  }

  private escape(): PatternNode {
    const { source, flags } = this;
    const start = this.index;
    const next = source[start + 1];
    const rest = source.slice(start + 2);
    let length = 2;
    switch (next) {
      case undefined:
        throw new PatternError('invalid_pattern', '\\ at end of pattern');
      case 'b':
      case 'B':
        this.index += 2;
        return {
          kind: 'assert',
          assertion: next === 'b' ? Assertion.WordBoundary : Assertion.NotWordBoundary,
        };
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9':
        throw unsupported(`a back-reference "\\${next}" at ${start}`, 'back-references');
      case 'k':
        if (rest.startsWith('<') || flags.unicode) {
          throw unsupported(`a back-reference "\\k" at ${start}`, 'back-references');
        }
        break;
      case '0':
        if (!flags.unicode) length = 1 + (LEGACY_OCTAL.exec(source.slice(start + 1))?.[0].length ?? 1);
        break;
      case 'c':
        if (!LETTER.test(rest)) {
          // without u, "\c" not followed by a letter is a backslash, and the "c" a literal after it
          this.index += 1;
          return this.literal(0x5c, '\\\\');
        }
        length = 3;
        break;
      case 'x':
        if (HEX2.test(rest)) length = 4;
        break;
      case 'u':
        length = this.unicodeEscapeLength(start, rest);
        break;
      case 'p':
      case 'P':
        if (flags.unicode) length = source.indexOf('}', start) + 1 - start;
        break;
      default:
        break;
    }
    this.index = start + length;
    return { kind: 'atom', atom: { kind: 'native', source: source.slice(start, start + length) } };
  }

  /** `\uHHHH`, a surrogate pair of them with `u`, `\u{…}` with `u`; without a hex digit, the letter "u". */
  private unicodeEscapeLength(start: number, rest: string): number {
    if (this.flags.unicode && rest.startsWith('{')) return this.source.indexOf('}', start) + 1 - start;
    if (!HEX4.test(rest)) return 2;
    const unit = Number.parseInt(rest.slice(0, 4), 16);
    if (
      this.flags.unicode &&
      unit >= 0xd800 &&
      unit <= 0xdbff &&
      /^\\u[dD][c-fC-F][0-9a-fA-F]{2}/.test(rest.slice(4))
    ) {
      return 12;
    }
    return 6;
  }
}

function unsupported(found: string, what: string): PatternError {
  return new PatternError(
    'unsupported_pattern',
    `${found}: ${what} cannot run in time linear in the text, so patterns do not support them`,
  );
}
