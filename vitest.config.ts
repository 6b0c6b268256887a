import { defineConfig } from 'vitest/config';

export default defineConfig({
  // leadstage/node imports the package by name: the tests resolve it to the source
  resolve: { alias: { leadstage: new URL('./src/index.ts', import.meta.url).pathname } },
  test: {
    include: ['test/**/*.test.ts'],
    // the CLI's tests need the build: npm test runs them after it (vitest.cli.config.ts)
    exclude: ['test/cli/**', '**/node_modules/**'],
    // property tests run hundreds of cases on a shared, noisy machine: a slow minute is not a failure here
    // (speed is measured by `npm run bench`, never by a timed test)
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
