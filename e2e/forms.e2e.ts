import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { open, root } from './helpers.js';

const fixture = path.join(root, 'e2e/fixtures/forms-gadget');

test('fills a form (input, switch, checkbox, radio, picker sheets), submits it, resets it; unknown tags warn once', async () => {
  const sim = await open({ project: fixture, platform: 'ios' });
  try {
    const page = await sim.currentPage();
    await (await page.$('input.name')).input('Ada');
    await (await page.$('switch.notify')).tap();
    await (await page.$('label.topic-sports')).tap();
    await (await page.$('label.topic-music checkbox')).tap();
    await (await page.$('label.size-M')).tap();
    expect(await page.data('checkedTopics')).toEqual(['sports', 'music']);

    // The selector picker: a tap on its content opens the sheet; tap an item, then 确定.
    await (await page.$('view.city')).tap();
    await page.waitFor('.tt-picker-sheet');
    expect(await (await page.$('.tt-picker-title')).text()).toBe('City');
    await (await page.$('.tt-picker-item[data-tt-column="0"][data-tt-value="Shenzhen"]')).tap();
    await (await page.$('.tt-picker-confirm')).tap();
    expect(await page.data('cityIndex')).toBe(2);
    expect(await (await page.$('view.city')).text()).toBe('City: Shenzhen');
    expect(await page.$$('.tt-picker-sheet')).toHaveLength(0);

    // The date picker: three wheels; March keeps the 15th, then the 1st.
    await (await page.$('view.day')).tap();
    expect(await page.$$('.tt-picker-column')).toHaveLength(3);
    await (await page.$('.tt-picker-item[data-tt-column="1"][data-tt-value="03月"]')).tap();
    await (await page.$('.tt-picker-item[data-tt-column="2"][data-tt-value="01日"]')).tap();
    await (await page.$('.tt-picker-confirm')).tap();
    expect(await page.data('day')).toBe('2024-03-01');

    await (await page.$('button.submit')).tap();
    expect(await page.data('submitted')).toEqual({ name: 'Ada', notify: true, topics: ['sports', 'music'], size: 'M', city: 2, day: '2024-03-01' });

    await (await page.$('button.reset')).tap();
    expect(await page.data('resets')).toBe(1);
    expect(await sim.frame().locator('input[data-tt="input"].name').inputValue()).toBe('');
    expect(await (await page.$('checkbox-group checkbox')).attribute('aria-checked')).toBe('false');
    await (await page.$('button.submit')).tap();
    // The page's bindreset set cityIndex and day back, so the pickers hold those values.
    expect(await page.data('submitted')).toEqual({ name: '', notify: false, topics: [], size: '', city: 0, day: '2024-01-15' });

    const warnings = sim
      .events()
      .filter((e) => e.type === 'console' && e.level === 'warn')
      .map((e) => (e.type === 'console' ? e.args.join(' ') : ''));
    expect(warnings.filter((w) => w.startsWith('<p> is not a Feishu component'))).toHaveLength(1);
    expect(warnings.filter((w) => w.startsWith('<video> is a Feishu component ttsim does not draw yet'))).toHaveLength(1);
    expect(await (await page.$('p.legacy text')).text()).toBe('an HTML tag');
  } finally {
    await sim.close();
  }
});

test('swipes a swiper by drag, sanitizes rich-text, draws progress', async () => {
  const sim = await open({ project: fixture, platform: 'android' });
  try {
    const page = await sim.navigateTo('/pages/widgets/widgets');
    const swiper = await page.$('swiper.banner');
    const box = (await swiper.locator.boundingBox())!;
    expect(box.height).toBe(160);
    const y = box.y + box.height / 2;
    await sim.page.mouse.move(box.x + box.width * 0.8, y);
    await sim.page.mouse.down();
    await sim.page.mouse.move(box.x + box.width * 0.1, y, { steps: 8 });
    await sim.page.mouse.up();
    await sim.settle('the render after the swipe');
    expect(await page.data('current')).toBe(1);
    expect(await page.data('swipes')).toEqual([{ current: 1, currentItemId: 'two', source: 'touch' }]);
    expect(await swiper.attribute('data-tt-current')).toBe('1');
    // Once the slide is over (bindanimationfinish), the second item is where the swiper shows.
    await page.waitFor((data) => data.settled === 1);
    const slide = (await (await page.$('view.slide-two')).locator.boundingBox())!;
    expect(Math.abs(slide.x - box.x)).toBeLessThan(2);

    await page.setData({ current: 2 });
    expect(await swiper.attribute('data-tt-current')).toBe('2');

    const article = await page.$('rich-text.article');
    expect(await article.text()).toContain('safe text');
    const unsafe = await article.locator.evaluate((element) => ({
      scripts: element.querySelectorAll('script').length,
      handlers: [...element.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => name.startsWith('on')),
      href: element.querySelector('a')?.getAttribute('href') ?? null,
      imgSrc: element.querySelector('img')?.getAttribute('src') ?? null,
      pwned: (globalThis as unknown as { __pwned?: boolean }).__pwned ?? false,
    }));
    expect(unsafe.scripts).toBe(0);
    expect(unsafe.handlers).toEqual([]);
    expect(unsafe.href).toBeNull();
    expect(unsafe.pwned).toBe(false);
    expect(unsafe.imgSrc).toMatch(/\/x$/);

    const bar = await page.$('progress.bar');
    expect(await bar.text()).toBe('35%');
    expect(await bar.attribute('aria-valuenow')).toBe('35');
  } finally {
    await sim.close();
  }
});
