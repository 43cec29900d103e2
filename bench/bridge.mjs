// Bridge latency and start-up (the runtime issue's targets), each against a bare baseline from the same run:
//  1. 10,000 tt.getSystemInfo() round trips from the guest page through the real server, vs a bare
//     WebSocket echo from a page to a `ws` server on 127.0.0.1.
//  2. `ttsim dev` start → first page rendered, vs a bare Node HTTP server start → page loaded, both in an
//     already running Chromium.
// Writes bench/RESULTS-bridge.md. Run: npm run build && node bench/bridge.mjs
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { launch, CHROMIUM_FLAGS } from 'ttsim/automation';
import { machineInfo } from './lib/machine.mjs';
import { timeStart } from './lib/start.mjs';
import { median, percentile } from './lib/stats.mjs';

const ROUND_TRIPS = 10_000;
/** Round trips before measuring, on both paths, so that JIT tiers and caches have settled. */
const WARM_UP = 2_000;
const STARTS = 5;
const root = new URL('../', import.meta.url).pathname;
const log = (text) => process.stderr.write(`[bridge ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
const stats = (samples) => ({ p50: percentile(samples, 50), p99: percentile(samples, 99), max: Math.max(...samples) });

/** Round trips measured inside the page, one after another. */
async function measureInPage(frame, fnSource, count) {
  return frame.evaluate(
    async ({ source, n, warmUp }) => {
      const once = new Function(`return (${source})`)();
      for (let i = 0; i < warmUp; i++) await once(); // warm-up: JIT tiers and caches settle on both paths
      const samples = new Array(n);
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await once();
        samples[i] = performance.now() - t0;
      }
      return samples;
    },
    { source: fnSource, n: count, warmUp: WARM_UP },
  );
}

async function bridgeRoundTrips() {
  const sim = await launch({ project: path.join(root, 'examples/compress-demo'), platform: 'ios', client: '7.35.0', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-bench-')) });
  try {
    return await measureInPage(sim.frame(), '() => tt.getSystemInfo()', ROUND_TRIPS);
  } finally {
    await sim.close();
  }
}

async function bareEcho(browser) {
  const server = http.createServer((req, res) => res.end('<!doctype html><title>echo</title>'));
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => ws.on('message', (data) => ws.send(data)));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.evaluate((port) => {
      return new Promise((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
        const waiting = [];
        ws.onmessage = () => waiting.shift()?.();
        window.echo = () => new Promise((r) => { waiting.push(r); ws.send('{"t":"call","id":1,"api":"getSystemInfo","params":{}}'); });
        ws.onopen = resolve;
      });
    }, server.address().port);
    return await measureInPage(page.mainFrame(), '() => window.echo()', ROUND_TRIPS);
  } finally {
    await page.close();
    wss.close();
    server.close();
  }
}

const bareServer = `require('http').createServer((q, s) => s.end('<!doctype html><h1>hello</h1>')).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port + '/'); })`;

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.TTSIM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    log(`bare WebSocket echo × ${ROUND_TRIPS}`);
    const echo = stats(await bareEcho(browser));
    log(`tt.getSystemInfo through the server × ${ROUND_TRIPS}`);
    const bridge = stats(await bridgeRoundTrips());

    const devStarts = [];
    const bareStarts = [];
    for (let i = 0; i < STARTS; i++) {
      log(`start-up round ${i + 1}/${STARTS}`);
      bareStarts.push(await timeStart(browser, root, process.execPath, ['-e', bareServer], /http:\/\/127\.0\.0\.1:\d+\//, (page) => page.locator('h1').waitFor()));
      devStarts.push(
        await timeStart(browser, root, process.execPath, ['bin/ttsim.js', 'dev', '--platform', 'ios'], /http:\/\/127\.0\.0\.1:\d+\/s\/\S+/, async (page) => {
          const frame = page.frameLocator('iframe[src*="/g/"]');
          await frame.locator('[data-ttsim-page] button').first().waitFor({ timeout: 20_000 });
        }, (url) => url.replace('/?token=', '/plain?token=')),
      );
    }
    const dev = median(devStarts);
    const bare = median(bareStarts);
    const m = machineInfo();
    const verdict = (ok) => (ok ? '**PASS**' : '**FAIL**');
    const baselineMisses = echo.p50 > 0.5 || echo.p99 > 2;
    const report = `# ttsim bridge benchmark

- Date: ${new Date().toISOString()}
- Machine: ${m.cores} × ${m.model}, ${(m.totalMemBytes / 2 ** 30).toFixed(1)} GiB, ${m.os}; Node ${process.version}; Chromium ${browser.version()}

## Round trips from the guest page (${ROUND_TRIPS.toLocaleString('en')} sequential, after ${WARM_UP.toLocaleString('en')} warm-up)

| path | p50 ms | p99 ms | max ms | target | result |
|---|---:|---:|---:|---|---|
| bare WebSocket echo (page ↔ \`ws\` on 127.0.0.1) | ${echo.p50.toFixed(3)} | ${echo.p99.toFixed(3)} | ${echo.max.toFixed(1)} | baseline | – |
| \`tt.getSystemInfo()\` guest → server → emulator-api → guest | ${bridge.p50.toFixed(3)} | ${bridge.p99.toFixed(3)} | ${bridge.max.toFixed(1)} | p50 ≤ 0.5, p99 ≤ 2 | ${verdict(bridge.p50 <= 0.5 && bridge.p99 <= 2)}${baselineMisses ? ' (the bare baseline itself misses it)' : ''} |
| ratio to the bare echo | ${(bridge.p50 / echo.p50).toFixed(2)}× | ${(bridge.p99 / echo.p99).toFixed(2)}× | | ≤ 1.3× where the bare baseline itself misses the absolute target | ${baselineMisses ? verdict(bridge.p50 / echo.p50 <= 1.3 && bridge.p99 / echo.p99 <= 1.3) : 'not applied: the baseline meets the absolute target, which applies'} |

## Start-up: command start → first page rendered (median of ${STARTS}, browser already running)

| what | median ms | runs ms | target | result |
|---|---:|---|---|---|
| bare Node HTTP server → static page loaded | ${bare.toFixed(0)} | ${bareStarts.map((v) => v.toFixed(0)).join(', ')} | baseline | – |
| \`ttsim dev\` → compress-demo's first page rendered | ${dev.toFixed(0)} | ${devStarts.map((v) => v.toFixed(0)).join(', ')} | ≤ 2000 | ${verdict(dev <= 2000)} |
`;
    fs.writeFileSync(new URL('./RESULTS-bridge.md', import.meta.url), report);
    process.stdout.write(report);
  } finally {
    await browser.close();
  }
}

await main();
