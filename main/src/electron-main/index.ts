/**
 * The Electron main process: one window, sandboxed, with the session's files served over `ttfile:`.
 * Runs only where the Electron binary exists (`npm run electron`); the devtools UI arrives with its issue.
 * Security as Electron's security guide asks: context isolation, sandbox, no Node in pages, no new windows,
 * no navigation away, every `ttfile:` path resolved inside the session's sandbox.
 */
import { app, BrowserWindow, net, protocol, session as electronSession } from 'electron';
import { pathToFileURL } from 'node:url';
import { createSession, DEFAULT_CLIENT, type AppKind, type Platform, type Session } from '../../../emulator-api/src/index.js';

protocol.registerSchemesAsPrivileged([{ scheme: 'ttfile', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

async function start(): Promise<void> {
  await app.whenReady();
  const ttSession: Session = await createSession({
    app: (argument('app') ?? 'gadget') as AppKind,
    platform: (argument('platform') ?? 'ios') as Platform,
    client: argument('client') ?? DEFAULT_CLIENT,
    ...(argument('project') ? { project: argument('project')! } : {}),
  });

  protocol.handle('ttfile', async (request) => {
    const url = new URL(request.url);
    try {
      const hostPath = ttSession.resolve(`ttfile://${url.host}${decodeURIComponent(url.pathname)}`);
      return await net.fetch(pathToFileURL(hostPath).toString());
    } catch (error) {
      return new Response(error instanceof Error ? error.message : 'not found', { status: 404 });
    }
  });
  electronSession.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    title: `ttsim — ${ttSession.profile.app} ${ttSession.profile.platform} ${ttSession.profile.client}`,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  const page = `<!doctype html><meta charset="utf-8"><title>ttsim</title><body style="font:14px system-ui;padding:2em">
    <h1>ttsim</h1><p>Session ${ttSession.id}: ${ttSession.profile.app} on ${ttSession.profile.device.label}, client ${ttSession.profile.client}.</p>
    <p>The devtools UI is not built yet; use <code>ttsim compress</code> and the programmatic API meanwhile.</p></body>`;
  await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`);
  app.on('window-all-closed', () => {
    void ttSession.close().finally(() => app.quit());
  });
}

void start();
