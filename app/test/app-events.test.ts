/** The guest's app-level listeners (tt.on<Event> / off<Event>) and the App moments that call them. */
import { describe, expect, it, vi } from 'vitest';
import type { FailResult } from '../../emulator-api/src/common/callbacks.js';
import type { AppEvent } from '../../emulator-api/src/common/listeners.js';
import type { GuestEvent } from '../../emulator-api/src/protocol/messages.js';
import { AppEvents, listenerImplementations } from '../src/runtime/app-events.js';
import { AppLifecycle, errorText } from '../src/runtime/gadget/app-lifecycle.js';
import { SourcePositions } from '../src/runtime/gadget/source-positions.js';

const ctx = () => {
  const rules: string[] = [];
  return { rules, ctx: { profile: {} as never, applyRule: (id: string) => void rules.push(id) } };
};

describe('AppEvents', () => {
  it('adds a function once, removes one or all, calls in order and keeps going past a listener that throws', () => {
    const errors: [AppEvent, unknown][] = [];
    const events = new AppEvents((event, error) => errors.push([event, error]));
    const calls: string[] = [];
    const a = (p: unknown) => calls.push(`a ${String(p)}`);
    const b = () => {
      throw new Error('b broke');
    };
    const c = (p: unknown) => calls.push(`c ${String(p)}`);
    events.on('error', a);
    events.on('error', a);
    events.on('error', b);
    events.on('error', c);
    expect(events.emit('error', 'one')).toBe(3);
    expect(calls).toEqual(['a one', 'c one']);
    expect(errors).toEqual([['error', new Error('b broke')]]);
    events.off('error', a);
    events.emit('error', 'two');
    expect(calls).toEqual(['a one', 'c one', 'c two']);
    events.off('error');
    expect(events.emit('error', 'three')).toBe(0);
    expect(events.count('appShow')).toBe(0);
  });
});

describe('listenerImplementations: one factory for every on / off pair', () => {
  it('adds the function at once, sends "function" to the host, and removes it again when the host refuses', async () => {
    const events = new AppEvents(() => {});
    const implementations = listenerImplementations(events);
    expect(Object.keys(implementations)).toEqual(expect.arrayContaining(['onNetworkStatusChange', 'offNetworkStatusChange', 'onAppShow', 'offPageNotFound']));
    const listener = vi.fn();
    let refuse!: (fail: FailResult | undefined) => void;
    const checked = new Promise<FailResult | undefined>((resolve) => (refuse = resolve));
    const { rules, ctx: context } = ctx();
    expect(implementations.onNetworkStatusChange!({ args: [listener], checked }, context)).toEqual({ params: { callback: 'function' }, value: undefined });
    // The shared rule, then the event's own: when the added listener runs (status-change).
    expect(rules).toEqual(['listeners', 'status-change']);
    events.emit('networkStatusChange', { isConnected: false, networkType: 'none' });
    expect(listener).toHaveBeenCalledWith({ isConnected: false, networkType: 'none' });
    refuse({ errMsg: 'onNetworkStatusChange:fail not supported', errno: 103, errString: 'feature not supported' });
    await checked;
    await Promise.resolve();
    expect(events.count('networkStatusChange')).toBe(0);
  });

  it('keeps a listener the host accepts; a non-function adds nothing and shows the host what it got', async () => {
    const events = new AppEvents(() => {});
    const implementations = listenerImplementations(events);
    const accepted = Promise.resolve(undefined);
    implementations.onError!({ args: [() => {}], checked: accepted }, ctx().ctx);
    await accepted;
    expect(events.count('error')).toBe(1);
    const refused = ctx();
    expect(implementations.onError!({ args: [42], checked: accepted }, refused.ctx).params).toEqual({ callback: 42 });
    // The event's rules describe a listener that is added; a non-function adds nothing.
    expect(refused.rules).toEqual(['listeners']);
    expect(implementations.onError!({ args: [{ a: 1 }], checked: accepted }, ctx().ctx).params).toEqual({ callback: 'object' });
    expect(events.count('error')).toBe(1);
    const added = ctx();
    implementations.onError!({ args: [() => {}], checked: accepted }, added.ctx);
    expect(added.rules).toEqual(['listeners', 'uncaught-errors', 'api-failures-not-errors']);
    expect(events.count('error')).toBe(2);
  });

  it('off with a function removes it, off with none removes all and sends no argument', () => {
    const events = new AppEvents(() => {});
    const implementations = listenerImplementations(events);
    const never = new Promise<FailResult | undefined>(() => {});
    const a = () => {};
    const b = () => {};
    implementations.onAppHide!({ args: [a], checked: never }, ctx().ctx);
    implementations.onAppHide!({ args: [b], checked: never }, ctx().ctx);
    const off = ctx();
    expect(implementations.offAppHide!({ args: [a], checked: never }, off.ctx).params).toEqual({ callback: 'function' });
    expect(off.rules).toEqual(['listeners']);
    expect(events.count('appHide')).toBe(1);
    expect(implementations.offAppHide!({ args: [], checked: never }, ctx().ctx).params).toEqual({});
    expect(events.count('appHide')).toBe(0);
  });
});

describe('AppLifecycle: App hook first, then the listeners', () => {
  function lifecycle(app: Record<string, unknown> | undefined) {
    const order: string[] = [];
    const lifecycleEvents: GuestEvent[] = [];
    const reported: string[] = [];
    const events = new AppEvents((event, error) => order.push(`${event} listener threw ${String(error)}`));
    const host = new AppLifecycle({ app: () => app, events: () => events, emit: (e) => lifecycleEvents.push(e), reportError: (_e, where) => reported.push(where) });
    return { host, events, order, lifecycleEvents, reported };
  }

  it('show, hide and pageNotFound call App\'s hook, then tt\'s listeners, with the same argument', () => {
    const order: string[] = [];
    const app = {
      onShow: (o: { path: string }) => order.push(`App.onShow ${o.path}`),
      onHide: () => order.push('App.onHide'),
      onPageNotFound: (o: { path: string }) => order.push(`App.onPageNotFound ${o.path}`),
    };
    const { host, events, lifecycleEvents } = lifecycle(app);
    events.on('appShow', (o) => order.push(`tt.onAppShow ${(o as { path: string }).path}`));
    events.on('appHide', (o) => order.push(`tt.onAppHide ${String(o)}`));
    host.show({ path: 'pages/a/a', query: {}, scene: 1000 });
    host.hide();
    expect(host.pageNotFound({ path: 'pages/x/x', query: {}, isEntryPage: false })).toBe(true);
    expect(order).toEqual(['App.onShow pages/a/a', 'tt.onAppShow pages/a/a', 'App.onHide', 'tt.onAppHide undefined', 'App.onPageNotFound pages/x/x']);
    expect(lifecycleEvents.map((e) => (e.kind === 'lifecycle' ? e.hook : e.kind))).toEqual(['onShow', 'onHide', 'onPageNotFound']);
  });

  it('pageNotFound is false when nobody listens; a throwing App hook is reported and the listeners still run', () => {
    expect(lifecycle({}).host.pageNotFound({ path: 'p', query: {}, isEntryPage: true })).toBe(false);
    const { host, events, reported } = lifecycle({ onShow: () => { throw new Error('x'); } });
    const heard = vi.fn();
    events.on('appShow', heard);
    host.show({ path: 'p', query: {}, scene: 1000 });
    expect(reported).toEqual(['App.onShow']);
    expect(heard).toHaveBeenCalledOnce();
    expect(lifecycle(undefined).host.pageNotFound({ path: 'p', query: {}, isEntryPage: true })).toBe(false);
  });

  it('error: App.onError then the listeners; an error thrown while handling one is only logged', () => {
    const order: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const holder: { host?: AppLifecycle } = {};
    const app = {
      onError(text: string) {
        order.push(`App.onError ${text}`);
        holder.host!.error('nested');
        throw new Error('App.onError broke');
      },
    };
    const made = lifecycle(app);
    holder.host = made.host;
    made.events.on('error', (text) => order.push(`tt.onError ${String(text)}`));
    made.host.error('Error: boom');
    expect(order).toEqual(['App.onError Error: boom', 'tt.onError Error: boom']);
    expect(spy).toHaveBeenCalledWith('App.onError threw:', new Error('App.onError broke'));
    spy.mockRestore();
  });

  it('errorText: the stack for Errors, name and message for error-like values, else the value', () => {
    const positions = new SourcePositions(undefined);
    const error = new TypeError('bad');
    expect(errorText(error, positions)).toMatch(/^TypeError: bad\n/);
    expect(errorText({ name: 'ModuleError', message: 'missing' }, positions)).toBe('ModuleError: missing');
    expect(errorText('plain', positions)).toBe('plain');
  });
});
