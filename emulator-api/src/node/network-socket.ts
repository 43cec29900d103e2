/**
 * The WebSocket behind a SocketTask (the ws package): its events become the task's onOpen / onMessage /
 * onError / onClose, and the task's send / close reach it through a SocketChannel.
 */
import WebSocket from 'ws';
import { ABNORMAL_CLOSURE } from '../common/tasks.js';
import { effectivePort } from './network-policy.js';
import { neverResolves } from './network-http.js';
import type { SocketChannel, TaskHandle } from './tasks.js';

const STATES = ['connecting', 'open', 'closing', 'closed'] as const;

/** What went wrong, in words that name the host (the task's onError gets it as errMsg). */
function describeSocketError(error: Error & { code?: string }, url: URL, timeoutMs: number): string {
  if (error.code === 'ECONNREFUSED') return `connection refused by ${url.hostname}:${effectivePort(url)}`;
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return `could not resolve host ${url.hostname} (DNS lookup failed)`;
  if (/handshake has timed out/i.test(error.message)) return `timeout: the opening handshake with ${url.host} took over ${timeoutMs} ms`;
  return `${error.message}${error.code ? ` (${error.code})` : ''}`;
}

export function openSocket(task: TaskHandle, url: URL, options: { header: Record<string, string>; protocols: readonly string[]; timeoutMs: number }): void {
  if (neverResolves(url.hostname)) {
    // RFC 6761: .invalid never resolves; report it as a DNS failure without asking a resolver.
    let state: SocketChannel['readyState'] = 'connecting';
    task.socket = { send: () => undefined, close: () => undefined, get readyState() { return state; } };
    setImmediate(() => {
      state = 'closed';
      task.emit('error', { errMsg: `could not resolve host ${url.hostname} (DNS lookup failed)` });
      task.emit('close', { code: ABNORMAL_CLOSURE, reason: '' });
      task.finish();
    });
    return;
  }
  const ws = new WebSocket(url.href, [...options.protocols], { headers: options.header, handshakeTimeout: options.timeoutMs, followRedirects: false, perMessageDeflate: false });
  let responseHeader: Record<string, string> = {};
  ws.on('upgrade', (response) => {
    responseHeader = Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]));
  });
  ws.on('open', () => task.emit('open', { header: responseHeader, protocol: ws.protocol }));
  ws.on('message', (data, isBinary) => {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    task.emit('message', { data: isBinary ? buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) : buffer.toString('utf8') });
  });
  ws.on('error', (error: Error & { code?: string }) => task.emit('error', { errMsg: describeSocketError(error, url, options.timeoutMs) }));
  ws.on('close', (code, reason) => {
    task.emit('close', { code, reason: reason.toString('utf8') });
    task.finish();
  });
  task.socket = {
    get readyState() {
      return STATES[ws.readyState] ?? 'closed';
    },
    send(data) {
      ws.send(typeof data === 'string' ? data : Buffer.from(data));
    },
    close(code, reason) {
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(code, reason);
    },
  };
}
