/**
 * Finds the first construct in a regular expression that can backtrack catastrophically:
 * a quantified group whose body itself contains a quantifier (`(a+)+`, `(\w*)*`, `(a|b+){2,}`),
 * and back-references (which make matching NP-hard). Returns a description, or `undefined` if safe.
 *
 * This is the star-height test of the `safe-regex` package: conservative, it may refuse a pattern
 * that would in fact be fine (`(ab+)+`), never accept one with nested unbounded repetition.
 */
export function findUnsafeRegexConstruct(pattern: string): string | undefined {
  // Per open group: does its body contain a quantifier?
  const stack: boolean[] = [];
  let lastGroupHadQuantifier = false;
  let previousWasGroupEnd = false;
  let inClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      const next = pattern[index + 1] ?? '';
      if (!inClass && /[1-9k]/.test(next)) return 'a back-reference';
      index++;
      previousWasGroupEnd = false;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    const quantifier = readQuantifier(pattern, index);
    if (quantifier !== undefined) {
      if (previousWasGroupEnd && lastGroupHadQuantifier && quantifier.repeats) {
        return `nested quantifiers near "${pattern.slice(Math.max(0, index - 12), index + quantifier.length)}"`;
      }
      if (stack.length > 0 && quantifier.repeats) stack[stack.length - 1] = true;
      index += quantifier.length - 1;
      // a lazy or possessive marker after the quantifier
      if (pattern[index + 1] === '?') index++;
      previousWasGroupEnd = false;
      continue;
    }
    previousWasGroupEnd = false;
    if (char === '[') inClass = true;
    else if (char === '(') {
      stack.push(false);
      index = skipGroupPrefix(pattern, index);
    } else if (char === ')') {
      lastGroupHadQuantifier = stack.pop() ?? false;
      if (lastGroupHadQuantifier && stack.length > 0) stack[stack.length - 1] = true;
      previousWasGroupEnd = true;
    }
  }
  return undefined;
}

function readQuantifier(pattern: string, index: number): { length: number; repeats: boolean } | undefined {
  const char = pattern[index];
  if (char === '*' || char === '+') return { length: 1, repeats: true };
  if (char === '?') return { length: 1, repeats: false };
  if (char === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
    if (match === null) return undefined;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
    return { length: match[0].length, repeats: max > 1 };
  }
  return undefined;
}

/** `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`: returns the index of the prefix's last character. */
function skipGroupPrefix(pattern: string, open: number): number {
  if (pattern[open + 1] !== '?') return open;
  const kind = pattern[open + 2];
  if (kind === ':' || kind === '=' || kind === '!') return open + 2;
  if (kind === '<') {
    const after = pattern[open + 3];
    if (after === '=' || after === '!') return open + 3;
    const close = pattern.indexOf('>', open + 3);
    return close === -1 ? open + 2 : close;
  }
  return open + 1;
}
