/** Lists, sets and removes the app's storage keys (the host checks setStorage's limits). */
import type { Devtools } from '../actions.js';
import { reduceStorage, reduceStorageLoading } from './model.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function loadStorage({ store, client }: Devtools): Promise<void> {
  const { updateSlice } = store.getState();
  updateSlice('storage', reduceStorageLoading);
  try {
    const answer = await client.request('storage', {});
    updateSlice('storage', (s) => reduceStorage(s, answer));
  } catch (error) {
    updateSlice('storage', (s) => reduceStorage(s, { error: message(error) }));
  }
}

/** Sets a key; the host's message when it refused (over the limits), else undefined. */
export async function setStorageItem(devtools: Devtools, key: string, value: unknown): Promise<string | undefined> {
  try {
    await devtools.client.request('setStorageItem', { key, value });
  } catch (error) {
    return message(error);
  }
  await loadStorage(devtools);
  return undefined;
}

export async function removeStorageItem(devtools: Devtools, key: string): Promise<void> {
  try {
    await devtools.client.request('removeStorageItem', { key });
  } catch (error) {
    devtools.store.getState().notify(message(error));
  }
  await loadStorage(devtools);
}
