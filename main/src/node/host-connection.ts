/**
 * The host's one dispatcher: every message of every client (guest, devtools, automation) enters through
 * `HostConnection.dispatch`, is validated against the protocol's schemas (emulator-api/src/protocol) and
 * routed to the session. Transports (the WebSocket server, the sync HTTP channel, Electron IPC, the
 * in-process automation client) only carry text to `dispatch` and from `Transport.send`.
 */
import type { z } from 'zod';
import { Errno } from '../../../emulator-api/src/common/errors.js';
import { failFromError, failResult } from '../../../emulator-api/src/common/fail-result.js';
import type { FailResult, SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import type { TaskEvent } from '../../../emulator-api/src/common/tasks.js';
import type { TaskControl } from '../../../emulator-api/src/node/task-calls.js';
import {
  controlToHost, guestOps, guestToHost, hostOps, isGuestOp,
  type ControlOp, type GuestOp, type HostMessage, type HostToControl, type HostToGuest, type OpParams, type OpReply,
} from '../../../emulator-api/src/protocol/messages.js';
import { PROTOCOL_VERSION, REFUSED_CLOSE_CODE, versionMismatch, type ClientRole } from '../../../emulator-api/src/protocol/version.js';
import { decodeValue, encodeValue, WIRE_LIMITS, WireError, wireLimitBreach } from '../../../emulator-api/src/protocol/wire.js';
import type { HostSession } from './host.js';
import type { NetworkPolicy } from '../../../emulator-api/src/node/network-policy.js';
import { ShellWire } from './shell-wire.js';
import { hostOperations } from './host-operations.js';

/** What a transport gives the dispatcher: a way to send one message (JSON text) and to end the connection. */
export interface Transport {
  send(json: string): void;
  close(code: number, reason: string): void;
}

type GuestMessage = z.output<typeof guestToHost>;
type ControlMessage = z.output<typeof controlToHost>;
type Request = Extract<ControlMessage, { t: 'request' }>;

/** How long a forwarded request waits for the guest when the client names no timeout. */
const DEFAULT_FORWARD_TIMEOUT_MS = 30_000;

/**
 * When the devtools get new events: after the stream has been quiet this long (a single call shows at
 * once)… or, during a burst, at most this often: each message the page handles and draws takes CPU from
 * the guest (bench/bridge.mjs: at five messages a second the bridge's p99 was 1.7× the bare echo's).
 */
const DEVTOOLS_QUIET_MS = 30;
const DEVTOOLS_MAX_WAIT_MS = 1000;

interface Forwarded {
  readonly op: GuestOp;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
  readonly waitingFor: string;
}

const shortIssue = (error: z.ZodError) => error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');

export class HostConnection {
  private role: ClientRole | undefined;
  private closed = false;
  private readonly stops: (() => void)[] = [];
  /** The tasks this guest holds (requests in flight, open sockets), by the guest's task id. */
  private readonly tasks = new Map<number, TaskControl>();
  /** Requests forwarded to this guest, waiting for its `automation-reply`. */
  private readonly forwarded = new Map<number, Forwarded>();
  private nextForwardId = 1;

  constructor(
    readonly session: HostSession,
    private readonly transport: Transport,
    /** The roles this transport may hello as: a guest-token socket can never become devtools. */
    private readonly allowedRoles: readonly ClientRole[],
    /** What a guest connection's documents may load, for the policy in force (guest-csp.ts); none in-process. */
    private readonly cspFor?: (policy: NetworkPolicy) => string,
  ) {}

  get clientRole(): ClientRole | undefined {
    return this.role;
  }

  /**
   * Handles one message (JSON text or its parsed value) at once; replies and events go out through the
   * transport. Nothing a client sends can throw out of here: a message past the wire limits, off the
   * schema, or with a value that does not decode is answered as malformed and recorded.
   */
  dispatch(raw: string | unknown): void {
    if (this.closed) return;
    let message: unknown;
    try {
      if (typeof raw === 'string' && raw.length > WIRE_LIMITS.messageBytes) return this.malformed(undefined, `it is longer than ${WIRE_LIMITS.messageBytes} bytes`);
      try {
        message = typeof raw === 'string' ? JSON.parse(raw) : raw;
      } catch {
        return this.malformed(undefined, 'it is not JSON');
      }
      const breach = wireLimitBreach(message);
      if (breach) return this.malformed(message, breach);
      this.route(message);
    } catch (error) {
      // A value that does not decode ($ab that is not base64), or a bug of ours: this message fails, the host goes on.
      this.malformed(message, error instanceof WireError ? error.message : `ttsim could not handle it (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  private route(message: unknown): void {
    if (this.role === undefined || this.role === 'guest') {
      const parsed = guestToHost.safeParse(message);
      if (!parsed.success) return this.malformed(message, shortIssue(parsed.error));
      if (parsed.data.t === 'hello') return this.hello(parsed.data);
      if (parsed.data.t === 'call-sync') return this.callSync(parsed.data);
      if (this.role === undefined) return this.refuse(`the first message must be hello (protocol ${PROTOCOL_VERSION}), not ${parsed.data.t}`);
      return this.fromGuest(parsed.data);
    }
    const parsed = controlToHost.safeParse(message);
    if (!parsed.success) return this.malformed(message, shortIssue(parsed.error));
    if (parsed.data.t === 'hello') return this.refuse('this connection has said hello already');
    void this.request(parsed.data);
  }

  /** The transport ended: tasks are disposed, forwarded requests fail, subscriptions stop. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const stop of this.stops.splice(0)) stop();
    for (const control of this.tasks.values()) control.dispose();
    this.tasks.clear();
    for (const pending of this.forwarded.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`the guest disconnected while ttsim waited for ${pending.waitingFor}`));
    }
    this.forwarded.clear();
    if (this.role === 'guest') this.session.detachGuest(this);
  }

  /**
   * Asks this guest to answer a request of devtools or automation; fails after `timeoutMs`, naming what it
   * waited for, or when the guest goes away first.
   */
  forward<O extends GuestOp>(op: O, params: OpParams<O>, options: { timeoutMs?: number; waitingFor?: string } = {}): Promise<OpReply<O>> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_FORWARD_TIMEOUT_MS;
    const waitingFor = options.waitingFor ?? `the guest to answer ${op}`;
    const id = this.nextForwardId++;
    return new Promise<OpReply<O>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.forwarded.delete(id);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${waitingFor}`));
      }, timeoutMs);
      this.forwarded.set(id, { op, resolve: resolve as (value: unknown) => void, reject, timer, waitingFor });
      this.send({ t: 'automation', id, op, params: encodeValue(params) } as HostToGuest);
    });
  }

  private send(message: HostMessage): void {
    if (!this.closed) this.transport.send(JSON.stringify(message));
  }

  private refuse(reason: string): void {
    this.send({ t: 'refused', reason });
    this.transport.close(REFUSED_CLOSE_CODE, reason.slice(0, 120));
    this.close();
  }

  /** A message that does not match the protocol: a request gets a fail answer (so nothing waits forever), the rest a console warning. */
  private malformed(message: unknown, problem: string): void {
    const fields = (typeof message === 'object' && message !== null ? message : {}) as { t?: unknown; id?: unknown; api?: unknown };
    const what = `ttsim ignored a malformed message from the ${this.role ?? 'client'} (${problem})`;
    this.session.events.push({ type: 'console', level: 'warn', args: [what] });
    if (this.role === undefined) return this.refuse(`${what}; the first message must be hello (protocol ${PROTOCOL_VERSION})`);
    const id = typeof fields.id === 'number' ? fields.id : undefined;
    if (this.role !== 'guest') {
      if (id !== undefined) this.send({ t: 'reply', id, ok: false, error: what });
      return;
    }
    if (id === undefined) return;
    const name = typeof fields.api === 'string' ? fields.api : String(fields.t ?? 'call');
    const fail = failResult(name, Errno.internal, what);
    if (fields.t === 'prepare') this.send({ t: 'prepared', id, answer: { ok: false, fail } });
    else if (fields.t === 'call' || fields.t === 'store-image' || fields.t === 'task-op') this.send({ t: 'result', id, result: fail });
    else if (fields.t === 'automation-reply') this.settleForwarded(id, { ok: false, error: what });
  }

  private hello(message: Extract<GuestMessage, { t: 'hello' }>): void {
    if (this.role !== undefined) return this.refuse('this connection has said hello already');
    if (!this.allowedRoles.includes(message.role)) return this.refuse(`this connection cannot act as ${message.role} (it may be ${this.allowedRoles.join(' or ')})`);
    if (message.protocol !== PROTOCOL_VERSION) return this.refuse(versionMismatch(message.role, message.protocol));
    this.role = message.role;
    if (message.role === 'guest') return this.helloGuest();
    this.send({ t: 'welcome', protocol: PROTOCOL_VERSION, sessionId: this.session.id } satisfies HostToControl);
    if (message.role !== 'devtools') return;
    this.streamEvents();
    const stopOffering = this.session.picker?.offer((request) => this.send({ t: 'picker', request }));
    if (stopOffering) this.stops.push(stopOffering);
  }

  // ── the guest ──────────────────────────────────────────────────────────────────────────────────────

  private helloGuest(): void {
    const { session } = this;
    this.send({ t: 'welcome', protocol: PROTOCOL_VERSION });
    this.send({ t: 'mocks', apis: session.mockedApis() });
    this.stops.push(
      session.onMocksChanged((apis) => this.send({ t: 'mocks', apis })),
      session.onAppEvent((event, payload) => this.send({ t: 'app-event', event, payload: encodeValue(payload) })),
      session.onReload((reason) => this.send({ t: 'reload', reason })),
      session.onStorageChanged(() => this.send({ t: 'storage-changed' })),
      session.onNetworkPolicy((policy) => {
        if (this.cspFor) this.send({ t: 'csp', policy: this.cspFor(policy), relaxes: policy !== 'offline' });
      }),
    );
    session.attachGuest(this);
  }

  private fromGuest(message: Exclude<GuestMessage, { t: 'hello' | 'call-sync' }>): void {
    const { session } = this;
    switch (message.t) {
      case 'call':
        if (message.task !== undefined) return this.startTask(message, message.task);
        return this.answer(message.id, session.call(message.api, decodeValue(message.params)), message.api);
      case 'task-op':
        return this.taskOperation(message);
      case 'store-image': {
        const data = decodeValue(message.data);
        return this.answer(message.id, data instanceof ArrayBuffer ? session.storeImage(data, message.fileType) : Promise.resolve(failResult('canvasToTempFilePath', Errno.invalidImageData, 'the guest sent no image bytes')));
      }
      case 'prepare':
        return this.send({ t: 'prepared', id: message.id, answer: encodeValue(session.prepare(message.api, decodeValue(message.params))) as never });
      case 'outcome':
        return session.recordGuestOutcome(message);
      case 'outcomes':
        return message.outcomes.forEach((outcome) => session.recordGuestOutcome(outcome));
      case 'console':
        return void session.events.push({ type: 'console', level: message.level, args: message.args });
      case 'event':
        return void session.events.push({ type: 'guest', event: message.event });
      case 'automation-reply':
        return this.settleForwarded(message.id, message);
    }
  }

  private callSync(message: Extract<GuestMessage, { t: 'call-sync' }>): void {
    if (message.protocol !== PROTOCOL_VERSION) return this.refuse(versionMismatch('guest', message.protocol));
    const answer = this.session.callSync(message.api, decodeValue(message.args) as unknown[]);
    this.send({ t: 'sync-answer', answer: encodeValue(answer) as never });
  }

  private answer(id: number, settled: Promise<SuccessResult | FailResult>, api = 'call'): void {
    settled
      .then((result) => this.send({ t: 'result', id, result: encodeValue(result) as typeof result }))
      .catch((error: unknown) => this.send({ t: 'result', id, result: failFromError(api, error) }));
  }

  private startTask(message: Extract<GuestMessage, { t: 'call' }>, task: number): void {
    const { settled, control } = this.session.callTask(message.api, decodeValue(message.params), (event) => {
      this.send({ t: 'task', task, event: encodeValue(event) as TaskEvent });
      if (event.type === 'close') this.tasks.delete(task);
    });
    if (control) this.tasks.set(task, control);
    settled
      .then((result) => {
        if ('errno' in result || this.session.taskKindOf(message.api) !== 'SocketTask') this.tasks.delete(task);
        this.send({ t: 'result', id: message.id, result: encodeValue(result) as typeof result });
      })
      .catch((error: unknown) => this.send({ t: 'result', id: message.id, result: failFromError(message.api, error) }));
  }

  private taskOperation(message: Extract<GuestMessage, { t: 'task-op' }>): void {
    const control = this.tasks.get(message.task);
    if (message.op === 'abort') return control?.abort();
    const params = (decodeValue(message.params ?? {}) ?? {}) as Record<string, unknown>;
    this.answer(message.id, control ? control.socket(message.op, params) : Promise.resolve(failResult(message.op, Errno.networkFailure, 'the socket is not open (it is closed)')));
  }

  private settleForwarded(id: number, reply: { ok: boolean; value?: unknown; error?: string | undefined }): void {
    const pending = this.forwarded.get(id);
    if (!pending) return;
    this.forwarded.delete(id);
    clearTimeout(pending.timer);
    if (!reply.ok) return pending.reject(new Error(reply.error ?? `the guest failed ${pending.op} without saying why`));
    const value = decodeValue(reply.value);
    const checked = guestOps[pending.op].reply.safeParse(value);
    if (!checked.success) return pending.reject(new Error(`the guest answered ${pending.op} with a value the protocol does not allow (${shortIssue(checked.error)})`));
    pending.resolve(checked.data);
  }

  // ── devtools and automation ────────────────────────────────────────────────────────────────────────

  private async request(message: Request): Promise<void> {
    const op = message.op as ControlOp;
    try {
      const params = (isGuestOp(op) ? guestOps[op] : hostOps[op]).params.safeParse(message.params);
      if (!params.success) throw new Error(`${op}: ${shortIssue(params.error)}`);
      const value = isGuestOp(op)
        ? await this.session.askGuest(op, params.data as never, { ...(message.timeoutMs ? { timeoutMs: message.timeoutMs } : {}), ...(message.waitingFor ? { waitingFor: message.waitingFor } : {}) })
        : await (hostOperations[op] as (session: HostSession, params: unknown) => unknown)(this.session, params.data);
      this.send({ t: 'reply', id: message.id, ok: true, value: encodeValue(value) });
    } catch (error) {
      this.send({ t: 'reply', id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Devtools: the kept events at once, later ones in batches (see DEVTOOLS_QUIET_MS). */
  private streamEvents(): void {
    const wire = new ShellWire();
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(quiet);
      clearTimeout(deadline);
      quiet = deadline = undefined;
      if (this.closed) return;
      let text: string;
      try {
        text = wire.take();
      } catch (error) {
        // An event that does not encode (a bug of ours, since the stream bounds what it keeps): this batch is lost, the host goes on.
        text = JSON.stringify({ t: 'events', rules: {}, events: [] });
        console.error(`ttsim: could not encode the devtools' events: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.transport.send(text);
    };
    for (const event of this.session.events.list()) wire.add(event);
    flush();
    const stop = this.session.events.subscribe((event) => {
      wire.add(event);
      if (quiet) quiet.refresh();
      else quiet = setTimeout(flush, DEVTOOLS_QUIET_MS);
      deadline ??= setTimeout(flush, DEVTOOLS_MAX_WAIT_MS);
    });
    this.stops.push(() => {
      stop();
      clearTimeout(quiet);
      clearTimeout(deadline);
    });
  }
}
