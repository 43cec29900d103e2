// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { componentFiles, openGadget, type ComponentModule } from './components-harness.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const page = (ttml: string, json: Record<string, unknown> = { usingComponents: { card: '/components/card/card' } }) => ({
  'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
  'pages/index/index.json': JSON.stringify(json),
  'pages/index/index.ttml': ttml,
});

const card: ComponentModule = ({ Component }) =>
  Component({
    properties: {
      title: String,
      count: { type: Number, value: 7 },
      active: Boolean,
      itemTitle: { type: String, value: 'none' },
    },
    data: { local: 'L' },
    methods: {
      bump() {
        const self = this as unknown as { data: { local: string }; setData(p: unknown): void };
        self.setData({ local: `${self.data.local}+` });
      },
    },
  });

describe('custom component properties', () => {
  it('reads kebab-case attributes into camelCase properties with WeChat type conversion', () => {
    const files = {
      ...page('<card id="c" data-kind="k" title="{{5}}" count="3" active="false" item-title="x"/><card id="d"/>'),
      ...componentFiles({ 'components/card/card': { ttml: '<view class="t">{{title}}|{{count}}|{{active}}|{{itemTitle}}|{{local}}</view>' } }),
    };
    const g = openGadget(files, { 'components/card/card.js': card }, { data: {} });
    const [c, d] = g.$$('card');
    expect(c!.querySelector('.t')!.textContent).toBe('5|3|true|x|L');
    expect(d!.querySelector('.t')!.textContent).toBe('|7|false|none|L');
    const instance = g.page.selectComponent('#c') as { is: string; id: string; dataset: unknown; data: Record<string, unknown>; properties: unknown };
    expect(instance.is).toBe('components/card/card');
    expect(instance.id).toBe('c');
    expect(instance.dataset).toEqual({ kind: 'k' });
    expect(instance.data).toMatchObject({ title: '5', count: 3, active: true, itemTitle: 'x', local: 'L' });
    expect(instance.properties).toBe(instance.data);
    expect(g.errors).toEqual([]);
  });

  it('warns, naming the file, when a value does not fit the type, and falls back to the default', () => {
    const files = { ...page('<card count="{{ {a: 1} }}" title="{{nothing}}"/>'), ...componentFiles({ 'components/card/card': { ttml: '<view class="t">{{count}}[{{title}}]</view>' } }) };
    const g = openGadget(files, { 'components/card/card.js': card }, { data: {} });
    expect(g.$('card .t').textContent).toBe('7[]');
    expect(g.warnings.some((w) => w.includes('components/card/card.js: property "count" received type-incompatible value: expected <Number>'))).toBe(true);
    expect(g.warnings.some((w) => w.includes('property "title" received type-incompatible value: expected <String> but got a null value'))).toBe(true);
  });

  it('re-renders when the parent data changes and calls property observers and data observers', async () => {
    const calls: unknown[][] = [];
    const watcher: ComponentModule = ({ Component }) =>
      Component({
        properties: { n: { type: Number, observer: (next: unknown, old: unknown) => calls.push(['n', next, old]) }, m: Number },
        data: { obj: { field: 1, other: 1 } },
        observers: {
          'n, m': (n: unknown, m: unknown) => calls.push(['n,m', n, m]),
          'obj.field': (field: unknown) => calls.push(['obj.field', field]),
          'obj.**': () => calls.push(['obj.**']),
        },
        methods: {
          setOther() {
            (this as unknown as { setData(p: unknown): void }).setData({ 'obj.other': 2 });
          },
          setField() {
            (this as unknown as { setData(p: unknown): void }).setData({ 'obj.field': 5 });
          },
          setObj() {
            (this as unknown as { setData(p: unknown): void }).setData({ obj: { field: 9 } });
          },
        },
      });
    const files = { ...page('<card id="w" n="{{a}}" m="{{b}}"/>'), ...componentFiles({ 'components/card/card': { ttml: '<text>{{n}}/{{m}}/{{obj.field}}</text>' } }) };
    const g = openGadget(files, { 'components/card/card.js': watcher }, { data: { a: 1, b: 2 } });
    expect(calls).toEqual([
      ['n', 1, 0],
      ['n,m', 1, 2],
    ]);
    calls.length = 0;
    g.page.setData({ b: 3 });
    await g.settle();
    expect(g.$('card text').textContent).toBe('1/3/1');
    expect(calls).toEqual([['n,m', 1, 3]]);
    calls.length = 0;
    const w = g.page.selectComponent('#w') as Record<string, () => void>;
    w.setOther!();
    expect(calls).toEqual([['obj.**']]);
    calls.length = 0;
    w.setField!();
    expect(calls).toEqual([['obj.field', 5], ['obj.**']]);
    calls.length = 0;
    w.setObj!();
    expect(calls).toEqual([['obj.field', 9], ['obj.**']]);
    await g.settle();
    expect(g.$('card text').textContent).toBe('1/3/9');
  });

  it('keeps each instance its own state, in tt:for with per-item properties, and tt:for inside a component', async () => {
    const list: ComponentModule = ({ Component }) =>
      Component({
        properties: { label: String },
        data: { rows: ['a', 'b'], taps: 0 },
        methods: {
          more() {
            const self = this as unknown as { data: { taps: number }; setData(p: unknown): void };
            self.setData({ taps: self.data.taps + 1 });
          },
        },
      });
    const files = {
      ...page('<card tt:for="{{items}}" tt:key="id" class="c" label="{{item.name}}"/>'),
      ...componentFiles({ 'components/card/card': { ttml: '<view class="row" tt:for="{{rows}}">{{label}}-{{item}}-{{taps}}</view>' } }),
    };
    const g = openGadget(files, { 'components/card/card.js': list }, { data: { items: [{ id: 1, name: 'x' }, { id: 2, name: 'y' }] } });
    expect(g.$$('.row').map((r) => r.textContent)).toEqual(['x-a-0', 'x-b-0', 'y-a-0', 'y-b-0']);
    const [first, second] = g.page.selectAllComponents('.c') as Record<string, () => void>[];
    second!.more!();
    second!.more!();
    first!.more!();
    await g.settle();
    expect(g.$$('.row').map((r) => r.textContent)).toEqual(['x-a-1', 'x-b-1', 'y-a-2', 'y-b-2']);
    g.page.setData({ 'items[0].name': 'z' });
    await g.settle();
    expect(g.$$('.row').map((r) => r.textContent)).toEqual(['z-a-1', 'z-b-1', 'y-a-2', 'y-b-2']);
  });
});

describe('objects passed as properties', () => {
  it('are copies, and a parent setData with a path key (which changes its data in place) reaches the component', async () => {
    const files = { ...page('<card id="c" item="{{list[0]}}"/>'), ...componentFiles({ 'components/card/card': { ttml: '<text>{{item.name}}</text>' } }) };
    const g = openGadget(files, { 'components/card/card.js': ({ Component }) => Component({ properties: { item: Object } }) }, { data: { list: [{ name: 'a' }] } });
    const c = g.page.selectComponent('#c') as { data: { item: unknown } };
    expect(c.data.item).toEqual({ name: 'a' });
    expect(c.data.item).not.toBe((g.page.data.list as unknown[])[0]);
    g.page.setData({ 'list[0].name': 'b' });
    await g.settle();
    expect(g.$('card text').textContent).toBe('b');
  });
});

describe('lifetimes, page lifetimes and behaviors', () => {
  it('runs created, attached, ready and detached in order, old style and lifetimes, and detached on tt:if removal and unload', async () => {
    const log: string[] = [];
    const hooks = (name: string) => ({
      created: () => log.push(`${name} old created`),
      attached: () => log.push(`${name} old attached (overridden)`),
      lifetimes: {
        attached() {
          log.push(`${name} attached ${JSON.stringify((this as unknown as { data: unknown }).data)}`);
        },
        ready: () => log.push(`${name} ready`),
        detached: () => log.push(`${name} detached`),
      },
      pageLifetimes: { show: () => log.push(`${name} show`), hide: () => log.push(`${name} hide`) },
    });
    const files = {
      ...page('<card tt:if="{{on}}" v="{{1}}"/><inner/>', { usingComponents: { card: '/components/card/card', inner: '../../components/inner/inner' } }),
      ...componentFiles({ 'components/card/card': { ttml: '<inner/>', json: { usingComponents: { inner: '../inner/inner' } } }, 'components/inner/inner': { ttml: '<text>in</text>' } }),
    };
    const g = openGadget(
      files,
      { 'components/card/card.js': ({ Component }) => Component({ properties: { v: Number }, ...hooks('card') }), 'components/inner/inner.js': ({ Component }) => Component(hooks('inner')) },
      {
        data: { on: true },
        onLoad() {
          log.push(`page onLoad, card found: ${(this as unknown as { selectComponent(s: string): unknown }).selectComponent('card') !== null}`);
        },
        onReady: () => log.push('page onReady'),
      },
    );
    expect(log).toEqual([
      'card old created',
      'card attached {"v":1}',
      'inner old created',
      'inner attached {}',
      'inner old created',
      'inner attached {}',
      'page onLoad, card found: true',
      'card show',
      'inner show',
      'inner show',
      'card ready',
      'inner ready',
      'inner ready',
      'page onReady',
    ]);
    log.length = 0;
    g.page.callHook('onHide');
    expect(log).toEqual(['card hide', 'inner hide', 'inner hide']);
    log.length = 0;
    g.page.setData({ on: false });
    await g.settle();
    expect(log).toEqual(['card detached', 'inner detached']);
    expect(g.$$('card')).toEqual([]);
    log.length = 0;
    g.unload();
    expect(log).toEqual(['inner detached']);
    expect(g.lifecycle).toContain('components/card/card detached');
  });

  it('merges behaviors (global Behavior): data, properties, methods, lifetimes in order, hasBehavior', () => {
    const log: string[] = [];
    let base: unknown;
    const modules: Record<string, ComponentModule> = {
      'components/card/card.js': ({ Component, Behavior }) => {
        const deep = Behavior({ data: { shared: { a: 1, b: 1 } }, attached: () => log.push('deep attached'), methods: { who: () => 'deep', only: () => 'deep only' } });
        base = Behavior({ behaviors: [deep], properties: { size: { type: Number, value: 2 } }, data: { shared: { b: 2 } }, lifetimes: { attached: () => log.push('base attached') }, methods: { who: () => 'base' } });
        Component({ behaviors: [base, deep], data: { shared: { c: 3 } }, attached: () => log.push('own attached'), methods: { who: () => 'own' } });
      },
    };
    const files = { ...page('<card id="c"/>'), ...componentFiles({ 'components/card/card': { ttml: '<text>{{shared.a}}{{shared.b}}{{shared.c}}:{{size}}</text>' } }) };
    const g = openGadget(files, modules, { data: {} });
    expect(g.$('card text').textContent).toBe('123:2');
    expect(log).toEqual(['deep attached', 'base attached', 'own attached']);
    const c = g.page.selectComponent('#c') as { who(): string; only(): string; hasBehavior(b: unknown): boolean };
    expect([c.who(), c.only(), c.hasBehavior(base), c.hasBehavior({})]).toEqual(['own', 'deep only', true, false]);
  });
});

describe('slots', () => {
  const slotted: ComponentModule = ({ Component }) => Component({ options: { multipleSlots: true }, data: { inner: 'I' } });

  it('puts the default and named slot content in place, rendered with the parent data; its taps go to the parent', async () => {
    const taps: string[] = [];
    const files = {
      ...page('<card><view class="a" bindtap="onA">{{who}} {{inner}}</view><text slot="head">H{{who}}</text><view slot="nowhere">lost</view></card>'),
      ...componentFiles({ 'components/card/card': { ttml: '<view class="head"><slot name="head"/></view><view class="body" bindtap="onBody"><slot/></view>' } }),
    };
    const g = openGadget(files, { 'components/card/card.js': slotted }, { data: { who: 'P' }, onA: () => taps.push('page onA') });
    expect(g.$('card .head').textContent).toBe('HP');
    expect(g.$('card .body').textContent).toBe('P ');
    expect(g.body.textContent).not.toContain('lost');
    g.$('.a').click();
    expect(taps).toEqual(['page onA']);
    expect(g.warnings.some((w) => w.includes('Component "components/card/card" does not have a method "onBody" to handle event "tap"'))).toBe(true);
    g.page.setData({ who: 'Q' });
    await g.settle();
    expect(g.$('card .head').textContent).toBe('HQ');
    expect(g.$('card .body').textContent).toBe('Q ');
  });

  it('without multipleSlots the first slot takes all the content', () => {
    const files = {
      ...page('<card><text slot="head">H</text><text>B</text></card>'),
      ...componentFiles({ 'components/card/card': { ttml: '<view class="one"><slot name="head"/></view><view class="two"><slot/></view>' } }),
    };
    const g = openGadget(files, { 'components/card/card.js': ({ Component }) => Component({}) }, { data: {} });
    expect(g.$('.one').textContent).toBe('HB');
    expect(g.$('.two').textContent).toBe('');
  });
});

describe('errors name the file', () => {
  it('a usingComponents path that names no component', () => {
    const files = { ...page('<nope/><view>still here</view>', { usingComponents: { nope: '../../components/nope/nope' } }) };
    const g = openGadget(files, {}, { data: {} });
    expect(g.errors).toEqual([{ message: 'pages/index/index.json: usingComponents "nope": "../../components/nope/nope" — no component at components/nope/nope (components/nope/nope.js and components/nope/nope.json do not exist)', where: 'pages/index/index.json', file: 'pages/index/index.json' }]);
    expect(g.$('view').textContent).toBe('still here');
  });

  it('a component JS that throws, one that never calls Component(), a bad property type', () => {
    const files = {
      ...page('<bad/><silent/><typed t="1"/>', { usingComponents: { bad: '/components/bad/bad', silent: '/components/silent/silent', typed: '/components/typed/typed' } }),
      ...componentFiles({ 'components/bad/bad': { ttml: '<text>b</text>' }, 'components/silent/silent': { ttml: '<text>s</text>' }, 'components/typed/typed': { ttml: '<text class="t">{{t}}</text>' } }),
    };
    const g = openGadget(
      files,
      {
        'components/bad/bad.js': () => {
          throw new TypeError('boom in bad.js');
        },
        'components/silent/silent.js': () => {},
        'components/typed/typed.js': ({ Component }) => Component({ properties: { t: { type: 'string' } } }),
      },
      { data: {} },
    );
    expect(g.errors).toEqual([
      { message: 'boom in bad.js', where: 'component components/bad/bad' },
      { message: 'components/silent/silent.js did not call Component({...})', where: 'component components/silent/silent', file: 'components/silent/silent.js' },
      { message: 'components/typed/typed.js: property "t" has type "string": the type must be String, Number, Boolean, Object, Array, Function or null', where: 'components/typed/typed.js', file: 'components/typed/typed.js' },
    ]);
    expect(g.$('typed .t').textContent).toBe('1');
  });

  it('a component template error has the file and line', () => {
    const files = { ...page('<card/>'), ...componentFiles({ 'components/card/card': { ttml: '<view>\n  {{ a + }}\n</view>' } }) };
    const g = openGadget(files, { 'components/card/card.js': card }, { data: {} });
    expect(g.errors).toHaveLength(1);
    expect(g.errors[0]!.file).toBe('components/card/card.ttml');
    expect(g.errors[0]!.message).toMatch(/^components\/card\/card\.ttml:2:\d+: /);
  });

  it('a component that uses itself without end stops with an error', () => {
    const files = { ...page('<card/>'), ...componentFiles({ 'components/card/card': { ttml: '<card/>', json: { usingComponents: { card: './card' } } } }) };
    const g = openGadget(files, { 'components/card/card.js': ({ Component }) => Component({}) }, { data: {} });
    expect(g.errors).toHaveLength(1);
    expect(g.errors[0]!.message).toContain('custom components nest more than 64 levels deep at <card> (components/card/card)');
  });
});
