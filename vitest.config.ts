import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['emulator-api/test/**/*.test.ts', 'cli/test/**/*.test.ts', 'main/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
