// The layout of src/ is a rule, not a habit: rooms in layers, lowest first, a file never imports from
// a higher layer, and no import cycles (type-only imports included). See docs/architecture.md.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

/** Rooms, lowest first. A room may import from itself and from rooms before it. */
const LAYERS = [
  'internal',
  'schema',
  'dsl',
  'scoring',
  'config',
  'codegen',
  'classify',
  'explain',
  'lead',
  'history',
  'batch',
  'account',
  'presets',
  'maps',
  'input',
  'runtime',
  'node',
  'cli',
  '(entry)',
] as const;

/** Rooms that may import nothing of the project but the rooms listed. */
const ONLY: Readonly<Record<string, readonly string[]>> = {
  // presets are data: the config types, nothing that runs
  presets: ['schema', 'internal'],
  maps: ['schema', 'internal'],
};

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function roomOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  return parts.length === 1 ? '(entry)' : (parts[0] as string);
}

const IMPORT = /^\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

/** Every project file a file imports (values and types alike). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (specifier === undefined || !specifier.startsWith('.')) continue;
    const target = resolve(dirname(file), specifier);
    found.push(target.endsWith('.ts') ? target : `${target}.ts`);
  }
  return found;
}

type Graph = ReadonlyMap<string, readonly string[]>;

/** Imports that go up the layers: `file (room) imports target (room)`. */
function layerViolations(graph: Graph, roomOfFile: (file: string) => string): string[] {
  const violations: string[] = [];
  for (const [file, imports] of graph) {
    const room = roomOfFile(file);
    const rank = LAYERS.indexOf(room as (typeof LAYERS)[number]);
    for (const target of imports) {
      const targetRoom = roomOfFile(target);
      const allowed = ONLY[room];
      const ok =
        targetRoom === room ||
        (allowed === undefined
          ? LAYERS.indexOf(targetRoom as (typeof LAYERS)[number]) < rank
          : allowed.includes(targetRoom));
      if (!ok) violations.push(`${file} (${room}) imports ${target} (${targetRoom})`);
    }
  }
  return violations;
}

/** Every import cycle, as `a → b → a`. */
function findCycles(graph: Graph): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open')
        cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

const files = filesUnder(SRC);
const name = (file: string) => relative(SRC, file);
const graph: Graph = new Map(files.map((file) => [name(file), importsOf(file).map(name)]));
const roomOfName = (file: string) => roomOf(join(SRC, file));

describe('architecture', () => {
  it('knows every room of src/', () => {
    const rooms = new Set(files.map(roomOf));
    for (const room of rooms) expect(LAYERS, `src/${room}/ needs a place in LAYERS`).toContain(room);
  });

  it('resolves every relative import to a file', () => {
    for (const [file, imports] of graph)
      for (const target of imports)
        expect(graph.has(target), `${file} imports a missing ${target}`).toBe(true);
  });

  it('never imports from a higher layer', () => {
    expect(layerViolations(graph, roomOfName)).toEqual([]);
  });

  it('keeps internal/ a leaf and the core free of node: imports (only cli/ and the node/ adapters have them)', () => {
    for (const [file, imports] of graph) {
      if (roomOfName(file) === 'internal')
        for (const target of imports) expect(roomOfName(target), file).toBe('internal');
      if (roomOfName(file) !== 'cli' && roomOfName(file) !== 'node')
        expect(readFileSync(join(SRC, file), 'utf8'), file).not.toMatch(/from\s+'node:/);
    }
  });

  it('has no import cycles', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('finds an upward import and a cycle where there is one', () => {
    const made: Graph = new Map([
      ['dsl/a.ts', ['classify/b.ts']],
      ['classify/b.ts', ['dsl/a.ts']],
      ['presets/c.ts', ['dsl/a.ts']],
    ]);
    expect(layerViolations(made, roomOfName)).toEqual([
      'dsl/a.ts (dsl) imports classify/b.ts (classify)',
      'presets/c.ts (presets) imports dsl/a.ts (dsl)',
    ]);
    expect(findCycles(made)).toEqual(['dsl/a.ts → classify/b.ts → dsl/a.ts']);
  });
});
