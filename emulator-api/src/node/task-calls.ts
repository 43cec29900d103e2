/**
 * Calls of the APIs that return a task (request, uploadFile, downloadFile, connectSocket), for the two
 * kinds of caller: code in this process (tt.request(...) returns the task object) and the guest, whose task
 * object lives in the browser and reaches this one through the bridge (start() + TaskControl).
 */
import type { ApiSpec } from '../common/api-spec.js';
import { declaredRule, makeAsyncApi, makeCallRecord, type AppliedRule, type CallRunnerOptions, type Implementation } from '../common/call.js';
import type { FailResult, SuccessResult } from '../common/callbacks.js';
import { Errno, isTtError, TtError } from '../common/errors.js';
import { findApi } from '../common/registry.js';
import { createTaskObject, returnTask, type TaskEvent, type TaskKind, type TaskTransport } from '../common/tasks.js';
import { closest, describeValue } from '../common/validation.js';
import { standardIoRules, UNKNOWN_PARAMS_IGNORED, UNKNOWN_PARAMS_STRICT } from '../common/standard-io.js';
import type { NodeCallContext } from './context.js';
import { implementations } from './implementations.js';
import type { TaskHandle, TaskSet } from './tasks.js';
import { failFromError } from '../common/fail-result.js';

/** What the guest's task object reaches on the host. */
export interface TaskControl extends TaskTransport {
  /** The host-side id (connectSocket's socketTaskId). */
  readonly id: number;
  /** The caller went away (the guest page closed): stop the work, close the socket. */
  dispose(): void;
}

export interface RunningTask {
  /** The call's result, never rejected. */
  readonly settled: Promise<SuccessResult | FailResult>;
  readonly control: TaskControl;
}

/**
 * SocketTask.send / close parameters, checked by hand (their schema is two fields). Unknown keys are dropped
 * with a warning, as for every API (unknown-params-ignored), or refused when the session is strict.
 */
function socketParams(method: 'send' | 'close', params: Record<string, unknown>, strict: boolean, warnings: string[]): { data?: string | ArrayBuffer; code?: number; reason?: string } {
  const allowed = method === 'send' ? ['data'] : ['code', 'reason'];
  const unknown = Object.keys(params).filter((key) => !allowed.includes(key) && params[key] !== undefined);
  const hint = (key: string) => {
    const near = closest(key, allowed);
    return near ? ` (did you mean ${near}?)` : '';
  };
  if (unknown.length > 0 && strict) throw new TtError(Errno.invalidParameter, `parameter error: unknown parameter ${unknown.map((key) => `${key}${hint(key)}`).join(', ')}; accepted: ${allowed.join(', ')}`);
  for (const key of unknown) warnings.push(`parameter ${key} is not a Feishu parameter of SocketTask.${method}; a client ignores it${hint(key)}`);
  if (method === 'send') {
    const { data } = params;
    if (typeof data !== 'string' && !(data instanceof ArrayBuffer)) throw new TtError(Errno.invalidParameter, `parameter error: expected string or ArrayBuffer for data but received ${describeValue(data)}`);
    return { data };
  }
  const { code, reason } = params;
  if (code !== undefined && (typeof code !== 'number' || !Number.isInteger(code) || (code !== 1000 && (code < 3000 || code > 4999)))) {
    throw new TtError(Errno.invalidParameter, `parameter error: code must be 1000 or an integer 3000..4999 but received ${describeValue(code)}`);
  }
  if (reason !== undefined && (typeof reason !== 'string' || Buffer.byteLength(reason) > 123)) {
    throw new TtError(Errno.invalidParameter, `parameter error: reason must be a string of at most 123 bytes but received ${describeValue(reason)}`);
  }
  return { ...(code === undefined ? {} : { code }), ...(reason === undefined ? {} : { reason }) };
}

function requestedTimeout(arg: unknown): number {
  const timeout = arg !== null && typeof arg === 'object' ? (arg as { timeout?: unknown }).timeout : undefined;
  return typeof timeout === 'number' && Number.isFinite(timeout) ? timeout : 0;
}

export class TaskCalls {
  constructor(
    private readonly runner: CallRunnerOptions<NodeCallContext>,
    private readonly tasks: TaskSet,
    /** The network timeout of an API: the call's own timeout must not cut it short. */
    private readonly networkTimeoutOf: (api: string) => number,
  ) {}

  private prepare(spec: ApiSpec, kind: TaskKind, arg: unknown): { handle: TaskHandle; call: (arg: unknown) => Promise<SuccessResult> | undefined } {
    const handle = this.tasks.create(kind);
    const implementation = implementations[spec.name as keyof typeof implementations] as Implementation<NodeCallContext>;
    const { runner } = this;
    const call = makeAsyncApi(spec, implementation, {
      ...runner,
      // The network timeout (app.json or the call's own `timeout`) bounds the work, not the generic call timeout.
      timeoutMs: Math.max(runner.timeoutMs, this.networkTimeoutOf(spec.name), requestedTimeout(arg)) + 5_000,
      hooks: {
        ...runner.hooks,
        onCall: (record) => {
          // A SocketTask whose call failed also reports error then close to its listeners (returnTask does it, here and in the guest).
          runner.hooks.onCall?.(kind === 'SocketTask' && !record.ok ? { ...record, rules: [...record.rules, declaredRule(spec, 'failure-to-listeners')] } : record);
          // A request task ends with its call; a socket lives until it closes (or never opened).
          if (kind !== 'SocketTask' || !record.ok) handle.finish();
        },
      },
      createContext: (base) => ({ ...runner.createContext(base), task: handle }),
    });
    return { handle, call };
  }

  private control(handle: TaskHandle): TaskControl {
    return {
      id: handle.id,
      abort: () => handle.abort('abort'),
      dispose: () => handle.abort('page closed'),
      socket: (method, params) => this.socketOperation(handle, method, params),
    };
  }

  /** tt.<api> for code in this process. */
  buildApi(spec: ApiSpec, kind: TaskKind): (arg?: unknown) => unknown {
    return (arg?: unknown) => {
      const { handle, call } = this.prepare(spec, kind, arg);
      const task = createTaskObject(kind, this.control(handle), (where, error) => this.runner.hooks.onCallbackError?.(where, error));
      handle.onEvent(task.dispatch);
      return returnTask(kind, call, arg, task);
    };
  }

  /** Runs a task API for a caller elsewhere (the guest): events go to `onEvent`, the result to `settled`. */
  start(api: string, params: unknown, kind: TaskKind, onEvent: (event: TaskEvent) => void): RunningTask {
    const spec = findApi(api);
    if (!spec) throw new Error(`${api} is not a registered API`);
    const { handle, call } = this.prepare(spec, kind, params);
    handle.onEvent(onEvent);
    const settled = (call(params) ?? Promise.reject(new Error('a task API returned no Promise'))).then(
      (result) => result as SuccessResult | FailResult,
      (fail: FailResult) => fail,
    );
    return { settled, control: this.control(handle) };
  }

  /** SocketTask.send / close: checked, carried out, and recorded in the event stream like a call. */
  private async socketOperation(handle: TaskHandle, method: 'send' | 'close', params: Record<string, unknown>): Promise<SuccessResult | FailResult> {
    const startedAt = Date.now();
    const started = performance.now();
    let result: SuccessResult | FailResult;
    const rules: AppliedRule[] = [];
    const warnings: string[] = [];
    const strict = this.runner.strict ?? false;
    try {
      const checked = socketParams(method, params, strict, warnings);
      if (method === 'send') handle.requireSocket('send').send(checked.data!);
      else if (handle.socket && handle.socket.readyState !== 'closed') handle.socket.close(checked.code ?? 1000, checked.reason ?? '');
      result = { errMsg: `${method}:ok` };
    } catch (error) {
      result = failFromError(method, error);
      // SocketTask has no registry entry of its own: its rules are connectSocket's (send-before-open-fails).
      if (isTtError(error) && error.rule !== undefined) rules.push(declaredRule(findApi('connectSocket')!, error.rule));
    }
    const unknownRule = warnings.length > 0 ? UNKNOWN_PARAMS_IGNORED : strict && 'errno' in result && result.errno === Errno.invalidParameter && /unknown parameter/.test(result.errMsg) ? UNKNOWN_PARAMS_STRICT : undefined;
    const standard = standardIoRules.find((rule) => rule.id === unknownRule);
    if (standard) rules.unshift({ id: standard.id, text: standard.text, provenance: standard.provenance });
    this.runner.hooks.onCall?.(makeCallRecord({ api: `SocketTask.${method}`, params: { socketTaskId: handle.id, ...params }, startedAt, durationMs: performance.now() - started, result, rules, warnings }));
    return result;
  }
}
