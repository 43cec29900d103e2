/**
 * Live compare on the host: the `compare` operation through the dispatcher over a real socket, real sessions
 * under other profiles with their own copies of ttfile://user and storage, input replayed between guests
 * (stand-in guests on real guest sockets, answering as the runtime does), one picker answer for every
 * profile, and the end of a compare.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeFixtures, tempDataDir, type Fixtures } from '../../emulator-api/test/fixtures.js';
import type { CompareMember, UserInput } from '../../emulator-api/src/protocol/messages.js';
import { PROTOCOL_VERSION } from '../../emulator-api/src/protocol/version.js';
import { compareGroupOf } from '../src/node/compare-group.js';
import { Host, type HostSession } from '../src/node/host.js';
import { startServer, type RunningServer } from '../src/node/server.js';

const root = new URL('../../', import.meta.url).pathname;
let fx: Fixtures;
let host: Host;
let server: RunningServer;
let main: HostSession;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  fx = await makeFixtures();
  host = new Host({ dataDir: tempDataDir() });
  server = await startServer(host);
});
afterAll(async () => {
  await server.close();
  await host.closeAll();
});
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.close();
  await host.closeAll();
});

async function openMain(): Promise<HostSession> {
  main = await host.open({ project: path.join(root, 'examples/compress-demo'), app: 'gadget', platform: 'ios', client: '7.35.0' });
  return main;
}

type Message = Record<string, unknown> & { t: string };

async function socket(url: string, role: 'guest' | 'devtools'): Promise<{ ws: WebSocket; got: Message[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${url}`);
  sockets.push(ws);
  const got: Message[] = [];
  ws.on('message', (data) => got.push(JSON.parse(String(data)) as Message));
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  ws.send(JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role }));
  await expect.poll(() => got.some((m) => m.t === 'welcome')).toBe(true);
  return { ws, got };
}

/** The devtools' socket of a session: `request` sends an operation and resolves with its reply. */
async function devtools(session: HostSession) {
  const { ws, got } = await socket(`/s/${session.id}/ws?token=${session.hostToken}`, 'devtools');
  let nextId = 1;
  const request = async (op: string, params: Record<string, unknown> = {}) => {
    const id = nextId++;
    ws.send(JSON.stringify({ t: 'request', id, op, params }));
    await expect.poll(() => got.some((m) => m.t === 'reply' && m.id === id), { timeout: 20_000 }).toBe(true);
    const reply = got.find((m) => m.t === 'reply' && m.id === id) as unknown as { ok: boolean; value?: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return { ws, got, request };
}

/**
 * A stand-in for a guest runtime on the session's real guest socket: it answers the forwarded operations as
 * input-replay.ts does (a target whose label says "only on iOS" is missing on another platform), and
 * `userInput` reports an input as the runtime does for a real tap.
 */
async function fakeGuest(session: HostSession, options: { failReplay?: boolean } = {}) {
  const { ws, got } = await socket(`/g/${session.id}/${session.guestToken}/__ttsim__/ws`, 'guest');
  const replayed: { input: UserInput; from: string }[] = [];
  let reporting = false;
  const emit = (event: unknown) => ws.send(JSON.stringify({ t: 'event', event }));
  const answered = new Set<number>();
  const answer = () => {
    for (const message of got) {
      if (message.t !== 'automation' || answered.has(message.id as number)) continue;
      answered.add(message.id as number);
      const { id, op, params } = message as unknown as { id: number; op: string; params: { on?: boolean; input?: UserInput; from?: string } };
      const reply = (value: unknown) => ws.send(JSON.stringify({ t: 'automation-reply', id, ok: true, value }));
      if (op === 'whenIdle') reply(null);
      else if (op === 'reportInput') {
        reporting = params.on === true;
        reply(null);
      } else if (op === 'replayInput') {
        const { input, from } = params as { input: UserInput; from: string };
        if (options.failReplay) {
          ws.send(JSON.stringify({ t: 'automation-reply', id, ok: false, error: 'the page is gone' }));
          continue;
        }
        replayed.push({ input, from });
        const missing = input.target.label.includes('only on iOS') && session.profile.platform !== 'ios' ? 'no view.ios-only in view.card (step 3 of 3; none there)' : undefined;
        emit({ kind: 'input', input, replayOf: from, ...(missing ? { missing } : {}) });
        reply(missing ? { found: false, why: missing } : { found: true });
      } else ws.send(JSON.stringify({ t: 'automation-reply', id, ok: false, error: `the fake guest does not answer ${op}` }));
    }
  };
  ws.on('message', answer);
  answer();
  return {
    replayed,
    get reporting() {
      return reporting;
    },
    userInput(input: UserInput) {
      emit({ kind: 'input', input });
    },
  };
}

const tap = (label: string, page = 'pages/index/index'): UserInput => ({
  action: 'tap',
  page,
  target: { steps: [{ tag: 'div', attrs: { id: 'tt-app' }, classes: [], index: 0 }, { tag: 'button', attrs: { 'data-tt': 'button' }, classes: ['choose'], index: 0 }], label },
});

const sessionOf = (member: CompareMember) => host.get(member.sessionId)!;

describe('the compare operation', () => {
  it('opens the project under the other profiles, each with its own copy of ttfile://user and storage', async () => {
    await openMain();
    main.session.storage.set('visits', { type: 'Number', data: '3' });
    fs.mkdirSync(main.session.dirs.userDir, { recursive: true });
    fs.writeFileSync(path.join(main.session.dirs.userDir, 'notes.txt'), 'from iOS');
    const tools = await devtools(main);
    const { members } = (await tools.request('compare', { profiles: [{ platform: 'android' }, { platform: 'pc', client: '7.39.0' }] })) as { members: CompareMember[] };

    expect(members.map((m) => `${m.profile.platform} ${m.profile.client} ${m.profile.device.id}`)).toEqual(['ios 7.35.0 iphone-15', 'android 7.35.0 pixel-8', 'pc 7.39.0 windows-pc']);
    expect(members[0]!.sessionId).toBe(main.id);
    const [android, pc] = [sessionOf(members[1]!), sessionOf(members[2]!)];
    expect(members[1]!.token).toBe(android.hostToken);
    // Each starts where main is…
    expect(android.session.storage.get('visits')).toEqual({ type: 'Number', data: '3' });
    expect(fs.readFileSync(android.resolve('ttfile://user/notes.txt'), 'utf8')).toBe('from iOS');
    // …and writes its own copy, as another device would.
    android.session.storage.set('visits', { type: 'Number', data: '4' });
    fs.writeFileSync(android.resolve('ttfile://user/notes.txt'), 'from Android');
    expect(main.session.storage.get('visits')).toEqual({ type: 'Number', data: '3' });
    expect(pc.session.storage.get('visits')).toEqual({ type: 'Number', data: '3' });
    expect(fs.readFileSync(path.join(main.session.dirs.userDir, 'notes.txt'), 'utf8')).toBe('from iOS');
    expect(android.session.dirs.userDir.startsWith(path.dirname(main.session.dirs.userDir))).toBe(false);
  });

  it('carries the mocks and the network policy over, and refuses a compare started from one of its profiles', async () => {
    await openMain();
    main.mock('getSystemInfo', { platform: 'mocked' });
    main.setNetwork('offline');
    const group = await main.compareWith!([{ platform: 'android' }]);
    const android = group.members[1]!;
    expect(android.mockedApis()).toEqual(['getSystemInfo']);
    expect(android.networkPolicy).toBe('offline');
    await expect(android.compareWith!([{ platform: 'pc' }])).rejects.toThrow(/one of the profiles of a live compare/);
  });

  it('checks its parameters: 1 to 3 more profiles, known platforms', async () => {
    await openMain();
    const tools = await devtools(main);
    await expect(tools.request('compare', { profiles: [] })).rejects.toThrow(/profiles/);
    await expect(tools.request('compare', { profiles: [{}, {}, {}, {}] })).rejects.toThrow(/profiles/);
    await expect(tools.request('compare', { profiles: [{ platform: 'symbian' }] })).rejects.toThrow(/platform/);
    expect(host.list()).toHaveLength(1);
  });
});

describe('replaying input', () => {
  it("replays a user's tap in every other profile, never a replayed one, and both ways", async () => {
    await openMain();
    const group = await main.compareWith!([{ platform: 'android' }, { platform: 'pc' }]);
    const [, android, pc] = group.members as [HostSession, HostSession, HostSession];
    const guests = { ios: await fakeGuest(main), android: await fakeGuest(android), pc: await fakeGuest(pc) };
    // Every guest is asked to report the user's input once it connects.
    await expect.poll(() => [guests.ios.reporting, guests.android.reporting, guests.pc.reporting]).toEqual([true, true, true]);

    guests.ios.userInput(tap('button.choose "Choose an image"'));
    await expect.poll(() => [guests.android.replayed.length, guests.pc.replayed.length]).toEqual([1, 1]);
    expect(guests.android.replayed[0]).toEqual({ input: tap('button.choose "Choose an image"'), from: main.id });
    // The replays were reported back (replayOf) and not replayed again.
    await expect.poll(() => android.events.list().some((e) => e.type === 'guest' && e.event.kind === 'input' && e.event.replayOf === main.id)).toBe(true);
    guests.android.userInput(tap('button.compress "Compress"'));
    await expect.poll(() => guests.ios.replayed.length).toBe(1);
    await expect.poll(() => guests.pc.replayed.length).toBe(2);
    expect(guests.ios.replayed[0]!.from).toBe(android.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([guests.ios.replayed.length, guests.android.replayed.length, guests.pc.replayed.length]).toEqual([1, 1, 2]);
  });

  it('keeps the order of inputs per profile, and says where a target is missing or a guest failed', async () => {
    await openMain();
    const group = await main.compareWith!([{ platform: 'android' }, { platform: 'pc' }]);
    const [, android, pc] = group.members as [HostSession, HostSession, HostSession];
    const ios = await fakeGuest(main);
    const androidGuest = await fakeGuest(android);
    await fakeGuest(pc, { failReplay: true });
    const labels = ['button.a', 'view.ios-only "only on iOS"', 'button.b', 'button.c'];
    for (const label of labels) ios.userInput(tap(label));
    await expect.poll(() => androidGuest.replayed.map((r) => r.input.target.label)).toEqual(labels);
    const missing = android.events.list().find((e) => e.type === 'guest' && e.event.kind === 'input' && e.event.missing);
    expect(missing).toMatchObject({ event: { replayOf: main.id, missing: expect.stringMatching(/no view\.ios-only/) } });
    await expect.poll(() => pc.events.list().filter((e) => e.type === 'console' && e.level === 'warn').map((e) => (e as unknown as { args: string[] }).args[0])).toHaveLength(4);
    const warning = pc.events.list().find((e) => e.type === 'console' && e.level === 'warn') as unknown as { args: string[] };
    expect(warning.args[0]).toMatch(/live compare: the tap on button\.a in ios 7\.35\.0 was not replayed here: .*the page is gone/);
  });
});

describe('the image picker in a compare', () => {
  it('asks once per round and answers every profile with the same files; a cancel cancels all', async () => {
    await openMain();
    const group = await main.compareWith!([{ platform: 'android' }]);
    const android = group.members[1]!;
    const tools = await devtools(main);
    const androidTools = await devtools(android);

    const calls = [main.call('chooseImage', { count: 1 }), android.call('chooseImage', { count: 1 })];
    await expect.poll(() => tools.got.filter((m) => m.t === 'picker').length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // One question for the round: the Android session's devtools are not asked again.
    expect(androidTools.got.filter((m) => m.t === 'picker')).toHaveLength(0);
    const request = (tools.got.find((m) => m.t === 'picker') as unknown as { request: { id: string } }).request;
    await tools.request('answerPicker', { id: request.id, chosen: [{ sample: 'alpha-png' }] });
    const [ios, androidResult] = (await Promise.all(calls)) as unknown as { tempFilePaths: string[] }[];
    const png = fs.readFileSync(fx.alphaPng);
    expect(fs.readFileSync(main.resolve(ios!.tempFilePaths[0]!)).length).toBeGreaterThan(0);
    expect(fs.readFileSync(main.resolve(ios!.tempFilePaths[0]!)).equals(fs.readFileSync(android.resolve(androidResult!.tempFilePaths[0]!)))).toBe(true);
    expect(png.length).toBeGreaterThan(0);

    // The next round: Android asks first (a tap in its frame), and iOS gets its answer; then a cancel.
    const second = android.call('chooseImage', {});
    await expect.poll(() => androidTools.got.filter((m) => m.t === 'picker').length).toBe(1);
    const secondIos = main.call('chooseImage', {});
    const ask = (androidTools.got.find((m) => m.t === 'picker') as unknown as { request: { id: string } }).request;
    await androidTools.request('answerPicker', { id: ask.id, chosen: [] });
    expect(await second).toMatchObject({ errno: 1300001 });
    expect(await secondIos).toMatchObject({ errno: 1300001 });
    expect(tools.got.filter((m) => m.t === 'picker')).toHaveLength(1);
  });
});

describe('ending a compare', () => {
  it('closes the other sessions and removes their data; closing the main session ends it too', async () => {
    await openMain();
    const tools = await devtools(main);
    const { members } = (await tools.request('compare', { profiles: [{ platform: 'android' }] })) as { members: CompareMember[] };
    const android = sessionOf(members[1]!);
    const dataDir = path.resolve(android.session.dirs.userDir, '../../..');
    expect(fs.existsSync(dataDir)).toBe(true);
    await tools.request('endCompare');
    expect(host.get(android.id)).toBeUndefined();
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(compareGroupOf(main)).toBeUndefined();
    // A picker is the plain one again.
    expect(main.picker?.gate).toBeUndefined();

    // A second compare, then the main session closes: its profiles go with it.
    const again = (await tools.request('compare', { profiles: [{ platform: 'pc' }] })) as { members: CompareMember[] };
    const pc = sessionOf(again.members[1]!);
    await host.close(main.id);
    expect(host.get(pc.id)).toBeUndefined();
  });

  it('replaces a running compare when another starts', async () => {
    await openMain();
    const first = await main.compareWith!([{ platform: 'android' }]);
    const second = await main.compareWith!([{ platform: 'pc' }, { platform: 'harmony' }]);
    expect(host.get(first.members[1]!.id)).toBeUndefined();
    expect(second.members.map((m) => m.profile.platform)).toEqual(['ios', 'pc', 'harmony']);
    expect(host.list()).toHaveLength(3);
  });
});
