/** Renders the bench results as one markdown document (printed and written to bench/RESULTS.md). */
import { median } from './stats.mjs';

const TARGETS = {
  vsSharp: 1.1,
  vsCjpeg: 0.6,
  vsCanvas: 0.35,
  rss100MB: 250,
  sysinfoP99Ms: 20,
};

const mb = (kib) => (kib === undefined ? 'n/a' : `${Math.round((kib * 1024) / 1e6)}`);
const ms = (value) => (value === undefined || Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value).toString());
const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');
const errorText = (result) => `error: ${String(result.error).split('\n')[0].slice(0, 120)}`;

function timing(samples, pick = (s) => s.ms) {
  const values = samples.map(pick);
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

function outputCell(output, expected) {
  if (!output) return 'n/a';
  const size = `${Math.round(output.bytes / 1000)} kB`;
  if (!output.ok) return `⚠ not a JPEG (${output.reason})`;
  if (output.width !== expected.width || output.height !== expected.height) return `⚠ ${size}, ${output.width}×${output.height}`;
  return size;
}

/** Median time of a method at a size, or undefined when its worker failed. */
function methodMedian(sizeResults, method) {
  const source = method === 'canvas' || method === 'jimp' ? sizeResults[method] : sizeResults.interleaved;
  const samples = source?.methods?.[method]?.samples;
  return samples?.length ? timing(samples).median : undefined;
}

function compressionRows(label, input, r) {
  const rows = [];
  const expected = { width: input.width, height: input.height };
  const inputCell = `${label} (${input.width}×${input.height}, ${(input.bytes / 1e6).toFixed(1)} MB)`;
  const add = (name, source, method, rssKiB, note, pick) => {
    if (!source || source.error) {
      rows.push(`| ${inputCell} | ${name} | – | – | – | – | – | ${source ? errorText(source) : 'not run'} |`);
      return;
    }
    const m = source.methods[method];
    const t = timing(m.samples, pick);
    rows.push(`| ${inputCell} | ${name} | ${t.n} | **${ms(t.median)}** | ${ms(t.min)}–${ms(t.max)} | ${rssKiB(source, m)} | ${outputCell(m.output, expected)} | ${note(source, m)} |`);
  };
  const soloRss = (solo) => () => (solo && !solo.error ? mb(solo.selfPeakRssKiB) : 'n/a');
  const soloIdle = (solo) => (solo && !solo.error ? `; idle ${mb(solo.rssAfterSetupKiB)} MB` : '');
  add('**ttsim** tt.compressImage', r.interleaved, 'ttsim', soloRss(r.ttsimSolo), () => `timed interleaved with (a), (d); RSS: own process${soloIdle(r.ttsimSolo)}`);
  add('(a) raw sharp', r.interleaved, 'sharp', soloRss(r.sharpSolo), () => `timed interleaved; RSS: own process${soloIdle(r.sharpSolo)}`);
  add('(b) Chromium canvas', r.canvas, 'canvas', (_s, m) => mb(m.methodMemory?.peakKiB), (_s, m) => {
    const total = timing(m.samples, (s) => s.extra.totalMs);
    return `in-page blob→bytes; with fetch in + POST out: ${ms(total.median)} ms; RSS: ${m.methodMemory?.how ?? 'n/a'}`;
  });
  add('(c) jimp', r.jimp, 'jimp', (s) => mb(s.selfPeakRssKiB), (s) => `own process; idle ${mb(s.rssAfterSetupKiB)} MB`);
  add('(d) djpeg \\| cjpeg', r.interleaved, 'cjpeg', (_s, m) => mb(m.methodMemory?.peakKiB), (_s, m) => `timed interleaved; RSS: ${m.methodMemory?.how ?? 'n/a'}`);
  return rows;
}

/**
 * ttsim / other at each size. For a method timed interleaved with ttsim, the figure judged is the median of the
 * per-round ratios (each round times both back to back, so a slow spell of the VM cancels out), with the
 * ratio of the two medians beside it; for the others, the ratio of medians.
 */
function ratioRow(name, sizes, compression, other, target) {
  const cells = [];
  const oks = [];
  for (const label of sizes) {
    const ttsim = methodMedian(compression[label], 'ttsim');
    const base = methodMedian(compression[label], other);
    if (ttsim === undefined || base === undefined) {
      cells.push('n/a');
      oks.push(undefined);
      continue;
    }
    const ofMedians = ttsim / base;
    const paired = pairedRatio(compression[label].interleaved, other);
    const judged = paired ?? ofMedians;
    oks.push(judged <= target);
    cells.push(paired === undefined ? `${ofMedians.toFixed(2)}× (${verdict(judged <= target)})` : `${paired.toFixed(2)}× (${verdict(judged <= target)}; medians ${ofMedians.toFixed(2)}×)`);
  }
  const ok = oks.includes(undefined) ? undefined : oks.every(Boolean);
  return `| ${name} | ${cells.join(' | ')} | ≤ ${target.toFixed(2)}× | **${verdict(ok)}** |`;
}

/** Median of per-round ttsim/other ratios from the interleaved run, or undefined if `other` was not in it. */
function pairedRatio(interleaved, other) {
  const a = interleaved?.methods?.ttsim?.samples;
  const b = interleaved?.methods?.[other]?.samples;
  if (!a || !b) return undefined;
  return median(a.map((s, i) => s.ms / b[i].ms));
}

function memoryRows(results) {
  const rows = [];
  const { memory100, inputs } = results;
  const big = inputs['100MP'];
  const add = (name, key, orientation, withTarget) => {
    const r = memory100[key];
    const input = `100MP (${big.width}×${big.height})${orientation ? ', EXIF Orientation 6' : ''}`;
    if (!r || r.error) {
      rows.push(`| ${input} | ${name} | – | – | – | ${withTarget ? '≤ 250 MB' : 'info'} | ${r ? errorText(r) : 'not run'} |`);
      return;
    }
    const m = Object.values(r.methods)[0];
    const expected = orientation ? { width: big.height, height: big.width } : big;
    const peakMB = (r.selfPeakRssKiB * 1024) / 1e6;
    const result = withTarget ? `**${verdict(peakMB <= TARGETS.rss100MB)}**` : peakMB <= TARGETS.rss100MB ? 'within 250 MB' : '⚠ over 250 MB';
    rows.push(`| ${input} | ${name} | **${mb(r.selfPeakRssKiB)}** | ${ms(m.samples[0].ms)} | ${outputCell(m.output, expected)} | ${withTarget ? `≤ ${TARGETS.rss100MB} MB` : 'info'} | ${result} |`);
  };
  add('**ttsim** tt.compressImage', 'ttsim', false, true);
  add('(a) raw sharp', 'sharp', false, false);
  add('**ttsim** tt.compressImage', 'ttsimRotated', true, false);
  add('(a) raw sharp', 'sharpRotated', true, false);
  return rows;
}

function sysinfoSection(r) {
  if (!r || r.error) return [`getSystemInfo under load: ${r ? errorText(r) : 'not run'}`];
  const ok = r.underLoad.p99 <= TARGETS.sysinfoP99Ms;
  const calls = r.perCallMs;
  return [
    '| Condition | Calls measured | p50 ms | p99 ms | max ms | Target | Result |',
    '|---|---:|---:|---:|---:|---|---|',
    `| no load (same session, idle) | ${r.baseline.n} | ${ms(r.baseline.p50)} | ${ms(r.baseline.p99)} | ${ms(r.baseline.max)} | info | – |`,
    `| during ${r.concurrency} concurrent 12 MP tt.compressImage | ${r.underLoad.n} | ${ms(r.underLoad.p50)} | **${ms(r.underLoad.p99)}** | ${ms(r.underLoad.max)} | p99 ≤ ${TARGETS.sysinfoP99Ms} ms | **${verdict(ok)}** |`,
    '',
    `The ${r.concurrency} compressions took **${ms(r.loadMs)} ms** together (${ms(r.loadMs / r.concurrency)} ms per image; each call ${ms(Math.min(...calls))}–${ms(Math.max(...calls))} ms from start to result). ` +
      `Event-loop delay meanwhile: p50 ${ms(r.eventLoopDelayMs.p50)} ms, p99 ${ms(r.eventLoopDelayMs.p99)} ms, max ${ms(r.eventLoopDelayMs.max)} ms. Peak RSS of that process: ${mb(r.selfPeakRssKiB)} MB.`,
  ];
}

export function renderReport(results) {
  const { machine, compression, inputs, plan } = results;
  const sizes = Object.keys(compression);
  const pct = (share) => `${(share * 100).toFixed(0)} %`;
  const cpuLine = results.cpu
    ? `- Other load: processes outside the bench used ${pct(results.cpu.others)} of the machine's CPU time during the run, the hypervisor stole ${pct(results.cpu.steal)}${results.cpu.others > 0.1 ? ' — ⚠ the machine was busy with other work, so absolute times are inflated and noisy (the ratios of interleaved methods much less so)' : ''}`
    : '- Other load: unknown (no /proc/stat)';
  const lines = [
    '# ttsim benchmark results',
    '',
    `- Date: ${machine.date}`,
    `- Machine: ${machine.cores} × ${machine.model}, ${(machine.totalMemBytes / 2 ** 30).toFixed(1)} GiB RAM, ${machine.os}`,
    `- Node ${machine.node}; sharp ${machine.sharp} (libvips ${machine.vips}, ${machine.jpegLib}); jimp ${machine.jimp}; playwright-core ${machine.playwright} with Chromium ${machine.chromium}; libjpeg-turbo ${machine.libjpegTurbo} (djpeg/cjpeg)`,
    cpuLine,
    `- Bench wall time: ${(results.durationMs / 1000).toFixed(0)} s${results.generatedInputs ? ` (including ${(results.generateMs / 1000).toFixed(0)} s generating inputs, cached for the next run)` : ' (inputs from cache)'}`,
    '',
    `## JPEG → JPEG at quality 80`,
    '',
    `Median of N timed runs after warm-up (${plan.map((p) => `${p.size}: ${p.rounds} interleaved rounds after ${p.warmup} warm-up for ttsim/(a)/(d), ${p.slowRuns} runs after 1 warm-up for (b)/(c)`).join('; ')}). Peak RSS in MB (10⁶ bytes).`,
    '',
    '| Input | Method | N | Median ms | Min–max ms | Peak RSS MB | Output | How |',
    '|---|---|---:|---:|---:|---:|---|---|',
    ...sizes.flatMap((label) => compressionRows(label, inputs[label], compression[label])),
    '',
    '## Ratios (same bench run)',
    '',
    'ttsim / (a) and ttsim / (d): median of the per-round ratios of the interleaved run (each round times ttsim and the other back to back, which cancels the drift of a shared VM), the ratio of the two medians beside it; the verdict uses the former. ttsim / (b): ratio of medians, (b) being timed in its own process.',
    '',
    `| Ratio | ${sizes.join(' | ')} | Target | Result |`,
    `|---|${sizes.map(() => '---:').join('|')}|---|---|`,
    ratioRow('ttsim / (a) raw sharp', sizes, compression, 'sharp', TARGETS.vsSharp),
    ratioRow('ttsim / (d) djpeg \\| cjpeg', sizes, compression, 'cjpeg', TARGETS.vsCjpeg),
    ratioRow('ttsim / (b) Chromium canvas (in-page time)', sizes, compression, 'canvas', TARGETS.vsCanvas),
    '',
    '## 100 MP: peak RSS of one tt.compressImage in a fresh process',
    '',
    '| Input | Method | Peak RSS MB | Time ms | Output | Target | Result |',
    '|---|---|---:|---:|---|---|---|',
    ...memoryRows(results),
    '',
    'Rows marked info are not part of the target: most phone photos carry EXIF Orientation 6, and autoOrient() then has to hold the whole decoded image (width × height × 3 bytes) to rotate it.',
    '',
    '## getSystemInfo latency (one session)',
    '',
    ...sysinfoSection(results.sysinfo),
    '',
    '## How each figure is measured',
    '',
    '- Inputs are generated (fractal value noise, gradients, hard-edged discs, per-pixel noise; 4:2:0 at quality 92 like a camera) and cached in `os.tmpdir()/ttsim-bench-inputs`.',
    '- Every method runs in its own child process (`node bench/worker.mjs <method> <input>`); peak RSS of node methods is that process\'s VmHWM from /proc/self/status (node itself included; "idle" is RSS before the first call). Not `process.resourceUsage().maxRSS`: Linux carries it over fork + exec, so a worker\'s would start at the runner\'s RSS.',
    '- ttsim, (a) and (d) are timed in one process, round-robin with the starting method rotating each round, so that a slow spell of a shared VM hits all three alike; ttsim and (a) are run again alone for their peak RSS.',
    '- ttsim: `tt.compressImage({ src, quality: 80 })` on an android 7.35.0 session, the input imported once; the time is the call alone. (a): `sharp(...).autoOrient().flatten().toColourspace(\'srgb\').jpeg(jpegOutputOptions(80)).toFile()`, the same pipeline and options.',
    '- (b): headless Chromium (playwright-core, `/usr/bin/chromium`, `--disable-gpu`), the JPEG served by a local HTTP server; in the page fetch → blob, then (timed) createImageBitmap → OffscreenCanvas drawImage → convertToBlob(image/jpeg, 0.8) → arrayBuffer, then the bytes are POSTed back. The main figure is the in-page time; the round trip is in the How column. Memory is the peak of the summed Pss of all Chromium processes, sampled every 50 ms.',
    '- (c): `Jimp.fromBuffer(await readFile(in))` then `getBuffer(\'image/jpeg\', { quality: 80 })` and writeFile; jpeg-js\'s 512 MB decode limit is raised to 2 GB for 48 MP.',
    '- (d): `sh -c \'djpeg in | cjpeg -quality 80 > out\'`, timed from spawn to exit; its RSS is djpeg\'s plus cjpeg\'s peak (GNU time `%M`), as they run at the same time. The pipelines are spawned by a small helper process, not by the worker: a fork write-protects the forking process\'s whole heap, and on this VM the page faults that follow made the next in-process sharp/ttsim encode ~40 ms (60 % at 12 MP) slower.',
    '- getSystemInfo: `await s.tt.getSystemInfo()` every ~2 ms, each call timed with performance.now(), first with no load and then while the compressions run.',
    '',
  ];
  return lines.join('\n');
}
