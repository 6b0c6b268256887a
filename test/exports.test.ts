import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index';

const root = join(import.meta.dirname, '..');
const index = readFileSync(join(root, 'src/index.ts'), 'utf8');

/** Value exports of src/index.ts with the file each comes from. */
const valueExports = [...index.matchAll(/^export \{ ([^}]+) \} from '([^']+)';$/gm)].flatMap(
  ([, names, from]) =>
    (names as string)
      .split(',')
      .map((name) => ({ name: name.trim(), file: join(root, 'src', `${from}.ts`) })),
);

describe('public surface', () => {
  it('exports what index.ts names', () => {
    expect(Object.keys(api).sort()).toEqual(valueExports.map(({ name }) => name).sort());
  });

  it.each(valueExports)('$name has JSDoc with an @example', ({ name, file }) => {
    const source = readFileSync(file, 'utf8');
    const declaration = new RegExp(
      `(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export (?:const|function|class) ${name}\\b`,
    );
    const doc = declaration.exec(source)?.[1];
    expect(doc, `${name} in ${file} needs a JSDoc block`).toBeDefined();
    expect(doc).toContain('@example');
  });
});
