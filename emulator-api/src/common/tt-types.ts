/** The guest-facing `tt` object's TypeScript types, derived from the registry. */
import type { ApiByName, ApiName, ApiParams, ApiResult, HostApiName } from './registry.js';
import type { TtEnv } from './tt-env.js';
import type { ListenerFunctions } from './listeners.js';

/** The parameters object; an API without parameters takes `{}` (zod's strictObject({}) would say Record<string, never>). */
type ParamsOf<N extends ApiName> = string extends keyof ApiParams<N> ? object : ApiParams<N>;

export type TtSuccess<N extends ApiName> = { errMsg: string } & ApiResult<N>;
export interface TtFail {
  errMsg: string;
  errno: number;
  errString: string;
}
export interface TtCallbacks<N extends ApiName> {
  success?: (result: TtSuccess<N>) => void;
  fail?: (result: TtFail) => void;
  complete?: (result: TtSuccess<N> | TtFail) => void;
}
type WithSomeCallback<N extends ApiName> = TtCallbacks<N> &
  ({ success: TtCallbacks<N>['success'] } | { fail: TtCallbacks<N>['fail'] } | { complete: TtCallbacks<N>['complete'] });

/** An async API: callbacks, or a Promise that rejects with the fail result when none is given. */
export interface TtAsyncFunction<N extends ApiName> {
  (options: ParamsOf<N> & WithSomeCallback<N>): void;
  (options?: ParamsOf<N>): Promise<TtSuccess<N>>;
}

type TopLevelName = Exclude<ApiName, `${string}.${string}`>;
type HostTopLevelName = TopLevelName & HostApiName;
type ManagerMethodName = ApiName extends infer N ? (N extends `FileSystemManager.${infer M}` ? M : never) : never;

type SyncFunction<N extends ApiName> = (options?: ParamsOf<N>) => ApiResult<N>;

type ApiFunction<N extends ApiName> = ApiByName<N>['style'] extends 'async' ? TtAsyncFunction<N> : SyncFunction<N>;

type P<M extends string> = `FileSystemManager.${M}` extends ApiName ? ApiParams<`FileSystemManager.${M}`> : never;
type R<M extends string> = `FileSystemManager.${M}` extends ApiName ? ApiResult<`FileSystemManager.${M}`> : never;

/**
 * The Sync twins take their parameters in the order of the registry's schema keys (fsMethod's `positional`);
 * this is that order, written as TypeScript parameters.
 */
interface FileSystemManagerSync {
  readFileSync(filePath: P<'readFile'>['filePath'], encoding?: P<'readFile'>['encoding']): R<'readFile'>['data'];
  writeFileSync(filePath: P<'writeFile'>['filePath'], data: P<'writeFile'>['data'], encoding?: P<'writeFile'>['encoding']): void;
  statSync(path: P<'stat'>['path']): R<'stat'>['stats'];
  readdirSync(dirPath: P<'readdir'>['dirPath']): R<'readdir'>['files'];
  unlinkSync(filePath: P<'unlink'>['filePath']): void;
  accessSync(path: P<'access'>['path']): void;
  appendFileSync(filePath: P<'appendFile'>['filePath'], data: P<'appendFile'>['data'], encoding?: P<'appendFile'>['encoding']): void;
  copyFileSync(srcPath: P<'copyFile'>['srcPath'], destPath: P<'copyFile'>['destPath']): void;
  mkdirSync(dirPath: P<'mkdir'>['dirPath'], recursive?: P<'mkdir'>['recursive']): void;
  rmdirSync(dirPath: P<'rmdir'>['dirPath'], recursive?: P<'rmdir'>['recursive']): void;
  renameSync(oldPath: P<'rename'>['oldPath'], newPath: P<'rename'>['newPath']): void;
  saveFileSync(tempFilePath: P<'saveFile'>['tempFilePath'], filePath?: P<'saveFile'>['filePath']): R<'saveFile'>['savedFilePath'];
}

type AsyncManagerMethod = Exclude<ManagerMethodName, `${string}Sync`>;
/** Every Sync twin in the registry has its positional signature above (a missing one fails to compile here). */
type MissingSyncSignature = Exclude<Extract<ManagerMethodName, `${string}Sync`>, keyof FileSystemManagerSync>;
export const everySyncTwinTyped: [MissingSyncSignature] extends [never] ? true : { missing: MissingSyncSignature } = true;
export type FileSystemManager = {
  [M in AsyncManagerMethod]: `FileSystemManager.${M}` extends ApiName ? ApiFunction<`FileSystemManager.${M}`> : never;
} & FileSystemManagerSync;

type Listener = (payload: Record<string, unknown>) => void;

/** RequestTask / UploadTask / DownloadTask: abort, and listeners for headers and progress. */
export interface RequestTask {
  abort(): void;
  onHeadersReceived(listener: Listener): void;
  offHeadersReceived(listener?: Listener): void;
  onProgressUpdate(listener: Listener): void;
  offProgressUpdate(listener?: Listener): void;
}

/** What connectSocket returns (always, callbacks or not). */
export interface SocketTask {
  send(options: { data: string | ArrayBuffer } & TtCallbacksLoose): Promise<TtSuccessLoose> | void;
  close(options?: { code?: number; reason?: string } & TtCallbacksLoose): Promise<TtSuccessLoose> | void;
  onOpen(listener: Listener): void;
  onMessage(listener: Listener): void;
  onClose(listener: Listener): void;
  onError(listener: Listener): void;
}
type TtSuccessLoose = { errMsg: string };
type TtCallbacksLoose = { success?: (r: TtSuccessLoose) => void; fail?: (r: TtFail) => void; complete?: (r: TtSuccessLoose | TtFail) => void };

/** request, uploadFile, downloadFile: the task with callbacks; without, a Promise that also has the task's methods. */
type TaskFunction<N extends ApiName> = {
  (options: ParamsOf<N> & WithSomeCallback<N>): RequestTask;
  (options: ParamsOf<N>): Promise<TtSuccess<N>> & RequestTask;
};

/** The mini-program drawing context (draw() runs the recorded calls on the <canvas>). Methods as in the registry's doc. */
export interface CanvasContext {
  draw(reserve?: boolean, callback?: () => void): void;
  measureText(text: string): { width: number };
  [method: string]: unknown;
}

/** A node's answer to SelectorQuery: what boundingClientRect / scrollOffset / fields asked for (px, relative to the page's display area). */
export interface NodeInfo {
  id?: string;
  dataset?: Record<string, unknown>;
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
  width?: number;
  height?: number;
  scrollLeft?: number;
  scrollTop?: number;
  [field: string]: unknown;
}

export interface NodeFields {
  id?: boolean;
  dataset?: boolean;
  rect?: boolean;
  size?: boolean;
  scrollOffset?: boolean;
  properties?: readonly string[];
  computedStyle?: readonly string[];
}

/** What select / selectAll / selectViewport return: the requests for those nodes (NodeInfo, or NodeInfo[] for selectAll). */
export interface NodesRef {
  boundingClientRect(callback?: (info: NodeInfo | NodeInfo[] | null) => void): SelectorQuery;
  scrollOffset(callback?: (info: NodeInfo | NodeInfo[] | null) => void): SelectorQuery;
  fields(fields: NodeFields, callback?: (info: NodeInfo | NodeInfo[] | null) => void): SelectorQuery;
}

/** tt.createSelectorQuery(): requests answered together by exec(), after the render. */
export interface SelectorQuery {
  in(component: object): SelectorQuery;
  select(selector: string): NodesRef;
  selectAll(selector: string): NodesRef;
  selectViewport(): NodesRef;
  exec(callback?: (results: (NodeInfo | NodeInfo[] | null)[]) => void): void;
}

export interface ObservedRect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export interface IntersectionResult {
  id: string;
  dataset: Record<string, unknown>;
  intersectionRatio: number;
  intersectionRect: ObservedRect;
  boundingClientRect: ObservedRect;
  relativeRect: ObservedRect;
  time: number;
}

export interface Margins {
  left?: number;
  right?: number;
  top?: number;
  bottom?: number;
}

/** tt.createIntersectionObserver(component, options). */
export interface IntersectionObserver {
  relativeTo(selector: string, margins?: Margins): IntersectionObserver;
  relativeToViewport(margins?: Margins): IntersectionObserver;
  observe(selector: string, callback: (result: IntersectionResult) => void): void;
  disconnect(): void;
}

/** Storage's Sync twins take positional arguments (the registry's `positional`). */
interface StorageSync {
  setStorageSync(key: string, data: unknown): void;
  getStorageSync(key: string): unknown;
  removeStorageSync(key: string): void;
  clearStorageSync(): void;
}

/** APIs whose call shape the registry's schema alone does not give. */
type Special = 'getFileSystemManager' | 'canIUse' | 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket' | 'createCanvasContext' | 'createSelectorQuery' | 'createIntersectionObserver' | 'nextTick' | keyof StorageSync | keyof ListenerFunctions;

type CommonTt = StorageSync & {
  readonly env: TtEnv;
  getFileSystemManager(): FileSystemManager;
  canIUse(schema: string): boolean;
  request: TaskFunction<'request'>;
  uploadFile: TaskFunction<'uploadFile'>;
  downloadFile: TaskFunction<'downloadFile'>;
  connectSocket(options: ParamsOf<'connectSocket'> & Partial<TtCallbacks<'connectSocket'>>): SocketTask;
};

/** The tt object a gadget sees in the simulator (host and guest APIs). */
export type GuestTt = { [N in Exclude<TopLevelName, Special>]: ApiFunction<N> } & CommonTt & ListenerFunctions & {
  createCanvasContext(canvasId: string, component?: object): CanvasContext;
  createSelectorQuery(): SelectorQuery;
  createIntersectionObserver(component?: object, options?: ParamsOf<'createIntersectionObserver'>): IntersectionObserver;
  nextTick(callback: () => void): void;
};

/** The tt object of a plain-Node session: the host APIs, no simulated screen. */
export type Tt = { [N in Exclude<HostTopLevelName, Special>]: ApiFunction<N> } & CommonTt;
