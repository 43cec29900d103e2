/**
 * Loads the support matrix of the APIs the session called. A relaunch starts a session that has called
 * nothing yet, so the page remembers (in this tab's sessionStorage, per app) the APIs called before the
 * switch and asks for them too: the matrix and the profile picker's quick picks stay comparable across
 * profile switches.
 */
import type { Devtools } from '../actions.js';
import type { ApiMatrixEntry } from '../protocol.js';
import { apiNames, type DevtoolsStore } from '../store.js';
import { reduceMatrix, reduceMatrixLoading } from './model.js';

const KEY = 'ttsim-devtools-called-apis';
/** At most this many names are carried over (the apiMatrix operation takes 1,000). */
const REMEMBERED_MAX = 500;

const appOf = (store: DevtoolsStore): string | undefined => store.getState().connection.session?.appId;

/** The APIs called before the last profile switch of this app, in this tab. */
export function rememberedApis(store: DevtoolsStore, storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): string[] {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as { app?: unknown; apis?: unknown } | null;
    if (!saved || saved.app !== appOf(store) || !Array.isArray(saved.apis)) return [];
    return saved.apis.filter((a): a is string => typeof a === 'string');
  } catch {
    return [];
  }
}

/** Remembers every API the matrix shows or the log holds, for the session a relaunch opens. */
export function rememberApis(store: DevtoolsStore, storage: Pick<Storage, 'setItem' | 'getItem'> | undefined = globalThis.sessionStorage): void {
  const { matrix, log } = store.getState();
  const names = new Set([...rememberedApis(store, storage), ...(matrix.entries ?? []).map((e) => e.name), ...apiNames(log.events)]);
  try {
    storage?.setItem(KEY, JSON.stringify({ app: appOf(store), apis: [...names].sort().slice(0, REMEMBERED_MAX) }));
  } catch {
    /* storage full or refused: the new session's matrix starts from its own calls */
  }
}

export async function loadMatrix({ store, client }: Devtools): Promise<void> {
  const { updateSlice } = store.getState();
  updateSlice('matrix', reduceMatrixLoading);
  try {
    // The APIs the code uses (a static scan, where the host has it) join those called and those called before a switch.
    const code = await client.request('codeApis', {}).catch(() => ({ available: false, apis: [] }));
    const inCode = Object.fromEntries(code.apis.map((api) => [api.name, api.at]));
    const others = [...new Set([...rememberedApis(store), ...Object.keys(inCode)])];
    const [called, more] = await Promise.all([client.request('apiMatrix', {}), others.length > 0 ? client.request('apiMatrix', { apis: others }) : Promise.resolve([] as ApiMatrixEntry[])]);
    const names = new Set(called.map((e) => e.name));
    const entries = [...called, ...more.filter((e) => !names.has(e.name))];
    updateSlice('matrix', (m) => ({ ...reduceMatrix(m, entries), inCode }));
  } catch (error) {
    updateSlice('matrix', (m) => reduceMatrix(m, { error: error instanceof Error ? error.message : String(error) }));
  }
}
