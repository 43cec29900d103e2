/* global tt -- the gadget's tt object, in the page.evaluate callbacks that run in the guest frame */
// The devtools' speed targets (issue 13), each against a baseline measured in the same run:
//  1. open → first gadget render: the devtools page vs the plain shell (the same `ttsim dev`, median of 5);
//  2. 10,000 calls in the API log: search and filter answer (ms until the list shows the result), and
//     scrolling (frame intervals while the log scrolls; 16.7 ms = no frame dropped at 60 Hz);
//  3. 1,000 files in ttfile://user: the Files tab's tree rendered (its first rows drawn, each knowing it is one of 1,000);
//  4. the guest's bridge (tt.getSystemInfo round trips) with the devtools open vs the plain shell.
// Writes bench/RESULTS-devtools.md. Run: npm run build && node bench/devtools.mjs
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { launch, CHROMIUM_FLAGS } from 'ttsim/automation';
import { machineInfo } from './lib/machine.mjs';
import { timeStart } from './lib/start.mjs';
import { median, percentile } from './lib/stats.mjs';

const STARTS = 5;
const CALLS = 10_000;
const FILES = 1_000;
const ROUND_TRIPS = 3_000;
const root = new URL('../', import.meta.url).pathname;
const log = (text) => process.stderr.write(`[devtools ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-bench-'));
const compressDemo = path.join(root, 'examples/compress-demo');

async function openToRender(browser) {
  const devtools = [];
  const plain = [];
  const guestButton = (page) => page.frameLocator('iframe[src*="/g/"]').locator('[data-ttsim-page] button').first().waitFor({ timeout: 20_000 });
  for (let i = 0; i < STARTS; i++) {
    log(`open → render ${i + 1}/${STARTS}`);
    plain.push(await timeStart(browser, root, process.execPath, ['bin/ttsim.js', 'dev', '--platform', 'ios'], /http:\/\/127\.0\.0\.1:\d+\/s\/\S+/, guestButton, (url) => url.replace('/?token=', '/plain?token=')));
    devtools.push(await timeStart(browser, root, process.execPath, ['bin/ttsim.js', 'dev', '--platform', 'ios'], /http:\/\/127\.0\.0\.1:\d+\/s\/\S+/, guestButton));
  }
  return { devtools, plain };
}

/** Milliseconds from a change of `control` (a search box or select) until the log's count reads what `expect` says. */
async function timeLogAnswer(page, control, value, expect) {
  return page.evaluate(
    ({ label, value, expect }) =>
      new Promise((resolve, reject) => {
        const el = [...document.querySelectorAll('input, select')].find((e) => e.getAttribute('aria-label') === label || (e.id && document.querySelector(`label[for="${e.id}"]`)?.textContent?.trim() === label));
        if (!el) return reject(new Error(`no control labelled ${label}`));
        const setter = Object.getOwnPropertyDescriptor(el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype, 'value').set;
        const t0 = performance.now();
        setter.call(el, value);
        el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
        const check = () => {
          if (new RegExp(expect).test(document.body.innerText)) resolve(performance.now() - t0);
          else if (performance.now() - t0 > 5000) reject(new Error(`the log did not show ${expect} within 5 s`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { label: control, value, expect },
  );
}

async function apiLog() {
  const sim = await launch({ project: compressDemo, platform: 'ios', client: '7.35.0', ui: 'devtools', dataDir: dataDir() });
  try {
    await sim.page.setViewportSize({ width: 1400, height: 900 });
    log(`${CALLS} calls into the log`);
    await sim.frame().evaluate((n) => {
      for (let i = 0; i < n; i++) tt.getStorageSync(`k${i % 7}`);
    }, CALLS - 20);
    await sim.page.getByText(/^\d{4,5} calls$/).first().waitFor({ timeout: 30_000 });
    await sim.page.waitForTimeout(1500);
    const search = [];
    const filter = [];
    // The log's counter reads "N of M calls" while a search or filter holds, "M calls" without.
    const filtered = '\\b\\d+ of \\d{4,5} calls';
    const all = '(?<!of )\\b\\d{4,5} calls';
    for (let i = 0; i < 5; i++) {
      search.push(await timeLogAnswer(sim.page, 'Search calls', i % 2 ? 'getSystemInfo' : 'storage', filtered));
      search.push(await timeLogAnswer(sim.page, 'Search calls', '', all));
      filter.push(await timeLogAnswer(sim.page, 'Result', 'fail', filtered));
      filter.push(await timeLogAnswer(sim.page, 'Result', 'all', all));
    }
    log('scrolling the log');
    const intervals = await sim.page.evaluate(async () => {
      const scroller = document.querySelector('.vlist-scroll');
      if (!scroller || scroller.scrollHeight <= scroller.clientHeight) throw new Error('no scrollable log');
      const out = [];
      let last = await new Promise((r) => requestAnimationFrame(r));
      for (let i = 0; i < 240; i++) {
        scroller.scrollTop += 300;
        const now = await new Promise((r) => requestAnimationFrame(r));
        out.push(now - last);
        last = now;
      }
      return out;
    });
    return { search, filter, intervals };
  } finally {
    await sim.close();
  }
}

async function filesTree() {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const writeFiles = (session) => {
      const userDir = session.session.dirs.userDir;
      for (let f = 0; f < FILES; f++) fs.writeFileSync(path.join(userDir, `file-${String(f).padStart(4, '0')}.txt`), `file ${f}`);
    };
    const sim = await launch({ project: compressDemo, platform: 'android', client: '7.35.0', ui: 'devtools', dataDir: dataDir(), beforeStart: writeFiles });
    try {
      await sim.page.setViewportSize({ width: 1400, height: 900 });
      log(`Files tab with ${FILES} files (${i + 1}/3)`);
      const ms = await sim.page.evaluate((n) => new Promise((resolve, reject) => {
        const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /Files/.test(t.textContent ?? ''));
        const t0 = performance.now();
        tab.click();
        const check = () => {
          const nameOf = (t) => t.getAttribute('aria-label') ?? document.getElementById(t.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
          const tree = [...document.querySelectorAll('[role="tree"]')].find((t) => /ttfile:\/\/user/.test(nameOf(t)));
          // The tree draws the rows in view; each says its place among the n files (aria-setsize).
          const item = tree?.querySelector('[role="treeitem"][aria-setsize]');
          if (item && Number(item.getAttribute('aria-setsize')) >= n && tree.getBoundingClientRect().height > 0) resolve(performance.now() - t0);
          else if (performance.now() - t0 > 10_000) reject(new Error('the user tree did not show the files within 10 s'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }), FILES);
      times.push(ms);
    } finally {
      await sim.close();
    }
  }
  return times;
}

async function bridgeWith(ui) {
  const sim = await launch({ project: compressDemo, platform: 'ios', client: '7.35.0', ui, dataDir: dataDir() });
  try {
    return await sim.frame().evaluate(async (n) => {
      for (let i = 0; i < 500; i++) await tt.getSystemInfo();
      const samples = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await tt.getSystemInfo();
        samples.push(performance.now() - t0);
      }
      return samples;
    }, ROUND_TRIPS);
  } finally {
    await sim.close();
  }
}

const f1 = (n) => n.toFixed(1);
async function main() {
  const browser = await chromium.launch({ executablePath: process.env.TTSIM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  let starts;
  try {
    starts = await openToRender(browser);
  } finally {
    await browser.close();
  }
  const logTimes = await apiLog();
  const files = await filesTree();
  log('bridge with the plain shell, then with the devtools');
  const plainBridge = await bridgeWith('plain');
  const devtoolsBridge = await bridgeWith('devtools');
  const m = machineInfo();
  const pass = (ok) => (ok ? '**PASS**' : '**FAIL**');
  const open = { devtools: median(starts.devtools), plain: median(starts.plain) };
  const searchP95 = percentile(logTimes.search, 95);
  const filterP95 = percentile(logTimes.filter, 95);
  const frameP95 = percentile(logTimes.intervals, 95);
  const dropped = logTimes.intervals.filter((ms) => ms > 25).length;
  const filesMedian = median(files);
  const bridge = { plain: percentile(plainBridge, 99), devtools: percentile(devtoolsBridge, 99) };
  const report = `# ttsim devtools benchmark

- Date: ${new Date().toISOString()}
- Machine: ${m.cores} × ${m.model}, ${(m.totalMemBytes / 2 ** 30).toFixed(1)} GiB, ${m.os}; Node ${process.version}

| what | measured | baseline (same run) | target | result |
|---|---:|---:|---|---|
| \`ttsim dev\` → first gadget render, devtools (median of ${STARTS}) | ${open.devtools.toFixed(0)} ms | plain shell ${open.plain.toFixed(0)} ms (${(open.devtools / open.plain).toFixed(2)}×) | ≤ 1.3× the plain shell | ${pass(open.devtools <= 1.3 * open.plain)} |
| API log, ${CALLS.toLocaleString('en')} calls: search answers (p95 of ${logTimes.search.length}) | ${f1(searchP95)} ms | – | ≤ 50 ms | ${pass(searchP95 <= 50)} |
| API log: result filter answers (p95 of ${logTimes.filter.length}) | ${f1(filterP95)} ms | – | ≤ 50 ms | ${pass(filterP95 <= 50)} |
| API log: frame interval while scrolling (p95 of ${logTimes.intervals.length} frames) | ${f1(frameP95)} ms, ${dropped} frames over 25 ms | 16.7 ms = every frame at 60 Hz | p95 ≤ 16 ms of work (an interval of 16.7 means no frame dropped) | ${pass(frameP95 <= 17.5)} |
| Files tab with ${FILES.toLocaleString('en')} files in ttfile://user: tree rendered (median of ${files.length}) | ${f1(filesMedian)} ms | – | ≤ 200 ms | ${pass(filesMedian <= 200)} |
| guest bridge p99 (tt.getSystemInfo × ${ROUND_TRIPS.toLocaleString('en')}) with the devtools open | ${f1(bridge.devtools)} ms | plain shell ${f1(bridge.plain)} ms (${(bridge.devtools / bridge.plain).toFixed(2)}×) | ≤ 1.3× | ${pass(bridge.devtools <= 1.3 * bridge.plain)} |

Raw: open devtools ${starts.devtools.map((v) => v.toFixed(0)).join(', ')} ms; plain ${starts.plain.map((v) => v.toFixed(0)).join(', ')} ms; search ${logTimes.search.map(f1).join(', ')} ms; filter ${logTimes.filter.map(f1).join(', ')} ms; files ${files.map(f1).join(', ')} ms; bridge p50 plain ${f1(percentile(plainBridge, 50))} / devtools ${f1(percentile(devtoolsBridge, 50))} ms.
`;
  fs.writeFileSync(new URL('./RESULTS-devtools.md', import.meta.url), report);
  process.stdout.write(report);
}

await main();
