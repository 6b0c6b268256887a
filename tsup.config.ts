import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    presets: 'src/presets/index.ts',
    runtime: 'src/runtime/index.ts',
    node: 'src/node/index.ts',
    helpers: 'src/helpers.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2020',
  treeshake: true,
  splitting: false,
  // leadstage/node uses the package's public API by name: one copy of the library, one ConfigError
  external: ['leadstage'],
});
