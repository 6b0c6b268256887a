/**
 * The site-free rule: **every part of a result a caller may keep is built without an allocation site.**
 *
 * Why. V8 gives each object literal (`{ a, b }`, `[]`, `[x]`) and each `new Array(n)` an *allocation site*
 * that counts how many of its objects survive a young-generation collection. When nearly all of them do,
 * V8 *pretenures* the site: from then on its objects are allocated directly in old space. That happens when
 * a process keeps results while the code is still cold — `const results = leads.map((lead) =>
 * classifier.classify(lead, options))` at the start of a batch job or a service. Afterwards every result
 * part of those sites is born in old space and dies there: only full mark-compacts free them, GC climbs
 * from ~4 % to 50–65 % of the CPU, and classify runs 2–5× slower **for the rest of the process** (V8 resets
 * the decision only after a mark-compact that frees nearly all of old space, which a process holding real
 * data never sees). `bench/run.mjs cold-keep` measures it; `test/results/coldKeep.test.ts` guards it.
 *
 * How. Allocations without a site, checked with `%InYoungGeneration` after a cold keep:
 * - objects: `new` of a constructor made by {@link plainConstructor} (its `prototype` is
 *   `Object.prototype`, so an instance is indistinguishable from a literal for `JSON.stringify`,
 *   `structuredClone`, `deepStrictEqual` and `Object.getPrototypeOf`); `{}` and `{ ...template }` carry
 *   no site either;
 * - arrays: {@link newArray} (a `slice()` of an empty array), `slice()`, `map`, `filter`, `[...iterable]`.
 *
 * Not `{ key: value }`, `[]`, `[a, b]` or `new Array(n)` for anything that ends up in a result. Scratch
 * objects that never outlive the call may stay literals: their sites see nothing survive.
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Never written to: only its `slice()`s are. */
const EMPTY: never[] = [];

/** A new, empty, ordinary array, allocated without an allocation site (see the module comment). */
export function newArray<T>(): T[] {
  return EMPTY.slice();
}

/**
 * A constructor of plain objects from `assign` (a `function` that sets the fields on `this`, in the key
 * order the object must have): `new` of it gives an object whose prototype is `Object.prototype`, as a
 * literal's is, allocated without an allocation site (see the module comment).
 */
export function plainConstructor<A extends unknown[], T>(
  assign: (this: Mutable<T>, ...args: A) => void,
): new (
  ...args: A
) => T {
  assign.prototype = Object.prototype;
  return assign as unknown as new (
    ...args: A
  ) => T;
}
