/** The guest-facing `tt` object's TypeScript types, derived from the registry. */
import type { ApiByName, ApiName, ApiParams, ApiResult } from './registry.js';

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
  (options: ApiParams<N> & WithSomeCallback<N>): void;
  (options?: ApiParams<N>): Promise<TtSuccess<N>>;
}

type TopLevelName = Exclude<ApiName, `${string}.${string}`>;
type ManagerMethodName = ApiName extends infer N ? (N extends `FileSystemManager.${infer M}` ? M : never) : never;

type PositionalArgs<N extends ApiName> = ApiByName<N> extends { positional: readonly (infer K)[] }
  ? K extends keyof ApiParams<N>
    ? ApiParams<N>[K][]
    : never
  : [options?: ApiParams<N>];

type SyncFunction<N extends ApiName> = ApiByName<N> extends { positional: readonly string[] }
  ? (...args: PositionalArgs<N>) => ApiResult<N>
  : (options?: ApiParams<N>) => ApiResult<N>;

type ApiFunction<N extends ApiName> = ApiByName<N>['style'] extends 'async' ? TtAsyncFunction<N> : SyncFunction<N>;

export type FileSystemManager = {
  [M in ManagerMethodName]: `FileSystemManager.${M}` extends ApiName ? ApiFunction<`FileSystemManager.${M}`> : never;
};

export type Tt = { [N in Exclude<TopLevelName, 'getFileSystemManager' | 'canIUse'>]: ApiFunction<N> } & {
  getFileSystemManager(): FileSystemManager;
  canIUse(schema: string): boolean;
};
