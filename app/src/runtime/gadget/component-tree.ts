/**
 * The custom components of one page: which tags are components (per owner: the page or the component
 * whose template wrote the tag), their instances by host element, `triggerEvent` along the composed tree,
 * `selectComponent`, ready and page lifetimes, and each component's stylesheet (one per page, inside the
 * page's box, so it is switched off with the page's own styles while the page is hidden).
 */
import type { DomEvent } from '../../dom/events.js';
import type { CustomElementHooks, DomRenderer } from '../../dom/renderer.js';
import { toDomSelector } from '../../dom/selector.js';
import { toText } from '../../ttml/text.js';
import type { VElement, VEventBinding } from '../../ttml/vnode.js';
import type { Activity } from '../activity.js';
import type { PageLifetime } from './component-definition.js';
import { ComponentNode } from './component-instance.js';
import type { ComponentRegistry, LoadedComponent, UsingMap } from './component-registry.js';
import { ensureComponentRuntimeStyles } from './style-scope.js';
import { wxEvent, wxEventOf, type EventHandlerOwner, type WxEvent } from './wx-event.js';

/** Components nest at most this deep (a component that uses itself without end stops with an error). */
export const MAX_COMPONENT_DEPTH = 64;

/** A page or a component: a template's owner. */
export interface TreeOwner extends EventHandlerOwner {
  /** Tag → component path its template may use. */
  readonly using: UsingMap;
  /** 0 for the page. */
  readonly depth: number;
  /** The scope token its styles match (an external class of a child takes it). */
  readonly styleToken: string;
  /** What user code sees: the page instance or the component's `this`. */
  readonly publicInstance: object;
}

/** triggerEvent's third argument (WeChat's options). */
export interface TriggerOptions {
  bubbles?: boolean;
  composed?: boolean;
  capturePhase?: boolean;
}

export interface ComponentTreeHost {
  readonly activity: Activity;
  readonly rpxToPx: number;
  readonly registry: ComponentRegistry;
  /** URL of an image path written in the file `from` (a page route or component path). */
  resolveImageSrc(from: string, src: string): string;
  navigate(url: string, openType: string): void;
  reportError(error: unknown, where: string): void;
  lifecycle(target: string, hook: string): void;
}

interface PathEntry {
  readonly element: Element;
  readonly vnode: VElement;
  readonly owner: TreeOwner;
}

function describe(entry: PathEntry): { id: string; dataset: Record<string, unknown> } {
  return { id: toText(entry.vnode.attrs.id), dataset: entry.vnode.dataset };
}

export class ComponentTree {
  readonly hooks: CustomElementHooks;
  private page: TreeOwner | undefined;
  private readonly nodes = new Map<Element, ComponentNode>();
  /** Each renderer by its container (the page body or a component's host). */
  private readonly renderers = new WeakMap<Element, DomRenderer>();
  private readonly styled = new Set<string>();
  private readonly tooDeep = new Set<string>();
  private readyQueue: ComponentNode[] = [];
  private readyEnabled = false;
  /** Component renders in progress: ready waits until the outermost one has finished. */
  rendering = 0;

  constructor(
    readonly host: ComponentTreeHost,
    /** The page's box: component stylesheets go here. */
    private readonly styleParent: HTMLElement,
    /** The page root (tap positions are relative to it). */
    readonly pageBody: HTMLElement,
  ) {
    ensureComponentRuntimeStyles(styleParent.ownerDocument);
    this.hooks = {
      isCustom: (vnode) => this.componentFor(vnode) !== undefined,
      mount: (element, vnode) => {
        const component = this.componentFor(vnode);
        if (component === undefined) return;
        const node = new ComponentNode(this, component, element, vnode, this.ownerOf(vnode));
        this.nodes.set(element, node);
        node.mount();
      },
      update: (element, vnode) => this.nodes.get(element)?.receive(vnode),
      unmount: (element) => {
        const node = this.nodes.get(element);
        if (node === undefined) return;
        this.nodes.delete(element);
        node.detach();
      },
    };
  }

  /** The page that owns this tree (set once, by the page). */
  setPage(page: TreeOwner): void {
    this.page = page;
  }

  registerRenderer(container: Element, renderer: DomRenderer): void {
    this.renderers.set(container, renderer);
  }

  /** Stamps the page's own elements with their owner (event handlers, usingComponents). */
  stampFor(owner: TreeOwner): (vnode: VElement) => void {
    return (vnode) => {
      vnode.owner = owner;
    };
  }

  eventOf(event: DomEvent): WxEvent {
    return wxEventOf(event);
  }

  ensureStyle(component: LoadedComponent): void {
    const is = component.definition.is;
    if (component.css === undefined || this.styled.has(is)) return;
    this.styled.add(is);
    const style = this.styleParent.ownerDocument.createElement('style');
    style.dataset.ttsimStyle = `${is}.ttss`;
    style.textContent = component.css;
    this.styleParent.append(style);
  }

  // --- lifetimes -----------------------------------------------------------------------------------------

  queueReady(node: ComponentNode): void {
    this.readyQueue.push(node);
  }

  /** From the page's onReady on, a component's ready follows its first render; before, it waits for it. */
  enableReady(): void {
    this.readyEnabled = true;
    this.flushReady();
  }

  flushReady(): void {
    if (!this.readyEnabled || this.rendering > 0) return;
    for (const node of this.readyQueue.splice(0)) if (node.isAlive) node.callLifetime('ready');
  }

  pageLifetime(name: PageLifetime): void {
    for (const node of [...this.nodes.values()]) node.callPageLifetime(name);
  }

  // --- selectComponent -----------------------------------------------------------------------------------

  /**
   * The components `selector` matches among those `owner`'s template uses (not inside them), in document
   * order; `a >>> b` continues inside what `a` matched. Selectors are TTML selectors (`#id`, `.class`, tags).
   */
  select(owner: TreeOwner, selector: string): ComponentNode[] {
    let owners: TreeOwner[] = [owner];
    let found: ComponentNode[] = [];
    for (const part of selector.split('>>>').map((p) => p.trim())) {
      const domSelector = toDomSelector(part);
      found = [...this.nodes.values()].filter((node) => node.isAlive && owners.includes(node.owner) && node.host.matches(domSelector));
      owners = found;
    }
    return found.sort((a, b) => (a.host.compareDocumentPosition(b.host) & 4 /* FOLLOWING */ ? -1 : 1));
  }

  /** selectComponent / selectAllComponents for a page or a component; a bad selector logs and finds nothing. */
  selectFor(owner: TreeOwner, selector: string, all: boolean, callback?: (result: never) => void): object | object[] | null {
    let found: ComponentNode[] = [];
    try {
      found = typeof selector === 'string' ? this.select(owner, selector) : [];
    } catch (error) {
      console.error(`select${all ? 'All' : ''}Component(${JSON.stringify(selector)}): ${(error as Error).message}`);
    }
    const result = all ? found.map((node) => node.instance) : (found[0]?.instance ?? null);
    if (typeof callback === 'function') {
      void this.host.activity.track(
        Promise.resolve().then(() => {
          try {
            callback(result as never);
          } catch (error) {
            this.host.reportError(error, `select${all ? 'All' : ''}Component callback`);
          }
        }),
      );
    }
    return result;
  }

  // --- triggerEvent --------------------------------------------------------------------------------------

  /**
   * triggerEvent as WeChat documents it (inferred): the event starts at the component's host element;
   * - `bubbles: false, composed: false` (default): only the host's own bindings;
   * - `bubbles: true`: then up the tree of the host's owner (slot content bubbles to the component that
   *   holds it in the owner's tree, not through that component's insides);
   * - `composed: true`: it crosses component boundaries — with bubbles through every element up to the
   *   page, without only at each enclosing component's host;
   * - `capturePhase: true`: capture bindings run first, outermost in. A catch binding stops it.
   */
  triggerEvent(node: ComponentNode, name: string, detail: unknown, options: TriggerOptions): void {
    const path = this.composedPath(node.host);
    const start = path[0];
    if (start === undefined) return;
    const selected: { entry: PathEntry; target: PathEntry }[] = [];
    let tree = start.owner;
    let target = start;
    for (const entry of path) {
      const boundary = tree instanceof ComponentNode && entry.element === tree.host;
      if (boundary) {
        if (!options.composed) break;
        tree = entry.owner;
        target = entry;
      }
      if (entry === start || boundary || (options.bubbles && (options.composed || entry.owner === start.owner))) selected.push({ entry, target });
      if (!options.bubbles && !options.composed) break;
    }
    const run = (binding: VEventBinding, entry: PathEntry, eventTarget: PathEntry) => {
      entry.owner.handleEvent(binding.handler, wxEvent(name, detail, describe(eventTarget), describe(entry)));
      return binding.catch;
    };
    if (options.capturePhase) {
      for (let i = selected.length - 1; i >= 0; i--) {
        const { entry, target: t } = selected[i]!;
        for (const binding of entry.vnode.events) if (binding.event === name && binding.capture && run(binding, entry, t)) return;
      }
    }
    for (const { entry, target: t } of selected) {
      let stop = false;
      for (const binding of entry.vnode.events) if (binding.event === name && !binding.capture) stop = run(binding, entry, t) || stop;
      if (stop) return;
    }
  }

  /** The elements from a host up to the page root across renderers, each with its vnode and owner. */
  private composedPath(host: Element): PathEntry[] {
    const path: PathEntry[] = [];
    let element: Element = host;
    let above = this.rendererAbove(host);
    while (above !== undefined) {
      for (let node: Node | null = element; node !== null && node !== above.container; node = node.parentNode) {
        const vnode = node.nodeType === 1 ? above.renderer.vnodeOf(node as Element) : undefined;
        if (vnode !== undefined) path.push({ element: node as Element, vnode, owner: this.ownerOf(vnode) });
      }
      element = above.container;
      above = this.rendererAbove(element);
    }
    return path;
  }

  private rendererAbove(element: Element): { container: Element; renderer: DomRenderer } | undefined {
    for (let node = element.parentElement; node !== null; node = node.parentElement) {
      const renderer = this.renderers.get(node);
      if (renderer !== undefined) return { container: node, renderer };
    }
    return undefined;
  }

  // --- resolving tags ------------------------------------------------------------------------------------

  private ownerOf(vnode: VElement): TreeOwner {
    const owner = (vnode.owner as TreeOwner | undefined) ?? this.page;
    if (owner === undefined) throw new Error('the component tree has no page');
    return owner;
  }

  private componentFor(vnode: VElement): LoadedComponent | undefined {
    const owner = this.ownerOf(vnode);
    const path = owner.using.get(vnode.tag);
    if (path === undefined) return undefined;
    if (owner.depth >= MAX_COMPONENT_DEPTH) {
      if (!this.tooDeep.has(path)) {
        this.tooDeep.add(path);
        this.host.reportError(new Error(`custom components nest more than ${MAX_COMPONENT_DEPTH} levels deep at <${vnode.tag}> (${path}): does a component use itself without a tt:if that ends it?`), `${vnode.source.path}:${vnode.source.line}`);
      }
      return undefined;
    }
    return this.host.registry.load(path);
  }
}
