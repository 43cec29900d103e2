/**
 * Event delegation: one set of listeners on the container turns DOM events into TTML events and calls
 * onEvent for each binding, as the framework does:
 * - tap (click, unless the pointer moved more than 10px), longpress / longtap (pointer held 350 ms; a handled longpress cancels the tap) and
 *   touchstart / touchmove / touchend / touchcancel (pointer events) bubble through the element's ancestry:
 *   capture-bind / capture-catch handlers first from the outermost element in, then bind / catch handlers
 *   from the target out; a catch handler stops the event.
 * - component events (input, change, changing, confirm, focus, blur, load, error, scroll, …) go only to
 *   the component that raised them.
 * A tap inside a navigator then asks the host to navigate; a tap on a form-type button submits or resets its
 * form (components/form.ts). Components raise events of their own (a group's change, a picker's change)
 * through components/raise.ts: they go only to the element that raised them.
 */
import { toText } from '../ttml/text.js';
import type { VEventBinding } from '../ttml/vnode.js';
import { formAction } from './components/form.js';
import { navigateRequest, type NavigateRequest } from './components/navigator.js';
import { RAISED_EVENT, type RaisedEventDetail } from './components/raise.js';
import type { MountedElement } from './mounted.js';

export interface EventTargetInfo {
  id: string;
  dataset: Record<string, unknown>;
}

export interface DomEvent {
  /** The page method named by the binding. */
  handler: string;
  type: string;
  detail: unknown;
  /** The element whose binding this is. */
  currentTarget: EventTargetInfo;
  /** The element the event happened on. */
  target: EventTargetInfo;
  /** Whether the binding was catch… (it stopped the event). */
  catch: boolean;
  /** Custom components: the page or component whose template wrote the binding (its method handles it). */
  owner?: object;
}

export interface EventSink {
  onEvent(event: DomEvent): void;
  onNavigate?(request: NavigateRequest): void;
  /** Tap positions are relative to this element (the page root); default: the container. */
  origin?: Element;
  /**
   * A custom component's renderer sits inside its parent's: a catch… binding there stops the DOM event so
   * the parent's delegation does not run the bindings outside the component.
   */
  stopCaughtEvents?: boolean;
}

const LONGPRESS_MS = 350;
/** A pointer that moves further than this is a drag: no longpress. */
const TAP_SLOP_PX = 10;

const BUBBLING_COMPONENT_EVENTS = ['input', 'change', 'keydown', 'focusin', 'focusout'];
const NON_BUBBLING_COMPONENT_EVENTS = ['load', 'error', 'scroll'];

function describe(mounted: MountedElement): EventTargetInfo {
  return { id: toText(mounted.vnode.attrs.id), dataset: mounted.vnode.dataset };
}

export class EventDelegation {
  private pointer: { id: number; x: number; y: number; path: MountedElement[]; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private suppressTap = false;
  private readonly listeners: [string, EventListener, boolean][] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly lookup: (element: Element) => MountedElement | undefined,
    private readonly sink: EventSink,
  ) {
    this.listen('click', (e) => this.onClick(e as MouseEvent), false);
    for (const type of BUBBLING_COMPONENT_EVENTS) this.listen(type, (e) => this.onComponentEvent(e), false);
    for (const type of NON_BUBBLING_COMPONENT_EVENTS) this.listen(type, (e) => this.onComponentEvent(e), true);
    this.listen(RAISED_EVENT, (e) => this.onRaisedEvent(e as CustomEvent<RaisedEventDetail>), true);
    this.listen('pointerdown', (e) => this.onPointerDown(e as PointerEvent), false);
    this.listen('pointermove', (e) => this.onPointerMove(e as PointerEvent), false);
    this.listen('pointerup', (e) => this.onPointerEnd(e as PointerEvent, 'touchend'), false);
    this.listen('pointercancel', (e) => this.onPointerEnd(e as PointerEvent, 'touchcancel'), false);
  }

  detach(): void {
    for (const [type, listener, capture] of this.listeners) this.container.removeEventListener(type, listener, capture);
    this.listeners.length = 0;
    if (this.pointer?.timer !== undefined) clearTimeout(this.pointer.timer);
    this.pointer = undefined;
  }

  private listen(type: string, listener: EventListener, capture: boolean): void {
    this.container.addEventListener(type, listener, capture);
    this.listeners.push([type, listener, capture]);
  }

  /** The rendered elements from the event's target out to the container, innermost first. */
  private path(target: EventTarget | null): MountedElement[] {
    const path: MountedElement[] = [];
    for (let node = target as Node | null; node !== null && node !== this.container; node = node.parentNode) {
      const mounted = node.nodeType === 1 ? this.lookup(node as Element) : undefined;
      if (mounted) path.push(mounted);
    }
    return path;
  }

  private position(event: MouseEvent): { x: number; y: number } {
    const rect = (this.sink.origin ?? this.container).getBoundingClientRect();
    return { x: Math.round(event.clientX - rect.left), y: Math.round(event.clientY - rect.top) };
  }

  private call(binding: VEventBinding, type: string, detail: unknown, current: MountedElement, target: MountedElement): void {
    const owner = current.vnode.owner;
    this.sink.onEvent({ handler: binding.handler, type, detail, currentTarget: describe(current), target: describe(target), catch: binding.catch, ...(owner ? { owner } : {}) });
  }

  /** Capture phase outermost-in, then bubble phase innermost-out; returns whether any handler ran. */
  private dispatchBubbling(type: string, detail: unknown, path: MountedElement[], domEvent?: Event): boolean {
    const caught = () => {
      if (this.sink.stopCaughtEvents) domEvent?.stopPropagation();
      return true;
    };
    const target = path[0];
    if (target === undefined) return false;
    let handled = false;
    for (let i = path.length - 1; i >= 0; i--) {
      const current = path[i]!;
      for (const binding of current.vnode.events) {
        if (binding.event !== type || !binding.capture) continue;
        this.call(binding, type, detail, current, target);
        handled = true;
        if (binding.catch) return caught();
      }
    }
    for (const current of path) {
      let stop = false;
      for (const binding of current.vnode.events) {
        if (binding.event !== type || binding.capture) continue;
        this.call(binding, type, detail, current, target);
        handled = true;
        stop ||= binding.catch;
      }
      if (stop) return caught();
    }
    return handled;
  }

  private dispatchOwn(type: string, detail: unknown, mounted: MountedElement): void {
    for (const binding of mounted.vnode.events) {
      if (binding.event === type) this.call(binding, type, detail, mounted, mounted);
    }
  }

  private onClick(event: MouseEvent): void {
    if (this.suppressTap) {
      this.suppressTap = false;
      return;
    }
    const path = this.path(event.target);
    if (path.length === 0) return;
    this.dispatchBubbling('tap', this.position(event), path, event);
    const navigator = path.find((m) => m.vnode.tag === 'navigator');
    const request = navigator ? navigateRequest(navigator.vnode.attrs) : undefined;
    if (request) this.sink.onNavigate?.(request);
    const action = formAction(path, this.lookup);
    if (action) this.dispatchOwn(action.type, action.detail, action.form);
  }

  /** Only the delegation that drew the raising element runs its bindings (custom components nest delegations). */
  private onRaisedEvent(event: CustomEvent<RaisedEventDetail>): void {
    const target = event.target as Node | null;
    const mounted = target?.nodeType === 1 ? this.lookup(target as Element) : undefined;
    if (mounted !== undefined) this.dispatchOwn(event.detail.type, event.detail.detail, mounted);
  }

  private onComponentEvent(event: Event): void {
    const mounted = this.path(event.target)[0];
    if (mounted?.component.translate === undefined) return;
    for (const { type, detail } of mounted.component.translate(event, mounted.node, mounted.vnode.attrs)) this.dispatchOwn(type, detail, mounted);
  }

  private onPointerDown(event: PointerEvent): void {
    this.cancelLongpress();
    this.suppressTap = false;
    const path = this.path(event.target);
    if (path.length === 0) return;
    const position = this.position(event);
    const timer = setTimeout(() => {
      if (this.pointer === undefined) return;
      this.pointer.timer = undefined;
      const handled = this.dispatchBubbling('longpress', position, path);
      const handledLongtap = this.dispatchBubbling('longtap', position, path);
      if (handled || handledLongtap) this.suppressTap = true;
    }, LONGPRESS_MS);
    this.pointer = { id: event.pointerId, x: event.clientX, y: event.clientY, path, timer };
    this.dispatchBubbling('touchstart', position, path, event);
  }

  private onPointerMove(event: PointerEvent): void {
    const pointer = this.pointer;
    if (pointer === undefined || pointer.id !== event.pointerId) return;
    if (Math.hypot(event.clientX - pointer.x, event.clientY - pointer.y) > TAP_SLOP_PX) {
      // A drag: neither longpress nor tap.
      this.cancelLongpress();
      this.suppressTap = true;
    }
    this.dispatchBubbling('touchmove', this.position(event), pointer.path, event);
  }

  private onPointerEnd(event: PointerEvent, type: 'touchend' | 'touchcancel'): void {
    const pointer = this.pointer;
    if (pointer === undefined || pointer.id !== event.pointerId) return;
    this.cancelLongpress();
    this.pointer = undefined;
    this.dispatchBubbling(type, this.position(event), pointer.path, event);
  }

  private cancelLongpress(): void {
    if (this.pointer?.timer !== undefined) {
      clearTimeout(this.pointer.timer);
      this.pointer.timer = undefined;
    }
  }
}
