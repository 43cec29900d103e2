/**
 * Builds the guest's `tt` object from the boot list: host APIs go over the bridge; guest APIs (screen
 * effects) run here after the host has checked support and validated their parameters against the same
 * registry entry, and the host records their outcome. The guest carries no schemas: it stays small.
 */
import type { BaseCallContext, Implementation } from '../../../emulator-api/src/common/call.js';
import { argumentProblem, deliver, splitCallbacks, TtSyncError, type FailResult, type SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import { notEmulatedApis } from '../../../emulator-api/src/common/apis/not-emulated.js';
import { ttEnv } from '../../../emulator-api/src/common/tt-env.js';
import { Errno, isTtError } from '../../../emulator-api/src/common/errors.js';
import type { ClientProfile } from '../../../emulator-api/src/common/profiles.js';
import type { GuestApi } from '../../../emulator-api/src/protocol/messages.js';
import type { Bridge } from './bridge.js';
import { AppEvents, listenerImplementations } from './app-events.js';
import { taskViaHost } from './network-tasks.js';
import { storageApis } from './storage-mirror.js';
import { guestAnswers, type GuestAnswerOptions } from './guest-answers.js';
import { failFromError, failResult, notEmulatedFail } from '../../../emulator-api/src/common/fail-result.js';

/** Guest-side implementations by API name (showToast, navigateTo, …). */
export type GuestImplementations = Readonly<Record<string, Implementation<BaseCallContext>>>;

/**
 * A Sync API the guest runs itself (createCanvasContext). It returns at once: the sync bridge runs host APIs
 * only, so the host checks support and validates `params` right after and records the outcome; `checked`
 * settles with its verdict (undefined, or the fail result), which the returned object can act on.
 * `beforeRecord` runs when the host has accepted the call, right before its outcome is recorded (after the
 * renders of the calling turn): the last moment to apply rules to the call.
 */
export interface GuestSyncCall {
  readonly args: readonly unknown[];
  readonly checked: Promise<FailResult | undefined>;
}
export type GuestSyncImplementation = (call: GuestSyncCall, ctx: BaseCallContext) => { params: Record<string, unknown>; value: unknown; beforeRecord?: () => void };


/** What a guest-side API gets: the arguments after its parameter object too (a component instance: canvasToTempFilePath(params, this)). */
export interface GuestCallContext extends BaseCallContext {
  readonly rest: readonly unknown[];
}

export interface TtBuildOptions {
  readonly apis: readonly GuestApi[];
  /** What the host worked out for this profile at launch (boot payload), answered without a round trip. */
  readonly answers: Pick<GuestAnswerOptions, 'canIUse' | 'systemInfo'>;
  readonly profile: ClientProfile;
  readonly bridge: Bridge;
  readonly guestImplementations: GuestImplementations;
  readonly onCallbackError: (api: string, error: unknown) => void;
  /** Counts calls in flight, for the automation's "wait until idle". */
  readonly track: <T>(work: Promise<T>) => Promise<T>;
}

/** A simulator never has a newer package: the check answers "no update" and nothing else ever fires. */
const updateManager = Object.freeze({
  onCheckForUpdate(callback: unknown) {
    if (typeof callback === 'function') setTimeout(() => (callback as (r: { hasUpdate: boolean }) => void)({ hasUpdate: false }), 0);
  },
  onUpdateReady() {},
  onUpdateFailed() {},
  applyUpdate() {},
});

const localFail = failResult;

/** The app-level event listeners of each tt object buildTt made (the gadget runtime emits appShow, error, …). */
const appEventsByTt = new WeakMap<object, AppEvents>();

/** The listeners tt.on<Event> added to this tt object (undefined for an object buildTt did not make). */
export function appEventsOf(tt: object): AppEvents | undefined {
  return appEventsByTt.get(tt);
}

export function buildTt(options: TtBuildOptions): { tt: Record<string, unknown>; fileSystemManager: Record<string, unknown> } {
  const { bridge } = options;
  const appEvents = new AppEvents((event, error) => options.onCallbackError(`on${event.charAt(0).toUpperCase()}${event.slice(1)}`, error));
  bridge.onAppEvent((event, payload) => appEvents.emit(event, payload as never));
  const guestImplementations: GuestImplementations = { ...(listenerImplementations(appEvents) as unknown as GuestImplementations), ...options.guestImplementations };

  const viaHost = (api: GuestApi) => (arg?: unknown) => {
    const split = splitCallbacks(arg);
    const problem = argumentProblem(split);
    const settled: Promise<SuccessResult | FailResult> = problem
      ? Promise.resolve(localFail(api.name, Errno.invalidParameter, problem))
      : options.track(bridge.call(api.name, split.params));
    return deliver(settled, split.callbacks, (error) => options.onCallbackError(api.name, error));
  };

  const syncViaHost = (api: GuestApi) => (...args: unknown[]) => {
    const answer = bridge.callSync(api.name, args);
    if (answer.ok) return answer.value;
    throw new TtSyncError(answer.fail);
  };

  const shortName = (api: string) => api.split('.').pop()!;

  const inGuest = (api: GuestApi) => {
    const implementation = guestImplementations[api.name] as ((params: unknown, ctx: GuestCallContext) => unknown) | undefined;
    if (!implementation) return viaHost(api);
    const remote = viaHost(api);
    return (arg?: unknown, ...rest: unknown[]) => {
      if (bridge.mocked.has(api.name)) return remote(arg);
      const split = splitCallbacks(arg);
      const problem = argumentProblem(split);
      const startedAt = Date.now();
      const started = performance.now();
      const run = async (): Promise<SuccessResult | FailResult> => {
        if (problem) return localFail(api.name, Errno.invalidParameter, problem);
        // Only the host round trip counts as activity: a modal waits for the user, not for ttsim.
        const prepared = await options.track(bridge.prepare(api.name, split.params));
        if (!prepared.ok) return prepared.fail;
        const rules: string[] = [];
        let result: SuccessResult | FailResult;
        try {
          const value = await implementation(prepared.params, { profile: options.profile, applyRule: (id) => void rules.push(id), rest } satisfies GuestCallContext);
          result = { errMsg: `${shortName(api.name)}:ok`, ...(value as object) };
        } catch (error) {
          if (isTtError(error) && error.rule) rules.push(error.rule);
          result = failFromError(api.name, error);
        }
        bridge.post({ t: 'outcome', api: api.name, params: split.params, result, rules, startedAt, durationMs: performance.now() - started });
        return result;
      };
      return deliver(run(), split.callbacks, (error) => options.onCallbackError(api.name, error));
    };
  };

  const syncInGuest = (api: GuestApi) => {
    const implementation = guestImplementations[api.name] as unknown as GuestSyncImplementation | undefined;
    if (!implementation) return syncViaHost(api);
    return (...args: unknown[]) => {
      const startedAt = Date.now();
      const started = performance.now();
      const rules: string[] = [];
      let settle!: (fail: FailResult | undefined) => void;
      const checked = new Promise<FailResult | undefined>((resolve) => (settle = resolve));
      const { params, value, beforeRecord } = implementation({ args, checked }, { profile: options.profile, applyRule: (id) => void rules.push(id) });
      void options.track(bridge.prepare(api.name, params)).then((prepared) => {
        if (prepared.ok) beforeRecord?.();
        // A refusal is already recorded by the host; an accepted call is recorded here (without its value, an object of functions).
        if (prepared.ok) bridge.post({ t: 'outcome', api: api.name, params, result: { errMsg: `${shortName(api.name)}:ok` }, rules, startedAt, durationMs: performance.now() - started });
        settle(prepared.ok ? undefined : prepared.fail);
      });
      return value;
    };
  };

  /**
   * A Feishu API ttsim knows by name but does not emulate: it fails like a client without it (errno 103)
   * instead of being undefined, and the host marks the call "not emulated by ttsim". Sync ones throw the
   * fail, as a failing Sync API does; listener registrations (onX(fn)) return nothing.
   */
  const notEmulated = (name: string) => {
    const fail = notEmulatedFail(name);
    const report = (params: unknown) => bridge.post({ t: 'outcome', api: name, params, result: fail, rules: [], startedAt: Date.now(), durationMs: 0 });
    if (name.endsWith('Sync')) {
      return (...args: unknown[]) => {
        report(args);
        throw new TtSyncError(fail);
      };
    }
    return (arg?: unknown) => {
      if (arg !== undefined && (arg === null || typeof arg !== 'object')) {
        report(typeof arg === 'function' ? '[function]' : arg);
        return undefined;
      }
      const split = splitCallbacks(arg);
      report(split.params);
      return deliver(Promise.resolve(fail), split.callbacks, (error) => options.onCallbackError(name, error));
    };
  };

  const tt: Record<string, unknown> = {};
  const fileSystemManager: Record<string, unknown> = {};
  for (const name of notEmulatedApis) tt[name] = notEmulated(name);
  // Storage reads come from the guest's copy, canIUse and getSystemInfo from the host's answers; task APIs (request, connectSocket, …) return their task objects.
  const local = {
    ...storageApis(options.apis, { bridge, track: options.track, onCallbackError: options.onCallbackError, syncViaHost, viaHost }),
    ...guestAnswers(options.apis, { bridge, onCallbackError: options.onCallbackError, syncViaHost, viaHost, ...options.answers }),
  };
  const taskOptions = { bridge, track: options.track, onCallbackError: options.onCallbackError };
  for (const api of options.apis) {
    const fn = api.task ? taskViaHost(api, api.task, taskOptions) : (local[api.name] ?? (api.style === 'sync' ? (api.side === 'guest' ? syncInGuest(api) : syncViaHost(api)) : api.side === 'guest' ? inGuest(api) : viaHost(api)));
    const [owner, method] = api.name.split('.') as [string, string | undefined];
    if (method === undefined) tt[owner] = fn;
    else if (owner === 'FileSystemManager') fileSystemManager[method] = fn;
  }
  // getFileSystemManager runs on the host (support check, call record) and hands back the guest's object.
  const getManager = tt.getFileSystemManager as (() => unknown) | undefined;
  if (getManager) {
    tt.getFileSystemManager = () => {
      getManager();
      return fileSystemManager;
    };
  }
  // getUpdateManager likewise: the host checks support and records; the object lives here.
  const getUpdateManager = tt.getUpdateManager as (() => unknown) | undefined;
  if (getUpdateManager) {
    tt.getUpdateManager = () => {
      getUpdateManager();
      return updateManager;
    };
  }
  tt.env = ttEnv;
  Object.freeze(fileSystemManager);
  appEventsByTt.set(tt, appEvents);
  return { tt, fileSystemManager };
}
