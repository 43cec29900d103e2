/**
 * createDomRenderer: draws VNodes into a container and keeps the DOM in step with each new tree.
 *
 * The diff reuses elements: children with a key (tt:key) match by tag and key, the others by tag in order;
 * matched nodes are patched (only attributes and texts that changed are written), then moved by the
 * fewest moves (nodes on a longest increasing subsequence stay put). So a one-row change in a long list
 * writes one row, and a reordered keyed list moves nodes without re-creating them (inputs keep focus and
 * what the user typed).
 */
import { convertRpx } from '../ttss/rpx.js';
import { toText } from '../ttml/text.js';
import type { VElement, VNode } from '../ttml/vnode.js';
import type { Component, ComponentContext } from './component.js';
import { COMPONENTS, UNKNOWN_COMPONENT } from './components/index.js';
import { plainComponent } from './components/plain.js';
import type { NavigateRequest } from './components/navigator.js';
import { ensureComponentStyles } from './component-styles.js';
import { EventDelegation, type DomEvent } from './events.js';
import { longestIncreasingSubsequence } from './longest-increasing-subsequence.js';
import type { Mounted, MountedElement } from './mounted.js';
import { MARKER_ATTRIBUTE } from './tag-scheme.js';

export interface DomRendererOptions {
  onEvent(event: DomEvent): void;
  /** Package or ttfile:// path → URL for <image src>; default: unchanged. */
  resolveImageSrc?(src: string): string;
  /** A tap on a <navigator>. */
  onNavigate?(request: NavigateRequest): void;
  /** Called once for each tag that is not a component ttsim implements (it renders as a div). */
  onUnknownTag?(tag: string): void;
  /** px per rpx for inline styles and icon sizes; default: the window's width / 750. */
  rpxToPx?: number;
  /** Custom components (runtime/gadget/component-tree.ts): which tags they are and their life on the page. */
  customElements?: CustomElementHooks;
  /**
   * false: the container is a custom component's host inside its parent's renderer, not the page root: it
   * keeps its own `data-tt`, and a catch… binding inside stops the DOM event from reaching the parent's.
   */
  markContainer?: boolean;
  /** Tap positions are relative to this element (the page root); default: the container. */
  eventOrigin?: Element;
}

/**
 * The renderer's side of custom components. A custom component's element (its host) is drawn here, with
 * class, style, id, hidden and dataset; what is inside is the component's own renderer's, and the vnode's
 * children are its slot content, handed over with the vnode.
 */
export interface CustomElementHooks {
  /** Whether this element is a custom component (its tag in its owner's usingComponents). */
  isCustom(vnode: VElement): boolean;
  mount(host: HTMLElement, vnode: VElement): void;
  update(host: HTMLElement, vnode: VElement, previous: VElement): void;
  /** The host leaves the page (removed, its page closed): the component is detached. */
  unmount(host: HTMLElement): void;
}

/** A custom component's host: a div whose content the component draws. */
const CUSTOM_HOST: Component = { ...plainComponent('#custom'), ownsContent: true };
/** `<slot>` of a component template: its children are the parent's slot content (display: contents). */
const SLOT: Component = plainComponent('slot');
/** Elements of custom components carry their style scope here (runtime/gadget/style-scope.ts). */
export const SCOPE_ATTRIBUTE = 'data-tt-scope';

export interface DomRenderer {
  update(vnodes: readonly VNode[]): void;
  /** Removes what was rendered and the listeners; the container stays. */
  destroy(): void;
  /** Tags met so far that rendered as a plain div because ttsim does not implement them. */
  unknownTags(): string[];
  /** The vnode last drawn as `element`, if this renderer drew it (custom components' event paths). */
  vnodeOf(element: Element): VElement | undefined;
}

/** Identity for matching old and new children: tag (or #text) and key. */
function tagOf(vnode: VNode): string {
  return vnode.kind === 'text' ? '#text' : vnode.tag;
}

function sameSlot(mounted: Mounted, vnode: VNode): boolean {
  if (mounted.kind !== vnode.kind) return false;
  if (vnode.kind === 'text') return true;
  const old = mounted.vnode as VElement;
  return old.tag === vnode.tag && old.key === vnode.key;
}

function keyOf(vnode: VElement): string {
  return `${vnode.tag}\u0000${typeof vnode.key}\u0000${String(vnode.key)}`;
}

/** `itemId` → `item-id`, for reflecting dataset entries as data-* attributes. */
function datasetAttribute(key: string): string {
  return `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function isReflectable(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

class Renderer implements DomRenderer {
  private children: Mounted[] = [];
  private readonly records = new WeakMap<Element, MountedElement>();
  private readonly unknown = new Set<string>();
  private readonly context: ComponentContext;
  private readonly events: EventDelegation;
  private readonly styleCache = new Map<string, string>();

  constructor(
    private readonly container: HTMLElement,
    private readonly options: DomRendererOptions,
  ) {
    const document = container.ownerDocument;
    const view = document.defaultView;
    this.context = {
      document,
      resolveImageSrc: (src) => (options.resolveImageSrc ? options.resolveImageSrc(src) : src),
      rpxToPx: options.rpxToPx ?? (view && view.innerWidth > 0 ? view.innerWidth / 750 : 1),
    };
    ensureComponentStyles(document);
    if (options.markContainer !== false) container.setAttribute(MARKER_ATTRIBUTE, 'page');
    this.events = new EventDelegation(container, (element) => this.records.get(element), {
      onEvent: (event) => options.onEvent(event),
      onNavigate: (request) => options.onNavigate?.(request),
      ...(options.eventOrigin ? { origin: options.eventOrigin } : {}),
      stopCaughtEvents: options.markContainer === false,
    });
  }

  update(vnodes: readonly VNode[]): void {
    this.children = this.patchChildren(this.container, this.children, vnodes);
  }

  destroy(): void {
    this.events.detach();
    for (const child of this.children) {
      this.unmountCustom(child);
      child.node.parentNode?.removeChild(child.node);
    }
    this.children = [];
  }

  unknownTags(): string[] {
    return [...this.unknown];
  }

  vnodeOf(element: Element): VElement | undefined {
    return this.records.get(element)?.vnode;
  }

  /** Tells the custom components in a subtree that leaves the page (each one's renderer does its own inside). */
  private unmountCustom(mounted: Mounted): void {
    const hooks = this.options.customElements;
    if (hooks === undefined || mounted.kind !== 'element') return;
    if (mounted.component === CUSTOM_HOST) hooks.unmount(mounted.node);
    else for (const child of mounted.children) this.unmountCustom(child);
  }

  // --- children ------------------------------------------------------------------------------------------

  private patchChildren(parent: HTMLElement, old: Mounted[], next: readonly VNode[]): Mounted[] {
    // Same slots at both ends (tag and key) are patched in place: a re-render of the same shape, or a
    // tt:if that swaps one element, never disturbs its siblings.
    let start = 0;
    while (start < old.length && start < next.length && sameSlot(old[start]!, next[start]!)) start++;
    let oldEnd = old.length;
    let newEnd = next.length;
    while (oldEnd > start && newEnd > start && sameSlot(old[oldEnd - 1]!, next[newEnd - 1]!)) {
      oldEnd--;
      newEnd--;
    }
    const result: Mounted[] = new Array<Mounted>(next.length);
    for (let i = 0; i < start; i++) {
      this.patch(old[i]!, next[i]!);
      result[i] = old[i]!;
    }
    for (let i = newEnd, j = oldEnd; i < next.length; i++, j++) {
      this.patch(old[j]!, next[i]!);
      result[i] = old[j]!;
    }
    if (start === oldEnd && start === newEnd) return result;

    // The middle: keyed children match by tag and key, the others by tag in order.
    const keyed = new Map<string, number>();
    const unkeyed = new Map<string, number[]>();
    for (let i = start; i < oldEnd; i++) {
      const vnode = old[i]!.vnode;
      if (vnode.kind === 'element' && vnode.key !== undefined && !keyed.has(keyOf(vnode))) keyed.set(keyOf(vnode), i);
      else {
        const queue = unkeyed.get(tagOf(vnode));
        if (queue) queue.push(i);
        else unkeyed.set(tagOf(vnode), [i]);
      }
    }
    const queuePosition = new Map<string, number>();
    const used = new Array<boolean>(old.length).fill(false);
    const seenKeys = new Set<string>();
    /** For each new child of the middle: the index of the old child it reuses, or -1. */
    const sources: number[] = [];
    for (let i = start; i < newEnd; i++) {
      const vnode = next[i]!;
      let source = -1;
      if (vnode.kind === 'element' && vnode.key !== undefined && !seenKeys.has(keyOf(vnode))) {
        const key = keyOf(vnode);
        seenKeys.add(key);
        source = keyed.get(key) ?? -1;
      } else {
        // Unkeyed, or a duplicate key (matched as if unkeyed).
        const tag = tagOf(vnode);
        const queue = unkeyed.get(tag);
        const position = queuePosition.get(tag) ?? 0;
        if (queue !== undefined && position < queue.length) {
          source = queue[position]!;
          queuePosition.set(tag, position + 1);
        }
      }
      if (source >= 0) {
        used[source] = true;
        this.patch(old[source]!, vnode);
        result[i] = old[source]!;
      } else result[i] = this.create(vnode);
      sources.push(source);
    }
    for (let i = start; i < oldEnd; i++) {
      if (used[i]) continue;
      this.unmountCustom(old[i]!);
      parent.removeChild(old[i]!.node);
    }

    // Moves: nodes on a longest increasing run of old positions stay, the others (and new ones) go in place.
    const stay = longestIncreasingSubsequence(sources);
    let anchor: Node | null = newEnd < next.length ? result[newEnd]!.node : null;
    for (let i = newEnd - 1; i >= start; i--) {
      const node = result[i]!.node;
      if (sources[i - start]! < 0 || !stay.has(i - start)) parent.insertBefore(node, anchor);
      anchor = node;
    }
    return result;
  }

  // --- nodes ---------------------------------------------------------------------------------------------

  private create(vnode: VNode): Mounted {
    if (vnode.kind === 'text') return { kind: 'text', vnode, node: this.context.document.createTextNode(vnode.text) };
    const custom = this.options.customElements?.isCustom(vnode) === true;
    const component = custom ? CUSTOM_HOST : this.componentFor(vnode.tag);
    const node = component.create(this.context);
    node.setAttribute(MARKER_ATTRIBUTE, vnode.tag);
    this.applyCommon(node, vnode, undefined);
    if (custom) {
      const mounted: MountedElement = { kind: 'element', vnode, node, component, children: [] };
      this.records.set(node, mounted);
      this.options.customElements!.mount(node, vnode);
      return mounted;
    }
    component.update(node, vnode.attrs, undefined, this.context);
    const mounted: MountedElement = { kind: 'element', vnode, node, component, children: [] };
    if (!component.ownsContent) {
      for (const child of vnode.children) {
        const created = this.create(child);
        mounted.children.push(created);
        node.appendChild(created.node);
      }
    }
    this.records.set(node, mounted);
    return mounted;
  }

  private patch(mounted: Mounted, vnode: VNode): void {
    if (mounted.vnode === vnode) return;
    if (mounted.kind === 'text') {
      const text = (vnode as typeof mounted.vnode).text;
      if (mounted.vnode.text !== text) mounted.node.data = text;
      mounted.vnode = vnode as typeof mounted.vnode;
      return;
    }
    const next = vnode as VElement;
    const previous = mounted.vnode;
    this.applyCommon(mounted.node, next, previous);
    if (mounted.component === CUSTOM_HOST) {
      mounted.vnode = next;
      this.options.customElements!.update(mounted.node, next, previous);
      return;
    }
    mounted.component.update(mounted.node, next.attrs, previous.attrs, this.context);
    mounted.vnode = next;
    if (!mounted.component.ownsContent) mounted.children = this.patchChildren(mounted.node, mounted.children, next.children);
  }

  private componentFor(tag: string): Component {
    const component = COMPONENTS.get(tag);
    if (component) return component;
    if (tag === 'slot') return SLOT;
    if (!this.unknown.has(tag)) {
      this.unknown.add(tag);
      this.options.onUnknownTag?.(tag);
    }
    return UNKNOWN_COMPONENT;
  }

  /** class, style (rpx converted), id, hidden, aria-* / role, and the dataset's plain values as data-*. */
  private applyCommon(element: HTMLElement, next: VElement, previous: VElement | undefined): void {
    const attrs = next.attrs;
    const before = previous?.attrs;
    if (before === undefined || attrs.class !== before.class) {
      const className = toText(attrs.class).trim();
      if (className) element.className = className;
      else if (element.hasAttribute('class')) element.removeAttribute('class');
    }
    if (before === undefined || attrs.style !== before.style) {
      const style = this.style(toText(attrs.style));
      if (style) element.setAttribute('style', style);
      else if (element.hasAttribute('style')) element.removeAttribute('style');
    }
    if (before === undefined || attrs.id !== before.id) {
      const id = toText(attrs.id);
      if (id) element.id = id;
      else if (element.hasAttribute('id')) element.removeAttribute('id');
    }
    if (next.scope !== previous?.scope) {
      if (next.scope) element.setAttribute(SCOPE_ATTRIBUTE, next.scope);
      else element.removeAttribute(SCOPE_ATTRIBUTE);
    }
    const hidden = Boolean(attrs.hidden);
    if (element.hidden !== hidden) element.hidden = hidden;
    for (const name in attrs) {
      if ((name.startsWith('aria-') || name === 'role') && (before === undefined || attrs[name] !== before[name])) element.setAttribute(name, toText(attrs[name]));
    }
    if (before !== undefined) {
      for (const name in before) if ((name.startsWith('aria-') || name === 'role') && !(name in attrs)) element.removeAttribute(name);
    }
    this.reflectDataset(element, next.dataset, previous?.dataset);
  }

  private reflectDataset(element: HTMLElement, dataset: Record<string, unknown>, previous: Record<string, unknown> | undefined): void {
    if (dataset === previous) return;
    for (const key in dataset) {
      const value = dataset[key];
      if (key.startsWith('tt') || (previous !== undefined && Object.is(previous[key], value))) continue;
      if (isReflectable(value)) element.setAttribute(datasetAttribute(key), String(value));
      else if (previous !== undefined) element.removeAttribute(datasetAttribute(key));
    }
    if (previous !== undefined) {
      for (const key in previous) if (!(key in dataset) && !key.startsWith('tt')) element.removeAttribute(datasetAttribute(key));
    }
  }

  /** Inline styles with rpx converted; cached because the same strings come back every render. */
  private style(style: string): string {
    if (!/rpx/i.test(style)) return style.trim();
    let converted = this.styleCache.get(style);
    if (converted === undefined) {
      converted = convertRpx(style, this.context.rpxToPx).trim();
      if (this.styleCache.size > 1000) this.styleCache.clear();
      this.styleCache.set(style, converted);
    }
    return converted;
  }
}

export function createDomRenderer(container: HTMLElement, options: DomRendererOptions): DomRenderer {
  return new Renderer(container, options);
}
