/**
 * The devtools' protocol over Electron IPC: the preload (preload.cts) sends each message as JSON text on
 * one channel and gets the host's on the same channel; here they go to a HostConnection, the same
 * dispatcher the WebSocket server uses. Only the window's own top frame may speak: a message from any
 * other frame (the guest's, a stray page) is ignored.
 */
import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import type { HostSession } from '../node/host.js';
import type { HostConnection } from '../node/host-connection.js';

export const PROTOCOL_CHANNEL = 'ttsim:protocol';

/** Wires `contents` (the window) to a devtools connection of `session`; returns the function that unwires it. */
export function carryOverIpc(ipcMain: Pick<IpcMain, 'on' | 'removeListener'>, contents: Pick<WebContents, 'send' | 'id' | 'isDestroyed'> & { readonly mainFrame: unknown }, session: HostSession): () => void {
  let connection: HostConnection | undefined = session.connect(
    {
      send: (json) => {
        if (!contents.isDestroyed()) contents.send(PROTOCOL_CHANNEL, json);
      },
      close: () => stop(),
    },
    ['devtools'],
  );
  const listener = (event: IpcMainEvent, json: unknown) => {
    if (event.sender.id !== contents.id || event.senderFrame !== contents.mainFrame) return;
    connection?.dispatch(typeof json === 'string' ? json : '');
  };
  ipcMain.on(PROTOCOL_CHANNEL, listener);
  const stop = () => {
    if (!connection) return;
    ipcMain.removeListener(PROTOCOL_CHANNEL, listener);
    connection?.close();
    connection = undefined;
  };
  return stop;
}
