/**
 * The guest's only way to the host: a WebSocket for async calls and events, and a synchronous request for
 * Sync APIs. Both are authorised by the guest token in `base` (the path this document was served under).
 */
import type { FailResult, SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import type { TaskEvent } from '../../../emulator-api/src/common/tasks.js';
import type { AppEvent } from '../../../emulator-api/src/common/listeners.js';
import type { GuestAutomation, GuestCallOutcome, GuestOp, GuestToHost, HostToGuest, PrepareAnswer, SyncAnswer } from '../../../emulator-api/src/protocol/messages.js';
import { PROTOCOL_VERSION } from '../../../emulator-api/src/protocol/version.js';
import { EARLY_SOCKET_GLOBAL, guestHello } from '../../../emulator-api/src/protocol/guest-page.js';
import { decodeValue, encodeValue } from '../../../emulator-api/src/protocol/wire.js';

/** What the page's inline script leaves for the bridge (emulator-api/src/protocol/guest-page.ts). */
interface EarlySocket {
  readonly socket: WebSocket;
  readonly early: string[];
  stop(): void;
}

export class Bridge {
  private readonly pending = new Map<number, (answer: never) => void>();
  private readonly queue: string[] = [];
  private nextId = 1;
  /** APIs a test has mocked: sent to the host even when the guest would run them itself. */
  mocked: ReadonlySet<string> = new Set();
  private idleWaiters: (() => void)[] = [];
  /** Listeners of the task objects this guest holds, by task id. */
  private readonly taskListeners = new Map<number, (event: TaskEvent) => void>();
  private nextTaskId = 1;
  /** Outcomes of calls answered in the guest, sent in one message per turn (see recordOutcome). */
  private outcomes: GuestCallOutcome[] = [];
  /** Who hears the host's app-level events (tt.onNetworkStatusChange's listeners, through the tt builder). */
  private appEventListener: ((event: AppEvent, payload: unknown) => void) | undefined;
  /** How this guest answers the host's forwarded requests of devtools and automation (page, data, dialogs, …). */
  private automation: GuestAutomation | undefined;
  /**
   * Requests that came before the runtime said how to answer them (the socket opens before the runtime
   * runs; the host asks as soon as the guest connects): answered once it does, each still within the
   * asker's own timeout.
   */
  private readonly automationQueue: { id: number; op: GuestOp; params: unknown }[] = [];
  /** What a reload of the project does (the gadget runtime keeps its page in the URL's hash first). */
  private reloadHandler: () => void = () => location.reload();
  /** Why the host refused this guest (another protocol version), once it has said so. */
  refused: string | undefined;

  private constructor(
    private readonly socket: WebSocket,
    /** e.g. /g/<session>/<token>/ */
    readonly base: string,
    /** Whether the page's inline script says hello on this socket (guest-page.ts) rather than the bridge. */
    helloSaid: boolean,
  ) {
    socket.addEventListener('message', (event) => this.onMessage(String(event.data)));
    const flush = () => {
      // The protocol's first message: who this is and which version it speaks (the host refuses another).
      if (!helloSaid) socket.send(guestHello());
      for (const message of this.queue.splice(0)) socket.send(message);
    };
    if (socket.readyState === WebSocket.OPEN) flush();
    else socket.addEventListener('open', flush);
  }

  /**
   * The bridge socket for the guest served under `base`: the one the page's inline script opened (with the
   * messages it kept), or a new one. Messages wait until it is open.
   */
  static connect(base: string): Bridge {
    const early = (window as unknown as Record<string, EarlySocket | undefined>)[EARLY_SOCKET_GLOBAL];
    if (early) {
      delete (window as unknown as Record<string, unknown>)[EARLY_SOCKET_GLOBAL];
      const bridge = new Bridge(early.socket, base, true);
      early.stop();
      for (const text of early.early.splice(0)) bridge.onMessage(text);
      return bridge;
    }
    const url = new URL(`${base}__ttsim__/ws`, location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return new Bridge(new WebSocket(url), base, false);
  }

  /** Runs an async API on the host; `task` ties the call to a task object whose events `onTask` delivers. */
  call(api: string, params: unknown, task?: number): Promise<SuccessResult | FailResult> {
    return this.request<SuccessResult | FailResult>((id) => ({ t: 'call', id, api, params: encodeValue(params), ...(task === undefined ? {} : { task }) }));
  }

  /** Hands canvasToTempFilePath's encoded image to the host, which writes it into ttfile://temp. */
  storeImage(data: ArrayBuffer, fileType: 'png' | 'jpg'): Promise<SuccessResult | FailResult> {
    return this.request<SuccessResult | FailResult>((id) => ({ t: 'store-image', id, data: encodeValue(data), fileType }));
  }

  /** A fresh id for a task object (request, uploadFile, downloadFile, connectSocket). */
  newTaskId(): number {
    return this.nextTaskId++;
  }

  /** Delivers the host's events for task `id`; returns a function that stops them. */
  onTask(id: number, listener: (event: TaskEvent) => void): () => void {
    this.taskListeners.set(id, listener);
    return () => this.taskListeners.delete(id);
  }

  /** Delivers the host's app-level events (networkStatusChange) to `listener`, the only one. */
  onAppEvent(listener: (event: AppEvent, payload: unknown) => void): void {
    this.appEventListener = listener;
  }

  private storageListener: (() => void) | undefined;
  /** Hears that the storage was changed from outside the gadget (the devtools' Storage panel). */
  onStorageChanged(listener: () => void): void {
    this.storageListener = listener;
  }

  /** Replaces what a project reload does (default: reload the document). */
  onReload(handler: () => void): void {
    this.reloadHandler = handler;
  }

  /** Answers the host's `automation` requests with `handlers` (one per guest operation; the type makes a missing one a compile error). */
  answerAutomation(handlers: GuestAutomation): void {
    this.automation = handlers;
    for (const request of this.automationQueue.splice(0)) void this.automate(request.id, request.op, request.params);
  }

  /** abort (no answer) or SocketTask send / close (answered like a call). */
  taskOperation(task: number, op: 'abort'): void;
  taskOperation(task: number, op: 'send' | 'close', params: Record<string, unknown>): Promise<SuccessResult | FailResult>;
  taskOperation(task: number, op: 'abort' | 'send' | 'close', params?: Record<string, unknown>): Promise<SuccessResult | FailResult> | void {
    if (op === 'abort') return this.post({ t: 'task-op', id: 0, task, op });
    return this.request<SuccessResult | FailResult>((id) => ({ t: 'task-op', id, task, op, params: encodeValue(params ?? {}) }));
  }

  /**
   * Records a call the guest answered itself (getStorageSync from the read mirror). Outcomes are sent
   * together at the end of the current turn, or before any other message, so the event stream keeps their order.
   */
  recordOutcome(outcome: GuestCallOutcome): void {
    if (this.outcomes.length === 0) queueMicrotask(() => this.flushOutcomes());
    this.outcomes.push(outcome);
  }

  private flushOutcomes(): void {
    if (this.outcomes.length === 0) return;
    const outcomes = this.outcomes;
    this.outcomes = [];
    this.send({ t: 'outcomes', outcomes });
  }

  /** A synchronous GET of a runtime resource (storage.json), for the first Sync call that needs it. */
  getSync<T>(what: string): T {
    const request = new XMLHttpRequest();
    request.open('GET', `${this.base}__ttsim__/${what}`, false);
    request.send();
    if (request.status !== 200) throw new Error(`ttsim: the host answered ${request.status} for ${what}: ${request.responseText}`);
    return JSON.parse(request.responseText) as T;
  }

  /** Support check and validation on the host for an API the guest runs itself. */
  prepare(api: string, params: unknown): Promise<PrepareAnswer> {
    return this.request<PrepareAnswer>((id) => ({ t: 'prepare', id, api, params: encodeValue(params) }));
  }

  private request<T>(message: (id: number) => GuestToHost): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve) => {
      this.pending.set(id, resolve as (answer: never) => void);
      this.post(message(id));
    });
  }

  /** Runs a Sync API on the host; blocks the guest as a Sync API does on a phone. */
  callSync(api: string, args: readonly unknown[]): SyncAnswer {
    const request = new XMLHttpRequest();
    request.open('POST', `${this.base}__ttsim__/sync`, false);
    request.setRequestHeader('content-type', 'text/plain');
    request.send(JSON.stringify({ t: 'call-sync', protocol: PROTOCOL_VERSION, api, args: encodeValue(args) as unknown[] } satisfies GuestToHost));
    if (request.status !== 200) throw new Error(`ttsim: the sync bridge answered ${request.status}: ${request.responseText}`);
    const reply = JSON.parse(request.responseText) as HostToGuest;
    if (reply.t === 'refused') throw new Error(reply.reason);
    if (reply.t !== 'sync-answer') throw new Error(`ttsim: the sync bridge answered ${reply.t}, not sync-answer`);
    return decodeValue(reply.answer) as SyncAnswer;
  }

  post(message: GuestToHost): void {
    this.flushOutcomes();
    this.send(message);
  }

  private send(message: GuestToHost): void {
    const text = JSON.stringify(message);
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
    else this.queue.push(text);
  }

  /** Calls still waiting for the host. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Resolves when no call is waiting for the host. */
  whenSettled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private onMessage(text: string): void {
    const message = JSON.parse(text) as HostToGuest;
    if (message.t === 'welcome') return;
    if (message.t === 'refused') {
      this.refused = message.reason;
      console.error(`ttsim: ${message.reason}`);
    } else if (message.t === 'mocks') this.mocked = new Set(message.apis);
    else if (message.t === 'task') this.taskListeners.get(message.task)?.(decodeValue(message.event) as TaskEvent);
    else if (message.t === 'app-event') this.appEventListener?.(message.event, decodeValue(message.payload));
    else if (message.t === 'automation') void this.automate(message.id, message.op, decodeValue(message.params));
    else if (message.t === 'csp') tightenPolicy(message.policy, message.relaxes);
    else if (message.t === 'storage-changed') this.storageListener?.();
    else if (message.t === 'reload') {
      console.info(`ttsim: reloading after ${message.reason}`);
      this.reloadHandler();
    }
    else if (message.t === 'sync-answer') return;
    else {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(decodeValue(message.t === 'result' ? message.result : message.answer) as never);
      if (this.pending.size === 0) for (const waiter of this.idleWaiters.splice(0)) waiter();
    }
  }

  private async automate(id: number, op: GuestOp, params: unknown): Promise<void> {
    if (!this.automation) {
      this.automationQueue.push({ id, op, params });
      return;
    }
    try {
      const handler = this.automation[op] as (p: unknown) => unknown;
      const value = await handler(params);
      this.post({ t: 'automation-reply', id, ok: true, value: encodeValue(value) });
    } catch (error) {
      this.post({ t: 'automation-reply', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/**
 * Adds the host's new Content-Security-Policy to this document. Browsers enforce every policy a document
 * has, so this only tightens (offline, a shorter allow-list); what a looser policy would allow needs a reload.
 */
function tightenPolicy(policy: string, relaxes: boolean): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.append(meta);
  if (relaxes) console.info('ttsim: the network policy changed; tt.request follows it at once, the page\'s own images, scripts and fetches after a reload');
}

/** The guest base path from this script's own URL (…/__ttsim__/<bundle>.js → …/). */
export function guestBaseFromScript(script: HTMLOrSVGScriptElement | null): string {
  const src = script instanceof HTMLScriptElement ? script.src : '';
  const url = new URL(src || location.href);
  const marker = url.pathname.indexOf('/__ttsim__/');
  if (marker < 0) throw new Error('ttsim: the runtime must be loaded from /g/<session>/<token>/__ttsim__/');
  return url.pathname.slice(0, marker + 1);
}
