/**
 * The constructs that make a backtracking regular-expression engine slow on long text, beyond the nested
 * quantifiers and back-references `findUnsafeRegexConstruct` refuses: a repeated group with alternatives
 * (`(a|aa)+`, `(\d|\d\d)+$`), a repetition bound above 100 (`a{1,100000}`, `(a?){400}`), a quantifier
 * inside a lookaround (`(?=(a+))`), and two repetitions in a row that can match the same text with
 * nothing required between them (`a*a*b`, `.*.*=`, `\s+\s*$`). Conservative, like the rest of the check:
 * it may refuse a pattern that is in fact fine, and says which construct and where.
 *
 * With these refused, the patterns left backtrack at most polynomially in degree two; the runtime caps the
 * text a pattern sees at 1,000 characters (`MAX_MATCHED_LENGTH`), so a match costs at most about a
 * million steps.
 */
export function findSlowRegexConstruct(pattern: string, flags = ''): string | undefined {
  const parser = new Parser(pattern, flags.includes('i'));
  try {
    parser.alternatives(0);
  } catch (error) {
    if (error instanceof Slow) return error.message;
    return undefined; // not a valid pattern: RegExp says why
  }
  return undefined;
}

/** The most characters a `matches` test reads; longer text is `unknown` and flagged. */
export const MAX_MATCHED_LENGTH = 1_000;

class Slow extends Error {}

interface Item {
  /** ASCII characters it can match (bit per code 0–127), or `undefined` when it can match anything (a class like `\w`, `.`, a group). */
  readonly chars: Uint8Array | undefined;
  readonly min: number;
  readonly max: number;
  /** The text of the item, for the message. */
  readonly text: string;
  /** Whether it repeats, or holds something that does (at any depth). */
  readonly repeats: boolean;
}

const ANY: undefined = undefined;

function charsOf(codes: readonly number[], ignoreCase: boolean): Uint8Array | undefined {
  const set = new Uint8Array(128);
  for (const code of codes) {
    if (code >= 128) return ANY;
    set[code] = 1;
    if (ignoreCase) {
      const char = String.fromCharCode(code);
      set[char.toLowerCase().charCodeAt(0)] = 1;
      set[char.toUpperCase().charCodeAt(0)] = 1;
    }
  }
  return set;
}

function overlap(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === ANY || b === ANY) return true;
  for (let code = 0; code < 128; code++) if (a[code] === 1 && b[code] === 1) return true;
  return false;
}

class Parser {
  private index = 0;
  constructor(
    private readonly pattern: string,
    private readonly ignoreCase: boolean,
  ) {}

  /** Alternatives separated by `|`, until `)` or the end; returns whether there was more than one. */
  alternatives(depth: number): { items: Item[][] } {
    const all: Item[][] = [this.sequence(depth)];
    while (this.pattern[this.index] === '|') {
      this.index++;
      all.push(this.sequence(depth));
    }
    return { items: all };
  }

  private sequence(depth: number): Item[] {
    const items: Item[] = [];
    while (this.index < this.pattern.length) {
      const char = this.pattern[this.index] as string;
      if (char === '|' || char === ')') break;
      const start = this.index;
      let chars: Uint8Array | undefined;
      let zeroWidth = false;
      let groupHasQuantifier = false;
      let groupHasAlternatives = false;
      let lookaround = false;
      if (char === '\\') {
        const next = this.pattern[this.index + 1] ?? '';
        this.index += 2;
        if (/[dDwWsS]/.test(next)) chars = ANY;
        else if (next === 'b' || next === 'B') zeroWidth = true;
        else if (next === 'x' || next === 'u' || next === 'c' || next === 'p' || next === 'P') chars = ANY;
        else chars = charsOf([next.charCodeAt(0)], this.ignoreCase);
      } else if (char === '[') {
        chars = this.characterClass();
      } else if (char === '(') {
        this.index++;
        if (this.pattern[this.index] === '?') {
          const kind = this.pattern[this.index + 1];
          if (kind === '=' || kind === '!') {
            lookaround = true;
            this.index += 2;
          } else if (
            kind === '<' &&
            (this.pattern[this.index + 2] === '=' || this.pattern[this.index + 2] === '!')
          ) {
            lookaround = true;
            this.index += 3;
          } else if (kind === '<') {
            const close = this.pattern.indexOf('>', this.index);
            this.index = close < 0 ? this.index + 2 : close + 1;
          } else this.index += 2; // (?:
        }
        const inner = this.alternatives(depth + 1);
        this.index++; // ')'
        groupHasAlternatives = inner.items.length > 1;
        groupHasQuantifier = inner.items.some((items) =>
          items.some((item) => item.repeats || item.min !== 1),
        );
        if (lookaround && inner.items.some((items) => items.some((item) => item.repeats))) {
          throw new Slow(`a repetition inside a lookaround near "${this.near(start)}"`);
        }
        zeroWidth = lookaround;
        chars = ANY;
      } else if (char === '^' || char === '$') {
        this.index++;
        zeroWidth = true;
      } else if (char === '.') {
        this.index++;
        chars = ANY;
      } else {
        this.index++;
        chars = charsOf([char.charCodeAt(0)], this.ignoreCase);
      }
      const quantifier = this.quantifier();
      if (quantifier.max !== Number.POSITIVE_INFINITY && quantifier.max > 100) {
        throw new Slow(`a repetition bound above 100 near "${this.near(start)}"`);
      }
      if (quantifier.min > 100) throw new Slow(`a repetition bound above 100 near "${this.near(start)}"`);
      if (quantifier.max > 1 && groupHasAlternatives) {
        throw new Slow(`a repeated group with alternatives near "${this.near(start)}"`);
      }
      if (quantifier.max > 1 && groupHasQuantifier) {
        throw new Slow(`a repeated group that repeats inside near "${this.near(start)}"`);
      }
      if (zeroWidth) continue;
      const item: Item = {
        chars,
        min: quantifier.min,
        max: quantifier.max,
        text: this.pattern.slice(start, this.index),
        repeats: quantifier.max > 1 || groupHasQuantifier,
      };
      // two repetitions in a row, with only optional items between, that can match the same text
      if (item.max > 1) {
        for (let before = items.length - 1; before >= 0; before--) {
          const earlier = items[before] as Item;
          if (earlier.max > 1 && overlap(earlier.chars, item.chars)) {
            throw new Slow(
              `repetitions in a row that can match the same text near "${earlier.text}…${item.text}"`,
            );
          }
          if (earlier.min > 0) break;
        }
      }
      items.push(item);
    }
    return items;
  }

  private characterClass(): Uint8Array | undefined {
    this.index++; // '['
    let negated = false;
    if (this.pattern[this.index] === '^') {
      negated = true;
      this.index++;
    }
    const codes: number[] = [];
    let any = false;
    let first = true;
    while (this.index < this.pattern.length && (this.pattern[this.index] !== ']' || first)) {
      first = false;
      let code: number;
      if (this.pattern[this.index] === '\\') {
        const next = this.pattern[this.index + 1] ?? '';
        this.index += 2;
        if (/[dDwWsSxucpP]/.test(next)) {
          any = true;
          continue;
        }
        code = next.charCodeAt(0);
      } else {
        code = this.pattern.charCodeAt(this.index++);
      }
      if (
        this.pattern[this.index] === '-' &&
        this.pattern[this.index + 1] !== ']' &&
        this.index + 1 < this.pattern.length
      ) {
        this.index++;
        let end = this.pattern.charCodeAt(this.index++);
        if (this.pattern[this.index - 1] === '\\') end = this.pattern.charCodeAt(this.index++);
        if (end - code > 4096) any = true;
        else for (let each = code; each <= end; each++) codes.push(each);
      } else codes.push(code);
    }
    this.index++; // ']'
    return negated || any ? ANY : charsOf(codes, this.ignoreCase);
  }

  private quantifier(): { min: number; max: number } {
    const char = this.pattern[this.index];
    let bounds = { min: 1, max: 1 };
    if (char === '*') bounds = { min: 0, max: Number.POSITIVE_INFINITY };
    else if (char === '+') bounds = { min: 1, max: Number.POSITIVE_INFINITY };
    else if (char === '?') bounds = { min: 0, max: 1 };
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(this.index));
      if (match === null) return bounds;
      const min = Number(match[1]);
      const max =
        match[2] === undefined ? min : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
      this.index += match[0].length - 1;
      bounds = { min, max };
    } else return bounds;
    this.index++;
    if (this.pattern[this.index] === '?') this.index++; // lazy
    return bounds;
  }

  private near(start: number): string {
    return this.pattern.slice(Math.max(0, start - 8), Math.min(this.pattern.length, this.index + 8));
  }
}
