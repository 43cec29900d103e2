/**
 * The host core, transport-agnostic: it owns sessions (one running gadget under one profile), routes each
 * guest tt.* call to emulator-api, applies test mocks, and records everything in the session's event
 * stream. The HTTP/WebSocket server and (later) Electron IPC are thin transports over it.
 */
import { randomBytes } from 'node:crypto';
import { errMsgName, sideOf } from '../../../emulator-api/src/common/api-spec.js';
import type { FailResult, SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import { makeCallRecord, prepareGuestCall, recordGuestCall, TtSyncError, type BaseCallContext, type CallRunnerOptions } from '../../../emulator-api/src/common/call.js';
import { Errno } from '../../../emulator-api/src/common/errors.js';
import type { ProfileOptions } from '../../../emulator-api/src/common/profiles.js';
import { isNotEmulated } from '../../../emulator-api/src/common/apis/not-emulated.js';
import { findApi, listApis, taskKindOf } from '../../../emulator-api/src/common/registry.js';
import { isMockedNetworkRecord } from '../../../emulator-api/src/common/apis/network.js';
import type { StorageSnapshot } from '../../../emulator-api/src/common/storage-model.js';
import { canIUseAnswers, checkApiSupport } from '../../../emulator-api/src/common/support.js';
import type { TaskEvent } from '../../../emulator-api/src/common/tasks.js';
import type { TaskControl } from '../../../emulator-api/src/node/task-calls.js';
import { createSession, type Session, type SessionOptions } from '../../../emulator-api/src/index.js';
import type { ImageChooser } from '../../../emulator-api/src/node/context.js';
import type { JssdkPolicy } from '../../../emulator-api/src/node/simulated-world.js';
import type { NetworkPolicy } from '../../../emulator-api/src/node/network-policy.js';
import { networkStatusOf } from '../../../emulator-api/src/node/apis/network-status.js';
import type { AppEvent } from '../../../emulator-api/src/common/listeners.js';
import type { BootPayload, GuestApi, GuestCallOutcome, GuestOp, OpParams, OpReply, PrepareAnswer, SyncAnswer } from '../../../emulator-api/src/protocol/messages.js';
import { PROTOCOL_VERSION, type ClientRole } from '../../../emulator-api/src/protocol/version.js';
import type { RequestMock, UrlPattern } from '../../../emulator-api/src/node/network-policy.js';
import { HostConnection, type Transport } from './host-connection.js';
import { EventStream } from './event-stream.js';
import { loadProject, ProjectError, type LoadedProject } from './project.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { ImagePicker } from './image-picker.js';
import { endCompare, startCompare, type CompareGroup } from './compare-group.js';
import * as path from 'node:path';
import { notInPackage } from '../../../emulator-api/src/common/package-files.js';
import { failFromError, failResult, notEmulatedFail, notEmulatedWarning } from '../../../emulator-api/src/common/fail-result.js';
import { systemInfoAnswer } from '../../../emulator-api/src/node/apis/system.js';

/** A mocked API answers with this: fields of a success result, or a fail (has errno). */
export type MockAnswer = Record<string, unknown> | ((params: unknown) => Record<string, unknown> | Promise<Record<string, unknown>>);

export interface OpenSessionOptions extends Omit<ProfileOptions, 'app'>, Pick<SessionOptions, 'testUser' | 'launch' | 'jssdk' | 'network' | 'strict'> {
  /** The app kind; default the project's own (app.json: a gadget, index.html: a web app). It must match the project. */
  app?: ProfileOptions['app'];
  project: string;
  appId?: string;
  chooser?: ImageChooser;
  /** This session's own data folder (ttfile://user and storage per app id); default the host's. */
  dataDir?: string;
}

const token = () => randomBytes(24).toString('base64url');

export class HostSession {
  readonly id: string;
  /** Grants control of the session (shell, automation): never given to the guest. */
  readonly hostToken = token();
  /** Grants the guest its bridge and its own files, nothing else. */
  readonly guestToken = token();

  /** Where the guest's files are served: /g/<session>/<guest token>/. */
  get guestBase(): string {
    return `/g/${this.id}/${this.guestToken}/`;
  }

  /** The guest's document: the gadget runtime's page, or the web app's index.html (with ttsim's h5sdk). */
  get guestDocument(): string {
    return `${this.guestBase}${this.project.kind === 'gadget' ? '__ttsim__/gadget.html' : 'index.html'}`;
  }
  readonly events = new EventStream();
  private readonly mocks = new Map<string, MockAnswer>();
  private readonly mockListeners = new Set<(apis: string[]) => void>();
  /** Finds the APIs the project's code uses (ttsim check's scan, given by the CLI); absent in the SDK. */
  codeScanner: CodeScanner | undefined;

  /** The image picker the devtools show when tt.chooseImage finds no queued files. */
  picker: ImagePicker | undefined;

  /** Opens this project again under another profile (set by the Host that opened this session). */
  relaunchWith: ((profile: Partial<ProfileOptions>) => Promise<HostSession>) | undefined;

  /** Opens this project under more profiles beside this session, for a live compare (compare-group.ts; set by the Host). */
  compareWith: ((profiles: readonly Partial<ProfileOptions>[]) => Promise<CompareGroup>) | undefined;

  constructor(
    readonly session: Session,
    private loaded: LoadedProject,
  ) {
    this.id = session.id;
    session.onCall((record) => this.events.push({ type: 'call', record, side: 'host', mocked: isMockedNetworkRecord(record) }));
    session.onCallbackError((api, error) => this.events.push({ type: 'console', level: 'error', args: [`a ${api} callback threw: ${String(error)}`] }));
    this.events.push({ type: 'session', what: 'opened' });
  }

  /** The project as last read from disk (reloadProject reads it again). */
  get project(): LoadedProject {
    return this.loaded;
  }

  /**
   * Reads the project folder again (after an edit) and tells the guest to reload, keeping its page and
   * query. A project that no longer loads (invalid app.json) keeps the last good one and says why in the
   * event stream; a TTML or JS error shows in the guest's overlay after the reload, as at start.
   */
  reloadProject(reason: string): void {
    try {
      this.loaded = loadProject(this.loaded.root);
    } catch (error) {
      this.events.push({ type: 'console', level: 'error', args: [`ttsim could not reload the project after ${reason}: ${error instanceof Error ? error.message : String(error)}`] });
      return;
    }
    this.events.push({ type: 'session', what: 'reloaded' });
    for (const listener of this.reloadListeners) listener(reason);
  }

  /** The storage was edited from outside the gadget (the devtools): the guests drop their copies. */
  storageChanged(): void {
    for (const listener of this.storageListeners) listener();
  }

  onStorageChanged(listener: () => void): () => void {
    this.storageListeners.add(listener);
    return () => this.storageListeners.delete(listener);
  }
  private readonly storageListeners = new Set<() => void>();

  /** Hears each project reload (the guest connections tell their guest). */
  onReload(listener: (reason: string) => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }
  private readonly reloadListeners = new Set<(reason: string) => void>();

  /**
   * Watches the project folder and reloads on an edit (debounced: an editor's save is several events).
   * Returns the function that stops watching. Files a package never holds (.git, node_modules) are ignored.
   */
  watchProject(debounceMs = 120): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = new Set<string>();
    const watcher = fs.watch(this.loaded.root, { recursive: true }, (_event, file) => {
      const relative = file === null ? '' : String(file).split(path.sep).join('/');
      if (relative && notInPackage(relative)) return;
      changed.add(relative || '(the project folder)');
      clearTimeout(timer);
      timer = setTimeout(() => {
        const what = [...changed].slice(0, 3).join(', ');
        changed.clear();
        this.reloadProject(`an edit of ${what}`);
      }, debounceMs);
    });
    watcher.on('error', (error) => this.events.push({ type: 'console', level: 'warn', args: [`ttsim stopped watching the project: ${error.message}`] }));
    const stop = () => {
      clearTimeout(timer);
      watcher.close();
      this.stopWatching.delete(stop);
    };
    this.stopWatching.add(stop);
    return stop;
  }
  private readonly stopWatching = new Set<() => void>();

  /** Stops what the session runs beside its calls (the project watcher); Host.close calls it. */
  dispose(): void {
    for (const stop of [...this.stopWatching]) stop();
    this.picker?.cancelAll();
    this.picker?.removeUploads();
  }

  get profile() {
    return this.session.profile;
  }

  boot(): BootPayload {
    const apis: GuestApi[] = listApis().map((spec) => ({ name: spec.name, style: spec.style, side: sideOf(spec), ...(spec.task ? { task: spec.task } : {}) }));
    return {
      protocol: PROTOCOL_VERSION,
      sessionId: this.id,
      profile: this.profile,
      apis,
      canIUse: canIUseAnswers(this.profile),
      systemInfo: systemInfoAnswer(this.profile),
      project: { kind: this.project.kind, name: this.project.name, files: this.project.files, sourceMaps: this.project.sourceMaps, templates: this.project.templates },
      fileBase: this.guestBase,
    };
  }

  /** Runs an async API for the guest: a mock if one is set, else emulator-api. Never throws. */
  async call(api: string, params: unknown): Promise<SuccessResult | FailResult> {
    const spec = findApi(api);
    const mock = this.mocks.get(api);
    if (mock !== undefined) return this.answerFromMock(api, params, mock);
    if (!spec || spec.style !== 'async' || sideOf(spec) !== 'host') {
      const fail = notEmulated(api);
      if (!spec) this.recordNotEmulated(api, params, fail, 'host');
      return fail;
    }
    const fn = this.apiFunction(api) as ((p: unknown) => Promise<SuccessResult>) | undefined;
    if (!fn) return notEmulated(api);
    return fn(params).then(
      (result) => result,
      (fail: FailResult) => fail,
    );
  }

  /**
   * Runs an API that returns a task (request, uploadFile, downloadFile, connectSocket) for the guest, whose
   * task object gets `onEvent`'s events; `control` carries its abort / send / close. Never throws.
   */
  callTask(api: string, params: unknown, onEvent: (event: TaskEvent) => void): { settled: Promise<SuccessResult | FailResult>; control: TaskControl | undefined } {
    const mock = this.mocks.get(api);
    if (mock !== undefined) return { settled: this.answerFromMock(api, params, mock), control: undefined };
    if (!this.taskKindOf(api)) return { settled: this.call(api, params), control: undefined };
    return this.session.startTask(api, params, onEvent);
  }

  /** The app's storage for the guest's read mirror (getStorageSync / getStorageInfoSync answered in the guest). */
  storageSnapshot(): StorageSnapshot {
    const reads = ['getStorageSync', 'getStorageInfoSync'].map((name) => findApi(name));
    return {
      items: this.session.storage.entries(),
      localReads: reads.every((spec) => spec !== undefined && checkApiSupport(spec, this.profile).supported),
    };
  }

  /** Runs a Sync API for the guest (over the synchronous bridge). Never throws. */
  callSync(api: string, args: readonly unknown[]): SyncAnswer {
    const spec = findApi(api);
    const fn = spec && spec.style === 'sync' ? (this.apiFunction(api) as ((...a: unknown[]) => unknown) | undefined) : undefined;
    if (!fn) return { ok: false, fail: notEmulated(api) };
    try {
      const value = fn(...args);
      // The manager's methods cannot cross the wire; the guest builds its own FileSystemManager object.
      return { ok: true, value: api === 'getFileSystemManager' ? {} : value };
    } catch (error) {
      if (error instanceof TtSyncError) return { ok: false, fail: error.result() };
      return { ok: false, fail: failFromError(api, error) };
    }
  }

  /** Support check and validation for an API the guest runs itself (the guest carries no schemas). */
  prepare(api: string, params: unknown): PrepareAnswer {
    const spec = findApi(api);
    if (!spec || spec.side !== 'guest') return { ok: false, fail: notEmulated(api) };
    return prepareGuestCall(spec, params, this.guestRunner);
  }

  /** Records a call the guest ran, resolving its rule ids to their texts and provenance. */
  recordGuestOutcome(outcome: GuestCallOutcome): void {
    const spec = findApi(outcome.api);
    if (spec) recordGuestCall(spec, outcome, this.guestRunner);
    else if (isNotEmulated(outcome.api)) this.recordNotEmulated(outcome.api, outcome.params, outcome.result, 'guest');
  }

  /** A call to an API ttsim does not emulate: recorded as such, with one console warning per API. */
  private recordNotEmulated(api: string, params: unknown, result: SuccessResult | FailResult, side: 'host' | 'guest'): void {
    const record = makeCallRecord({ api, params, startedAt: Date.now(), durationMs: 0, result, rules: [] });
    this.events.push({ type: 'call', record, side, mocked: false, notEmulated: true });
    if (this.warnedNotEmulated.has(api)) return;
    this.warnedNotEmulated.add(api);
    this.events.push({ type: 'console', level: 'warn', args: [notEmulatedWarning(api)] });
  }
  private readonly warnedNotEmulated = new Set<string>();

  private get guestRunner(): CallRunnerOptions<BaseCallContext> {
    return {
      profile: this.session.profile,
      strict: this.session.strict,
      hooks: { onCall: (record) => this.events.push({ type: 'call', record, side: 'guest', mocked: false }) },
      timeoutMs: 0,
      createContext: (base) => base,
    };
  }

  /** A message from the guest that is not a call: outcomes of its own APIs, console output and runtime events. */
  /** Writes canvasToTempFilePath's encoded image into ttfile://temp. Never throws: a bad image is a fail result. */
  async storeImage(data: ArrayBuffer, fileType: 'png' | 'jpg'): Promise<SuccessResult | FailResult> {
    try {
      return { errMsg: 'canvasToTempFilePath:ok', tempFilePath: await this.session.storeImage(new Uint8Array(data), fileType) };
    } catch (error) {
      return failFromError('canvasToTempFilePath', error);
    }
  }

  /**
   * A new connection of a client to this session; the transport carries its messages to
   * `connection.dispatch` and calls `connection.close()` when it ends. `roles`: what it may say hello as.
   */
  connect(transport: Transport, roles: readonly ClientRole[], cspFor?: (policy: NetworkPolicy) => string): HostConnection {
    return new HostConnection(this, transport, roles, cspFor);
  }

  /** The guest connection that said hello last (a reloaded page replaces the old one). */
  private guest: HostConnection | undefined;
  private readonly guestWaiters = new Set<(guest: HostConnection) => void>();

  attachGuest(connection: HostConnection): void {
    this.guest = connection;
    this.events.push({ type: 'session', what: 'guest-connected' });
    for (const waiter of [...this.guestWaiters]) waiter(connection);
  }

  detachGuest(connection: HostConnection): void {
    if (this.guest === connection) this.guest = undefined;
    this.events.push({ type: 'session', what: 'guest-disconnected' });
  }

  /**
   * A request of devtools or automation that the guest answers (page data, selectors, dialogs, …). Waits
   * for a guest to connect when none is (a page reloading), within the same timeout.
   */
  async askGuest<O extends GuestOp>(op: O, params: OpParams<O>, options: { timeoutMs?: number; waitingFor?: string } = {}): Promise<OpReply<O>> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const started = Date.now();
    const guest = this.guest ?? (await new Promise<HostConnection>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.guestWaiters.delete(arrived);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${options.waitingFor ?? op}: no guest is connected to session ${this.id}`));
      }, timeoutMs);
      const arrived = (connection: HostConnection) => {
        clearTimeout(timer);
        this.guestWaiters.delete(arrived);
        resolve(connection);
      };
      this.guestWaiters.add(arrived);
    }));
    return guest.forward(op, params, { ...options, timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)) });
  }

  /** The task object `api` returns, if any (request → RequestTask, …). */
  taskKindOf(api: string) {
    return taskKindOf(api);
  }

  /** The host path of a ttfile:// or package path, checked against the sandbox (throws a TtError). */
  resolve(ttsimPath: string): string {
    return this.session.resolve(ttsimPath);
  }

  /** Host files that answer the next tt.chooseImage. */
  chooseFiles(paths: readonly string[]): void {
    this.session.chooseFiles(paths);
  }

  /** URL mocks for request / uploadFile / downloadFile (in-process only: a handler is a function). */
  mockRequest(pattern: UrlPattern, response: RequestMock): void {
    this.session.network.mock(pattern, response);
  }

  unmockRequest(pattern: UrlPattern): boolean {
    return this.session.network.unmock(pattern);
  }

  mock(api: string, answer: MockAnswer): void {
    this.mocks.set(api, answer);
    this.notifyMocks();
  }

  restore(api: string): void {
    this.mocks.delete(api);
    this.notifyMocks();
  }

  /** The network policy in force ('online', 'offline' or an allow-list). */
  get networkPolicy(): NetworkPolicy {
    return this.session.network.policy;
  }

  /**
   * The network policy from now on ('online', 'offline' or an allow-list). When that changes what
   * getNetworkType answers, the guest's tt.onNetworkStatusChange listeners hear { isConnected, networkType }.
   */
  setNetwork(policy: NetworkPolicy): void {
    const before = networkStatusOf(this.session.network.policy, this.profile);
    this.session.network.setPolicy(policy);
    const after = networkStatusOf(this.session.network.policy, this.profile);
    for (const listener of this.policyListeners) listener(this.session.network.policy);
    if (before.isConnected !== after.isConnected || before.networkType !== after.networkType) this.emitAppEvent('networkStatusChange', after);
  }

  /** Hears each new network policy (the guest connections tighten their documents' CSP with it). */
  onNetworkPolicy(listener: (policy: NetworkPolicy) => void): () => void {
    this.policyListeners.add(listener);
    return () => this.policyListeners.delete(listener);
  }
  private readonly policyListeners = new Set<(policy: NetworkPolicy) => void>();

  /** App-level events for the guest (the server sends them over the guest's socket). */
  onAppEvent(listener: (event: AppEvent, payload: unknown) => void): () => void {
    this.appEventListeners.add(listener);
    return () => this.appEventListeners.delete(listener);
  }
  private readonly appEventListeners = new Set<(event: AppEvent, payload: unknown) => void>();

  private emitAppEvent(event: AppEvent, payload: unknown): void {
    for (const listener of this.appEventListeners) listener(event, payload);
  }

  /** Which h5sdk.config signatures the simulated client rejects from now on (web apps). */
  setJssdkPolicy(policy: JssdkPolicy): void {
    this.session.world.jssdk = policy;
  }

  /** The mocks in force, for a relaunch to carry over. */
  mockEntries(): [string, MockAnswer][] {
    return [...this.mocks.entries()];
  }

  mockedApis(): string[] {
    return [...this.mocks.keys()];
  }

  onMocksChanged(listener: (apis: string[]) => void): () => void {
    this.mockListeners.add(listener);
    return () => this.mockListeners.delete(listener);
  }

  private notifyMocks(): void {
    const apis = this.mockedApis();
    for (const listener of this.mockListeners) listener(apis);
  }

  private apiFunction(api: string): unknown {
    return this.session.api(api);
  }

  private async answerFromMock(api: string, params: unknown, mock: MockAnswer): Promise<SuccessResult | FailResult> {
    const started = performance.now();
    const startedAt = Date.now();
    const name = findApi(api) ? errMsgName(findApi(api)!) : api;
    let result: SuccessResult | FailResult;
    try {
      const answer = typeof mock === 'function' ? await mock(params) : mock;
      if (typeof answer.errno === 'number') {
        const errno = answer.errno as FailResult['errno'];
        result = { ...failResult(name, errno, 'mocked'), ...answer } as FailResult;
      } else result = { errMsg: `${name}:ok`, ...answer };
    } catch (error) {
      result = failResult(name, Errno.internal, `the test's mock threw: ${String(error)}`);
    }
    const record = makeCallRecord({ api, params, startedAt, durationMs: performance.now() - started, result, rules: [] });
    this.events.push({ type: 'call', record, side: 'host', mocked: true });
    return result;
  }
}

const notEmulated = notEmulatedFail;

/** The tt.* APIs a project's code uses, each with how often and where first (file:line). */
export type CodeScanner = (projectRoot: string) => readonly { readonly name: string; readonly uses: number; readonly at: string }[];

export class Host {
  private readonly sessions = new Map<string, HostSession>();

  constructor(private readonly options: { dataDir?: string; scanCode?: CodeScanner } = {}) {}

  async open(options: OpenSessionOptions): Promise<HostSession> {
    const project = loadProject(options.project);
    const app = options.app ?? project.kind;
    if (app !== project.kind) {
      throw new ProjectError(`${project.name} is a ${project.kind === 'gadget' ? 'gadget (it has app.json)' : 'web app (it has index.html)'}: it runs as app kind '${project.kind}', not '${app}'`);
    }
    // Without a chooser of the caller's, tt.chooseImage asks the devtools' picker (none connected: a cancel).
    const picker = options.chooser ? undefined : new ImagePicker(fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-uploads-')));
    const session = await createSession({
      app,
      platform: options.platform,
      client: options.client,
      ...(options.device === undefined ? {} : { device: options.device }),
      project: project.root,
      ...(options.appId ?? project.appId ? { appId: options.appId ?? project.appId } : {}),
      ...(options.dataDir ?? this.options.dataDir ? { dataDir: options.dataDir ?? this.options.dataDir } : {}),
      ...(options.chooser ? { chooser: options.chooser } : { chooser: (request) => picker!.choose(request) }),
      ...(options.testUser ? { testUser: options.testUser } : {}),
      ...(options.launch ? { launch: options.launch } : {}),
      ...(options.jssdk ? { jssdk: options.jssdk } : {}),
      ...(options.network ? { network: options.network } : {}),
      ...(options.strict ? { strict: true } : {}),
      ...(project.networkTimeout ? { networkTimeout: project.networkTimeout } : {}),
    });
    const hostSession = new HostSession(session, project);
    hostSession.picker = picker;
    hostSession.codeScanner = this.options.scanCode;
    hostSession.relaunchWith = (profile) => this.relaunch(hostSession, options, profile);
    hostSession.compareWith = (profiles) => startCompare(this, hostSession, options, profiles);
    this.sessions.set(hostSession.id, hostSession);
    return hostSession;
  }

  /**
   * The same project as `base` under another profile, with its network policy and mocks: what a relaunch
   * and a live compare open. `overrides` add to the session's options (a compare's own data folder).
   */
  async openLike(base: HostSession, options: OpenSessionOptions, profile: Partial<ProfileOptions>, overrides: Partial<OpenSessionOptions> = {}): Promise<HostSession> {
    const next = await this.open({
      ...options,
      app: profile.app ?? base.profile.app,
      platform: profile.platform ?? base.profile.platform,
      client: profile.client ?? base.profile.client,
      // A device preset belongs to a platform: a new platform takes its own default.
      ...(profile.device !== undefined ? { device: profile.device } : profile.platform && profile.platform !== base.profile.platform ? { device: undefined } : { device: base.profile.device.id }),
      network: base.networkPolicy,
      ...overrides,
    });
    for (const [api, answer] of base.mockEntries()) next.mock(api, answer);
    return next;
  }

  /**
   * The same project under another profile (the devtools' profile picker): a new session in the same data
   * folder, so ttfile://user and storage (kept per app id) carry over; the network policy and mocks too.
   * The old session closes a moment later, once its clients have heard where to go.
   */
  private async relaunch(old: HostSession, options: OpenSessionOptions, profile: Partial<ProfileOptions>): Promise<HostSession> {
    const next = await this.openLike(old, options, profile);
    setTimeout(() => void this.close(old.id), 1000).unref();
    return next;
  }

  get(id: string): HostSession | undefined {
    return this.sessions.get(id);
  }

  list(): HostSession[] {
    return [...this.sessions.values()];
  }

  async close(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    await endCompare(session);
    session.dispose();
    session.events.push({ type: 'session', what: 'closed' });
    await session.session.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }
}
