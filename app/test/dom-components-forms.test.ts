// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dateModel, multiSelectorModel, selectorModel, timeModel } from '../src/dom/components/picker-model.js';
import { mount } from './dom-test-helpers.js';

function sheetItem(column: number, index: number): HTMLElement {
  const item = document.querySelector<HTMLElement>(`.tt-picker-sheet .tt-picker-item[data-tt-column="${column}"][data-tt-index="${index}"]`);
  if (!item) throw new Error(`no picker item ${column}/${index} (sheet open: ${document.querySelector('.tt-picker-sheet') !== null})`);
  return item;
}

function click(selector: string): void {
  const element = document.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  element.click();
}

const changes = (events: { type: string; handler: string; detail: unknown }[]) => events.filter((e) => e.type !== 'tap').map((e) => [e.handler, e.type, e.detail]);

describe('radio-group / radio', () => {
  const source = `
    <radio-group bindchange="picked" data-group="g">
      <label tt:for="{{items}}" tt:key="value"><radio value="{{item.value}}" checked="{{item.checked}}" disabled="{{item.disabled}}"/>{{item.name}}</label>
    </radio-group>`;
  const items = [
    { value: 'a', name: 'A', checked: true },
    { value: 'b', name: 'B' },
    { value: 'c', name: 'C', disabled: true },
  ];

  it('draws radios with role, value and checked state', () => {
    const { container } = mount(source, { items });
    const radios = [...container.querySelectorAll('[data-tt="radio"]')];
    expect(radios.map((r) => [r.getAttribute('role'), r.getAttribute('data-tt-value'), r.getAttribute('aria-checked')])).toEqual([
      ['radio', 'a', 'true'],
      ['radio', 'b', 'false'],
      ['radio', 'c', 'false'],
    ]);
    expect(radios[2]!.hasAttribute('data-tt-disabled')).toBe(true);
    expect(radios[0]!.firstElementChild!.getAttribute('data-tt-part')).toBe('icon');
  });

  it('checks the tapped radio, unchecks the others, and gives the group change { value }', () => {
    const { container, events } = mount(source, { items });
    const [a, b, c] = [...container.querySelectorAll<HTMLElement>('[data-tt="radio"]')];
    b!.click();
    expect(changes(events)).toEqual([['picked', 'change', { value: 'b' }]]);
    expect(events[0]!.currentTarget.dataset).toEqual({ group: 'g' });
    expect([a, b].map((r) => r!.getAttribute('aria-checked'))).toEqual(['false', 'true']);
    b!.click();
    c!.click();
    expect(changes(events)).toHaveLength(1);
  });

  it('tapping the label text checks its radio', () => {
    const { container, events } = mount(source, { items });
    const labels = [...container.querySelectorAll<HTMLElement>('[data-tt="label"]')];
    labels[1]!.click();
    expect(changes(events)).toEqual([['picked', 'change', { value: 'b' }]]);
  });
});

describe('checkbox-group / checkbox', () => {
  it('toggles and reports the checked values in document order', () => {
    const { container, events } = mount(
      `<checkbox-group bindchange="changed">
        <checkbox value="x"/><checkbox value="y" checked/><checkbox value="z" color="#f00"/><checkbox value="w" disabled/>
      </checkbox-group>`,
    );
    const [x, y, z, w] = [...container.querySelectorAll<HTMLElement>('[data-tt="checkbox"]')];
    z!.click();
    x!.click();
    y!.click();
    w!.click();
    expect(changes(events)).toEqual([
      ['changed', 'change', { value: ['y', 'z'] }],
      ['changed', 'change', { value: ['x', 'y', 'z'] }],
      ['changed', 'change', { value: ['x', 'z'] }],
    ]);
    expect((z!.firstElementChild as HTMLElement).style.getPropertyValue('--tt-choice-color')).toBe('#f00');
  });

  it('writes checked only when the template changes it', () => {
    const { container, render } = mount('<checkbox-group><checkbox value="x" checked="{{on}}"/></checkbox-group>', { on: false, n: 1 });
    const box = container.querySelector<HTMLElement>('[data-tt="checkbox"]')!;
    box.click();
    render({ on: false, n: 2 });
    expect(box.getAttribute('aria-checked')).toBe('true');
    render({ on: true, n: 3 });
    render({ on: false, n: 4 });
    expect(box.getAttribute('aria-checked')).toBe('false');
  });
});

describe('label', () => {
  it('for= toggles the control with that id; a switch inside gets its bindchange', () => {
    const { container, events } = mount(`
      <label for="agree"><text>I agree</text></label>
      <checkbox-group bindchange="boxes"><checkbox id="agree" value="yes"/></checkbox-group>
      <label><text class="t">notify</text><switch bindchange="toggled"/></label>`);
    container.querySelector<HTMLElement>('[data-tt="label"] [data-tt="text"]')!.click();
    container.querySelector<HTMLElement>('.t')!.click();
    expect(changes(events)).toEqual([
      ['boxes', 'change', { value: ['yes'] }],
      ['toggled', 'change', { value: true }],
    ]);
  });

  it('a tap on the control itself inside the label is not doubled', () => {
    const { container, events } = mount('<checkbox-group bindchange="boxes"><label><checkbox value="v"/>text</label></checkbox-group>');
    container.querySelector<HTMLElement>('[data-tt="checkbox"]')!.click();
    expect(changes(events)).toEqual([['boxes', 'change', { value: ['v'] }]]);
  });
});

describe('form', () => {
  const source = `
    <form bindsubmit="submitted" bindreset="wasReset">
      <input name="user" value="{{user}}"/>
      <textarea name="bio"/>
      <switch name="notify" checked/>
      <slider name="volume" min="10" value="30"/>
      <picker name="city" range="{{cities}}" value="1"><view class="city">{{cities[1]}}</view></picker>
      <picker name="time" mode="time" value="09:30"><view>t</view></picker>
      <radio-group name="size"><radio value="s"/><radio value="m" checked/></radio-group>
      <checkbox-group name="tags"><checkbox value="a" checked/><checkbox value="b"/><checkbox value="c" checked/></checkbox-group>
      <input value="unnamed"/>
      <form bindsubmit="inner"><input name="nested" value="no"/></form>
      <button class="go" form-type="submit"><text>Go</text></button>
      <button class="clear" form-type="reset">Reset</button>
      <button class="plain">Plain</button>
    </form>`;
  const data = { user: 'ann', cities: ['Beijing', 'Shanghai', 'Shenzhen'] };

  it('submits every named field with its value (not unnamed ones, not a nested form\'s)', () => {
    const { $, events } = mount(source, data);
    ($('textarea') as HTMLTextAreaElement).value = 'hello';
    $('button.go text').click();
    const submit = events.find((e) => e.type === 'submit');
    expect(submit?.handler).toBe('submitted');
    expect(submit?.detail).toEqual({
      value: { user: 'ann', bio: 'hello', notify: true, volume: 30, city: 1, time: '09:30', size: 'm', tags: ['a', 'c'] },
    });
    $('button.plain').click();
    expect(events.filter((e) => e.type === 'submit')).toHaveLength(1);
  });

  it('reports what the user changed, including a picker choice', () => {
    const { $, events } = mount(source, data);
    ($('input') as HTMLInputElement).value = 'bob';
    $('switch').querySelector('input')!.click();
    $('checkbox-group checkbox').click();
    $('view.city').click();
    sheetItem(0, 2).click();
    click('.tt-picker-confirm');
    $('button.go').click();
    expect(events.find((e) => e.type === 'submit')?.detail).toMatchObject({ value: { user: 'bob', notify: false, city: 2, tags: ['c'] } });
  });

  it('reset blanks every field and fires bindreset', () => {
    const { $, events } = mount(source, data);
    $('button.clear').click();
    expect(events.filter((e) => e.type === 'reset').map((e) => [e.handler, e.detail])).toEqual([['wasReset', {}]]);
    expect(($('input') as HTMLInputElement).value).toBe('');
    $('button.go').click();
    expect(events.find((e) => e.type === 'submit')?.detail).toEqual({
      value: { user: '', bio: '', notify: false, volume: 10, city: 0, time: '', size: '', tags: [] },
    });
  });
});

describe('picker', () => {
  it('selector: a tap opens the sheet with range-key labels; tapping an item and 确定 reports the index', () => {
    const range = [{ name: 'Beijing' }, { name: 'Shanghai' }, { name: 'Shenzhen' }];
    const { $, events } = mount('<picker range="{{range}}" range-key="name" value="{{0}}" header-text="City" bindchange="chosen" bindcancel="gone"><view>pick</view></picker>', { range });
    expect(document.querySelector('.tt-picker-sheet')).toBeNull();
    $('view').click();
    const sheet = document.querySelector('.tt-picker-sheet')!;
    expect(sheet.getAttribute('data-tt-picker-mode')).toBe('selector');
    expect(sheet.closest('[data-tt="page"]')).not.toBeNull();
    expect([...sheet.querySelectorAll('.tt-picker-item')].map((i) => i.getAttribute('data-tt-value'))).toEqual(['Beijing', 'Shanghai', 'Shenzhen']);
    expect(sheet.querySelector('.tt-picker-title')!.textContent).toBe('City');
    expect(sheetItem(0, 0).classList.contains('tt-picker-item-selected')).toBe(true);
    sheetItem(0, 2).click();
    expect(sheetItem(0, 2).getAttribute('aria-selected')).toBe('true');
    click('.tt-picker-confirm');
    expect(document.querySelector('.tt-picker-sheet')).toBeNull();
    expect(changes(events)).toEqual([['chosen', 'change', { value: 2 }]]);
    // Reopened, the sheet starts at the confirmed choice even though the page did not echo it.
    $('view').click();
    expect(sheetItem(0, 2).classList.contains('tt-picker-item-selected')).toBe(true);
    click('.tt-picker-mask');
    expect(changes(events)).toEqual([
      ['chosen', 'change', { value: 2 }],
      ['gone', 'cancel', {}],
    ]);
  });

  it('taps in the sheet raise no TTML taps; a disabled picker does not open', () => {
    const { $, events } = mount('<view bindtap="outer"><picker range="{{[1, 2]}}"><text>a</text></picker><picker disabled range="{{[1]}}"><text class="off">b</text></picker></view>');
    $('picker text').click();
    sheetItem(0, 1).click();
    click('.tt-picker-cancel');
    expect(events.map((e) => e.handler)).toEqual(['outer']);
    $('text.off').click();
    expect(document.querySelector('.tt-picker-sheet')).toBeNull();
  });

  it('multiSelector: columnchange while open, the page may swap a column, change with the index array', () => {
    const provinces = ['Guangdong', 'Zhejiang'];
    const cities: Record<string, string[]> = { Guangdong: ['Guangzhou', 'Shenzhen'], Zhejiang: ['Hangzhou', 'Ningbo', 'Wenzhou'] };
    const { $, events, render } = mount('<picker mode="multiSelector" range="{{range}}" value="{{[0, 1]}}" bindcolumnchange="column" bindchange="chosen"><view>p</view></picker>', {
      range: [provinces, cities.Guangdong],
    });
    $('view').click();
    expect(sheetItem(1, 1).classList.contains('tt-picker-item-selected')).toBe(true);
    sheetItem(0, 1).click();
    render({ range: [provinces, cities.Zhejiang] });
    expect(sheetItem(1, 2).getAttribute('data-tt-value')).toBe('Wenzhou');
    sheetItem(1, 2).click();
    click('.tt-picker-confirm');
    expect(changes(events)).toEqual([
      ['column', 'columnchange', { column: 0, value: 1 }],
      ['column', 'columnchange', { column: 1, value: 2 }],
      ['chosen', 'change', { value: [1, 2] }],
    ]);
  });

  it('time and date pickers report strings; date follows fields', () => {
    const { $, events } = mount(`
      <picker class="t" mode="time" value="09:30" start="08:15" end="18:00" bindchange="time"><view class="t">t</view></picker>
      <picker mode="date" value="2024-02-10" start="2023-06-01" end="2025-03-15" bindchange="date"><view class="d">d</view></picker>
      <picker mode="date" fields="month" value="2024-05" bindchange="month"><view class="m">m</view></picker>`);
    $('view.t').click();
    expect(sheetItem(0, 0).textContent).toBe('08');
    sheetItem(0, 3).click(); // 11
    sheetItem(1, 5).click(); // :05
    click('.tt-picker-confirm');
    $('view.d').click();
    expect(document.querySelectorAll('.tt-picker-column')).toHaveLength(3);
    expect(sheetItem(0, 0).textContent).toBe('2023年');
    sheetItem(0, 2).click(); // 2025: months end at 03, day 10 stays
    click('.tt-picker-confirm');
    $('view.m').click();
    expect(document.querySelectorAll('.tt-picker-column')).toHaveLength(2);
    click('.tt-picker-confirm');
    expect(changes(events)).toEqual([
      ['time', 'change', { value: '11:05' }],
      ['date', 'change', { value: '2025-02-10' }],
      ['month', 'change', { value: '2024-05' }],
    ]);
  });
});

describe('picker models', () => {
  const now = new Date(2024, 4, 20, 13, 45);

  it('selector and multiSelector clamp indexes', () => {
    expect(selectorModel(['a', 'b'], '', 5).selected()).toEqual([1]);
    expect(selectorModel([{ k: 'x' }], 'k', 0).columns()).toEqual([['x']]);
    const multi = multiSelectorModel([['a', 'b'], ['c']], '', [1, 9]);
    expect(multi.selected()).toEqual([1, 0]);
    multi.select(0, 0);
    expect(multi.value()).toEqual([0, 0]);
  });

  it('time keeps within start and end, and defaults to now', () => {
    const model = timeModel('', '', '', now);
    expect(model.value()).toBe('13:45');
    const bounded = timeModel('23:00', '08:30', '10:15', now);
    expect(bounded.value()).toBe('10:15');
    expect(bounded.columns()[0]).toEqual(['08', '09', '10']);
    expect(bounded.columns()[1]).toHaveLength(16);
    bounded.select(0, 0);
    expect(bounded.value()).toBe('08:30');
  });

  it('date moves the day into a shorter month and keeps the bounds', () => {
    const model = dateModel('2024-01-31', '2023-11-15', '2024-03-10', 'day', now);
    model.select(1, 1); // February 2024
    expect(model.value()).toBe('2024-02-29');
    model.select(1, 2); // March, at most the 10th
    expect(model.value()).toBe('2024-03-10');
    model.select(0, 0); // 2023: November and December only, from the 15th
    expect(model.columns()[1]).toEqual(['11月', '12月']);
    expect(model.value()).toBe('2023-11-15');
    expect(dateModel('', '', '', 'year', now).value()).toBe('2024');
  });
});
