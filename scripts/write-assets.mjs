// After the build: writes the JSON assets the package ships, from the built code itself —
// schema.json (the config's JSON Schema) and presets/<id>.json (each preset as data, sealed). They sit at the
// package root so that https://unpkg.com/leadstage/schema.json and node10 resolution find them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema, fieldMapJsonSchema, maps, presets, sealConfig } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

writeFileSync(join(root, 'schema.json'), json(configJsonSchema()));
writeFileSync(join(root, 'field-map.schema.json'), json(fieldMapJsonSchema()));
mkdirSync(join(root, 'maps'), { recursive: true });
for (const [id, map] of Object.entries(maps)) {
  writeFileSync(join(root, 'maps', `${id}.json`), json({ $schema: '../field-map.schema.json', ...map }));
}
mkdirSync(join(root, 'presets'), { recursive: true });
for (const [id, preset] of Object.entries(presets)) {
  // sealed, so `leadstage/runtime` can compile them without the validator
  writeFileSync(
    join(root, 'presets', `${id}.json`),
    json({ $schema: '../schema.json', ...sealConfig(preset) }),
  );
}
console.log(
  `wrote schema.json, field-map.schema.json, ${Object.keys(presets).length} presets to presets/ and ${Object.keys(maps).length} maps to maps/`,
);
