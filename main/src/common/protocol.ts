/**
 * The bridge protocol between the guest (a gadget or web app in its sandboxed iframe) and the host, and
 * between the simulator shell and the host. JSON messages; the same messages go over a WebSocket (browser
 * mode) or, later, Electron IPC. Runs in Node and in browsers: no Node imports.
 */
import type { AppliedRule, CallRecord, FailResult, SuccessResult } from '../../../emulator-api/src/common/call.js';
import type { ClientProfile } from '../../../emulator-api/src/common/profiles.js';
import type { TaskEvent, TaskKind } from '../../../emulator-api/src/common/tasks.js';
import type { AppEvent } from '../../../emulator-api/src/common/listeners.js';

/** An API as the guest builds it: name, call style, and whether the host or the guest itself runs it. */
export interface GuestApi {
  readonly name: string;
  readonly style: 'async' | 'sync';
  readonly side: 'host' | 'guest';
  /** The task object the API returns (request → RequestTask, connectSocket → SocketTask, …). */
  readonly task?: TaskKind;
}

export type ProjectKind = 'gadget' | 'webapp';

/** What the guest runtime fetches once at start. */
export interface BootPayload {
  readonly sessionId: string;
  readonly profile: ClientProfile;
  readonly apis: readonly GuestApi[];
  readonly project: {
    readonly kind: ProjectKind;
    readonly name: string;
    /** Text files of the package (js, json, ttml, ttss), by package path. */
    readonly files: Readonly<Record<string, string>>;
    /** Source maps (JSON) of the JS files the host compiled (ES modules), by package path. */
    readonly sourceMaps?: Readonly<Record<string, string>>;
  };
  /** Where the guest reaches package and sandbox files over HTTP (ends with a slash). */
  readonly fileBase: string;
}

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export type GuestEvent =
  | { readonly kind: 'lifecycle'; readonly target: string; readonly hook: string }
  | { readonly kind: 'render'; readonly page: string; readonly seq: number; readonly ms: number }
  | { readonly kind: 'navigation'; readonly method: string; readonly url: string; readonly stack: readonly string[] }
  | { readonly kind: 'error'; readonly message: string; readonly file?: string; readonly line?: number; readonly stack?: string }
  | { readonly kind: 'ui'; readonly what: string; readonly detail: unknown };

/** The outcome of a call the guest ran itself, for the host to record with its rules' provenance. */
export interface GuestCallOutcome {
  readonly api: string;
  readonly params: unknown;
  readonly result: SuccessResult | FailResult;
  /** Ids of the behaviour rules the guest applied. */
  readonly rules: readonly string[];
  readonly startedAt: number;
  readonly durationMs: number;
}

/** The host's answer to `prepare`: parsed parameters, or the fail result (support check, validation). */
export type PrepareAnswer = { readonly ok: true; readonly params: unknown } | { readonly ok: false; readonly fail: FailResult };

export type GuestToHost =
  /** `task`: the guest's id for the task object the call returns; the host then sends its events as `task` messages. */
  | { readonly t: 'call'; readonly id: number; readonly api: string; readonly params: unknown; readonly task?: number }
  /** abort (no answer), or SocketTask send / close (answered with a `result` for `id`). */
  | { readonly t: 'task-op'; readonly id: number; readonly task: number; readonly op: 'abort' | 'send' | 'close'; readonly params?: unknown }
  /** Outcomes of calls the guest answered itself, in a batch (getStorageSync in a loop is one message, not thousands). */
  | { readonly t: 'outcomes'; readonly outcomes: readonly GuestCallOutcome[] }
  /** A guest-side API (toast, modal, navigation) asks the host to check support and validate first. */
  | { readonly t: 'prepare'; readonly id: number; readonly api: string; readonly params: unknown }
  /** canvasToTempFilePath's encoded image (an ArrayBuffer, encoded as $ab), for the host to write into ttfile://temp; answered with a `result` ({ tempFilePath } or a fail). */
  | { readonly t: 'store-image'; readonly id: number; readonly data: unknown; readonly fileType: 'png' | 'jpg' }
  | ({ readonly t: 'outcome' } & GuestCallOutcome)
  | { readonly t: 'console'; readonly level: ConsoleLevel; readonly args: readonly string[] }
  | { readonly t: 'event'; readonly event: GuestEvent };

export type HostToGuest =
  | { readonly t: 'result'; readonly id: number; readonly result: SuccessResult | FailResult }
  | { readonly t: 'prepared'; readonly id: number; readonly answer: PrepareAnswer }
  /** APIs a test has mocked: the guest sends those to the host even when it would run them itself. */
  | { readonly t: 'mocks'; readonly apis: readonly string[] }
  /** An event of a task the guest holds (headersReceived, progressUpdate, open, message, close, error). */
  | { readonly t: 'task'; readonly task: number; readonly event: TaskEvent }
  /** An app-level event the host knows of first (networkStatusChange), for the guest's tt.on<Event> listeners. */
  | { readonly t: 'app-event'; readonly event: AppEvent; readonly payload: unknown };

/** Answer of the synchronous bridge (sync XHR), used by Sync APIs. */
export type SyncAnswer = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly fail: FailResult };

/** How many events a session's stream keeps (older ones are dropped); the shell's log keeps as many. */
export const EVENTS_KEPT = 10_000;

/** Everything the host records for a session, in order. */
export type HostEvent = { readonly seq: number; readonly time: number } & (
  | { readonly type: 'call'; readonly record: CallRecord; readonly side: 'host' | 'guest'; readonly mocked: boolean; readonly notEmulated?: true }
  | { readonly type: 'console'; readonly level: ConsoleLevel; readonly args: readonly string[] }
  | { readonly type: 'guest'; readonly event: GuestEvent }
  | { readonly type: 'session'; readonly what: 'opened' | 'guest-connected' | 'guest-disconnected' | 'closed' }
);

/**
 * A call as the shell's log lists it. The full record (params, result) stays on the host and is served at
 * /s/<session>/events/<event seq>.json, as a browser's devtools fetch a response body when it is opened:
 * streaming every result to the shell cost the guest's calls CPU and garbage collection (bench/bridge.mjs).
 * Rules travel as ids; each rule's text and provenance once per connection in `HostToShell.rules`.
 */
export interface ShellCallSummary {
  readonly seq: number;
  readonly api: string;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly errno?: CallRecord['errno'];
  readonly errMsg: string;
  readonly rules: readonly string[];
}

/** A host event as the shell's socket carries it. */
export type ShellEvent =
  | Exclude<HostEvent, { readonly type: 'call' }>
  | (Omit<Extract<HostEvent, { readonly type: 'call' }>, 'record'> & { readonly record: ShellCallSummary });

/** The key of an applied rule in `HostToShell.rules`: rule ids are unique within one API. */
export const shellRuleKey = (api: string, id: string): string => `${api} ${id}`;

/** Host → shell over the shell's socket. */
export interface HostToShell {
  readonly t: 'events';
  /** Rules first referred to by these events, by shellRuleKey. */
  readonly rules: Readonly<Record<string, AppliedRule>>;
  readonly events: readonly ShellEvent[];
}

/**
 * Values that JSON cannot carry: ArrayBuffer (readFile without encoding, writeFile data), Date (storage
 * values, as milliseconds) and the no-argument methods of results (Stats.isFile()), sent as their value.
 */
type Encoded = { $ab: string } | { $fn: unknown } | { $date: number | null };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function encodeValue(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { $ab: toBase64(new Uint8Array(value)) } satisfies Encoded;
  if (ArrayBuffer.isView(value)) return { $ab: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) } satisfies Encoded;
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? null : value.getTime() } satisfies Encoded;
  if (typeof value === 'function') return { $fn: encodeValue((value as () => unknown)()) } satisfies Encoded;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  }
  return value;
}

export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$ab' && typeof (value as { $ab: unknown }).$ab === 'string') return fromBase64((value as { $ab: string }).$ab);
    if (keys.length === 1 && keys[0] === '$date') {
      const time = (value as { $date: unknown }).$date;
      return new Date(typeof time === 'number' ? time : Number.NaN);
    }
    if (keys.length === 1 && keys[0] === '$fn') {
      const result = decodeValue((value as { $fn: unknown }).$fn);
      return () => result;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeValue(v)]));
  }
  return value;
}
