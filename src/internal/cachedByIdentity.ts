/**
 * Wraps a compile step so each object is compiled once, cached by identity (a WeakMap: the cache lets go
 * of what the caller lets go of); anything that is not an object is compiled each time (it throws).
 */
export function cachedByIdentity<T>(compile: (input: unknown) => T): (input: unknown) => T {
  const cache = new WeakMap<object, T>();
  return (input) => {
    if (input === null || typeof input !== 'object') return compile(input);
    let compiled = cache.get(input);
    if (compiled === undefined) {
      compiled = compile(input);
      cache.set(input, compiled);
    }
    return compiled;
  };
}
