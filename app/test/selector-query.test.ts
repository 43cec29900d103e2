// @vitest-environment happy-dom
/**
 * SelectorQuery and nextTick on a page with custom components (the components harness: real registry, tree,
 * renderers), through the runtime's own implementations; the host's check is answered at once (or refused).
 * happy-dom does no layout, so positions are checked end to end (e2e/selector-query.e2e.ts); here: scopes,
 * order, timing, datasets, properties and styles.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FailResult } from '../../emulator-api/src/common/callbacks.js';
import { createProfile } from '../../emulator-api/src/common/profiles.js';
import type { Platform } from '../../emulator-api/src/common/types.js';
import { gadgetScopeOf, pageScope } from '../src/runtime/selector-query/gadget-scopes.js';
import { marginsOf, thresholdLevel } from '../src/runtime/selector-query/intersection-observer.js';
import { rectIn } from '../src/runtime/selector-query/measure.js';
import { createNodeQueryRuntime } from '../src/runtime/selector-query/runtime.js';
import { isIdSelector } from '../src/runtime/selector-query/scope.js';
import type { SelectorQuery } from '../src/runtime/selector-query/selector-query.js';
import { componentFiles, openGadget, type ComponentModule, type Gadget } from './components-harness.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const files = {
  'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
  'pages/index/index.json': JSON.stringify({ usingComponents: { card: '/components/card/card' } }),
  'pages/index/index.ttml': `
    <view class="row" id="p1" data-index="{{1}}" data-item-id="a" data-info="{{ {deep: true} }}">page row</view>
    <card id="c1" n="1"><view class="row" id="slotted">slot content</view></card>
    <card id="c2" n="2"/>
    <input id="name" value="{{name}}" placeholder="Your name"/>
    <scroll-view id="sv" scroll-y="{{true}}" class="list"/>
    <view id="styled" style="margin-top: 4px; color: red">styled</view>
    <view tt:if="{{late}}" id="late" data-when="later">late</view>
    <view id="count">{{n}}</view>`,
  ...componentFiles({
    'components/card/card': { ttml: '<view class="row" id="inner-{{n}}" data-n="{{n}}">card row</view><slot/><leaf/>', json: { usingComponents: { leaf: '/components/leaf/leaf' } } },
    'components/leaf/leaf': { ttml: '<view class="row leaf-row">leaf</view>' },
  }),
};
const modules: Record<string, ComponentModule> = {
  'components/card/card.js': ({ Component }) => Component({ properties: { n: Number } }),
  'components/leaf/leaf.js': ({ Component }) => Component({}),
};

function open(): Gadget {
  return openGadget(files, modules, { data: { name: 'Ann', late: false, n: 0 } });
}

/** The runtime on the harness page, with the host's check answered `refusal` (undefined: accepted). */
function runtime(g: Gadget, platform: Platform = 'pc', refusal?: FailResult) {
  const profile = createProfile({ app: 'gadget', platform, client: '7.39.0' });
  const rules: string[] = [];
  const tracked: Promise<unknown>[] = [];
  const implementations = createNodeQueryRuntime({
    profile,
    track: (work) => {
      tracked.push(work);
      return work;
    },
    scopeOf: (value) => gadgetScopeOf(value, () => [g.page]),
    currentScope: () => pageScope(g.page),
  }).implementations();
  const ctx = { profile, applyRule: (id: string) => void rules.push(id) };
  const checked = Promise.resolve(refusal);
  return {
    rules,
    /** Every tracked piece of work (exec, nextTick) settled. */
    settled: async () => {
      for (let seen = 0; seen < tracked.length; seen = tracked.length) await Promise.all(tracked);
    },
    query: () => implementations.createSelectorQuery({ args: [], checked }, ctx).value as SelectorQuery,
    nextTick: (fn: unknown) => implementations.nextTick({ args: [fn], checked }, ctx),
  };
}

const exec = (query: SelectorQuery) => new Promise<unknown[]>((resolve) => query.exec(resolve));
const ids = (infos: unknown) => (infos as { id: string }[]).map((info) => info.id);

describe('SelectorQuery scopes', () => {
  it('matches the page\'s own nodes (slot content it gives a component included), not those inside components', async () => {
    const g = open();
    const { query } = runtime(g);
    const [rows, first, none, missing] = await exec(query().selectAll('.row').fields({ id: true }).select('view.row').fields({ id: true }).selectAll('.leaf-row').fields({ id: true }).select('#nothing').fields({ id: true }));
    expect(ids(rows)).toEqual(['p1', 'slotted']);
    expect(first).toEqual({ id: 'p1' });
    expect(none).toEqual([]);
    expect(missing).toBeNull();
  });

  it('in(component) matches that instance\'s own template only: not the page, not its slot content, not nested components', async () => {
    const g = open();
    const { query, rules } = runtime(g);
    const c2 = g.page.selectComponent('#c2')!;
    const [own, leaf] = await exec(query().in(c2).selectAll('.row').boundingClientRect().selectAll('.leaf-row').boundingClientRect());
    expect(ids(own)).toEqual(['inner-2']);
    expect(leaf).toEqual([]);
    expect(rules).toContain('in-component');
    const [slotted] = await exec(query().in(g.page.selectComponent('#c1')!).select('#slotted').fields({ id: true }));
    expect(slotted).toBeNull();
  });

  it('`a >>> b` reaches into components', async () => {
    const g = open();
    const { query } = runtime(g);
    const [rows] = await exec(query().selectAll('card >>> .row').fields({ id: true, dataset: true }));
    expect((rows as { id: string; dataset: unknown }[]).map((r) => [r.id, r.dataset])).toEqual([
      ['inner-1', { n: 1 }],
      ['slotted', {}],
      ['', {}],
      ['inner-2', { n: 2 }],
      ['', {}],
    ]);
  });

  it('in() with something that is no instance warns and keeps the page', async () => {
    const g = open();
    const { query } = runtime(g);
    const [row] = await exec(query().in({ not: 'a component' }).select('.row').fields({ id: true }));
    expect(row).toEqual({ id: 'p1' });
    expect(g.warnings.some((w) => w.includes('SelectorQuery.in expects a custom component'))).toBe(true);
  });
});

describe('SelectorQuery answers', () => {
  it('answers after the render queued in the same turn, in request order: each callback, then exec\'s', async () => {
    const g = open();
    const { query } = runtime(g);
    const order: string[] = [];
    g.page.setData({ late: true });
    expect(g.$$('#late')).toEqual([]);
    const results = await new Promise<unknown[]>((resolve) =>
      query()
        .select('#late')
        .fields({ id: true, dataset: true }, (r) => order.push(`late ${JSON.stringify(r)}`))
        .selectViewport()
        .fields({ id: true, dataset: true }, (r) => order.push(`viewport ${JSON.stringify(r)}`))
        .exec((all) => {
          order.push('exec');
          resolve(all);
        }),
    );
    expect(order).toEqual(['late {"id":"late","dataset":{"when":"later"}}', 'viewport {"id":"","dataset":{}}', 'exec']);
    expect(results).toEqual([{ id: 'late', dataset: { when: 'later' } }, { id: '', dataset: {} }]);
  });

  it('gives the dataset as bound (numbers and objects, camelCase keys) and a copy of it', async () => {
    const g = open();
    const { query } = runtime(g);
    const [row] = (await exec(query().select('#p1').boundingClientRect())) as [{ dataset: Record<string, unknown> }];
    expect(row.dataset).toEqual({ index: 1, itemId: 'a', info: { deep: true } });
    row.dataset.index = 99;
    const [again] = (await exec(query().select('#p1').fields({ dataset: true }))) as [{ dataset: Record<string, unknown> }];
    expect(again.dataset.index).toBe(1);
  });

  it('boundingClientRect and scrollOffset give their documented keys; fields only what is asked', async () => {
    const g = open();
    const { query } = runtime(g);
    const [rect, scroll, viewport, nothing] = await exec(query().select('#p1').boundingClientRect().select('#sv').scrollOffset().selectViewport().scrollOffset().select('#p1').fields({}));
    expect(Object.keys(rect as object)).toEqual(['id', 'dataset', 'left', 'right', 'top', 'bottom', 'width', 'height']);
    expect(scroll).toEqual({ id: 'sv', dataset: {}, scrollLeft: 0, scrollTop: 0 });
    expect(viewport).toEqual({ id: '', dataset: {}, scrollLeft: 0, scrollTop: 0 });
    expect(nothing).toEqual({});
  });

  it('fields: properties as rendered (an input\'s value as typed), never id / class / style; computedStyle by the names given', async () => {
    const g = open();
    const { query } = runtime(g);
    (g.$('#name') as HTMLInputElement).value = 'Bob';
    const [input, list, styled] = await exec(
      query()
        .select('#name')
        .fields({ properties: ['value', 'placeholder', 'id', 'class'] })
        .select('.list')
        .fields({ properties: ['scrollY', 'scroll-y'] })
        .select('#styled')
        .fields({ computedStyle: ['marginTop', 'margin-top', 'color'] }),
    );
    expect(input).toEqual({ value: 'Bob', placeholder: 'Your name', id: undefined, class: undefined });
    expect(list).toEqual({ scrollY: true, 'scroll-y': true });
    expect(styled).toMatchObject({ marginTop: '4px', 'margin-top': '4px' });
    expect((styled as { color: string }).color).toMatch(/^(red|rgb\(255, 0, 0\))$/);
  });

  it('fields({ node }) is not emulated: left out with a warning', async () => {
    const g = open();
    const { query, rules } = runtime(g);
    const [info] = await exec(query().select('#p1').fields({ id: true, node: true } as never));
    expect(info).toEqual({ id: 'p1' });
    expect(g.warnings.some((w) => w.includes('node is not emulated by ttsim'))).toBe(true);
    expect(rules).toContain('node-not-emulated');
  });

  it('records the rules of what the query asked for', async () => {
    const g = open();
    const rulesOf = async (build: (query: SelectorQuery) => SelectorQuery) => {
      const { query, rules } = runtime(g);
      await exec(build(query()));
      // The host records each rule once.
      return [...new Set(rules)];
    };
    expect(await rulesOf((q) => q.select('#p1').boundingClientRect())).toEqual(['page-scope', 'selectors', 'rect-in-page-px', 'dataset-values', 'exec-after-render']);
    expect(await rulesOf((q) => q.selectAll('#sv').scrollOffset())).toEqual(['page-scope', 'selectors', 'scroll-offset', 'dataset-values', 'exec-after-render']);
    expect(await rulesOf((q) => q.selectViewport().fields({ size: true }))).toEqual(['page-scope', 'rect-in-page-px', 'fields', 'exec-after-render']);
    expect(await rulesOf((q) => q.select('#p1').fields({ id: true }))).toEqual(['page-scope', 'selectors', 'fields', 'exec-after-render']);
  });

  it('a selector the browser cannot parse matches nothing and logs an error', async () => {
    const g = open();
    const { query } = runtime(g);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const [one, all] = await exec(query().select('.row[').boundingClientRect().selectAll('..x').boundingClientRect());
    expect(one).toBeNull();
    expect(all).toEqual([]);
    expect(error.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('SelectorQuery.select(".row[") on pages/index/index: not a selector'), expect.stringContaining('SelectorQuery.selectAll("..x")')]);
  });

  it('a call the host refused answers nothing', async () => {
    const g = open();
    const refusal: FailResult = { errMsg: 'createSelectorQuery:fail not supported on harmony before 7.35.0', errno: 103, errString: 'not supported' };
    const { query, settled } = runtime(g, 'harmony', refusal);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const exec = vi.fn();
    const each = vi.fn();
    query().select('#p1').boundingClientRect(each).exec(exec);
    await settled();
    expect(exec).not.toHaveBeenCalled();
    expect(each).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith('createSelectorQuery:fail not supported on harmony before 7.35.0 (SelectorQuery.exec answers nothing)');
  });

  it('on Android and iOS, warns once per selector that is not a plain #id (Feishu documents ID selectors only there)', async () => {
    const g = open();
    const ios = runtime(g, 'ios');
    await exec(ios.query().select('.row').boundingClientRect().select('#p1').boundingClientRect().selectAll('.row').boundingClientRect());
    expect(g.warnings.filter((w) => w.includes('only ID selectors'))).toEqual(['SelectorQuery select(".row"): Feishu documents only ID selectors (#id) on Android and iOS; ttsim matches it anyway']);
    expect(ios.rules).toContain('mobile-id-only');
    const pc = runtime(g, 'pc');
    await exec(pc.query().select('.other').boundingClientRect());
    expect(pc.rules).not.toContain('mobile-id-only');
  });

  it('a callback that throws is reported, the others still run', async () => {
    const g = open();
    const { query } = runtime(g);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const results = await new Promise<unknown[]>((resolve) =>
      query()
        .select('#p1')
        .fields({ id: true }, () => {
          throw new Error('boom');
        })
        .exec(resolve),
    );
    expect(results).toEqual([{ id: 'p1' }]);
    expect(error.mock.calls[0]![0]).toBe('a NodesRef callback (select("#p1")) threw:');
  });
});

describe('tt.nextTick', () => {
  it('runs after the render setData queued and its callback, in the order given', async () => {
    const g = open();
    const { nextTick, settled, rules } = runtime(g);
    const order: string[] = [];
    nextTick(() => order.push(`first tick sees ${g.$('#count').textContent}`));
    g.page.setData({ n: 1 }, () => order.push('setData callback'));
    nextTick(() => {
      order.push('second tick');
      g.page.setData({ n: 2 }, () => order.push(`render of the tick: ${g.$('#count').textContent}`));
    });
    order.push('sync code');
    await settled();
    await g.settle();
    expect(order).toEqual(['sync code', 'setData callback', 'first tick sees 1', 'second tick', 'render of the tick: 2']);
    expect(rules).toContain('after-render');
  });

  it('ignores what is not a function, with an error', () => {
    const g = open();
    const { nextTick, rules } = runtime(g);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    nextTick('later');
    expect(error).toHaveBeenCalledWith('tt.nextTick expects a function, got string: it is ignored');
    expect(rules).toContain('not-a-function');
  });
});

describe('helpers', () => {
  it('isIdSelector: one #id and nothing else', () => {
    expect(isIdSelector('#the-id')).toBe(true);
    expect(isIdSelector(' #a_1 ')).toBe(true);
    expect(isIdSelector('.a')).toBe(false);
    expect(isIdSelector('#a .b')).toBe(false);
    expect(isIdSelector('#a, #b')).toBe(false);
    expect(isIdSelector('view#a')).toBe(false);
  });

  it('rectIn: client rectangles relative to the page box', () => {
    expect(rectIn({ left: 10, top: 144, width: 100, height: 50 }, { left: 0, top: 44 })).toEqual({ left: 10, right: 110, top: 100, bottom: 150, width: 100, height: 50 });
  });

  it('thresholdLevel: 0 counts once any part is visible, the others when reached', () => {
    expect(thresholdLevel(0, [0])).toBe(0);
    expect(thresholdLevel(0.01, [0])).toBe(1);
    expect(thresholdLevel(1, [0, 0.5, 1])).toBe(3);
    expect(thresholdLevel(0.5, [0, 0.5, 1])).toBe(2);
    expect(thresholdLevel(0.49, [1, 0.5])).toBe(0);
  });

  it('marginsOf: numbers, missing sides 0', () => {
    expect(marginsOf({ top: 10, bottom: -5, left: 'x' })).toEqual({ left: 0, right: 0, top: 10, bottom: -5 });
    expect(marginsOf(undefined)).toEqual({ left: 0, right: 0, top: 0, bottom: 0 });
  });
});
