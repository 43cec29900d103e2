/**
 * The guest's FileSystemManager (tt.getFileSystemManager()) has every method of the registry, so a gadget
 * that calls mkdir at start-up no longer meets "fileSystemManager.mkdir is not a function": each one goes to
 * the host over the bridge (async as a call, Sync over the synchronous channel, positional arguments kept).
 */
import { describe, expect, it } from 'vitest';
import { sideOf } from '../../emulator-api/src/common/api-spec.js';
import { fileSystemManagerMethods } from '../../emulator-api/src/common/apis/not-emulated.js';
import { createProfile } from '../../emulator-api/src/common/profiles.js';
import { listApis } from '../../emulator-api/src/common/registry.js';
import type { GuestApi } from '../../emulator-api/src/protocol/messages.js';
import type { Bridge } from '../src/runtime/bridge.js';
import { buildTt } from '../src/runtime/tt.js';

/** A bridge that answers every host call with ok and remembers what crossed it; anything else is a no-op. */
function fakeBridge() {
  const calls: [string, unknown][] = [];
  const syncCalls: [string, readonly unknown[]][] = [];
  const known = {
    mocked: new Set<string>(),
    call: (api: string, params: unknown) => {
      calls.push([api, params]);
      return Promise.resolve({ errMsg: `${api.split('.').pop()}:ok` });
    },
    callSync: (api: string, args: readonly unknown[]) => {
      syncCalls.push([api, args]);
      return { ok: true, value: api === 'FileSystemManager.saveFileSync' ? 'ttfile://user/saved.png' : undefined };
    },
  };
  const bridge = new Proxy(known, { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => () => undefined) });
  return { bridge: bridge as unknown as Bridge, calls, syncCalls };
}

describe("the guest's FileSystemManager", () => {
  const apis: GuestApi[] = listApis().map((spec) => ({ name: spec.name, style: spec.style, side: sideOf(spec), ...(spec.task ? { task: spec.task } : {}) }));

  it('has every method Feishu lists, each a function that reaches the host', async () => {
    const { bridge, calls, syncCalls } = fakeBridge();
    const { tt } = buildTt({ apis, answers: { canIUse: {}, systemInfo: { value: {}, rules: [], apis: [] } }, profile: createProfile({ app: 'gadget', platform: 'android', client: '7.39.0' }), bridge, guestImplementations: {}, onCallbackError: () => {}, track: (work) => work });
    const fsm = (tt.getFileSystemManager as () => Record<string, unknown>)();
    for (const method of fileSystemManagerMethods) expect(typeof fsm[method], method).toBe('function');

    const mkdir = fsm.mkdir as (options: object) => Promise<{ errMsg: string }>;
    expect(await mkdir({ dirPath: 'ttfile://user/cache', recursive: true })).toEqual({ errMsg: 'mkdir:ok' });
    (fsm.mkdirSync as (...args: unknown[]) => void)('ttfile://user/cache', true);
    (fsm.renameSync as (...args: unknown[]) => void)('ttfile://user/a', 'ttfile://user/b');
    expect((fsm.saveFileSync as (...args: unknown[]) => string)('ttfile://temp/x.png')).toBe('ttfile://user/saved.png');
    await (fsm.appendFile as (options: object) => Promise<unknown>)({ filePath: 'ttfile://user/log.txt', data: 'x' });
    await (fsm.getSavedFileList as () => Promise<unknown>)();

    expect(calls).toEqual([
      ['FileSystemManager.mkdir', { dirPath: 'ttfile://user/cache', recursive: true }],
      ['FileSystemManager.appendFile', { filePath: 'ttfile://user/log.txt', data: 'x' }],
      ['FileSystemManager.getSavedFileList', {}],
    ]);
    expect(syncCalls).toEqual([
      ['getFileSystemManager', []],
      ['FileSystemManager.mkdirSync', ['ttfile://user/cache', true]],
      ['FileSystemManager.renameSync', ['ttfile://user/a', 'ttfile://user/b']],
      ['FileSystemManager.saveFileSync', ['ttfile://temp/x.png']],
    ]);
  });
});
