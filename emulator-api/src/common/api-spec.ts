/**
 * The shape of one registry entry. Each tt.* API is described once with `defineApi`; validation, canIUse,
 * TypeScript types, the CLI's `support` output, the README's API table and (later) the UI's matrix all read it.
 */
import type { z } from 'zod';
import type { ErrnoValue } from './errors.js';
import type { TaskKind } from './tasks.js';
import type { Platform, Provenance, SupportMatrix } from './types.js';

/**
 * How the guest calls the API:
 * - async: one options object with success / fail / complete callbacks, or a Promise when none is given
 * - sync: one options object (or positional arguments, see `positional`), returns the result or throws
 */
export type CallStyle = 'async' | 'sync';

/**
 * Where an API runs: 'host' in emulator-api's session; 'guest' in the guest runtime, for APIs whose effect
 * is on the simulated screen (navigation, toasts, modals, canvas). Both validate through their entry.
 */
export type ApiSide = 'host' | 'guest';

export interface BehaviourRule {
  /** Unique within the API; recorded with each call that applied it. */
  readonly id: string;
  /** The platforms it holds on. */
  readonly platforms: readonly Platform[] | 'all';
  readonly text: string;
  readonly provenance: Provenance;
  /**
   * The parameter whose schema check this rule describes: when validating that parameter fails, the call's
   * record carries this rule (the call fails with errno 104 before any implementation runs).
   */
  readonly validates?: string;
}

export interface FailureRule {
  readonly errno: ErrnoValue;
  readonly when: string;
  readonly provenance: Provenance;
}

/** Support of one parameter or option that came later than its API (canIUse `api.object.param`). */
export interface FieldSupport {
  readonly matrix: SupportMatrix;
  readonly provenance: Provenance;
}

export interface ApiSpec<
  Name extends string = string,
  Params extends z.ZodObject = z.ZodObject,
  Result extends z.ZodType = z.ZodType,
  Style extends CallStyle = CallStyle,
  Side extends ApiSide = ApiSide,
> {
  /** Registry name; `FileSystemManager.readFile` for methods of an object returned by another API. */
  readonly name: Name;
  /** The word before `:ok` / `:fail` in errMsg (defaults to the last part of `name`). */
  readonly errMsgName?: string;
  readonly style: Style;
  /** Where the API runs (see ApiSide); 'host' when left out. */
  readonly side?: Side;
  /** The task object the API returns (request → RequestTask, connectSocket → SocketTask, …), if any. */
  readonly task?: TaskKind;
  /** For sync APIs called with positional arguments (canIUse(schema)): the parameter names in order. */
  readonly positional?: readonly (keyof z.infer<Params> & string)[];
  readonly summary: string;
  /** The Feishu doc page this entry is read from. */
  readonly doc: string;
  /**
   * Parameters, without success / fail / complete. Unknown keys are dropped with a warning in the call record
   * (a client ignores them), or fail with errno 104 when the session is strict (call.ts).
   */
  readonly params: Params;
  /** Async: the fields of the success result, without errMsg. Sync: the returned value. */
  readonly result: Result;
  readonly support: { readonly matrix: SupportMatrix; readonly provenance: Provenance };
  readonly fieldSupport?: Readonly<Record<string, FieldSupport>>;
  readonly behaviours: readonly BehaviourRule[];
  readonly failures: readonly FailureRule[];
}

export function defineApi<const Name extends string, Params extends z.ZodObject, Result extends z.ZodType, const Style extends CallStyle, const Side extends ApiSide = 'host'>(
  spec: ApiSpec<Name, Params, Result, Style, Side>,
): ApiSpec<Name, Params, Result, Style, Side> {
  const ids = new Set<string>();
  for (const rule of spec.behaviours) {
    if (ids.has(rule.id)) throw new Error(`${spec.name}: duplicate behaviour rule id ${rule.id}`);
    if (rule.validates !== undefined && !Object.hasOwn(spec.params.shape, rule.validates)) {
      throw new Error(`${spec.name}: behaviour rule ${rule.id} validates ${rule.validates}, which is not one of its parameters`);
    }
    ids.add(rule.id);
  }
  return spec;
}

/** Where `spec` runs. */
export const sideOf = (spec: { readonly side?: ApiSide }): ApiSide => spec.side ?? 'host';

export function errMsgName(spec: ApiSpec): string {
  return spec.errMsgName ?? spec.name.split('.').pop()!;
}

/** The same support for every platform of both app kinds, from one version on. */
export function everywhereFrom(version: string): SupportMatrix {
  const row = { android: version, ios: version, pc: version, harmony: version };
  return { gadget: row, webapp: row };
}
