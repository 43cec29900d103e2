// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from './dom-test-helpers.js';

function fire(element: Element, type: string, init: Record<string, unknown> = {}): void {
  const event = new Event(type, { bubbles: !['load', 'error', 'scroll'].includes(type), cancelable: true });
  Object.assign(event, init);
  element.dispatchEvent(event);
}

function pointer(element: Element, type: string, x = 0, y = 0): void {
  element.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: x, clientY: y, pointerId: 1 }));
}

describe('tap', () => {
  const nested = `
    <view id="outer" data-level="outer" bindtap="onOuter">
      <view id="middle" data-level="middle" bindtap="onMiddle">
        <text id="inner" data-item-id="{{7}}">tap me</text>
      </view>
    </view>`;

  it('bubbles through ancestors with bindtap, innermost first, with target and currentTarget', () => {
    const { $, events } = mount(nested);
    $('text').click();
    expect(events.map((e) => [e.handler, e.type, e.currentTarget.id, e.target.id])).toEqual([
      ['onMiddle', 'tap', 'middle', 'inner'],
      ['onOuter', 'tap', 'outer', 'inner'],
    ]);
    expect(events[0]!.target.dataset).toEqual({ itemId: 7 });
    expect(events[0]!.currentTarget.dataset).toEqual({ level: 'middle' });
    expect(events[0]!.detail).toEqual({ x: 0, y: 0 });
    expect(events[0]!.catch).toBe(false);
  });

  it('stops at catchtap', () => {
    const { $, events } = mount('<view bindtap="outer"><view catchtap="stop"><view bindtap="inner"><text>x</text></view></view></view>');
    $('text').click();
    expect(events.map((e) => [e.handler, e.catch])).toEqual([
      ['inner', false],
      ['stop', true],
    ]);
  });

  it('runs capture handlers first, outermost in, and capture-catch stops everything', () => {
    const { $, events } = mount('<view capture-bind:tap="c1" bindtap="b1"><view capture-bind:tap="c2" bindtap="b2"><text>x</text></view></view>');
    $('text').click();
    expect(events.map((e) => e.handler)).toEqual(['c1', 'c2', 'b2', 'b1']);
    const stopped = mount('<view capture-catch:tap="c1" bindtap="b1"><view capture-bind:tap="c2" bindtap="b2"><text>x</text></view></view>');
    stopped.$('text').click();
    expect(stopped.events.map((e) => e.handler)).toEqual(['c1']);
  });

  it('uses the handler name of the current render, and {{ }} handler names', () => {
    const { $, events, render } = mount('<button bindtap="{{h}}">b</button>', { h: 'first' });
    $('button').click();
    render({ h: 'second' });
    $('button').click();
    render({ h: '' });
    $('button').click();
    expect(events.map((e) => e.handler)).toEqual(['first', 'second']);
  });

  it('gives a disabled button no tap', () => {
    const { $, events } = mount('<view bindtap="outer"><button disabled bindtap="go">b</button></view>');
    $('button').click();
    expect(events).toHaveLength(0);
  });

  it('does not tap after a drag', () => {
    const { $, events } = mount('<view bindtap="t" bindtouchstart="s" bindtouchend="e">x</view>');
    pointer($('view'), 'pointerdown', 0, 0);
    pointer($('view'), 'pointermove', 40, 0);
    pointer($('view'), 'pointerup', 40, 0);
    $('view').click();
    expect(events.map((e) => e.handler)).toEqual(['s', 'e']);
  });
});

describe('longpress', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires after 350 ms and then cancels the tap', () => {
    vi.useFakeTimers();
    const { $, events } = mount('<view bindlongpress="long" bindtap="tap"><text>x</text></view>');
    pointer($('text'), 'pointerdown');
    vi.advanceTimersByTime(349);
    expect(events).toHaveLength(0);
    vi.advanceTimersByTime(1);
    pointer($('text'), 'pointerup');
    $('text').click();
    expect(events.map((e) => e.handler)).toEqual(['long']);
    pointer($('text'), 'pointerdown');
    pointer($('text'), 'pointerup');
    $('text').click();
    expect(events.map((e) => e.handler)).toEqual(['long', 'tap']);
  });
});

describe('component events', () => {
  it('input: input with value and cursor, confirm on Enter, focus and blur', () => {
    const { $, events } = mount('<view bindinput="notMine"><input bindinput="onInput" bindconfirm="onConfirm" bindfocus="onFocus" bindblur="onBlur" data-field="name"/></view>');
    const input = $('input') as HTMLInputElement;
    fire(input, 'focusin');
    input.value = 'hello';
    fire(input, 'input');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    fire(input, 'focusout');
    expect(events.map((e) => [e.handler, e.type])).toEqual([
      ['onFocus', 'focus'],
      ['onInput', 'input'],
      ['onConfirm', 'confirm'],
      ['onBlur', 'blur'],
    ]);
    expect(events[1]!.detail).toMatchObject({ value: 'hello', cursor: 5 });
    expect(events[1]!.currentTarget.dataset).toEqual({ field: 'name' });
    expect(events[2]!.detail).toEqual({ value: 'hello' });
    expect(events[0]!.detail).toEqual({ value: '', height: 0 });
  });

  it('textarea: Enter is a new line unless confirm-type asks for confirm', () => {
    const plain = mount('<textarea bindconfirm="c"/>');
    plain.$('textarea').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(plain.events).toHaveLength(0);
    const done = mount('<textarea confirm-type="done" bindconfirm="c"/>');
    done.$('textarea').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(done.events.map((e) => e.handler)).toEqual(['c']);
  });

  it('slider: changing while dragging, change on release, both with a number', () => {
    const { $, events } = mount('<slider min="0" max="100" value="10" show-value bindchanging="drag" bindchange="done"/>');
    const range = $('slider').querySelector('input')!;
    range.value = '42';
    fire(range, 'input');
    range.value = '50';
    fire(range, 'change');
    expect(events.map((e) => [e.handler, e.type, e.detail])).toEqual([
      ['drag', 'changing', { value: 42 }],
      ['done', 'change', { value: 50 }],
    ]);
    expect($('slider').textContent).toBe('50');
  });

  it('switch: change with a boolean', () => {
    const { $, events } = mount('<switch checked bindchange="toggle"/>');
    const box = $('switch').querySelector('input')!;
    box.click();
    expect(events.filter((e) => e.type === 'change').map((e) => e.detail)).toEqual([{ value: false }]);
  });

  it('image: load with natural size, error with errMsg', () => {
    const { $, events } = mount('<image src="a.png" bindload="loaded" binderror="failed"/>');
    const img = $('image');
    Object.defineProperty(img, 'naturalWidth', { value: 120 });
    Object.defineProperty(img, 'naturalHeight', { value: 80 });
    fire(img, 'load');
    fire(img, 'error');
    expect(events.map((e) => [e.handler, e.detail])).toEqual([
      ['loaded', { width: 120, height: 80 }],
      ['failed', { errMsg: 'GET http://host/a.png failed' }],
    ]);
  });

  it('scroll-view: scroll with positions and deltas, to lower near the end', () => {
    const { $, events } = mount('<scroll-view scroll-y bindscroll="s" bindscrolltolower="low"><view/></scroll-view>');
    const scroller = $('scroll-view');
    Object.defineProperties(scroller, { scrollHeight: { value: 1000 }, clientHeight: { value: 300 }, scrollTop: { value: 680, writable: true } });
    fire(scroller, 'scroll');
    expect(events.map((e) => e.handler)).toEqual(['s', 'low']);
    expect(events[0]!.detail).toMatchObject({ scrollTop: 680, deltaY: 680, scrollHeight: 1000 });
  });

  it('component events do not bubble to ancestors', () => {
    const { $, events } = mount('<view bindchange="parent"><switch bindchange="own"/></view>');
    $('switch').querySelector('input')!.click();
    expect(events.filter((e) => e.type === 'change').map((e) => e.handler)).toEqual(['own']);
  });
});

describe('navigator', () => {
  it('asks the host to navigate on tap, with open-type and delta', () => {
    const { container, navigations, events } = mount('<navigator url="/pages/b/b?x=1" bindtap="t"><text>go</text></navigator><navigator open-type="navigateBack" delta="2">back</navigator><navigator open-type="exit">x</navigator>');
    const [go, back, exit] = [...container.children] as HTMLElement[];
    go!.querySelector('span')!.click();
    back!.click();
    exit!.click();
    expect(navigations).toEqual([
      { url: '/pages/b/b?x=1', openType: 'navigate' },
      { url: '', openType: 'navigateBack', delta: 2 },
    ]);
    expect(events.map((e) => e.handler)).toEqual(['t']);
  });
});
