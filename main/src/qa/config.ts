/**
 * Playwright Test configuration for ttsim runs: the Chromium to use, and a QA matrix of profiles as
 * Playwright projects, so `--project`, `--shard=i/n` and `merge-reports` work on it as on any suite.
 *
 *   export default defineConfig({
 *     testDir: 'qa',
 *     use: { projectDir: 'examples/compress-demo' },
 *     projects: profiles(['ios@7.35.0', 'android@3.44.0', 'pc@3.47.0', 'harmony@7.35.0', 'webapp:pc@3.46.0']),
 *   });
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig as playwrightDefineConfig, type LaunchOptions, type PlaywrightTestConfig, type Project } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../automation/index.js';
import type { TtsimOptions } from './fixtures.js';
import { profileName, type ProfileSpec } from './profile-spec.js';
import type { TtsimReporterOptions } from './reporter.js';

/**
 * Where Chromium comes from: $TTSIM_CHROMIUM, else /usr/bin/chromium when there is one, else Playwright's
 * own download (`npx playwright install chromium`). Headless is Playwright's to choose (--headed flips it).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.TTSIM_CHROMIUM ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_FLAGS.filter((flag) => flag !== '--headless') };
}

/** One Playwright project per profile, named by it ('ios@7.35.0'); `use` adds to each (e.g. a projectDir). */
export function profiles(specs: readonly ProfileSpec[], use: Partial<TtsimOptions> = {}): Project<TtsimOptions>[] {
  const seen = new Set<string>();
  return specs.map((spec) => {
    const name = profileName(spec);
    if (seen.has(name)) throw new Error(`profiles(): ${name} is listed twice`);
    seen.add(name);
    return { name, use: { ...use, profile: spec } };
  });
}

/** Playwright's defineConfig with ttsim's defaults: the Chromium above, traces kept on failure. */
export function defineConfig(config: PlaywrightTestConfig<TtsimOptions>): PlaywrightTestConfig<TtsimOptions> {
  const { use = {}, ...rest } = config;
  return playwrightDefineConfig<TtsimOptions>({
    ...rest,
    use: { trace: 'retain-on-failure', screenshot: 'only-on-failure', ...use, launchOptions: { ...chromiumLaunchOptions(), ...use.launchOptions } },
  });
}

/**
 * The ttsim reporter as a reporter entry: `reporter: [['list'], ttsimReporter({ outputFolder: 'qa-report' })]`.
 * Same as ['ttsim/reporter', options], by absolute path, so it resolves wherever ttsim is installed.
 */
export function ttsimReporter(options: TtsimReporterOptions = {}): [string, TtsimReporterOptions] {
  return [fileURLToPath(new URL('./reporter.js', import.meta.url)), options];
}
