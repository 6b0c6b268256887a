// The same from CommonJS: a module generated with format 'cjs', required like any other.
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { generateModule, presets } = require('leadstage');

const directory = mkdtempSync(join(tmpdir(), 'leadstage-example-'));
try {
  const file = join(directory, 'classifier.cjs');
  writeFileSync(
    file,
    generateModule(presets.bant, { format: 'cjs', helpers: require.resolve('leadstage/helpers') }),
  );
  const { stage } = require(file);
  console.log(stage({ events: [{ type: 'ebook_download', at: '2026-06-20' }] }, { asOf: '2026-06-30' }));
  console.log(stage({ contact: { seniority: 'student' } }, { asOf: '2026-06-30' }));
} finally {
  rmSync(directory, { recursive: true, force: true });
}
