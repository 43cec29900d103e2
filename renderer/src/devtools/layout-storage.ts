/**
 * The layout the devtools remember across reloads (and relaunches, which open a new page on the same
 * origin): the simulator's zoom and the panels' width, in localStorage under one versioned key. What comes
 * back is clamped (a window narrower than the last one still shows the simulator), and anything unreadable
 * is ignored: the defaults then apply.
 */
import { clampPanel, clampZoom, type DevtoolsStore } from './store.js';

export const LAYOUT_KEY = 'ttsim.devtools.layout.v1';
/** How long after the last change the layout is written (a drag of the separator changes it on every move). */
export const LAYOUT_SAVE_MS = 250;

export interface Layout {
  readonly zoom: number;
  readonly panelWidth: number;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage, or undefined where it is absent or refused (a sandboxed or private page). */
export function browserStorage(): KeyValue | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The stored layout, each value clamped for a window `availableWidth` wide; only the values that read well. */
export function readLayout(storage: KeyValue | undefined, availableWidth: number): Partial<Layout> {
  let stored: unknown;
  try {
    const text = storage?.getItem(LAYOUT_KEY);
    stored = text ? JSON.parse(text) : undefined;
  } catch {
    return {};
  }
  if (typeof stored !== 'object' || stored === null) return {};
  const { zoom, panelWidth } = stored as Record<string, unknown>;
  const layout: { zoom?: number; panelWidth?: number } = {};
  if (typeof zoom === 'number' && Number.isFinite(zoom)) layout.zoom = clampZoom(zoom);
  if (typeof panelWidth === 'number' && Number.isFinite(panelWidth)) layout.panelWidth = clampPanel(panelWidth, availableWidth);
  return layout;
}

export function writeLayout(storage: KeyValue | undefined, layout: Layout): void {
  try {
    storage?.setItem(LAYOUT_KEY, JSON.stringify({ zoom: layout.zoom, panelWidth: layout.panelWidth }));
  } catch {
    // Full or refused: the layout is simply not remembered.
  }
}

/** Writes the store's zoom and panel width LAYOUT_SAVE_MS after they last changed; returns the unsubscribe. */
export function rememberLayout(store: DevtoolsStore, storage: KeyValue | undefined, delayMs = LAYOUT_SAVE_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const { zoom, panelWidth } = store.getState().ui;
    writeLayout(storage, { zoom, panelWidth });
  };
  const stop = store.subscribe((state, previous) => {
    if (state.ui.zoom === previous.ui.zoom && state.ui.panelWidth === previous.ui.panelWidth) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  // A reload right after a change still keeps it.
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);
  return () => {
    stop();
    flush();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', flush);
  };
}
