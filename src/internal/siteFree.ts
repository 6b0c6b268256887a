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
 * - objects: `{}`, then each key assigned in the order the part has (`const entry = {}; entry.status =
 *   status; …`): an empty literal carries no site, and the object is a literal's in every way
 *   (`Object.prototype`, key order, `JSON.stringify`, `structuredClone`, `deepStrictEqual`); `{ ...template }`
 *   carries none either. (So does `new` of a constructor whose `prototype` is `Object.prototype`: as fast,
 *   but more code for the browser bundle);
 * - arrays: {@link newArray} (a `slice()` of an empty array), {@link sizedArray} (a `slice()` of an array of
 *   holes: for arrays filled by index), `slice()`, `map`, `filter`, `[...iterable]`.
 *
 * Not `{ key: value }`, `[]`, `[a, b]` or `new Array(n)` for anything that ends up in a result. Scratch
 * objects that never outlive the call may stay literals: their sites see nothing survive.
 */

/**
 * Never written to after this: only its `slice()`s are. It held a value once, so its elements kind (and
 * its slices') is already the one for objects and strings: a push into a slice makes no transition.
 */
const EMPTY: never[] = [undefined as never].slice(1);

/** A new, empty, ordinary array, allocated without an allocation site (see the module comment). */
export function newArray<T>(): T[] {
  return EMPTY.slice();
}

/** Arrays of holes, by length: copied by {@link sizedArray}, never written to. */
const HOLES: Array<unknown[] | undefined> = [];

/**
 * A new array of `length` holes, to be filled by index — what `new Array(length)` gives (an exactly sized
 * store, where pushing into {@link newArray} would reserve 17 slots), allocated without an allocation
 * site: a `slice()` of an array of holes kept per length (see the module comment).
 */
export function sizedArray<T>(length: number): T[] {
  let holes = HOLES[length];
  // made once per length: this `new Array` never reaches a result, only its slices do
  if (holes === undefined) HOLES[length] = holes = new Array(length);
  return holes.slice() as T[];
}
