// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileTtml, compileTtss, createDomRenderer, toDomSelector, TtmlError, type DomEvent, type VElement, type VNode } from '../src/template/index.js';

const texts = (nodes: readonly VNode[]): string => nodes.map((n) => (n.kind === 'text' ? n.text : texts(n.children))).join('');
const render = (source: string, data: Record<string, unknown>, files: Record<string, string> = {}) =>
  compileTtml(source, { path: 'pages/a/a.ttml', load: (p) => files[p] }).render(data);

describe('TTML bindings and control flow', () => {
  it('binds text and attributes; a lone {{}} keeps its type', () => {
    const [view] = render('<view class="box {{cls}}" data-item-id="{{id}}" hidden="{{flag}}">Hi {{name}}!</view>', { cls: 'on', id: 7, flag: false, name: 'Ann' }) as VElement[];
    expect(view!.attrs).toEqual({ class: 'box on', hidden: false });
    expect(view!.dataset).toEqual({ itemId: 7 });
    expect(texts([view!])).toBe('Hi Ann!');
  });

  it('renders unknown names and null as empty text', () => {
    expect(texts(render('<text>[{{missing}}][{{nothing}}][{{window}}]</text>', { nothing: null }))).toBe('[][][]');
  });

  it('chains tt:if / tt:elif / tt:else', () => {
    const source = '<view tt:if="{{n > 1}}">many</view><view tt:elif="{{n === 1}}">one</view><view tt:else>none</view>';
    expect(texts(render(source, { n: 3 }))).toBe('many');
    expect(texts(render(source, { n: 1 }))).toBe('one');
    expect(texts(render(source, { n: 0 }))).toBe('none');
  });

  it('repeats with tt:for, custom item and index names, keys and nesting', () => {
    const source = `<view tt:for="{{rows}}" tt:for-item="row" tt:for-index="r" tt:key="id">
      <text tt:for="{{row.cells}}">{{r}}.{{index}}={{item}};</text>
    </view>`;
    const nodes = render(source, { rows: [{ id: 'a', cells: [1, 2] }, { id: 'b', cells: [3] }] }) as VElement[];
    expect(nodes.map((n) => n.key)).toEqual(['a', 'b']);
    expect(texts(nodes)).toBe('0.0=1;0.1=2;1.0=3;');
    expect(texts(render('<block tt:for="{{3}}">{{item}}</block>', {}))).toBe('012');
  });

  it('binds tt:for before tt:if on the same element', () => {
    expect(texts(render('<text tt:for="{{[1,2,3,4]}}" tt:if="{{item % 2 === 0}}">{{item}}</text>', {}))).toBe('24');
  });

  it('uses templates with data, import and include', () => {
    const files = {
      'pages/a/item.ttml': '<template name="item"><text>{{label}}:{{value}}</text></template>',
      'common/footer.ttml': '<template name="hidden"><text>no</text></template><view class="footer">footer {{year}}</view>',
    };
    const source = '<import src="item.ttml"/><template is="item" tt:for="{{list}}" data="{{...item}}"/><include src="/common/footer.ttml"/>';
    const nodes = render(source, { list: [{ label: 'a', value: 1 }, { label: 'b', value: 2 }], year: 2026 }, files);
    expect(texts(nodes)).toBe('a:1b:2footer 2026');
  });

  it('parses events and their handlers', () => {
    const [view] = render('<view bindtap="onTap" catch:longpress="hold" capture-bind:touchstart="{{h}}"/>', { h: 'start' }) as VElement[];
    expect(view!.events).toEqual([
      { event: 'tap', handler: 'onTap', catch: false, capture: false },
      { event: 'longpress', handler: 'hold', catch: true, capture: false },
      { event: 'touchstart', handler: 'start', catch: false, capture: true },
    ]);
  });
});

describe('TTML errors name the file and line', () => {
  const errorOf = (fn: () => unknown): TtmlError => {
    try {
      fn();
    } catch (error) {
      if (error instanceof TtmlError) return error;
      throw error;
    }
    throw new Error('expected a TtmlError');
  };

  it.each([
    ['<view>\n  <text>a</text>\n  <view>', 3, /<view> is never closed/],
    ['<view>\n</text>', 2, /<\/text> does not close <view>|<view> is never closed/],
    ['<view>\n\n  <text tt:elif="{{a}}">x</text></view>', 3, /tt:elif must follow/],
    ['<view>\n  {{ a + }}\n</view>', 1, /in \{\{ a \+ \}\}/],
    ['<view>\n  <include src="nope.ttml"/>\n</view>', 2, /cannot find pages\/a\/nope.ttml/],
  ])('%j → line %i', (source, line, message) => {
    const error = errorOf(() => render(source, {}));
    expect(error.path).toBe('pages/a/a.ttml');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('reports a throwing expression at render time with its line', () => {
    const error = errorOf(() => render('<view>\n\n<text>{{ user.name }}</text></view>', {}));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/user/);
  });

  it('refuses an import cycle instead of hanging', () => {
    const files = { 'pages/a/b.ttml': '<import src="a.ttml"/>', 'pages/a/a.ttml': '<import src="b.ttml"/>' };
    expect(() => render('<import src="b.ttml"/>', {}, files)).toThrow(/import cycle/);
  });
});

describe('TTSS', () => {
  it('converts rpx outside strings and url(), rewrites tag selectors, inlines @import', () => {
    const css = compileTtss('@import "./base.ttss";\npage { padding: 20rpx; }\nview.card > text, .x { margin: -10rpx 1.5rpx; content: "30rpx"; background: url(a-10rpx.png); }\n@media (min-width: 100px) { button { width: 750rpx; } }\n@keyframes spin { from { left: 0rpx; } to { left: 750rpx; } }', {
      path: 'pages/a/a.ttss',
      load: (p) => (p === 'pages/a/base.ttss' ? '.base { width: 375rpx; }' : undefined),
      rpxToPx: 0.5,
    });
    expect(css).toContain('.base { width: 187.5px; }');
    expect(css).toContain('[data-ttsim-page-body] { padding: 10px; }');
    expect(css).toContain('[data-tt="view"].card > [data-tt="text"], .x { margin: -5px 0.75px; content: "30rpx"; background: url(a-10rpx.png); }');
    expect(css).toContain('@media (min-width: 100px) { [data-tt="button"] { width: 375px; } }');
    expect(css).toContain('@keyframes spin { from { left: 0px; } to { left: 375px; } }');
  });

  it('refuses an @import cycle and names a missing file', () => {
    expect(() => compileTtss('@import "a.ttss";', { path: 'a.ttss', load: () => '@import "a.ttss";' })).toThrow(/@import cycle/);
    expect(() => compileTtss('\n@import "b.ttss";', { path: 'a.ttss', load: () => undefined })).toThrow(/a.ttss:2: cannot find b.ttss/);
  });

  it('rewrites selectors for the automation SDK the same way', () => {
    expect(toDomSelector('view.item:not(text) > button#go[data-x="view a"]')).toBe('[data-tt="view"].item:not([data-tt="text"]) > [data-tt="button"]#go[data-x="view a"]');
  });
});

describe('the DOM renderer', () => {
  const setup = () => {
    const container = document.createElement('div');
    document.body.append(container);
    const events: DomEvent[] = [];
    const navigations: unknown[] = [];
    const renderer = createDomRenderer(container, { onEvent: (e) => events.push(e), onNavigate: (e) => navigations.push(e), resolveImageSrc: (src) => `/files/${src}` });
    return { container, events, navigations, renderer };
  };
  const list = compileTtml('<view class="row" tt:for="{{rows}}" tt:key="id" data-id="{{item.id}}" bindtap="pick"><text>{{item.label}}</text></view>', { path: 'p.ttml' });

  it('reuses rows by key: a one-row change touches that row only, a reorder moves nodes', () => {
    const { container, renderer } = setup();
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: i, label: `row ${i}` }));
    renderer.update(list.render({ rows }));
    const before = [...container.children];
    expect(before).toHaveLength(1000);
    const changed = rows.map((r) => (r.id === 500 ? { ...r, label: 'changed' } : r));
    const observer = new MutationObserver(() => undefined);
    observer.observe(container, { subtree: true, childList: true, characterData: true });
    renderer.update(list.render({ rows: changed }));
    const mutations = observer.takeRecords();
    expect([...container.children]).toEqual(before);
    expect(container.children[500]!.textContent).toBe('changed');
    expect(mutations).toHaveLength(1);
    renderer.update(list.render({ rows: [...changed].reverse() }));
    expect(container.children[0]).toBe(before[999]);
    expect(container.children[999]).toBe(before[0]);
  });

  it('bubbles tap through bind handlers and stops at catch, with dataset and target', () => {
    const { container, events, renderer } = setup();
    const tree = compileTtml('<view id="outer" bindtap="outer"><view id="middle" catchtap="middle" data-level="{{2}}"><text id="inner" bindtap="inner">x</text></view></view>', { path: 'p.ttml' });
    renderer.update(tree.render({}));
    (container.querySelector('#inner') as HTMLElement).click();
    expect(events.map((e) => [e.handler, e.currentTarget.id, e.target.id])).toEqual([
      ['inner', 'inner', 'inner'],
      ['middle', 'middle', 'inner'],
    ]);
    expect(events[1]!.currentTarget.dataset).toEqual({ level: 2 });
  });

  it('keeps what the user typed unless the data changes the value', () => {
    const { container, events, renderer } = setup();
    const form = compileTtml('<input class="name" value="{{name}}" bindinput="typed"/><text>{{other}}</text>', { path: 'p.ttml' });
    renderer.update(form.render({ name: 'a', other: 1 }));
    const input = container.querySelector('input')!;
    input.value = 'abc';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(events[0]).toMatchObject({ handler: 'typed', type: 'input', detail: { value: 'abc' } });
    renderer.update(form.render({ name: 'a', other: 2 }));
    expect(container.querySelector('input')).toBe(input);
    expect(input.value).toBe('abc');
    renderer.update(form.render({ name: 'reset', other: 2 }));
    expect(input.value).toBe('reset');
  });

  it('draws components: image src through the resolver, slider and switch events, navigator', () => {
    const { container, events, navigations, renderer } = setup();
    const page = compileTtml('<image src="ttfile://temp/a.png" mode="aspectFit"/><slider value="{{v}}" bindchange="slid" show-value/><switch checked="{{on}}" bindchange="flip"/><navigator url="/pages/b/b">go</navigator><marquee>old</marquee>', { path: 'p.ttml' });
    renderer.update(page.render({ v: 30, on: true }));
    const img = container.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/files/ttfile://temp/a.png');
    expect(img.style.objectFit).toBe('contain');
    const range = container.querySelector('[data-tt=slider] input') as HTMLInputElement;
    expect(range.value).toBe('30');
    range.value = '55';
    range.dispatchEvent(new Event('change', { bubbles: true }));
    const box = container.querySelector('[data-tt=switch]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    box.checked = false;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    expect(events.map((e) => [e.handler, e.detail])).toEqual([['slid', { value: 55 }], ['flip', { value: false }]]);
    (container.querySelector('[data-tt=navigator]') as HTMLElement).click();
    expect(navigations).toEqual([{ url: '/pages/b/b', openType: 'navigate' }]);
    expect(container.querySelector('[data-tt=marquee]')!.tagName).toBe('DIV');
  });
});
