/**
 * Query scopes of the gadget runtime: a page (PageInstance) or a custom component instance. An element was
 * drawn by the renderer of the nearest custom component host above it, or else by the page's; that vnode's
 * owner is the template it belongs to (slot content: the template that wrote it).
 */
import { componentAt, componentNodeOf, type ComponentNode } from '../gadget/component-instance.js';
import { PageInstance } from '../gadget/page.js';
import { HOST_ATTRIBUTE } from '../gadget/style-scope.js';
import type { DrawnElement, QueryScope } from './scope.js';

/** Marks each page's box (router.ts). */
const PAGE_ATTRIBUTE = 'data-ttsim-page';

function drawn(element: Element, page: PageInstance | undefined): DrawnElement | undefined {
  const host = element.parentElement?.closest(`[${HOST_ATTRIBUTE}]`);
  const vnode = host ? componentAt(host)?.vnodeOf(element) : page?.vnodeOf(element);
  if (!vnode) return undefined;
  // Without custom components in the package, page elements carry no owner.
  const owner = vnode.owner ?? page;
  return owner ? { vnode, owner } : undefined;
}

export function pageScope(page: PageInstance): QueryScope {
  return { root: page.container, viewport: page.container, owner: page, name: page.route, drawn: (element) => drawn(element, page) };
}

export function componentScope(node: ComponentNode, page: PageInstance | undefined): QueryScope {
  const viewport = node.host.closest<HTMLElement>(`[${PAGE_ATTRIBUTE}]`) ?? page?.container ?? node.host;
  return {
    root: node.host,
    viewport,
    owner: node,
    name: `${node.definition.is}${page ? ` on ${page.route}` : ''}`,
    drawn: (element) => drawn(element, page),
  };
}

/**
 * scopeOf for the runtime: a PageInstance, or `this` of a custom component (on the page whose box holds it);
 * undefined for anything else.
 */
export function gadgetScopeOf(value: unknown, pages: () => readonly PageInstance[]): QueryScope | undefined {
  if (value instanceof PageInstance) return pageScope(value);
  const node = componentNodeOf(value);
  if (!node) return undefined;
  return componentScope(node, pages().find((page) => page.container.contains(node.host)));
}
