// Every fenced code block of README.md and docs/*.md, run as a reader would run it: JavaScript and TypeScript
// blocks become modules that import the built package by name ('leadstage', 'leadstage/runtime', …) and run in
// a directory holding the files the docs read; each `//=>` is checked (see docsCheck.mjs); JSON blocks are
// parsed; shell blocks name commands and options the CLI has. A block that cannot run says why in a
// `<!-- test: not run — reason -->` comment just above it, and this test lists it.
//
// Comments just above a fence: `<!-- test: continue -->` runs the block after the previous runnable block of
// the same file (a page that builds a program step by step); `<!-- test: real olist -->` needs the public
// files in ../shared/data/real/olist (linked into the block's directory; skipped, visibly, when absent).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { presets, sealConfig } from '../../src/index';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const REAL = join(ROOT, '..', 'shared', 'data', 'real');
// inside the package, so that `import … from 'leadstage'` resolves to the package itself, as it does for a user
const WORK = join(ROOT, 'test-output', 'docs');

const RUN = new Set(['js', 'mjs', 'ts', 'javascript', 'typescript']);
const JSON_LANGS = new Set(['json', 'jsonc']);
const SHELL = new Set(['sh', 'bash', 'shell']);
// output shown to the reader, or another language: not code to run here
const SHOWN = new Set(['', 'text', 'sql', 'html', 'csv']);

interface Block {
  readonly file: string;
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly directive: string | undefined;
}

function blocksOf(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\w*)/.exec(lines[index] as string);
    if (open === null) continue;
    let above = index - 1;
    while (above >= 0 && (lines[above] as string).trim() === '') above--;
    const directive = /^<!-- test: (.*?) -->$/.exec((lines[above] ?? '').trim())?.[1];
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !(lines[index] as string).startsWith('```'); index++)
      body.push(lines[index] as string);
    blocks.push({ file, line: start + 1, lang: open[1] as string, code: body.join('\n'), directive });
  }
  return blocks;
}

const files = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const blocks = files.flatMap(blocksOf);

/** The block's source with each `//=>` turned into a check of the expression it follows. */
function withChecks(block: Block): string {
  const out: string[] = [];
  const lines = block.code.split('\n');
  for (const line of lines) {
    const at = line.indexOf('//=>');
    if (at < 0) {
      out.push(line);
      continue;
    }
    const inline = line.slice(0, at).trim();
    const expected = line.slice(at + 4).trim();
    let expression = inline;
    if (expression === '') {
      // the expression is the last code line above
      let last = out.length - 1;
      while (last >= 0 && (out[last] as string).trim() === '') last--;
      expression = (out.splice(last, 1)[0] ?? '').trim();
    }
    expression = expression.replace(/;$/, '');
    const where = `${block.file}:${block.line}`;
    out.push(
      `await __check(${JSON.stringify(where)}, async () => (${expression}), ${JSON.stringify(expected)});`,
    );
  }
  return out.join('\n');
}

/** Files the docs' examples read, written into each block's directory. */
function fixtures(directory: string): void {
  cpSync(join(ROOT, 'examples', 'leads.csv'), join(directory, 'leads.csv'));
  cpSync(join(ROOT, 'examples', 'events.csv'), join(directory, 'events.csv'));
  // a HubSpot contacts export and its activities, as the recipes read them
  cpSync(join(import.meta.dirname, 'fixtures', 'hubspot.csv'), join(directory, 'contacts.csv'));
  cpSync(join(import.meta.dirname, 'fixtures', 'hubspot-activities.csv'), join(directory, 'activities.csv'));
  const config = JSON.stringify(presets.saas, null, 2);
  writeFileSync(join(directory, 'my-config.json'), config);
  writeFileSync(join(directory, 'scoring.json'), config);
  writeFileSync(join(directory, 'my-config.sealed.json'), JSON.stringify(sealConfig(presets.saas)));
  writeFileSync(join(directory, 'scoring.sealed.json'), JSON.stringify(sealConfig(presets.saas)));
  writeFileSync(
    join(directory, 'leads.ndjson'),
    readFileSync(join(ROOT, 'examples', 'leads.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => JSON.stringify({ id: row.split(',')[0] }))
      .join('\n'),
  );
}

/** Program text for a runnable block: the checker, then every block it continues, then the block itself. */
function programOf(block: Block, chain: readonly Block[]): string {
  const body = [...chain, block].map(withChecks).join('\n');
  const js = transformSync(body, { loader: 'ts', format: 'esm' }).code;
  return `import { __check, __done } from ${JSON.stringify(join(import.meta.dirname, 'docsCheck.mjs'))};\n${js}\n__done();\n`;
}

function slug(block: Block): string {
  return `${block.file.replace(/[/.]/g, '_')}_${block.line}`;
}

interface Runnable {
  readonly block: Block;
  readonly chain: readonly Block[];
  readonly real: string | undefined;
}

const runnable: Runnable[] = [];
const notRun: Block[] = [];
{
  let previous: Record<string, Block[]> = {};
  for (const block of blocks) {
    if (block.directive?.startsWith('not run')) {
      notRun.push(block);
      continue;
    }
    if (!RUN.has(block.lang)) continue;
    const chain = block.directive === 'continue' ? (previous[block.file] ?? []) : [];
    const real = /^real (\w+)$/.exec(block.directive ?? '')?.[1];
    runnable.push({ block, chain, real });
    previous = { ...previous, [block.file]: [...chain, block] };
  }
}

describe('code blocks of README.md and docs/', () => {
  it('knows every block’s language', () => {
    const unknown = blocks.filter(
      (block) =>
        !RUN.has(block.lang) &&
        !JSON_LANGS.has(block.lang) &&
        !SHELL.has(block.lang) &&
        !SHOWN.has(block.lang),
    );
    expect(unknown.map((block) => `${block.file}:${block.line} ${block.lang}`)).toEqual([]);
    expect(runnable.length).toBeGreaterThan(20);
  });

  it('runs every code block, or says why not', () => {
    const unexplained = notRun.filter((block) => !/^not run — \S/.test(block.directive ?? ''));
    expect(unexplained.map((block) => `${block.file}:${block.line}`)).toEqual([]);
    if (notRun.length > 0)
      console.warn(
        `not run:\n${notRun.map((block) => `  ${block.file}:${block.line} — ${block.directive}`).join('\n')}`,
      );
  });

  it.each(runnable.map((each) => [`${each.block.file}:${each.block.line}`, each] as const))(
    'runs %s',
    (where, { block, chain, real }) => {
      if (real !== undefined && !existsSync(join(REAL, real))) {
        console.warn(`${where}: skipped — ../shared/data/real/${real} is absent (public data, not shipped)`);
        return;
      }
      const directory = join(WORK, slug(block));
      rmSync(directory, { recursive: true, force: true });
      mkdirSync(directory, { recursive: true });
      fixtures(directory);
      if (real !== undefined)
        for (const name of readdirSync(join(REAL, real)))
          symlinkSync(join(REAL, real, name), join(directory, name));
      const file = join(directory, 'block.mjs');
      writeFileSync(file, programOf(block, chain));
      const result = spawnSync(process.execPath, [file], {
        cwd: directory,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, TZ: 'UTC' },
      });
      // nothing on stderr: a failed `//=>`, an exception, or a warning the docs do not show
      expect(
        { status: result.status, stderr: result.stderr },
        `${where} (run ${relative(ROOT, file)})`,
      ).toEqual({
        status: 0,
        stderr: '',
      });
    },
  );

  it.each(
    blocks
      .filter((block) => JSON_LANGS.has(block.lang))
      .map((block) => [`${block.file}:${block.line}`, block] as const),
  )('parses %s', (_where, block) => {
    // jsonc blocks are annotated excerpts: comments, `…` for what is left out, a member shown alone
    let text = block.lang === 'jsonc' ? stripComments(block.code).replace(/,?\s*…/g, '') : block.code;
    if (block.lang === 'jsonc' && text.trimStart().startsWith('"')) text = `{${text}}`;
    expect(() => JSON.parse(text.replace(/,(\s*[}\]])/g, '$1'))).not.toThrow();
  });

  // `<!-- test: run -->` shell blocks run for real, as a user who installed the package: each
  // `npx leadstage …` line with the built CLI, in a directory whose node_modules/leadstage is this package;
  // exit 0 unless the line ends in `# exit N`
  it.each(
    blocks
      .filter((block) => SHELL.has(block.lang) && block.directive === 'run')
      .map((block) => [`${block.file}:${block.line}`, block] as const),
  )('runs the commands of %s', (where, block) => {
    const directory = join(WORK, slug(block));
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(join(directory, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(directory, 'node_modules', 'leadstage'));
    let ran = 0;
    for (const line of block.code.split('\n')) {
      const command = /^npx leadstage (.*?)(?:\s+# exit (\d))?$/.exec(line.trim());
      if (command === null) continue;
      const args =
        (command[1] as string).match(/"[^"]*"|\S+/g)?.map((arg) => arg.replace(/^"|"$/g, '')) ?? [];
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: directory, encoding: 'utf8' });
      expect(result.status, `${where}: ${line}\n${result.stderr}`).toBe(Number(command[2] ?? 0));
      expect(result.stdout.trim(), `${where}: ${line} printed nothing`).not.toBe('');
      ran++;
    }
    expect(ran).toBeGreaterThan(0);
  });

  const helpOf = new Map<string, string>();
  const help = (command: string) => {
    if (!helpOf.has(command)) {
      const result = spawnSync(process.execPath, [CLI, command, '--help'], { encoding: 'utf8' });
      helpOf.set(command, result.status === 0 ? result.stdout : '');
    }
    return helpOf.get(command) as string;
  };

  it.each(
    blocks
      .filter((block) => SHELL.has(block.lang))
      .map((block) => [`${block.file}:${block.line}`, block] as const),
  )('names commands and options the CLI has in %s', (_where, block) => {
    const problems: string[] = [];
    for (const line of block.code.split('\n')) {
      const command = /^(?:npx )?leadstage (\S+)(.*)$/.exec(line.replace(/\s+#.*$/, '').trim());
      if (command === null) continue;
      const [, name, rest] = command as unknown as [string, string, string];
      if (name.startsWith('-')) continue; // leadstage --help / --version
      const text = help(name);
      if (text === '') {
        problems.push(`no command "${name}": ${line}`);
        continue;
      }
      for (const option of rest.match(/(?<=\s)--?[a-z][\w-]*/g) ?? [])
        if (!new RegExp(`(^|[\\s,[|])${option}\\b`).test(text)) problems.push(`${name}: no option ${option}`);
    }
    expect(problems).toEqual([]);
  });
});

/** JSONC: line and block comments and trailing commas removed, strings left alone. */
function stripComments(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = index;
      const string = end.exec(text)?.[0] ?? char;
      out += string;
      index += string.length - 1;
    } else if (text.startsWith('//', index)) {
      while (index < text.length && text[index] !== '\n') index++;
      out += '\n';
    } else if (text.startsWith('/*', index)) {
      index = text.indexOf('*/', index) + 1;
    } else out += char;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
