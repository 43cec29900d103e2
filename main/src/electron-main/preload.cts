/**
 * The window's preload, in the renderer sandbox: exposes one narrow, typed object to the devtools page,
 * `window.ttsimHost`, that carries protocol messages (JSON text) to the host over IPC and back. Nothing
 * else of Electron or Node reaches the page. CommonJS, as sandboxed preloads must be.
 */
// A sandboxed preload is CommonJS: this is its import of Electron (types come with it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

const CHANNEL = 'ttsim:protocol';

contextBridge.exposeInMainWorld('ttsimHost', {
  send(json: string): void {
    if (typeof json === 'string') ipcRenderer.send(CHANNEL, json);
  },
  onMessage(listener: (json: string) => void): void {
    ipcRenderer.on(CHANNEL, (_event, json: unknown) => {
      if (typeof json === 'string') listener(json);
    });
  },
});
