/**
 * ttsim/test: Playwright Test fixtures for gadgets and web apps.
 *
 *   import { test, expect } from 'ttsim/test';
 *   test.use({ projectDir: 'examples/compress-demo', profile: 'ios@7.35.0' });
 *   test('compresses', async ({ sim }) => { … });
 *
 * The guest runs in Playwright's own `page`, so traces, videos, screenshots on failure, --headed,
 * --debug and --ui apply. One ttsim host (and its loopback server) serves each worker; every test gets
 * its own session with its own data folder, closed when the test ends. `test.step`s are recorded for
 * `ttsim/reporter`'s side-by-side report (calls, rules, images, a screenshot per step).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test as base, expect, type Location, type TestInfo, type TestStepInfo } from '@playwright/test';
import { attach, openSession, viewportFor, type SessionLaunchOptions, type Simulator } from '../automation/index.js';
import { Host } from '../node/host.js';
import { startServer, type RunningServer } from '../node/server.js';
import type { AppKind } from '../../../emulator-api/src/common/types.js';
import { createProfile } from '../../../emulator-api/src/common/profiles.js';
import { parseProfileSpec, type ProfileSpec } from './profile-spec.js';
import { StepRecorder } from './step-recorder.js';

export { expect };
export type { ProfileSpec } from './profile-spec.js';
export { parseProfileSpec, profileName } from './profile-spec.js';
export { defineConfig, profiles, edgeProfiles, chromiumLaunchOptions, ttsimReporter } from './config.js';
export type { TtsimReporterOptions } from './reporter.js';
export type { Simulator, SimulatorPage, SimulatorElement, OpenModal, SuccessResult, FailResult } from '../automation/index.js';

/** Options a test file, describe block or project sets with `test.use` / `use`. */
export interface TtsimOptions {
  /**
   * The gadget (app.json) or web app (index.html) folder, relative to the config file; or one of each,
   * { gadget, webapp }, when the product ships as both and the profile's app kind picks the folder.
   */
  projectDir: string | { gadget?: string; webapp?: string };
  /** The profile: 'ios@7.35.0', 'webapp:pc@3.46.0', or { platform, client, app, device }. */
  profile: ProfileSpec;
  /** The rest of the session's options: mocks, network, testUser, launchOptions, strict, timeoutMs, ui… */
  simOptions: Omit<SessionLaunchOptions, 'project' | 'platform' | 'client' | 'app' | 'device' | 'dataDir'>;
}

export interface TtsimTestFixtures {
  /** The gadget, launched under the profile in this test's page and settled after its first render. */
  sim: Simulator;
}

export interface TtsimWorkerFixtures {
  /** The worker's ttsim host and server (one per worker). */
  ttsimHost: { host: Host; server: RunningServer; dataDir: string };
}

let recording: StepRecorder | undefined;

const extended = base.extend<TtsimOptions & TtsimTestFixtures, TtsimWorkerFixtures>({
  projectDir: [process.env.TTSIM_PROJECT ?? '', { option: true }],
  profile: ['ios', { option: true }],
  simOptions: [{}, { option: true }],
  // The page starts at the device's size (unless the config sets a viewport), so the sim need not resize it.
  viewport: async ({ profile, simOptions }, use) => {
    const spec = parseProfileSpec(profile);
    await use(viewportFor({ profile: createProfile({ app: spec.app ?? 'gadget', ...spec }) }, simOptions.ui ?? 'device'));
  },

  ttsimHost: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none.
    async ({}, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-worker-'));
      const host = new Host({ dataDir });
      const server = await startServer(host);
      try {
        await use({ host, server, dataDir });
      } finally {
        await server.close();
        await host.closeAll();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', title: 'ttsim host' },
  ],

  sim: [
    async ({ page, ttsimHost, projectDir, profile, simOptions }, use, testInfo) => {
      const spec = parseProfileSpec(profile);
      const project = resolveProject(projectDir, spec.app, testInfo);
      const { host, server, dataDir } = ttsimHost;
      const session = await openSession(host, {
        ...simOptions,
        project,
        ...spec,
        // Each test its own ttfile://user and storage: no test sees another's files.
        dataDir: fs.mkdtempSync(path.join(dataDir, 'test-')),
      });
      // The guest's page alone by default: the device's screen is what a test looks at, and it starts quickest.
      const ui = simOptions.ui ?? 'device';
      const size = viewportFor(session, ui);
      const current = page.viewportSize();
      if (current?.width !== size.width || current.height !== size.height) await page.setViewportSize(size);
      const sim = await attach(page, { host, server, session, ui, ...(simOptions.timeoutMs ? { timeoutMs: simOptions.timeoutMs } : {}) });
      const recorder = new StepRecorder(sim, testInfo);
      recording = recorder;
      try {
        await use(sim);
        await recorder.finish();
      } finally {
        recording = undefined;
        await sim.close();
      }
    },
    { title: 'ttsim session' },
  ],
});

function resolveProject(projectDir: TtsimOptions['projectDir'], app: AppKind | undefined, testInfo: TestInfo): string {
  let dir: string | undefined;
  if (typeof projectDir === 'string') dir = projectDir;
  else {
    const kind = app ?? (projectDir.gadget ? 'gadget' : 'webapp');
    dir = projectDir[kind];
    if (!dir) throw new Error(`ttsim/test: the profile is a ${kind === 'gadget' ? 'gadget' : 'web app'}, but projectDir names no ${kind} folder (it has ${Object.keys(projectDir).join(', ') || 'none'})`);
  }
  if (!dir) {
    throw new Error("ttsim/test: no project: set test.use({ projectDir: 'path/to/gadget' }) (or use.projectDir in the config, or $TTSIM_PROJECT)");
  }
  const base = testInfo.config.configFile ? path.dirname(testInfo.config.configFile) : testInfo.config.rootDir;
  return path.resolve(base, dir);
}

/** The caller of test.step, so Playwright's reports point at the test file, not at this one. */
function callerLocation(): Location | undefined {
  const line = new Error().stack?.split('\n').slice(3).find((l) => !l.includes('/qa/fixtures.'));
  const match = line && /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?$/.exec(line.trim());
  if (!match) return undefined;
  return { file: match[1]!.replace(/^file:\/\//, ''), line: Number(match[2]), column: Number(match[3]) };
}

type StepBody<T> = (step: TestStepInfo) => T | Promise<T>;
const playwrightStep = extended.step.bind(extended);

/** Playwright's test.step, recorded for the report when a `sim` is in use: its calls, images and a screenshot at its end. */
function recordedStep<T>(title: string, body: StepBody<T>, options: Parameters<typeof playwrightStep>[2] = {}): Promise<T> {
  const location = options.location ?? callerLocation();
  return playwrightStep(
    title,
    async (step) => {
      const recorder = recording;
      await recorder?.begin();
      try {
        const value = await body(step);
        await recorder?.end(title);
        return value;
      } catch (error) {
        await recorder?.end(title, error);
        throw error;
      }
    },
    { ...options, ...(location ? { location } : {}) },
  );
}
Object.assign(recordedStep, { skip: extended.step.skip });

export const test: typeof extended = Object.assign(extended, { step: recordedStep as typeof extended.step });
