import { defineConfig } from 'tsup';

// The `leadstage` executable: ESM, after the library build (it imports the library by the package's name).
export default defineConfig({
  entry: { cli: 'src/cli/bin.ts' },
  format: ['esm'],
  dts: false,
  clean: false,
  sourcemap: false,
  target: 'node18',
  platform: 'node',
  splitting: false,
  external: ['leadstage'],
  banner: { js: '#!/usr/bin/env node' },
});
