// A safe code builder, modelled on ajv's lib/compile/codegen: generated JavaScript is built only from
// `Code` values, and a `Code` comes only from the `_` tagged template, whose static parts are written in
// this project's source. Every interpolation that is not already a `Code` (or a `Name`, a generated
// identifier) is emitted as data — a JSON literal — so no string from a config, a lead or an option can
// become code: the types keep them out, and the template checks at run time that it was called as a tag.

const CODE = Symbol('code');

/** A fragment of generated JavaScript. Built by {@link _}, never from a string. */
export class Code {
  /** @internal */
  readonly [CODE]: string;

  /** @internal Use {@link _}; the constructor is not part of the builder's API. */
  constructor(text: string, key: symbol) {
    if (key !== CODE) throw new TypeError('Code: build code with the _`…` template, not a constructor');
    this[CODE] = text;
  }

  toString(): string {
    return this[CODE];
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// words an identifier may not be (in strict mode and modules), and globals generated code must not shadow
const RESERVED: ReadonlySet<string> = new Set(
  (
    'await break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if implements import in instanceof interface let new null package private ' +
    'protected public return static super switch this throw true try typeof var void while with yield ' +
    'arguments eval undefined NaN Infinity globalThis Object Array Number String Math JSON Symbol Function'
  ).split(' '),
);

/** A generated identifier: checked to be a plain identifier, never a reserved word. */
export class Name extends Code {
  constructor(text: string) {
    if (!IDENTIFIER.test(text) || RESERVED.has(text)) {
      throw new TypeError(
        `Name: expected a plain identifier that is not a reserved word, received ${JSON.stringify(text)}`,
      );
    }
    super(text, CODE);
  }
}

/** Hands out fresh names `<prefix><n>`: the only identifiers generated code declares besides fixed ones. */
export class NameScope {
  private readonly counts = new Map<string, number>();

  /** A name not handed out before; `prefix` is a short identifier written in this project's source. */
  fresh(prefix: string): Name {
    const count = this.counts.get(prefix) ?? 0;
    this.counts.set(prefix, count + 1);
    return new Name(`${prefix}${count}`);
  }
}

/** What a template may interpolate: code, or data (JSON values; `undefined`; any finite or non-finite number). */
export type Interpolation = Code | string | number | boolean | null | undefined | readonly unknown[] | object;

/**
 * `JSON.stringify` made safe to embed anywhere in a script: U+2028 and U+2029 (line terminators in older
 * engines' string literals), `</script` and `<!--` (which end or confuse an inline `<script>`) are escaped.
 */
export function safeStringify(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`safeStringify: ${typeof value} is not JSON data`);
  return json
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/<(?=\/script|!--)/gi, '\\u003c');
}

/** A constant for generated code that is not JSON data (an `undefined` in an array, a function, `NaN`, …). */
export class DataError extends TypeError {
  override readonly name = 'DataError';
}

/**
 * Checks that a value is JSON data all the way down (finite numbers, no functions, symbols or cycles);
 * true when an object in it has an own `__proto__` key, which an object literal would read as its
 * prototype, not as data.
 */
function checkData(value: unknown, path: string, depth: number): boolean {
  if (depth > 200) throw new DataError(`data: nested too deeply at ${path}`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return false;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DataError(`data: ${value} at ${path} is not JSON`);
    return false;
  }
  if (typeof value !== 'object') throw new DataError(`data: ${typeof value} at ${path} is not JSON data`);
  if (value instanceof Code) throw new DataError(`data: code inside a constant at ${path}`);
  let proto = false;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++)
      proto = checkData(value[index], `${path}[${index}]`, depth + 1) || proto;
    return proto;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new DataError(`data: not a plain object at ${path}`);
  for (const key of Object.keys(value)) {
    if (key === '__proto__') proto = true;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) proto = checkData(item, `${path}.${key}`, depth + 1) || proto;
  }
  return proto;
}

/** A number as a literal: non-finite numbers and `-0` by name, negatives in parentheses (`a - -1`). */
function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return '(0/0)';
  if (value === Number.POSITIVE_INFINITY) return '(1/0)';
  if (value === Number.NEGATIVE_INFINITY) return '(-1/0)';
  if (Object.is(value, -0)) return '(-0)';
  return value < 0 ? `(${String(value)})` : String(value);
}

/** An interpolation as code: `Code` as it is, everything else as a data literal. */
function interpolate(value: Interpolation): string {
  if (value instanceof Code) return value.toString();
  if (value === undefined) return '(void 0)';
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return safeStringify(value);
  // `{"__proto__": …}` as a literal sets the prototype; JSON.parse keeps it an own key, as the data has it
  if (checkData(value, 'constant', 0)) return `JSON.parse(${safeStringify(JSON.stringify(value))})`;
  // an object literal at the start of a statement would be a block: data is always parenthesised
  return `(${safeStringify(value)})`;
}

/**
 * The code template: `` _`if (${name} > ${limit}) return ${status};` ``. Static parts are code; every
 * interpolation that is not a {@link Code} is emitted as a JSON literal.
 * @throws {TypeError} when called other than as a tag (static parts must be a template's frozen strings)
 */
export function _(strings: TemplateStringsArray, ...values: Interpolation[]): Code {
  if (!Array.isArray(strings) || !Object.isFrozen(strings) || !Array.isArray(strings.raw)) {
    throw new TypeError('_: call it as a template tag, _`…`');
  }
  let text = strings[0] as string;
  for (let index = 0; index < values.length; index++) {
    text += interpolate(values[index] as Interpolation) + (strings[index + 1] as string);
  }
  return new Code(text, CODE);
}

/** Property access with a key from data: always `["key"]`, never `.key`. */
export function prop(key: string | number): Code {
  return new Code(`[${typeof key === 'number' ? numberLiteral(key) : safeStringify(key)}]`, CODE);
}

/** Code fragments joined by a separator (itself code). */
export function join(parts: readonly Code[], separator: Code = _`, `): Code {
  return new Code(parts.map(String).join(separator.toString()), CODE);
}

/** The empty fragment. */
export const nil: Code = /* @__PURE__ */ new Code('', CODE);
