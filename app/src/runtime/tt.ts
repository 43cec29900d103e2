/**
 * Builds the guest's `tt` object from the boot list: host APIs go over the bridge, guest APIs (screen
 * effects) run here through the same registry entry and dispatcher as on the host, and their call
 * records go to the host's event stream.
 */
import type { ApiSpec } from '../../../emulator-api/src/common/api-spec.js';
import { makeAsyncApi, makeSyncApi, TtSyncError, type BaseCallContext, type Implementation } from '../../../emulator-api/src/common/call.js';
import { argumentProblem, deliver, splitCallbacks, type FailResult, type SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import { Errno, errnoMeaning } from '../../../emulator-api/src/common/errors.js';
import type { ClientProfile } from '../../../emulator-api/src/common/profiles.js';
import { findApi } from '../../../emulator-api/src/common/registry.js';
import type { GuestApi } from '../../../main/src/common/protocol.js';
import type { Bridge } from './bridge.js';

/** Guest-side implementations by API name (showToast, navigateTo, …). */
export type GuestImplementations = Readonly<Record<string, Implementation<BaseCallContext>>>;

export interface TtBuildOptions {
  readonly apis: readonly GuestApi[];
  readonly profile: ClientProfile;
  readonly bridge: Bridge;
  readonly guestImplementations: GuestImplementations;
  readonly onCallbackError: (api: string, error: unknown) => void;
  /** Counts calls in flight, for the automation's "wait until idle". */
  readonly track: <T>(work: Promise<T>) => Promise<T>;
}

function localFail(api: string, errno: FailResult['errno'], detail: string): FailResult {
  return { errMsg: `${api.split('.').pop()}:fail ${detail}`, errno, errString: errnoMeaning[errno] };
}

export function buildTt(options: TtBuildOptions): { tt: Record<string, unknown>; fileSystemManager: Record<string, unknown> } {
  const { bridge } = options;

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

  const runner = {
    profile: options.profile,
    hooks: {
      onCall: (record: Parameters<NonNullable<Parameters<typeof makeAsyncApi>[2]['hooks']['onCall']>>[0]) => bridge.post({ t: 'record', record }),
      onCallbackError: options.onCallbackError,
    },
    timeoutMs: 24 * 60 * 60 * 1000,
    createContext: (base: BaseCallContext) => base,
  };

  const inGuest = (api: GuestApi, spec: ApiSpec) => {
    const implementation = options.guestImplementations[api.name];
    if (!implementation) return viaHost(api);
    const local = makeAsyncApi(spec, implementation, runner);
    const remote = viaHost(api);
    return (arg?: unknown) => {
      if (bridge.mocked.has(api.name)) return remote(arg);
      const result = local(arg);
      if (result) void options.track(result.catch(() => undefined));
      return result;
    };
  };

  const tt: Record<string, unknown> = {};
  const fileSystemManager: Record<string, unknown> = {};
  for (const api of options.apis) {
    const spec = findApi(api.name);
    let fn: unknown;
    if (api.side === 'guest' && spec) fn = api.style === 'async' ? inGuest(api, spec) : makeSyncApi(spec, options.guestImplementations[api.name]!, runner);
    else fn = api.style === 'async' ? viaHost(api) : syncViaHost(api);
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
  Object.freeze(fileSystemManager);
  return { tt, fileSystemManager };
}
