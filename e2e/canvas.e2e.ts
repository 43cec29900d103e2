import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { open, root } from './helpers.js';

const fixture = path.join(root, 'e2e/fixtures/canvas-gadget');
type Rgba = [number, number, number, number];

/** A decoded export: its format and size, and the RGBA pixel at (x, y). */
async function decode(bytes: Buffer) {
  const { format } = await sharp(bytes).metadata();
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): Rgba => {
    const i = (Math.round(y) * info.width + Math.round(x)) * 4;
    return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
  };
  /** Pixels in a rectangle that are opaque and dark (text). */
  const dark = (x0: number, y0: number, x1: number, y1: number) => {
    let count = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
      const [r, g, b, a] = at(x, y);
      if (a > 200 && r < 90 && g < 90 && b < 90) count++;
    }
    return count;
  };
  return { format, width: info.width, height: info.height, at, dark };
}

function expectNear(actual: Rgba, expected: Rgba, tolerance: number, where: string): void {
  const off = actual.some((value, i) => Math.abs(value - expected[i]!) > tolerance);
  expect(off, `${where}: got rgba(${actual.join(', ')}), expected about rgba(${expected.join(', ')})`).toBe(false);
}

const hex = (color: string): Rgba => [parseInt(color.slice(1, 3), 16), parseInt(color.slice(3, 5), 16), parseInt(color.slice(5, 7), 16), 255];

test('draws shapes, exports them as PNG and JPEG, keeps them across setData and names the canvases on a bad canvasId', async () => {
  const sim = await open({ project: fixture, platform: 'ios' });
  try {
    const page = await sim.currentPage();
    await page.waitFor((data) => data.drawn === true);
    const textWidth = (await page.data('textWidth')) as number;
    expect(textWidth).toBeGreaterThan(40);
    expect(textWidth).toBeLessThan(120);

    await (await page.$('button.export')).tap();
    const png = await decode(sim.readFile((await page.data('png')) as string));
    expect([png.format, png.width, png.height]).toEqual(['png', 300, 200]);
    expect(png.at(50, 40)).toEqual([255, 0, 0, 255]);
    const [left, rightEnd] = [png.at(130, 40), png.at(280, 40)];
    expect(left[0] - rightEnd[0], 'the gradient goes from red…').toBeGreaterThan(150);
    expect(rightEnd[2] - left[2], '…to blue').toBeGreaterThan(150);
    expect(png.at(220, 140)).toEqual([0, 128, 0, 255]);
    expectNear(png.at(140, 175), [0, 0, 255, 128], 2, 'half-transparent blue from the property forms');
    expect(png.at(5, 195)).toEqual([0, 0, 0, 0]);
    expect(png.dark(10, 88, 100, 122), 'the text "Hello"').toBeGreaterThan(40);
    expect(png.dark(10, 125, 100, 135), 'nothing under the text').toBe(0);

    const jpg = await decode(sim.readFile((await page.data('jpg')) as string));
    expect([jpg.format, jpg.width, jpg.height]).toEqual(['jpeg', 300, 200]);
    expectNear(jpg.at(50, 40), [255, 0, 0, 255], 12, 'red in the JPEG');
    expectNear(jpg.at(220, 140), [0, 128, 0, 255], 12, 'green in the JPEG');
    expectNear(jpg.at(5, 195), [0, 0, 0, 255], 12, 'transparent becomes black in a JPEG');

    const region = await decode(sim.readFile((await page.data('region')) as string));
    expect([region.format, region.width, region.height]).toEqual(['png', 50, 30]);
    expect(region.at(25, 15)).toEqual([255, 0, 0, 255]);
    // The region is exactly the red square: red up to its corners (smoothing may blend the last pixel a little).
    expectNear(region.at(1, 1), [255, 0, 0, 255], 4, 'top-left corner of the region');
    expectNear(region.at(48, 28), [255, 0, 0, 255], 4, 'bottom-right corner of the region');

    // A re-render keeps the same canvas and its drawing.
    await page.setData({ n: 1 });
    expect(await (await page.$('.count')).text()).toBe('renders 1');
    await (await page.$('button.export')).tap();
    expect((await decode(sim.readFile((await page.data('png')) as string))).at(50, 40)).toEqual([255, 0, 0, 255]);

    const missing = await sim.callTT('canvasToTempFilePath', { canvasId: 'nope' });
    expect(missing).toMatchObject({ errno: 104, errMsg: 'canvasToTempFilePath:fail canvas "nope" is not on page pages/shapes/shapes: its canvas-ids are "shapes", "copy"' });

    const calls = sim.events().flatMap((e) => (e.type === 'call' ? [e] : []));
    expect(calls.find((c) => c.record.api === 'createCanvasContext')).toMatchObject({ side: 'guest', record: { ok: true, params: { canvasId: 'shapes' } } });
    const exported = calls.find((c) => c.record.api === 'canvasToTempFilePath' && c.record.ok);
    expect(exported?.record.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['region-defaults', 'file-types', 'format-checked', 'temp-file-name']));
    // The bytes travel as a bridge message: no second, ttsim-only API call is recorded.
    expect(calls.map((c) => c.record.api).filter((api) => !api.startsWith('canvas') && api !== 'createCanvasContext' && api !== 'readFile')).toEqual([]);
  } finally {
    await sim.close();
  }
});

test('drawImage takes ttfile:// paths, package images, patterns and CORS http images; an image without CORS makes the export fail clearly', async () => {
  const green = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 0, g: 255, b: 0 } } }).png().toBuffer();
  const server = http.createServer((req, res) => {
    const cors = req.url === '/green.png' ? { 'access-control-allow-origin': '*' } : {};
    res.writeHead(200, { 'content-type': 'image/png', ...cors }).end(green);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sim = await open({ project: fixture, platform: 'android' });
  try {
    const page = await sim.currentPage();
    await page.waitFor((data) => data.drawn === true);
    await (await page.$('button.export')).tap();
    await (await page.$('button.copy')).tap();
    const copy = await decode(sim.readFile((await page.data('copied')) as string));
    expect([copy.format, copy.width, copy.height]).toEqual(['png', 200, 100]);
    expect(copy.at(30, 20), 'the red square of the ttfile:// PNG, drawn at half size').toEqual([255, 0, 0, 255]);
    expect(copy.at(110, 70), 'its green circle').toEqual([0, 128, 0, 255]);
    expect(copy.at(175, 25), 'the package image').toEqual([0, 0, 255, 255]);
    expect(copy.at(175, 75), 'the package pattern').toEqual([0, 0, 255, 255]);

    await page.setData({ remote: `${origin}/green.png` });
    await (await page.$('button.remote')).tap();
    const remote = await decode(sim.readFile((await page.data('remoteCopy')) as string));
    expect(remote.at(25, 25), 'the http image, on top of the kept drawing').toEqual([0, 255, 0, 255]);
    expect(remote.at(175, 25)).toEqual([0, 0, 255, 255]);

    await page.setData({ remote: `${origin}/no-cors.png` });
    await (await page.$('button.remote')).tap();
    const fail = (await page.data('remoteError')) as { errMsg: string; errno: number };
    expect(fail.errno).toBe(102);
    expect(fail.errMsg).toContain(`${origin}/no-cors.png`);
    expect(fail.errMsg).toContain('does not allow cross-origin reads');
  } finally {
    await sim.close();
    server.close();
  }
});

test('a chart library written for mini programs draws a line chart and a pie chart', async () => {
  const sim = await open({ project: fixture, platform: 'pc' });
  try {
    const page = await sim.navigateTo('/pages/charts/charts');
    await page.waitFor((data) => Array.isArray(data.done) && data.done.length === 2);
    await (await page.$('button.export')).tap();

    const line = await decode(sim.readFile((await page.data('lineFile')) as string));
    expect([line.width, line.height]).toEqual([300, 200]);
    const [thisWeek, lastWeek] = (await page.data('linePoints')) as [number, number][][];
    for (const [x, y] of lastWeek!) expectNear(line.at(x, y), hex('#f04864'), 3, `last week's point at ${x},${y}`);
    expectNear(line.at(...thisWeek![3]!), hex('#1890ff'), 3, "this week's peak");
    expect(line.dark(100, 0, 200, 26), 'the title').toBeGreaterThan(20);
    expect(line.at(2, 2)).toEqual([255, 255, 255, 255]);

    const pie = await decode(sim.readFile((await page.data('pieFile')) as string));
    const { center, radius } = (await page.data('pie')) as { center: [number, number]; radius: number };
    const inSlice = (degrees: number) => pie.at(center[0] + Math.cos((degrees * Math.PI) / 180) * radius * 0.6, center[1] + Math.sin((degrees * Math.PI) / 180) * radius * 0.6);
    // From 12 o'clock clockwise: A 50 % (−90°…90°), B 30 % (90°…198°), C 20 % (198°…270°).
    expectNear(inSlice(0), hex('#1890ff'), 3, 'slice A');
    expectNear(inSlice(144), hex('#2fc25b'), 3, 'slice B');
    expectNear(inSlice(234), hex('#facc14'), 3, 'slice C');
    expect(pie.dark(0, 200, 240, 240), 'the legend').toBeGreaterThan(5);

    const problems = sim.events().filter((e) => e.type === 'console' && (e.level === 'error' || e.level === 'warn'));
    expect(problems).toEqual([]);
  } finally {
    await sim.close();
  }
});

test('each instance of a custom component draws on and exports its own canvas (createCanvasContext(id, this))', async () => {
  const sim = await open({ project: fixture, platform: 'android' });
  try {
    const page = await sim.navigateTo('/pages/gauges/gauges');
    await page.waitFor((data) => Array.isArray(data.drawn) && data.drawn.length === 2);
    await (await page.$('button.export')).tap();
    await page.waitFor((data) => Object.keys(data.exported as object).length === 2);
    const exported = (await page.data('exported')) as Record<string, string>;
    for (const [color, expected] of [['ff0000', hex('#ff0000')], ['0000ff', hex('#0000ff')]] as const) {
      const image = await decode(sim.readFile(exported[color]!));
      expect([image.format, image.width, image.height]).toEqual(['png', 80, 60]);
      expectNear(image.at(40, 30), expected, 2, `the #${color} gauge`);
    }
    const dials = sim.events().filter((e) => e.type === 'call' && e.record.api === 'createCanvasContext' && (e.record.params as { canvasId?: string }).canvasId === 'dial');
    expect(dials.map((e) => e.type === 'call' && e.record.rules.some((r) => r.id === 'component-scope'))).toEqual([true, true]);
  } finally {
    await sim.close();
  }
});

test('follows the client version: property forms need 3.45, and Harmony before 7.35 has no canvas', async () => {
  const old = await open({ project: fixture, platform: 'ios', client: '3.44.0' });
  try {
    const page = await old.currentPage();
    await page.waitFor((data) => data.drawn === true);
    await (await page.$('button.export')).tap();
    const png = await decode(old.readFile((await page.data('png')) as string));
    expect(png.at(50, 40), 'the set… methods draw').toEqual([255, 0, 0, 255]);
    // ctx.fillStyle = … and ctx.globalAlpha = … do nothing before 3.45: the rectangle keeps the circle's opaque green.
    expect(png.at(140, 175)).toEqual([0, 128, 0, 255]);
    await expect.poll(() => old.events().some((e) => e.type === 'console' && e.level === 'warn' && e.args.join(' ').includes('need Feishu 3.45.0'))).toBe(true);
  } finally {
    await old.close();
  }

  const harmony = await open({ project: fixture, platform: 'harmony', client: '7.34.0' });
  try {
    await harmony.currentPage();
    const refused = (e: ReturnType<typeof harmony.events>[number]) => e.type === 'call' && e.record.api === 'createCanvasContext' && e.record.errno === 103;
    await expect.poll(() => harmony.events().some(refused)).toBe(true);
    await expect.poll(() => harmony.events().some((e) => e.type === 'console' && e.level === 'error' && e.args.join(' ').includes('createCanvasContext:fail') && e.args.join(' ').includes('draws nothing'))).toBe(true);
    expect(await (await harmony.currentPage()).data('drawn')).toBeUndefined();
    expect(await harmony.callTT('canvasToTempFilePath', { canvasId: 'shapes' })).toMatchObject({ errno: 103 });
  } finally {
    await harmony.close();
  }
});
