import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index';
import * as runtime from '../src/runtime/index';

const root = join(import.meta.dirname, '..');

/** Value exports of an entry file with the file each comes from. */
function valueExportsOf(entry: string): Array<{ name: string; file: string }> {
  const file = join(root, 'src', entry);
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^export \{([^}]+)\} from '([^']+)';$/gm)].flatMap(([, names, from]) =>
    (names as string)
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .map((name) => ({ name, file: join(dirname(file), `${from}.ts`) })),
  );
}

const valueExports = [...valueExportsOf('index.ts'), ...valueExportsOf('runtime/index.ts')];

describe('public surface', () => {
  it('exports what index.ts and runtime.ts name', () => {
    expect(Object.keys(api).sort()).toEqual(
      valueExportsOf('index.ts')
        .map(({ name }) => name)
        .sort(),
    );
    expect(Object.keys(runtime).sort()).toEqual(
      valueExportsOf('runtime/index.ts')
        .map(({ name }) => name)
        .sort(),
    );
  });

  it.each(valueExports)('$name has JSDoc with an @example', ({ name, file }) => {
    const source = readFileSync(file, 'utf8');
    const declaration = new RegExp(
      `(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export (?:const|function|class) ${name}\\b`,
    );
    const doc = declaration.exec(source)?.[1];
    expect(doc, `${name} in ${file} needs a JSDoc block`).toBeDefined();
    expect(doc).toContain('@example');
    expect(doc, `${name}'s @example shows no result (//=> …); test/docs runs them`).toContain('//=>');
  });
});
