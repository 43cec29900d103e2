/**
 * ttsim qa and the QA kit end to end: the five-profile report of examples/qa, and a suite split into two
 * shards whose blob reports merge into one report with every test once.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { root } from './helpers.js';

const playwrightCli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const ttsimBin = path.join(root, 'bin', 'ttsim.js');
const reporter = path.join(root, 'dist', 'main', 'src', 'qa', 'reporter.js');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, CI: '' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

interface ReportJson {
  summary: { profiles: string[]; passed: number; failed: number; differingSteps: number };
  tests: { title: string; results: { profile: string; status: string; run?: { steps: { title: string; calls: { api: string; ok: boolean; errno?: number; images: { role: string; format: string; width?: number }[] }[] }[] } }[] }[];
}

test.describe('ttsim qa', () => {
  test.describe.configure({ timeout: 240_000 });

  test('compress scenario under five profiles: a side-by-side report with the differences marked', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-qa-e2e-'));
    const profiles = 'ios@7.35.0,android@3.44.0,pc@3.47.0,harmony@7.35.0,webapp:pc@3.46.0';
    const { code, output } = await run([ttsimBin, 'qa', 'examples/compress-demo', 'examples/webapp-demo', '--scenario', 'examples/qa/compress.qa.ts', '--profiles', profiles, '--out', out, '--workers', '1']);
    expect(code, output).toBe(0);
    expect(output).toContain('5 passed');

    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportJson;
    expect(report.summary.profiles).toEqual(profiles.split(','));
    const [scenario] = report.tests;
    const column = (profile: string) => scenario!.results.find((r) => r.profile === profile)!.run!;
    const pngAt30 = (profile: string) => column(profile).steps.find((s) => s.title === 'compress the PNG at quality 30')!.calls.find((c) => c.api === 'compressImage')!;
    // iOS answers a JPEG for the PNG; Android gives the PNG back unchanged; web-app PC 3.46.0 has no compressImage.
    expect(pngAt30('ios@7.35.0').images.find((i) => i.role === 'output')!.format).toBe('jpeg');
    expect(pngAt30('android@3.44.0').images.find((i) => i.role === 'output')!.format).toBe('png');
    expect(pngAt30('webapp:pc@3.46.0')).toMatchObject({ ok: false, errno: 103 });
    expect(report.summary.differingSteps).toBeGreaterThan(0);

    const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(html).toContain('<tr class="step differs"><th scope="row">compress the PNG at quality 30');
    expect(html).toMatch(/data-profile="webapp:pc@3.46.0"[\s\S]*?data-errno="103"/);
    const junit = fs.readFileSync(path.join(out, 'junit.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(5);
  });

  test('a profile that fails where the scenario expects success makes ttsim qa fail, and the report says which', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-qa-fail-'));
    const { code, output } = await run([ttsimBin, 'qa', 'examples/compress-demo', '--scenario', 'e2e/fixtures/qa/expects-jpeg.scenario.ts', '--profiles', 'ios@7.35.0,android@7.35.0', '--out', out, '--workers', '1']);
    expect(code, output).toBe(1);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as ReportJson;
    expect(report.tests[0]!.results.map((r) => [r.profile, r.status])).toEqual([['ios@7.35.0', 'passed'], ['android@7.35.0', 'failed']]);
    const junit = fs.readFileSync(path.join(out, 'junit.xml'), 'utf8');
    expect(junit).toContain('<testsuite name="android@7.35.0" tests="1" failures="1"');
    expect(junit).toContain('a JPEG starts with FF D8');
  });

  test('two shards, merged: every test of every profile once', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-shards-'));
    const config = 'e2e/fixtures/qa/playwright.config.ts';
    for (const shard of ['1/2', '2/2']) {
      const { code, output } = await run([playwrightCli, 'test', '-c', config, `--shard=${shard}`, '--reporter=blob'], {
        PLAYWRIGHT_BLOB_OUTPUT_FILE: path.join(out, 'blobs', `shard-${shard.replace('/', '-of-')}.zip`),
      });
      expect(code, output).toBe(0);
    }
    expect(fs.readdirSync(path.join(out, 'blobs')).sort()).toEqual(['shard-1-of-2.zip', 'shard-2-of-2.zip']);
    const merged = await run([playwrightCli, 'merge-reports', '--reporter', `${reporter},json`, path.join(out, 'blobs')], {
      TTSIM_REPORT_DIR: path.join(out, 'report'),
      PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(out, 'merged.json'),
    });
    expect(merged.code, merged.output).toBe(0);

    // Playwright's own merged JSON: 3 tests × 2 profiles, each exactly once, all passed.
    const pw = JSON.parse(fs.readFileSync(path.join(out, 'merged.json'), 'utf8')) as { suites: unknown[] };
    const seen: string[] = [];
    const walk = (suite: { specs?: { title: string; tests: { projectName: string; results: { status: string }[] }[] }[]; suites?: unknown[] }) => {
      for (const spec of suite.specs ?? []) for (const t of spec.tests) for (const r of t.results) seen.push(`${t.projectName} ${spec.title} ${r.status}`);
      for (const child of suite.suites ?? []) walk(child as typeof suite);
    };
    for (const suite of pw.suites) walk(suite as Parameters<typeof walk>[0]);
    expect(seen.sort()).toEqual(
      ['ios@7.35.0', 'android@7.35.0'].flatMap((p) => ['a PNG chosen in the UI is shown before compressing', 'the PNG compressed in the UI', 'the page names the platform'].map((t) => `${p} ${t} passed`)).sort(),
    );

    // The ttsim report from the merged blobs: both columns for every test, with the recorded steps and screenshots.
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report', 'report.json'), 'utf8')) as ReportJson;
    expect(report.tests).toHaveLength(3);
    for (const t of report.tests) expect(t.results.map((r) => r.profile).sort()).toEqual(['android@7.35.0', 'ios@7.35.0']);
    const compressed = report.tests.find((t) => t.title === 'the PNG compressed in the UI')!;
    const outFormat = (profile: string) => compressed.results.find((r) => r.profile === profile)!.run!.steps.find((s) => s.title === 'tap Compress')!.calls.find((c) => c.api === 'compressImage')!.images.find((i) => i.role === 'output')!.format;
    expect(outFormat('ios@7.35.0')).toBe('jpeg');
    expect(outFormat('android@7.35.0')).toBe('png');
    const html = fs.readFileSync(path.join(out, 'report', 'index.html'), 'utf8');
    expect(html).toContain('alt="screen of ios@7.35.0 after tap Compress"');
  });
});
