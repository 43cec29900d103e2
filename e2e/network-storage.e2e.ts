/**
 * A gadget that talks to a real server on 127.0.0.1 (HTTP and WebSocket), to a mocked URL and to a host the
 * network policy blocks, and keeps storage across a relaunch, driven through ttsim/automation.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { WebSocketServer } from 'ws';
import { launch, type Simulator } from 'ttsim/automation';
import { root } from './helpers.js';

const project = path.join(root, 'e2e/fixtures/network-gadget');

async function startServer(): Promise<{ origin: string; port: number; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/greeting') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text: `hello ${url.searchParams.get('who')}` }));
    } else if (url.pathname === '/file.txt') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '11' });
      res.end('file body\r\n');
    } else if (url.pathname !== '/slow') {
      res.writeHead(404);
      res.end();
    }
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket) => socket.on('message', (data) => socket.send(String(data))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('requests a local server, a mocked URL and a blocked host; sockets; storage survives a relaunch', async () => {
  const server = await startServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-e2e-data-'));
  let sim: Simulator | undefined;
  try {
    sim = await launch({ project, platform: 'android', dataDir, network: { allow: [`127.0.0.1:${server.port}`] } });
    let page = await sim.currentPage();
    expect(await (await page.$('.visits')).text()).toBe('visits 1');
    expect(await (await page.$('.profile')).text()).toBe('no profile');
    await page.setData({ server: server.origin });

    await (await page.$('button.local')).tap();
    expect(await (await page.$('.local-result')).text()).toBe('200 hello gadget');
    expect(server.hits).toContain('GET /greeting?who=gadget');
    const localCall = sim.events().find((e) => e.type === 'call' && e.record.api === 'request');
    expect(localCall).toMatchObject({ mocked: false, record: { ok: true, params: { url: `${server.origin}/greeting` }, result: { statusCode: 200 } } });

    sim.mockRequest('https://api.example.com/profile', { data: { name: 'Mocked Ada' } });
    const hitsBefore = server.hits.length;
    await (await page.$('button.mocked')).tap();
    expect(await (await page.$('.mocked-result')).text()).toBe('Mocked Ada');
    expect(server.hits.length).toBe(hitsBefore);
    const mockedCall = sim.events().filter((e) => e.type === 'call' && e.record.api === 'request').at(-1);
    expect(mockedCall).toMatchObject({ mocked: true, record: { params: { url: 'https://api.example.com/profile?id=1' } } });

    await (await page.$('button.blocked')).tap();
    expect(await (await page.$('.status')).text()).toBe(`305 request:fail blocked.example.org is blocked by ttsim's network policy (allowed: 127.0.0.1:${server.port}); add it with setNetwork({ allow: [...] }) or mock the URL`);

    sim.setNetwork('offline');
    await (await page.$('button.local')).tap();
    expect(await (await page.$('.status')).text()).toBe('local fail 303');
    sim.setNetwork('online');

    await (await page.$('button.abort')).tap();
    expect(await (await page.$('.status')).text()).toBe('aborted 301');

    await (await page.$('button.download')).tap();
    const downloaded = await (await page.$('.downloaded')).text();
    expect(downloaded).toMatch(/^ttfile:\/\/temp\/[0-9a-f-]{36}\.txt 200 100$/);
    expect(sim.readFile(downloaded.split(' ')[0]!).toString()).toBe('file body\r\n');

    await (await page.$('button.socket')).tap();
    await page.waitFor((data) => String(data.echo).includes('closed'));
    expect(await (await page.$('.echo')).text()).toBe('echo: hi / closed 1000');
    expect(sim.events().some((e) => e.type === 'call' && e.record.api === 'SocketTask.send' && e.record.ok)).toBe(true);

    await (await page.$('button.store')).tap();
    expect(await (await page.$('.profile')).text()).toBe('Ada');
    const readsBefore = sim.events().filter((e) => e.type === 'call' && e.record.api === 'getStorageSync').length;
    await (await page.$('button.read-many')).tap();
    expect(await (await page.$('.read-count')).text()).toBe('1000');
    // Every read is in the event stream, answered by the guest's copy of the storage.
    await expect.poll(() => sim!.events().filter((e) => e.type === 'call' && e.record.api === 'getStorageSync').length).toBe(readsBefore + 1000);
    const read = sim.events().filter((e) => e.type === 'call' && e.record.api === 'getStorageSync').at(-1);
    expect(read).toMatchObject({ side: 'guest', record: { ok: true, rules: expect.arrayContaining([expect.objectContaining({ id: 'guest-read-mirror' })]) } });
    await sim.close();
    sim = undefined;

    sim = await launch({ project, platform: 'android', dataDir });
    page = await sim.currentPage();
    expect(await (await page.$('.visits')).text()).toBe('visits 2');
    expect(await (await page.$('.profile')).text()).toBe('Ada since 2026-01-02T03:04:05.000Z');
  } finally {
    await sim?.close();
    await server.close();
  }
});
