// Runtime speed (issue 7's targets), each measured in this run:
//  1. a generated gadget of 30 pages and 50 custom components opens to first render in ≤ 1.5× the time of
//     examples/compress-demo (both through `ttsim dev`, browser already running, median of 5);
//  2. setData on a 1,000-row tt:for list re-renders in ≤ 16 ms median (setData call → its callback, with
//     style and layout forced, in the page);
//  3. 1,000 getStorageSync calls in ≤ 50 ms.
// Writes bench/RESULTS-runtime.md. Run: npm run build && node bench/runtime.mjs
/* global tt, getCurrentPages -- inside page.evaluate: the guest's globals */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { launch, CHROMIUM_FLAGS } from 'ttsim/automation';
import { generateLargeGadget, generateListGadget } from './lib/generate-gadget.mjs';
import { machineInfo } from './lib/machine.mjs';
import { timeStart } from './lib/start.mjs';
import { median, percentile } from './lib/stats.mjs';

const STARTS = 5;
const root = new URL('../', import.meta.url).pathname;
const log = (text) => process.stderr.write(`[runtime ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
const tmp = (prefix) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

async function startUps(browser, large) {
  const devUntil = (project, selector) => timeStart(browser, root, process.execPath, ['bin/ttsim.js', 'dev', project, '--platform', 'ios'], /http:\/\/127\.0\.0\.1:\d+\/s\/\S+/, (page) =>
    page.frameLocator('#guest').locator(selector).first().waitFor({ timeout: 30_000 }));
  const small = [];
  const big = [];
  for (let i = 0; i < STARTS; i++) {
    log(`start-up round ${i + 1}/${STARTS}`);
    small.push(await devUntil('examples/compress-demo', '[data-ttsim-page] button'));
    big.push(await devUntil(large, '[data-ttsim-page] .ready'));
  }
  return { small, big };
}

async function setDataTimings(project) {
  const sim = await launch({ project, platform: 'ios', dataDir: tmp('ttsim-bench-') });
  try {
    return await sim.frame().evaluate(async () => {
      const page = getCurrentPages()[0];
      const once = (patch) => new Promise((resolve) => {
        const t0 = performance.now();
        page.setData(patch, () => {
          void document.body.offsetHeight; // style and layout of the new DOM, forced inside the timing
          resolve(performance.now() - t0);
        });
      });
      const oneRow = [];
      const allRows = [];
      for (let i = 0; i < 10; i++) await once({ 'rows[500].text': `warm ${i}` });
      for (let i = 0; i < 60; i++) oneRow.push(await once({ [`rows[${(i * 37) % 1000}].text`]: `changed ${i}` }));
      for (let i = 0; i < 30; i++) allRows.push(await once({ rows: page.data.rows.map((r) => ({ ...r, text: `round ${i} ${r.id}`, done: (r.id + i) % 3 === 0 })) }));
      // Bare baseline, same document: the same 1,000 rows written straight into the DOM, same forced layout.
      const bare = document.createElement('div');
      const cells = [];
      for (let k = 0; k < 1000; k++) {
        const row = document.createElement('div');
        const a = document.createElement('span');
        const b = document.createElement('span');
        a.textContent = String(k);
        b.textContent = `row ${k}`;
        row.append(a, ' ', b);
        row.style.padding = '4px';
        bare.append(row);
        cells.push({ row, b });
      }
      page.container.append(bare);
      void document.body.offsetHeight;
      const bareRows = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        cells.forEach(({ row, b }, k) => {
          b.textContent = `bare ${i} ${k}`;
          row.style.color = (k + i) % 3 === 0 ? '#888' : '';
        });
        void document.body.offsetHeight;
        bareRows.push(performance.now() - t0);
        await new Promise((r) => requestAnimationFrame(() => r()));
      }
      bare.remove();
      return { oneRow, allRows, bareRows };
    });
  } finally {
    await sim.close();
  }
}

async function storageTimings(project) {
  const sim = await launch({ project, platform: 'ios', dataDir: tmp('ttsim-bench-') });
  try {
    return await sim.frame().evaluate(() => {
      for (let i = 0; i < 100; i++) tt.setStorageSync(`key${i}`, { i, text: `value ${i}` });
      const runs = [];
      for (let r = 0; r < 7; r++) {
        const t0 = performance.now();
        for (let i = 0; i < 1000; i++) tt.getStorageSync(`key${i % 100}`);
        runs.push(performance.now() - t0);
      }
      return runs;
    });
  } finally {
    await sim.close();
  }
}

async function main() {
  const large = generateLargeGadget(tmp('ttsim-large-'));
  const list = generateListGadget(tmp('ttsim-list-'));
  const browser = await chromium.launch({ executablePath: process.env.TTSIM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  let starts;
  try {
    starts = await startUps(browser, large);
  } finally {
    await browser.close();
  }
  log('setData on a 1,000-row list');
  const setData = await setDataTimings(list);
  log('1,000 getStorageSync');
  const storage = await storageTimings(list);

  const small = median(starts.small);
  const big = median(starts.big);
  const oneRow = median(setData.oneRow);
  const allRows = median(setData.allRows);
  const bareRows = median(setData.bareRows);
  const storageMs = median(storage);
  const m = machineInfo();
  const verdict = (ok) => (ok ? '**PASS**' : '**FAIL**');
  const runs = (values) => values.map((v) => v.toFixed(0)).join(', ');
  const report = `# ttsim runtime benchmark

- Date: ${new Date().toISOString()}
- Machine: ${m.cores} × ${m.model}, ${(m.totalMemBytes / 2 ** 30).toFixed(1)} GiB, ${m.os}; Node ${process.version}

## Start-up: \`ttsim dev\` → first page rendered (median of ${STARTS}, browser already running)

| gadget | median ms | runs ms | target | result |
|---|---:|---|---|---|
| examples/compress-demo (baseline) | ${small.toFixed(0)} | ${runs(starts.small)} | – | – |
| generated: 30 pages, 50 custom components, ES + CommonJS modules | ${big.toFixed(0)} | ${runs(starts.big)} | ≤ 1.5× baseline | ${verdict(big <= 1.5 * small)} (${(big / small).toFixed(2)}×) |

## setData on a 1,000-row \`tt:for\` list (setData → its callback, after the render, style and layout)

| change | median ms | p90 ms | max ms | target | result |
|---|---:|---:|---:|---|---|
| one row (\`'rows[i].text'\`), 60 times | ${oneRow.toFixed(2)} | ${percentile(setData.oneRow, 90).toFixed(2)} | ${Math.max(...setData.oneRow).toFixed(1)} | ≤ 16 | ${verdict(oneRow <= 16)} |
| every row replaced (\`rows\`), 30 times | ${allRows.toFixed(2)} | ${percentile(setData.allRows, 90).toFixed(2)} | ${Math.max(...setData.allRows).toFixed(1)} | ≤ 16 | ${verdict(allRows <= 16)}${bareRows > 16 ? ' (the bare baseline itself misses it)' : ''} |
| bare baseline: the same 1,000 rows rewritten straight in the DOM | ${bareRows.toFixed(2)} | ${percentile(setData.bareRows, 90).toFixed(2)} | ${Math.max(...setData.bareRows).toFixed(1)} | – | – |
| every row replaced, ratio to the bare baseline | ${(allRows / bareRows).toFixed(2)}× | | | ≤ 1.3× where 16 ms is below the baseline | ${verdict(allRows <= 16 || allRows / bareRows <= 1.3)} |

## Storage

| what | median ms of 7 runs | runs ms | target | result |
|---|---:|---|---|---|
| 1,000 \`getStorageSync\` | ${storageMs.toFixed(2)} | ${storage.map((v) => v.toFixed(1)).join(', ')} | ≤ 50 | ${verdict(storageMs <= 50)} |
`;
  fs.writeFileSync(new URL('./RESULTS-runtime.md', import.meta.url), report);
  process.stdout.write(report);
}

await main();
