// The QA kit's figures (issue 14), each against a baseline measured in the same run:
//  1. a test's start: what the ttsim/test `sim` fixture does per test (a new context and page, a session,
//     the gadget loaded and settled) against a bare Playwright test's (a new context and page, page.goto
//     of a static page from a bare node server), interleaved, median of 31 (TTSIM_BENCH_STARTS);
//  2. scale: 1, 8 and 32 sessions open at once on one host and one Chromium (one worker): time to open
//     them, a tt.getSystemInfo round trip on each, and memory per session (Pss of this process and its
//     Chromium tree, minus the same with no session) → sessions per GB;
//  3. a QA matrix of 5 profiles × 10 tests on Playwright Test, wall time with 1 and 2 workers.
// Writes bench/RESULTS-qa.md. Run: npm run build && node bench/qa.mjs (--starts-only: figure 1 alone, printed)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { attach, openSession, viewportFor, CHROMIUM_FLAGS } from '../dist/main/src/automation/index.js';
import { Host } from '../dist/main/src/node/host.js';
import { createProfile } from '../dist/emulator-api/src/common/profiles.js';
import { startServer } from '../dist/main/src/node/server.js';
import { machineInfo } from './lib/machine.mjs';
import { descendants, pssKiB } from './lib/procfs.mjs';
import { median, percentile } from './lib/stats.mjs';

const root = new URL('../', import.meta.url).pathname;
const project = path.join(root, 'examples/compress-demo');
const log = (text) => process.stderr.write(`[qa ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
const STARTS = Number(process.env.TTSIM_BENCH_STARTS ?? 31);
const SCALES = [1, 8, 32];

async function testStarts(browser, host, server, dataDir) {
  const page = '<!doctype html><html><head><title>static</title></head><body><h1>A static page</h1><p>bare baseline</p></body></html>';
  const bare = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const staticUrl = `http://127.0.0.1:${bare.address().port}/`;
  const bareMs = [];
  const simMs = [];
  // Both pages start at the device's size, as the ttsim/test fixture's do (its viewport follows the profile).
  const viewport = viewportFor({ profile: createProfile({ app: 'gadget', platform: 'ios', client: '7.35.0' }) }, 'device');
  for (let i = 0; i < STARTS + 2; i++) {
    log(`test start ${i + 1}/${STARTS + 2}`);
    let t0 = performance.now();
    const c1 = await browser.newContext({ viewport });
    const p1 = await c1.newPage();
    await p1.goto(staticUrl);
    const bareTime = performance.now() - t0;
    await c1.close();

    t0 = performance.now();
    const c2 = await browser.newContext({ viewport });
    const p2 = await c2.newPage();
    const session = await openSession(host, { project, platform: 'ios', client: '7.35.0', dataDir: fs.mkdtempSync(path.join(dataDir, 'start-')) });
    const sim = await attach(p2, { host, server, session, ui: 'device' }); // as the ttsim/test fixture does
    const simTime = performance.now() - t0;
    await sim.close();
    await c2.close();
    if (i >= 2) { bareMs.push(bareTime); simMs.push(simTime); } // the first two warm both paths up
  }
  bare.close();
  return { bareMs, simMs };
}

function treePssMiB() {
  return [process.pid, ...descendants(process.pid)].reduce((sum, pid) => sum + (pssKiB(pid) ?? 0), 0) / 1024;
}

async function settleMemory() {
  global.gc?.();
  await new Promise((r) => setTimeout(r, 1500));
  return treePssMiB();
}

async function scale(browser, host, server, dataDir) {
  const rows = [];
  for (const n of SCALES) {
    log(`${n} sessions at once`);
    const idle = await settleMemory();
    const t0 = performance.now();
    // Opened 8 at a time (as 8 workers' tests would start), then all n stay open together.
    const opened = [];
    for (let i = 0; i < n; i += 8) {
      opened.push(...await Promise.all(Array.from({ length: Math.min(8, n - i) }, async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const session = await openSession(host, { project, platform: 'android', client: '7.35.0', dataDir: fs.mkdtempSync(path.join(dataDir, 'scale-')) });
        await page.setViewportSize(viewportFor(session, 'device'));
        return { context, sim: await attach(page, { host, server, session, ui: 'device', timeoutMs: 120_000 }) }; // as the ttsim/test fixture opens them
      })));
    }
    const openMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 2000)); // the last pages' first paint and settle, so the calls below are not queued behind them
    const calls = await Promise.all(opened.map(async ({ sim }) => {
      const t = performance.now();
      const r = await sim.callTT('getSystemInfo');
      if (!String(r.errMsg).endsWith(':ok')) throw new Error(r.errMsg);
      return performance.now() - t;
    }));
    const busy = await settleMemory();
    const perSessionMiB = (busy - idle) / n;
    rows.push({ n, openMs, perOpenMs: openMs / n, callP50: median(calls), callMax: Math.max(...calls), idleMiB: idle, busyMiB: busy, perSessionMiB });
    for (const { sim, context } of opened) { await sim.close(); await context.close(); }
  }
  return rows;
}

/**
 * The same comparison inside Playwright Test, as a suite would see it: tests that only take `sim`, and
 * tests that only page.goto a static page (its server a worker fixture), interleaved in one worker; each
 * test's duration as Playwright reports it (fixtures and the per-test context included).
 */
function startsInPlaywrightTest() {
  const dir = path.join(root, 'test-results', 'bench-qa-start');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pairs = Array.from({ length: STARTS + 2 }, (_, i) => `
test('sim ${i}', async ({ sim }) => { started(); expect(sim.profile.platform).toBe('ios'); });
test('bare ${i}', async ({ page, staticUrl }) => { await page.goto(staticUrl); started(); });`).join('\n');
  fs.writeFileSync(path.join(dir, 'start.qa.ts'), `import * as http from 'node:http';
import { test as ttsim, expect } from 'ttsim/test';
const test = ttsim.extend<{}, { staticUrl: string }>({
  staticUrl: [async ({}, use) => {
    const server = http.createServer((_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>static</title><h1>A static page</h1>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await use(\`http://127.0.0.1:\${(server.address() as { port: number }).port}/\`);
    server.close();
  }, { scope: 'worker' }],
});
/** When the test's own code may begin: its fixtures are set up (and the bare test's page loaded). */
const started = () => test.info().annotations.push({ type: 'started', description: String(Date.now()) });
${pairs}
`);
  fs.writeFileSync(path.join(dir, 'playwright.config.ts'), `import { defineConfig } from 'ttsim/test';
export default defineConfig({
  testDir: '.', testMatch: '*.qa.ts', workers: 1, fullyParallel: false, outputDir: 'out',
  reporter: [['json', { outputFile: ${JSON.stringify(path.join(dir, 'results.json'))} }]],
  use: { projectDir: ${JSON.stringify(project)}, profile: 'ios@7.35.0', trace: 'off', screenshot: 'off' },
});\n`);
  log('test starts inside Playwright Test');
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', path.join(dir, 'playwright.config.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '' } });
  if (run.status !== 0) throw new Error(`the start suite failed:\n${run.stdout}\n${run.stderr}`);
  const results = JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8'));
  const durations = { sim: [], bare: [] };
  for (const spec of results.suites.flatMap((s) => s.specs)) {
    const [kind, n] = spec.title.split(' ');
    const result = spec.tests[0].results[0];
    const started = Number(result.annotations.find((a) => a.type === 'started').description);
    if (Number(n) >= 2) durations[kind].push(started - Date.parse(result.startTime));
  }
  return durations;
}

function matrix() {
  const dir = path.join(root, 'test-results', 'bench-qa');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tests = Array.from({ length: 10 }, (_, i) => `
test('compress ${i + 1}', async ({ sim }) => {
  sim.chooseFiles([${JSON.stringify(path.join(root, 'examples/images/photo.jpg'))}]);
  const chosen = await sim.callTT('chooseImage', { count: 1 });
  const src = chosen.tempFilePaths?.[0] ?? 'ttfile://temp/none.jpg';
  const result = await sim.callTT('compressImage', { src, quality: ${10 + i * 8} });
  expect(result.errMsg.startsWith('compressImage:')).toBe(true);
});`).join('\n');
  fs.writeFileSync(path.join(dir, 'matrix.qa.ts'), `import { test, expect } from 'ttsim/test';\n${tests}\n`);
  fs.writeFileSync(path.join(dir, 'playwright.config.ts'), `import { defineConfig, profiles } from 'ttsim/test';
export default defineConfig({
  testDir: '.', testMatch: '*.qa.ts', fullyParallel: true, reporter: 'dot', outputDir: 'out',
  use: { projectDir: ${JSON.stringify(project)}, trace: 'off', screenshot: 'off' },
  projects: profiles(['ios@7.35.0', 'android@3.44.0', 'pc@3.47.0', 'harmony@7.35.0', 'android@7.35.0']),
});\n`);
  const wall = {};
  for (const workers of [1, 2]) {
    log(`QA matrix 5 × 10 with ${workers} worker(s)`);
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', path.join(dir, 'playwright.config.ts'), `--workers=${workers}`], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '' } });
    wall[workers] = performance.now() - t0;
    if (run.status !== 0) throw new Error(`the QA matrix failed:\n${run.stdout}\n${run.stderr}`);
    if (!/50 passed/.test(run.stdout)) throw new Error(`expected 50 passed:\n${run.stdout}`);
  }
  return wall;
}

const browser = await chromium.launch({ executablePath: process.env.TTSIM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-bench-qa-'));
const host = new Host({ dataDir });
const server = await startServer(host);
const startsOnly = process.argv.includes('--starts-only');
let starts, scaleRows;
try {
  starts = await testStarts(browser, host, server, dataDir);
  if (!startsOnly) scaleRows = await scale(browser, host, server, dataDir);
} finally {
  await browser.close();
  await server.close();
  await host.closeAll();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
const inPlaywright = startsInPlaywrightTest();
if (startsOnly) {
  const ratioOf = (a, b) => (median(a) / median(b)).toFixed(2);
  process.stdout.write(`starts: sim ${median(starts.simMs).toFixed(0)} ms, bare ${median(starts.bareMs).toFixed(0)} ms (${ratioOf(starts.simMs, starts.bareMs)}×)\n`);
  process.stdout.write(`in Playwright Test: sim ${median(inPlaywright.sim)} ms, bare ${median(inPlaywright.bare)} ms (${ratioOf(inPlaywright.sim, inPlaywright.bare)}×)\n`);
  process.stdout.write(`raw: sim ${inPlaywright.sim.join(' ')}; bare ${inPlaywright.bare.join(' ')}\n`);
  process.exit(0);
}
const wall = matrix();

const ms = (v) => `${v.toFixed(0)} ms`;
const bareMedian = median(starts.bareMs);
const simMedian = median(starts.simMs);
const ratio = simMedian / bareMedian;
const pwRatio = median(inPlaywright.sim) / median(inPlaywright.bare);
const at32 = scaleRows.find((r) => r.n === 32) ?? scaleRows.at(-1);
const perGB = 1024 / at32.perSessionMiB;
const m = machineInfo();
const lines = [
  '# ttsim QA kit benchmark',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${m.cores} × ${m.model}, ${(m.totalMemBytes / 2 ** 30).toFixed(1)} GiB, ${m.os}; Node ${process.version}`,
  '',
  '| what | measured | baseline (same run) | target | result |',
  '|---|---:|---:|---|---|',
  `| a test's start: new context and page at the device's size, session, gadget launched (median of ${STARTS}) | ${ms(simMedian)} | bare Playwright test: new context and page at the same size, goto a static page: ${ms(bareMedian)} (${ratio.toFixed(2)}×) | ≤ 1.3× | **${ratio <= 1.3 ? 'PASS' : 'FAIL'}** |`,
  `| the same inside Playwright Test: from a test's start to its first line, a test taking \`sim\` vs a test whose first line comes after page.goto of a static page (median of ${STARTS}) | ${ms(median(inPlaywright.sim))} | ${ms(median(inPlaywright.bare))} (${pwRatio.toFixed(2)}×) | ≤ 1.3× | **${pwRatio <= 1.3 ? 'PASS' : 'FAIL'}** |`,
  ...scaleRows.map((r) => `| ${r.n} session${r.n > 1 ? 's' : ''} open together on one host and Chromium (opened 8 at a time): open all / then, 2 s later, a getSystemInfo on each at once (p50, max) / memory per session | ${ms(r.openMs)} (${ms(r.perOpenMs)} each) / ${r.callP50.toFixed(1)}, ${r.callMax.toFixed(1)} ms / ${r.perSessionMiB.toFixed(1)} MiB | idle host + Chromium ${r.idleMiB.toFixed(0)} MiB, with them ${r.busyMiB.toFixed(0)} MiB | – | – |`),
  `| sessions per GB (at ${at32.n} at once) | ${perGB.toFixed(0)} | – | – | – |`,
  `| QA matrix 5 profiles × 10 tests on Playwright Test: wall time | 1 worker ${(wall[1] / 1000).toFixed(1)} s, 2 workers ${(wall[2] / 1000).toFixed(1)} s (${(wall[1] / wall[2]).toFixed(2)}× faster) | – | – | – |`,
  '',
  `Raw starts in Playwright Test (ms): sim ${inPlaywright.sim.join(', ')}; bare ${inPlaywright.bare.join(', ')}.`,
  '',
  `Raw starts (ms): ttsim ${starts.simMs.map((v) => v.toFixed(0)).join(', ')}; bare ${starts.bareMs.map((v) => v.toFixed(0)).join(', ')}; p95 ttsim ${percentile(starts.simMs, 95).toFixed(0)}, bare ${percentile(starts.bareMs, 95).toFixed(0)}.`,
  '',
];
fs.writeFileSync(path.join(root, 'bench', 'RESULTS-qa.md'), lines.join('\n'));
process.stdout.write(lines.join('\n'));
