import { describe, expect, it } from 'vitest';
import { _, Code, join, Name, NameScope, nil, prop, safeStringify } from '../../../src/internal/codegen/code';

const HOSTILE = [
  '"); globalThis.pwned = 1; ("',
  "'; globalThis.pwned = 1; '",
  `\`$${'{'}globalThis.pwned = 1}\``,
  '*/ globalThis.pwned = 1; /*',
  '</script><script>globalThis.pwned = 1</script>',
  '<!-- x',
  'a\u2028b\u2029c',
  '\\',
  '__proto__',
  '\n}; globalThis.pwned = 1; {\n',
];

describe('the code builder', () => {
  it('emits every interpolated string as data, never as code', () => {
    for (const text of HOSTILE) {
      const code = _`return ${text};`;
      const value = new Function(code.toString())();
      expect(value).toBe(text);
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    }
  });

  it('escapes what would end or confuse an inline script', () => {
    const text = safeStringify('</script><!--\u2028\u2029</SCRIPT>');
    expect(text).not.toMatch(/<\/script|<!--|\u2028|\u2029/i);
    expect(JSON.parse(text)).toBe('</script><!--\u2028\u2029</SCRIPT>');
  });

  it('emits numbers exactly, non-finite and negative ones included', () => {
    for (const value of [
      0,
      -0,
      1.5,
      -3,
      1e21,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]) {
      expect(new Function(_`return 1 - ${value};`.toString())()).toBe(1 - value);
      expect(Object.is(new Function(_`return ${value};`.toString())(), value)).toBe(true);
    }
  });

  it('emits plain data as a parenthesised JSON literal and refuses anything else', () => {
    const data = { a: [1, 'x', null, { __proto__: 'p' }], '</script>': true };
    expect(new Function(_`return ${data};`.toString())()).toEqual(data);
    expect(() => _`${{ f: () => 1 }}`).toThrow(TypeError);
    expect(() => _`${[Number.NaN]}`).toThrow(TypeError);
    expect(() => _`${new Date(0)}`).toThrow(TypeError);
  });

  it('keeps an own __proto__ key data (a config read from JSON can hold one), never a prototype', () => {
    for (const data of [
      JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'),
      JSON.parse('[{"b": {"__proto__": [1, 2]}}]'),
      JSON.parse('{"deep": [{"__proto__": null}]}'),
    ]) {
      const back = new Function(_`return ${data};`.toString())();
      expect(JSON.stringify(back)).toBe(JSON.stringify(data));
      expect(back).toStrictEqual(data);
      expect(Object.getPrototypeOf(Array.isArray(back) ? back[0].b : back)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps code and names as code', () => {
    const x = new Name('x');
    const body = _`const ${x} = ${2}; return ${x} * ${_`3`};`;
    expect(new Function(body.toString())()).toBe(6);
  });

  it('reads properties by string literal keys only', () => {
    expect(prop('a.b').toString()).toBe('["a.b"]');
    expect(prop('__proto__').toString()).toBe('["__proto__"]');
    const read = new Function('o', _`return o${prop('</script>')};`.toString());
    expect(read({ '</script>': 7 })).toBe(7);
  });

  it('refuses names that are not plain identifiers', () => {
    for (const text of ['a b', '1a', 'a;b', '', 'class', 'eval', 'undefined']) {
      expect(() => new Name(text)).toThrow(TypeError);
    }
    const scope = new NameScope();
    expect(String(scope.fresh('c'))).toBe('c0');
    expect(String(scope.fresh('c'))).toBe('c1');
    expect(() => scope.fresh('x-')).toThrow(TypeError);
  });

  it('refuses to be called other than as a template tag', () => {
    const forged = Object.assign(['globalThis.pwned = 1'], { raw: ['globalThis.pwned = 1'] });
    expect(() => _(forged as unknown as TemplateStringsArray)).toThrow(TypeError);
    expect(
      () => new (Code as unknown as new (text: string, key: symbol) => Code)('x', Symbol('code')),
    ).toThrow(TypeError);
  });

  it('joins fragments', () => {
    expect(join([_`a`, _`b`, _`c`]).toString()).toBe('a, b, c');
    expect(join([_`a`, _`b`], _` || `).toString()).toBe('a || b');
    expect(nil.toString()).toBe('');
  });
});
