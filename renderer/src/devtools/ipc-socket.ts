/**
 * The devtools' connection inside the Electron window: the preload's `window.ttsimHost` (main/src/electron-main
 * /preload.cts) carries the same protocol messages over IPC. This adapts it to the socket the client speaks.
 */
import type { SocketLike } from './protocol-client.js';

/** What the window's preload exposes: JSON text out, JSON text in. */
export interface TtsimHostBridge {
  send(json: string): void;
  onMessage(listener: (json: string) => void): void;
}

/** The Electron window's bridge, when this page runs there. */
export function electronBridge(scope: unknown = globalThis): TtsimHostBridge | undefined {
  const bridge = (scope as { ttsimHost?: Partial<TtsimHostBridge> }).ttsimHost;
  return bridge && typeof bridge.send === 'function' && typeof bridge.onMessage === 'function' ? (bridge as TtsimHostBridge) : undefined;
}

/** A socket over the bridge: open at once (IPC needs no handshake), never closed by the other side. */
export function ipcSocket(bridge: TtsimHostBridge): SocketLike {
  const opened: (() => void)[] = [];
  const messages: ((event: { data: unknown }) => void)[] = [];
  bridge.onMessage((json) => messages.forEach((listener) => listener({ data: json })));
  setTimeout(() => opened.forEach((listener) => listener()), 0);
  return {
    send: (data) => bridge.send(data),
    close: () => undefined,
    addEventListener: ((type: string, listener: never) => {
      if (type === 'open') opened.push(listener);
      if (type === 'message') messages.push(listener);
    }) as SocketLike['addEventListener'],
  };
}
