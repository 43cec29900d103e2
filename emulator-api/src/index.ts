/** ttsim's programmatic API: the tt.* bridge core, usable from plain Node. */
export { createSession, defaultDataDir, type Session, type SessionOptions } from './node/session.js';
export type { ImageChooser } from './node/context.js';
export { apis, findApi, listApis, listHostApis, taskKindOf, topLevelApis, type ApiName, type ApiParams, type ApiResult } from './common/registry.js';
export { canIUse, canIUseSchemas, checkApiSupport, checkMatrix } from './common/support.js';
export { createProfile, DEFAULT_CLIENT, devicePresets, normaliseClientVersion, describeProfile, type ClientProfile, type DeviceFacts } from './common/profiles.js';
export { Errno, errnoMeaning, TtError } from './common/errors.js';
export { TtSyncError, type CallRecord, type FailResult, type SuccessResult } from './common/call.js';
export { standardIoRules } from './common/standard-io.js';
export type { ApiSpec, BehaviourRule, FailureRule } from './common/api-spec.js';
export type { GuestTt, Tt, TtFail, TtSuccess, FileSystemManager } from './common/tt-types.js';
export { appKinds, platforms, type AppKind, type Platform, type Provenance } from './common/types.js';
export { renderApiTableMarkdown, renderApiText, renderAllText, apiToJson, provenanceLabel } from './common/support-table.js';
export type { CanvasContext, RequestTask, SocketTask } from './common/tt-types.js';
export type { MockedRequest, MockResponse, NetworkPolicy, RequestMock, UrlPattern } from './node/network-policy.js';
export { componentList, findComponent, type ComponentSpec } from './common/components.js';
export { notEmulatedApis, isNotEmulated } from './common/apis/not-emulated.js';
export { DEFAULT_TEST_USER, type TestUser, type LaunchOptions, type JssdkPolicy } from './node/simulated-world.js';
