/**
 * The callback half of Feishu's standard object I/O: splitting success / fail / complete off the argument
 * and delivering a settled result to them (or to a Promise when none is given). Used by the in-process
 * dispatcher (call.ts) and by the guest runtime, whose host calls settle over the bridge.
 */
import type { ErrnoValue } from './errors.js';
import { describeValue } from './validation.js';

export interface SuccessResult {
  errMsg: string;
  [field: string]: unknown;
}

export interface FailResult {
  errMsg: string;
  errno: ErrnoValue;
  errString: string;
}

/** A Sync API's failure, thrown to the caller with errMsg, errno and errString. */
export class TtSyncError extends Error {
  readonly errMsg: string;
  readonly errno: ErrnoValue;
  readonly errString: string;
  constructor(result: FailResult) {
    super(result.errMsg);
    this.name = 'TtSyncError';
    this.errMsg = result.errMsg;
    this.errno = result.errno;
    this.errString = result.errString;
  }

  /** The fail result it carries. */
  result(): FailResult {
    return { errMsg: this.errMsg, errno: this.errno, errString: this.errString };
  }
}

export const callbackNames = ['success', 'fail', 'complete'] as const;
export type CallbackName = (typeof callbackNames)[number];

export interface SplitArgument {
  /** The argument was a plain object (or omitted). */
  readonly isObject: boolean;
  /** The argument as given, `{}` when omitted. */
  readonly input: unknown;
  /** The fields other than the callbacks. */
  readonly params: Record<string, unknown>;
  readonly callbacks: Partial<Record<CallbackName, unknown>>;
}

export function splitCallbacks(arg: unknown): SplitArgument {
  const input = arg === undefined ? {} : arg;
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  if (!isObject) return { isObject, input, params: {}, callbacks: {} };
  const { success, fail, complete, ...params } = input as Record<string, unknown>;
  return { isObject, input, params, callbacks: { success, fail, complete } };
}

/** `{}`: an argument that sets no parameter. */
export const isEmptyObject = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

/** What is wrong with the argument's shape or its callbacks, as a parameter-error detail; undefined when fine. */
export function argumentProblem(split: SplitArgument): string | undefined {
  if (!split.isObject) return `parameter error: expected an object but received ${describeValue(split.input)}`;
  for (const name of callbackNames) {
    const fn = split.callbacks[name];
    if (fn !== undefined && typeof fn !== 'function') return `parameter error: expected function for ${name} but received ${describeValue(fn)}`;
  }
  return undefined;
}

export const isFail = (result: SuccessResult | FailResult): result is FailResult => 'errno' in result;

/**
 * Hands a settled result to success or fail, then complete; a callback that throws is reported to
 * `onCallbackError`, never to the caller. Without callbacks, returns a Promise that resolves with the
 * success result and rejects with the fail result.
 */
export function deliver(
  settled: Promise<SuccessResult | FailResult>,
  callbacks: SplitArgument['callbacks'],
  onCallbackError: (error: unknown) => void,
): Promise<SuccessResult> | undefined {
  const hasCallbacks = callbackNames.some((name) => typeof callbacks[name] === 'function');
  if (!hasCallbacks) return settled.then((result) => (isFail(result) ? Promise.reject(result) : result));
  void settled.then((result) => {
    const guard = (fn: unknown) => {
      if (typeof fn !== 'function') return;
      try {
        fn(result);
      } catch (error) {
        onCallbackError(error);
      }
    };
    guard(isFail(result) ? callbacks.fail : callbacks.success);
    guard(callbacks.complete);
  });
  return undefined;
}
