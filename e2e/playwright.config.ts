import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the whole product through ttsim/automation. The SDK starts its own server and
 * headless Chromium (/usr/bin/chromium), so no Playwright browser download or project is needed.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '../test-results/e2e.json' }]] : 'list',
  outputDir: '../test-results/e2e',
});
