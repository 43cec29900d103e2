/**
 * The operations the host answers itself for the devtools and automation (hostOps in the protocol), one
 * handler each. The map's type lists every operation: a new one in the protocol without a handler here
 * fails to compile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { notInPackage } from '../../../emulator-api/src/common/package-files.js';
import { sideOf } from '../../../emulator-api/src/common/api-spec.js';
import { findApi } from '../../../emulator-api/src/common/registry.js';
import { fromStoredItem, itemBytes, toStoredItem } from '../../../emulator-api/src/common/storage-model.js';
import { readHeader, sniff } from '../../../emulator-api/src/node/images.js';
import { PARTIAL_PREFIX } from '../../../emulator-api/src/node/sandbox.js';
import type { FileArea, FileEntry, HostOp, OpParams, OpReply } from '../../../emulator-api/src/protocol/messages.js';
import type { HostSession } from './host.js';
import { pickerSamples } from './image-picker.js';
import { endCompare } from './compare-group.js';

type HostOperations = { readonly [O in HostOp]: (session: HostSession, params: OpParams<O>) => OpReply<O> | Promise<OpReply<O>> };

/** The host folder of an area, and how a path under it is named for the guest. */
function areaRoot(session: HostSession, area: FileArea): { dir: string | undefined; guestPath: (relative: string) => string } {
  const { dirs } = session.session;
  if (area === 'package') return { dir: dirs.packageDir, guestPath: (relative) => relative };
  return { dir: area === 'temp' ? dirs.tempDir : dirs.userDir, guestPath: (relative) => `ttfile://${area}${relative ? `/${relative}` : ''}` };
}

/** Depth first, names sorted, folders before their files; the package without what a package never holds. */
function listArea(session: HostSession, area: FileArea, limit: number): { entries: FileEntry[]; truncated: boolean } {
  const { dir, guestPath } = areaRoot(session, area);
  const entries: FileEntry[] = [];
  if (!dir || !fs.existsSync(dir)) return { entries, truncated: false };
  let truncated = false;
  const walk = (folder: string, relative: string) => {
    for (const item of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entries.length >= limit) {
        truncated = true;
        return;
      }
      const rel = relative ? `${relative}/${item.name}` : item.name;
      if (item.name.startsWith(PARTIAL_PREFIX) || (area === 'package' && notInPackage(rel))) continue;
      if (!item.isDirectory() && !item.isFile()) continue;
      const stats = fs.statSync(path.join(folder, item.name), { throwIfNoEntry: false });
      if (!stats) continue;
      entries.push({ path: guestPath(rel), size: item.isDirectory() ? 0 : stats.size, dir: item.isDirectory(), modifiedMs: stats.mtimeMs });
      if (item.isDirectory()) walk(path.join(folder, item.name), rel);
    }
  };
  walk(dir, '');
  return { entries, truncated };
}

/** Removes what is inside `dir`, not `dir` itself. */
function empty(dir: string): void {
  for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
}

const writableArea = (guestPath: string): 'temp' | 'user' => {
  if (guestPath.startsWith('ttfile://temp/')) return 'temp';
  if (guestPath.startsWith('ttfile://user/')) return 'user';
  throw new Error(`${guestPath} is not a ttfile://temp or ttfile://user file: the package is read-only`);
};

export const hostOperations: HostOperations = {
  session: (session) => ({
    sessionId: session.id,
    project: { name: session.project.name, kind: session.project.kind },
    appId: session.session.appId,
    profile: session.profile,
    guestUrl: session.guestDocument,
    fileUrl: `/s/${session.id}/file?token=${session.hostToken}&path=`,
    network: session.networkPolicy,
    uploadUrl: `/s/${session.id}/upload?token=${session.hostToken}`,
    sampleUrl: `/s/${session.id}/sample?token=${session.hostToken}&id=`,
    mocked: session.mockedApis(),
  }),
  event: (session, { seq }) => {
    const event = session.events.get(seq);
    if (!event) throw new Error(`event ${seq} is not kept (the stream keeps the last ${session.events.capacity})`);
    return event;
  },
  files: (session, { area, limit }) => listArea(session, area, limit),
  fileInfo: async (session, { path: guestPath }) => {
    const hostPath = session.resolve(guestPath);
    const stats = fs.statSync(hostPath, { throwIfNoEntry: false });
    if (!stats?.isFile()) throw new Error(`no such file: ${guestPath}`);
    const type = await sniff(hostPath);
    const info = { path: guestPath, size: stats.size, ...(type ? { mime: type.mime } : {}) };
    if (!type?.mime.startsWith('image/')) return info;
    try {
      const header = await readHeader(hostPath, guestPath);
      return { ...info, format: header.format, width: header.width, height: header.height };
    } catch {
      return { ...info, format: type.ext };
    }
  },
  deleteFile: (session, { path: guestPath }) => {
    writableArea(guestPath);
    const hostPath = session.resolve(guestPath);
    if (!fs.statSync(hostPath, { throwIfNoEntry: false })?.isFile()) throw new Error(`no such file: ${guestPath}`);
    fs.rmSync(hostPath);
    return null;
  },
  clearArea: (session, { area }) => {
    const { dir } = areaRoot(session, area);
    if (dir) empty(dir);
    return null;
  },
  relaunch: async (session, { profile }) => {
    if (!session.relaunchWith) throw new Error('this session cannot be relaunched (it was not opened by a Host)');
    const next = await session.relaunchWith(Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined)));
    return { sessionId: next.id, devtoolsUrl: `/s/${next.id}/?token=${next.hostToken}` };
  },
  compare: async (session, { profiles }) => {
    if (!session.compareWith) throw new Error('this session cannot start a live compare (it was not opened by a Host)');
    const group = await session.compareWith(profiles.map((profile) => Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined))));
    return { members: group.members.map((member) => ({ sessionId: member.id, token: member.hostToken, profile: member.profile })) };
  },
  endCompare: async (session) => {
    await endCompare(session);
    return null;
  },
  apiMatrix: (session, { apis }) => {
    const calls = new Map<string, number>();
    for (const event of session.events.list()) if (event.type === 'call') calls.set(event.record.api, (calls.get(event.record.api) ?? 0) + 1);
    const names = apis ?? [...calls.keys()];
    return names.flatMap((name) => {
      const spec = findApi(name);
      if (!spec) return [];
      return [{
        name: spec.name,
        summary: spec.summary,
        doc: spec.doc,
        side: sideOf(spec),
        support: spec.support,
        behaviours: spec.behaviours.map(({ id, platforms, text, provenance }) => ({ id, platforms: platforms === 'all' ? 'all' as const : [...platforms], text, provenance })),
        calls: calls.get(spec.name) ?? 0,
      }];
    });
  },
  storage: (session) => {
    const { storage } = session.session;
    const items = storage.entries().map(([key, item]) => ({ key, type: item.type, value: fromStoredItem(item), bytes: itemBytes(key, item) }));
    const info = storage.info();
    return { items, currentSize: info.currentSize, limitSize: info.limitSize };
  },
  setStorageItem: (session, { key, value }) => {
    session.session.storage.set(key, toStoredItem(value));
    session.storageChanged();
    return null;
  },
  removeStorageItem: (session, { key }) => {
    const removed = session.session.storage.remove(key);
    session.storageChanged();
    return removed;
  },
  codeApis: (session) => (session.codeScanner ? { available: true, apis: [...session.codeScanner(session.project.root)] } : { available: false, apis: [] }),
  pickerSamples: () => pickerSamples.map(({ id, name, description }) => ({ id, name, description })),
  answerPicker: (session, { id, chosen }) => {
    if (!session.picker) throw new Error('this session answers tt.chooseImage with its own chooser, not the picker');
    session.picker.answer(id, chosen);
    return null;
  },
  mock: (session, { api, answer }) => {
    session.mock(api, answer);
    return null;
  },
  restore: (session, { api }) => {
    session.restore(api);
    return null;
  },
  setNetwork: (session, { policy }) => {
    session.setNetwork(policy);
    return null;
  },
};
