/**
 * One custom component on a page: its data and properties, setData, observers, lifetimes, events and its
 * own renderer, drawing the component's template into its host element.
 *
 * User code sees a separate object (`this` in methods, what selectComponent returns): the component's
 * methods plus `data`, `properties`, `is`, `id`, `dataset`, `setData`, `triggerEvent`, `selectComponent`,
 * `selectAllComponents`, `selectOwnerComponent` and `hasBehavior` — so a method name never collides with
 * the runtime's own fields.
 *
 * Order (WeChat's, inferred): created → properties from the parent's attributes (property observers and
 * data observers fire for values that differ from the defaults) → attached → first render → ready (after
 * the page's first render, before the page's onReady) … detached when the host leaves the page (its
 * components after it). `created` may call setData: the data changes and the first render shows it
 * (WeChat ignores setData there — assumed to be harmless).
 */
import { createDomRenderer, type DomRenderer } from '../../dom/renderer.js';
import { toText } from '../../ttml/text.js';
import type { VElement, VNode } from '../../ttml/vnode.js';
import type { Callback, Lifetime, PageLifetime } from './component-definition.js';
import type { LoadedComponent, UsingMap } from './component-registry.js';
import type { ComponentTree, TreeOwner, TriggerOptions } from './component-tree.js';
import { cloneData, parseDataPath, setByPath } from './data-path.js';
import { observerArguments, triggers } from './observers.js';
import { attributeOf, convertProperty, copyValue, sameValue } from './property-types.js';
import { HOST_ATTRIBUTE, PAGE_SCOPE } from './style-scope.js';
import type { WxEvent } from './wx-event.js';
import type { InstanceQueries } from '../selector-query/runtime.js';

type Segment = string | number;

const NODE = Symbol('ttsim.componentNode');

/** The host element and name of a component instance (`this` in component code); undefined for anything else. */
export function componentHostOf(value: unknown): { readonly host: HTMLElement; readonly is: string } | undefined {
  if (!(value instanceof ComponentPublicInstance)) return undefined;
  const node = value[NODE];
  return { host: node.host, is: node.definition.is };
}

/** Each live component by its host element (SelectorQuery: which renderer drew an element). */
const NODES_BY_HOST = new WeakMap<Element, ComponentNode>();

/** The component whose host element this is. */
export function componentAt(host: Element): ComponentNode | undefined {
  return NODES_BY_HOST.get(host);
}

/** The component of an instance (`this` in component code); undefined for anything else. */
export function componentNodeOf(value: unknown): ComponentNode | undefined {
  return value instanceof ComponentPublicInstance ? value[NODE] : undefined;
}

/** What component code sees as `this` (its methods are own properties of it). */
export class ComponentPublicInstance {
  declare readonly [NODE]: ComponentNode;

  get is(): string {
    return this[NODE].definition.is;
  }
  get id(): string {
    return toText(this[NODE].hostVNode.attrs.id);
  }
  get dataset(): Record<string, unknown> {
    return this[NODE].hostVNode.dataset;
  }
  get data(): Record<string, unknown> {
    return this[NODE].data;
  }
  /** The same object as `data` (WeChat). */
  get properties(): Record<string, unknown> {
    return this[NODE].data;
  }
  setData(patch: Record<string, unknown>, callback?: () => void): void {
    this[NODE].setData(patch, callback);
  }
  triggerEvent(name: string, detail?: unknown, options?: TriggerOptions): void {
    this[NODE].triggerEvent(name, detail, options);
  }
  /** Returns the instance; a callback (Douyin's documented form, inferred) gets it too, asynchronously. */
  selectComponent(selector: string, callback?: (instance: object | null) => void): object | null {
    return this[NODE].tree.selectFor(this[NODE], selector, false, callback) as object | null;
  }
  selectAllComponents(selector: string, callback?: (instances: object[]) => void): object[] {
    return this[NODE].tree.selectFor(this[NODE], selector, true, callback) as object[];
  }
  /** The page or component whose template uses this component. */
  selectOwnerComponent(): object {
    return this[NODE].owner.publicInstance;
  }
  hasBehavior(behavior: unknown): boolean {
    return this[NODE].definition.behaviors.has(behavior as never);
  }
  /** tt.createSelectorQuery().in(this): the nodes of this instance's own template. */
  createSelectorQuery(): unknown {
    return queriesOf(this[NODE]).selectorQuery(this);
  }
  /** tt.createIntersectionObserver(this, options). */
  createIntersectionObserver(options?: unknown): unknown {
    return queriesOf(this[NODE]).intersectionObserver(this, options);
  }
}

/** The page host's query factories (the tree's host is the page host plus the registry). */
function queriesOf(node: ComponentNode): InstanceQueries {
  const queries = (node.tree.host as { queries?: InstanceQueries }).queries;
  if (!queries) throw new Error(`${node.definition.is}: createSelectorQuery and createIntersectionObserver are not available in this runtime`);
  return queries;
}

export class ComponentNode implements TreeOwner {
  readonly instance: ComponentPublicInstance;
  readonly definition: LoadedComponent['definition'];
  readonly using: UsingMap;
  readonly depth: number;
  /** What this component's TTSS matches: its token, or the page's for `shared`. */
  readonly styleToken: string;
  data: Record<string, unknown>;
  hostVNode: VElement;
  private readonly renderer: DomRenderer;
  /** The scope tokens of the elements its template makes. */
  private readonly scope: string;
  private alive = false;
  private attached = false;
  private dirty = false;
  private renderQueued = false;
  private pendingCallbacks: (() => void)[] = [];
  /** A copy of each property's attribute value as the parent last passed it (unchanged values are not re-applied). */
  private readonly passed = new Map<string, unknown>();
  private readonly stamp = (vnode: VElement) => this.stampElement(vnode);

  constructor(
    readonly tree: ComponentTree,
    private readonly component: LoadedComponent,
    readonly host: HTMLElement,
    vnode: VElement,
    readonly owner: TreeOwner,
  ) {
    this.definition = component.definition;
    this.using = component.using;
    this.depth = owner.depth + 1;
    this.hostVNode = vnode;
    const isolation = this.definition.styleIsolation;
    this.styleToken = isolation === 'shared' ? PAGE_SCOPE : component.token;
    this.scope = isolation === 'isolated' ? component.token : `${component.token} ${PAGE_SCOPE}`;
    this.data = this.definition.initialData();
    this.instance = Object.create(ComponentPublicInstance.prototype) as ComponentPublicInstance;
    Object.defineProperty(this.instance, NODE, { value: this });
    for (const [name, method] of Object.entries(this.definition.methods)) {
      Object.defineProperty(this.instance, name, { value: method, writable: true, configurable: true, enumerable: true });
    }
    host.setAttribute(HOST_ATTRIBUTE, component.token);
    NODES_BY_HOST.set(host, this);
    tree.ensureStyle(component);
    const is = this.definition.is;
    this.renderer = createDomRenderer(host, {
      onEvent: (event) => ((event.owner as TreeOwner | undefined) ?? this).handleEvent(event.handler, tree.eventOf(event)),
      resolveImageSrc: (src) => tree.host.resolveImageSrc(is, src),
      onNavigate: (request) => tree.host.navigate(request.url, request.openType),
      onUnknownTag: (tag) => console.warn(`<${tag}> is not a Feishu component nor in usingComponents: ttsim renders it as a <view> (${is}.ttml)`),
      rpxToPx: tree.host.rpxToPx,
      customElements: tree.hooks,
      markContainer: false,
      eventOrigin: tree.pageBody,
    });
    tree.registerRenderer(host, this.renderer);
  }

  get publicInstance(): object {
    return this.instance;
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** The vnode this component's renderer last drew as `element` (its template's, or slot content). */
  vnodeOf(element: Element): VElement | undefined {
    return this.renderer.vnodeOf(element);
  }

  /** created → properties → attached → first render; ready is queued on the tree. */
  mount(): void {
    this.alive = true;
    this.callLifetime('created');
    this.applyProperties(this.hostVNode);
    this.attached = true;
    this.callLifetime('attached');
    if (!this.alive) return;
    this.tree.queueReady(this);
    this.renderNow();
  }

  /** The parent rendered again: new attributes, new slot content. */
  receive(vnode: VElement): void {
    if (!this.alive) return;
    const previous = this.hostVNode;
    this.hostVNode = vnode;
    const changed = this.applyProperties(vnode);
    const externalChanged = [...this.definition.externalClasses].some((name) => vnode.attrs[name] !== previous.attrs[name]);
    if (changed || externalChanged || vnode.children.length > 0 || previous.children.length > 0) this.renderNow();
  }

  detach(): void {
    if (!this.alive) return;
    this.callLifetime('detached');
    this.alive = false;
    this.renderer.destroy();
    this.pendingCallbacks = [];
  }

  setData(patch: Record<string, unknown>, callback?: () => void): void {
    if (patch === null || typeof patch !== 'object') throw new TypeError(`setData expects an object (${this.definition.is})`);
    const changed: Segment[][] = [];
    for (const [key, value] of Object.entries(patch)) {
      const segments = parseDataPath(key);
      if (segments.length === 1 && this.definition.properties.has(key)) this.setProperty(key, value);
      else setByPath(this.data, key, cloneData(value));
      changed.push(segments);
    }
    this.runObservers(changed);
    if (typeof callback === 'function') this.pendingCallbacks.push(callback);
    this.scheduleRender();
  }

  triggerEvent(name: string, detail: unknown, options: TriggerOptions | undefined): void {
    if (typeof name !== 'string' || name === '') throw new TypeError(`triggerEvent needs an event name (${this.definition.is})`);
    if (!this.alive) return;
    this.tree.triggerEvent(this, name, detail, options ?? {});
  }

  handleEvent(handler: string, event: WxEvent): void {
    const method = (this.instance as unknown as Record<string, unknown>)[handler];
    if (typeof method !== 'function') {
      console.warn(`Component "${this.definition.is}" does not have a method "${handler}" to handle event "${event.type}".`);
      return;
    }
    this.run(`${this.definition.is}.${handler}`, () => (method as (e: unknown) => unknown).call(this.instance, event));
  }

  callLifetime(name: Lifetime, ...args: unknown[]): void {
    const hooks = this.definition.lifetimes[name];
    this.tree.host.lifecycle(this.definition.is, name);
    for (const hook of hooks) this.callHook(hook, name, args);
  }

  callPageLifetime(name: PageLifetime, ...args: unknown[]): void {
    if (!this.alive) return;
    for (const hook of this.definition.pageLifetimes[name]) this.callHook(hook, `pageLifetimes.${name}`, args);
  }

  renderNow(): void {
    if (!this.alive) return;
    this.dirty = false;
    const slots = this.slotContent();
    const given = new Set<string>();
    this.tree.rendering++;
    try {
      const vnodes = this.component.template.render(this.data, {
        onElement: this.stamp,
        slot: (name) => {
          // One slot gets each content (WeChat renders a slot once); without multipleSlots the first
          // <slot> takes everything.
          const key = this.definition.multipleSlots ? name : '';
          if (given.has(key)) return [];
          given.add(key);
          return slots.get(key) ?? [];
        },
      });
      this.renderer.update(vnodes);
    } catch (error) {
      this.tree.host.reportError(error, `${this.definition.is}.ttml`);
    } finally {
      this.tree.rendering--;
    }
    this.flushCallbacks();
    this.tree.flushReady();
  }

  private flushCallbacks(): void {
    for (const callback of this.pendingCallbacks.splice(0)) this.run(`${this.definition.is} setData callback`, () => callback.call(this.instance));
  }

  private scheduleRender(): void {
    if (!this.alive) return;
    this.dirty = true;
    if (!this.attached || this.renderQueued) return;
    this.renderQueued = true;
    void this.tree.host.activity.track(
      Promise.resolve().then(() => {
        this.renderQueued = false;
        if (this.dirty) this.renderNow();
        else this.flushCallbacks();
      }),
    );
  }

  /** The host's children by slot name ('' = default; text goes to the default slot). */
  private slotContent(): Map<string, VNode[]> {
    const slots = new Map<string, VNode[]>();
    for (const child of this.hostVNode.children) {
      const name = this.definition.multipleSlots && child.kind === 'element' ? toText(child.attrs.slot) : '';
      const list = slots.get(name);
      if (list) list.push(child);
      else slots.set(name, [child]);
    }
    return slots;
  }

  /** Owner and scope of each element the template makes; external classes become the parent's classes. */
  private stampElement(vnode: VElement): void {
    vnode.owner = this;
    vnode.scope = this.scope;
    const external = this.definition.externalClasses;
    const className = vnode.attrs.class;
    if (external.size === 0 || typeof className !== 'string' || className === '') return;
    let mapped = false;
    const classes: string[] = [];
    for (const name of className.split(/\s+/)) {
      if (!external.has(name)) {
        if (name) classes.push(name);
        continue;
      }
      mapped = true;
      const given = toText(this.hostVNode.attrs[name]).trim();
      if (given) classes.push(...given.split(/\s+/));
    }
    if (!mapped) return;
    vnode.attrs.class = classes.join(' ');
    vnode.scope = `${this.scope} ${this.owner.styleToken}`;
  }

  /** Applies the parent's attributes to the declared properties; true if any was (re)set. */
  private applyProperties(vnode: VElement): boolean {
    const changed: Segment[][] = [];
    for (const name of this.definition.properties.keys()) {
      const attribute = attributeOf(name);
      const key = Object.hasOwn(vnode.attrs, attribute) ? attribute : Object.hasOwn(vnode.attrs, name) ? name : undefined;
      if (key === undefined) continue;
      const raw = vnode.attrs[key];
      // A snapshot, compared deeply: the parent's setData('list[1].name') changes its data in place.
      if (this.passed.has(name) && sameValue(this.passed.get(name), raw)) continue;
      this.passed.set(name, copyValue(raw));
      this.setProperty(name, raw);
      changed.push([name]);
    }
    if (changed.length > 0) this.runObservers(changed);
    return changed.length > 0;
  }

  /** Sets one property: converted to its type (a warning names the file), observer called on a change. */
  private setProperty(name: string, raw: unknown): void {
    const property = this.definition.properties.get(name)!;
    const { value, warning } = convertProperty(property, raw);
    if (warning) console.warn(`${this.definition.is}.js: ${warning}`);
    const previous = this.data[name];
    const next = copyValue(value);
    this.data[name] = next;
    if (property.observer !== undefined && !Object.is(previous, next)) this.callHook(property.observer, `property ${name} observer`, [next, previous]);
  }

  private runObservers(changed: readonly Segment[][]): void {
    for (const observer of this.definition.observers) {
      if (!observer.paths.some((path) => changed.some((segments) => triggers(path, segments)))) continue;
      this.callHook(observer.callback, `observers['${observer.key}']`, observerArguments(observer, this.data));
    }
  }

  private callHook(hook: Callback, name: string, args: unknown[]): void {
    const fn = typeof hook === 'string' ? (this.instance as unknown as Record<string, unknown>)[hook] : hook;
    if (typeof fn !== 'function') {
      console.warn(`${this.definition.is}: ${name} names the method "${String(hook)}", which the component does not have`);
      return;
    }
    this.run(`${this.definition.is} ${name}`, () => (fn as (...a: unknown[]) => unknown).apply(this.instance, args));
  }

  /** Runs component code: errors (also of a returned Promise) are reported, never thrown into the runtime. */
  private run(where: string, work: () => unknown): void {
    try {
      const result = work();
      if (result instanceof Promise) void this.tree.host.activity.track(result.catch((error: unknown) => this.tree.host.reportError(error, where)));
    } catch (error) {
      this.tree.host.reportError(error, where);
    }
  }
}
