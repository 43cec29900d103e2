/**
 * 10,000 random and mutated protocol messages, and broken frames, sent to a live host in its own process.
 * Afterwards the process must still answer a call, and its resident memory stay under 300 MB. The random
 * source is seeded, so a failure reproduces; TTSIM_FUZZ_SEED picks another run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tempDataDir } from '../emulator-api/test/fixtures.js';
import { PROTOCOL_VERSION } from '../emulator-api/src/protocol/version.js';

const MESSAGES = 10_000;
const RSS_LIMIT_MB = 300;
const root = new URL('../', import.meta.url).pathname;

let child: ChildProcess;
let info: { port: number; id: string; guestToken: string; hostToken: string };

beforeAll(async () => {
  child = spawn(process.execPath, [`${root}test/fixtures/fuzz-host.mjs`, tempDataDir()], { stdio: ['ignore', 'pipe', 'inherit'] });
  info = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(JSON.parse(text.split('\n')[0]!));
    });
    child.on('exit', (code) => reject(new Error(`the host process exited with ${code} before it listened`)));
  });
}, 30_000);
afterAll(() => {
  child?.kill();
});

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

describe('a live host under 10,000 random and mutated messages', () => {
  it('still answers, and stays under 300 MB of resident memory', { timeout: 240_000 }, async () => {
    const seed = Number(process.env.TTSIM_FUZZ_SEED ?? 20261206);
    const rand = random(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
    const apis = ['getSystemInfo', 'compressImage', 'FileSystemManager.readFile', 'FileSystemManager.writeFile', 'setStorage', 'getStorageSync', 'showToast', 'request', 'connectSocket', 'nope', '__proto__', ''];
    const scalar = (): unknown => pick([() => rand() * 1e9, () => -1, () => null, () => true, () => 'x'.repeat(Math.floor(rand() * 64)), () => ({ $ab: pick(['AAAA', '!!!', '=', 'QUJD']) }), () => ({ $date: 'x' }), () => ({ $fn: { $fn: 1 } }), () => '__proto__', () => 1.5])();
    const value = (depth: number): unknown => {
      if (depth > 4 || rand() < 0.4) return scalar();
      if (rand() < 0.5) return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [pick(['t', 'id', 'api', 'params', 'op', 'outcomes', 'rules', '__proto__', 'constructor', 'x']), value(depth + 1)]));
    };
    const templates = (): Record<string, unknown>[] => [
      { t: 'hello', protocol: PROTOCOL_VERSION, role: pick(['guest', 'devtools', 'automation', 'root']) },
      { t: 'call', id: Math.floor(rand() * 100), api: pick(apis), params: value(0), task: rand() < 0.2 ? 1 : undefined },
      { t: 'call-sync', protocol: PROTOCOL_VERSION, api: pick(apis), args: [value(0)] },
      { t: 'task-op', id: 1, task: Math.floor(rand() * 3), op: pick(['abort', 'send', 'close', 'x']), params: value(0) },
      { t: 'outcomes', outcomes: [{ api: pick(apis), params: value(0), result: { errMsg: 'x:ok' }, rules: [pick(['a', 'b'])], startedAt: 0, durationMs: 1 }] },
      { t: 'outcome', api: pick(apis), params: {}, result: value(0), rules: value(0), startedAt: 0, durationMs: 0 },
      { t: 'prepare', id: 2, api: pick(apis), params: value(0) },
      { t: 'store-image', id: 3, data: { $ab: pick(['iVBORw0KGgo=', '***', '']) }, fileType: pick(['png', 'jpg', 'gif']) },
      { t: 'console', level: pick(['log', 'error', 'trace']), args: pick([['a'], 'x', [1], ['y'.repeat(Math.floor(rand() * 200_000))]]) },
      { t: 'event', event: { kind: pick(['ui', 'error', 'render', 'blocked', 'x']), what: 'x', message: 'm', detail: value(0) } },
      { t: 'automation-reply', id: Math.floor(rand() * 5), ok: rand() < 0.5, value: value(0), error: 'e' },
      { t: 'request', id: Math.floor(rand() * 100), op: pick(['event', 'mock', 'restore', 'setNetwork', 'currentPage', 'whenIdle', 'x']), params: value(0), timeoutMs: 50 },
    ];
    const mutate = (message: Record<string, unknown>): unknown => {
      const keys = Object.keys(message);
      const r = rand();
      if (r < 0.2) return message;
      if (r < 0.4) {
        const copy = { ...message };
        delete copy[pick(keys)];
        return copy;
      }
      if (r < 0.65) return { ...message, [pick(keys)]: value(0) };
      if (r < 0.75) return { ...message, t: pick(['call', 'outcomes', 'x', 5, null]) };
      if (r < 0.8) {
        // The message nested past the depth limit.
        let deep: unknown = message;
        for (let i = 0; i < 70 + Math.floor(rand() * 200); i++) deep = [deep];
        return deep;
      }
      if (r < 0.9) return value(0);
      return [message];
    };
    const text = (): string => {
      const r = rand();
      if (r < 0.03) return `{"t":"call","id":1,"api":"x","params":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
      if (r < 0.06) return String.fromCharCode(...Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * 0xffff)));
      if (r < 0.08) return '{"t":"call"'.slice(0, Math.floor(rand() * 11));
      return JSON.stringify(mutate(pick(templates())));
    };

    const base = `ws://127.0.0.1:${info.port}`;
    const urls = [`${base}/g/${info.id}/${info.guestToken}/__ttsim__/ws`, `${base}/s/${info.id}/ws?token=${info.hostToken}`];
    const openSocket = (url: string) => new Promise<WebSocket | undefined>((resolve) => {
      const ws = new WebSocket(url);
      ws.on('open', () => resolve(ws));
      ws.on('error', () => resolve(undefined));
      ws.on('message', () => undefined);
    });
    let sent = 0;
    let peak = 0;
    while (sent < MESSAGES) {
      // A connection at a time: guest or control, most of them saying hello first, then a burst.
      const ws = await openSocket(pick(urls));
      if (!ws) continue;
      if (rand() < 0.8) ws.send(JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role: pick(['guest', 'devtools', 'automation']) }));
      const burst = 20 + Math.floor(rand() * 200);
      for (let i = 0; i < burst && sent < MESSAGES && ws.readyState === ws.OPEN; i++, sent++) ws.send(text());
      await new Promise((resolve) => setTimeout(resolve, 5));
      ws.terminate();
      if (sent % 1000 < burst) peak = Math.max(peak, rssMb(child.pid!));
    }
    // Broken frames after a real handshake: bad opcodes, unmasked, invalid UTF-8, lengths that lie.
    for (let i = 0; i < 50; i++) {
      const junk = Buffer.from(Array.from({ length: 2 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)));
      await new Promise<void>((resolve) => {
        const socket = net.connect(info.port, '127.0.0.1', () => {
          const { pathname, search } = new URL(pick(urls));
          socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: 127.0.0.1:${info.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
          socket.write(junk);
          setTimeout(() => socket.destroy(), 20);
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve());
      });
    }
    expect(child.exitCode, 'the host process is alive').toBeNull();
    // It still answers a call on a fresh guest socket.
    const guest = await openSocket(urls[0]!);
    expect(guest, 'a guest socket opens').toBeDefined();
    const answer = new Promise<Record<string, unknown>>((resolve) => guest!.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.t === 'result') resolve(message);
    }));
    guest!.send(JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'guest' }));
    guest!.send(JSON.stringify({ t: 'call', id: 1, api: 'getSystemInfo', params: {} }));
    expect(await answer).toMatchObject({ result: { errMsg: 'getSystemInfo:ok' } });
    guest!.close();
    const rss = rssMb(child.pid!);
    console.log(`fuzz (seed ${seed}): ${sent} messages and 50 broken frames; host RSS peak ${Math.max(peak, rss).toFixed(0)} MB, now ${rss.toFixed(0)} MB`);
    expect(Math.max(peak, rss)).toBeLessThan(RSS_LIMIT_MB);
  });
});
