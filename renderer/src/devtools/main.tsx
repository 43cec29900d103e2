/**
 * The devtools page's entry (dist/web/devtools.js; its styles come out as devtools.css): connects to the
 * session named in window.__TTSIM_DEVTOOLS__ with the host token of the page's URL, and mounts the app.
 */
import './devtools.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { connectDevtools, devtoolsSocketUrl, ProtocolClient } from './protocol-client.js';
import { electronBridge, ipcSocket } from './ipc-socket.js';
import { browserStorage, readLayout, rememberLayout } from './layout-storage.js';
import { clampPanel, createDevtoolsStore, initialUi } from './store.js';

const config = (window as unknown as { __TTSIM_DEVTOOLS__?: { sessionId?: string } }).__TTSIM_DEVTOOLS__;
const root = document.getElementById('root');
if (!root) throw new Error('ttsim devtools: the page has no #root element');
if (!config?.sessionId) {
  root.textContent = 'ttsim devtools: this page was not served by a ttsim host (no window.__TTSIM_DEVTOOLS__).';
} else {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  // In the Electron window the protocol goes over IPC (the preload's bridge); in a browser over the WebSocket.
  const bridge = electronBridge();
  const client = bridge ? new ProtocolClient(ipcSocket(bridge)) : connectDevtools(devtoolsSocketUrl(location.href, config.sessionId, token));
  // The zoom and panel width of the last visit (clamped to this window), else the panels take 55 % of it.
  const storage = browserStorage();
  const layout = readLayout(storage, window.innerWidth);
  const store = createDevtoolsStore({ ui: { ...initialUi, panelWidth: clampPanel(window.innerWidth * 0.55, window.innerWidth), ...layout } });
  rememberLayout(store, storage);
  createRoot(root).render(
    <StrictMode>
      <App store={store} client={client} />
    </StrictMode>,
  );
}
