/**
 * The app's own moments — shown, hidden, an uncaught error, a page that does not exist — delivered to App()'s
 * hooks (onShow, onHide, onError, onPageNotFound) and then to the tt.on<Event> listeners of the same event,
 * as the WeChat-compatible family defines them ("该事件与 App.onShow 的回调时机一致").
 */
import type { AppEventPayloads } from '../../../../emulator-api/src/common/listeners.js';
import type { GuestEvent } from '../../../../emulator-api/src/protocol/messages.js';
import type { AppEvents } from '../app-events.js';
import type { SourcePositions } from './source-positions.js';

export interface AppLifecycleHost {
  /** What App({...}) registered (undefined before app.js ran or without App()). */
  app(): Record<string, unknown> | undefined;
  /** The tt.on<Event> listeners (undefined before the guest core started). */
  events(): AppEvents | undefined;
  /** Lifecycle events for the host's event stream. */
  emit(event: GuestEvent): void;
  /** An App hook threw (onShow, onHide, onPageNotFound): reported like any error. */
  reportError(error: unknown, where: string): void;
}

/** The text App.onError and tt.onError get: name, message and stack, positions mapped to the package's files. */
export function errorText(error: unknown, positions: SourcePositions): string {
  if (error instanceof Error) return error.stack ? positions.rewriteStack(error.stack) : `${error.name}: ${error.message}`;
  const e = error as { name?: unknown; message?: unknown } | null;
  if (e && typeof e === 'object' && typeof e.message === 'string') return `${typeof e.name === 'string' ? e.name : 'Error'}: ${e.message}`;
  return String(error);
}

export class AppLifecycle {
  /** Set while App.onError or an onError listener runs, so that an error there is not delivered again. */
  private inErrorHandler = false;

  constructor(private readonly host: AppLifecycleHost) {}

  /** App.onShow, then tt.onAppShow's listeners: at launch, and when the simulator page is visible again. */
  show(options: AppEventPayloads['appShow']): void {
    this.callHook('onShow', options);
    this.host.events()?.emit('appShow', options);
  }

  /** App.onHide, then tt.onAppHide's listeners. */
  hide(): void {
    this.callHook('onHide');
    this.host.events()?.emit('appHide', undefined);
  }

  /** App.onError, then tt.onError's listeners, with the error's text. Errors they throw are only logged. */
  error(text: string): void {
    if (this.inErrorHandler) return;
    this.inErrorHandler = true;
    try {
      const hook = this.host.app()?.onError;
      if (typeof hook === 'function') {
        this.host.emit({ kind: 'lifecycle', target: 'App', hook: 'onError' });
        try {
          (hook as (text: string) => void).call(this.host.app(), text);
        } catch (error) {
          console.error('App.onError threw:', error);
        }
      }
      this.host.events()?.emit('error', text);
    } finally {
      this.inErrorHandler = false;
    }
  }

  /** App.onPageNotFound, then tt.onPageNotFound's listeners; true when any of them listens. */
  pageNotFound(page: AppEventPayloads['pageNotFound']): boolean {
    const hooked = this.callHook('onPageNotFound', page);
    const heard = this.host.events()?.emit('pageNotFound', page) ?? 0;
    return hooked || heard > 0;
  }

  /** Calls App's hook if it has one (recorded as a lifecycle event); false when there is none. */
  private callHook(name: 'onShow' | 'onHide' | 'onPageNotFound', ...args: unknown[]): boolean {
    const app = this.host.app();
    const hook = app?.[name];
    this.host.emit({ kind: 'lifecycle', target: 'App', hook: name });
    if (typeof hook !== 'function') return false;
    try {
      (hook as (...a: unknown[]) => void).apply(app, args);
    } catch (error) {
      this.host.reportError(error, `App.${name}`);
    }
    return true;
  }
}
