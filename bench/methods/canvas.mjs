/**
 * (b) What a browser-based simulator does: headless Chromium (playwright-core, Debian's /usr/bin/chromium)
 * fetches the JPEG from a local HTTP server, then createImageBitmap → OffscreenCanvas.drawImage →
 * convertToBlob({ type: 'image/jpeg', quality }) → arrayBuffer, and POSTs the bytes back.
 * The main figure is the in-page time from blob in hand to output bytes in hand; the wall time of the whole
 * round trip (fetch in, encode, POST out, CDP) is kept as `totalMs`. Memory: all Chromium processes, sampled.
 */
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import { chromium } from 'playwright-core';
import { treeMemorySampler } from '../lib/procfs.mjs';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const EVALUATE_TIMEOUT_MS = 120_000;

function startServer(inputBytes) {
  let outFile;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>canvas bench</title>');
    } else if (req.method === 'GET' && req.url === '/in.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': inputBytes.length, 'cache-control': 'no-store' }).end(inputBytes);
    } else if (req.method === 'POST' && req.url === '/out') {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        fsp.writeFile(outFile, Buffer.concat(chunks)).then(
          () => res.writeHead(204).end(),
          (error) => res.writeHead(500).end(String(error)),
        );
      });
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        setOutFile: (file) => (outFile = file),
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}

/** Runs in the page. */
async function convertInPage({ quality }) {
  const t0 = performance.now();
  const blob = await (await fetch('/in.jpg', { cache: 'no-store' })).blob();
  const t1 = performance.now();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  canvas.getContext('2d').drawImage(bitmap, 0, 0);
  bitmap.close();
  const out = await canvas.convertToBlob({ type: 'image/jpeg', quality });
  const bytes = await out.arrayBuffer();
  const t2 = performance.now();
  const posted = await fetch('/out', { method: 'POST', body: bytes });
  if (!posted.ok) throw new Error(`POST /out: ${posted.status}`);
  const t3 = performance.now();
  return { fetchMs: t1 - t0, encodeMs: t2 - t1, postMs: t3 - t2, width: canvas.width, height: canvas.height, bytes: bytes.byteLength };
}

export async function setup({ input, quality }) {
  const server = await startServer(await fsp.readFile(input));
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
    const page = await browser.newPage();
    page.setDefaultTimeout(EVALUATE_TIMEOUT_MS);
    await page.goto(`${server.origin}/`);
    const sampler = treeMemorySampler(process.pid, 50);
    let memory;
    return {
      describe: 'Chromium OffscreenCanvas convertToBlob',
      async run(outFile) {
        server.setOutFile(outFile);
        const started = performance.now();
        const page$ = await page.evaluate(convertInPage, { quality: quality / 100 });
        return { ms: page$.encodeMs, output: outFile, extra: { ...page$, totalMs: performance.now() - started } };
      },
      memory() {
        memory ??= sampler.stop();
        const browserProcess = memory.processes.filter((p) => p.name !== 'sh' && p.name !== 'cat');
        return {
          peakKiB: memory.peakPssKiB,
          how: `all ${browserProcess.length} Chromium processes: peak of summed Pss sampled every 50 ms (sum of per-process VmHWM ${Math.round(memory.sumHwmKiB / 1024)} MB)`,
        };
      },
      async close() {
        memory ??= sampler.stop();
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => {});
    await server.close();
    throw error;
  }
}
