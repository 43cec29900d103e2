// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAYOUT_KEY, readLayout, rememberLayout, writeLayout } from '../src/devtools/layout-storage.js';
import { createDevtoolsStore, PANEL_MIN } from '../src/devtools/store.js';

afterEach(() => {
  localStorage.clear();
  vi.useRealTimers();
});

describe('remembered layout', () => {
  it('reads back what was written', () => {
    writeLayout(localStorage, { zoom: 75, panelWidth: 700 });
    expect(JSON.parse(localStorage.getItem(LAYOUT_KEY)!)).toEqual({ zoom: 75, panelWidth: 700 });
    expect(readLayout(localStorage, 1400)).toEqual({ zoom: 75, panelWidth: 700 });
  });

  it('clamps what it reads: zoom to 50–200 %, the panels to what the window leaves the simulator', () => {
    localStorage.setItem(LAYOUT_KEY, JSON.stringify({ zoom: 999, panelWidth: 5000 }));
    expect(readLayout(localStorage, 1000)).toEqual({ zoom: 200, panelWidth: 1000 - 260 });
    localStorage.setItem(LAYOUT_KEY, JSON.stringify({ zoom: 3, panelWidth: 10 }));
    expect(readLayout(localStorage, 1000)).toEqual({ zoom: 50, panelWidth: PANEL_MIN });
  });

  it('ignores what it cannot read', () => {
    expect(readLayout(localStorage, 1000)).toEqual({});
    localStorage.setItem(LAYOUT_KEY, '{not json');
    expect(readLayout(localStorage, 1000)).toEqual({});
    localStorage.setItem(LAYOUT_KEY, JSON.stringify({ zoom: 'big', panelWidth: null }));
    expect(readLayout(localStorage, 1000)).toEqual({});
    localStorage.setItem(LAYOUT_KEY, JSON.stringify({ zoom: 125 }));
    expect(readLayout(localStorage, 1000)).toEqual({ zoom: 125 });
    expect(readLayout(undefined, 1000)).toEqual({});
    const refusing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(readLayout(refusing, 1000)).toEqual({});
    expect(() => writeLayout(refusing, { zoom: 100, panelWidth: 600 })).not.toThrow();
  });

  it("saves the store's zoom and panel width shortly after they change, and on leaving", () => {
    vi.useFakeTimers();
    const store = createDevtoolsStore();
    const stop = rememberLayout(store, localStorage, 250);
    store.getState().setZoom(150);
    store.getState().setPanelWidth(512);
    expect(localStorage.getItem(LAYOUT_KEY)).toBeNull();
    vi.advanceTimersByTime(250);
    expect(readLayout(localStorage, 1400)).toEqual({ zoom: 150, panelWidth: 512 });
    // other changes do not write
    localStorage.clear();
    store.getState().setTab('files');
    vi.advanceTimersByTime(1000);
    expect(localStorage.getItem(LAYOUT_KEY)).toBeNull();
    // a change just before the page goes is written then
    store.getState().setZoom(75);
    window.dispatchEvent(new Event('pagehide'));
    expect(readLayout(localStorage, 1400).zoom).toBe(75);
    stop();
    store.getState().setZoom(200);
    vi.advanceTimersByTime(1000);
    expect(readLayout(localStorage, 1400).zoom).toBe(75);
  });
});
