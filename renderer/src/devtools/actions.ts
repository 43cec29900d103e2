/**
 * What the devtools do over the protocol: each function makes its requests and applies the answers to the
 * store through its reducers. A failure goes to the notice bar with the host's message (which names the op).
 */
import { createContext, useContext, useMemo } from 'react';
import type { DevtoolsClient } from './protocol-client.js';
import type { FileArea, NetworkPolicy, OpParams } from './protocol.js';
import {
  compressionOf,
  isWritable,
  reduceAreaCleared,
  reduceAreaListing,
  reduceAreaLoading,
  reduceCompression,
  reduceExpand,
  reduceExpandedEvent,
  reduceFileDeleted,
  reduceFileInfo,
  reduceMocked,
  reducePicker,
  useDevtoolsStore,
  type DevtoolsStore,
} from './store.js';

export interface Devtools {
  readonly store: DevtoolsStore;
  readonly client: DevtoolsClient;
}

export const ClientContext = createContext<DevtoolsClient | null>(null);

/** The connection, for components that make requests. */
export function useClient(): DevtoolsClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient: no ClientContext above this component');
  return client;
}

/** The store and client together, as the functions below take them. */
export function useDevtoolsContext(): Devtools {
  const store = useDevtoolsStore();
  const client = useClient();
  return useMemo(() => ({ store, client }), [store, client]);
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** How many files one listing asks for. */
export const FILES_LIMIT = 5_000;

/** Feeds the client's state and events into the store; asks for the session once the host has welcomed the page. */
export function bindClient({ store, client }: Devtools): () => void {
  const onState = (state: DevtoolsClient['state']) => {
    store.getState().clientState(state);
    if (state.status === 'open') void loadSession({ store, client });
  };
  const stops = [
    client.onState(onState),
    client.onEvents((batch) => store.getState().events(batch)),
    client.onPicker((ask) => store.getState().updateUi((ui) => reducePicker(ui, { ask }))),
  ];
  onState(client.state);
  return () => stops.forEach((stop) => stop());
}

export async function loadSession({ store, client }: Devtools): Promise<void> {
  try {
    store.getState().session(await client.request('session', {}));
  } catch (error) {
    store.getState().notify(message(error));
  }
}

export async function setNetwork({ store, client }: Devtools, policy: NetworkPolicy): Promise<void> {
  try {
    await client.request('setNetwork', { policy });
    store.getState().network(policy);
  } catch (error) {
    store.getState().notify(message(error));
  }
}

/** Opens a call of the API log (or closes it with undefined) and fetches its full event. */
export async function expandCall({ store, client }: Devtools, seq: number | undefined): Promise<void> {
  const { updateUi } = store.getState();
  updateUi((ui) => reduceExpand(ui, seq));
  if (seq === undefined) return;
  try {
    const event = await client.request('event', { seq });
    updateUi((ui) => reduceExpandedEvent(ui, seq, event));
  } catch (error) {
    updateUi((ui) => reduceExpandedEvent(ui, seq, { error: message(error) }));
  }
}

/** Sets a static mock answer for `api` from the form's JSON text. */
export async function setMock({ store, client }: Devtools, api: string, answerText: string): Promise<boolean> {
  const { updateUi } = store.getState();
  const fail = (text: string) => {
    updateUi((ui) => ({ ...ui, mock: { ...ui.mock, message: text, failed: true } }));
    return false;
  };
  if (!api.trim()) return fail('Name the API to mock.');
  let answer: unknown;
  try {
    answer = JSON.parse(answerText);
  } catch (error) {
    return fail(`The answer is not JSON: ${message(error)}`);
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return fail('The answer must be a JSON object: success fields, or errno and errMsg for a fail.');
  try {
    await client.request('mock', { api: api.trim(), answer: answer as Record<string, unknown> });
    updateUi((ui) => ({ ...reduceMocked(ui, api.trim(), true), mock: { ...ui.mock, message: `${api.trim()} is mocked: its calls get this answer.`, failed: false } }));
    return true;
  } catch (error) {
    return fail(message(error));
  }
}

export async function clearMock({ store, client }: Devtools, api: string): Promise<void> {
  const { updateUi } = store.getState();
  try {
    await client.request('restore', { api: api.trim() });
    updateUi((ui) => ({ ...reduceMocked(ui, api.trim(), false), mock: { ...ui.mock, message: `${api.trim()} runs its emulation again.`, failed: false } }));
  } catch (error) {
    updateUi((ui) => ({ ...ui, mock: { ...ui.mock, message: message(error), failed: true } }));
  }
}

/** Lists one area of files. */
export async function loadArea({ store, client }: Devtools, area: FileArea): Promise<void> {
  const { updateFiles } = store.getState();
  updateFiles((files) => reduceAreaLoading(files, area));
  try {
    const listing = await client.request('files', { area, limit: FILES_LIMIT });
    updateFiles((files) => reduceAreaListing(files, area, listing));
  } catch (error) {
    updateFiles((files) => reduceAreaListing(files, area, { error: message(error) }));
  }
}

/** fileInfo of a file, unless the store has it (or is asking already). */
const asking = new WeakMap<DevtoolsStore, Set<string>>();
export async function loadFileInfo({ store, client }: Devtools, path: string): Promise<void> {
  const { files, updateFiles } = store.getState();
  if (files.info[path]) return;
  const pending = asking.get(store) ?? new Set<string>();
  asking.set(store, pending);
  if (pending.has(path)) return;
  pending.add(path);
  try {
    const info = await client.request('fileInfo', { path });
    updateFiles((f) => reduceFileInfo(f, path, info));
  } catch (error) {
    updateFiles((f) => reduceFileInfo(f, path, { error: message(error) }));
  } finally {
    pending.delete(path);
  }
}

export async function deleteFile({ store, client }: Devtools, path: string): Promise<void> {
  try {
    await client.request('deleteFile', { path });
    store.getState().updateFiles((files) => reduceFileDeleted(files, path));
  } catch (error) {
    store.getState().notify(message(error));
  }
}

export async function clearArea({ store, client }: Devtools, area: FileArea): Promise<void> {
  if (!isWritable(area)) return;
  try {
    await client.request('clearArea', { area });
    store.getState().updateFiles((files) => reduceAreaCleared(files, area));
  } catch (error) {
    store.getState().notify(message(error));
  }
}

/** The before / after files of a compressImage call (its full event), then fileInfo of both. */
export async function loadCompression(devtools: Devtools, seq: number): Promise<void> {
  const { store, client } = devtools;
  let compression = store.getState().files.compressions[seq];
  if (!compression) {
    try {
      compression = compressionOf(await client.request('event', { seq }));
    } catch (error) {
      compression = { error: message(error) };
    }
    const found = compression;
    store.getState().updateFiles((files) => reduceCompression(files, seq, found));
  }
  if ('error' in compression) return;
  await Promise.all([loadFileInfo(devtools, compression.src), loadFileInfo(devtools, compression.out)]);
}

/** Answers a waiting tt.chooseImage with samples and uploads, in order; none is a cancel. */
export async function answerPicker({ store, client }: Devtools, id: string, chosen: OpParams<'answerPicker'>['chosen']): Promise<void> {
  try {
    await client.request('answerPicker', { id, chosen });
  } catch (error) {
    store.getState().notify(message(error));
  }
  store.getState().updateUi((ui) => reducePicker(ui, { answered: id }));
}

/**
 * Sends a file from the user's disk to the host for the picker: POST its bytes to the session's uploadUrl
 * (with &name=<file name>); answers its upload id.
 */
export async function uploadImage(file: Blob & { readonly name: string }, uploadUrl: string, pageUrl = location.href): Promise<string> {
  const url = new URL(`${uploadUrl}&name=${encodeURIComponent(file.name)}`, pageUrl);
  const response = await fetch(url, { method: 'POST', body: file });
  if (!response.ok) throw new Error(`upload of ${file.name} failed: ${response.status} ${await response.text()}`);
  const { upload } = (await response.json()) as { upload?: unknown };
  if (typeof upload !== 'string') throw new Error(`upload of ${file.name}: the host answered no upload id`);
  return upload;
}
