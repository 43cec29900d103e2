/**
 * The task objects that tt.request / uploadFile / downloadFile / connectSocket return (RequestTask,
 * UploadTask, DownloadTask, SocketTask), built once here for both callers: the Node session, whose work
 * runs in-process, and the guest runtime, whose work runs on the host over the bridge. Whoever runs the
 * work hands events to `dispatch` and carries out abort / send / close through a TaskTransport.
 *
 * Return value (ttsim's choice, see the `task-object` rule of each API): with any of success / fail /
 * complete the call returns the task, as Feishu documents. Without callbacks, request / uploadFile /
 * downloadFile return the usual Promise with the task's methods on it (`await` works, `.abort()` too, as
 * in Taro); connectSocket always returns the SocketTask, because a Promise would hide it.
 */
import { argumentProblem, deliver, isFail, splitCallbacks, type FailResult, type SuccessResult } from './callbacks.js';
import { Errno } from './errors.js';
import { failResult } from './fail-result.js';

export const taskKinds = ['RequestTask', 'UploadTask', 'DownloadTask', 'SocketTask'] as const;
export type TaskKind = (typeof taskKinds)[number];

export type TaskEventType = 'headersReceived' | 'progressUpdate' | 'open' | 'message' | 'close' | 'error';

export interface TaskEvent {
  readonly type: TaskEventType;
  /** What the listener receives (e.g. { statusCode, header }, { progress, … }, { data }, { code, reason }). */
  readonly payload: Readonly<Record<string, unknown>>;
}

const eventsOf: Readonly<Record<TaskKind, readonly TaskEventType[]>> = {
  RequestTask: ['headersReceived'],
  UploadTask: ['headersReceived', 'progressUpdate'],
  DownloadTask: ['headersReceived', 'progressUpdate'],
  SocketTask: ['open', 'message', 'close', 'error'],
};

/** Close code of a socket that never opened or dropped without a close frame (RFC 6455 §7.1.5). */
export const ABNORMAL_CLOSURE = 1006;

/** How a task object reaches the work it controls. */
export interface TaskTransport {
  /** RequestTask / UploadTask / DownloadTask: the call fails with errno 301 unless it has settled. */
  abort(): void;
  /** SocketTask.send({ data }) and close({ code, reason }): settle with `<method>:ok` or a fail result. */
  socket(method: 'send' | 'close', params: Record<string, unknown>): Promise<SuccessResult | FailResult>;
}

export interface TaskObject {
  /** The object the gadget holds. */
  readonly object: Record<string, unknown>;
  /** Hands an event to the listeners registered with on<Event>. */
  dispatch(event: TaskEvent): void;
}

const upperFirst = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export function createTaskObject(kind: TaskKind, transport: TaskTransport, onCallbackError: (where: string, error: unknown) => void): TaskObject {
  const listeners = new Map<TaskEventType, ((payload: unknown) => void)[]>();
  const object: Record<string, unknown> = {};
  for (const type of eventsOf[kind]) {
    listeners.set(type, []);
    object[`on${upperFirst(type)}`] = (listener: unknown) => {
      if (typeof listener === 'function') listeners.get(type)!.push(listener as (payload: unknown) => void);
    };
    // Request tasks can remove listeners (WeChat-compatible); SocketTask documents no off methods.
    if (kind !== 'SocketTask') {
      object[`off${upperFirst(type)}`] = (listener?: unknown) => {
        const list = listeners.get(type)!;
        const at = list.indexOf(listener as (payload: unknown) => void);
        if (listener === undefined) list.length = 0;
        else if (at >= 0) list.splice(at, 1);
      };
    }
  }
  if (kind === 'SocketTask') {
    for (const method of ['send', 'close'] as const) {
      object[method] = (arg?: unknown) => {
        const split = splitCallbacks(arg);
        const problem = argumentProblem(split);
        const settled = problem
          ? Promise.resolve(failResult(method, Errno.invalidParameter, problem))
          : transport.socket(method, split.params);
        const promise = deliver(settled, split.callbacks, (error) => onCallbackError(`SocketTask.${method}`, error));
        // Without callbacks a failure is still in the event stream; an unawaited send must not raise an unhandled rejection.
        promise?.catch(() => undefined);
        return promise;
      };
    }
  } else {
    object.abort = () => transport.abort();
  }
  Object.freeze(object);
  return {
    object,
    dispatch(event) {
      for (const listener of [...(listeners.get(event.type) ?? [])]) {
        try {
          listener({ ...event.payload });
        } catch (error) {
          onCallbackError(`${kind}.on${upperFirst(event.type)}`, error);
        }
      }
    },
  };
}

/**
 * Calls a task-returning API and gives the gadget what it gets on a phone (see the file comment). A
 * SocketTask whose connectSocket call fails (bad url, blocked, offline, not supported) also reports error
 * then close to its listeners, so code that only listens on the task sees the failure.
 */
export function returnTask(kind: TaskKind, call: (arg: unknown) => Promise<SuccessResult> | undefined, arg: unknown, task: TaskObject): unknown {
  if (kind !== 'SocketTask') {
    const promise = call(arg);
    return promise ? Object.assign(promise, task.object) : task.object;
  }
  const failed = (result: FailResult) => {
    task.dispatch({ type: 'error', payload: { errMsg: result.errMsg, errno: result.errno } });
    task.dispatch({ type: 'close', payload: { code: ABNORMAL_CLOSURE, reason: result.errMsg } });
  };
  const split = splitCallbacks(arg);
  if (argumentProblem(split)) {
    call(arg)?.catch(failed);
    return task.object;
  }
  const userComplete = split.callbacks.complete;
  call({
    ...(split.input as object),
    complete: (result: SuccessResult | FailResult) => {
      try {
        if (typeof userComplete === 'function') (userComplete as (r: unknown) => void)(result);
      } finally {
        if (isFail(result)) failed(result);
      }
    },
  });
  return task.object;
}
