// The grades example of docs/scoring.md runs: each line above a `//=> value` is evaluated, with the
// package's exports for its import, and must give that value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index';

const text = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'scoring.md'), 'utf8');

/** The `ts` code blocks of a section, from its heading to the next heading of its level. */
function codeBlocks(heading: string): string[] {
  const start = text.indexOf(heading);
  expect(start, `no section "${heading}"`).toBeGreaterThanOrEqual(0);
  const rest = text.slice(start + heading.length);
  const end = rest.search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}

describe('docs/scoring.md, Grades', () => {
  const blocks = codeBlocks('## Grades');

  it('has a runnable example', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((block, index) => [index, block] as const))(
    'example %i gives what it shows',
    (_, block) => {
      const lines = block.split('\n');
      const body: string[] = [];
      const expected: unknown[] = [];
      for (const [index, line] of lines.entries()) {
        if (line.startsWith('import ')) continue;
        const shown = /^\/\/=> (.*)$/.exec(line);
        if (shown === null) {
          // the line above a `//=>` is the expression shown
          if (lines[index + 1]?.startsWith('//=> ') === true)
            body.push(`shown.push(${line.replace(/;$/, '')});`);
          else body.push(line);
          continue;
        }
        expected.push(new Function(`return (${shown[1]});`)());
      }
      const shown: unknown[] = [];
      new Function('api', 'shown', `const { ${Object.keys(api).join(', ')} } = api;\n${body.join('\n')}`)(
        api,
        shown,
      );
      expect(shown).toEqual(expected);
    },
  );
});
