/** How deep and how many values a snapshot copies: a lead is data, not a graph of a million nodes. */
const MAX_DEPTH = 16;
const MAX_VALUES = 100_000;

/** A lead as plain data, and the paths whose reading threw. */
export interface Snapshot {
  readonly value: unknown;
  readonly unreadable: readonly string[];
}

/**
 * A plain-data copy of a value whose reading threw: a getter that throws, a Proxy that refuses `get`,
 * `ownKeys` or `has`. Each own enumerable property is read on its own, inside `try`; one that throws is
 * left out and its path reported, so what could be read is still classified. Cycles, depth past 16 and
 * more than 100,000 values are cut. Only called after a classification threw: a plain lead never pays.
 */
export function snapshot(input: unknown): Snapshot {
  const unreadable: string[] = [];
  let values = 0;
  const copy = (value: unknown, path: string, depth: number, seen: Set<object>): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_DEPTH || seen.has(value) || ++values > MAX_VALUES) return undefined;
    seen.add(value);
    try {
      if (value instanceof Date) return new Date(value.getTime());
      if (Array.isArray(value)) {
        const length = Math.min(value.length, MAX_VALUES);
        const out: unknown[] = new Array(length);
        for (let index = 0; index < length; index++) {
          try {
            out[index] = copy(value[index], `${path}[${index}]`, depth + 1, seen);
          } catch {
            unreadable.push(`${path}[${index}]`);
          }
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const where = path === '' ? key : `${path}.${key}`;
        try {
          const item = copy((value as Record<string, unknown>)[key], where, depth + 1, seen);
          Object.defineProperty(out, key, {
            value: item,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } catch {
          unreadable.push(where);
        }
      }
      return out;
    } catch {
      unreadable.push(path === '' ? '(lead)' : path);
      return undefined;
    } finally {
      seen.delete(value);
    }
  };
  return { value: copy(input, '', 0, new Set()), unreadable };
}
