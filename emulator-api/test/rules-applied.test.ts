/**
 * Behaviour rules reach the call record where the code applies them: the sandbox's path failures
 * (path-checked, path-areas, for the APIs that declare them), the Sync twins (sync-throws, sync-positional)
 * and h5sdk.config's gate (apis-after-config).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CallRecord, Session } from '../src/index.js';
import { failOf, openSession, syncFailure } from './helpers.js';

const sessions: Session[] = [];
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

async function logged(options: Parameters<typeof openSession>[0] = {}) {
  const session = await openSession(options, sessions);
  const records: CallRecord[] = [];
  session.onCall((record) => records.push(record));
  const rulesOf = (api: string) => records.filter((record) => record.api === api).map((record) => record.rules.map((rule) => rule.id));
  return { session, records, rulesOf };
}

describe('path rules', () => {
  it('a path that leaves its area or is malformed records path-checked', async () => {
    const { session, rulesOf } = await logged();
    const fsm = session.tt.getFileSystemManager();
    expect(await failOf(fsm.readFile({ filePath: 'ttfile://user/../../secret' }))).toMatchObject({ errno: 201 });
    expect(await failOf(fsm.stat({ path: 'ttfile://temp/a\\b' }))).toMatchObject({ errno: 213 });
    expect(await failOf(fsm.access({ path: `ttfile://user/${'n'.repeat(300)}` }))).toMatchObject({ errno: 214 });
    expect(rulesOf('FileSystemManager.readFile')).toEqual([['path-checked']]);
    expect(rulesOf('FileSystemManager.stat')).toEqual([['path-checked']]);
    expect(rulesOf('FileSystemManager.access')).toEqual([['path-checked']]);
  });

  it('writing into ttfile://temp or the package records path-areas', async () => {
    const { session, rulesOf } = await logged();
    const fsm = session.tt.getFileSystemManager();
    expect(await failOf(fsm.writeFile({ filePath: 'ttfile://temp/x.txt', data: 'x' }))).toMatchObject({ errno: 202 });
    expect(await failOf(fsm.unlink({ filePath: 'images/a.png' }))).toMatchObject({ errno: 202 });
    expect(rulesOf('FileSystemManager.writeFile')).toEqual([['path-areas']]);
    expect(rulesOf('FileSystemManager.unlink')).toEqual([['path-areas']]);
  });

  it('an API that does not declare the sandbox rules still fails cleanly (no rule, no ttsim bug)', async () => {
    const { session, records } = await logged();
    expect(await failOf(session.tt.compressImage({ src: 'ttfile://temp/../../x.jpg' }))).toMatchObject({ errno: 201 });
    expect(records.map((record) => [record.api, record.errno, record.rules.map((rule) => rule.id)])).toEqual([['compressImage', 201, ['quality-default-80']]]);
  });
});

describe('Sync twins', () => {
  it('a FileSystemManager Sync twin that throws records sync-throws (and the rule that decided the failure)', async () => {
    const { session, rulesOf } = await logged();
    const fsm = session.tt.getFileSystemManager();
    expect(syncFailure(() => fsm.readFileSync('ttfile://user/../../secret', 'utf8')).errno).toBe(201);
    expect(syncFailure(() => fsm.readFileSync('ttfile://user/none.txt', 'utf8')).errno).toBe(203);
    fsm.writeFileSync('ttfile://user/ok.txt', 'ok', 'utf8');
    expect(rulesOf('FileSystemManager.readFileSync')).toEqual([expect.arrayContaining(['sync-throws', 'path-checked']), ['sync-throws']]);
    expect(rulesOf('FileSystemManager.writeFileSync')[0]).not.toContain('sync-throws');
  });

  it('the storage Sync APIs record sync-positional', async () => {
    const { session, rulesOf } = await logged();
    session.tt.setStorageSync('k', 1);
    expect(session.tt.getStorageSync('k')).toBe(1);
    session.tt.removeStorageSync('k');
    session.tt.getStorageInfoSync();
    session.tt.clearStorageSync();
    for (const api of ['setStorageSync', 'getStorageSync', 'removeStorageSync', 'getStorageInfoSync', 'clearStorageSync']) {
      expect(rulesOf(api), api).toEqual([expect.arrayContaining(['sync-positional'])]);
    }
    await session.tt.setStorage({ key: 'k', data: 2 });
    expect(rulesOf('setStorage')[0]).not.toContain('sync-positional');
  });
});

describe('h5sdk.config', () => {
  it('records apis-after-config whether the signature passes or not', async () => {
    const { session, rulesOf } = await logged({ app: 'webapp', jssdk: { reject: ['bad'] } });
    const config = session.api('h5sdk.config') as (params: unknown) => Promise<unknown>;
    const params = { appId: 'cli_x', timestamp: 1, nonceStr: 'n' };
    await config({ ...params, signature: 'good' });
    expect(await failOf(config({ ...params, signature: 'bad' }))).toMatchObject({ errno: 2601001 });
    expect(rulesOf('h5sdk.config')).toEqual([
      expect.arrayContaining(['apis-after-config', 'any-signature']),
      expect.arrayContaining(['apis-after-config', 'any-signature']),
    ]);
  });
});
