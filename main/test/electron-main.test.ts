/**
 * The Electron main process's parts, checked against Electron's types without its binary: the window's
 * security options, the remembered window state, the menu, and the devtools' protocol over IPC (a fake
 * ipcMain and webContents at the edge; the host, the session and the dispatcher are real).
 */
import * as path from 'node:path';
import type { IpcMainEvent, MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../emulator-api/test/fixtures.js';
import { PROTOCOL_VERSION } from '../../emulator-api/src/protocol/version.js';
import { carryOverIpc, PROTOCOL_CHANNEL } from '../src/electron-main/ipc-transport.js';
import { menuTemplate } from '../src/electron-main/menu.js';
import { DEFAULT_STATE, isOwnUrl, parseWindowState, windowOptions } from '../src/electron-main/window-options.js';
import { Host, type HostSession } from '../src/node/host.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the ttsim window', () => {
  it('isolates its pages: context isolation, sandbox, no Node, a preload, no webview', () => {
    const options = windowOptions('/app/preload.cjs', DEFAULT_STATE, 'ttsim — demo');
    expect(options.webPreferences).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false });
    expect(options).toMatchObject({ width: 1400, height: 900, show: false });
  });

  it('remembers its bounds, and falls back to the default on a damaged or absurd state', () => {
    expect(parseWindowState(JSON.stringify({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true }))).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
    expect(parseWindowState('{not json')).toBe(DEFAULT_STATE);
    expect(parseWindowState(JSON.stringify({ bounds: { x: 0, y: 0, width: 5, height: 5 } }))).toBe(DEFAULT_STATE);
    expect(parseWindowState(undefined)).toBe(DEFAULT_STATE);
  });

  it('navigates only within its own host', () => {
    expect(isOwnUrl('http://127.0.0.1:4000/s/abc/?token=x', 'http://127.0.0.1:4000')).toBe(true);
    expect(isOwnUrl('http://127.0.0.1:4001/', 'http://127.0.0.1:4000')).toBe(false);
    expect(isOwnUrl('https://example.com/', 'http://127.0.0.1:4000')).toBe(false);
    expect(isOwnUrl('not a url', 'http://127.0.0.1:4000')).toBe(false);
  });

  it('has File, View and Help menus whose items call the actions', () => {
    const called: string[] = [];
    const template = menuTemplate({ openProject: () => called.push('open'), reload: () => called.push('reload'), openDocs: () => called.push('docs'), about: () => called.push('about') }, 'linux');
    expect(template.map((m) => m.label)).toEqual(['File', 'View', 'Help']);
    const items = template.flatMap((m) => (m.submenu as MenuItemConstructorOptions[]).filter((i) => typeof i.click === 'function'));
    for (const item of items) (item.click as () => void)();
    expect(called).toEqual(['open', 'reload', 'docs', 'about']);
  });
});

describe('the devtools protocol over IPC', () => {
  let host: Host;
  let session: HostSession;
  beforeAll(async () => {
    host = new Host({ dataDir: tempDataDir() });
    session = await host.open({ project: path.join(root, 'examples/compress-demo'), app: 'gadget', platform: 'ios', client: '7.35.0' });
  });
  afterAll(() => host.closeAll());

  /** ipcMain and the window's webContents, as far as the transport uses them. */
  function fakeWindow() {
    const listeners: ((event: IpcMainEvent, json: unknown) => void)[] = [];
    const sent: string[] = [];
    const mainFrame = { url: 'http://127.0.0.1/s/x/' };
    const contents = { id: 7, mainFrame, isDestroyed: () => false, send: (channel: string, json: string) => channel === PROTOCOL_CHANNEL && sent.push(json) };
    const ipcMain = {
      on: (_channel: string, listener: (event: IpcMainEvent, json: unknown) => void) => listeners.push(listener) && ipcMain,
      removeListener: (_channel: string, listener: (event: IpcMainEvent, json: unknown) => void) => listeners.splice(listeners.indexOf(listener), 1) && ipcMain,
    };
    const fromFrame = (frame: unknown, json: unknown, senderId = 7) => listeners.forEach((l) => l({ sender: { id: senderId }, senderFrame: frame } as unknown as IpcMainEvent, json));
    return { ipcMain, contents, sent, listeners, fromTop: (json: unknown) => fromFrame(mainFrame, json), fromFrame };
  }

  it('speaks the same protocol as the socket: hello, the event stream, requests and replies', async () => {
    const window = fakeWindow();
    const unwire = carryOverIpc(window.ipcMain as never, window.contents as never, session);
    window.fromTop(JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'devtools' }));
    window.fromTop(JSON.stringify({ t: 'request', id: 1, op: 'session', params: {} }));
    await expect.poll(() => window.sent.map((m) => JSON.parse(m) as { t: string }).map((m) => m.t)).toEqual(expect.arrayContaining(['welcome', 'events', 'reply']));
    const reply = window.sent.map((m) => JSON.parse(m) as { t: string; value?: { sessionId: string } }).find((m) => m.t === 'reply');
    expect(reply?.value?.sessionId).toBe(session.id);
    unwire();
    expect(window.listeners).toHaveLength(0);
  });

  it('ignores messages from any frame but the window\'s own top frame, and from other windows', () => {
    const window = fakeWindow();
    const unwire = carryOverIpc(window.ipcMain as never, window.contents as never, session);
    window.fromFrame({ url: 'guest frame' }, JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'devtools' }));
    window.fromFrame(window.contents.mainFrame, JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'devtools' }), 8);
    expect(window.sent).toEqual([]);
    // A value that is not text is answered as a malformed first message, not thrown.
    window.fromTop({ not: 'text' });
    expect(JSON.parse(window.sent[0]!)).toMatchObject({ t: 'refused' });
    unwire();
  });
});
