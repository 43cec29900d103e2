// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createDomRenderer, toDomSelector } from '../src/dom/index.js';
import { compileTtml } from './ttml-test-helpers.js';
import { mount } from './dom-test-helpers.js';

describe('components to DOM', () => {
  it('marks every element with data-tt and maps tags to DOM elements', () => {
    const { container } = mount('<view class="a"><text>t</text><image src="a.png"/><button>b</button><input/><textarea/><navigator url="/x"/><scroll-view/><icon type="success"/><slider/><switch/></view>');
    const view = container.firstElementChild!;
    expect(container.getAttribute('data-tt')).toBe('page');
    expect(view.outerHTML.startsWith('<div data-tt="view" class="a">')).toBe(true);
    expect([...view.children].map((e) => `${e.tagName.toLowerCase()}:${e.getAttribute('data-tt')}`)).toEqual([
      'span:text', 'img:image', 'button:button', 'input:input', 'textarea:textarea', 'div:navigator', 'div:scroll-view', 'span:icon', 'div:slider', 'div:switch',
    ]);
  });

  it('applies class, id, hidden and style with rpx converted', () => {
    const { $ } = mount('<view id="v" class="a {{b}}" hidden="{{hide}}" style="width: {{w}}rpx; content: \'1rpx\'">x</view>', { b: 'B', hide: true, w: 100 });
    const view = $('view');
    expect(view.id).toBe('v');
    expect(view.className).toBe('a B');
    expect(view.hidden).toBe(true);
    expect(view.getAttribute('style')).toBe("width: 50px; content: '1rpx'");
  });

  it('reflects plain dataset values as data-* attributes', () => {
    const { $, render } = mount('<view data-item-id="{{id}}" data-obj="{{o}}"/>', { id: 3, o: { a: 1 } });
    expect($('view').getAttribute('data-item-id')).toBe('3');
    expect($('view').hasAttribute('data-obj')).toBe(false);
    render({ o: {} });
    expect($('view').hasAttribute('data-item-id')).toBe(false);
  });

  it('keeps newlines of text in a pre-wrap span', () => {
    const { $ } = mount('<text>{{s}}</text>', { s: 'a\nb' });
    expect($('text').textContent).toBe('a\nb');
    expect(document.querySelector('style[data-ttsim-components]')!.textContent).toContain(':where([data-tt="text"]) { white-space: pre-wrap; }');
  });

  it('renders images with resolved src and mode', () => {
    const { $, render } = mount('<image src="{{src}}" mode="{{mode}}"/>', { src: 'ttfile://temp/a.png', mode: 'aspectFit' });
    const img = $('image') as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('http://host/__ttfile__/temp/a.png');
    expect(img.getAttribute('data-tt-mode')).toBe('aspectFit');
    render({ src: '' });
    expect(img.hasAttribute('src')).toBe(false);
    expect(img.getAttribute('data-tt-mode')).toBe('scaleToFill');
  });

  it('renders buttons with type, size, disabled and loading', () => {
    const { $ } = mount('<button type="primary" size="mini" disabled="{{true}}" loading>Go</button>');
    const button = $('button') as HTMLButtonElement;
    expect(button.type).toBe('button');
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('data-tt-type')).toBe('primary');
    expect(button.getAttribute('data-tt-size')).toBe('mini');
    expect(button.hasAttribute('data-tt-loading')).toBe(true);
    expect(button.textContent).toBe('Go');
  });

  it('renders inputs with value, placeholder, password, maxlength and type', () => {
    const { $ } = mount('<input value="{{v}}" placeholder="Name" password maxlength="5" type="digit"/><textarea value="t"/>', { v: 'abc' });
    const input = $('input') as HTMLInputElement;
    expect(input.value).toBe('abc');
    expect(input.placeholder).toBe('Name');
    expect(input.type).toBe('password');
    expect(input.maxLength).toBe(5);
    expect(input.getAttribute('inputmode')).toBe('decimal');
    expect(($('textarea') as HTMLTextAreaElement).value).toBe('t');
    expect($('textarea').getAttribute('maxlength')).toBe('140');
  });

  it('renders a slider with range, value and show-value, and a switch', () => {
    const { $ } = mount('<slider min="1" max="10" step="1" value="{{q}}" show-value/><switch checked="{{on}}"/>', { q: 4, on: true });
    const range = $('slider').querySelector('input')!;
    expect([range.type, range.min, range.max, range.value]).toEqual(['range', '1', '10', '4']);
    expect($('slider').hasAttribute('data-tt-show-value')).toBe(true);
    expect($('slider').textContent).toBe('4');
    const box = $('switch').querySelector('input')!;
    expect(box.type).toBe('checkbox');
    expect(box.checked).toBe(true);
  });

  it('draws icons as SVG with size and color', () => {
    const { $ } = mount('<icon type="warn" size="40" color="red"/><icon type="search"/>');
    const svg = $('icon').querySelector('svg')!;
    expect(svg.getAttribute('width')).toBe('40');
    expect(svg.innerHTML).toContain('fill="red"');
    expect(document.querySelectorAll('svg')[1]!.getAttribute('width')).toBe('23');
  });

  it('turns scroll-x / scroll-y into scrolling containers', () => {
    const { $ } = mount('<scroll-view scroll-y><view/></scroll-view>');
    expect($('scroll-view').hasAttribute('data-tt-scroll-y')).toBe(true);
    expect($('scroll-view').hasAttribute('data-tt-scroll-x')).toBe(false);
  });

  it('renders unknown tags as divs with their children and lists them', () => {
    const unknown: string[] = [];
    const { $, renderer } = mount('<movable-area><movable-view><text>1</text></movable-view></movable-area><movable-area/>', {}, { onUnknownTag: (tag) => unknown.push(tag) });
    expect($('movable-view').tagName).toBe('DIV');
    expect($('movable-view text').textContent).toBe('1');
    expect(renderer.unknownTags()).toEqual(['movable-area', 'movable-view']);
    expect(unknown).toEqual(['movable-area', 'movable-view']);
  });

  it('finds rendered elements with toDomSelector', () => {
    const { container } = mount('<view class="item"><button id="go">a</button></view><view><text class="t">x</text></view>');
    expect(container.querySelectorAll(toDomSelector('view.item button#go'))).toHaveLength(1);
    expect(container.querySelectorAll(toDomSelector('view > text.t'))).toHaveLength(1);
    expect(container.querySelectorAll(toDomSelector('view'))).toHaveLength(2);
    expect(document.querySelectorAll(toDomSelector('page view'))).toHaveLength(2);
  });
});

describe('updates', () => {
  const list = (n: number, changed?: number) => Array.from({ length: n }, (_, i) => ({ id: i, name: i === changed ? `changed ${i}` : `row ${i}` }));
  const rows = '<view class="list"><view tt:for="{{rows}}" tt:key="id" class="row" data-id="{{item.id}}"><text>{{item.name}}</text></view></view>';

  it('touches only the changed row of a 1,000-row list', () => {
    const { container, render } = mount(rows, { rows: list(1000) });
    const before = [...container.querySelectorAll('.row')];
    expect(before).toHaveLength(1000);
    const observer = new MutationObserver(() => {});
    observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
    render({ rows: list(1000, 500) });
    const records = observer.takeRecords();
    observer.disconnect();
    expect(records).toHaveLength(1);
    expect(records[0]!.type).toBe('characterData');
    expect(records[0]!.target.textContent).toBe('changed 500');
    const after = [...container.querySelectorAll('.row')];
    expect(after.every((row, i) => row === before[i])).toBe(true);
  });

  it('makes no DOM change at all when nothing changed', () => {
    const { container, render } = mount(rows, { rows: list(50) });
    const observer = new MutationObserver(() => {});
    observer.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });
    render({ rows: list(50) });
    expect(observer.takeRecords()).toHaveLength(0);
    observer.disconnect();
  });

  it('reorders keyed rows by moving the same nodes, with few moves', () => {
    const { container, render } = mount(rows, { rows: list(6) });
    const byId = new Map([...container.querySelectorAll('.row')].map((row) => [row.getAttribute('data-id'), row]));
    const order = [5, 0, 1, 2, 3, 4];
    const observer = new MutationObserver(() => {});
    observer.observe(container.firstElementChild!, { childList: true });
    render({ rows: order.map((id) => ({ id, name: `row ${id}` })) });
    const moves = observer.takeRecords().filter((r) => r.addedNodes.length > 0).length;
    observer.disconnect();
    expect(moves).toBe(1);
    const after = [...container.querySelectorAll('.row')];
    expect(after.map((row) => row.getAttribute('data-id'))).toEqual(order.map(String));
    expect(after.every((row) => byId.get(row.getAttribute('data-id')) === row)).toBe(true);

    render({ rows: [...order].reverse().map((id) => ({ id, name: `row ${id}` })) });
    const reversed = [...container.querySelectorAll('.row')];
    expect(reversed.map((row) => row.getAttribute('data-id'))).toEqual(['4', '3', '2', '1', '0', '5']);
    expect(reversed.every((row) => byId.get(row.getAttribute('data-id')) === row)).toBe(true);
  });

  it('inserts and removes keyed rows without re-creating the others', () => {
    const { container, render } = mount(rows, { rows: list(4) });
    const [r0, r1, r2, r3] = [...container.querySelectorAll('.row')];
    render({ rows: [{ id: 'new', name: 'new' }, ...list(4).filter((r) => r.id !== 2)] });
    const after = [...container.querySelectorAll('.row')];
    expect(after.map((row) => row.querySelector('span')!.textContent)).toEqual(['new', 'row 0', 'row 1', 'row 3']);
    expect([after[1], after[2], after[3]]).toEqual([r0, r1, r3]);
    expect(r2!.isConnected).toBe(false);
  });

  it('patches unkeyed lists in place by position', () => {
    const source = '<text tt:for="{{items}}">{{item}}</text>';
    const { container, render } = mount(source, { items: ['a', 'b', 'c'] });
    const [a, b] = [...container.children];
    render({ items: ['x', 'b'] });
    expect([...container.children].map((e) => e.textContent)).toEqual(['x', 'b']);
    expect(container.children[0]).toBe(a);
    expect(container.children[1]).toBe(b);
  });

  it('switches tt:if branches and keeps siblings', () => {
    const source = '<view class="head"/><view tt:if="{{on}}" class="on"/><text tt:else>off</text><view class="tail"/>';
    const { container, render } = mount(source, { on: true });
    const head = container.querySelector('.head');
    const tail = container.querySelector('.tail');
    render({ on: false });
    expect([...container.children].map((e) => e.className || e.textContent)).toEqual(['head', 'off', 'tail']);
    expect(container.querySelector('.head')).toBe(head);
    expect(container.querySelector('.tail')).toBe(tail);
  });

  it('keeps what the user types and the focus when the data did not change the value', () => {
    const { $, render } = mount('<input class="name" value="{{name}}"/><text>{{count}}</text>', { name: '', count: 0 });
    const input = $('input') as HTMLInputElement;
    input.focus();
    input.value = 'typed by the user';
    render({ name: '', count: 1 });
    expect($('input')).toBe(input);
    expect(input.value).toBe('typed by the user');
    expect(document.activeElement).toBe(input);
    expect($('text').textContent).toBe('1');
    render({ name: 'set by the page', count: 2 });
    expect(input.value).toBe('set by the page');
  });

  it('focuses an input when focus becomes true', async () => {
    const { $, render } = mount('<input focus="{{f}}"/>', { f: false });
    render({ f: true });
    await Promise.resolve();
    expect(document.activeElement).toBe($('input'));
  });

  it('writes a switch or slider only when the template changes it', () => {
    const { $, render } = mount('<switch checked="{{on}}"/><slider value="{{v}}"/><text>{{n}}</text>', { on: false, v: 10, n: 0 });
    const box = $('switch').querySelector('input')!;
    const range = $('slider').querySelector('input')!;
    box.checked = true;
    range.value = '70';
    render({ on: false, v: 10, n: 1 });
    expect(box.checked).toBe(true);
    expect(range.value).toBe('70');
    render({ on: false, v: 20, n: 2 });
    expect(range.value).toBe('20');
  });

  it('destroy removes what it rendered and stops events', () => {
    const { container, renderer, events } = mount('<view bindtap="t">x</view>');
    const view = container.firstElementChild as HTMLElement;
    renderer.destroy();
    expect(container.childNodes).toHaveLength(0);
    container.append(view);
    view.click();
    expect(events).toHaveLength(0);
  });

  it('can render into a container twice side by side', () => {
    document.body.innerHTML = '<div id="a"></div><div id="b"></div>';
    const compiled = compileTtml('<text>{{n}}</text>', { path: 'p.ttml' });
    const a = createDomRenderer(document.getElementById('a')!, { onEvent: () => {} });
    const b = createDomRenderer(document.getElementById('b')!, { onEvent: () => {} });
    a.update(compiled.render({ n: 1 }));
    b.update(compiled.render({ n: 2 }));
    expect(document.body.textContent).toBe('12');
    expect(document.querySelectorAll('style[data-ttsim-components]')).toHaveLength(1);
  });
});
