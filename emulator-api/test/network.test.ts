/**
 * tt.request / uploadFile / downloadFile / connectSocket against real servers on 127.0.0.1: the host does
 * the HTTP and WebSocket work, under the session's network policy and URL mocks.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import type { CallRecord, FailResult, Session, SuccessResult } from '../src/index.js';
import { NetworkControl } from '../src/node/network-policy.js';
import { testTempDir } from './fixtures.js';
import { failOf, openSession } from './helpers.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

let server: http.Server;
let wss: WebSocketServer;
let base: string;
let port: number;
/** A port nothing listens on (a server was bound there and closed). */
let refusedPort: number;
const seen: Seen[] = [];
const sessions: Session[] = [];
const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300_000, 7)]);
for (let i = 8; i < pngBytes.length; i++) pngBytes[i] = (i * 31) % 256;

function route(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): void {
  const url = new URL(req.url ?? '/', base);
  const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-server': 'ttsim-test', ...headers });
    res.end(JSON.stringify(value));
  };
  switch (url.pathname) {
    case '/json':
      return json(200, { hello: 'world', n: 1 });
    case '/text':
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('plain text, not JSON');
    case '/echo':
      return json(200, { method: req.method, url: req.url, headers: req.headers, body: body.toString('utf8'), bodyBase64: body.toString('base64') });
    case '/missing':
      return json(404, { error: 'not here' });
    case '/slow':
      return; // never answers
    case '/redirect':
      res.writeHead(302, { location: '/json' });
      return void res.end();
    case '/redirect-away':
      res.writeHead(302, { location: `http://127.0.0.1:${refusedPort}/elsewhere` });
      return void res.end();
    case '/download/image':
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(pngBytes.length) });
      // In pieces, so that progress is reported more than once.
      for (let i = 0; i < pngBytes.length; i += 64 * 1024) res.write(pngBytes.subarray(i, i + 64 * 1024));
      return void res.end();
    case '/files/report.pdf':
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void res.end('%PDF-1.4 not really');
    default:
      return json(404, { error: `no route ${url.pathname}` });
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      route(req, res, body);
    });
  });
  wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket, req) => {
    socket.send(`welcome ${req.headers['x-token'] ?? 'anonymous'} ${socket.protocol}`);
    socket.on('message', (data, isBinary) => {
      if (!isBinary && String(data) === 'close-me') socket.close(4001, 'bye');
      else socket.send(data, { binary: isBinary });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const spare = http.createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  refusedPort = (spare.address() as AddressInfo).port;
  await new Promise<void>((resolve) => spare.close(() => resolve()));
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The session's tt with the task-returning signatures (tt-types does not describe tasks yet). */
type AnyTt = Record<string, (arg?: unknown) => unknown>;
const ttOf = (session: Session) => session.tt as unknown as AnyTt;
const call = (session: Session, api: string, params: Record<string, unknown>) => ttOf(session)[api]!(params) as Promise<SuccessResult>;

function records(session: Session): CallRecord[] {
  const out: CallRecord[] = [];
  session.onCall((record) => out.push(record));
  return out;
}

describe('tt.request', () => {
  it('GETs JSON, parses it, and returns status and lower-case headers', async () => {
    const session = await openSession({}, sessions);
    const log = records(session);
    const result = await call(session, 'request', { url: `${base}/json` });
    expect(result).toMatchObject({ errMsg: 'request:ok', statusCode: 200, data: { hello: 'world', n: 1 } });
    expect((result.header as Record<string, string>)['x-server']).toBe('ttsim-test');
    const record = log.find((r) => r.api === 'request')!;
    expect(record.params).toMatchObject({ url: `${base}/json` });
    expect(record.result).toMatchObject({ statusCode: 200 });
    expect(record.durationMs).toBeGreaterThanOrEqual(0);
    expect(record.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['method-default-get', 'content-type-default-json', 'json-parsed', 'timeout']));
  });

  it('puts GET data into the query string and sends JSON content-type by default, without a referer', async () => {
    const session = await openSession({}, sessions);
    const result = await call(session, 'request', { url: `${base}/echo?a=1`, data: { b: 'x y', c: { d: 2 }, skip: undefined }, header: { Referer: 'https://evil.example', 'X-Token': 7 } });
    const echoed = result.data as { method: string; url: string; headers: Record<string, string> };
    expect(echoed.method).toBe('GET');
    expect(echoed.url).toBe(`/echo?a=1&b=x%20y&c=${encodeURIComponent('{"d":2}')}`);
    expect(echoed.headers['content-type']).toBe('application/json');
    expect(echoed.headers['x-token']).toBe('7');
    expect(echoed.headers.referer).toBeUndefined();
  });

  it('sends objects as JSON or urlencoded, strings and ArrayBuffers as they are', async () => {
    const session = await openSession({}, sessions);
    const asJson = (await call(session, 'request', { url: `${base}/echo`, method: 'POST', data: { a: [1, 2], b: 'é' } })).data as { body: string; method: string };
    expect(asJson).toMatchObject({ method: 'POST', body: '{"a":[1,2],"b":"é"}' });
    const form = (await call(session, 'request', { url: `${base}/echo`, method: 'PUT', data: { a: '1 2', b: true }, header: { 'content-type': 'application/x-www-form-urlencoded' } })).data as { body: string };
    expect(form.body).toBe('a=1%202&b=true');
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const binary = (await call(session, 'request', { url: `${base}/echo`, method: 'POST', data: bytes.buffer, header: { 'content-type': 'application/octet-stream' } })).data as { bodyBase64: string };
    expect(Buffer.from(binary.bodyBase64, 'base64')).toEqual(Buffer.from(bytes));
    const text = (await call(session, 'request', { url: `${base}/echo`, method: 'DELETE', data: 'raw text' })).data as { body: string; method: string };
    expect(text).toMatchObject({ method: 'DELETE', body: 'raw text' });
  });

  it('returns text that is not JSON as a string, dataType other than json unparsed, and arraybuffer bytes', async () => {
    const session = await openSession({}, sessions);
    expect((await call(session, 'request', { url: `${base}/text` })).data).toBe('plain text, not JSON');
    expect((await call(session, 'request', { url: `${base}/json`, dataType: 'string' })).data).toBe('{"hello":"world","n":1}');
    const buffer = (await call(session, 'request', { url: `${base}/json`, responseType: 'arraybuffer' })).data;
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    expect(Buffer.from(buffer as ArrayBuffer).toString()).toBe('{"hello":"world","n":1}');
  });

  it('succeeds on HTTP errors with their status code, and follows redirects', async () => {
    const session = await openSession({}, sessions);
    const log = records(session);
    expect(await call(session, 'request', { url: `${base}/missing` })).toMatchObject({ errMsg: 'request:ok', statusCode: 404, data: { error: 'not here' } });
    expect(await call(session, 'request', { url: `${base}/redirect` })).toMatchObject({ statusCode: 200, data: { hello: 'world' } });
    const [missing, redirected] = log.map((record) => record.rules.map((r) => r.id));
    expect(missing).toEqual(expect.arrayContaining(['http-status-succeeds', 'concurrency-not-limited']));
    expect(missing).not.toContain('redirects-followed');
    expect(redirected).toContain('redirects-followed');
  });

  it('fails a refused port and an unresolvable host with 305 and says which', async () => {
    const session = await openSession({}, sessions);
    const log = records(session);
    const refused = await failOf(call(session, 'request', { url: `http://127.0.0.1:${refusedPort}/x` }));
    expect(refused).toMatchObject({ errno: 305, errString: 'network failure', errMsg: `request:fail connection refused by 127.0.0.1:${refusedPort}` });
    const unresolved = await failOf(call(session, 'request', { url: 'https://no-such-host.invalid/x' }));
    expect(unresolved).toMatchObject({ errno: 305, errMsg: 'request:fail could not resolve host no-such-host.invalid (DNS lookup failed)' });
    expect(log.map((record) => record.rules.map((r) => r.id))).toEqual([expect.arrayContaining(['network-errnos']), expect.arrayContaining(['network-errnos'])]);
  });

  it('bounds every request by its timeout, or app.json networkTimeout', async () => {
    const session = await openSession({ networkTimeout: { request: 150 } }, sessions);
    const byAppJson = await failOf(call(session, 'request', { url: `${base}/slow` }));
    expect(byAppJson.errno).toBe(302);
    expect(byAppJson.errMsg).toMatch(new RegExp(`^request:fail timeout: no complete answer from 127\\.0\\.0\\.1:${port} within 150 ms`));
    const byParam = await failOf(call(session, 'request', { url: `${base}/slow`, timeout: 100 }));
    expect(byParam.errMsg).toMatch(/within 100 ms/);
  });

  it('returns a RequestTask: abort fails the call with 301; without callbacks the Promise carries the task methods', async () => {
    const session = await openSession({}, sessions);
    const results: (SuccessResult | FailResult)[] = [];
    const task = ttOf(session).request!({ url: `${base}/slow`, complete: (r: SuccessResult | FailResult) => results.push(r) }) as Record<string, (...a: unknown[]) => unknown>;
    expect(typeof task.abort).toBe('function');
    expect(typeof task.onHeadersReceived).toBe('function');
    expect(task).not.toBeInstanceOf(Promise);
    await new Promise((resolve) => setTimeout(resolve, 20));
    task.abort!();
    await expect.poll(() => results.length).toBe(1);
    expect(results[0]).toMatchObject({ errno: 301, errMsg: 'request:fail abort' });

    const promise = ttOf(session).request!({ url: `${base}/slow` }) as Promise<unknown> & { abort(): void };
    expect(promise).toBeInstanceOf(Promise);
    promise.abort();
    expect(await failOf(promise)).toMatchObject({ errno: 301 });
  });

  it('reports headersReceived before the result', async () => {
    const session = await openSession({}, sessions);
    const order: string[] = [];
    const task = ttOf(session).request!({ url: `${base}/json`, success: () => order.push('success') }) as { onHeadersReceived(fn: (e: { statusCode: number; header: Record<string, string> }) => void): void };
    task.onHeadersReceived((event) => order.push(`headers ${event.statusCode} ${event.header['x-server']}`));
    await expect.poll(() => order.length).toBe(2);
    expect(order).toEqual(['headers 200 ttsim-test', 'success']);
  });

  it('refuses bad parameters with 104 and says what to fix', async () => {
    const session = await openSession({}, sessions);
    expect(await failOf(call(session, 'request', { url: '/relative' }))).toMatchObject({ errno: 104, errMsg: 'request:fail invalid url "/relative": expected an absolute URL such as https://example.com/path' });
    expect(await failOf(call(session, 'request', { url: 'ftp://example.com/x' }))).toMatchObject({ errno: 104, errMsg: 'request:fail invalid url "ftp://example.com/x": expected http:// or https://' });
    expect((await failOf(call(session, 'request', { url: `${base}/json`, method: 'PATCH' }))).errMsg).toMatch(/method must be one of "GET", "POST", "PUT", "HEAD", "DELETE"/);
  });

  it('is not available to web apps (errno 103)', async () => {
    const session = await openSession({ app: 'webapp', client: '7.39.0' }, sessions);
    expect((await failOf(call(session, 'request', { url: `${base}/json` }))).errno).toBe(103);
  });
});

describe('the network policy', () => {
  it('offline fails everything with 303, and can be switched at runtime', async () => {
    const session = await openSession({ network: 'offline' }, sessions);
    const before = seen.length;
    expect(await failOf(call(session, 'request', { url: `${base}/json` }))).toMatchObject({ errno: 303, errString: 'no network connection' });
    session.network.mock(`${base}/mocked`, { data: 'hi' });
    expect((await failOf(call(session, 'request', { url: `${base}/mocked` }))).errno).toBe(303);
    expect(seen.length).toBe(before);
    session.network.setPolicy('online');
    expect((await call(session, 'request', { url: `${base}/json` })).statusCode).toBe(200);
  });

  it('slow answers as online, each exchange at least 400 ms later, and getNetworkType says 3g (wifi on PC: connected)', async () => {
    const session = await openSession({ network: 'slow' }, sessions);
    const started = performance.now();
    expect((await call(session, 'request', { url: `${base}/json` })).statusCode).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(await call(session, 'getNetworkType', {})).toMatchObject({ networkType: '3g' });
    // A timeout shorter than the latency fails as a timeout would on a slow network.
    expect((await failOf(call(session, 'request', { url: `${base}/json`, timeout: 100 }))).errno).toBe(302);
    session.network.setPolicy('online');
    expect(await call(session, 'getNetworkType', {})).toMatchObject({ networkType: 'wifi' });
  });

  it('an allow-list lets listed hosts through and blocks the rest, redirects included', async () => {
    const session = await openSession({ network: { allow: [`127.0.0.1:${port}`, '*.example.com'] } }, sessions);
    expect((await call(session, 'request', { url: `${base}/json` })).statusCode).toBe(200);
    const blocked = await failOf(call(session, 'request', { url: `http://localhost:${port}/json` }));
    expect(blocked).toMatchObject({ errno: 305 });
    expect(blocked.errMsg).toBe(`request:fail localhost:${port} is blocked by ttsim's network policy (allowed: 127.0.0.1:${port}, *.example.com); add it with setNetwork({ allow: [...] }) or mock the URL`);
    const hop = await failOf(call(session, 'request', { url: `${base}/redirect-away` }));
    expect(hop.errMsg).toMatch(new RegExp(`127\\.0\\.0\\.1:${refusedPort} is blocked by ttsim's network policy`));
  });

  it('matches host patterns: exact, with port, wildcard subdomains only', () => {
    const network = new NetworkControl({ allow: ['api.example.com', '*.cdn.example.com', '127.0.0.1:8080'] });
    const allowed = (url: string) => {
      try {
        network.requireAllowed(new URL(url));
        return true;
      } catch {
        return false;
      }
    };
    expect(allowed('https://api.example.com/x')).toBe(true);
    expect(allowed('http://API.example.com:81/x')).toBe(true);
    expect(allowed('https://img.cdn.example.com/a.png')).toBe(true);
    expect(allowed('https://a.b.cdn.example.com/a.png')).toBe(true);
    expect(allowed('https://cdn.example.com/a.png')).toBe(false);
    expect(allowed('https://example.com/')).toBe(false);
    expect(allowed('http://127.0.0.1:8080/')).toBe(true);
    expect(allowed('http://127.0.0.1:8081/')).toBe(false);
    expect(() => network.setPolicy({ allow: ['http://x.com/path'] })).toThrow(/is not a host pattern/);
    expect(() => network.setPolicy('sometimes' as never)).toThrow(/expected 'online', 'slow', 'offline'/);
  });
});

describe('URL mocks', () => {
  it('answer string globs, RegExps and handlers without touching the network, marked in the call record', async () => {
    const session = await openSession({}, sessions);
    const log = records(session);
    const before = seen.length;
    session.network.mock('https://api.example.com/user*', { statusCode: 201, header: { 'X-Mock': 'yes' }, data: { id: 7 } });
    session.network.mock(/\/items\/\d+$/, { data: 'item text' });
    session.network.mock('https://api.example.com/echo', (request) => ({ data: { method: request.method, body: request.text(), type: request.header['content-type'] } }));
    expect(await call(session, 'request', { url: 'https://api.example.com/user?id=7' })).toMatchObject({ statusCode: 201, data: { id: 7 }, header: { 'x-mock': 'yes' } });
    expect((await call(session, 'request', { url: 'https://shop.example.com/items/12' })).data).toBe('item text');
    expect((await call(session, 'request', { url: 'https://api.example.com/echo', method: 'POST', data: { a: 1 } })).data).toEqual({ method: 'POST', body: '{"a":1}', type: 'application/json' });
    expect(seen.length).toBe(before);
    expect(log.filter((r) => r.api === 'request').every((r) => r.rules.some((rule) => rule.id === 'answered-by-mock'))).toBe(true);

    expect(session.network.unmock(/\/items\/\d+$/)).toBe(true);
    expect(await failOf(call(session, 'request', { url: 'https://shop.invalid/items/12' }))).toMatchObject({ errno: 305 });
  });

  it('a mock that throws fails the call with 102 naming the URL; one that never answers times out', async () => {
    const session = await openSession({}, sessions);
    session.network.mock('https://api.example.com/broken', () => {
      throw new Error('boom');
    });
    session.network.mock('https://api.example.com/hang', () => new Promise(() => undefined));
    expect(await failOf(call(session, 'request', { url: 'https://api.example.com/broken' }))).toMatchObject({ errno: 102, errMsg: "request:fail the test's mock for https://api.example.com/broken threw: boom" });
    expect((await failOf(call(session, 'request', { url: 'https://api.example.com/hang', timeout: 50 }))).errno).toBe(302);
  });
});

/** Splits a multipart/form-data body into its parts (headers as text, body as bytes). */
function parseMultipart(body: Buffer, contentType: string): { headers: string; body: Buffer }[] {
  const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
  const parts: { headers: string; body: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter) + delimiter.length;
  for (;;) {
    const end = body.indexOf(delimiter, start);
    if (end < 0) break;
    const part = body.subarray(start + 2, end - 2); // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    parts.push({ headers: part.subarray(0, split).toString('utf8'), body: part.subarray(split + 4) });
    start = end + delimiter.length;
  }
  return parts;
}

describe('tt.uploadFile', () => {
  it('POSTs multipart/form-data that the server receives byte for byte', async () => {
    const session = await openSession({}, sessions);
    const hostFile = path.join(testTempDir('upload-'), 'photo.png');
    fs.writeFileSync(hostFile, pngBytes);
    const filePath = await session.importFile(hostFile);
    const progress: number[] = [];
    const task = ttOf(session).uploadFile!({
      url: `${base}/echo`,
      filePath,
      name: 'file',
      formData: { user: 'test', n: 3 },
      header: { 'content-type': 'text/plain', 'x-token': 'abc' },
      success: () => undefined,
    }) as { onProgressUpdate(fn: (e: { progress: number }) => void): void };
    task.onProgressUpdate((e) => progress.push(e.progress));
    await expect.poll(() => progress.length).toBe(1);
    const request = seen.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.headers['x-token']).toBe('abc');
    const parts = parseMultipart(request.body, request.headers['content-type']!);
    expect(parts.map((p) => p.headers)).toEqual([
      'Content-Disposition: form-data; name="user"',
      'Content-Disposition: form-data; name="n"',
      `Content-Disposition: form-data; name="file"; filename="${path.posix.basename(filePath)}"\r\nContent-Type: image/png`,
    ]);
    expect(parts.map((p) => p.body.toString())).toEqual(['test', '3', expect.any(String)]);
    expect(parts[2]!.body.equals(pngBytes)).toBe(true);
    expect(progress).toEqual([100]);
  });

  it('returns the body as a string with the status code; a missing file fails with 203', async () => {
    const session = await openSession({}, sessions);
    const hostFile = path.join(testTempDir('upload-'), 'note.txt');
    fs.writeFileSync(hostFile, 'hello');
    const filePath = await session.importFile(hostFile);
    const result = await call(session, 'uploadFile', { url: `${base}/json`, filePath, name: 'f' });
    expect(result).toEqual({ errMsg: 'uploadFile:ok', data: '{"hello":"world","n":1}', statusCode: 200 });
    expect((await failOf(call(session, 'uploadFile', { url: `${base}/echo`, filePath: 'ttfile://temp/nothing.txt', name: 'f' }))).errno).toBe(203);
  });
});

describe('tt.downloadFile', () => {
  it('writes the body into ttfile://temp with the extension of its content-type, reporting progress', async () => {
    const session = await openSession({}, sessions);
    const progress: number[] = [];
    let settled: SuccessResult | undefined;
    const task = ttOf(session).downloadFile!({ url: `${base}/download/image`, success: (r: SuccessResult) => (settled = r) }) as { onProgressUpdate(fn: (e: { progress: number; totalBytesWritten: number; totalBytesExpectedToWrite: number }) => void): void };
    task.onProgressUpdate((e) => progress.push(e.progress));
    await expect.poll(() => settled).toBeDefined();
    expect(settled).toMatchObject({ errMsg: 'downloadFile:ok', statusCode: 200 });
    const tempFilePath = settled!.tempFilePath as string;
    expect(tempFilePath).toMatch(/^ttfile:\/\/temp\/[0-9a-f-]{36}\.png$/);
    expect(fs.readFileSync(session.resolve(tempFilePath)).equals(pngBytes)).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(100);
    expect(fs.readdirSync(session.dirs.tempDir).filter((name) => name.startsWith('.ttsim-partial-'))).toEqual([]);
  });

  it('takes the extension from the URL when the type says nothing, writes 404 bodies, and honours filePath', async () => {
    const project = testTempDir('project-');
    fs.mkdirSync(path.join(project, 'pages'));
    const session = await openSession({ project }, sessions);
    const pdf = await call(session, 'downloadFile', { url: `${base}/files/report.pdf?v=2` });
    expect(pdf.tempFilePath).toMatch(/\.pdf$/);
    const missing = await call(session, 'downloadFile', { url: `${base}/missing` });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(fs.readFileSync(session.resolve(missing.tempFilePath as string), 'utf8'))).toEqual({ error: 'not here' });
    const saved = await call(session, 'downloadFile', { url: `${base}/download/image`, filePath: 'ttfile://user/avatar.png' });
    expect(saved).toMatchObject({ tempFilePath: 'ttfile://user/avatar.png', filePath: 'ttfile://user/avatar.png' });
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'avatar.png')).equals(pngBytes)).toBe(true);
    expect((await failOf(call(session, 'downloadFile', { url: `${base}/json`, filePath: 'pages/x.json' }))).errno).toBe(202);
    expect(fs.readdirSync(path.join(project, 'pages'))).toEqual([]);
  });

  it('leaves no file behind when the download times out', async () => {
    const session = await openSession({}, sessions);
    expect((await failOf(call(session, 'downloadFile', { url: `${base}/slow`, timeout: 80 }))).errno).toBe(302);
    expect(fs.readdirSync(session.dirs.tempDir)).toEqual([]);
  });
});

type SocketTaskLike = {
  onOpen(fn: (e: { header: Record<string, string> }) => void): void;
  onMessage(fn: (e: { data: string | ArrayBuffer }) => void): void;
  onClose(fn: (e: { code: number; reason: string }) => void): void;
  onError(fn: (e: { errMsg: string }) => void): void;
  send(arg: Record<string, unknown>): Promise<SuccessResult> | undefined;
  close(arg?: Record<string, unknown>): Promise<SuccessResult> | undefined;
};

function socketEvents(task: SocketTaskLike) {
  const events: string[] = [];
  task.onOpen(() => events.push('open'));
  task.onMessage((e) => events.push(typeof e.data === 'string' ? `text ${e.data}` : `binary ${Buffer.from(e.data).toString('hex')}`));
  task.onError((e) => events.push(`error ${e.errMsg}`));
  task.onClose((e) => events.push(`close ${e.code} ${e.reason}`));
  return events;
}

describe('tt.connectSocket', () => {
  it('opens, exchanges text and binary frames, and closes with the server\'s code', async () => {
    const session = await openSession({}, sessions);
    const log = records(session);
    let created: SuccessResult | undefined;
    const task = ttOf(session).connectSocket!({ url: `ws://127.0.0.1:${port}/ws`, header: { 'x-token': 'T1' }, protocols: ['chat'], success: (r: SuccessResult) => (created = r) }) as SocketTaskLike;
    const events = socketEvents(task);
    expect(await task.send({ data: 'too early' })!.catch((fail: FailResult) => fail)).toMatchObject({ errno: 305, errMsg: 'send:fail the socket is not open (it is connecting): send after onOpen' });
    await expect.poll(() => events).toEqual(['open', 'text welcome T1 chat']);
    expect(created).toMatchObject({ errMsg: 'connectSocket:ok', socketTaskId: expect.any(Number) });
    expect(await task.send({ data: 'ping' })).toEqual({ errMsg: 'send:ok' });
    await task.send({ data: new Uint8Array([1, 2, 255]).buffer });
    await expect.poll(() => events.length).toBe(4);
    await task.send({ data: 'close-me' });
    await expect.poll(() => events.at(-1)).toBe('close 4001 bye');
    expect(events).toEqual(['open', 'text welcome T1 chat', 'text ping', 'binary 0102ff', 'close 4001 bye']);
    const rulesOf = (api: string) => log.filter((record) => record.api === api).map((record) => record.rules.map((r) => r.id));
    expect(rulesOf('connectSocket')).toEqual([expect.arrayContaining(['socket-limit-not-enforced', 'returns-socket-task'])]);
    // Only the send before onOpen failed, and its record says which rule (connectSocket's) decided it.
    expect(rulesOf('SocketTask.send')).toEqual([['send-before-open-fails'], [], [], []]);
  });

  it('SocketTask.send with an unknown key sends anyway and warns; a strict session refuses it with 104', async () => {
    const session = await openSession({}, sessions);
    const log = records(session);
    const task = ttOf(session).connectSocket!({ url: `ws://127.0.0.1:${port}/ws` }) as SocketTaskLike;
    const events = socketEvents(task);
    await expect.poll(() => events.includes('open')).toBe(true);
    expect(await task.send({ data: 'echo', dta: 1 } as never)).toEqual({ errMsg: 'send:ok' });
    await expect.poll(() => events.at(-1)).toBe('text echo');
    const sent = log.filter((record) => record.api === 'SocketTask.send').at(-1)!;
    expect(sent.warnings).toEqual(['parameter dta is not a Feishu parameter of SocketTask.send; a client ignores it (did you mean data?)']);
    expect(sent.rules.map((r) => r.id)).toEqual(['unknown-params-ignored']);
    const strict = await openSession({ strict: true }, sessions);
    const strictLog = records(strict);
    const strictTask = ttOf(strict).connectSocket!({ url: `ws://127.0.0.1:${port}/ws` }) as SocketTaskLike;
    const strictEvents = socketEvents(strictTask);
    await expect.poll(() => strictEvents.includes('open')).toBe(true);
    const refused = (await strictTask.send({ data: 'echo', dta: 1 } as never)!.catch((f: FailResult) => f)) as FailResult;
    expect(refused).toMatchObject({ errno: 104, errMsg: 'send:fail parameter error: unknown parameter dta (did you mean data?); accepted: data' });
    expect(strictLog.filter((record) => record.api === 'SocketTask.send').at(-1)!.rules.map((r) => r.id)).toEqual(['unknown-params-strict']);
    strictTask.close({});
    task.close({});
  });

  it('close() ends the connection with the given code', async () => {
    const session = await openSession({}, sessions);
    const task = ttOf(session).connectSocket!({ url: `ws://127.0.0.1:${port}/ws` }) as SocketTaskLike;
    const events = socketEvents(task);
    await expect.poll(() => events.includes('open')).toBe(true);
    expect(await task.close({ code: 3001, reason: 'done' })).toEqual({ errMsg: 'close:ok' });
    await expect.poll(() => events.at(-1)).toBe('close 3001 done');
    expect((await task.close({ code: 1001 })!.catch((f: FailResult) => f)) as FailResult).toMatchObject({ errno: 104 });
  });

  it('reports a refused port and an unresolvable host through onError and onClose', async () => {
    const session = await openSession({}, sessions);
    const refused = socketEvents(ttOf(session).connectSocket!({ url: `ws://127.0.0.1:${refusedPort}/ws` }) as SocketTaskLike);
    await expect.poll(() => refused.at(-1)).toBe('close 1006 ');
    expect(refused).toEqual([`error connection refused by 127.0.0.1:${refusedPort}`, 'close 1006 ']);
    const unresolved = socketEvents(ttOf(session).connectSocket!({ url: 'wss://nowhere.invalid/ws' }) as SocketTaskLike);
    await expect.poll(() => unresolved.at(-1)).toBe('close 1006 ');
    expect(unresolved[0]).toBe('error could not resolve host nowhere.invalid (DNS lookup failed)');
  });

  it('fails at once when offline, blocked or given a bad url, and tells the task\'s listeners too', async () => {
    const session = await openSession({ network: 'offline' }, sessions);
    const log = records(session);
    const fails: FailResult[] = [];
    const offline = socketEvents(ttOf(session).connectSocket!({ url: `ws://127.0.0.1:${port}/ws`, fail: (f: FailResult) => fails.push(f) }) as SocketTaskLike);
    await expect.poll(() => fails.length).toBe(1);
    expect(fails[0]).toMatchObject({ errno: 303 });
    expect(offline).toEqual([`error ${fails[0]!.errMsg}`, `close 1006 ${fails[0]!.errMsg}`]);
    session.network.setPolicy({ allow: ['example.com'] });
    const blocked = socketEvents(ttOf(session).connectSocket!({ url: `ws://127.0.0.1:${port}/ws` }) as SocketTaskLike);
    await expect.poll(() => blocked.length).toBe(2);
    expect(blocked[0]).toMatch(/is blocked by ttsim's network policy/);
    const bad = socketEvents(ttOf(session).connectSocket!({ url: `http://127.0.0.1:${port}/ws` }) as SocketTaskLike);
    await expect.poll(() => bad.length).toBe(2);
    expect(bad[0]).toBe(`error connectSocket:fail invalid url "http://127.0.0.1:${port}/ws": expected ws:// or wss://`);
    expect(log.map((record) => [record.api, record.ok, record.rules.some((r) => r.id === 'failure-to-listeners')])).toEqual([
      ['connectSocket', false, true],
      ['connectSocket', false, true],
      ['connectSocket', false, true],
    ]);
  });

  it('closing the session closes its sockets', async () => {
    const session = await openSession({}, []);
    const events = socketEvents(ttOf(session).connectSocket!({ url: `ws://127.0.0.1:${port}/ws` }) as SocketTaskLike);
    await expect.poll(() => events.includes('open')).toBe(true);
    await session.close();
    await expect.poll(() => events.at(-1)).toMatch(/^close 1001/);
  });
});
