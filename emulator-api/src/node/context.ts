/** What an implementation of a tt.* API gets to work with (the node side of a session). */
import type { BaseCallContext } from '../common/call.js';
import type { FileSystemManager } from '../common/tt-types.js';
import type { Sandbox } from './sandbox.js';
import type { SimulatedWorld } from './simulated-world.js';
import type { NetworkControl, NetworkTimeouts } from './network-policy.js';
import type { StorageStore } from './storage-store.js';
import type { TaskHandle } from './tasks.js';

/** Answers chooseImage: host paths of the files the "user" picked, or an empty list for a cancel. */
export type ImageChooser = (request: { count: number; sourceType: readonly ('album' | 'camera')[] }) => Promise<readonly string[]> | readonly string[];

export interface NodeCallContext extends BaseCallContext {
  readonly sandbox: Sandbox;
  readonly chooser: ImageChooser;
  /** The session's FileSystemManager object (getFileSystemManager returns the same one each time). */
  readonly fileSystemManager: () => FileSystemManager;
  /** The test user, the session's clipboard and the launch options. */
  readonly world: SimulatedWorld;
  /** The session's network policy and URL mocks. */
  readonly network: NetworkControl;
  /** app.json networkTimeout with defaults filled in. */
  readonly networkTimeouts: NetworkTimeouts;
  /** The app id's storage. */
  readonly storage: StorageStore;
  /** The host half of the task a task API returns (request, uploadFile, downloadFile, connectSocket); undefined for other APIs. */
  readonly task?: TaskHandle;
}
