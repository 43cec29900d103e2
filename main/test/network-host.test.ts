/** app.json networkTimeout reaches the session, and the host routes task calls and the storage read mirror. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDataDir, testTempDir } from '../../emulator-api/test/fixtures.js';
import type { FailResult } from '../../emulator-api/src/common/callbacks.js';
import type { TaskEvent } from '../../emulator-api/src/common/tasks.js';
import { Host } from '../src/node/host.js';
import { loadProject, ProjectError } from '../src/node/project.js';

let server: http.Server;
let origin: string;
let host: Host;

function gadget(appJson: Record<string, unknown>): string {
  const dir = testTempDir('gadget-');
  fs.mkdirSync(path.join(dir, 'pages/index'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages: ['pages/index/index'], ...appJson }));
  fs.writeFileSync(path.join(dir, 'app.js'), 'App({});');
  fs.writeFileSync(path.join(dir, 'pages/index/index.js'), 'Page({});');
  fs.writeFileSync(path.join(dir, 'pages/index/index.ttml'), '<view>hi</view>');
  return dir;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/slow') return; // never answers
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  host = new Host({ dataDir: tempDataDir() });
});

afterAll(async () => {
  await host.closeAll();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('app.json networkTimeout', () => {
  it('is read by the project loader and refused when it is not a positive number of ms', () => {
    expect(loadProject(gadget({ networkTimeout: { request: 120, downloadFile: 5000 } })).networkTimeout).toEqual({ request: 120, downloadFile: 5000 });
    expect(loadProject(gadget({})).networkTimeout).toBeUndefined();
    expect(() => loadProject(gadget({ networkTimeout: { request: -1 } }))).toThrow(new ProjectError('app.json networkTimeout.request must be a positive number of milliseconds, not -1'));
    expect(() => loadProject(gadget({ networkTimeout: { fetch: 10 } }))).toThrow(/networkTimeout.fetch is not known; use request, uploadFile, downloadFile, connectSocket/);
  });

  it('bounds the guest\'s requests through the host', async () => {
    const session = await host.open({ project: gadget({ networkTimeout: { request: 120 } }), app: 'gadget', platform: 'ios', client: '7.39.0' });
    const events: TaskEvent[] = [];
    const { settled, control } = session.callTask('request', { url: `${origin}/slow` }, (event) => events.push(event));
    expect(control).toBeDefined();
    const fail = (await settled) as FailResult;
    expect(fail.errno).toBe(302);
    expect(fail.errMsg).toMatch(/within 120 ms/);
    const ok = session.callTask('request', { url: `${origin}/json` }, (event) => events.push(event));
    expect(await ok.settled).toMatchObject({ statusCode: 200, data: { ok: true } });
    expect(events.map((e) => e.type)).toEqual(['headersReceived']);
  });
});

describe('the storage read mirror', () => {
  it('gives the guest the app\'s storage in order, and whether it may answer reads itself', async () => {
    const session = await host.open({ project: gadget({}), appId: 'mirror', app: 'gadget', platform: 'android', client: '7.39.0' });
    const tt = session.session.tt as unknown as Record<string, (...args: unknown[]) => unknown>;
    tt.setStorageSync!('b', { x: 1 });
    tt.setStorageSync!('a', new Date(7));
    expect(session.storageSnapshot()).toEqual({ items: [['b', { type: 'Object', data: '{"x":1}' }], ['a', { type: 'Date', data: '7' }]], localReads: true });
    const web = await host.open({ project: path.join(new URL('../../', import.meta.url).pathname, 'examples/webapp-demo'), appId: 'mirror', app: 'webapp', platform: 'pc', client: '3.47.0' });
    expect(web.storageSnapshot().localReads).toBe(false);
  });
});
