/** The event object a page or component method gets (WeChat-compatible shape). */
import type { DomEvent, EventTargetInfo } from '../../dom/events.js';

export interface WxEvent {
  readonly type: string;
  readonly timeStamp: number;
  readonly detail: unknown;
  readonly target: EventTargetInfo;
  readonly currentTarget: EventTargetInfo;
  readonly mark: Record<string, unknown>;
}

/** A page or a component: what a template's event bindings call. */
export interface EventHandlerOwner {
  handleEvent(handler: string, event: WxEvent): void;
}

export function wxEvent(type: string, detail: unknown, target: EventTargetInfo, currentTarget: EventTargetInfo): WxEvent {
  return { type, timeStamp: Math.round(performance.now()), detail, target, currentTarget, mark: {} };
}

export function wxEventOf(event: DomEvent): WxEvent {
  return wxEvent(event.type, event.detail, event.target, event.currentTarget);
}
