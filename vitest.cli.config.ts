import { defineConfig } from 'vitest/config';

// The command-line tests: they spawn the built CLI (dist/cli.js), so npm test runs them after the build,
// and open its HTML report in Debian's chromium (scripts/ensure-chromium.mjs installs it when missing).
export default defineConfig({
  test: {
    include: ['test/cli/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
