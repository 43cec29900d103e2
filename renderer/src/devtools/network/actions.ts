/** Fetches the full events of network calls (URL, headers, bodies) as their rows come into view or open. */
import type { Devtools } from '../actions.js';
import type { DevtoolsStore } from '../store.js';
import { reduceNetDetail, reduceNetSelect } from './model.js';

const asking = new WeakMap<DevtoolsStore, Set<number>>();

export async function loadNetDetail({ store, client }: Devtools, seq: number): Promise<void> {
  if (store.getState().net.details[seq]) return;
  const pending = asking.get(store) ?? new Set<number>();
  asking.set(store, pending);
  if (pending.has(seq)) return;
  pending.add(seq);
  try {
    const event = await client.request('event', { seq });
    store.getState().updateSlice('net', (n) => reduceNetDetail(n, seq, event));
  } catch (error) {
    store.getState().updateSlice('net', (n) => reduceNetDetail(n, seq, { error: error instanceof Error ? error.message : String(error) }));
  } finally {
    pending.delete(seq);
  }
}

export function selectNetCall(devtools: Devtools, seq: number | undefined): void {
  devtools.store.getState().updateSlice('net', (n) => reduceNetSelect(n, seq));
  if (seq !== undefined) void loadNetDetail(devtools, seq);
}
