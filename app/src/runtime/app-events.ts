/**
 * The guest's app-level event listeners: what tt.on<Event>(listener) adds and tt.off<Event>(listener)
 * removes (onNetworkStatusChange, onAppShow, onError, …), one list per event. The host's events arrive
 * through the bridge (networkStatusChange); the gadget runtime emits the others (app-lifecycle.ts).
 * Every on / off pair in the registry is built here by one factory, `listenerImplementations`.
 */
import { eventRuleIds, listenerApis, listenerArgument, type AppEvent, type AppEventPayloads, type OffApiName, type OnApiName } from '../../../emulator-api/src/common/listeners.js';
import type { GuestSyncImplementation } from './tt.js';

type Listener = (payload: unknown) => void;

export class AppEvents {
  private readonly listeners = new Map<AppEvent, Set<Listener>>();

  /** `onListenerError`: a listener threw (the others still run). */
  constructor(private readonly onListenerError: (event: AppEvent, error: unknown) => void) {}

  /** Adds `listener` once (adding it again changes nothing). */
  on(event: AppEvent, listener: Listener): void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
  }

  /** Removes `listener`, or every listener of the event without one. */
  off(event: AppEvent, listener?: Listener): void {
    if (listener === undefined) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(listener);
  }

  /** How many listeners the event has. */
  count(event: AppEvent): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  /** Calls the event's listeners in the order they were added; returns how many were called. */
  emit<E extends AppEvent>(event: E, payload: AppEventPayloads[E]): number {
    const listeners = [...(this.listeners.get(event) ?? [])];
    for (const listener of listeners) {
      try {
        listener(payload);
      } catch (error) {
        this.onListenerError(event, error);
      }
    }
    return listeners.length;
  }
}

/**
 * The guest implementation of every on<Event> / off<Event> API: the function stays here, the host gets
 * `listenerArgument(listener)` to check and record. A listener the host refuses (no such API on this
 * platform or client, or not a function) is removed again when its verdict comes.
 */
export function listenerImplementations(events: AppEvents): Record<OnApiName | OffApiName, GuestSyncImplementation> {
  const implementations = {} as Record<OnApiName | OffApiName, GuestSyncImplementation>;
  for (const [name, { event, role }] of listenerApis) {
    implementations[name as OnApiName | OffApiName] = ({ args, checked }, ctx) => {
      const listener = args[0];
      ctx.applyRule('listeners');
      if (role === 'off') {
        if (listener === undefined) events.off(event);
        else if (typeof listener === 'function') events.off(event, listener as Listener);
        return { params: listener === undefined ? {} : { callback: listenerArgument(listener) }, value: undefined };
      }
      if (typeof listener === 'function') {
        // What the added listener will hear, and when (with-app-onshow, status-change, …).
        for (const id of eventRuleIds[event]) ctx.applyRule(id);
        events.on(event, listener as Listener);
        void checked.then((fail) => {
          if (fail) events.off(event, listener as Listener);
        });
      }
      return { params: { callback: listenerArgument(listener) }, value: undefined };
    };
  }
  return implementations;
}
