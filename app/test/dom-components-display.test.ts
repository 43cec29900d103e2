// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { componentList, findComponent } from '../../emulator-api/src/common/components.js';
import { COMPONENTS } from '../src/dom/components/index.js';
import { unknownTagWarning } from '../src/dom/components/unknown-tag.js';
import { mount } from './dom-test-helpers.js';

function pointer(element: Element, type: string, x: number, y = 0): void {
  element.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: x, clientY: y, pointerId: 7, button: 0 }));
}

const own = (events: { type: string; handler: string; detail: unknown }[]) => events.filter((e) => !['tap', 'touchstart', 'touchmove', 'touchend'].includes(e.type)).map((e) => [e.handler, e.type, e.detail]);

describe('swiper', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const slides = `
    <swiper tt:if="{{!hide}}" class="s" indicator-dots current="{{current}}" bindchange="changed" bindanimationfinish="finished" duration="300"{{extra}}>
      <swiper-item tt:for="{{items}}" tt:key="*this" item-id="{{item}}"><view class="slide">{{item}}</view></swiper-item>
    </swiper>`;
  const source = (extra = '') => slides.replace('{{extra}}', extra);

  it('slots the items into a sliding track with dots, and follows current', async () => {
    const { $, events, render } = mount(source(), { items: ['a', 'b', 'c'], current: 0 });
    const swiper = $('swiper');
    await Promise.resolve();
    const shadow = swiper.shadowRoot!;
    expect(shadow.querySelector('[data-part="track"] slot')).not.toBeNull();
    expect(shadow.querySelectorAll('[data-part="dot"]')).toHaveLength(3);
    expect(swiper.getAttribute('data-tt-current')).toBe('0');
    render({ items: ['a', 'b', 'c'], current: 2 });
    await Promise.resolve();
    expect(swiper.getAttribute('data-tt-current')).toBe('2');
    expect(shadow.querySelectorAll('[data-part="dot"][data-active]')).toHaveLength(1);
    expect([...shadow.querySelectorAll('[data-part="dot"]')].indexOf(shadow.querySelector('[data-part="dot"][data-active]')!)).toBe(2);
    expect(own(events)).toEqual([['changed', 'change', { current: 2, currentItemId: 'c', source: '' }]]);
    // Echoing the same current back changes nothing.
    render({ items: ['a', 'b', 'c'], current: 2 });
    await Promise.resolve();
    expect(own(events)).toHaveLength(1);
  });

  it('a drag past the threshold moves one item (source touch); a short one springs back; no tap after a drag', async () => {
    const { $, events } = mount(source().replace('bindchange', 'bindtap="tapped" bindchange'), { items: ['a', 'b', 'c'], current: 0 });
    await Promise.resolve();
    const swiper = $('swiper');
    const slide = $('view.slide');
    pointer(slide, 'pointerdown', 200);
    pointer(slide, 'pointermove', 150);
    pointer(slide, 'pointermove', 100);
    pointer(slide, 'pointerup', 100);
    slide.click();
    expect(swiper.getAttribute('data-tt-current')).toBe('1');
    pointer(slide, 'pointerdown', 100);
    pointer(slide, 'pointermove', 106);
    pointer(slide, 'pointermove', 108);
    pointer(slide, 'pointerup', 108);
    expect(swiper.getAttribute('data-tt-current')).toBe('1');
    // Dragging right from the first item (not circular) stays at 0.
    pointer(slide, 'pointerdown', 0);
    pointer(slide, 'pointermove', 200);
    pointer(slide, 'pointerup', 200);
    expect(swiper.getAttribute('data-tt-current')).toBe('0');
    expect(own(events).filter(([, type]) => type === 'change')).toEqual([
      ['changed', 'change', { current: 1, currentItemId: 'b', source: 'touch' }],
      ['changed', 'change', { current: 0, currentItemId: 'a', source: 'touch' }],
    ]);
    expect(events.filter((e) => e.type === 'tap')).toHaveLength(0);
  });

  it('vertical swipes along y; circular wraps past the ends', async () => {
    const { $ } = mount(source(' vertical circular'), { items: ['a', 'b', 'c'], current: 0 });
    await Promise.resolve();
    const swiper = $('swiper');
    expect(swiper.hasAttribute('data-tt-vertical')).toBe(true);
    pointer(swiper, 'pointerdown', 0, 100);
    pointer(swiper, 'pointermove', 0, 200);
    pointer(swiper, 'pointerup', 0, 200);
    expect(swiper.getAttribute('data-tt-current')).toBe('2');
  });

  it('autoplay steps every interval (source autoplay), wraps, fires animationfinish, and stops once removed', async () => {
    vi.useFakeTimers();
    const { events, render, container } = mount(source(' autoplay interval="1000"'), { items: ['a', 'b'], current: 0, show: true });
    await Promise.resolve();
    vi.advanceTimersByTime(1000);
    expect(container.querySelector('[data-tt="swiper"]')!.getAttribute('data-tt-current')).toBe('1');
    vi.advanceTimersByTime(300);
    vi.advanceTimersByTime(700);
    expect(own(events)).toEqual([
      ['changed', 'change', { current: 1, currentItemId: 'b', source: 'autoplay' }],
      ['finished', 'animationfinish', { current: 1, currentItemId: 'b', source: 'autoplay' }],
      ['changed', 'change', { current: 0, currentItemId: 'a', source: 'autoplay' }],
    ]);
    const timersWhileShown = vi.getTimerCount();
    expect(timersWhileShown).toBeGreaterThan(0);
    render({ hide: true });
    expect(container.querySelector('[data-tt="swiper"]')).toBeNull();
    vi.advanceTimersByTime(5000);
    expect(own(events)).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('rich-text', () => {
  it('renders an HTML string through the whitelist: no scripts, handlers or javascript: URLs', () => {
    const html = `<div class="intro" style="color: red; background: url(javascript:alert(1))" onclick="alert(1)">
      <h1 id="x">Title</h1><p>a &amp; b</p><script>window.hacked = true</script><style>body{display:none}</style>
      <img src="javascript:alert(1)" onerror="alert(2)"><img src="https://cdn.example.com/a.png" width="20" onload="alert(3)">
      <a href="javascript:alert(4)">link</a><iframe src="https://evil.example"></iframe><custom-tag>kept text</custom-tag>
      <svg><script>alert(5)</script></svg></div>`;
    const { $ } = mount('<rich-text nodes="{{html}}"/>', { html });
    const root = $('rich-text');
    expect(root.querySelectorAll('script, style, iframe, svg, custom-tag')).toHaveLength(0);
    for (const element of root.querySelectorAll('*')) {
      for (const attr of element.attributes) {
        expect(attr.name).not.toMatch(/^on/i);
        expect(attr.value).not.toMatch(/javascript:/i);
      }
    }
    const div = root.querySelector('div')!;
    expect(div.className).toBe('intro');
    expect(div.style.color).toBe('red');
    expect(div.getAttribute('style')).not.toMatch(/url/);
    expect(root.querySelector('h1')!.hasAttribute('id')).toBe(false);
    const images = [...root.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([null, 'https://cdn.example.com/a.png']);
    expect(images[1]!.getAttribute('width')).toBe('20');
    expect(root.querySelector('a')!.hasAttribute('href')).toBe(false);
    expect(root.textContent).toContain('kept text');
    expect(root.textContent).toContain('a & b');
    expect(root.textContent).not.toContain('hacked');
    expect((window as unknown as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('renders a node array, resolving package images and dropping what is not allowed', () => {
    const nodes = [
      { name: 'div', attrs: { class: 'box', style: 'padding: 4px', onmouseover: 'x()' }, children: [{ type: 'text', text: 'Hi &lt;b&gt;' }] },
      { name: 'img', attrs: { src: 'images/a.png', alt: 'a' } },
      { name: 'img', attrs: { src: ' java\tscript:alert(1)' } },
      { name: 'script', children: [{ type: 'text', text: 'alert(1)' }] },
      { name: 'td', attrs: { colspan: 2, rowspan: '"><script>' } },
      'not a node',
    ];
    const { $ } = mount('<rich-text nodes="{{nodes}}" space="nbsp"/>', { nodes });
    const root = $('rich-text');
    expect(root.querySelector('div')!.outerHTML).toBe('<div class="box" style="padding: 4px;">Hi&nbsp;&lt;b&gt;</div>');
    expect([...root.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual(['http://host/images/a.png', null]);
    expect(root.querySelector('td')!.getAttribute('colspan')).toBe('2');
    expect(root.querySelector('td')!.hasAttribute('rowspan')).toBe(false);
    expect(root.textContent).not.toContain('alert');
  });

  it('rebuilds only when nodes change', () => {
    const nodes = [{ name: 'p', children: [{ type: 'text', text: 'one' }] }];
    const { $, render } = mount('<rich-text nodes="{{nodes}}"/><text>{{n}}</text>', { nodes, n: 1 });
    const p = $('rich-text').querySelector('p');
    render({ nodes, n: 2 });
    expect($('rich-text').querySelector('p')).toBe(p);
    render({ nodes: [{ name: 'p', children: [{ type: 'text', text: 'two' }] }], n: 3 });
    expect($('rich-text').textContent).toBe('two');
  });
});

describe('progress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws percent, info, stroke width and colors', () => {
    const { $ } = mount('<progress percent="{{p}}" show-info stroke-width="12" activeColor="#f00" backgroundColor="#eee" border-radius="6"/>', { p: 140 });
    const progress = $('progress');
    expect(progress.getAttribute('aria-valuenow')).toBe('100');
    const fill = progress.querySelector<HTMLElement>('[data-tt-part="fill"]')!;
    const bar = progress.querySelector<HTMLElement>('[data-tt-part="bar"]')!;
    expect(fill.style.width).toBe('100%');
    expect(bar.style.height).toBe('12px');
    expect(fill.style.backgroundColor).toMatch(/#f00|rgb\(255, 0, 0\)/);
    expect(bar.style.backgroundColor).toMatch(/#eee|rgb\(238, 238, 238\)/);
    const info = progress.querySelector<HTMLElement>('[data-tt-part="info"]')!;
    expect(info.hidden).toBe(false);
    expect(info.textContent).toBe('100%');
  });

  it('active animates and reports activeend with curPercent', () => {
    vi.useFakeTimers();
    const { $, events } = mount('<progress percent="40" active duration="10" bindactiveend="done"/>');
    expect($('progress').querySelector<HTMLElement>('[data-tt-part="fill"]')!.style.transition).toContain('400ms');
    vi.advanceTimersByTime(399);
    expect(events).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(events.map((e) => [e.handler, e.type, e.detail])).toEqual([['done', 'activeend', { curPercent: 40 }]]);
  });
});

describe('unknown tags and the component registry', () => {
  it('warns once per tag: Feishu components ttsim does not draw, and tags that are no component', () => {
    const warned: string[] = [];
    const { $, renderer } = mount('<video src="a.mp4"><text>v</text></video><p><text>x</text></p><p/><video/>', {}, { onUnknownTag: (tag) => warned.push(unknownTagWarning(tag)) });
    expect($('p text').textContent).toBe('x');
    expect($('video').tagName).toBe('DIV');
    expect(renderer.unknownTags()).toEqual(['video', 'p']);
    expect(warned).toEqual([
      '<video> is a Feishu component ttsim does not draw yet: its children render in a plain box',
      '<p> is not a Feishu component: rendered as a plain view (ttsim assumes the client does the same)',
    ]);
  });

  it('every component the renderer draws is in the registry as drawn; the undrawn ones are not implemented', () => {
    for (const tag of COMPONENTS.keys()) expect(findComponent(tag)?.drawn, tag).toBe(true);
    for (const spec of componentList.filter((c) => !c.drawn)) expect(COMPONENTS.has(spec.tag), spec.tag).toBe(false);
    expect(componentList.filter((c) => !c.drawn).map((c) => c.tag)).toEqual(expect.arrayContaining(['video', 'map', 'camera', 'web-view', 'movable-view', 'cover-view', 'editor']));
    expect(findComponent('canvas')).toBeDefined();
  });
});
