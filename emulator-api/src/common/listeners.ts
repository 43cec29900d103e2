/**
 * App-level events a gadget listens to with `tt.on<Event>(listener)` and stops with `tt.off<Event>(listener)`
 * (onNetworkStatusChange, onAppShow, onError, …). One table for both sides: the registry builds an on / off
 * pair of entries per event (apis/listener-spec.ts), the guest's tt builder one listener list per event
 * (app/src/runtime/app-events.ts). No zod here: the guest bundle imports this file.
 */

export const appEvents = ['networkStatusChange', 'appShow', 'appHide', 'error', 'pageNotFound'] as const;
export type AppEvent = (typeof appEvents)[number];

/** What getNetworkType answers and onNetworkStatusChange reports (Feishu's getNetworkType page lists these). */
export type NetworkType = 'wifi' | '2g' | '3g' | '4g' | 'unknown' | 'none' | 'connected';

export interface NetworkStatus {
  readonly isConnected: boolean;
  readonly networkType: NetworkType;
}

/** What a listener of each event is called with. */
export interface AppEventPayloads {
  networkStatusChange: NetworkStatus;
  /** As App.onShow: how the app was (re)opened. */
  appShow: { readonly path: string; readonly query: Readonly<Record<string, string>>; readonly scene: number };
  /** As App.onHide: no argument. */
  appHide: undefined;
  /** The error's message and stack, as App.onError gets it. */
  error: string;
  pageNotFound: { readonly path: string; readonly query: Readonly<Record<string, string>>; readonly isEntryPage: boolean };
}

export type AppEventListener<E extends AppEvent> = (payload: AppEventPayloads[E]) => void;

/**
 * The behaviour rules that say when each event fires (and what its listeners get), as the on / off entries
 * declare them (defineListenerApis checks the two agree). The guest records them with each on<Event> call:
 * they describe what the listener it adds will hear.
 */
export const eventRuleIds: { readonly [E in AppEvent]: readonly string[] } = {
  networkStatusChange: ['status-change'],
  appShow: ['with-app-onshow'],
  appHide: ['with-app-onhide'],
  error: ['uncaught-errors', 'api-failures-not-errors'],
  pageNotFound: ['entry-page', 'navigation-target'],
};

export type ListenerRole = 'on' | 'off';
export type OnApiName<E extends AppEvent = AppEvent> = `on${Capitalize<E>}`;
export type OffApiName<E extends AppEvent = AppEvent> = `off${Capitalize<E>}`;

/** The tt functions: `onX(listener)` adds it; `offX(listener)` removes it, `offX()` removes every listener of X. */
export type ListenerFunctions = { [E in AppEvent as OnApiName<E>]: (listener: AppEventListener<E>) => void } & {
  [E in AppEvent as OffApiName<E>]: (listener?: AppEventListener<E>) => void;
};

export function listenerApiName<E extends AppEvent, R extends ListenerRole>(role: R, event: E): R extends 'on' ? OnApiName<E> : OffApiName<E> {
  return `${role}${event.charAt(0).toUpperCase()}${event.slice(1)}` as R extends 'on' ? OnApiName<E> : OffApiName<E>;
}

/** Registry name → the event and whether it adds or removes a listener. */
export const listenerApis: ReadonlyMap<string, { readonly event: AppEvent; readonly role: ListenerRole }> = new Map(
  appEvents.flatMap((event) => (['on', 'off'] as const).map((role) => [listenerApiName(role, event), { event, role }] as const)),
);

/**
 * What crosses the bridge for a listener argument: the function stays in the guest, so the host sees
 * 'function', or the value itself when it is a primitive (for the "must be a function" message), or its type.
 */
export function listenerArgument(value: unknown): unknown {
  if (typeof value === 'function') return 'function';
  if (value === null || typeof value !== 'object') return value;
  return Array.isArray(value) ? 'array' : 'object';
}
