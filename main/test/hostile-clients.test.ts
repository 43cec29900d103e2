/**
 * What a hostile gadget (or any local process that learnt a token) can send the host, over real sockets
 * to a real server: each message or frame here ended the whole host process before the protocol layer
 * validated messages and every socket had an error listener. After each, the host must still answer.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDataDir, testTempDir } from '../../emulator-api/test/fixtures.js';
import { hostToControl, hostToGuest, type HostToControl } from '../../emulator-api/src/protocol/messages.js';
import { PROTOCOL_VERSION } from '../../emulator-api/src/protocol/version.js';
import { EVENT_STRING_CHARS } from '../src/node/event-budget.js';
import { Host, type HostSession } from '../src/node/host.js';
import { startServer, type RunningServer } from '../src/node/server.js';

const root = new URL('../../', import.meta.url).pathname;
let host: Host;
let server: RunningServer;
let gadget: HostSession;
let project: string;

beforeAll(async () => {
  // A project folder with what a package never holds: secrets, VCS data, node_modules.
  project = testTempDir('hostile-project-');
  fs.cpSync(path.join(root, 'examples/compress-demo'), project, { recursive: true });
  fs.writeFileSync(path.join(project, '.env'), 'SECRET=1');
  fs.mkdirSync(path.join(project, '.git'));
  fs.writeFileSync(path.join(project, '.git/config'), '[core]');
  fs.mkdirSync(path.join(project, 'node_modules/left-pad'), { recursive: true });
  fs.writeFileSync(path.join(project, 'node_modules/left-pad/index.js'), 'module.exports = 1;');
  fs.mkdirSync(path.join(project, 'miniprogram_npm/lib'), { recursive: true });
  fs.writeFileSync(path.join(project, 'miniprogram_npm/lib/index.js'), 'module.exports = 2;');
  host = new Host({ dataDir: tempDataDir() });
  gadget = await host.open({ project, app: 'gadget', platform: 'ios', client: '7.35.0' });
  server = await startServer(host);
});
/** Every message the host sent in these tests, checked against the protocol's schema of what it may send. */
const offSchema: string[] = [];
afterAll(async () => {
  await server.close();
  await host.closeAll();
  expect(offSchema, 'messages the host sent that the protocol does not describe').toEqual([]);
});

const guestWs = () => `ws://127.0.0.1:${server.port}/g/${gadget.id}/${gadget.guestToken}/__ttsim__/ws`;
const controlWs = () => `ws://127.0.0.1:${server.port}/s/${gadget.id}/ws?token=${gadget.hostToken}`;
const hello = (role: string) => JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role });

/** A guest socket that has said hello; `next(match)` waits for a message. */
async function guestSocket(url = guestWs()) {
  const ws = new WebSocket(url);
  const got: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    if (!hostToGuest.safeParse(message).success) offSchema.push(String(data).slice(0, 200));
    got.push(message);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(hello('guest'));
  const next = async (match: (m: Record<string, unknown>) => boolean, ms = 5000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = got.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message in ${ms} ms; got ${JSON.stringify(got).slice(0, 300)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  return { ws, got, next, closed };
}

/** The host still runs calls: a fresh guest socket gets getSystemInfo answered. */
async function hostAnswers(): Promise<void> {
  const g = await guestSocket();
  g.ws.send(JSON.stringify({ t: 'call', id: 99, api: 'getSystemInfo', params: {} }));
  expect(await g.next((m) => m.t === 'result' && m.id === 99)).toMatchObject({ result: { errMsg: 'getSystemInfo:ok' } });
  g.ws.close();
}

function deeplyNested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('malformed protocol messages', () => {
  it.each([
    ['null', 'null'],
    ['outcomes without a list', '{"t":"outcomes"}'],
    ['outcomes that is a number', '{"t":"outcomes","outcomes":5}'],
    ['an outcome whose rules is a number', JSON.stringify({ t: 'outcome', api: 'getStorageSync', params: {}, result: { errMsg: 'getStorageSync:ok' }, rules: 5, startedAt: 0, durationMs: 0 })],
    ['a console event whose args is a string', '{"t":"console","level":"log","args":"x"}'],
    ['params nested 20,000 deep', `{"t":"call","id":3,"api":"getSystemInfo","params":${deeplyNested(20_000)}}`],
    ['a ui event nested 20,000 deep', `{"t":"event","event":{"kind":"ui","what":"x","detail":${deeplyNested(20_000)}}}`],
  ])('%s: the host records it and goes on', async (_what, message) => {
    const before = gadget.events.lastSeq;
    const g = await guestSocket();
    g.ws.send(message);
    g.ws.send(JSON.stringify({ t: 'call', id: 1, api: 'getSystemInfo', params: {} }));
    await g.next((m) => m.t === 'result' && m.id === 1);
    g.ws.close();
    expect(gadget.events.list(before).some((e) => e.type === 'console' && e.args[0]!.includes('malformed message from the guest'))).toBe(true);
    await hostAnswers();
  });

  it.each([
    ['call', { t: 'call', id: 11, api: 'FileSystemManager.writeFile', params: { filePath: 'ttfile://user/x.bin', data: { $ab: '%%%not base64' } } }, 'result'],
    ['task-op', { t: 'task-op', id: 12, task: 1, op: 'send', params: { data: { $ab: '!!' } } }, 'result'],
    ['store-image', { t: 'store-image', id: 13, data: { $ab: 'abc' }, fileType: 'png' }, 'result'],
    ['prepare', { t: 'prepare', id: 14, api: 'showToast', params: { title: { $ab: '***' } } }, 'prepared'],
  ])('invalid base64 in a %s: that request fails with errno 102, naming the problem', async (_what, message, answer) => {
    const g = await guestSocket();
    g.ws.send(JSON.stringify(message));
    const reply = await g.next((m) => m.t === answer && m.id === message.id);
    expect(JSON.stringify(reply)).toContain('not base64');
    g.ws.close();
    await hostAnswers();
  });

  it('a devtools request off the schema gets an error reply; the socket stays usable', async () => {
    const ws = new WebSocket(controlWs());
    const replies: HostToControl[] = [];
    ws.on('message', (data) => {
      if (!hostToControl.safeParse(JSON.parse(String(data))).success) offSchema.push(String(data).slice(0, 200));
      replies.push(JSON.parse(String(data)) as HostToControl);
    });
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(hello('devtools'));
    ws.send(JSON.stringify({ t: 'request', id: 1, op: 'event', params: { seq: 'x' } }));
    ws.send(JSON.stringify({ t: 'request', id: 2, op: 'event', params: { seq: 1 } }));
    await expect.poll(() => replies.filter((r) => r.t === 'reply').length).toBe(2);
    expect(replies.find((r) => r.t === 'reply' && r.id === 1)).toMatchObject({ ok: false });
    expect(replies.find((r) => r.t === 'reply' && r.id === 2)).toMatchObject({ ok: true });
    ws.close();
  });
});

/** Sends raw bytes after a real WebSocket handshake, and resolves when the host closes the TCP socket. */
function rawFrames(url: string, frames: Buffer[]): Promise<void> {
  const { port, pathname, search } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    let upgraded = false;
    socket.on('data', (data) => {
      if (upgraded || !data.toString('latin1').startsWith('HTTP/1.1 101')) return;
      upgraded = true;
      for (const frame of frames) socket.write(frame);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
    setTimeout(() => socket.destroy(), 5000);
  });
}

/** A client frame: FIN + opcode, masked (or not), with a payload under 126 bytes. */
function frame(opcode: number, payload: Buffer, masked = true): Buffer {
  const head = Buffer.from([0x80 | opcode, (masked ? 0x80 : 0) | payload.length]);
  if (!masked) return Buffer.concat([head, payload]);
  const mask = Buffer.from([1, 2, 3, 4]);
  return Buffer.concat([head, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
}

describe('broken frames and oversized messages close that socket, never the host', () => {
  it.each([
    ['invalid UTF-8 in a text frame', [frame(1, Buffer.from([0xff, 0xfe, 0xfd]))]],
    ['a reserved opcode', [frame(3, Buffer.from('x'))]],
    ['an unmasked client frame', [frame(1, Buffer.from('{"t":"hello"}'), false)]],
    ['a frame that says it is 65 MB', [Buffer.from([0x81, 0xff, 0, 0, 0, 0, 0x04, 0x10, 0, 0, 1, 2, 3, 4])]],
  ])('%s', async (_what, frames) => {
    await rawFrames(guestWs(), frames);
    await rawFrames(controlWs(), frames);
    await hostAnswers();
  });

  it('a 50 MB message (past the 48 MB limit) closes the socket with 1009', async () => {
    const g = await guestSocket();
    g.ws.send('x'.repeat(50 * 1024 * 1024));
    expect(await g.closed).toBe(1009);
    await hostAnswers();
  });
});

describe('bounded memory', () => {
  it('a console message of 20 MB is kept as its first 16 KB and a marker; the devtools still connect', async () => {
    const g = await guestSocket();
    for (let i = 0; i < 3; i++) g.ws.send(JSON.stringify({ t: 'console', level: 'log', args: ['y'.repeat(20 * 1024 * 1024)] }));
    g.ws.send(JSON.stringify({ t: 'call', id: 1, api: 'getSystemInfo', params: {} }));
    await g.next((m) => m.t === 'result' && m.id === 1, 20_000);
    g.ws.close();
    const big = gadget.events.list().filter((e) => e.type === 'console' && e.args[0]!.startsWith('yyyy'));
    expect(big).toHaveLength(3);
    for (const e of big) {
      const text = (e as unknown as { args: string[] }).args[0]!;
      expect(text.length).toBeLessThan(EVENT_STRING_CHARS + 100);
      expect(text).toContain('truncated, 20,971,520 characters in all');
    }
    const events = await new Promise<number>((resolve) => http.get(`${server.origin}/s/${gadget.id}/events.json?token=${gadget.hostToken}`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }));
    expect(events).toBe(200);
    const devtools = new WebSocket(controlWs());
    const first = new Promise<HostToControl[]>((resolve) => {
      const got: HostToControl[] = [];
      devtools.on('message', (data) => {
        if (!hostToControl.safeParse(JSON.parse(String(data))).success) offSchema.push(String(data).slice(0, 200));
        got.push(JSON.parse(String(data)) as HostToControl);
        if (got.some((m) => m.t === 'events')) resolve(got);
      });
    });
    await new Promise((resolve) => devtools.on('open', resolve));
    devtools.send(hello('devtools'));
    expect((await first).find((m) => m.t === 'events')).toBeTruthy();
    devtools.close();
  });

  it('a socket that does not read is closed once 16 MB wait for it, with a message in the event stream', { timeout: 60_000 }, async () => {
    const file = 'ttfile://user/five-mb.bin';
    await gadget.call('FileSystemManager.writeFile', { filePath: file, data: new Uint8Array(5 * 1024 * 1024).fill(7).buffer });
    const g = await guestSocket();
    await g.next((m) => m.t === 'welcome');
    (g.ws as unknown as { _socket: net.Socket })._socket.pause();
    for (let i = 0; i < 12; i++) g.ws.send(JSON.stringify({ t: 'call', id: 100 + i, api: 'FileSystemManager.readFile', params: { filePath: file } }));
    await expect.poll(() => gadget.events.list().some((e) => e.type === 'console' && e.args[0]!.includes('did not read')), { timeout: 30_000 }).toBe(true);
    g.ws.terminate();
    await hostAnswers();
  });

  it('a session takes at most 4 guest sockets at once', async () => {
    const open = await Promise.all([1, 2, 3, 4].map(() => guestSocket()));
    const fifth = new WebSocket(guestWs());
    const status = await new Promise<number>((resolve) => fifth.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(429);
    for (const g of open) g.ws.close();
    await Promise.all(open.map((g) => g.closed));
    await hostAnswers();
  });
});

describe('HTTP and WebSocket edges', () => {
  const request = (pathname: string, options: http.RequestOptions = {}, body?: Buffer) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, ...options }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      req.end(body);
    });

  it('malformed percent-encoding answers 400', async () => {
    expect((await request(`/g/${gadget.id}/${gadget.guestToken}/%E0%A4%A`)).status).toBe(400);
  });

  it('a Sync call body past the limit answers 413', async () => {
    const body = Buffer.alloc(49 * 1024 * 1024, 0x20);
    const answer = await request(`/g/${gadget.id}/${gadget.guestToken}/__ttsim__/sync`, { method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': body.length } }, body);
    expect(answer.status).toBe(413);
  });

  it('refuses a WebSocket from another site\'s page, takes the guest frame\'s opaque origin', async () => {
    const evil = new WebSocket(controlWs(), { origin: 'http://evil.example' });
    expect(await new Promise<number>((resolve) => evil.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)))).toBe(403);
    const guest = new WebSocket(guestWs(), { origin: 'null' });
    await new Promise((resolve, reject) => {
      guest.on('open', resolve);
      guest.on('error', reject);
    });
    guest.close();
  });
});

describe('the package served is what a Feishu package holds', () => {
  const get = (rest: string) => new Promise<number>((resolve) => http.get(`${server.origin}/g/${gadget.id}/${gadget.guestToken}/${rest}`, (res) => {
    res.resume();
    resolve(res.statusCode ?? 0);
  }));

  it('no dot-files, dot-folders or node_modules over HTTP, readFile, readdir or the boot payload', async () => {
    expect(await get('.env')).toBe(404);
    expect(await get('.git/config')).toBe(404);
    expect(await get('node_modules/left-pad/index.js')).toBe(404);
    expect(await get('miniprogram_npm/lib/index.js')).toBe(200);
    expect(await get('app.json')).toBe(200);
    expect(await gadget.call('FileSystemManager.readFile', { filePath: '.env', encoding: 'utf8' })).toMatchObject({ errno: 203 });
    expect(await gadget.call('FileSystemManager.readFile', { filePath: '.git/config', encoding: 'utf8' })).toMatchObject({ errno: 203 });
    const listing = (await gadget.call('FileSystemManager.readdir', { dirPath: '/' })) as unknown as { files: string[] };
    expect(listing.files).toContain('app.json');
    expect(listing.files).not.toContain('.env');
    expect(listing.files).not.toContain('node_modules');
    const files = Object.keys(gadget.boot().project.files);
    expect(files).toContain('miniprogram_npm/lib/index.js');
    expect(files.some((f) => f.startsWith('.') || f.startsWith('node_modules/'))).toBe(false);
  });
});
