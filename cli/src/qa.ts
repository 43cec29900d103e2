/**
 * `ttsim qa <projects…> --scenario <file>`: runs one `ttsim/test` scenario under every profile on
 * Playwright Test (each profile a project, the host once per worker) and writes the side-by-side report
 * (index.html, report.json, junit.xml). Exit code: Playwright's (non-zero when a profile fails).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { platforms } from '../../emulator-api/src/common/types.js';
import { loadProject } from '../../main/src/node/project.js';
import { edgeProfilesFromFloors, parseProfileList, profileName } from '../../main/src/qa/profile-spec.js';
import { checkProject } from './check/index.js';

export interface QaFlags {
  scenario: string;
  /** Comma-separated profiles, or 'edges' (the default): the support matrix's edges of what the projects use. */
  profiles?: string;
  out: string;
  workers?: number;
  headed?: boolean;
  shard?: string;
  /** Also write Playwright's blob report (for merge-reports across machines). */
  blob?: boolean;
}

type Projects = { gadget?: string; webapp?: string };

/** The gadget and web-app folders given, by kind (at most one of each). */
export function projectsByKind(folders: readonly string[]): Projects {
  const byKind: Projects = {};
  for (const folder of folders) {
    const project = loadProject(folder);
    if (byKind[project.kind]) throw new Error(`two ${project.kind === 'gadget' ? 'gadgets' : 'web apps'} given (${byKind[project.kind]} and ${project.root}): give at most one of each`);
    byKind[project.kind] = project.root;
  }
  return byKind;
}

/**
 * The support matrix's edges of the APIs each project uses (`ttsim check`): per platform the first
 * client that has all of them, and the version just below it, where the newest of them fails.
 */
export function edgeProfiles(projects: Projects): string[] {
  return (Object.entries(projects) as [keyof Projects, string][]).flatMap(([kind, root]) => edgeProfilesFromFloors(kind, checkProject(root, { platforms: [...platforms] }).versionFloor));
}

/** The Playwright Test configuration of one qa run, as a module in a temporary folder. */
export function qaConfig(options: { fixtures: string; scenario: string; projects: Projects; profiles: readonly string[]; out: string; workers?: number; blob?: boolean }): string {
  const reporters = [`['list']`, `ttsimReporter({ outputFolder: ${JSON.stringify(options.out)} })`, ...(options.blob ? [`['blob', { outputDir: ${JSON.stringify(path.join(options.out, 'blob'))} }]`] : [])];
  return `// Written by ttsim qa for one run.
import { defineConfig, profiles, ttsimReporter } from ${JSON.stringify(options.fixtures)};
export default defineConfig({
  testDir: ${JSON.stringify(path.dirname(options.scenario))},
  testMatch: ${JSON.stringify(path.basename(options.scenario))},
  outputDir: ${JSON.stringify(path.join(options.out, 'test-results'))},
  timeout: 120000,
  ${options.workers ? `workers: ${options.workers},` : ''}
  use: { projectDir: ${JSON.stringify(options.projects)} },
  projects: profiles(${JSON.stringify(options.profiles)}),
  reporter: [${reporters.join(', ')}],
});
`;
}

function playwrightCli(): string {
  try {
    return createRequire(import.meta.url).resolve('@playwright/test/cli');
  } catch {
    throw new Error('ttsim qa runs on Playwright Test, which is not installed: npm install --save-dev @playwright/test');
  }
}

export async function runQa(folders: readonly string[], flags: QaFlags, out: (line: string) => void): Promise<number> {
  const scenario = path.resolve(flags.scenario);
  if (!fs.existsSync(scenario)) throw new Error(`no scenario at ${scenario}: --scenario takes a ttsim/test file (see examples/qa/compress.qa.ts)`);
  const projects = projectsByKind(folders);
  const profiles = !flags.profiles || flags.profiles === 'edges' ? edgeProfiles(projects) : parseProfileList(flags.profiles);
  if (profiles.length === 0) throw new Error('no profiles to run: the projects use no API with a version floor; give --profiles ios@7.35.0,android@7.35.0,…');
  for (const spec of profiles) {
    const kind = spec.startsWith('webapp:') ? 'webapp' : spec.startsWith('gadget:') || !projects.webapp ? 'gadget' : projects.gadget ? 'gadget' : 'webapp';
    if (!projects[kind]) throw new Error(`profile ${spec} is a ${kind === 'gadget' ? 'gadget' : 'web app'} profile, but no ${kind === 'gadget' ? 'gadget folder (app.json)' : 'web-app folder (index.html)'} was given`);
  }
  const outDir = path.resolve(flags.out);
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-qa-'));
  const configFile = path.join(configDir, 'playwright.config.mjs');
  const fixtures = fileURLToPath(new URL('../../main/src/qa/fixtures.js', import.meta.url));
  fs.writeFileSync(configFile, qaConfig({ fixtures, scenario, projects, profiles, out: outDir, ...(flags.workers ? { workers: flags.workers } : {}), ...(flags.blob ? { blob: true } : {}) }));
  out(`ttsim qa: ${path.basename(scenario)} under ${profiles.length} profiles: ${profiles.map((p) => profileName(p)).join(', ')}`);
  const args = [playwrightCli(), 'test', '-c', configFile, ...(flags.headed ? ['--headed'] : []), ...(flags.shard ? [`--shard=${flags.shard}`] : [])];
  try {
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_HTML_OPEN: 'never' } });
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    fs.rmSync(configDir, { recursive: true, force: true });
  }
}
