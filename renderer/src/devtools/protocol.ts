/**
 * The protocol's types as the devtools use them, in one place (types only: the browser bundle carries no
 * zod, so messages.ts is imported with `import type`; lint enforces it).
 */
export type {
  ApiMatrixEntry,
  ControlOp,
  ControlToHost,
  CurrentPage,
  DevtoolsCallSummary,
  DevtoolsEvent,
  FileArea,
  FileEntry,
  FileInfo,
  GuestEvent,
  GuestOp,
  HostEvent,
  HostToControl,
  OpParams,
  OpReply,
  PickerRequest,
  PickerSample,
  SessionInfo,
} from '../../../emulator-api/src/protocol/messages.js';
export type { AppliedRule } from '../../../emulator-api/src/common/call.js';
export type { ProvenanceKind } from '../../../emulator-api/src/common/types.js';
export type { ClientProfile, DeviceFacts } from '../../../emulator-api/src/common/profiles.js';

import type { AppliedRule } from '../../../emulator-api/src/common/call.js';
import type { DevtoolsEvent, SessionInfo } from '../../../emulator-api/src/protocol/messages.js';

/** A call as the devtools' socket carries it (a summary; the `event` operation serves the full record). */
export type CallEvent = Extract<DevtoolsEvent, { readonly type: 'call' }>;
/** The session's network policy: online, offline or an allow list. */
export type NetworkPolicy = SessionInfo['network'];
/** One `events` message: new events and the rules they are the first to refer to. */
export interface EventsBatch {
  readonly rules: Readonly<Record<string, AppliedRule>>;
  readonly events: readonly DevtoolsEvent[];
}
