/**
 * What a node answers to SelectorQuery (NodesRef.boundingClientRect / scrollOffset / fields), measured on the
 * real DOM: positions in px relative to the page's display area (its scroll box), as a client reports them
 * relative to the webview below the navigation bar.
 */
import { read } from '../../dom/attributes.js';
import type { QueryScope } from './scope.js';
import type { NodeFields, ObservedRect } from '../../../../emulator-api/src/common/tt-types.js';

/** NodesRef.fields' argument (node and context are not emulated); the type gadgets see, from tt-types. */
export type { NodeFields } from '../../../../emulator-api/src/common/tt-types.js';

/** A rectangle in page px, as gadgets receive it (tt-types' ObservedRect). */
export type PageRect = ObservedRect;

/** A client rectangle relative to `origin` (the page's scroll box). */
export function rectIn(rect: { left: number; top: number; width: number; height: number }, origin: { left: number; top: number }): PageRect {
  const left = rect.left - origin.left;
  const top = rect.top - origin.top;
  return { left, right: left + rect.width, top, bottom: top + rect.height, width: rect.width, height: rect.height };
}

/** The empty rectangle (what a target out of every reference area intersects). */
export const EMPTY_RECT: PageRect = Object.freeze({ left: 0, right: 0, top: 0, bottom: 0, width: 0, height: 0 });

/** Attributes that are not component properties (WeChat: "id class style 和事件绑定的属性值不可获取"). */
const NOT_PROPERTIES = new Set(['id', 'class', 'style']);

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The dataset as bound (numbers stay numbers); a copy, so the gadget cannot change the page's vnode. */
export function datasetOf(scope: QueryScope, element: Element): Record<string, unknown> {
  const dataset = scope.drawn(element)?.vnode.dataset;
  return dataset ? { ...dataset } : {};
}

function propertyOf(scope: QueryScope, element: HTMLElement, name: string): unknown {
  if (NOT_PROPERTIES.has(name)) return undefined;
  // What the user typed, not the value last rendered.
  if (name === 'value' && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA')) return (element as HTMLInputElement).value;
  const attrs = scope.drawn(element)?.vnode.attrs;
  return attrs ? (read(attrs, kebab(name)) ?? read(attrs, name)) : undefined;
}

function addStyles(info: Record<string, unknown>, element: HTMLElement, names: readonly string[]): void {
  const style = element.ownerDocument.defaultView!.getComputedStyle(element);
  for (const name of names) if (typeof name === 'string') info[name] = style.getPropertyValue(name.startsWith('--') ? name : kebab(name));
}

/** One node's answer: only the fields asked for, in WeChat's order (computedStyle width / height win over size). */
export function nodeInfo(scope: QueryScope, element: HTMLElement, fields: NodeFields): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  if (fields.id) info.id = element.id;
  if (fields.dataset) info.dataset = datasetOf(scope, element);
  if (fields.rect || fields.size) {
    const rect = rectIn(element.getBoundingClientRect(), scope.viewport.getBoundingClientRect());
    if (fields.rect) Object.assign(info, { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
    if (fields.size) Object.assign(info, { width: rect.width, height: rect.height });
  }
  if (fields.scrollOffset) Object.assign(info, { scrollLeft: element.scrollLeft, scrollTop: element.scrollTop });
  for (const name of fields.properties ?? []) if (typeof name === 'string') info[name] = propertyOf(scope, element, name);
  if (fields.computedStyle) addStyles(info, element, fields.computedStyle);
  return info;
}

/** selectViewport()'s answer: the page's display area (left 0, top 0) and its scroll position. */
export function viewportInfo(scope: QueryScope, fields: NodeFields): Record<string, unknown> {
  const viewport = scope.viewport;
  const info: Record<string, unknown> = {};
  if (fields.id) info.id = '';
  if (fields.dataset) info.dataset = {};
  const width = viewport.clientWidth;
  const height = viewport.clientHeight;
  if (fields.rect) Object.assign(info, { left: 0, right: width, top: 0, bottom: height });
  if (fields.size) Object.assign(info, { width, height });
  if (fields.scrollOffset) Object.assign(info, { scrollLeft: viewport.scrollLeft, scrollTop: viewport.scrollTop });
  for (const name of fields.properties ?? []) if (typeof name === 'string') info[name] = undefined;
  if (fields.computedStyle) addStyles(info, viewport, fields.computedStyle);
  return info;
}
