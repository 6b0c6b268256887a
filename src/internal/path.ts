/** Segments that would walk into the prototype chain; never followed, refused in configs. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const hasOwn = Object.prototype.hasOwnProperty;

/** A compiled path: reads a value from a plain object, own properties only. */
export type PathReader = (root: unknown) => unknown;

/**
 * Splits a dotted path once and returns a reader. A final `length` segment gives the length of an
 * array or string (and is otherwise read as an ordinary key). Forbidden segments must be rejected
 * by the caller before compiling; this reader never follows them either way.
 */
export function compilePath(path: string): PathReader {
  const segments = path.split('.');
  const last = segments.length - 1;
  if (segments.length === 1) {
    const key = segments[0] as string;
    return (root) => readKey(root, key, true);
  }
  if (segments.length === 2) {
    // `budget.amount`: the common case, without the loop
    const [first, second] = segments as [string, string];
    return (root) => {
      const parent = readKey(root, first, false);
      return parent === undefined ? undefined : readKey(parent, second, true);
    };
  }
  return (root) => {
    let current = root;
    for (let index = 0; index <= last; index++) {
      current = readKey(current, segments[index] as string, index === last);
      if (current === undefined) return undefined;
    }
    return current;
  };
}

function readKey(current: unknown, key: string, isLast: boolean): unknown {
  if (current === null || current === undefined) return undefined;
  if (isLast && key === 'length' && (typeof current === 'string' || Array.isArray(current))) {
    return current.length;
  }
  if (typeof current !== 'object') return undefined;
  if (FORBIDDEN_SEGMENTS.has(key) || !hasOwn.call(current, key)) return undefined;
  return (current as Record<string, unknown>)[key];
}
