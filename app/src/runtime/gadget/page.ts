/**
 * A page instance: its data, setData with path keys, lifecycle, event handlers and rendering through the
 * compiled TTML into its own container.
 */
import { createDomRenderer, type DomEvent, type DomRenderer } from '../../dom/index.js';
import { compileTtml, type CompiledTtml } from '../../ttml/index.js';
import type { Activity } from '../activity.js';
import { cloneData, getByPath, setByPath } from './data-path.js';

export type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> };


export interface PageHost {
  readonly activity: Activity;
  readonly files: Readonly<Record<string, string>>;
  /** px per rpx: the window width / 750. */
  readonly rpxToPx: number;
  /** Host URL of a package or ttfile:// path named from this page. */
  resolveImageSrc(route: string, src: string): string;
  navigate(url: string, openType: string): void;
  rendered(page: PageInstance, ms: number): void;
  reportError(error: unknown, where: string): void;
  lifecycle(target: string, hook: string): void;
}

export class PageInstance {
  readonly route: string;
  readonly options: Record<string, string>;
  data: Record<string, unknown>;
  readonly container: HTMLElement;
  private readonly methods: Record<string, unknown>;
  private readonly renderer: DomRenderer;
  private readonly template: CompiledTtml;
  private pendingCallbacks: (() => void)[] = [];
  private renderQueued = false;
  renderSeq = 0;

  constructor(
    route: string,
    query: Record<string, string>,
    definition: PageOptions,
    /** The page's own box (its styles, shown or hidden with the page). */
    container: HTMLElement,
    /** Where the template renders (the `page` of TTSS). */
    body: HTMLElement,
    private readonly host: PageHost,
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
    this.template = compileTtml(source, { path, load: (p: string) => host.files[p] });
    for (const warning of this.template.warnings) console.warn(warning);
    this.renderer = createDomRenderer(body, {
      onEvent: (event) => this.dispatch(event),
      resolveImageSrc: (src: string) => host.resolveImageSrc(route, src),
      onNavigate: (e) => host.navigate(e.url, e.openType),
      onUnknownTag: (tag) => console.warn(`<${tag}> is not a Feishu component: ttsim renders it as a <view> (${path})`),
      rpxToPx: host.rpxToPx,
    });
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

  /** Calls a lifecycle hook if the page has it; errors are reported, never thrown into the runtime. */
  callHook(name: string, ...args: unknown[]): unknown {
    this.host.lifecycle(this.route, name);
    const hook = this.methods[name];
    if (typeof hook !== 'function') return undefined;
    try {
      return (hook as (...a: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      this.host.reportError(error, `${this.route}.${name}`);
      return undefined;
    }
  }

  renderNow(): void {
    const started = performance.now();
    try {
      this.renderer.update(this.template.render(this.data));
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
    const handler = (this as unknown as Record<string, unknown>)[event.handler];
    if (typeof handler !== 'function') {
      console.warn(`Page "${this.route}" does not have a method "${event.handler}" to handle event "${event.type}".`);
      return;
    }
    const wxEvent = { type: event.type, timeStamp: Math.round(performance.now()), detail: event.detail, target: event.target, currentTarget: event.currentTarget, mark: {} };
    try {
      const result = (handler as (e: unknown) => unknown).call(this, wxEvent);
      if (result instanceof Promise) void this.host.activity.track(result.catch((error: unknown) => this.host.reportError(error, `${this.route}.${event.handler}`)));
    } catch (error) {
      this.host.reportError(error, `${this.route}.${event.handler}`);
    }
  }
}
