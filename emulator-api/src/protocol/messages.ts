/**
 * Every message between the host and its three clients, described once: the guest (a gadget or web app in
 * its sandboxed frame), the devtools (the simulator page / UI) and automation (the SDK, ttsim/test). The
 * zod schemas here are what the host validates each incoming message against (HostConnection.dispatch);
 * the TypeScript types of both sides are inferred from them. The guest and the devtools import this file
 * with `import type` only (lint enforces it), so their bundles carry no zod.
 *
 * Shape, as Playwright's protocol does it: a connection opens with `hello` (protocol version and role);
 * requests carry an `id` and get one reply; everything else is a one-way event. Requests from devtools and
 * automation are named operations (`hostOps`, answered by the host; `guestOps`, forwarded to the session's
 * guest and answered there), each with a params and a result schema.
 */
import { z } from 'zod';
import type { AppliedRule, CallRecord } from '../common/call.js';
import type { FailResult, SuccessResult } from '../common/callbacks.js';
import { appEvents, type AppEvent } from '../common/listeners.js';
import type { ClientProfile } from '../common/profiles.js';
import type { ParsedTemplate } from '../common/ttml/parsed-templates.js';
import type { SystemInfoAnswer } from '../common/guest-answers.js';
import { taskKinds, type TaskEvent } from '../common/tasks.js';
import { clientRoles } from './version.js';

const id = z.number().int().nonnegative();
const strings = z.array(z.string()).readonly();
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A success or fail result as the standard object I/O makes it (fail-result.ts builds the fails). */
const result = z.custom<SuccessResult | FailResult>((v) => isObject(v) && typeof v.errMsg === 'string', 'a result object with errMsg');
/** A value encoded with wire.encodeValue (ArrayBuffer, Date and methods travel as $ab / $date / $fn). */
const encoded = z.unknown();

// ── shared pieces ────────────────────────────────────────────────────────────────────────────────────

export const hello = z.object({ t: z.literal('hello'), protocol: z.number(), role: z.enum(clientRoles) });
export const consoleLevel = z.enum(['log', 'info', 'warn', 'error', 'debug']);
export type ConsoleLevel = z.infer<typeof consoleLevel>;

/**
 * Live compare: where a user's input happened, stable across profiles: the element's path from the document's
 * body, each step the element's tag, its identifying attributes (data-tt, id, …), classes and its index among
 * the siblings that share all of those; `label` names it for people (button.compress "Compress").
 */
export const inputTarget = z.object({
  steps: z.array(z.object({ tag: z.string(), attrs: z.record(z.string(), z.string()), classes: strings, index: z.number().int().nonnegative() })).max(64),
  label: z.string(),
});
/** A tap (a click), typing into a field (`input`, its whole value) or a change (a slider's value, a checkbox's checked), on the page `page`. */
export const userInput = z.object({
  action: z.enum(['tap', 'input', 'change']),
  target: inputTarget,
  value: z.union([z.string(), z.boolean()]).optional(),
  /** The gadget page's route, or the web app's document path, where it happened. */
  page: z.string(),
});
export type UserInput = z.infer<typeof userInput>;

export const guestEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lifecycle'), target: z.string(), hook: z.string() }),
  z.object({ kind: z.literal('render'), page: z.string(), seq: z.number(), ms: z.number() }),
  /**
   * The gadget has launched: its first page has rendered (`page`; '' when the launch failed, an `error`
   * came first) and nothing that started is in flight (`ms` since the document began to load). Said without
   * being asked, so a start need not wait for a busy page to read a request: the automation's attach waits for it.
   */
  z.object({ kind: z.literal('launched'), page: z.string(), ms: z.number() }),
  z.object({ kind: z.literal('navigation'), method: z.string(), url: z.string(), stack: strings }),
  z.object({ kind: z.literal('error'), message: z.string(), file: z.string().optional(), line: z.number().optional(), stack: z.string().optional() }),
  z.object({ kind: z.literal('ui'), what: z.string(), detail: z.unknown() }),
  /** The frame's Content-Security-Policy stopped a request of the page's own (fetch, image, script, …): the network policy or the sandbox forbids it. */
  z.object({ kind: z.literal('blocked'), url: z.string(), directive: z.string() }),
  /**
   * Live compare (reportInput on): the user's input in this frame, or (`replayOf`: the session it came from)
   * the same input replayed here; `missing` says why it could not be (no such element on this profile's page).
   */
  z.object({ kind: z.literal('input'), input: userInput, replayOf: z.string().optional(), missing: z.string().optional() }),
]);
export type GuestEvent = z.infer<typeof guestEvent>;

/** The outcome of a call the guest ran itself, for the host to record with its rules' provenance. */
export const guestCallOutcome = z.object({
  api: z.string(),
  params: z.unknown(),
  result,
  /** Ids of the behaviour rules the guest applied. */
  rules: strings,
  startedAt: z.number(),
  durationMs: z.number(),
});
export type GuestCallOutcome = z.infer<typeof guestCallOutcome>;

/** An API as the guest builds it: name, call style, where it runs, and the task object it returns. */
export const guestApi = z.object({ name: z.string(), style: z.enum(['async', 'sync']), side: z.enum(['host', 'guest']), task: z.enum(taskKinds).optional() });
export type GuestApi = z.infer<typeof guestApi>;
export type ProjectKind = 'gadget' | 'webapp';

/** What the guest runtime fetches once at start (boot.json). */
export const bootPayload = z.object({
  protocol: z.number(),
  sessionId: z.string(),
  profile: z.custom<ClientProfile>(isObject),
  apis: z.array(guestApi),
  /** canIUse's answers on this profile for every schema form the registry lists (support.ts canIUseAnswers). */
  canIUse: z.record(z.string(), z.boolean()),
  /** getSystemInfo's answer on this profile (common/guest-answers.ts). */
  systemInfo: z.custom<SystemInfoAnswer>(isObject),
  project: z.object({
    kind: z.enum(['gadget', 'webapp']),
    name: z.string(),
    /** Text files of the package (js, json, ttml, ttss), by package path. */
    files: z.record(z.string(), z.string()),
    /** Source maps (JSON) of the JS files the host compiled (ES modules), by package path. */
    sourceMaps: z.record(z.string(), z.string()).optional(),
    /** Every .ttml file, parsed by the host (its raw tree or its error), by package path. */
    templates: z.record(z.string(), z.custom<ParsedTemplate>(isObject)),
  }),
  /** Where the guest reaches package and sandbox files over HTTP (ends with a slash). */
  fileBase: z.string(),
});
export type BootPayload = z.infer<typeof bootPayload>;

/** The host's answer to `prepare`: parsed parameters, or the fail result (support check, validation). */
export type PrepareAnswer = { readonly ok: true; readonly params: unknown } | { readonly ok: false; readonly fail: FailResult };
/** Answer of the synchronous bridge (sync XHR), used by Sync APIs. */
export type SyncAnswer = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly fail: FailResult };

// ── requests from devtools and automation ────────────────────────────────────────────────────────────

const op = <P extends z.ZodRawShape, R extends z.ZodType>(params: P, reply: R) => ({ params: z.object(params), reply });

/** What automation and the devtools see of the page on top. A web app's page is its document. */
export const currentPage = z.object({
  kind: z.enum(['gadget', 'webapp']),
  /** Gadget: the route (pages/index/index); web app: the document's path under the package (index.html). */
  path: z.string(),
  query: z.record(z.string(), z.string()),
  /** The DOM selector of the page's root element inside the guest frame. */
  root: z.string(),
});
export type CurrentPage = z.infer<typeof currentPage>;

/** What the simulator shows over the page: a modal, action sheet, image viewer, toast or loading. */
export const overlay = z.object({
  kind: z.enum(['toast', 'loading', 'modal', 'actionSheet', 'previewImage']),
  title: z.string(),
  content: z.string(),
  buttons: strings,
  /** The action sheet's items, or the image viewer's URLs. */
  items: strings,
});
export type Overlay = z.infer<typeof overlay>;
export const dialogAnswer = z.union([z.object({ confirm: z.boolean() }), z.object({ index: z.number().int().nonnegative() })]);
export type DialogAnswer = z.infer<typeof dialogAnswer>;
export const navigationMethods = ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'] as const;

const networkPolicySchema = z.union([z.literal('online'), z.literal('slow'), z.literal('offline'), z.object({ allow: z.array(z.string()).readonly() })]);

/** Operations the session's guest answers (forwarded by the host over the guest's socket). */
export const guestOps = {
  /**
   * Resolves when the guest has no call in flight and has rendered what came of it, and (unless `painted`
   * is false) a frame has been drawn since.
   */
  whenIdle: op({ painted: z.boolean().optional() }, z.null()),
  currentPage: op({}, currentPage.nullable()),
  /** The page's data (a key path picks one part); a web app's is { title, path, query, hash } of its document. */
  pageData: op({ path: z.string().optional() }, z.unknown()),
  /** Gadgets only: Page.setData as the page's own code would call it. */
  setPageData: op({ patch: z.record(z.string(), z.unknown()) }, z.null()),
  pageStack: op({}, strings),
  modal: op({}, overlay.nullable()),
  /** Presses a button of the open modal / action sheet / viewer; false when there is nothing to answer. */
  answerDialog: op({ answer: dialogAnswer }, z.boolean()),
  /** Calls tt.<api>(params) as the page's code would; the success or fail result. */
  callTT: op({ api: z.string(), params: z.unknown() }, result),
  navigate: op({ method: z.enum(navigationMethods), url: z.string() }, result),
  /** A TTML selector (view, .a >>> .b) as the DOM selector that finds it. */
  domSelector: op({ selector: z.string() }, z.string()),
  /** The app to the background (false) and back (true): page onHide, App.onHide, tt.onAppHide and back. */
  setAppVisible: op({ visible: z.boolean() }, z.null()),
  /** Live compare: report the user's taps, typing and changes as `input` guest events (on), or stop (off). */
  reportInput: op({ on: z.boolean() }, z.null()),
  /** Live compare: the same input as in another profile's frame (session `from`), on the element at the same place; found false says why not. */
  replayInput: op({ input: userInput, from: z.string() }, z.object({ found: z.boolean(), why: z.string().optional() })),
} as const;


/** A file of the sandbox or the package as the devtools list it. */
export const fileEntry = z.object({
  /** The guest path: ttfile://temp/a.jpg, ttfile://user/x/y.txt, or a package path (pages/index/index.ttml). */
  path: z.string(),
  size: z.number(),
  dir: z.boolean(),
  modifiedMs: z.number(),
});
export type FileEntry = z.infer<typeof fileEntry>;
/** What the devtools show of one file: its sniffed type and, for an image, its format and dimensions. */
export const fileInfo = z.object({ path: z.string(), size: z.number(), mime: z.string().optional(), format: z.string().optional(), width: z.number().optional(), height: z.number().optional() });
export type FileInfo = z.infer<typeof fileInfo>;
export const fileAreas = ['temp', 'user', 'package'] as const;
export type FileArea = (typeof fileAreas)[number];

/** The session as the devtools show it: project, profile, and where the guest document is. */
export const sessionInfo = z.object({
  sessionId: z.string(),
  project: z.object({ name: z.string(), kind: z.enum(['gadget', 'webapp']) }),
  appId: z.string(),
  profile: z.custom<ClientProfile>(isObject),
  /** The guest frame's URL (path under this host). */
  guestUrl: z.string(),
  /** Where the devtools fetch a sandbox or package file (add the guest path, URL-encoded). */
  fileUrl: z.string(),
  network: networkPolicySchema,
  /** Where the devtools POST a file from disk for the image picker (add &name=<file name>). */
  uploadUrl: z.string(),
  /** Where a sample image of the picker is (add its id). */
  sampleUrl: z.string(),
  /** APIs mocked now (by a test, the devtools or a relaunch). */
  mocked: z.array(z.string()),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

/** A sample image the picker offers (examples/images). */
export const pickerSample = z.object({ id: z.string(), name: z.string(), description: z.string() });
export type PickerSample = z.infer<typeof pickerSample>;
/** tt.chooseImage is waiting for the user: the devtools show the picker and answer with `answerPicker`. */
export interface PickerRequest {
  readonly id: string;
  readonly count: number;
  readonly sourceType: readonly ('album' | 'camera')[];
}

const provenanceSchema = z.object({ kind: z.enum(['documented', 'inferred', 'assumed']), source: z.string() });
const matrixRow = z.object({ android: z.string().nullable(), ios: z.string().nullable(), pc: z.string().nullable(), harmony: z.string().nullable() });
/** One API as the devtools' matrix shows it: where it is supported and which rules differ by platform, with provenance. */
export const apiMatrixEntry = z.object({
  name: z.string(),
  summary: z.string(),
  doc: z.string(),
  side: z.enum(['host', 'guest']),
  support: z.object({ matrix: z.object({ gadget: matrixRow, webapp: matrixRow }), provenance: provenanceSchema }),
  behaviours: z.array(z.object({ id: z.string(), platforms: z.union([z.literal('all'), z.array(z.enum(['android', 'ios', 'pc', 'harmony']))]), text: z.string(), provenance: provenanceSchema })),
  /** How often this session called it so far. */
  calls: z.number(),
});
export type ApiMatrixEntry = z.infer<typeof apiMatrixEntry>;

/** A profile to open the project under (each part defaults to the session's own). */
const profileChoice = z.object({ app: z.enum(['gadget', 'webapp']).optional(), platform: z.enum(['android', 'ios', 'pc', 'harmony']).optional(), client: z.string().optional(), device: z.string().optional() });
/** A session of a live compare, for the devtools to connect to (its socket takes the token). */
export const compareMember = z.object({ sessionId: z.string(), token: z.string(), profile: z.custom<ClientProfile>(isObject) });
export type CompareMember = z.infer<typeof compareMember>;

/** Operations the host answers itself. */
export const hostOps = {
  /** The session's project, profile and URLs. */
  session: op({}, sessionInfo),
  /** The files of one area, depth first (folders before their files), at most `limit` of them. */
  files: op({ area: z.enum(fileAreas), limit: z.number().int().positive().max(100_000).default(5_000) }, z.object({ entries: z.array(fileEntry), truncated: z.boolean() })),
  /** Size, sniffed type and image dimensions of one file. */
  fileInfo: op({ path: z.string() }, fileInfo),
  /** Deletes one file of ttfile://temp or ttfile://user (the package is read-only). */
  deleteFile: op({ path: z.string() }, z.null()),
  /** The registry's matrix and rules of `apis` (default: every API this session has called), for the devtools' Matrix panel. */
  apiMatrix: op({ apis: z.array(z.string()).max(1000).optional() }, z.array(apiMatrixEntry)),
  /** The app's storage (setStorage & co.), every key with its type and value. */
  storage: op({}, z.object({ items: z.array(z.object({ key: z.string(), type: z.string(), value: encoded, bytes: z.number() })), currentSize: z.number(), limitSize: z.number() })),
  /** Sets one key as setStorage would (same limits); the guest drops its copy. */
  setStorageItem: op({ key: z.string().min(1), value: encoded }, z.null()),
  /** Removes one key; the guest drops its copy. */
  removeStorageItem: op({ key: z.string() }, z.boolean()),
  /**
   * The tt.* APIs the project's code uses, as `ttsim check` finds them by a static scan (not only those
   * called so far); `available` is false where the host was started without the scanner (the SDK).
   */
  codeApis: op({}, z.object({ available: z.boolean(), apis: z.array(z.object({ name: z.string(), uses: z.number(), at: z.string() })) })),
  /** The sample images the picker offers. */
  pickerSamples: op({}, z.array(pickerSample)),
  /** Answers a waiting tt.chooseImage: samples and uploaded files (ids from POST /s/<session>/upload) in order; none cancels. */
  answerPicker: op({ id: z.string(), chosen: z.array(z.object({ sample: z.string().optional(), upload: z.string().optional() })).max(100) }, z.null()),
  /** Empties ttfile://temp or ttfile://user. */
  clearArea: op({ area: z.enum(['temp', 'user']) }, z.null()),
  /**
   * The same project under another profile: a new session (ttfile://user and storage carry over, they are
   * kept per app id); answers where its devtools are. This session closes a second later.
   */
  relaunch: op({ profile: profileChoice }, z.object({ sessionId: z.string(), devtoolsUrl: z.string() })),
  /**
   * Live compare: the project again under 1–3 more profiles, each a session of its own beside this one, with
   * ttfile://user and storage copied from this session's (each profile then writes its own copy). A user's
   * tap, typing or change in any of them is replayed in the others; a tt.chooseImage answered in one is
   * answered with the same files in all. Answers every member, this session first. A second compare replaces the first.
   */
  compare: op({ profiles: z.array(profileChoice).min(1).max(3) }, z.object({ members: z.array(compareMember) })),
  /** Ends this session's live compare: the other sessions close, with their copies of ttfile://user and storage. */
  endCompare: op({}, z.null()),
  /** One kept event in full (the devtools' log carries summaries; see DevtoolsCallSummary). */
  event: op({ seq: z.number().int() }, z.custom<HostEvent>(isObject)),
  /** A static mock answer for an API: success fields, or a fail when it has errno. */
  mock: op({ api: z.string(), answer: z.record(z.string(), z.unknown()) }, z.null()),
  restore: op({ api: z.string() }, z.null()),
  setNetwork: op({ policy: networkPolicySchema }, z.null()),
} as const;

export const controlOps = { ...hostOps, ...guestOps } as const;
export type GuestOp = keyof typeof guestOps;
export type HostOp = keyof typeof hostOps;
export type ControlOp = keyof typeof controlOps;
export type OpParams<O extends ControlOp> = z.infer<(typeof controlOps)[O]['params']>;
export type OpReply<O extends ControlOp> = z.infer<(typeof controlOps)[O]['reply']>;
export const isGuestOp = (name: string): name is GuestOp => Object.hasOwn(guestOps, name);

/** A request of devtools or automation; `timeoutMs` / `waitingFor` make a forwarded one fail in time, naming what it waited for. */
export const controlRequest = z.object({
  t: z.literal('request'),
  id,
  op: z.enum(Object.keys(controlOps) as [ControlOp, ...ControlOp[]]),
  params: z.record(z.string(), z.unknown()).default({}),
  timeoutMs: z.number().positive().optional(),
  waitingFor: z.string().optional(),
});
export type ControlRequest = z.input<typeof controlRequest>;

/** The one answer to a request: its value (encoded), or why it failed. */
export type Reply = { readonly t: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown } | { readonly t: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

// ── guest ⇄ host ─────────────────────────────────────────────────────────────────────────────────────

export const guestToHost = z.discriminatedUnion('t', [
  hello,
  /** `task`: the guest's id for the task object the call returns; the host then sends its events as `task` messages. */
  z.object({ t: z.literal('call'), id, api: z.string(), params: encoded, task: id.optional() }),
  /** A Sync API over the synchronous channel (an HTTP POST per call): it carries its own protocol version. */
  z.object({ t: z.literal('call-sync'), protocol: z.number(), api: z.string(), args: z.array(encoded) }),
  /** abort (no answer), or SocketTask send / close (answered with a `result` for `id`). */
  z.object({ t: z.literal('task-op'), id, task: id, op: z.enum(['abort', 'send', 'close']), params: encoded.optional() }),
  /** Outcomes of calls the guest answered itself, in a batch (getStorageSync in a loop is one message, not thousands). */
  z.object({ t: z.literal('outcomes'), outcomes: z.array(guestCallOutcome) }),
  guestCallOutcome.extend({ t: z.literal('outcome') }),
  /** A guest-side API (toast, modal, navigation) asks the host to check support and validate first. */
  z.object({ t: z.literal('prepare'), id, api: z.string(), params: encoded }),
  /** canvasToTempFilePath's encoded image ($ab), for the host to write into ttfile://temp; answered with a `result`. */
  z.object({ t: z.literal('store-image'), id, data: encoded, fileType: z.enum(['png', 'jpg']) }),
  z.object({ t: z.literal('console'), level: consoleLevel, args: strings }),
  z.object({ t: z.literal('event'), event: guestEvent }),
  /** The guest's answer to a forwarded `automation` request: `value` when ok, else `error`. */
  z.object({ t: z.literal('automation-reply'), id, ok: z.boolean(), value: encoded.optional(), error: z.string().optional() }),
]);
export type GuestToHost = z.input<typeof guestToHost>;

export type HostToGuest =
  | { readonly t: 'welcome'; readonly protocol: number }
  | { readonly t: 'refused'; readonly reason: string }
  | { readonly t: 'result'; readonly id: number; readonly result: SuccessResult | FailResult }
  | { readonly t: 'prepared'; readonly id: number; readonly answer: PrepareAnswer }
  | { readonly t: 'sync-answer'; readonly answer: SyncAnswer }
  /** APIs a test or the devtools has mocked: the guest sends those to the host even when it would run them itself. */
  | { readonly t: 'mocks'; readonly apis: readonly string[] }
  /** An event of a task the guest holds (headersReceived, progressUpdate, open, message, close, error). */
  | { readonly t: 'task'; readonly task: number; readonly event: TaskEvent }
  /** An app-level event the host knows of first (networkStatusChange), for the guest's tt.on<Event> listeners. */
  | { readonly t: 'app-event'; readonly event: AppEvent; readonly payload: unknown }
  /**
   * The network policy changed: the Content-Security-Policy for it, which the guest adds to its document (a
   * policy can only tighten a loaded page; `relaxes` says a reload is needed to let the page reach more).
   */
  | { readonly t: 'csp'; readonly policy: string; readonly relaxes: boolean }
  /** The project changed on disk: reload the document, keeping the page and its query. */
  | { readonly t: 'reload'; readonly reason: string }
  /** The storage was edited from outside the gadget (the devtools): drop any copy of it. */
  | { readonly t: 'storage-changed' }
  /** A request of devtools or automation for the guest to answer (see guestOps). */
  | { readonly [O in GuestOp]: { readonly t: 'automation'; readonly id: number; readonly op: O; readonly params: OpParams<O> } }[GuestOp];

/** What the host sends a guest, as a schema: tests check the host's real traffic against it (hostToGuest.parse). */
export const hostToGuest = z.discriminatedUnion('t', [
  z.object({ t: z.literal('welcome'), protocol: z.number() }),
  z.object({ t: z.literal('refused'), reason: z.string() }),
  z.object({ t: z.literal('result'), id, result }),
  z.object({ t: z.literal('prepared'), id, answer: z.union([z.object({ ok: z.literal(true), params: encoded }), z.object({ ok: z.literal(false), fail: result })]) }),
  z.object({ t: z.literal('sync-answer'), answer: z.union([z.object({ ok: z.literal(true), value: encoded }), z.object({ ok: z.literal(false), fail: result })]) }),
  z.object({ t: z.literal('mocks'), apis: strings }),
  z.object({ t: z.literal('task'), task: id, event: z.object({ type: z.enum(['headersReceived', 'progressUpdate', 'open', 'message', 'close', 'error']), payload: z.record(z.string(), encoded) }) }),
  z.object({ t: z.literal('app-event'), event: z.enum(appEvents), payload: encoded }),
  z.object({ t: z.literal('csp'), policy: z.string(), relaxes: z.boolean() }),
  z.object({ t: z.literal('reload'), reason: z.string() }),
  z.object({ t: z.literal('storage-changed') }),
  z.object({ t: z.literal('automation'), id, op: z.enum(Object.keys(guestOps) as [GuestOp, ...GuestOp[]]), params: z.record(z.string(), encoded) }),
]);
/** The typed form of each message (per-operation params) must fit the schema: a change to one without the other fails to compile. */
export const hostToGuestFitsSchema: HostToGuest extends z.input<typeof hostToGuest> ? true : never = true;

/** The guest's answers to `automation` requests, one function per operation (a missing one fails to compile). */
export type GuestAutomation = { readonly [O in GuestOp]: (params: OpParams<O>) => OpReply<O> | Promise<OpReply<O>> };

// ── devtools / automation ⇄ host ─────────────────────────────────────────────────────────────────────

export const controlToHost = z.discriminatedUnion('t', [hello, controlRequest]);
export type ControlToHost = z.input<typeof controlToHost>;

/** Everything the host records for a session, in order. */
export type HostEvent = { readonly seq: number; readonly time: number } & (
  | { readonly type: 'call'; readonly record: CallRecord; readonly side: 'host' | 'guest'; readonly mocked: boolean; readonly notEmulated?: true }
  | { readonly type: 'console'; readonly level: ConsoleLevel; readonly args: readonly string[] }
  | { readonly type: 'guest'; readonly event: GuestEvent }
  | { readonly type: 'session'; readonly what: 'opened' | 'guest-connected' | 'guest-disconnected' | 'reloaded' | 'closed' }
);

/**
 * A call as the devtools' log lists it. The full record (params, result) stays on the host: the `event`
 * operation (or /s/<session>/events/<seq>.json) serves it when a row is opened, as a browser's devtools
 * fetch a response body. Streaming every result cost the guest's calls CPU and GC (bench/bridge.mjs).
 * Rules travel as ids; each rule's text and provenance once per connection in the `events` message.
 */
export interface DevtoolsCallSummary {
  readonly seq: number;
  readonly api: string;
  readonly durationMs: number;
  readonly ok: boolean;
  readonly errno?: CallRecord['errno'];
  readonly errMsg: string;
  readonly rules: readonly string[];
}

/** A host event as the devtools socket carries it. */
export type DevtoolsEvent =
  | Exclude<HostEvent, { readonly type: 'call' }>
  | (Omit<Extract<HostEvent, { readonly type: 'call' }>, 'record'> & { readonly record: DevtoolsCallSummary });

export type HostToControl =
  | { readonly t: 'welcome'; readonly protocol: number; readonly sessionId: string }
  | { readonly t: 'refused'; readonly reason: string }
  | Reply
  /** Devtools only: a tt.chooseImage waits for the user to pick (answer with the answerPicker operation). */
  | { readonly t: 'picker'; readonly request: PickerRequest }
  /** Devtools only: new events, and the rules they are the first to refer to (by shellRuleKey). */
  | { readonly t: 'events'; readonly rules: Readonly<Record<string, AppliedRule>>; readonly events: readonly DevtoolsEvent[] };

/** What the host sends the devtools and automation, as a schema (tests check real traffic against it). */
export const hostToControl = z.discriminatedUnion('t', [
  z.object({ t: z.literal('welcome'), protocol: z.number(), sessionId: z.string() }),
  z.object({ t: z.literal('refused'), reason: z.string() }),
  z.object({ t: z.literal('reply'), id, ok: z.boolean(), value: encoded.optional(), error: z.string().optional() }),
  z.object({ t: z.literal('picker'), request: z.object({ id: z.string(), count: z.number(), sourceType: z.array(z.enum(['album', 'camera'])).readonly() }) }),
  z.object({
    t: z.literal('events'),
    rules: z.record(z.string(), z.object({ id: z.string(), text: z.string(), provenance: z.object({ kind: z.enum(['documented', 'inferred', 'assumed']), source: z.string() }) })),
    events: z.array(z.object({ seq: z.number(), time: z.number(), type: z.enum(['call', 'console', 'guest', 'session']) })).readonly(),
  }),
]);
export const hostToControlFitsSchema: HostToControl extends z.input<typeof hostToControl> ? true : never = true;

/** What a host may send to any client. */
export type HostMessage = HostToGuest | HostToControl;
