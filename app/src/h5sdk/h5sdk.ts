/**
 * window.h5sdk for web apps, following Feishu's JSAPI flow: the page calls h5sdk.config(...) with its
 * signature; h5sdk.ready(fn) runs fn once config has succeeded; h5sdk.error(fn) receives config failures.
 * JSAPIs called before config succeeds fail with errno 105, except the ones Feishu lets through.
 * The host checks config against the session's JSSDK policy: any signature passes unless it is told to
 * reject one (ttsim cannot verify a signature without the app's secret).
 */
import { Errno } from '../../../emulator-api/src/common/errors.js';
import { apisWithoutConfig } from '../../../emulator-api/src/common/jssdk.js';
import type { FailResult } from '../../../emulator-api/src/common/callbacks.js';
import type { GuestCore } from '../runtime/guest-core.js';
import { failResult } from '../../../emulator-api/src/common/fail-result.js';

/** Callable without authentication (h5sdk.config's `apis-after-config` rule). */
const WITHOUT_AUTH: ReadonlySet<string> = new Set(apisWithoutConfig);

interface ConfigOptions {
  appId?: unknown;
  timestamp?: unknown;
  nonceStr?: unknown;
  signature?: unknown;
  jsApiList?: unknown;
  onSuccess?: (result: unknown) => void;
  onFail?: (error: unknown) => void;
}

export function createH5sdk(core: GuestCore) {
  let state: 'none' | 'pending' | 'ok' | 'failed' = 'none';
  const readyQueue: (() => void)[] = [];
  const errorHandlers: ((error: unknown) => void)[] = [];
  const emitUi = (what: string, detail: unknown) => core.emit({ kind: 'ui', what: `h5sdk.${what}`, detail });

  const runSafely = (fn: (...args: unknown[]) => void, ...args: unknown[]) => {
    try {
      fn(...args);
    } catch (error) {
      console.error('an h5sdk callback threw:', error);
    }
  };

  const h5sdk = {
    config(options: ConfigOptions) {
      state = 'pending';
      const missing = ['appId', 'timestamp', 'nonceStr', 'signature'].filter((key) => options?.[key as keyof ConfigOptions] === undefined || options[key as keyof ConfigOptions] === '');
      const failed = (error: FailResult) => {
        state = 'failed';
        emitUi('config', { ok: false, errno: error.errno });
        if (typeof options?.onFail === 'function') runSafely(options.onFail, error);
        for (const handler of errorHandlers) runSafely(handler, error);
      };
      if (missing.length > 0) {
        setTimeout(() => failed(failResult('config', Errno.invalidParameter, `parameter error: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required`)), 0);
        return;
      }
      // The host decides (the session's JSSDK policy) and records the call.
      const { appId, timestamp, nonceStr, signature, jsApiList } = options;
      void core.activity.track(core.bridge.call('h5sdk.config', { appId, timestamp, nonceStr, signature, ...(jsApiList === undefined ? {} : { jsApiList }) })).then((result) => {
        if ('errno' in result) return failed(result as FailResult);
        state = 'ok';
        emitUi('config', { ok: true, appId, jsApiList });
        if (typeof options.onSuccess === 'function') runSafely(options.onSuccess, { errMsg: 'config:ok' });
        for (const fn of readyQueue.splice(0)) runSafely(fn);
      });
    },
    ready(fn: () => void) {
      if (typeof fn !== 'function') return;
      if (state === 'ok') setTimeout(() => runSafely(fn), 0);
      else readyQueue.push(fn);
    },
    error(fn: (error: unknown) => void) {
      if (typeof fn === 'function') errorHandlers.push(fn);
    },
  };

  // tt: the same bridge, gated on config for the APIs that need authentication.
  const tt: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(core.tt)) {
    if (typeof fn !== 'function' || WITHOUT_AUTH.has(name)) {
      tt[name] = fn;
      continue;
    }
    tt[name] = (...args: unknown[]) => {
      if (state === 'ok') return (fn as (...a: unknown[]) => unknown)(...args);
      const fail = failResult(name, Errno.authenticationFailed, `call h5sdk.config() and wait for h5sdk.ready() before using ${name}`);
      const options = args[0] as { fail?: (r: unknown) => void; complete?: (r: unknown) => void } | undefined;
      if (options && (typeof options.fail === 'function' || typeof options.complete === 'function')) {
        setTimeout(() => {
          if (typeof options.fail === 'function') runSafely(options.fail, fail);
          if (typeof options.complete === 'function') runSafely(options.complete, fail);
        }, 0);
        return undefined;
      }
      return Promise.reject(fail);
    };
  }
  return { h5sdk, tt: Object.freeze(tt) };
}
