// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toDomSelector } from '../src/dom/selector.js';
import { componentFiles, openGadget, type ComponentModule } from './components-harness.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const files = (pageTtml: string, components: Parameters<typeof componentFiles>[0], using: Record<string, string>) => ({
  'app.json': JSON.stringify({ pages: ['pages/index/index'], usingComponents: using }),
  'pages/index/index.json': '{}',
  'pages/index/index.ttml': pageTtml,
  ...componentFiles(components),
});

interface Received {
  handler: string;
  type: string;
  detail: unknown;
  currentTarget: { id: string; dataset: Record<string, unknown> };
  target: { id: string; dataset: Record<string, unknown> };
}

/** A page whose methods record what they receive. */
function recordingPage(data: Record<string, unknown>, names: string[]) {
  const received: Received[] = [];
  const page: Record<string, unknown> = { data };
  for (const name of names) {
    page[name] = (e: Omit<Received, 'handler'>) => received.push({ handler: name, type: e.type, detail: e.detail, currentTarget: e.currentTarget, target: e.target });
  }
  return { page, received };
}

const emitter: ComponentModule = ({ Component }) =>
  Component({
    properties: { item: Object },
    methods: {
      fire() {
        const self = this as unknown as { data: { item: { id: number } }; triggerEvent(n: string, d: unknown, o?: unknown): void };
        self.triggerEvent('pick', { id: self.data.item.id });
      },
      fireOld() {
        (this as unknown as { triggerEvent(n: string, d: unknown): void }).triggerEvent('pickold', { old: true });
      },
    },
  });

describe('triggerEvent', () => {
  it('reaches bind:name, bindname, catch:name and catchname on the host, with detail and the host dataset', () => {
    const { page, received } = recordingPage({ items: [{ id: 1 }, { id: 2 }, { id: 3 }] }, ['onPick', 'onCatch', 'onOld', 'onOldCatch']);
    const g = openGadget(
      files(
        '<row tt:for="{{items}}" class="r" data-index="{{index}}" item="{{item}}" bind:pick="onPick" bindpickold="onOld"/><row id="last" item="{{items[2]}}" catch:pick="onCatch" catchpickold="onOldCatch"/>',
        { 'components/row/row': { ttml: '<view class="in" bindtap="fire">{{item.id}}</view>' } },
        { row: '/components/row/row' },
      ),
      { 'components/row/row.js': emitter },
      page,
    );
    const rows = g.page.selectAllComponents('row') as { fire(): void; fireOld(): void }[];
    expect(rows).toHaveLength(4);
    g.$$('.in')[1]!.click();
    rows[3]!.fire();
    rows[0]!.fireOld();
    rows[3]!.fireOld();
    expect(received).toEqual([
      { handler: 'onPick', type: 'pick', detail: { id: 2 }, currentTarget: { id: '', dataset: { index: 1 } }, target: { id: '', dataset: { index: 1 } } },
      { handler: 'onCatch', type: 'pick', detail: { id: 3 }, currentTarget: { id: 'last', dataset: {} }, target: { id: 'last', dataset: {} } },
      { handler: 'onOld', type: 'pickold', detail: { old: true }, currentTarget: { id: '', dataset: { index: 0 } }, target: { id: '', dataset: { index: 0 } } },
      { handler: 'onOldCatch', type: 'pickold', detail: { old: true }, currentTarget: { id: 'last', dataset: {} }, target: { id: 'last', dataset: {} } },
    ]);
  });

  it('bubbles and composed: up the owner tree, across components, capture first, stopped by catch', () => {
    const { page, received } = recordingPage({}, ['onOuterHost', 'onCaptureWrap', 'onPageTop']);
    const inner: ComponentModule = ({ Component }) =>
      Component({
        methods: {
          send(options: unknown) {
            (this as unknown as { triggerEvent(n: string, d: unknown, o: unknown): void }).triggerEvent('ping', 1, options);
          },
        },
      });
    const outer: ComponentModule = ({ Component }) =>
      Component({
        methods: {
          onWrap: (e: Omit<Received, 'handler'>) => received.push({ handler: 'outer.onWrap', type: e.type, detail: e.detail, currentTarget: e.currentTarget, target: e.target }),
        },
      });
    const g = openGadget(
      files(
        '<view id="top" bind:ping="onPageTop" capture-bind:ping="onCaptureWrap"><outer id="o" bind:ping="onOuterHost"/></view>',
        {
          'components/outer/outer': { ttml: '<view id="w" bind:ping="onWrap"><inner id="i"/></view>' },
          'components/inner/inner': { ttml: '<text>i</text>' },
        },
        { outer: '/components/outer/outer', inner: '/components/inner/inner' },
      ),
      { 'components/outer/outer.js': outer, 'components/inner/inner.js': inner },
      page,
    );
    const outerInstance = g.page.selectComponent('#o') as { selectComponent(s: string): { send(o: unknown): void } };
    const innerInstance = outerInstance.selectComponent('#i');
    const handlers = () => received.splice(0).map((r) => `${r.handler}:${r.currentTarget.id}:${r.target.id}`);

    innerInstance.send({});
    expect(handlers()).toEqual([]);
    innerInstance.send({ bubbles: true });
    expect(handlers()).toEqual(['outer.onWrap:w:i']);
    innerInstance.send({ composed: true });
    expect(handlers()).toEqual(['onOuterHost:o:o']);
    innerInstance.send({ bubbles: true, composed: true });
    expect(handlers()).toEqual(['outer.onWrap:w:i', 'onOuterHost:o:o', 'onPageTop:top:o']);
    innerInstance.send({ bubbles: true, composed: true, capturePhase: true });
    expect(handlers()).toEqual(['onCaptureWrap:top:o', 'outer.onWrap:w:i', 'onOuterHost:o:o', 'onPageTop:top:o']);
  });
});

describe('triggerEvent and catch', () => {
  it('a catch binding on the way stops a bubbling event', () => {
    const { page, received } = recordingPage({}, ['onCaught', 'onAbove']);
    const g = openGadget(
      files(
        '<view id="above" bind:ping="onAbove"><view id="catcher" catch:ping="onCaught"><sender id="s"/></view></view>',
        { 'components/sender/sender': { ttml: '<text>s</text>' } },
        { sender: '/components/sender/sender' },
      ),
      {
        'components/sender/sender.js': ({ Component }) =>
          Component({
            methods: {
              send() {
                (this as unknown as { triggerEvent(n: string, d: unknown, o: unknown): void }).triggerEvent('ping', 'x', { bubbles: true });
              },
            },
          }),
      },
      page,
    );
    (g.page.selectComponent('#s') as { send(): void }).send();
    expect(received.map((r) => `${r.handler}:${r.currentTarget.id}:${r.target.id}:${String(r.detail)}`)).toEqual(['onCaught:catcher:s:x']);
  });
});

describe('taps across component boundaries', () => {
  it('a tap inside a component reaches the host binding (target: the host) unless a catch inside stops it', () => {
    const { page, received } = recordingPage({}, ['onHostTap', 'onOuterTap']);
    const g = openGadget(
      files(
        '<view id="outer" bindtap="onOuterTap"><box id="b" data-x="1" bindtap="onHostTap"/></view>',
        { 'components/box/box': { ttml: '<view class="free" bindtap="noop">free</view><view class="stop" catchtap="noop">stop</view>' } },
        { box: '/components/box/box' },
      ),
      { 'components/box/box.js': ({ Component }) => Component({ methods: { noop() {} } }) },
      page,
    );
    g.$('.free').click();
    expect(received.map((r) => `${r.handler}:${r.currentTarget.id}:${r.target.id}:${JSON.stringify(r.target.dataset)}`)).toEqual(['onHostTap:b:b:{"x":"1"}', 'onOuterTap:outer:b:{"x":"1"}']);
    received.length = 0;
    g.$('.stop').click();
    expect(received).toEqual([]);
  });
});

describe('selectComponent', () => {
  it('finds by id, class and tag among the caller’s own components, with >>> into them; a bad selector finds nothing', async () => {
    const counter: ComponentModule = ({ Component }) =>
      Component({
        data: { n: 0 },
        methods: {
          add(k: number) {
            const self = this as unknown as { data: { n: number }; setData(p: unknown): void };
            self.setData({ n: self.data.n + k });
            return self.data.n;
          },
        },
      });
    const g = openGadget(
      files(
        '<counter id="a" class="c"/><counter id="b" class="c"/><holder id="h"/>',
        { 'components/counter/counter': { ttml: '<text class="n">{{n}}</text>' }, 'components/holder/holder': { ttml: '<counter id="deep" class="c"/>' } },
        { counter: '/components/counter/counter', holder: '/components/holder/holder' },
      ),
      { 'components/counter/counter.js': counter, 'components/holder/holder.js': ({ Component }) => Component({}) },
      { data: {} },
    );
    expect((g.page.selectAllComponents('.c') as { id: string }[]).map((c) => c.id)).toEqual(['a', 'b']);
    expect((g.page.selectComponent('#h >>> .c') as { id: string }).id).toBe('deep');
    expect(g.page.selectComponent('#deep')).toBeNull();
    const b = g.page.selectComponent('#b') as { add(k: number): number; setData(p: unknown): void; data: { n: number } };
    expect(b.add(2)).toBe(2);
    b.setData({ n: 40 });
    await g.settle();
    expect(g.$$('.n').map((n) => n.textContent)).toEqual(['0', '40', '0']);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(g.page.selectComponent('##')).toBeNull();
    expect(errors).toHaveBeenCalledOnce();
    let fromCallback: unknown;
    g.page.selectComponent('#a', (found) => (fromCallback = found));
    await g.settle();
    expect((fromCallback as { id: string }).id).toBe('a');
  });

  it('toDomSelector reads >>> as a descendant combinator (components render into their host)', () => {
    expect(toDomSelector('my-list >>> .row')).toBe('div:where([data-tt="my-list"])   .row');
    expect(toDomSelector('my-list>>>view')).toBe('div:where([data-tt="my-list"]) div:where([data-tt="view"])');
  });
});
