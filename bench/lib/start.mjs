// Start-up timing shared by the benchmarks: command start → page ready in an already running browser.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Spawns a command that prints a URL, opens it (or `toUrl` of it) in `browser` and waits for `ready` in the page. */
export async function timeStart(browser, cwd, command, args, urlPattern, ready, toUrl = (url) => url) {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TTSIM_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-bench-')) } });
  try {
    const url = await new Promise((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`no URL from ${command} within 20 s`)), 20_000);
      child.stdout.on('data', (chunk) => {
        text += chunk;
        const match = urlPattern.exec(text);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
    });
    const page = await browser.newPage();
    await page.goto(toUrl(url));
    await ready(page);
    const ms = performance.now() - t0;
    await page.close();
    return ms;
  } finally {
    child.kill('SIGTERM');
  }
}

