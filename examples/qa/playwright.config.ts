import { defineConfig, profiles, ttsimReporter } from 'ttsim/test';

/**
 * The compress scenario under five profiles: each profile is a Playwright project, so
 * `--project 'ios@7.35.0'`, `--shard=1/2` and `merge-reports` work as on any suite.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.qa.ts',
  outputDir: '../../test-results/qa-example',
  use: { projectDir: { gadget: '../compress-demo', webapp: '../webapp-demo' } },
  projects: profiles(['ios@7.35.0', 'android@3.44.0', 'pc@3.47.0', 'harmony@7.35.0', 'webapp:pc@3.46.0']),
  reporter: [['list'], ttsimReporter({ outputFolder: '../../test-results/qa-example-report' })],
});
