import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { open, root } from './helpers.js';

const fixture = path.join(root, 'e2e/fixtures/selector-query-gadget');

test('createSelectorQuery measures nodes of known sizes in page px, in request order, scoped to pages and components', async () => {
  // iOS preset: 393 × 759 window, 44px navigation bar, so the page's display area is 393 × 715.
  const sim = await open({ project: fixture, platform: 'ios' });
  try {
    const page = await sim.currentPage();
    await page.waitFor((data) => data.measured !== null && data.faces !== null && data.badge !== null);
    const [box, items, missing, missingAll, viewport, scroll, fields] = (await page.data('measured')) as unknown[];
    // 50px spacer + 10px margin above, 20px margin left; relative to the display area, not the navigation bar.
    expect(box).toEqual({ id: 'box', dataset: { kind: 'measured', index: 3 }, left: 20, right: 220, top: 60, bottom: 160, width: 200, height: 100 });
    expect(items).toEqual([1, 2, 3].map((n, i) => ({ id: '', dataset: { n }, left: 0, right: 393, top: 160 + 30 * i, bottom: 190 + 30 * i, width: 393, height: 30 })));
    expect(missing).toBeNull();
    expect(missingAll).toEqual([]);
    expect(viewport).toEqual({ id: '', dataset: {}, left: 0, right: 393, top: 0, bottom: 715, width: 393, height: 715 });
    expect(scroll).toEqual({ id: 'sv', dataset: {}, scrollLeft: 0, scrollTop: 40 });
    expect(fields).toEqual({ id: 'box', dataset: { kind: 'measured', index: 3 }, width: 200, height: 100, marginLeft: '20px', backgroundColor: 'rgb(51, 112, 255)' });

    // The page's query sees only its own .face; the component's this.createSelectorQuery() only the component's.
    expect(await page.data('faces')).toEqual(['10x10']);
    expect(await page.data('badge')).toEqual({ size: '64x32', faces: [{ id: 'face', dataset: { label: 'B' } }] });

    // setData and a query in the same turn: the answer comes after the render.
    await (await page.$('button.grow')).tap();
    await page.waitFor((data) => data.grown !== null);
    expect(await page.data('grown')).toBe(150);

    // The calls are in the event stream with their rules; on iOS, class selectors are flagged (Feishu: ID only on mobile).
    const calls = sim.events().filter((e) => e.type === 'call' && e.record.api === 'createSelectorQuery');
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const rules = calls.flatMap((e) => (e.type === 'call' ? e.record.rules.map((r) => r.id) : []));
    expect(rules).toEqual(expect.arrayContaining(['page-scope', 'exec-after-render', 'in-component', 'mobile-id-only']));
    expect(calls.every((e) => e.type === 'call' && e.record.ok)).toBe(true);
    expect(sim.events().some((e) => e.type === 'console' && e.level === 'warn' && e.args[0]!.includes('SelectorQuery selectAll(".item"): Feishu documents only ID selectors'))).toBe(true);
  } finally {
    await sim.close();
  }
});

test('tt.nextTick runs after the render of setData and its callback', async () => {
  const sim = await open({ project: fixture, platform: 'pc' });
  try {
    const page = await sim.currentPage();
    await (await page.$('button.tick')).tap();
    await page.waitFor((data) => (data.order as string[]).length > 0);
    expect(await page.data('order')).toEqual(['sync', 'setData callback 1', 'nextTick']);
    expect(await (await page.$('.count')).text()).toBe('1');
    expect(sim.events().some((e) => e.type === 'call' && e.record.api === 'nextTick' && e.record.ok)).toBe(true);
    // Not on PC: no mobile selector warnings there.
    expect(sim.events().some((e) => e.type === 'console' && e.args[0]!.includes('only ID selectors'))).toBe(false);
  } finally {
    await sim.close();
  }
});

test('createIntersectionObserver reports rows as pageScrollTo brings them into the page\'s scroll box; disconnect stops it', async () => {
  const sim = await open({ project: fixture, platform: 'ios' });
  try {
    const page = await sim.navigateTo('/pages/list/list');
    // Rows 0-7 (0-800px) are in the 715px display area from the start; row 20 is not, so it has not reported.
    await page.waitFor((data) => (data.visible as number[]).length === 8 && data.near !== null);
    expect(await page.data('visible')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await page.data('seen')).toEqual([]);
    // relativeToViewport({ bottom: 200 }): the area reaches 915px, 15px into row 9.
    const near = (await page.data('near')) as { ratio: number; relativeBottom: number; height: number };
    expect(near.ratio).toBeCloseTo(0.15, 5);
    expect(near).toMatchObject({ relativeBottom: 915, height: 15 });

    expect(await sim.callTT('pageScrollTo', { selector: '#item-20', duration: 0 })).toMatchObject({ errMsg: 'pageScrollTo:ok' });
    await page.waitFor((data) => (data.seen as unknown[]).length === 1);
    const relative = { left: 0, right: 393, top: 0, bottom: 715, width: 393, height: 715 };
    expect(await page.data('seen')).toEqual([{ id: 'item-20', n: 20, ratio: 1, top: 0, height: 100, relative, time: 'number' }]);
    await page.waitFor((data) => (data.visible as number[]).includes(20) && !(data.visible as number[]).includes(0));

    expect(await sim.callTT('pageScrollTo', { scrollTop: 0, duration: 0 })).toMatchObject({ errMsg: 'pageScrollTo:ok' });
    await page.waitFor((data) => (data.seen as unknown[]).length === 2);
    expect(((await page.data('seen')) as { ratio: number; height: number }[])[1]).toMatchObject({ id: 'item-20', ratio: 0, height: 0, top: 2000 });

    // After disconnect, row 20 coming back is reported by the other observer only.
    await page.waitFor((data) => (data.visible as number[]).includes(0));
    await (await page.$('button.stop')).tap();
    await sim.callTT('pageScrollTo', { selector: '#item-20', duration: 0 });
    await page.waitFor((data) => (data.visible as number[]).includes(20));
    expect(((await page.data('seen')) as unknown[]).length).toBe(2);

    const created = sim.events().filter((e) => e.type === 'call' && e.record.api === 'createIntersectionObserver');
    expect(created).toHaveLength(3);
    expect(created.every((e) => e.type === 'call' && e.record.ok)).toBe(true);
  } finally {
    await sim.close();
  }
});

test('invalid observer options are refused by the host: the observer reports nothing', async () => {
  const sim = await open({ project: fixture, platform: 'pc' });
  try {
    const page = await sim.currentPage();
    await page.waitFor((data) => data.measured !== null);
    // As gadget code would: an out-of-range threshold.
    await sim.frame().evaluate(() => {
      const g = globalThis as unknown as { tt: { createIntersectionObserver(c: unknown, o: unknown): { relativeToViewport(): { observe(s: string, cb: () => void): void } } } };
      g.tt.createIntersectionObserver(undefined, { thresholds: [2] }).relativeToViewport().observe('#box', () => {
        throw new Error('must not run');
      });
    });
    const refused = await sim.waitForCall('createIntersectionObserver');
    expect(refused.record).toMatchObject({ ok: false, errno: 104 });
    await sim.waitForEvent((e) => e.type === 'console' && e.level === 'error' && e.args[0]!.includes('(this IntersectionObserver reports nothing)'), { what: 'the refusal in the console' });
  } finally {
    await sim.close();
  }
});
