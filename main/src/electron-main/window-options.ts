/**
 * The ttsim window, as Electron's security checklist asks: context isolation, the renderer sandbox, no Node
 * in pages, a narrow preload (preload.cts), no new windows, no navigation away from this host, no
 * permissions. Pure functions over Electron's types, unit-tested without the binary.
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { bounds: { x: 80, y: 60, width: 1400, height: 900 }, maximized: false };

export function windowOptions(preload: string, state: WindowState, title: string): BrowserWindowConstructorOptions {
  return {
    ...state.bounds,
    minWidth: 900,
    minHeight: 600,
    title,
    show: false,
    backgroundColor: '#1f2329',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The window state kept between runs (window-state.json), or the default when there is none or it is damaged. */
export function parseWindowState(text: string | undefined): WindowState {
  if (!text) return DEFAULT_STATE;
  try {
    const value = JSON.parse(text) as Partial<WindowState> & { bounds?: Partial<Rectangle> };
    const b = value.bounds;
    const ok = (n: unknown, min: number) => typeof n === 'number' && Number.isFinite(n) && n >= min;
    if (!b || !ok(b.width, 400) || !ok(b.height, 300) || !ok(b.x, -10_000) || !ok(b.y, -10_000)) return DEFAULT_STATE;
    return { bounds: { x: b.x!, y: b.y!, width: b.width!, height: b.height! }, maximized: value.maximized === true };
  } catch {
    return DEFAULT_STATE;
  }
}

/** Only pages of this host may load in the window (the devtools and the guest frames inside it). */
export function isOwnUrl(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
