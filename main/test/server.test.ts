import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeFixtures, tempDataDir, testTempDir, type Fixtures } from '../../emulator-api/test/fixtures.js';
import type { HostToControl, HostToGuest } from '../../emulator-api/src/protocol/messages.js';
import { PROTOCOL_VERSION, REFUSED_CLOSE_CODE } from '../../emulator-api/src/protocol/version.js';

type HostToShell = Extract<HostToControl, { t: 'events' }>;
const hello = (role: string, protocol = PROTOCOL_VERSION) => JSON.stringify({ t: 'hello', protocol, role });
import { Host, type HostSession } from '../src/node/host.js';
import { startServer, type RunningServer } from '../src/node/server.js';

const root = new URL('../../', import.meta.url).pathname;
let fx: Fixtures;
let host: Host;
let server: RunningServer;
let gadget: HostSession;
let other: HostSession;
let webapp: HostSession;

beforeAll(async () => {
  fx = await makeFixtures();
  host = new Host({ dataDir: tempDataDir() });
  gadget = await host.open({ project: path.join(root, 'examples/compress-demo'), app: 'gadget', platform: 'ios', client: '7.35.0' });
  other = await host.open({ project: path.join(root, 'examples/compress-demo'), app: 'gadget', platform: 'android', client: '7.35.0' });
  webapp = await host.open({ project: path.join(root, 'examples/webapp-demo'), app: 'webapp', platform: 'pc', client: '3.47.0' });
  server = await startServer(host);
});
afterAll(async () => {
  await server.close();
  await host.closeAll();
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const guestPath = (s: HostSession, rest: string) => `/g/${s.id}/${s.guestToken}/${rest}`;

describe('the headless server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('asks for the session token on the shell, and refuses other Host headers', async () => {
    expect((await get(`/s/${gadget.id}/`)).status).toBe(403);
    expect((await get(`/s/${gadget.id}/?token=${other.hostToken}`)).status).toBe(403);
    expect((await get(`/s/${gadget.id}/?token=${gadget.hostToken}`)).status).toBe(200);
    expect((await get(`/s/${gadget.id}/?token=${gadget.hostToken}`, { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await get(`/s/nope/?token=x`)).status).toBe(404);
  });

  it('gives the guest its boot payload under its own token only', async () => {
    const boot = await get(guestPath(gadget, '__ttsim__/boot.json'));
    expect(boot.status).toBe(200);
    const payload = JSON.parse(boot.body.toString()) as { project: { kind: string; files: Record<string, string> }; apis: { name: string }[] };
    expect(payload.project.kind).toBe('gadget');
    expect(Object.keys(payload.project.files)).toContain('pages/index/index.ttml');
    expect(payload.apis.map((a) => a.name)).toEqual(expect.arrayContaining(['compressImage', 'showModal', 'navigateTo']));
    expect(boot.body.toString()).not.toContain(gadget.hostToken);
    // Another session's guest token does not open this session.
    expect((await get(`/g/${gadget.id}/${other.guestToken}/__ttsim__/boot.json`)).status).toBe(403);
  });

  it('serves package files and ttfile:// files, and nothing outside the sandbox', async () => {
    expect((await get(guestPath(gadget, 'app.json'))).status).toBe(200);
    const src = await gadget.session.importFile(fx.alphaPng);
    const file = await get(guestPath(gadget, `__ttfile__/temp/${src.slice('ttfile://temp/'.length)}`));
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.body.equals(fs.readFileSync(fx.alphaPng))).toBe(true);
    // The other session cannot read it with its own token.
    expect((await get(`/g/${other.id}/${other.guestToken}/__ttfile__/temp/${src.slice('ttfile://temp/'.length)}`)).status).toBe(404);
    // The URL parser folds %2e%2e into .., which leaves the session's path altogether: no session there.
    const escape = await get(guestPath(gadget, '%2e%2e/%2e%2e/package.json'));
    expect([403, 404], 'package escape').toContain(escape.status);
    expect(escape.body.toString()).not.toContain('"name": "ttsim"');
    expect((await get(guestPath(gadget, '__ttfile__/temp/..%2f..%2f..%2fpackage.json'))).status, 'temp escape').toBe(403);
    const outside = testTempDir('outside-');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(gadget.session.dirs.userDir, 'link.txt'));
    expect((await get(guestPath(gadget, '__ttfile__/user/link.txt'))).status, 'symlink').toBe(403);
  });

  it('injects the h5sdk into a web app page', async () => {
    const page = await get(guestPath(webapp, 'index.html'));
    expect(page.status).toBe(200);
    expect(page.body.toString()).toMatch(new RegExp(`<head><script src="/g/${webapp.id}/${webapp.guestToken}/__ttsim__/h5sdk.js"></script>`));
  });

  it('answers bridge calls over the guest socket, and refuses a socket without the token', async () => {
    const url = `ws://127.0.0.1:${server.port}/g/${gadget.id}/${gadget.guestToken}/__ttsim__/ws`;
    const ws = new WebSocket(url);
    const messages: HostToGuest[] = [];
    const result = new Promise<HostToGuest>((resolve) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as HostToGuest;
        messages.push(message);
        if (message.t === 'result') resolve(message);
      });
    });
    await new Promise((resolve) => ws.on('open', resolve));
    const src = await gadget.session.importFile(fx.alphaPng);
    ws.send(hello('guest'));
    ws.send(JSON.stringify({ t: 'call', id: 7, api: 'compressImage', params: { src, quality: 50 } }));
    const answer = await result;
    expect(answer).toMatchObject({ t: 'result', id: 7, result: { errMsg: 'compressImage:ok' } });
    const out = (answer as unknown as { result: { tempFilePath: string } }).result.tempFilePath;
    expect((await sharp(gadget.session.resolve(out)).metadata()).format).toBe('jpeg');
    expect(messages[0]).toEqual({ t: 'welcome', protocol: PROTOCOL_VERSION });
    expect(messages[1]).toEqual({ t: 'mocks', apis: [] });
    ws.close();
    const call = gadget.events.list().find((e) => e.type === 'call' && e.record.api === 'compressImage');
    expect(call).toMatchObject({ type: 'call', side: 'host', mocked: false });

    const refused = new WebSocket(`ws://127.0.0.1:${server.port}/g/${gadget.id}/wrong/__ttsim__/ws`);
    const status = await new Promise<number>((resolve) => refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });

  it('streams calls to the shell as summaries with each rule described once, and serves a full event by its number', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/s/${other.id}/ws?token=${other.hostToken}`);
    const messages: HostToShell[] = [];
    const twoCalls = new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as HostToControl;
        if (message.t === 'events') messages.push(message);
        if (messages.flatMap((m) => m.events).filter((e) => e.type === 'call').length === 2) resolve();
      });
    });
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(hello('devtools'));
    await other.call('getSystemInfo', {});
    await other.call('getSystemInfo', {});
    await twoCalls;
    ws.close();
    const calls = messages.flatMap((m) => m.events).filter((e) => e.type === 'call');
    expect(calls[0]!.record).toEqual({ seq: expect.any(Number), api: 'getSystemInfo', durationMs: expect.any(Number), ok: true, errMsg: 'getSystemInfo:ok', rules: expect.arrayContaining(['platform-values']) });
    const described = messages.flatMap((m) => Object.keys(m.rules));
    expect(described.filter((key) => key === 'getSystemInfo platform-values')).toHaveLength(1);
    const rule = messages.find((m) => m.rules['getSystemInfo platform-values'])!.rules['getSystemInfo platform-values']!;
    expect(rule.provenance.kind).toBe('documented');

    const full = await get(`/s/${other.id}/events/${calls[1]!.seq}.json?token=${other.hostToken}`);
    expect(full.status).toBe(200);
    expect(JSON.parse(full.body.toString())).toMatchObject({ type: 'call', seq: calls[1]!.seq, record: { api: 'getSystemInfo', result: { platform: 'android' }, rules: expect.arrayContaining([expect.objectContaining({ id: 'platform-values' })]) } });
    expect((await get(`/s/${other.id}/events/${calls[1]!.seq}.json?token=${gadget.hostToken}`)).status).toBe(403);
    expect((await get(`/s/${other.id}/events/99999.json?token=${other.hostToken}`)).status).toBe(404);
  });

  it('runs Sync APIs over the sync route, with ArrayBuffers and Stats across the wire', async () => {
    const post = (body: unknown) =>
      new Promise<{ status: number; json: unknown }>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: server.port, path: guestPath(gadget, '__ttsim__/sync'), method: 'POST', headers: { 'content-type': 'text/plain' } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ t: 'call-sync', protocol: PROTOCOL_VERSION, ...(body as object) }));
      }).then(({ status, json }) => ({ status, json: (json as { answer: unknown }).answer }));
    const write = await post({ api: 'FileSystemManager.writeFileSync', args: ['ttfile://user/a.bin', { $ab: Buffer.from([1, 2, 3]).toString('base64') }] });
    expect(write.json).toEqual({ ok: true });
    const read = await post({ api: 'FileSystemManager.readFileSync', args: ['ttfile://user/a.bin'] });
    expect(read.json).toEqual({ ok: true, value: { $ab: Buffer.from([1, 2, 3]).toString('base64') } });
    const stat = await post({ api: 'FileSystemManager.statSync', args: ['ttfile://user/a.bin'] });
    expect(stat.json).toMatchObject({ ok: true, value: { size: 3, isFile: { $fn: true }, isDirectory: { $fn: false } } });
    const missing = await post({ api: 'FileSystemManager.readFileSync', args: ['ttfile://user/none'] });
    expect(missing.json).toMatchObject({ ok: false, fail: { errno: 203 } });
    const unknown = await post({ api: 'openSchema', args: [] });
    expect(unknown.json).toMatchObject({ ok: false, fail: { errno: 103, errMsg: 'openSchema:fail openSchema is not emulated by ttsim' } });
  });
});

describe('the protocol at connect', () => {
  /** Opens a socket, sends `messages`, and collects what comes back until the host closes it or `until` holds. */
  async function converse(url: string, messages: string[], until: (got: Record<string, unknown>[]) => boolean = () => false) {
    const ws = new WebSocket(url);
    const got: Record<string, unknown>[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    const done = new Promise<void>((resolve) => {
      ws.on('message', (data) => {
        got.push(JSON.parse(String(data)) as Record<string, unknown>);
        if (until(got)) resolve();
      });
    });
    await new Promise((resolve) => ws.on('open', resolve));
    for (const message of messages) ws.send(message);
    const ended = await Promise.race([closed, done.then(() => undefined)]);
    ws.close();
    return { got, closed: ended };
  }
  const guestWs = (s: HostSession) => `ws://127.0.0.1:${server.port}/g/${s.id}/${s.guestToken}/__ttsim__/ws`;
  const controlWs = (s: HostSession) => `ws://127.0.0.1:${server.port}/s/${s.id}/ws?token=${s.hostToken}`;

  it('refuses a client of another protocol version with a message that says what to do', async () => {
    const { got, closed } = await converse(guestWs(gadget), [hello('guest', 1)]);
    expect(got[0]).toMatchObject({ t: 'refused', reason: expect.stringContaining(`this host speaks protocol ${PROTOCOL_VERSION}, the guest runtime speaks 1`) });
    expect(closed?.code).toBe(REFUSED_CLOSE_CODE);
    const devtools = await converse(controlWs(gadget), [hello('devtools', 99)]);
    expect(devtools.got[0]).toMatchObject({ t: 'refused', reason: expect.stringContaining('the devtools page speaks 99') });
  });

  it('refuses a first message that is not hello, and a guest socket that says it is the devtools', async () => {
    const early = await converse(guestWs(gadget), [JSON.stringify({ t: 'call', id: 1, api: 'getSystemInfo', params: {} })]);
    expect(early.got[0]).toMatchObject({ t: 'refused', reason: expect.stringContaining('the first message must be hello') });
    const pretender = await converse(guestWs(gadget), [hello('devtools')]);
    expect(pretender.got[0]).toMatchObject({ t: 'refused', reason: expect.stringContaining('cannot act as devtools') });
  });

  it('answers a malformed call with a fail instead of leaving it waiting, and warns in the event stream', async () => {
    const { got } = await converse(guestWs(other), [hello('guest'), JSON.stringify({ t: 'call', id: 5, api: 42 })], (g) => g.some((m) => m.t === 'result'));
    expect(got.find((m) => m.t === 'result')).toMatchObject({ id: 5, result: { errno: 102, errMsg: expect.stringContaining('malformed message from the guest (api:') } });
    expect(other.events.list().some((e) => e.type === 'console' && e.args[0]!.includes('malformed message'))).toBe(true);
  });

  it('serves the devtools typed requests: a full event, a static mock, and a guest operation that fails in time naming what it waited for', async () => {
    await webapp.call('getSystemInfo', {});
    const seq = webapp.events.list().findLast((e) => e.type === 'call')!.seq;
    const requests = [
      hello('devtools'),
      JSON.stringify({ t: 'request', id: 1, op: 'event', params: { seq } }),
      JSON.stringify({ t: 'request', id: 2, op: 'mock', params: { api: 'getSystemInfo', answer: { platform: 'mocked' } } }),
      JSON.stringify({ t: 'request', id: 3, op: 'currentPage', params: {}, timeoutMs: 50, waitingFor: 'the current page' }),
      JSON.stringify({ t: 'request', id: 4, op: 'nonsense', params: {} }),
    ];
    const { got } = await converse(controlWs(webapp), requests, (g) => g.filter((m) => m.t === 'reply').length === 4);
    const reply = (id: number) => got.find((m) => m.t === 'reply' && m.id === id);
    expect(reply(1)).toMatchObject({ ok: true, value: { type: 'call', seq, record: { api: 'getSystemInfo' } } });
    expect(reply(2)).toMatchObject({ ok: true });
    expect(await webapp.call('getSystemInfo', {})).toEqual({ errMsg: 'getSystemInfo:ok', platform: 'mocked' });
    webapp.restore('getSystemInfo');
    expect(reply(3)).toMatchObject({ ok: false, error: `timed out after 50 ms waiting for the current page: no guest is connected to session ${webapp.id}` });
    expect(reply(4)).toMatchObject({ ok: false, error: expect.stringContaining('malformed message') });
  });
});

describe('what the devtools ask of the host', () => {
  it('lists the sandbox and the package, describes an image, serves its bytes, deletes and clears', async () => {
    const src = await gadget.session.importFile(fx.photoJpeg);
    const compressed = (await gadget.call('compressImage', { src, quality: 30 })) as unknown as { tempFilePath: string };
    await gadget.call('FileSystemManager.writeFile', { filePath: 'ttfile://user/notes.txt', data: 'hello' });
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/s/${gadget.id}/ws?token=${gadget.hostToken}`);
    const replies = new Map<number, Record<string, unknown>>();
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.t === 'reply') replies.set(message.id as number, message);
    });
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(hello('devtools'));
    let nextId = 1;
    const ask = async (op: string, params: Record<string, unknown>) => {
      const id = nextId++;
      ws.send(JSON.stringify({ t: 'request', id, op, params }));
      await expect.poll(() => replies.has(id)).toBe(true);
      return replies.get(id)!;
    };
    const session = await ask('session', {});
    expect(session).toMatchObject({ ok: true, value: { sessionId: gadget.id, project: { name: 'compress-demo', kind: 'gadget' }, guestUrl: expect.stringContaining(`/g/${gadget.id}/`), profile: { platform: 'ios' } } });
    const temp = (await ask('files', { area: 'temp' })).value as { entries: { path: string; size: number; dir: boolean }[] };
    expect(temp.entries.map((e) => e.path)).toEqual(expect.arrayContaining([src, compressed.tempFilePath]));
    const pkg = (await ask('files', { area: 'package' })).value as { entries: { path: string }[] };
    expect(pkg.entries.map((e) => e.path)).toEqual(expect.arrayContaining(['app.json', 'pages/index/index.ttml']));
    const info = await ask('fileInfo', { path: compressed.tempFilePath });
    expect(info).toMatchObject({ ok: true, value: { mime: 'image/jpeg', format: 'jpeg', width: 320, height: 240 } });
    // The bytes, behind the host token only.
    const fileUrl = (session.value as { fileUrl: string }).fileUrl;
    const bytes = await get(`${fileUrl}${encodeURIComponent(compressed.tempFilePath)}`);
    expect(bytes.status).toBe(200);
    expect((await sharp(bytes.body).metadata()).format).toBe('jpeg');
    expect((await get(`/s/${gadget.id}/file?token=${gadget.guestToken}&path=${encodeURIComponent(compressed.tempFilePath)}`)).status).toBe(403);
    expect((await get(`${fileUrl}${encodeURIComponent('ttfile://temp/../../../etc/passwd')}`)).status).toBe(403);
    expect((await get(`${fileUrl}${encodeURIComponent('app.json')}&download`)).headers['content-disposition']).toBe('attachment; filename="app.json"');
    const matrix = (await ask('apiMatrix', {})).value as { name: string; calls: number; support: { matrix: { webapp: { pc: string } } }; behaviours: { id: string; provenance: { kind: string } }[] }[];
    const compress = matrix.find((m) => m.name === 'compressImage')!;
    expect(compress.calls).toBeGreaterThanOrEqual(1);
    expect(compress.support.matrix.webapp.pc).toBe('3.47.0');
    expect(compress.behaviours.find((b) => b.id === 'ios-always-jpeg')?.provenance.kind).toBe('documented');
    await gadget.call('setStorage', { key: 'seen', data: { n: 1 } });
    expect(await ask('storage', {})).toMatchObject({ ok: true, value: { items: expect.arrayContaining([expect.objectContaining({ key: 'seen', type: 'Object', value: { n: 1 } })]) } });
    expect(await ask('setStorageItem', { key: 'edited', value: [1, 2] })).toMatchObject({ ok: true });
    expect(await gadget.call('getStorage', { key: 'edited' })).toMatchObject({ data: [1, 2] });
    expect(await ask('removeStorageItem', { key: 'edited' })).toMatchObject({ ok: true, value: true });
    expect(await gadget.call('getStorage', { key: 'edited' })).toMatchObject({ errno: expect.any(Number) });
    expect(await ask('setStorageItem', { key: 'huge', value: 'x'.repeat(2 * 1024 * 1024) })).toMatchObject({ ok: false, error: expect.stringMatching(/1 MB|limit/i) });
    expect(await ask('deleteFile', { path: 'app.json' })).toMatchObject({ ok: false, error: expect.stringContaining('the package is read-only') });
    expect(await ask('deleteFile', { path: 'ttfile://user/notes.txt' })).toMatchObject({ ok: true });
    expect(fs.existsSync(path.join(gadget.session.dirs.userDir, 'notes.txt'))).toBe(false);
    expect(await ask('clearArea', { area: 'temp' })).toMatchObject({ ok: true });
    expect(fs.readdirSync(gadget.session.dirs.tempDir)).toEqual([]);
    ws.close();
  });
});

describe('the image picker', () => {
  it('asks the devtools when tt.chooseImage has no queued files, and takes a sample and an upload', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/s/${other.id}/ws?token=${other.hostToken}`);
    const got: Record<string, unknown>[] = [];
    ws.on('message', (data) => got.push(JSON.parse(String(data)) as Record<string, unknown>));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(hello('devtools'));
    await expect.poll(() => got.some((m) => m.t === 'welcome')).toBe(true);
    // An upload from disk, kept for the answer.
    const upload = await new Promise<{ upload: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/s/${other.id}/upload?token=${other.hostToken}&name=${encodeURIComponent('my photo.png')}` }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text) as { upload: string }));
      });
      req.on('error', reject);
      req.end(fs.readFileSync(fx.alphaPng));
    });
    expect(upload.upload).toMatch(/\/my_photo\.png$/);
    const chosen = other.call('chooseImage', { count: 2 });
    await expect.poll(() => got.find((m) => m.t === 'picker')).toBeTruthy();
    const request = (got.find((m) => m.t === 'picker') as { request: { id: string; count: number } }).request;
    expect(request.count).toBe(2);
    ws.send(JSON.stringify({ t: 'request', id: 1, op: 'pickerSamples', params: {} }));
    ws.send(JSON.stringify({ t: 'request', id: 2, op: 'answerPicker', params: { id: request.id, chosen: [{ sample: 'exif-rotated' }, { upload: upload.upload }] } }));
    const result = (await chosen) as unknown as { tempFilePaths: string[] };
    expect(result.tempFilePaths).toHaveLength(2);
    expect((await sharp(other.resolve(result.tempFilePaths[0]!)).metadata()).orientation).toBe(6);
    expect(fs.readFileSync(other.resolve(result.tempFilePaths[1]!)).equals(fs.readFileSync(fx.alphaPng))).toBe(true);
    await expect.poll(() => got.filter((m) => m.t === 'reply').length).toBe(2);
    expect((got.find((m) => m.t === 'reply' && m.id === 1) as { value: { id: string }[] }).value.map((s) => s.id)).toEqual(['photo', 'alpha-png', 'exif-rotated', 'animated-gif', 'heic']);
    // Answering none is a cancel, as a user closing the picker.
    const cancelled = other.call('chooseImage', {});
    await expect.poll(() => got.filter((m) => m.t === 'picker').length).toBe(2);
    const second = (got.filter((m) => m.t === 'picker')[1] as { request: { id: string } }).request;
    ws.send(JSON.stringify({ t: 'request', id: 3, op: 'answerPicker', params: { id: second.id, chosen: [] } }));
    expect(await cancelled).toMatchObject({ errno: 1300001 });
    ws.close();
    // With no devtools connected, the call is cancelled at once.
    await expect.poll(async () => ((await other.call('chooseImage', {})) as { errno?: number }).errno, { timeout: 3000 }).toBe(1300001);
  });
});

describe('the APIs the code uses', () => {
  it('come from the scanner the host was given (ttsim dev gives ttsim check\'s), and say so where there is none', async () => {
    const scanned = new Host({ dataDir: tempDataDir(), scanCode: (projectRoot) => [{ name: 'compressImage', uses: 1, at: `${path.basename(projectRoot)}/pages/index/index.js:40` }] });
    const withScan = await scanned.open({ project: path.join(root, 'examples/compress-demo'), platform: 'ios', client: '7.35.0' });
    try {
      const { hostOperations } = await import('../src/node/host-operations.js');
      expect(await hostOperations.codeApis(withScan, {})).toEqual({ available: true, apis: [{ name: 'compressImage', uses: 1, at: 'compress-demo/pages/index/index.js:40' }] });
      expect(await hostOperations.codeApis(gadget, {})).toEqual({ available: false, apis: [] });
    } finally {
      await scanned.closeAll();
    }
  });
});

describe('switching the profile', () => {
  it('relaunches the project under the new profile, keeping ttfile://user, storage, mocks and the network policy', async () => {
    const first = await host.open({ project: path.join(root, 'examples/compress-demo'), app: 'gadget', platform: 'ios', client: '7.35.0' });
    await first.call('FileSystemManager.writeFile', { filePath: 'ttfile://user/kept.txt', data: 'kept' });
    await first.call('setStorage', { key: 'k', data: 'v' });
    first.mock('getSystemInfo', { platform: 'mocked' });
    first.setNetwork('offline');
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/s/${first.id}/ws?token=${first.hostToken}`);
    const reply = new Promise<Record<string, unknown>>((resolve) => ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.t === 'reply') resolve(message);
    }));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(hello('devtools'));
    ws.send(JSON.stringify({ t: 'request', id: 1, op: 'relaunch', params: { profile: { platform: 'android', client: '7.39.0' } } }));
    const answer = (await reply) as { ok: boolean; value: { sessionId: string; devtoolsUrl: string } };
    expect(answer.ok).toBe(true);
    const next = host.get(answer.value.sessionId)!;
    expect(next.profile).toMatchObject({ platform: 'android', client: '7.39.0', app: 'gadget' });
    expect(next.profile.device.platform).toBe('android');
    expect(answer.value.devtoolsUrl).toBe(`/s/${next.id}/?token=${next.hostToken}`);
    expect(await next.call('FileSystemManager.readFile', { filePath: 'ttfile://user/kept.txt', encoding: 'utf8' })).toMatchObject({ data: 'kept' });
    expect(await next.call('getStorage', { key: 'k' })).toMatchObject({ data: 'v' });
    expect(await next.call('getSystemInfo', {})).toMatchObject({ platform: 'mocked' });
    expect(next.networkPolicy).toBe('offline');
    ws.close();
    await expect.poll(() => host.get(first.id), { timeout: 3000 }).toBeUndefined();
    // A gadget project does not run as a web app: the kind follows the project, and a mismatch says why.
    await expect(host.open({ project: path.join(root, 'examples/compress-demo'), app: 'webapp', platform: 'pc', client: '3.47.0' })).rejects.toThrow(/compress-demo is a gadget \(it has app.json\): it runs as app kind 'gadget', not 'webapp'/);
    const web = await host.open({ project: path.join(root, 'examples/webapp-demo'), platform: 'pc', client: '3.47.0' });
    expect(web.profile.app).toBe('webapp');
  });
});

describe('mocks', () => {
  it('answer a call instead of emulator-api, and are recorded as mocked', async () => {
    gadget.mock('chooseImage', { tempFilePaths: ['ttfile://temp/mocked.png'], tempFiles: [] });
    expect(await gadget.call('chooseImage', {})).toEqual({ errMsg: 'chooseImage:ok', tempFilePaths: ['ttfile://temp/mocked.png'], tempFiles: [] });
    gadget.mock('compressImage', (params) => ({ errno: 1300003, params }));
    expect(await gadget.call('compressImage', { src: 'x' })).toMatchObject({ errno: 1300003, errMsg: 'compressImage:fail mocked' });
    gadget.restore('compressImage');
    expect(await gadget.call('compressImage', { src: 'ttfile://temp/none.png' })).toMatchObject({ errno: 203 });
    const mocked = gadget.events.list().filter((e) => e.type === 'call' && e.mocked);
    expect(mocked).toHaveLength(2);
  });
});
