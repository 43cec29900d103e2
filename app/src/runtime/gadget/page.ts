/**
 * A page instance: its data, setData with path keys, lifecycle, event handlers and rendering through the
 * compiled TTML into its own container.
 */
import { createDomRenderer, type DomEvent, type DomRenderer } from '../../dom/index.js';
import { unknownTagWarning } from '../../dom/components/unknown-tag.js';
import { compileTtml, type CompiledTtml, type ParseFile, type RenderOptions } from '../../ttml/index.js';
import type { Activity } from '../activity.js';
import type { UsingMap } from './component-registry.js';
import type { ComponentTree, TreeOwner } from './component-tree.js';
import { cloneData, getByPath, setByPath } from './data-path.js';
import { PAGE_SCOPE } from './style-scope.js';
import type { InstanceQueries } from '../selector-query/runtime.js';
import type { VElement } from '../../ttml/vnode.js';
import { wxEventOf, type WxEvent } from './wx-event.js';

export type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };


export interface PageHost {
  readonly activity: Activity;
  readonly files: Readonly<Record<string, string>>;
  /** A TTML file's raw tree, as the host parsed it (boot payload). */
  readonly parseTemplate: ParseFile;
  /** px per rpx: the window width / 750. */
  readonly rpxToPx: number;
  /** Host URL of a package or ttfile:// path named from this page. */
  resolveImageSrc(route: string, src: string): string;
  navigate(url: string, openType: string): void;
  rendered(page: PageInstance, ms: number): void;
  reportError(error: unknown, where: string): void;
  lifecycle(target: string, hook: string): void;
  /** The custom components a page may use (app.json's and its own usingComponents). */
  usingComponents?(route: string): UsingMap;
  /** this.createSelectorQuery() / this.createIntersectionObserver() of pages and components. */
  readonly queries?: InstanceQueries;
}

const NO_COMPONENTS: UsingMap = new Map();

export class PageInstance implements TreeOwner {
  readonly route: string;
  readonly options: Record<string, string>;
  data: Record<string, unknown>;
  readonly container: HTMLElement;
  private readonly methods: Record<string, unknown>;
  private readonly renderer: DomRenderer;
  private readonly template: CompiledTtml;
  private pendingCallbacks: (() => void)[] = [];
  private renderQueued = false;
  private readonly renderOptions: RenderOptions | undefined;
  renderSeq = 0;
  /** TreeOwner: the custom components this page's template may use. */
  readonly using: UsingMap;
  readonly depth = 0;
  readonly styleToken = PAGE_SCOPE;

  constructor(
    route: string,
    query: Record<string, string>,
    definition: PageOptions,
    /** The page's own box (its styles, shown or hidden with the page). */
    container: HTMLElement,
    /** Where the template renders (the `page` of TTSS). */
    body: HTMLElement,
    private readonly host: PageHost,
    /** The page's custom components (undefined when the package declares none). */
    private readonly components?: ComponentTree,
  ) {
    this.route = route;
    this.options = query;
    this.container = container;
    this.data = cloneData(definition.data ?? {});
    this.methods = {};
    for (const [key, value] of Object.entries(definition)) {
      if (key === 'data') continue;
      this.methods[key] = value;
      (this as unknown as Record<string, unknown>)[key] = value;
    }
    const path = `${route}.ttml`;
    const source = host.files[path];
    if (source === undefined) throw new Error(`${path} is missing: every page needs its .ttml file`);
    this.template = compileTtml(source, { path, load: (p: string) => host.files[p], parse: host.parseTemplate });
    for (const warning of this.template.warnings) console.warn(warning);
    this.renderer = createDomRenderer(body, {
      onEvent: (event) => this.dispatch(event),
      resolveImageSrc: (src: string) => host.resolveImageSrc(route, src),
      onNavigate: (e) => host.navigate(e.url, e.openType),
      onUnknownTag: (tag) => console.warn(`${unknownTagWarning(tag)} (${path})`),
      rpxToPx: host.rpxToPx,
      ...(components ? { customElements: components.hooks } : {}),
    });
    this.using = components && host.usingComponents ? host.usingComponents(route) : NO_COMPONENTS;
    if (components) {
      components.setPage(this);
      components.registerRenderer(body, this.renderer);
      this.renderOptions = { onElement: components.stampFor(this) };
    }
  }

  get publicInstance(): object {
    return this;
  }

  /** The first custom component matching `selector` in this page's template (not inside components), or null. */
  selectComponent(selector: string, callback?: (instance: object | null) => void): object | null {
    return (this.components?.selectFor(this, selector, false, callback) as object | null | undefined) ?? null;
  }

  selectAllComponents(selector: string, callback?: (instances: object[]) => void): object[] {
    return (this.components?.selectFor(this, selector, true, callback) as object[] | undefined) ?? [];
  }

  /** tt.createSelectorQuery().in(this): the nodes of this page's own template. */
  createSelectorQuery(): unknown {
    if (!this.host.queries) throw new Error('createSelectorQuery is not available in this runtime');
    return this.host.queries.selectorQuery(this);
  }

  /** tt.createIntersectionObserver(this, options). */
  createIntersectionObserver(options?: unknown): unknown {
    if (!this.host.queries) throw new Error('createIntersectionObserver is not available in this runtime');
    return this.host.queries.intersectionObserver(this, options);
  }

  /** The vnode the page's renderer last drew as `element` (not inside custom components: theirs draw that). */
  vnodeOf(element: Element): VElement | undefined {
    return this.renderer.vnodeOf(element);
  }

  /** The path-keyed update of the real framework; renders once per batch, then calls the callbacks. */
  setData(patch: Record<string, unknown>, callback?: () => void): void {
    if (patch === null || typeof patch !== 'object') throw new TypeError('setData expects an object');
    for (const [key, value] of Object.entries(patch)) setByPath(this.data, key, cloneData(value));
    if (typeof callback === 'function') this.pendingCallbacks.push(callback);
    this.scheduleRender();
  }

  getData(path?: string): unknown {
    return path ? getByPath(this.data, path) : this.data;
  }

  hasHook(name: string): boolean {
    return typeof this.methods[name] === 'function';
  }

  /** Calls a handler that is no lifecycle step (onPageScroll): not recorded in the event stream, which it would flood. */
  callHandler(name: string, ...args: unknown[]): void {
    const handler = this.methods[name];
    if (typeof handler !== 'function') return;
    try {
      (handler as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      this.host.reportError(error, `${this.route}.${name}`);
    }
  }

  /** Calls a lifecycle hook if the page has it; errors are reported, never thrown into the runtime. */
  callHook(name: string, ...args: unknown[]): unknown {
    this.host.lifecycle(this.route, name);
    // Components' ready comes before the page's onReady; their pageLifetimes follow the page's hook (WeChat, inferred).
    if (name === 'onReady') this.components?.enableReady();
    const hook = this.methods[name];
    let result: unknown;
    if (typeof hook === 'function') {
      try {
        result = (hook as (...a: unknown[]) => unknown).apply(this, args);
      } catch (error) {
        this.host.reportError(error, `${this.route}.${name}`);
      }
    }
    if (name === 'onShow') this.components?.pageLifetime('show');
    else if (name === 'onHide') this.components?.pageLifetime('hide');
    return result;
  }

  renderNow(): void {
    const started = performance.now();
    try {
      this.renderer.update(this.template.render(this.data, this.renderOptions));
    } catch (error) {
      this.host.reportError(error, `${this.route}.ttml`);
    }
    this.renderSeq++;
    this.host.rendered(this, performance.now() - started);
    for (const callback of this.pendingCallbacks.splice(0)) {
      try {
        callback.call(this);
      } catch (error) {
        this.host.reportError(error, `${this.route} setData callback`);
      }
    }
    this.components?.flushReady();
  }

  destroy(): void {
    this.renderer.destroy();
    this.container.remove();
  }

  private scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    void this.host.activity.track(
      Promise.resolve().then(() => {
        this.renderQueued = false;
        this.renderNow();
      }),
    );
  }

  private dispatch(event: DomEvent): void {
    // Slot content this page gave a component is drawn by the component's renderer, yet owned here.
    const owner = (event.owner as TreeOwner | undefined) ?? this;
    owner.handleEvent(event.handler, wxEventOf(event));
  }

  /** Calls the page method a template binding names with the event object. */
  handleEvent(handlerName: string, wxEvent: WxEvent): void {
    const handler = (this as unknown as Record<string, unknown>)[handlerName];
    if (typeof handler !== 'function') {
      console.warn(`Page "${this.route}" does not have a method "${handlerName}" to handle event "${wxEvent.type}".`);
      return;
    }
    try {
      const result = (handler as (e: unknown) => unknown).call(this, wxEvent);
      if (result instanceof Promise) void this.host.activity.track(result.catch((error: unknown) => this.host.reportError(error, `${this.route}.${handlerName}`)));
    } catch (error) {
      this.host.reportError(error, `${this.route}.${handlerName}`);
    }
  }
}
