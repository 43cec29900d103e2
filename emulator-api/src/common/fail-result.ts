/**
 * The one place a fail result is made, host side and guest side alike: `<name>:fail <detail>` with errno
 * and errString. "Not emulated by ttsim" is one of them (errno 103, as on a client without the API).
 * A test (emulator-api/test/fail-result.test.ts) fails when another file builds one by hand.
 */
import type { FailResult } from './callbacks.js';
import { Errno, errnoMeaning, isTtError, type ErrnoValue } from './errors.js';

/** The word before `:fail` in errMsg: the last part of a registry name (FileSystemManager.readFile → readFile). */
export const errMsgWord = (name: string): string => name.split('.').pop()!;

/** `<name>:fail <detail>`; `name` is an API name (its last part is used) or the errMsg word itself. */
export function failResult(name: string, errno: ErrnoValue, detail: string): FailResult {
  return { errMsg: `${errMsgWord(name)}:fail ${detail}`, errno, errString: errnoMeaning[errno] ?? 'unknown error' };
}

/** A fail result for whatever an implementation threw: a TtError keeps its errno and detail, anything else is ttsim's own error (102). */
export function failFromError(name: string, error: unknown): FailResult {
  if (isTtError(error)) return failResult(name, error.errno, error.detail);
  return failResult(name, Errno.internal, `ttsim internal error: ${error instanceof Error ? error.message : String(error)}`);
}

/** What a Feishu API that ttsim knows by name but does not emulate answers: errno 103, as on a client without it. */
export function notEmulatedFail(api: string): FailResult {
  return failResult(api, Errno.notSupported, `${api} is not emulated by ttsim`);
}

/** The console warning that goes with the first not-emulated call of an API in a session. */
export function notEmulatedWarning(api: string): string {
  return `tt.${api} is not emulated by ttsim: it fails with errno 103, as on a client without it, and canIUse('${api}') is false`;
}
