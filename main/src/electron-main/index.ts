/**
 * The Electron main process: the devtools in a desktop window. The host core is the same as in browser
 * mode: sessions, the server on 127.0.0.1 (it serves the guest runtime and its files to the guest frame),
 * and the devtools' protocol, carried here over IPC by a narrow preload instead of a WebSocket.
 * Runs only where the Electron binary exists (`ttsim dev --electron`, `npm run electron`).
 *
 * Security as Electron's checklist asks (window-options.ts): context isolation, the renderer sandbox, no
 * Node in pages, no new windows, no navigation away from this host, no permissions; `ttfile:` URLs resolve
 * through the session's own sandbox checks.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session as electronSession, shell } from 'electron';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AppKind, Platform } from '../../../emulator-api/src/index.js';
import { DEFAULT_CLIENT } from '../../../emulator-api/src/index.js';
import { Host, type HostSession } from '../node/host.js';
import { startServer } from '../node/server.js';
import { carryOverIpc } from './ipc-transport.js';
import { menuTemplate } from './menu.js';
import { isOwnUrl, parseWindowState, windowOptions, type WindowState } from './window-options.js';

protocol.registerSchemesAsPrivileged([{ scheme: 'ttfile', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const here = path.dirname(fileURLToPath(import.meta.url));
const argument = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const bundledExample = () => [path.resolve(here, '../../../../examples/compress-demo'), path.resolve(here, '../../../examples/compress-demo')].find((dir) => fs.existsSync(path.join(dir, 'app.json')))!;
const stateFile = () => path.join(app.getPath('userData'), 'window-state.json');

function readState(): WindowState {
  return parseWindowState(fs.existsSync(stateFile()) ? fs.readFileSync(stateFile(), 'utf8') : undefined);
}

async function start(): Promise<void> {
  await app.whenReady();
  const host = new Host(argument('data-dir') ? { dataDir: argument('data-dir')! } : {});
  const server = await startServer(host);
  const open = (project: string) =>
    host.open({ project, ...(argument('app') ? { app: argument('app') as AppKind } : {}), platform: (argument('platform') ?? 'ios') as Platform, client: argument('client') ?? DEFAULT_CLIENT });
  let current: HostSession = await open(argument('project') ?? bundledExample());
  current.watchProject();

  protocol.handle('ttfile', async (request) => {
    const url = new URL(request.url);
    try {
      const hostPath = current.resolve(`ttfile://${url.host}${decodeURIComponent(url.pathname)}`);
      return await net.fetch(pathToFileURL(hostPath).toString());
    } catch (error) {
      return new Response(error instanceof Error ? error.message : 'not found', { status: 404 });
    }
  });
  electronSession.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const state = readState();
  const window = new BrowserWindow(windowOptions(path.join(here, 'preload.cjs'), state, `ttsim — ${current.project.name}`));
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, server.origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // The devtools' protocol over IPC, for the session whose page the window shows (a profile switch goes to another).
  let unwire = carryOverIpc(ipcMain, contents, current);
  contents.on('did-navigate', (_event, url) => {
    const id = new URL(url).pathname.split('/')[2];
    const next = id ? host.get(id) : undefined;
    if (!next || next === current) return;
    unwire();
    current = next;
    current.watchProject();
    unwire = carryOverIpc(ipcMain, contents, current);
    window.setTitle(`ttsim — ${current.project.name}`);
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        openProject: () => {
          void dialog.showOpenDialog(window, { title: 'Open a gadget or web-app folder', properties: ['openDirectory'] }).then(async (answer) => {
            const folder = answer.filePaths[0];
            if (answer.canceled || !folder) return;
            try {
              const next = await open(folder);
              await contents.loadURL(server.devtoolsUrl(next));
            } catch (error) {
              dialog.showErrorBox('ttsim could not open the project', error instanceof Error ? error.message : String(error));
            }
          });
        },
        reload: () => current.reloadProject('a reload from the menu'),
        openDocs: () => void shell.openExternal('https://www.npmjs.com/package/ttsim'),
        about: () => void dialog.showMessageBox(window, { title: 'About ttsim', message: `ttsim ${app.getVersion()}`, detail: 'A simulator and devtools for Feishu gadgets and web apps.' }),
      }),
    ),
  );

  window.on('close', () => {
    const saved: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    fs.mkdirSync(path.dirname(stateFile()), { recursive: true });
    fs.writeFileSync(stateFile(), JSON.stringify(saved));
  });
  app.on('window-all-closed', () => {
    unwire();
    void server.close().then(() => host.closeAll()).finally(() => app.quit());
  });
  await contents.loadURL(server.devtoolsUrl(current));
}

void start();
