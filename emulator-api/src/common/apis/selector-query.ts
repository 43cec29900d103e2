/**
 * The TTML node APIs: tt.createSelectorQuery (measuring nodes), tt.createIntersectionObserver (watching nodes
 * come into view) and tt.nextTick. They run in the guest runtime (side: 'guest'), where the nodes are, and
 * return their objects at once (style: 'sync'); the host checks support and validates the options against
 * these entries. Page and component instances have `this.createSelectorQuery()` and
 * `this.createIntersectionObserver(options)` too (the same as passing `this`).
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred, type SupportMatrix } from '../types.js';
import { docs, GADGET_ONLY } from './sources.js';

/** The pages these entries are read from (paths below https://open.feishu.cn/document/client-docs/gadget/-web-app-api/). */
const nodeDocs = {
  selectorQuery: 'Feishu client API "SelectorQuery" (…/ttml/selectorquery/selectorquery: support table, in / select / selectAll / selectViewport / exec)',
  nodesRef: 'Feishu client API "NodesRef" (…/ttml/nodesref/nodesref: support table, boundingClientRect / scrollOffset / fields)',
  relativeToViewport: 'Feishu client API "IntersectionObserver.relativeToViewport" (…/ttml/intersectionobserver/relativetoviewport: support table, margins, sample code)',
  wechatQuery: 'WeChat-compatible family: wx.createSelectorQuery, SelectorQuery.select ("selector 语法"), NodesRef.fields pages and Douyin\'s tt.createSelectorQuery / SelectorQuery.select pages',
  wechatObserver: 'WeChat-compatible family: wx.createIntersectionObserver, IntersectionObserver.relativeTo / observe pages and Douyin\'s tt.createIntersectionObserver page',
  wechatNextTick: 'WeChat-compatible family: wx.nextTick page ("延迟一部分操作到下一个时间片再执行（类似于 setTimeout）")',
} as const;

const webappNever = { android: null, ios: null, pc: null, harmony: null } as const;

/** Feishu's SelectorQuery and NodesRef pages: gadgets from 2.2.0, Harmony from 7.35.0, never in web apps. */
const selectorQueryMatrix: SupportMatrix = {
  gadget: { android: '2.2.0', ios: '2.2.0', pc: '2.2.0', harmony: '7.35.0' },
  webapp: webappNever,
};

/** Feishu's IntersectionObserver.relativeToViewport page: gadgets from 2.3.0, Harmony from 7.35.0, never in web apps. */
const intersectionObserverMatrix: SupportMatrix = {
  gadget: { android: '2.3.0', ios: '2.3.0', pc: '2.3.0', harmony: '7.35.0' },
  webapp: webappNever,
};

/** No Feishu page on nextTick was found: the rows of the gadget-only screen APIs (screen.ts). */

export const createSelectorQuery = defineApi({
  name: 'createSelectorQuery',
  style: 'sync',
  side: 'guest',
  summary: 'Returns a SelectorQuery: select / selectAll / selectViewport nodes, ask for boundingClientRect, scrollOffset or fields, and exec() answers them all after the render.',
  doc: nodeDocs.selectorQuery,
  // No arguments cross the bridge; in(component) is a method of the returned query.
  params: z.strictObject({}),
  result: z.unknown(),
  support: {
    matrix: selectorQueryMatrix,
    provenance: documented(`${nodeDocs.selectorQuery}: gadget V2.2.0+ on Android, iOS and PC, V7.35.0+ on Harmony, ✕ for web apps; the NodesRef page gives the same rows`),
  },
  behaviours: [
    { id: 'page-scope', platforms: 'all', text: 'Without in(), select and selectAll match the nodes of the page that was current when createSelectorQuery was called (page.createSelectorQuery(): that page), not the nodes inside its custom components; the slot content a page gives a component is the page\'s.', provenance: documented(`${nodeDocs.selectorQuery}: "初始时，选择器仅选取页面范围的节点，不会选取任何自定义组件中的节点" (slot content: inferred from the family)`) },
    { id: 'in-component', platforms: 'all', text: 'in(component) (or this.createSelectorQuery() in a component) matches the nodes of that component instance\'s own template only: not the page\'s, not those of components nested in it; `a >>> b` reaches into nested components.', provenance: inferred(`${nodeDocs.selectorQuery} (in: "将选择器的选取范围更改为自定义组件 component 内"); nesting and >>> from ${nodeDocs.wechatQuery}`) },
    { id: 'selectors', platforms: 'all', text: 'Selectors are TTML selectors: #id, .class (several: .a.b), tag names (view, text, …), descendant `a b`, child `a > b`, `a >>> b` into components and unions `a, b`. A selector the browser cannot parse matches nothing and logs an error.', provenance: inferred(nodeDocs.wechatQuery) },
    { id: 'mobile-id-only', platforms: ['android', 'ios'], text: 'Feishu documents that on mobile only ID selectors are supported: on Android and iOS ttsim still matches any selector, and warns once for each selector that is not a plain #id.', provenance: documented(`${nodeDocs.selectorQuery}: select "selector 类似于 CSS 的选择器，其中移动端只支持 ID 选择器"; matching anyway is ttsim's choice (assumed)`) },
    { id: 'exec-after-render', platforms: 'all', text: 'exec(callback) answers after the renders already queued (setData in the same turn included) have been drawn, asynchronously, in request order: each request\'s own callback first, then exec\'s with the array of all results. select() that matched nothing answers null, selectAll() an array (maybe empty).', provenance: inferred(`${nodeDocs.selectorQuery} (exec: "请求结果按请求次序构成数组，在 callback 的第一个参数中返回"); null / array and the callback order from ${nodeDocs.wechatQuery}`) },
    { id: 'rect-in-page-px', platforms: 'all', text: 'boundingClientRect gives id, dataset, left, right, top, bottom, width, height in px, relative to the page\'s display area (below the navigation bar), like the DOM\'s getBoundingClientRect; selectViewport() is that area itself (left 0, top 0, its width and height).', provenance: documented(`${nodeDocs.nodesRef}: "相对于显示区域，以像素为单位。其功能类似于 DOM 的 getBoundingClientRect"`) },
    { id: 'scroll-offset', platforms: 'all', text: 'scrollOffset gives id, dataset, scrollLeft, scrollTop: of a <scroll-view>, or of the page for selectViewport(); ttsim answers the scroll position of any other node too (0 where it does not scroll).', provenance: documented(`${nodeDocs.nodesRef}: "节点必须是 scroll-view 或者 viewport" (other nodes: assumed)`) },
    { id: 'fields', platforms: 'all', text: 'fields({ id, dataset, rect, size, scrollOffset, properties: [...], computedStyle: [...] }) answers only what is asked: properties are the component attributes as last rendered (an <input>\'s value as typed; id, class, style and event bindings are not properties), computedStyle the named styles as the browser computes them (camelCase or kebab-case names, keys as written; computedStyle width / height win over size).', provenance: inferred(`WeChat NodesRef.fields page (${nodeDocs.wechatQuery})`) },
    { id: 'dataset-values', platforms: 'all', text: 'dataset holds the data-* values as bound (data-index="{{i}}" gives a number), keys camelCased (data-item-id → itemId), as in event targets.', provenance: inferred(nodeDocs.wechatQuery) },
    { id: 'node-not-emulated', platforms: 'all', text: 'NodesRef.node() and context() are not emulated (there is no Canvas 2D node yet): node and context are undefined on a NodesRef, and fields({ node, context }) leaves them out with a warning.', provenance: assumed('a ttsim limitation, not a client behaviour') },
  ],
  failures: [
    { errno: Errno.notSupported, when: 'web apps; gadgets on clients before 2.2.0 (Harmony before 7.35.0): the query then answers nothing', provenance: documented(nodeDocs.selectorQuery) },
  ],
});

export const createIntersectionObserver = defineApi({
  name: 'createIntersectionObserver',
  style: 'sync',
  side: 'guest',
  summary: 'Returns an IntersectionObserver: relativeTo(selector) / relativeToViewport(margins), then observe(selector, callback) reports how much of the node is in that area as it scrolls; disconnect() stops it.',
  doc: nodeDocs.relativeToViewport,
  // The first argument (a page or component instance) never crosses the bridge: it scopes the selectors.
  params: z.strictObject({
    thresholds: z.array(z.number().min(0).max(1)).optional(),
    initialRatio: z.number().min(0).max(1).optional(),
    observeAll: z.boolean().optional(),
    selectAll: z.boolean().optional(),
  }),
  result: z.unknown(),
  support: {
    matrix: intersectionObserverMatrix,
    provenance: inferred(`${nodeDocs.relativeToViewport}: gadget V2.3.0+ on Android, iOS and PC, V7.35.0+ on Harmony, ✕ for web apps (documented for relativeToViewport; ttsim has not found Feishu's createIntersectionObserver page and applies the rows to it)`),
  },
  behaviours: [
    { id: 'reference-areas', platforms: 'all', text: 'relativeToViewport(margins) makes the page\'s display area (its scroll box, below the navigation bar) the reference area, grown by margins (px; negative shrinks); relativeTo(selector, margins) makes a node\'s box one. With several reference areas a target\'s visible part is its intersection with all of them. Without any, the display area is used.', provenance: inferred(`${nodeDocs.relativeToViewport} (margins documented); several areas from ${nodeDocs.wechatObserver}; no area: assumed`) },
    { id: 'native-mode', platforms: 'all', text: 'ttsim measures with the browser\'s IntersectionObserver (the family\'s "native mode"): a relativeTo node must be an ancestor of the targets (else the target never counts as visible, and ttsim warns), and scroll-views between them clip what is visible.', provenance: assumed('WeChat\'s default mode intersects plain rectangles and accepts any node; its native mode has these limits') },
    { id: 'thresholds', platforms: 'all', text: 'The callback runs when the visible ratio crosses one of thresholds (default [0]; 0 means "any part visible") compared with the previous ratio, which starts at initialRatio (default 0): a target already visible when observing starts reports once, one not visible does not.', provenance: inferred(nodeDocs.wechatObserver) },
    { id: 'observe-all', platforms: 'all', text: 'observe(selector, callback) watches the first node that matches, or every node with observeAll: true (selectAll: true, as Feishu\'s sample code writes it, does the same). The nodes are looked up after the current render, so observe() in onLoad finds the first render\'s nodes; nodes added later are not watched; a selector matching nothing warns.', provenance: inferred(`${nodeDocs.wechatObserver}; selectAll from ${nodeDocs.relativeToViewport} sample code ("tt.createIntersectionObserver(this, { selectAll: true })"); lookup time assumed`) },
    { id: 'observe-result', platforms: 'all', text: 'The callback gets id, dataset, intersectionRatio, intersectionRect, boundingClientRect, relativeRect (left, right, top, bottom, width, height in page px, as SelectorQuery) and time (ms since the epoch).', provenance: inferred(`${nodeDocs.wechatObserver} (the unit of time: assumed)`) },
    { id: 'component-scope', platforms: 'all', text: 'With a component instance as the first argument (or this.createIntersectionObserver() in a component), selectors match that instance\'s own template, as SelectorQuery.in(); with a page or nothing, the current page.', provenance: inferred(nodeDocs.wechatObserver) },
    { id: 'disconnect', platforms: 'all', text: 'disconnect() stops every observe() of that observer: no callback runs afterwards.', provenance: inferred(nodeDocs.wechatObserver) },
  ],
  failures: [
    { errno: Errno.invalidParameter, when: 'a threshold or initialRatio outside [0, 1], observeAll not a boolean, an unknown option: the observer then reports nothing', provenance: assumed(docs.errno) },
    { errno: Errno.notSupported, when: 'web apps; gadgets on clients before 2.3.0 (Harmony before 7.35.0): the observer then reports nothing', provenance: documented(nodeDocs.relativeToViewport) },
  ],
});

export const nextTick = defineApi({
  name: 'nextTick',
  style: 'sync',
  side: 'guest',
  summary: 'Runs a function in a later turn, after the renders that setData calls so far have queued (and their callbacks).',
  doc: nodeDocs.wechatNextTick,
  // The function never crosses the bridge.
  params: z.strictObject({}),
  result: z.unknown(),
  support: {
    matrix: GADGET_ONLY,
    provenance: assumed(`${docs.overview}: ttsim found no Feishu page on nextTick; the gadget rows follow the other gadget-only screen APIs, web apps have no custom components`),
  },
  behaviours: [
    { id: 'after-render', platforms: 'all', text: 'tt.nextTick(fn) runs fn in a later task (like setTimeout(fn, 0)), so after every render queued so far has been drawn and its setData callbacks have run; a setData in fn renders in its own turn. Several nextTick functions run in the order they were given.', provenance: inferred(`${nodeDocs.wechatNextTick}; the order against setData callbacks follows from ttsim rendering setData in a microtask (assumed)`) },
    { id: 'not-a-function', platforms: 'all', text: 'An argument that is not a function is ignored with a console error.', provenance: assumed('the family documents only the function form') },
  ],
  failures: [
    { errno: Errno.notSupported, when: 'web apps; Harmony before 7.35.0: fn never runs', provenance: assumed(docs.overview) },
  ],
});
