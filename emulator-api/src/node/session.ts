/**
 * A session: one running gadget under one client profile, with its own sandbox and its own `tt` object.
 * The CLI, the host (main/) and the tests all start here.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ApiSpec } from '../common/api-spec.js';
import { makeAsyncApi, makeSyncApi, type CallHooks, type CallRecord, type CallRunnerOptions, type Implementation } from '../common/call.js';
import { createProfile, type ClientProfile, type ProfileOptions } from '../common/profiles.js';
import { listHostApis, taskKindOf } from '../common/registry.js';
import type { FileSystemManager, Tt } from '../common/tt-types.js';
import type { ImageChooser, NodeCallContext } from './context.js';
import { implementations } from './implementations.js';
import { Sandbox } from './sandbox.js';
import { SimulatedWorld, type JssdkPolicy, type LaunchOptions, type TestUser } from './simulated-world.js';
import { importIntoTemp, storeEncodedImage } from './temp-files.js';
import type { TaskEvent } from '../common/tasks.js';
import { NetworkControl, resolveNetworkTimeouts, type NetworkPolicy, type NetworkTimeouts } from './network-policy.js';
import { StorageStore } from './storage-store.js';
import { TaskCalls, type RunningTask } from './task-calls.js';
import { TaskSet } from './tasks.js';
import { ttEnv } from '../common/tt-env.js';
import { claimSessionDir, sweepStaleSessions } from './stale-sessions.js';

export interface SessionOptions extends ProfileOptions {
  /** Keys the ttfile://user store; defaults to project.config.json's appid, else "ttsim-app". */
  appId?: string;
  /** The gadget package folder (relative paths resolve into it, read-only). */
  project?: string;
  /** Where sandboxes live: <dataDir>/apps/<appId>/user and <dataDir>/sessions/<id>/temp. Default $TTSIM_DATA_DIR or ~/.ttsim. */
  dataDir?: string;
  /** Answers chooseImage; files queued with chooseFiles() are offered first. */
  chooser?: ImageChooser;
  /** Keep the temp folder after close() (the CLI prints paths into it). Default false. */
  keepTemp?: boolean;
  /** An async call that has not settled by then fails with errno 102. Default 60 s. */
  callTimeoutMs?: number;
  /** Who login / getUserInfo answer for; default DEFAULT_TEST_USER ("ttsim Test User"), never a real account. */
  testUser?: Partial<TestUser>;
  /** What getLaunchOptionsSync answers; default the entry page, no query, scene 1000. */
  launch?: Partial<LaunchOptions>;
  /** Web apps: which h5sdk.config signatures to reject; default none (any signature passes). */
  jssdk?: JssdkPolicy;
  /** Network policy at start: 'online' (default), 'offline' or { allow: [hosts] }; change it later with session.network.setPolicy. */
  network?: NetworkPolicy;
  /** app.json networkTimeout (ms per API); each defaults to 60000. */
  networkTimeout?: Partial<NetworkTimeouts>;
  /**
   * Unknown parameters fail with errno 104 (rule unknown-params-strict). Default false: they are dropped and
   * named in the call record's warnings (unknown-params-ignored), as a client ignores them.
   */
  strict?: boolean;
}

export interface Session {
  readonly id: string;
  readonly appId: string;
  readonly profile: ClientProfile;
  /** Whether unknown parameters fail (SessionOptions.strict); a host that validates guest-run APIs passes it on. */
  readonly strict: boolean;
  /** The guest-facing API object, with the semantics a gadget sees. */
  readonly tt: Tt;
  /** The session's FileSystemManager, reached without a getFileSystemManager call (the host routes its methods). */
  readonly fileSystemManager: FileSystemManager;
  readonly dirs: { readonly tempDir: string; readonly userDir: string; readonly packageDir: string | undefined };
  /** The test user, the clipboard, launch options and the JSSDK policy: what the session simulates around the app. */
  readonly world: SimulatedWorld;
  /** Any host API by its registry name (tt.*, FileSystemManager.*, h5sdk.config), with the semantics above. */
  api(name: string): ((...args: never[]) => unknown) | undefined;
  /** The network policy and URL mocks tt.request / uploadFile / downloadFile / connectSocket obey; changeable at any time. */
  readonly network: NetworkControl;
  /** The app id's storage (setStorage & co.), shared by sessions of the same app id. */
  readonly storage: StorageStore;
  /**
   * Runs a task API (request, uploadFile, downloadFile, connectSocket) for a caller in another process, such
   * as the guest: task events go to `onEvent`, and the returned control carries abort / send / close.
   */
  startTask(api: string, params: unknown, onEvent: (event: TaskEvent) => void): RunningTask;
  /** Copies a host file into ttfile://temp as if chooseImage had picked it; returns its ttfile:// path. */
  importFile(hostPath: string): Promise<string>;
  /** Writes a PNG / JPEG the guest encoded (canvasToTempFilePath) into ttfile://temp; throws a TtError (1300009) if it is not one. */
  storeImage(bytes: Uint8Array, fileType: 'png' | 'jpg'): Promise<string>;
  /** The host path inside the sandbox for a ttfile:// (or package) path; throws a TtError for paths that leave it. */
  resolve(ttfilePath: string): string;
  /** Queues host files to answer the next chooseImage call. */
  chooseFiles(hostPaths: readonly string[]): void;
  /** Subscribes to the call records; returns an unsubscribe function. */
  onCall(listener: (record: CallRecord) => void): () => void;
  /** Errors thrown by guest callbacks, which never reach the host's own stack. */
  onCallbackError(listener: (api: string, error: unknown) => void): () => void;
  close(): Promise<void>;
}

export function defaultDataDir(): string {
  return process.env.TTSIM_DATA_DIR ?? path.join(os.homedir(), '.ttsim');
}

function readProjectAppId(project: string | undefined): string | undefined {
  if (!project) return undefined;
  try {
    const config = JSON.parse(fs.readFileSync(path.join(project, 'project.config.json'), 'utf8')) as { appid?: unknown };
    return typeof config.appid === 'string' && config.appid ? config.appid : undefined;
  } catch {
    return undefined;
  }
}

const SAFE_APP_ID = /^[A-Za-z0-9_.-]{1,128}$/;

export async function createSession(options: SessionOptions): Promise<Session> {
  const profile = createProfile(options);
  const appId = options.appId ?? readProjectAppId(options.project) ?? 'ttsim-app';
  if (!SAFE_APP_ID.test(appId) || appId === '.' || appId === '..') {
    throw new Error(`invalid appId ${JSON.stringify(appId)}: use letters, digits, _ . - (at most 128)`);
  }
  if (options.project !== undefined && !fs.statSync(options.project, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`project folder not found: ${options.project}`);
  }
  const id = randomUUID();
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  const sessionDir = path.join(dataDir, 'sessions', id);
  await sweepStaleSessions(dataDir);
  if (!options.keepTemp) await claimSessionDir(sessionDir);
  const sandbox = await Sandbox.open({
    tempDir: path.join(sessionDir, 'temp'),
    userDir: path.join(dataDir, 'apps', appId, 'user'),
    packageDir: options.project === undefined ? undefined : path.resolve(options.project),
  });

  const callListeners = new Set<(record: CallRecord) => void>();
  const errorListeners = new Set<(api: string, error: unknown) => void>();
  const queued: string[][] = [];
  const hooks: CallHooks = {
    onCall: (record) => callListeners.forEach((listener) => listener(record)),
    onCallbackError: (api, error) => {
      if (errorListeners.size === 0) console.error(`[ttsim] the ${api} callback threw:`, error);
      errorListeners.forEach((listener) => listener(api, error));
    },
  };
  const chooser: ImageChooser = async (request) => queued.shift() ?? (options.chooser ? await options.chooser(request) : []);

  const network = new NetworkControl(options.network ?? 'online');
  const networkTimeouts = resolveNetworkTimeouts(options.networkTimeout);
  const storage = StorageStore.open(path.join(dataDir, 'apps', appId, 'storage'));
  const tasks = new TaskSet();
  const world = new SimulatedWorld({ testUser: options.testUser, launch: options.launch, project: options.project, jssdk: options.jssdk });
  const managerMethods: Record<string, unknown> = {};
  const manager = managerMethods as unknown as FileSystemManager;
  const runner: CallRunnerOptions<NodeCallContext> = {
    profile,
    hooks,
    timeoutMs: options.callTimeoutMs ?? 60_000,
    strict: options.strict ?? false,
    createContext: (base) => ({ ...base, sandbox, chooser, fileSystemManager: () => manager, world, network, networkTimeouts, storage }),
  };
  const taskCalls = new TaskCalls(runner, tasks, (api) => networkTimeouts[api as keyof NetworkTimeouts] ?? 0);
  const build = (spec: ApiSpec) => {
    const implementation = implementations[spec.name as keyof typeof implementations] as Implementation<NodeCallContext>;
    return spec.style === 'async' ? makeAsyncApi(spec, implementation, runner) : makeSyncApi(spec, implementation, runner);
  };
  const tt: Record<string, unknown> = {};
  /** Every host API by registry name (tt.*, FileSystemManager.*, h5sdk.config). */
  const byName = new Map<string, (...args: never[]) => unknown>();
  for (const spec of listHostApis()) {
    const [owner, method] = spec.name.split('.') as [string, string | undefined];
    const taskKind = spec.task;
    const fn = (taskKind ? taskCalls.buildApi(spec, taskKind) : build(spec)) as (...args: never[]) => unknown;
    byName.set(spec.name, fn);
    if (method === undefined) tt[owner] = fn;
    else if (owner === 'FileSystemManager') managerMethods[method] = fn;
  }
  Object.freeze(managerMethods);
  tt.env = ttEnv;

  let closed = false;
  return {
    id,
    appId,
    profile,
    strict: options.strict ?? false,
    tt: Object.freeze(tt) as unknown as Tt,
    fileSystemManager: manager,
    dirs: sandbox.dirs,
    world,
    api: (name) => byName.get(name),
    network,
    storage,
    startTask(api, params, onEvent) {
      const kind = taskKindOf(api);
      if (!kind) throw new Error(`${api} does not return a task`);
      return taskCalls.start(api, params, kind, onEvent);
    },
    storeImage(bytes, fileType) {
      return storeEncodedImage(sandbox, bytes, fileType);
    },
    async importFile(hostPath) {
      return (await importIntoTemp(sandbox, hostPath)).path.guestPath;
    },
    resolve(ttfilePath) {
      return sandbox.resolve(ttfilePath, 'read').hostPath;
    },
    chooseFiles(hostPaths) {
      queued.push([...hostPaths]);
    },
    onCall(listener) {
      callListeners.add(listener);
      return () => callListeners.delete(listener);
    },
    onCallbackError(listener) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      tasks.abortAll();
      storage.release();
      callListeners.clear();
      if (!options.keepTemp) await fsp.rm(sessionDir, { recursive: true, force: true });
    },
  };
}
