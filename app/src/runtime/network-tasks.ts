/**
 * The guest's tt.request / uploadFile / downloadFile / connectSocket: the host does the work; the task
 * object (common/tasks.ts) lives here and gets the host's events over the bridge, while its abort / send /
 * close go back as task operations.
 */
import { argumentProblem, deliver, isFail, splitCallbacks, type FailResult, type SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import { Errno } from '../../../emulator-api/src/common/errors.js';
import { createTaskObject, returnTask, type TaskKind } from '../../../emulator-api/src/common/tasks.js';
import type { GuestApi } from '../../../emulator-api/src/protocol/messages.js';
import type { Bridge } from './bridge.js';
import { failResult } from '../../../emulator-api/src/common/fail-result.js';

export interface TaskApiOptions {
  readonly bridge: Bridge;
  readonly track: <T>(work: Promise<T>) => Promise<T>;
  readonly onCallbackError: (api: string, error: unknown) => void;
}

/** tt.<api> for an API that returns a task. */
export function taskViaHost(api: GuestApi, kind: TaskKind, options: TaskApiOptions): (arg?: unknown) => unknown {
  const { bridge } = options;
  return (arg?: unknown) => {
    const id = bridge.newTaskId();
    const task = createTaskObject(
      kind,
      {
        abort: () => bridge.taskOperation(id, 'abort'),
        socket: (method, params) => options.track(bridge.taskOperation(id, method, params)),
      },
      options.onCallbackError,
    );
    const stop = bridge.onTask(id, (event) => {
      task.dispatch(event);
      if (event.type === 'close') stop();
    });
    const call = (callArg: unknown) => {
      const split = splitCallbacks(callArg);
      const problem = argumentProblem(split);
      const settled: Promise<SuccessResult | FailResult> = problem
        ? Promise.resolve(failResult(api.name, Errno.invalidParameter, problem))
        : options.track(bridge.call(api.name, split.params, id));
      // A request task hears nothing after its result; a socket until it closes (or never opened).
      void settled.then((result) => {
        if (kind !== 'SocketTask' || isFail(result)) stop();
      });
      return deliver(settled, split.callbacks, (error) => options.onCallbackError(api.name, error));
    };
    return returnTask(kind, call, arg, task);
  };
}
