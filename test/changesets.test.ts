import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `changeset version` reads each file's front matter; a formatter once turned it into a Markdown
// heading ("---" + "## …"), which changesets cannot parse. Keep every changeset readable.
const directory = join(import.meta.dirname, '..', '.changeset');
const changesets = readdirSync(directory).filter((file) => file.endsWith('.md') && file !== 'README.md');

describe('changesets', () => {
  it('have been released into CHANGELOG.md up to the package version', () => {
    const { version } = JSON.parse(readFileSync(join(directory, '..', 'package.json'), 'utf8'));
    const changelog = readFileSync(join(directory, '..', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`\n## ${version}\n`);
    expect(version).not.toBe('0.0.0');
  });

  // none between releases: every user-visible change adds one (`npx changeset`)
  it.each(changesets.length === 0 ? ['(none)'] : changesets)(
    '%s has front matter naming leadstage and a bump, then a summary',
    (file) => {
      if (file === '(none)') return;
      const text = readFileSync(join(directory, file), 'utf8');
      expect(text).toMatch(/^---\n"leadstage": (major|minor|patch)\n---\n\n\S/);
    },
  );
});
