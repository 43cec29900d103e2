// Takes the README's screenshot of a ttsim qa report: runs examples/qa/compress.qa.ts under five profiles
// with `ttsim qa`, then photographs the report's rows where the profiles differ.
// Run: npm run build && node scripts/screenshot-qa-report.mjs
/* global document -- in the page.evaluate callback */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from 'ttsim/automation';

const root = new URL('../', import.meta.url).pathname;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-qa-shot-'));
const run = spawnSync(process.execPath, [
  'bin/ttsim.js', 'qa', 'examples/compress-demo', 'examples/webapp-demo', '--scenario', 'examples/qa/compress.qa.ts',
  '--profiles', 'ios@7.35.0,android@3.44.0,pc@3.47.0,harmony@7.35.0,webapp:pc@3.46.0', '--out', out,
], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

const browser = await chromium.launch({ executablePath: process.env.TTSIM_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
try {
  const page = await browser.newPage({ viewport: { width: 1700, height: 1000 } });
  await page.goto(`file://${path.join(out, 'index.html')}`);
  // The header, then the first compress step: iOS's JPEG against the PNG the others give back, and the web app's errno 103.
  await page.evaluate(() => {
    for (const row of document.querySelectorAll('tr.step')) if (!row.textContent.includes('compress the PNG at quality 30')) row.remove();
    for (const details of document.querySelectorAll('.call details')) details.remove();
  });
  await page.locator('header').evaluate((h) => h.remove());
  await page.locator('section.test').first().screenshot({ path: path.join(root, 'docs/screenshots/qa-report.png') });
} finally {
  await browser.close();
}
process.stdout.write(`report: ${path.join(out, 'index.html')}\n`);
