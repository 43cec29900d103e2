/**
 * Feishu's standard object input / output around one API implementation: support check, parameter
 * validation, success / fail / complete callbacks or a Promise, errMsg / errno / errString, a timeout,
 * and one CallRecord per call for the event stream.
 */
import { errMsgName, type ApiSpec } from './api-spec.js';
import { Errno, isTtError, TtError, type ErrnoValue } from './errors.js';
import type { ClientProfile } from './profiles.js';
import { checkApiSupport, matrixSummary } from './support.js';
import type { Provenance } from './types.js';
import { argumentProblem, deliver, splitCallbacks, TtSyncError, type FailResult, type SuccessResult } from './callbacks.js';
import { closest, formatIssue } from './validation.js';
import { NOT_SUPPORTED, standardRule, UNKNOWN_PARAMS_IGNORED, UNKNOWN_PARAMS_STRICT } from './standard-io.js';
import { failFromError } from './fail-result.js';

export { TtSyncError, type FailResult, type SuccessResult } from './callbacks.js';

export interface AppliedRule {
  readonly id: string;
  readonly text: string;
  readonly provenance: Provenance;
}

export interface CallRecord {
  readonly seq: number;
  readonly api: string;
  readonly params: unknown;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly result: SuccessResult | FailResult;
  readonly errno?: ErrnoValue;
  readonly rules: readonly AppliedRule[];
  /**
   * What the call did that a developer should know although it did not fail: the parameters it dropped
   * ("parameter compressedWidth is not a Feishu parameter of compressImage; a client ignores it"). Absent when none.
   */
  readonly warnings?: readonly string[];
}

/** What every implementation gets; the node layer adds its sandbox and services. */
export interface BaseCallContext {
  readonly profile: ClientProfile;
  /** Marks a behaviour rule of this API as applied to this call (recorded in the CallRecord). */
  applyRule(id: string): void;
}

export type Implementation<Ctx extends BaseCallContext> = (params: never, ctx: Ctx) => unknown;

export interface CallHooks {
  onCall?(record: CallRecord): void;
  /** A guest callback (success / fail / complete) threw; the host keeps running. */
  onCallbackError?(api: string, error: unknown): void;
}

export interface CallRunnerOptions<Ctx extends BaseCallContext> {
  readonly profile: ClientProfile;
  readonly createContext: (base: BaseCallContext) => Ctx;
  readonly hooks: CallHooks;
  /** An async call that has not settled by then fails with errno 102, naming what it waited for. */
  readonly timeoutMs: number;
  /**
   * Unknown parameters fail with errno 104 (rule unknown-params-strict) instead of being dropped with a
   * warning (unknown-params-ignored, what a client does). Default false.
   */
  readonly strict?: boolean;
}

let nextSeq = 1;

/**
 * The one way a CallRecord is made (host calls, guest-run calls, test mocks): numbered in one sequence,
 * ok / errno derived from the result, and the result kept as data (see forRecord).
 */
export function makeCallRecord(call: { api: string; params: unknown; startedAt: number; durationMs: number; result: SuccessResult | FailResult; rules: readonly AppliedRule[]; warnings?: readonly string[] }): CallRecord {
  const result = forRecord(call.result) as SuccessResult | FailResult;
  const ok = !('errno' in result);
  const warnings = call.warnings && call.warnings.length > 0 ? { warnings: [...call.warnings] } : {};
  return { seq: nextSeq++, api: call.api, params: call.params, startedAt: call.startedAt, durationMs: call.durationMs, ok, result, ...(ok ? {} : { errno: (result as FailResult).errno }), rules: call.rules, ...warnings };
}

/** A rule that holds for every API (standard-io.ts) as a call records it. */
function appliedStandardRule(id: string): AppliedRule {
  const rule = standardRule(id);
  if (!rule) throw new Error(`ttsim bug: no standard rule ${id}`);
  return { id, text: rule.text, provenance: rule.provenance };
}

/**
 * The keys of `params` that `spec` does not have, each with the warning a call records for it:
 * "parameter compressedWidth is not a Feishu parameter of compressImage; a client ignores it (did you mean …?)".
 */
export function unknownParams(spec: ApiSpec, params: unknown): { key: string; warning: string }[] {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return [];
  const known = Object.keys(spec.params.shape);
  return Object.keys(params)
    .filter((key) => !Object.hasOwn(spec.params.shape, key))
    .map((key) => {
      const near = closest(key, known);
      return { key, warning: `parameter ${key} is not a Feishu parameter of ${spec.name}; a client ignores it${near ? ` (did you mean ${near}?)` : ''}` };
    });
}

/** A behaviour rule of `spec` as recorded with a call. */
function appliedRule(spec: ApiSpec, id: string): AppliedRule | undefined {
  const rule = spec.behaviours.find((r) => r.id === id);
  return rule && { id, text: rule.text, provenance: rule.provenance };
}

/** Rule `id` of `spec` as a call record carries it (for records made outside a call, e.g. SocketTask.send); an id the entry does not declare is a ttsim bug. */
export function declaredRule(spec: ApiSpec, id: string): AppliedRule {
  const rule = appliedRule(spec, id);
  if (!rule) throw new Error(`ttsim bug: ${spec.name} has no behaviour rule ${id}`);
  return rule;
}

class Invocation<Ctx extends BaseCallContext> {
  readonly rules: AppliedRule[] = [];
  readonly warnings: string[] = [];
  readonly startedAt = Date.now();
  private readonly started = performance.now();

  constructor(
    readonly spec: ApiSpec,
    readonly options: CallRunnerOptions<Ctx>,
    readonly params: unknown,
  ) {}

  context(): Ctx {
    return this.options.createContext({ profile: this.options.profile, applyRule: (id) => this.apply(id) });
  }

  /** Records rule `id` of this API as applied (once); an id the entry does not declare is a ttsim bug. */
  apply(id: string): void {
    const rule = declaredRule(this.spec, id);
    if (!this.rules.some((r) => r.id === id)) this.rules.push(rule);
  }

  /** Records a rule of the standard object I/O (standard-io.ts), once. */
  applyStandard(id: string, rule: AppliedRule = appliedStandardRule(id)): void {
    if (!this.rules.some((r) => r.id === id)) this.rules.push(rule);
  }

  /**
   * Support check and validation; returns the parsed parameters or throws TtError. Parameters the API does
   * not have are dropped with a warning (a client ignores them), or fail with 104 when the runner is strict.
   */
  prepare(): unknown {
    const verdict = checkApiSupport(this.spec, this.options.profile);
    if (!verdict.supported) {
      // The matrix decided: the record names it and its provenance (the same text for every call of this API).
      this.applyStandard(NOT_SUPPORTED, {
        id: NOT_SUPPORTED,
        text: `${this.spec.name} support matrix: ${matrixSummary(this.spec.support.matrix)} (✓ any version, ✗ never); outside it the call fails with errno 103.`,
        provenance: this.spec.support.provenance,
      });
      throw new TtError(Errno.notSupported, verdict.reason);
    }
    let input = this.params;
    const unknown = unknownParams(this.spec, input);
    if (unknown.length > 0) {
      if (this.options.strict) this.applyStandard(UNKNOWN_PARAMS_STRICT);
      else {
        this.applyStandard(UNKNOWN_PARAMS_IGNORED);
        this.warnings.push(...unknown.map((u) => u.warning));
        const dropped = new Set(unknown.map((u) => u.key));
        input = Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([key]) => !dropped.has(key)));
      }
    }
    const parsed = this.spec.params.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      const known = Object.keys(this.spec.params.shape);
      // A rule that describes a parameter's check (`validates`) is recorded when that parameter fails it.
      const failing = new Set(parsed.error.issues.map((issue) => issue.path[0]).filter((key) => key !== undefined).map(String));
      for (const rule of this.spec.behaviours) if (rule.validates !== undefined && failing.has(rule.validates)) this.apply(rule.id);
      throw new TtError(Errno.invalidParameter, `parameter error: ${parsed.error.issues.map((i) => formatIssue(i, input, known)).join('; ')}`);
    }
    return parsed.data;
  }

  toResult(value: unknown): SuccessResult | FailResult {
    const ok = `${errMsgName(this.spec)}:ok`;
    if (this.spec.style === 'sync') return { errMsg: ok, value } as SuccessResult;
    return { errMsg: ok, ...(value as object) };
  }

  toFail(error: unknown): FailResult {
    // A TtError made by shared code (the sandbox, the network) may name a rule this API does not declare.
    if (isTtError(error) && error.rule !== undefined && appliedRule(this.spec, error.rule)) this.apply(error.rule);
    return failFromError(errMsgName(this.spec), error);
  }

  record(result: SuccessResult | FailResult): void {
    this.options.hooks.onCall?.(
      makeCallRecord({ api: this.spec.name, params: this.params, startedAt: this.startedAt, durationMs: performance.now() - this.started, result, rules: this.rules, warnings: this.warnings }),
    );
  }
}

/**
 * A call record keeps data, not behaviour: functions in a result (a FileSystemManager, Stats.isFile) become
 * '[Function name]' so that the record can be stored, sent and shown without calling them.
 */
function forRecord(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (depth > 8 || value === null || typeof value !== 'object' || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map((v) => forRecord(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forRecord(v, depth + 1)]));
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TtError(Errno.internal, `timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * For APIs that run in the guest: the support check and parameter validation, done on the host so that the
 * guest needs no schema library. Returns the parsed parameters, or the fail result (already recorded).
 */
export function prepareGuestCall(spec: ApiSpec, params: unknown, options: CallRunnerOptions<BaseCallContext>): { ok: true; params: unknown } | { ok: false; fail: FailResult } {
  const invocation = new Invocation(spec, options, params);
  try {
    return { ok: true, params: invocation.prepare() };
  } catch (error) {
    const fail = invocation.toFail(error);
    invocation.record(fail);
    return { ok: false, fail };
  }
}

/** Records the outcome of a guest-run call, with the behaviour rules (by id) it applied. */
export function recordGuestCall(
  spec: ApiSpec,
  call: { params: unknown; result: SuccessResult | FailResult; rules: readonly string[]; startedAt: number; durationMs: number },
  options: CallRunnerOptions<BaseCallContext>,
): void {
  const rules = [...new Set(call.rules)].map((id) => appliedRule(spec, id)).filter((rule) => rule !== undefined);
  // The host accepted the call (prepareGuestCall), so any unknown parameter was dropped, not refused.
  const unknown = unknownParams(spec, call.params);
  if (unknown.length > 0) rules.unshift(appliedStandardRule(UNKNOWN_PARAMS_IGNORED));
  options.hooks.onCall?.(makeCallRecord({ ...call, api: spec.name, rules, warnings: unknown.map((u) => u.warning) }));
}

/** Builds the guest-facing function of an async API. */
export function makeAsyncApi<Ctx extends BaseCallContext>(
  spec: ApiSpec,
  implementation: Implementation<Ctx>,
  options: CallRunnerOptions<Ctx>,
): (arg?: unknown) => Promise<SuccessResult> | undefined {
  return (arg?: unknown) => {
    const split = splitCallbacks(arg);
    const invocation = new Invocation(spec, options, split.isObject ? split.params : split.input);
    const settled = (async (): Promise<SuccessResult | FailResult> => {
      try {
        const problem = argumentProblem(split);
        if (problem) throw new TtError(Errno.invalidParameter, problem);
        const parsed = invocation.prepare();
        const ctx = invocation.context();
        const value = await withTimeout(Promise.resolve().then(() => (implementation as (p: unknown, c: Ctx) => unknown)(parsed, ctx)), options.timeoutMs, `${spec.name} to finish`);
        const checked = spec.result.safeParse(value);
        if (!checked.success) throw new Error(`${spec.name} produced a result that does not match its schema: ${checked.error.message}`);
        return invocation.toResult(checked.data);
      } catch (error) {
        return invocation.toFail(error);
      }
    })().then((result) => {
      invocation.record(result);
      return result;
    });
    return deliver(settled, split.callbacks, (error) => options.hooks.onCallbackError?.(spec.name, error));
  };
}

/** Builds the guest-facing function of a sync API: returns the value or throws TtSyncError. */
export function makeSyncApi<Ctx extends BaseCallContext>(
  spec: ApiSpec,
  implementation: Implementation<Ctx>,
  options: CallRunnerOptions<Ctx>,
): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const params = spec.positional
      ? Object.fromEntries(spec.positional.slice(0, Math.max(args.length, spec.positional.length)).map((name, i) => [name, args[i]]))
      : (args[0] ?? {});
    const invocation = new Invocation(spec, options, params);
    let result: SuccessResult | FailResult;
    let value: unknown;
    try {
      const parsed = invocation.prepare();
      value = (implementation as (p: unknown, c: Ctx) => unknown)(parsed, invocation.context());
      if (value instanceof Promise) throw new Error(`${spec.name} is a sync API but its implementation returned a Promise`);
      result = invocation.toResult(value);
    } catch (error) {
      result = invocation.toFail(error);
    }
    invocation.record(result);
    if ('errno' in result) throw new TtSyncError(result as FailResult);
    return value;
  };
}
