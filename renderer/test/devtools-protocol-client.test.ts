import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../emulator-api/src/protocol/version.js';
import { encodeValue } from '../../emulator-api/src/protocol/wire.js';
import { devtoolsSocketUrl, ProtocolClient, type SocketLike } from '../src/devtools/protocol-client.js';
import { session } from './fixtures.js';

/** A WebSocket stand-in: records what the client sends, and plays the host's messages. */
class FakeSocket implements SocketLike {
  readonly sent: Record<string, unknown>[] = [];
  closedWith: [number | undefined, string | undefined] | undefined;
  private readonly listeners = new Map<string, ((event: never) => void)[]>();

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(code?: number, reason?: string): void {
    this.closedWith = [code, reason];
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  fire(type: string, event: unknown = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event as never);
  }
  host(message: unknown): void {
    this.fire('message', { data: JSON.stringify(message) });
  }
}

function connected() {
  const socket = new FakeSocket();
  const client = new ProtocolClient(socket);
  socket.fire('open');
  socket.host({ t: 'welcome', protocol: PROTOCOL_VERSION, sessionId: 's1' });
  return { socket, client };
}

afterEach(() => vi.useRealTimers());

describe('ProtocolClient', () => {
  it('makes the socket URL from the page URL (ws for http, wss for https) with the token', () => {
    expect(devtoolsSocketUrl('http://127.0.0.1:4000/s/abc/?token=x', 'abc', 'a&b')).toBe('ws://127.0.0.1:4000/s/abc/ws?token=a%26b');
    expect(devtoolsSocketUrl('https://host.test/s/abc/', 'abc', 't')).toBe('wss://host.test/s/abc/ws?token=t');
  });

  it('says hello as devtools when the socket opens, and is open after the welcome', () => {
    const socket = new FakeSocket();
    const client = new ProtocolClient(socket);
    const states: string[] = [];
    client.onState((s) => states.push(s.status));
    expect(client.state.status).toBe('connecting');
    socket.fire('open');
    expect(socket.sent).toEqual([{ t: 'hello', protocol: PROTOCOL_VERSION, role: 'devtools' }]);
    socket.host({ t: 'welcome', protocol: PROTOCOL_VERSION, sessionId: 's1' });
    expect(client.state).toEqual({ status: 'open', sessionId: 's1' });
    expect(states).toEqual(['open']);
  });

  it('sends requests made before the welcome once it arrives, and decodes the reply value', async () => {
    const socket = new FakeSocket();
    const client = new ProtocolClient(socket);
    socket.fire('open');
    const reply = client.request('session', {});
    expect(socket.sent).toHaveLength(1);
    socket.host({ t: 'welcome', protocol: PROTOCOL_VERSION, sessionId: 's1' });
    expect(socket.sent[1]).toEqual({ t: 'request', id: 1, op: 'session', params: {} });
    socket.host({ t: 'reply', id: 1, ok: true, value: encodeValue(session) });
    await expect(reply).resolves.toEqual(session);
  });

  it('decodes values JSON cannot carry (ArrayBuffer)', async () => {
    const { socket, client } = connected();
    const reply = client.request('event', { seq: 3 });
    socket.host({ t: 'reply', id: 1, ok: true, value: encodeValue({ data: new Uint8Array([1, 2, 3]).buffer }) });
    const value = (await reply) as unknown as { data: ArrayBuffer };
    expect(value.data).toBeInstanceOf(ArrayBuffer);
    expect(value.data.byteLength).toBe(3);
  });

  it("rejects with the host's error, naming the op", async () => {
    const { socket, client } = connected();
    const reply = client.request('event', { seq: 99 });
    socket.host({ t: 'reply', id: 1, ok: false, error: 'event 99 is not kept' });
    await expect(reply).rejects.toThrow('event: event 99 is not kept');
  });

  it('times out naming the op; a forwarded op tells the host its timeout', async () => {
    vi.useFakeTimers();
    const { socket, client } = connected();
    const reply = client.request('fileInfo', { path: 'ttfile://temp/a.jpg' }, { timeoutMs: 500 });
    const caught = reply.catch((e: unknown) => e);
    vi.advanceTimersByTime(501);
    expect(String(await caught)).toContain('fileInfo: the ttsim host did not reply within 500 ms');
    void client.request('whenIdle', {}, { timeoutMs: 2000, waitingFor: 'the guest to settle' }).catch(() => {});
    expect(socket.sent.at(-1)).toMatchObject({ op: 'whenIdle', timeoutMs: 2000, waitingFor: 'the guest to settle' });
    expect(socket.sent[1]).not.toHaveProperty('timeoutMs');
  });

  it('passes events messages to listeners', () => {
    const { socket, client } = connected();
    const seen: number[] = [];
    const stop = client.onEvents((batch) => seen.push(batch.events.length));
    socket.host({ t: 'events', rules: {}, events: [{ seq: 1, time: 1, type: 'session', what: 'opened' }] });
    stop();
    socket.host({ t: 'events', rules: {}, events: [] });
    expect(seen).toEqual([1]);
  });

  it('passes picker requests to listeners', () => {
    const { socket, client } = connected();
    const asked: string[] = [];
    client.onPicker((request) => asked.push(`${request.id}:${request.count}`));
    socket.host({ t: 'picker', request: { id: 'p1', count: 9, sourceType: ['album'] } });
    expect(asked).toEqual(['p1:9']);
  });

  it('shows a refusal with its reason and fails what was pending', async () => {
    const socket = new FakeSocket();
    const client = new ProtocolClient(socket);
    socket.fire('open');
    const reply = client.request('session', {});
    socket.host({ t: 'refused', reason: 'ttsim protocol mismatch: reload the page' });
    expect(client.state).toEqual({ status: 'refused', reason: 'ttsim protocol mismatch: reload the page' });
    await expect(reply).rejects.toThrow('refused this page: ttsim protocol mismatch');
    socket.fire('close', { code: 4001, reason: 'refused' });
    expect(client.state.status).toBe('refused');
    await expect(client.request('session', {})).rejects.toThrow('session: not connected');
  });

  it('is closed when the socket closes, and rejects pending requests', async () => {
    const { socket, client } = connected();
    const reply = client.request('files', { area: 'temp', limit: 10 });
    socket.fire('close', { code: 1006, reason: '' });
    expect(client.state.status).toBe('closed');
    expect(client.state.reason).toContain('code 1006');
    await expect(reply).rejects.toThrow('files: the connection to the ttsim host closed (code 1006)');
  });
});
