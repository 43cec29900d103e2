/** Storage (setStorage & co. and the Sync twins): types, limits, persistence per app id, atomic files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Session, SuccessResult } from '../src/index.js';
import { tempDataDir } from './fixtures.js';
import { failOf, openSession, syncFailure } from './helpers.js';

const sessions: Session[] = [];
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

type AnyTt = Record<string, (...args: unknown[]) => unknown>;
const ttOf = (session: Session) => session.tt as unknown as AnyTt;
const call = (session: Session, api: string, params: Record<string, unknown> = {}) => ttOf(session)[api]!(params) as Promise<SuccessResult>;

const storageDir = (dataDir: string, appId: string) => path.join(dataDir, 'apps', appId, 'storage');

describe('values keep their type', () => {
  it('strings, numbers, booleans, null, undefined, objects, arrays and Date come back as they were stored', async () => {
    const session = await openSession({ appId: 'types' }, sessions);
    const tt = ttOf(session);
    const when = new Date('2026-11-25T10:00:00.000Z');
    const values: Record<string, unknown> = { s: 'text', n: 42.5, t: true, f: false, z: null, u: undefined, o: { a: [1, { b: 'c' }] }, arr: [1, 'two', null], d: when, empty: '' };
    for (const [key, value] of Object.entries(values)) tt.setStorageSync!(key, value);
    for (const [key, value] of Object.entries(values)) expect(tt.getStorageSync!(key)).toEqual(value);
    const date = tt.getStorageSync!('d');
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).getTime()).toBe(when.getTime());
    expect((await call(session, 'getStorage', { key: 'o' })).data).toEqual({ a: [1, { b: 'c' }] });
  });

  it('stores objects as JSON: nested Dates become strings, functions vanish, and the store keeps a copy', async () => {
    const session = await openSession({ appId: 'json' }, sessions);
    const tt = ttOf(session);
    const value = { when: new Date(0), fn: () => 1, list: [1] };
    await call(session, 'setStorage', { key: 'k', data: value });
    value.list.push(2);
    const got = tt.getStorageSync!('k') as { list: number[] };
    expect(got).toEqual({ when: '1970-01-01T00:00:00.000Z', list: [1] });
    got.list.push(3);
    expect(tt.getStorageSync!('k')).toEqual({ when: '1970-01-01T00:00:00.000Z', list: [1] });
  });

  it('refuses what cannot be stored with 104, and an empty key', async () => {
    const session = await openSession({ appId: 'refuse' }, sessions);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(syncFailure(() => ttOf(session).setStorageSync!('c', cyclic))).toMatchObject({ errno: 104, errMsg: expect.stringMatching(/^setStorageSync:fail parameter error: data cannot be stored as JSON: /) });
    expect((await failOf(call(session, 'setStorage', { key: 'f', data: () => 1 }))).errMsg).toBe('setStorage:fail parameter error: data cannot be stored: a function is not serialisable (store a string, number, boolean, null, Date or a JSON-serialisable object)');
    expect(syncFailure(() => ttOf(session).setStorageSync!('', 1)).errno).toBe(104);
    expect(syncFailure(() => ttOf(session).getStorageSync!(5)).errMsg).toMatch(/expected string for key but received 5 of type number/);
    expect(ttOf(session).getStorageInfoSync!()).toMatchObject({ keys: [] });
  });
});

describe('reads and removal', () => {
  it('getStorage of a missing key fails with 203; getStorageSync returns ""', async () => {
    const session = await openSession({ appId: 'missing' }, sessions);
    expect(await failOf(call(session, 'getStorage', { key: 'nope' }))).toMatchObject({ errno: 203, errMsg: 'getStorage:fail data not found: nothing is stored under key "nope"' });
    expect(ttOf(session).getStorageSync!('nope')).toBe('');
  });

  it('getStorageInfo lists keys in first-set order with sizes in KB; remove and clear', async () => {
    const session = await openSession({ appId: 'info' }, sessions);
    const tt = ttOf(session);
    tt.setStorageSync!('b', 'x'.repeat(3000));
    tt.setStorageSync!('a', 1);
    tt.setStorageSync!('b', 'y'.repeat(3000));
    const info = await call(session, 'getStorageInfo');
    // "b" + 3002 bytes of JSON, "a" + "1": 3003 + 2 bytes → 3 KB rounded up.
    expect(info).toEqual({ errMsg: 'getStorageInfo:ok', keys: ['b', 'a'], currentSize: 3, limitSize: 10240 });
    tt.removeStorageSync!('b');
    await call(session, 'removeStorage', { key: 'not-there' });
    expect(tt.getStorageInfoSync!()).toEqual({ keys: ['a'], currentSize: 1, limitSize: 10240 });
    await call(session, 'clearStorage');
    expect(tt.getStorageInfoSync!()).toEqual({ keys: [], currentSize: 0, limitSize: 10240 });
    tt.setStorageSync!('c', 3);
    tt.clearStorageSync!();
    expect(tt.getStorageSync!('c')).toBe('');
  });
});

describe('persistence', () => {
  it('survives a relaunch of the same app id, in first-set order, and is separate per app id', async () => {
    const dataDir = tempDataDir();
    const first = await openSession({ dataDir, appId: 'cli_a' }, []);
    ttOf(first).setStorageSync!('z', { deep: [new Date(5)] });
    await call(first, 'setStorage', { key: 'y', data: new Date(1000) });
    ttOf(first).setStorageSync!('x', 'last');
    await first.close();

    const again = await openSession({ dataDir, appId: 'cli_a' }, sessions);
    expect(ttOf(again).getStorageSync!('z')).toEqual({ deep: ['1970-01-01T00:00:00.005Z'] });
    expect((ttOf(again).getStorageSync!('y') as Date).getTime()).toBe(1000);
    expect(ttOf(again).getStorageInfoSync!()).toMatchObject({ keys: ['z', 'y', 'x'] });
    const other = await openSession({ dataDir, appId: 'cli_b' }, sessions);
    expect(ttOf(other).getStorageInfoSync!()).toMatchObject({ keys: [] });
  });

  it('sessions of one app id open at the same time share the store', async () => {
    const dataDir = tempDataDir();
    const one = await openSession({ dataDir, appId: 'shared' }, sessions);
    const two = await openSession({ dataDir, appId: 'shared' }, sessions);
    ttOf(one).setStorageSync!('k', 'from one');
    expect(ttOf(two).getStorageSync!('k')).toBe('from one');
  });

  it('writes one complete file per key, atomically: no partial files, and a half-written one is ignored', async () => {
    const dataDir = tempDataDir();
    const session = await openSession({ dataDir, appId: 'atomic' }, []);
    ttOf(session).setStorageSync!('k', { v: 1 });
    ttOf(session).setStorageSync!('k', { v: 2 });
    const dir = storageDir(dataDir, 'atomic');
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, files[0]!), 'utf8'))).toEqual({ key: 'k', type: 'Object', data: '{"v":2}', order: 1 });
    await session.close();

    // A crash mid-write leaves only a hidden partial file next to the good one; and a damaged file is skipped.
    fs.writeFileSync(path.join(dir, '.ttsim-partial-0000'), '{"key":"k","type":"Object","data":"{\\"v":');
    fs.writeFileSync(path.join(dir, `${'0'.repeat(64)}.json`), '{ not json');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const again = await openSession({ dataDir, appId: 'atomic' }, sessions);
    expect(ttOf(again).getStorageSync!('k')).toEqual({ v: 2 });
    expect(ttOf(again).getStorageInfoSync!()).toMatchObject({ keys: ['k'] });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${'0'.repeat(64)}.json`));
    warn.mockRestore();
  });
});

describe('limits', () => {
  it('one key over 1 MB fails with 212 and stores nothing', async () => {
    const session = await openSession({ appId: 'big-item' }, sessions);
    const tt = ttOf(session);
    tt.setStorageSync!('k', 'small');
    const tooBig = 'x'.repeat(1024 * 1024);
    const failure = syncFailure(() => tt.setStorageSync!('k', tooBig));
    expect(failure).toMatchObject({ errno: 212, errMsg: 'setStorageSync:fail exceed storage item max length: key "k" would take 1048579 bytes; one key may take at most 1048576 bytes (1 MB)' });
    expect(tt.getStorageSync!('k')).toBe('small');
    expect((await failOf(call(session, 'setStorage', { key: 'k', data: tooBig }))).errno).toBe(212);
  });

  it('going over 10 MB in all fails with 208; replacing a value counts only the difference', async () => {
    const session = await openSession({ appId: 'big-total' }, sessions);
    const tt = ttOf(session);
    const mb = 'y'.repeat(1_000_000);
    for (let i = 0; i < 10; i++) tt.setStorageSync!(`k${i}`, mb);
    const failure = syncFailure(() => tt.setStorageSync!('k10', mb));
    expect(failure.errno).toBe(208);
    expect(failure.errMsg).toMatch(/^setStorageSync:fail exceed storage max size: this would make \d+ bytes in all; an app may store at most 10485760 bytes \(10 MB\)/);
    expect(tt.getStorageSync!('k10')).toBe('');
    tt.setStorageSync!('k0', mb);
    expect(tt.getStorageInfoSync!()).toMatchObject({ currentSize: Math.ceil((10 * (1_000_002 + 2)) / 1024) });
  });
});

describe('support', () => {
  it('web apps do not have it (errno 103)', async () => {
    const session = await openSession({ app: 'webapp', appId: 'web' }, sessions);
    expect((await failOf(call(session, 'setStorage', { key: 'k', data: 1 }))).errno).toBe(103);
    expect(syncFailure(() => ttOf(session).getStorageSync!('k')).errno).toBe(103);
  });
});
