import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The devtools' components (renderer/) use React's automatic JSX runtime.
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['emulator-api/test/**/*.test.ts', 'cli/test/**/*.test.ts', 'main/test/**/*.test.ts', 'app/test/**/*.test.ts', 'renderer/test/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // CI also writes a JSON report, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
