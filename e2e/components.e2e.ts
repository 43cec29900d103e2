import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import type { SimulatorElement } from 'ttsim/automation';
import { open, root } from './helpers.js';

const fixture = path.join(root, 'e2e/fixtures/components-gadget');

/** A computed style property of the element, read in the guest (this file is type-checked without DOM types). */
function computed(element: SimulatorElement, property: string): Promise<string> {
  return element.locator.evaluate((e, p) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(e)[p]!, property);
}

test('custom components: nesting, events from a list, slots, selectComponent, style isolation, >>> and detached', async () => {
  const sim = await open({ project: fixture, platform: 'ios' });
  try {
    let page = await sim.currentPage();
    expect(page.path).toBe('pages/list/list');
    expect(await page.data('listFoundOnLoad')).toBe(true);

    // Nested components (my-list → item-row ×3), each with its own props from a tt:for.
    const rows = await page.$$('my-list >>> item-row >>> .row');
    expect(await Promise.all(rows.map((r) => r.text()))).toEqual(['0:Apple', '1:Banana', '2:Cherry']);
    const list = await page.$('my-list');
    expect(await list.$$('.row')).toHaveLength(3);
    expect(await (await list.$('.count')).text()).toBe('3 items, 0 picks');

    // triggerEvent upwards: item-row → my-list (its own state) → the page (detail and the host's dataset).
    await rows[2]!.tap();
    expect(await (await page.$('.picked')).text()).toBe('c:Cherry@2 from main');
    await rows[0]!.tap();
    expect(await (await page.$('.picked')).text()).toBe('a:Apple@0 from main');
    expect(await (await list.$('.count')).text()).toBe('3 items, 2 picks');

    // Slots: the named and default slot hold the page's content, drawn with the page's data; its tap goes to the page.
    expect(await (await page.$('panel >>> .head')).text()).toBe('Fruit');
    expect(await (await page.$('panel >>> .body .slotted')).text()).toBe('tap me');
    await (await page.$('.slotted')).tap();
    expect(await (await page.$('.slot-taps')).text()).toBe('1');

    // The parent's data changes reach properties (a path key changes the list in place) and slot content.
    await (await page.$('button.rename')).tap();
    expect(await rows[1]!.text()).toBe('1:Blueberry');
    expect(await (await page.$('panel >>> .head')).text()).toBe('Berries');

    // selectComponent returns the instance: calling its method changes its data and its view.
    expect(await (await page.$('counter >>> .n')).text()).toBe('3');
    await (await page.$('button.call')).tap();
    expect(await page.data('total')).toBe(8);
    expect(await (await page.$('counter >>> .n')).text()).toBe('8');

    // Style isolation: the page's .row is red and the component's .row green, neither leaks across.
    const pageRow = await page.$('view.title');
    expect(await computed(pageRow, 'color')).toBe('rgb(255, 0, 0)');
    expect(await computed(pageRow, 'paddingLeft')).toBe('0px');
    expect(await computed(pageRow, 'letterSpacing')).toBe('2px');
    expect(await computed(rows[1]!, 'color')).toBe('rgb(0, 128, 0)');
    expect(await computed(rows[1]!, 'paddingLeft')).toBe('12px');
    expect(await computed(rows[1]!, 'letterSpacing')).toBe('normal');
    expect(await computed(await list.$('.list'), 'borderLeftColor')).toBe('rgb(0, 0, 255)');
    // :host and the default inline host; a class on the host is the page's.
    expect(await computed(await list.$('item-row'), 'display')).toBe('block');
    expect(await computed(list, 'display')).toBe('inline');
    const panel = await page.$('panel');
    expect(await computed(panel, 'display')).toBe('block');
    expect(await computed(panel, 'marginTop')).toBe('6px');
    // An external class: the page's .loud inside the panel, next to the panel's own .head colour.
    const head = await page.$('panel >>> .head');
    expect(await computed(head, 'fontWeight')).toBe('700');
    expect(await computed(head, 'color')).toBe('rgb(0, 0, 255)');

    // tt:if removal detaches; showing it again makes a fresh instance.
    const detached = (target: string) => sim.events().filter((e) => e.type === 'guest' && e.event.kind === 'lifecycle' && e.event.target === target && e.event.hook === 'detached').length;
    await (await page.$('button.toggle')).tap();
    expect(await page.$$('counter')).toHaveLength(0);
    expect(detached('components/counter/counter')).toBe(1);
    await (await page.$('button.toggle')).tap();
    expect(await (await page.$('counter >>> .n')).text()).toBe('3');

    // Leaving the page (redirectTo unloads it) detaches every component on it.
    await (await page.$('button.go')).tap();
    page = await sim.currentPage();
    expect(page.path).toBe('pages/other/other');
    expect(detached('components/counter/counter')).toBe(2);
    expect(detached('components/item-row/item-row')).toBe(3);
    expect(detached('components/my-list/my-list')).toBe(1);
    expect(detached('components/panel/panel')).toBe(1);

    // A usingComponents path that names nothing: an error naming the JSON, not a blank page.
    await (await page.$('button.broken')).tap();
    const overlay = sim.frame().locator('[data-ttsim-error]');
    await expect(overlay).toBeVisible();
    await expect(overlay.locator('[data-ttsim-error-location]')).toHaveText('pages/broken/broken.json');
    await expect(overlay).toContainText('usingComponents "ghost": "../../components/ghost/ghost" — no component at components/ghost/ghost');
    expect(sim.events().some((e) => e.type === 'guest' && e.event.kind === 'error' && e.event.file === 'pages/broken/broken.json')).toBe(true);
  } finally {
    await sim.close();
  }
});
