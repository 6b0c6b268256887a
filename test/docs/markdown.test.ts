// The docs' Markdown, read as GitHub renders it: every table row has the header's number of cells (a `|`
// inside a code span splits a cell too, unless escaped as `\|`), and the architecture page lists the rooms
// that test/architecture.test.ts enforces, in their order.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The cells of a GFM table row: split on unescaped pipes, the outer ones optional. */
function cellsOf(row: string): string[] {
  const cells = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/);
  return cells.map((cell) => cell.trim());
}

const SEPARATOR = /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/;

interface Table {
  readonly line: number;
  readonly header: string[];
  readonly rows: { line: number; cells: string[] }[];
}

/** The tables of a Markdown text, outside fenced code blocks. */
function tablesOf(text: string): Table[] {
  const lines = text.split('\n');
  const tables: Table[] = [];
  let fenced = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced || !line.includes('|') || !SEPARATOR.test((lines[index + 1] ?? '').trim())) continue;
    const table: Table = { line: index + 1, header: cellsOf(line), rows: [] };
    for (index += 2; index < lines.length && (lines[index] as string).trim().startsWith('|'); index++)
      table.rows.push({ line: index + 1, cells: cellsOf(lines[index] as string) });
    index--;
    tables.push(table);
  }
  return tables;
}

describe('Markdown tables', () => {
  it('finds tables and reads escaped pipes as text', () => {
    const [table] = tablesOf('| a | b |\n| - | --- |\n| `x \\| y` | z |\n| 1 | 2 | 3 |\n');
    expect(table?.header).toEqual(['a', 'b']);
    expect(table?.rows.map((row) => row.cells.length)).toEqual([2, 3]);
  });

  it.each(FILES)('%s: every row has as many cells as its header', (file) => {
    const broken = tablesOf(readFileSync(join(ROOT, file), 'utf8')).flatMap((table) =>
      table.rows
        .filter((row) => row.cells.length !== table.header.length)
        .map(
          (row) => `${file}:${row.line}: ${row.cells.length} cells, the header has ${table.header.length}`,
        ),
    );
    expect(broken).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  it('lists the rooms test/architecture.test.ts enforces, in order, none "coming"', () => {
    const text = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const [layers] = tablesOf(text);
    const listed = layers?.rows.map((row) => row.cells[0]?.replace(/`/g, '').replace(/\/$/, ''));
    const enforced = readFileSync(join(ROOT, 'test', 'architecture.test.ts'), 'utf8');
    const order = /const LAYERS = \[([\s\S]*?)\]/
      .exec(enforced)?.[1]
      ?.match(/'([^']+)'/g)
      ?.map((name) => name.slice(1, -1));
    expect(listed).toEqual(order?.map((room) => (room === '(entry)' ? 'index.ts' : room)));
    expect(text).not.toMatch(/\(coming\)/);
  });
});
