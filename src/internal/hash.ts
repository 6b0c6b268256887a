// A stable hash of JSON values, independent of object key order: a config's identity in results and
// in seals. Two cyrb53 lanes (different seeds) are fed while the value is walked, so no canonical JSON
// string is ever built — compiling a large config spends its time compiling, not hashing.

let a1 = 0;
let a2 = 0;
let b1 = 0;
let b2 = 0;

function feed(code: number): void {
  a1 = Math.imul(a1 ^ code, 2654435761);
  a2 = Math.imul(a2 ^ code, 1597334677);
  b1 = Math.imul(b1 ^ code, 2654435761);
  b2 = Math.imul(b2 ^ code, 1597334677);
}

/** A string as its length, then its characters: no escaping needed, no two strings feed alike. */
function feedString(text: string): void {
  feed(text.length);
  for (let index = 0; index < text.length; index++) feed(text.charCodeAt(index));
}

const OBJECT = 0x7b; // {
const ARRAY = 0x5b; // [
const END = 0x7d; // }
const KEY = 0x3a; // :
const STRING = 0x22; // "
const NUMBER = 0x23; // #
const TRUE = 0x74; // t
const FALSE = 0x66; // f
const NULL = 0x7a; // z

/** Feeds a value as JSON sees it: `undefined` object members are left out, other non-JSON values read as null. */
function feedValue(value: unknown): void {
  switch (typeof value) {
    case 'string':
      feed(STRING);
      feedString(value);
      return;
    case 'number':
      feed(NUMBER);
      feedString(Number.isFinite(value) ? String(value) : 'null');
      return;
    case 'boolean':
      feed(value ? TRUE : FALSE);
      return;
    case 'object':
      if (value === null) break;
      if (Array.isArray(value)) {
        feed(ARRAY);
        for (const item of value) feedValue(item);
        feed(END);
        return;
      }
      feed(OBJECT);
      for (const key of Object.keys(value).sort()) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        feed(KEY);
        feedString(key);
        feedValue(item);
      }
      feed(END);
      return;
  }
  feed(NULL);
}

/** Final avalanche of one cyrb53 lane: 53 bits. */
function finish(h1: number, h2: number): number {
  const x = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const y = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(x ^ (x >>> 13), 3266489909);
  return 4294967296 * (2097151 & y) + (x >>> 0);
}

/**
 * A stable 106-bit hash of a JSON value, as 28 hex digits; independent of key order. cyrb53 in two
 * lanes: fast and well distributed, not cryptographic — it identifies, it does not protect.
 */
export function hashJson(value: unknown): string {
  a1 = 0xdeadbeef;
  a2 = 0x41c6ce57;
  b1 = 0xdeadbeef ^ 0x9e3779b9;
  b2 = 0x41c6ce57 ^ 0x9e3779b9;
  feedValue(value);
  return finish(a1, a2).toString(16).padStart(14, '0') + finish(b1, b2).toString(16).padStart(14, '0');
}
