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
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig as playwrightDefineConfig, type LaunchOptions, type PlaywrightTestConfig, type Project } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../automation/index.js';
import type { TtsimOptions } from './fixtures.js';
import { edgeProfilesFromFloors, profileName, type ProfileSpec } from './profile-spec.js';
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

/**
 * The support matrix's edges of the APIs a project's code uses, as profiles for `profiles()`: per platform
 * the version floor `ttsim check` finds and the version just below it. Runs `ttsim check --json` (the scan
 * is the CLI's; the QA kit does not import it).
 *
 *   projects: profiles(edgeProfiles('examples/compress-demo'))
 */
export function edgeProfiles(projectDir: string): string[] {
  const bin = path.join(packageRoot(), 'bin', 'ttsim.js');
  const run = spawnSync(process.execPath, [bin, 'check', projectDir, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // check exits 1 when it finds problems; its report is still the answer.
  if ((run.status !== 0 && run.status !== 1) || !run.stdout.trim()) throw new Error(`edgeProfiles(${JSON.stringify(projectDir)}): ttsim check failed: ${run.stderr.trim() || run.error?.message}`);
  const report = JSON.parse(run.stdout) as { project: { kind: 'gadget' | 'webapp' }; versionFloor: Parameters<typeof edgeProfilesFromFloors>[1] };
  return edgeProfilesFromFloors(report.project.kind, report.versionFloor);
}

/** ttsim's own folder (where its package.json is), from this file in dist/ or in the sources. */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'ttsim') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('ttsim/test: cannot find the ttsim package folder');
    dir = parent;
  }
}
