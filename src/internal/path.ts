/** Segments that would walk into the prototype chain; never followed, refused in configs. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const hasOwn = Object.prototype.hasOwnProperty;

/** A compiled path: reads a value from a plain object, own properties only. */
export type PathReader = (root: unknown) => unknown;

const nothing: PathReader = () => undefined;

/** An own property of an object (arrays included), or `undefined`. */
function own(current: unknown, key: string): unknown {
  return current !== null && typeof current === 'object' && hasOwn.call(current, key)
    ? (current as Record<string, unknown>)[key]
    : undefined;
}

/** The last segment `length`: the length of an array or string, else an own `length` key. */
function lengthOf(current: unknown): unknown {
  return typeof current === 'string' || Array.isArray(current) ? current.length : own(current, 'length');
}

/**
 * Splits a dotted path once and returns a reader. A final `length` segment gives the length of an
 * array or string (and is otherwise read as an ordinary key). Every decision that depends only on the
 * path is taken here, not per read; a path with a forbidden segment reads nothing.
 */
export function compilePath(path: string): PathReader {
  const segments = path.split('.');
  if (segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))) return nothing;
  const last = segments[segments.length - 1] as string;
  const lead = segments.slice(0, -1);
  const readLast: (parent: unknown) => unknown = last === 'length' ? lengthOf : (parent) => own(parent, last);
  if (lead.length === 0) return readLast;
  if (lead.length === 1) {
    const first = lead[0] as string;
    return (root) => {
      const parent = own(root, first);
      return parent === undefined ? undefined : readLast(parent);
    };
  }
  return (root) => {
    let current = root;
    for (const segment of lead) {
      current = own(current, segment);
      if (current === undefined) return undefined;
    }
    return readLast(current);
  };
}
