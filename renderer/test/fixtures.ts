/** Events, sessions and a fake DevtoolsClient for the devtools' tests (no host, no socket). */
import type { ClientState, DevtoolsClient, RequestOptions } from '../src/devtools/protocol-client.js';
import type { ApiMatrixEntry, AppliedRule, CallEvent, ControlOp, DevtoolsEvent, EventsBatch, HostEvent, OpParams, OpReply, PickerRequest, SessionInfo } from '../src/devtools/protocol.js';

let time = Date.UTC(2025, 0, 1, 12, 0, 0);

export function call(seq: number, api: string, options: { ok?: boolean; errno?: number; rules?: string[]; errMsg?: string; side?: 'host' | 'guest' } = {}): CallEvent {
  const ok = options.ok ?? true;
  return {
    seq,
    time: (time += 5),
    type: 'call',
    side: options.side ?? 'host',
    mocked: false,
    record: {
      seq,
      api,
      durationMs: 1.5,
      ok,
      ...(ok ? {} : { errno: (options.errno ?? 1001) as never }),
      errMsg: options.errMsg ?? `${api}:${ok ? 'ok' : 'fail something went wrong'}`,
      rules: options.rules ?? [],
    },
  };
}

export const consoleEvent = (seq: number, level: 'log' | 'info' | 'warn' | 'error' | 'debug', ...args: string[]): DevtoolsEvent => ({ seq, time: (time += 5), type: 'console', level, args });
export const guestError = (seq: number, message: string, file = 'pages/index/index.js', line = 12): DevtoolsEvent => ({
  seq,
  time: (time += 5),
  type: 'guest',
  event: { kind: 'error', message, file, line, stack: `Error: ${message}\n    at onLoad (${file}:${line})` },
});

export const rule = (id: string, kind: 'documented' | 'inferred' | 'assumed', text = `rule ${id}`): AppliedRule => ({ id, text, provenance: { kind, source: kind === 'documented' ? 'https://open.feishu.cn/document/x' : `why ${id}` } });

export const batch = (events: readonly DevtoolsEvent[], rules: Record<string, AppliedRule> = {}): EventsBatch => ({ events, rules });

export const session: SessionInfo = {
  sessionId: 's1',
  project: { name: 'compress-demo', kind: 'gadget' },
  appId: 'cli_test',
  profile: {
    app: 'gadget',
    platform: 'ios',
    client: '7.39.0',
    device: {
      id: 'iphone-15', label: 'iPhone 15', platform: 'ios', systemPlatform: 'ios', system: 'iOS 17.5', brand: 'Apple', model: 'iPhone 15',
      pixelRatio: 3, screenWidth: 393, screenHeight: 852, windowWidth: 393, windowHeight: 759, statusBarHeight: 54, deviceType: 'phone', language: 'zh_CN',
    },
  },
  guestUrl: '/g/s1/guesttoken/__ttsim__/gadget.html',
  fileUrl: '/s/s1/file?token=T&path=',
  network: 'online',
  uploadUrl: '/s/s1/upload?token=t',
  sampleUrl: '/s/s1/sample?token=t&id=',
  mocked: [],
};

type Handlers = { [O in ControlOp]?: (params: OpParams<O>) => OpReply<O> | Promise<OpReply<O>> };

/** A DevtoolsClient that answers requests from `handlers` and records them; `emit` plays an events message. */
export class FakeClient implements DevtoolsClient {
  state: ClientState = { status: 'open', sessionId: 's1' };
  readonly requests: { op: ControlOp; params: unknown }[] = [];
  private readonly eventListeners = new Set<(batch: EventsBatch) => void>();
  private readonly stateListeners = new Set<(state: ClientState) => void>();
  private readonly pickerListeners = new Set<(request: PickerRequest) => void>();

  constructor(private readonly handlers: Handlers = {}) {}

  async request<O extends ControlOp>(op: O, params: OpParams<O>, _options?: RequestOptions): Promise<OpReply<O>> {
    this.requests.push({ op, params });
    if (op === 'session' && !this.handlers.session) return session as OpReply<O>;
    const handler = this.handlers[op] as ((p: OpParams<O>) => OpReply<O> | Promise<OpReply<O>>) | undefined;
    if (!handler) throw new Error(`${op}: the fake client has no handler`);
    return handler(params);
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

  /** The host asks the devtools to show the image picker. */
  askPicker(request: PickerRequest): void {
    for (const listener of this.pickerListeners) listener(request);
  }

  emit(events: EventsBatch): void {
    for (const listener of this.eventListeners) listener(events);
  }

  setState(state: ClientState): void {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }

  close(): void {
    this.setState({ status: 'closed', reason: 'closed by the test' });
  }

  ops(): ControlOp[] {
    return this.requests.map((r) => r.op);
  }
}

/** A full compressImage call event as the `event` operation answers it. */
export function compressEvent(seq: number, src: string, out: string, quality?: number): HostEvent {
  return {
    seq,
    time,
    type: 'call',
    side: 'host',
    mocked: false,
    record: {
      seq,
      api: 'compressImage',
      params: { src, ...(quality === undefined ? {} : { quality }) },
      startedAt: time,
      durationMs: 12,
      ok: true,
      result: { errMsg: 'compressImage:ok', tempFilePath: out } as never,
      rules: [rule('jpeg-only', 'documented')],
    },
  };
}

type Row = { android: string | null; ios: string | null; pc: string | null; harmony: string | null };

/** An apiMatrix entry: its support per app kind and platform, and rules (platform-specific ones have a platform list). */
export function matrixEntry(name: string, gadget: Row, webapp: Row, behaviours: ApiMatrixEntry['behaviours'] = [], calls = 1): ApiMatrixEntry {
  return {
    name,
    summary: `${name} does things.`,
    doc: `https://open.feishu.cn/document/${name}`,
    side: 'host',
    support: { matrix: { gadget, webapp }, provenance: { kind: 'documented', source: `https://open.feishu.cn/document/${name}#support` } },
    behaviours,
    calls,
  };
}

export const compressImageEntry = matrixEntry(
  'compressImage',
  { android: '2.0.0', ios: '2.0.0', pc: '2.0.0', harmony: '7.35.0' },
  { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
  [
    { id: 'quality-default', platforms: 'all', text: 'quality defaults to 80.', provenance: { kind: 'documented', source: 'https://open.feishu.cn/document/compressImage' } },
    { id: 'pc-png-kept', platforms: ['pc'], text: 'On PC a PNG stays a PNG.', provenance: { kind: 'assumed', source: 'no PC doc; what the desktop client did in a test' } },
  ],
);

export const requestEntry = matrixEntry('request', { android: '1.0.0', ios: '1.0.0', pc: '1.0.0', harmony: '7.35.0' }, { android: null, ios: null, pc: null, harmony: null });
