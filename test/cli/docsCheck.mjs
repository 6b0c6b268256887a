// The checks docs.test.ts puts in place of each `//=>` of a docs code block. The text after `//=>` is a
// JavaScript value, optionally followed by ` — prose` or a parenthesised comment; `…` inside a string matches
// any text, `…` as an object member means "and other keys", as an array element "and other elements";
// `throws Name: text` expects an error of that name whose message contains the text.
import { isDeepStrictEqual } from 'node:util';

const failures = [];
const REST = Symbol('…');

/** The expected value of a `//=>` comment, or a description of the error expected. */
function parseExpected(text) {
  const throws = /^throws (\w+)(?::\s*(.*))?$/.exec(text);
  if (throws !== null) return { throws: throws[1], text: throws[2] ?? '' };
  let candidate = text.replace(/\s+—\s.*$/, '');
  for (;;) {
    try {
      const code = outsideStrings(candidate, (part) => part.replaceAll('…', '__REST__'));
      return { value: new Function('__REST__', `return (${code});`)(REST) };
    } catch {
      const stripped = candidate.replace(/\s*\([^()]*\)\s*$/, '');
      if (stripped === candidate) throw new Error(`cannot read the expected result: ${text}`);
      candidate = stripped;
    }
  }
}

/** `text` with `replace` applied to the parts outside string literals. */
function outsideStrings(text, replace) {
  return text
    .split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)/)
    .map((part, index) => (index % 2 === 1 ? part : replace(part)))
    .join('');
}

function wildcard(text) {
  const body = text
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*?');
  return new RegExp(`^${body}$`);
}

function matches(actual, expected) {
  if (expected === REST) return true;
  if (typeof expected === 'string' && expected.includes('…'))
    return typeof actual === 'string' && wildcard(expected).test(actual);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    const open = expected.at(-1) === REST;
    const items = open ? expected.slice(0, -1) : expected;
    if (open ? actual.length < items.length : actual.length !== items.length) return false;
    return items.every((item, index) => matches(actual[index], item));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const open = '__REST__' in expected;
    const keys = Object.keys(expected).filter((key) => key !== '__REST__');
    if (!open && Object.keys(actual).length !== keys.length) return false;
    return keys.every((key) => Object.hasOwn(actual, key) && matches(actual[key], expected[key]));
  }
  return isDeepStrictEqual(actual, expected);
}

/** Checks one `//=>`: records a failure, never throws (the rest of the block still runs). */
export async function __check(where, thunk, text) {
  const expected = parseExpected(text);
  let value;
  try {
    value = await thunk();
  } catch (error) {
    if (
      expected.throws !== undefined &&
      error?.name === expected.throws &&
      String(error.message).includes(expected.text)
    )
      return;
    failures.push(`${where}: threw ${error?.name}: ${error?.message}; expected ${text}`);
    return;
  }
  if (expected.throws !== undefined)
    failures.push(`${where}: expected ${text}, got ${JSON.stringify(value)}`);
  else if (!matches(value, expected.value))
    failures.push(`${where}: got ${JSON.stringify(value)}, expected ${text}`);
}

/** At the end of a block: the failures on stderr, and exit code 1 when there is one. */
export function __done() {
  if (failures.length === 0) return;
  for (const failure of failures) console.error(failure);
  process.exitCode = 1;
}
