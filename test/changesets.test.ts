import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `changeset version` reads each file's front matter; a formatter once turned it into a Markdown
// heading ("---" + "## …"), which changesets cannot parse. Keep every changeset readable.
const directory = join(import.meta.dirname, '..', '.changeset');
const changesets = readdirSync(directory).filter((file) => file.endsWith('.md') && file !== 'README.md');

describe('changesets', () => {
  it('exist for the unreleased work', () => {
    expect(changesets.length).toBeGreaterThan(0);
  });

  it.each(changesets)('%s has front matter naming leadstage and a bump, then a summary', (file) => {
    const text = readFileSync(join(directory, file), 'utf8');
    expect(text).toMatch(/^---\n"leadstage": (major|minor|patch)\n---\n\n\S/);
  });
});
