/** What an implementation of a tt.* API gets to work with (the node side of a session). */
import type { BaseCallContext } from '../common/call.js';
import type { FileSystemManager } from '../common/tt-types.js';
import type { Sandbox } from './sandbox.js';

/** Answers chooseImage: host paths of the files the "user" picked, or an empty list for a cancel. */
export type ImageChooser = (request: { count: number; sourceType: readonly ('album' | 'camera')[] }) => Promise<readonly string[]> | readonly string[];

export interface NodeCallContext extends BaseCallContext {
  readonly sandbox: Sandbox;
  readonly chooser: ImageChooser;
  /** The session's FileSystemManager object (getFileSystemManager returns the same one each time). */
  readonly fileSystemManager: () => FileSystemManager;
}
