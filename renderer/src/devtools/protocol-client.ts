/**
 * The devtools' one connection to the host: a WebSocket at /s/<session>/ws that says hello as `devtools`,
 * then carries the session's event stream one way and named requests (hostOps / guestOps) both ways.
 * The UI only sees the DevtoolsClient interface, so tests drive the app with a fake client and no host.
 */
import { PROTOCOL_VERSION } from '../../../emulator-api/src/protocol/version.js';
import { decodeValue } from '../../../emulator-api/src/protocol/wire.js';
import type { ControlOp, ControlToHost, EventsBatch, GuestOp, HostToControl, OpParams, OpReply, PickerRequest } from './protocol.js';

export type ConnectionStatus = 'connecting' | 'open' | 'refused' | 'closed';

export interface ClientState {
  readonly status: ConnectionStatus;
  /** The host's reason for a refusal, or why the socket closed. */
  readonly reason?: string;
  readonly sessionId?: string;
}

export interface RequestOptions {
  /** How long to wait for the reply (default 15 s); the host also gets it for operations it forwards to the guest. */
  readonly timeoutMs?: number;
  /** What a forwarded request waits for, for the error message when it times out. */
  readonly waitingFor?: string;
}

/** What the UI needs of a connection. */
export interface DevtoolsClient {
  readonly state: ClientState;
  /** Sends one request; resolves with its decoded reply value, rejects with the host's error or a timeout naming the op. */
  request<O extends ControlOp>(op: O, params: OpParams<O>, options?: RequestOptions): Promise<OpReply<O>>;
  /** Each `events` message, in order. Returns the unsubscribe function. */
  onEvents(listener: (batch: EventsBatch) => void): () => void;
  onState(listener: (state: ClientState) => void): () => void;
  /** tt.chooseImage waits for the user: show the picker and answer with the answerPicker operation. */
  onPicker(listener: (request: PickerRequest) => void): () => void;
  close(): void;
}

/** The smallest WebSocket the client needs (the browser's, or a fake in tests). */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Slack over a forwarded request's timeout, so the host's error (which names what it waited for) arrives first. */
const FORWARD_SLACK_MS = 1_000;
/** The operations the host forwards to the guest (the type makes a new one in the protocol fail to compile here). */
const guestOpNames: Readonly<Record<GuestOp, true>> = {
  whenIdle: true, currentPage: true, pageData: true, setPageData: true, pageStack: true, modal: true,
  answerDialog: true, callTT: true, navigate: true, domSelector: true, setAppVisible: true, reportInput: true, replayInput: true,
};

/** The devtools socket's URL for a session, from the page's own URL (http → ws, https → wss). */
export function devtoolsSocketUrl(pageUrl: string, sessionId: string, token: string): string {
  const url = new URL(`/s/${encodeURIComponent(sessionId)}/ws?token=${encodeURIComponent(token)}`, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

interface Pending {
  readonly op: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class ProtocolClient implements DevtoolsClient {
  private current: ClientState = { status: 'connecting' };
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests made before the host's welcome, sent when it arrives. */
  private readonly queued: string[] = [];
  private readonly eventListeners = new Set<(batch: EventsBatch) => void>();
  private readonly stateListeners = new Set<(state: ClientState) => void>();
  private readonly pickerListeners = new Set<(request: PickerRequest) => void>();

  constructor(private readonly socket: SocketLike) {
    socket.addEventListener('open', () => this.send({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'devtools' }));
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', (event) => this.closed(event.reason || `the connection to the ttsim host closed (code ${event.code})`));
    socket.addEventListener('error', () => {
      /* a close event follows, with the code */
    });
  }

  get state(): ClientState {
    return this.current;
  }

  request<O extends ControlOp>(op: O, params: OpParams<O>, options: RequestOptions = {}): Promise<OpReply<O>> {
    const { status, reason } = this.current;
    if (status === 'refused' || status === 'closed') return Promise.reject(new Error(`${op}: not connected to the ttsim host (${reason ?? status})`));
    const id = this.nextId++;
    const forwarded = Object.hasOwn(guestOpNames, op);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const message: ControlToHost = {
      t: 'request',
      id,
      op,
      params: params as Record<string, unknown>,
      ...(forwarded ? { timeoutMs } : {}),
      ...(forwarded && options.waitingFor ? { waitingFor: options.waitingFor } : {}),
    };
    return new Promise<OpReply<O>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${op}: the ttsim host did not reply within ${timeoutMs} ms`));
      }, timeoutMs + (forwarded ? FORWARD_SLACK_MS : 0));
      this.pending.set(id, { op, resolve: resolve as (value: unknown) => void, reject, timer });
      const text = JSON.stringify(message);
      if (status === 'open') this.socket.send(text);
      else this.queued.push(text);
    });
  }

  onEvents(listener: (batch: EventsBatch) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onState(listener: (state: ClientState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onPicker(listener: (request: PickerRequest) => void): () => void {
    this.pickerListeners.add(listener);
    return () => this.pickerListeners.delete(listener);
  }

  close(): void {
    this.socket.close(1000, 'the devtools page closed the connection');
    this.closed('the devtools page closed the connection');
  }

  private send(message: ControlToHost): void {
    this.socket.send(JSON.stringify(message));
  }

  private receive(data: unknown): void {
    let message: HostToControl;
    try {
      message = JSON.parse(String(data)) as HostToControl;
    } catch {
      return;
    }
    switch (message.t) {
      case 'welcome': {
        this.setState({ status: 'open', sessionId: message.sessionId });
        for (const text of this.queued.splice(0)) this.socket.send(text);
        return;
      }
      case 'refused':
        this.setState({ status: 'refused', reason: message.reason });
        return this.failPending(`the ttsim host refused this page: ${message.reason}`);
      case 'events':
        for (const listener of this.eventListeners) listener({ rules: message.rules, events: message.events });
        return;
      case 'picker':
        for (const listener of this.pickerListeners) listener(message.request);
        return;
      case 'reply': {
        const pending = this.pending.get(message.id);
        if (!pending) return;
        this.pending.delete(message.id);
        clearTimeout(pending.timer);
        if (!message.ok) return pending.reject(new Error(`${pending.op}: ${message.error}`));
        try {
          pending.resolve(decodeValue(message.value));
        } catch (error) {
          pending.reject(new Error(`${pending.op}: ${error instanceof Error ? error.message : String(error)}`));
        }
      }
    }
  }

  private closed(reason: string): void {
    if (this.current.status === 'refused' || this.current.status === 'closed') return;
    this.setState({ status: 'closed', reason, ...(this.current.sessionId ? { sessionId: this.current.sessionId } : {}) });
    this.failPending(reason);
  }

  private failPending(reason: string): void {
    this.queued.length = 0;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(new Error(`${pending.op}: ${reason}`));
    }
  }

  private setState(state: ClientState): void {
    this.current = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

/** Opens the devtools socket and returns its client (it says hello as soon as the socket opens). */
export function connectDevtools(url: string, createSocket: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike): DevtoolsClient {
  return new ProtocolClient(createSocket(url));
}
