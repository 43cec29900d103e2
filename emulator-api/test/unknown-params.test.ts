/**
 * Unknown parameters as a client treats them: dropped, the call goes on, and the call record names them in
 * `warnings` with the rule unknown-params-ignored. A strict session refuses them with 104 ("did you mean").
 * Known parameters of the wrong type fail either way. The guest path (prepareGuestCall / recordGuestCall)
 * behaves the same.
 */
import * as fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareGuestCall, recordGuestCall, type CallRecord, type CallRunnerOptions, type BaseCallContext } from '../src/common/call.js';
import { createProfile, findApi, type Session } from '../src/index.js';
import { makeFixtures, type Fixtures } from './fixtures.js';
import { failOf, openSession } from './helpers.js';

let fx: Fixtures;
const sessions: Session[] = [];
beforeAll(async () => {
  fx = await makeFixtures();
});
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

/** compressImage called with keys its type does not have, as untyped gadget code would. */
const loose = (session: Session) => session.tt.compressImage as unknown as (options: object) => Promise<{ tempFilePath: string }>;

async function logged(options: Parameters<typeof openSession>[0] = {}) {
  const session = await openSession(options, sessions);
  const records: CallRecord[] = [];
  session.onCall((record) => records.push(record));
  return { session, records };
}

describe('default: an unknown parameter is dropped with a warning', () => {
  it("compressImage with WeChat's compressedWidth compresses as on Feishu and says so in the record", async () => {
    const { session, records } = await logged({ platform: 'ios' });
    const src = await session.importFile(fx.photoJpeg);
    const result = await loose(session)({ src, quality: 40, compressedWidth: 100 });
    const out = session.resolve(result.tempFilePath);
    const meta = await sharp(out).metadata();
    // The WeChat option did nothing: the size is the input's.
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 240]);
    const record = records.find((r) => r.api === 'compressImage')!;
    expect(record.ok).toBe(true);
    expect(record.warnings).toEqual(['parameter compressedWidth is not a Feishu parameter of compressImage; a client ignores it']);
    const rule = record.rules.find((r) => r.id === 'unknown-params-ignored')!;
    expect(rule.provenance.kind).toBe('assumed');
    expect(rule.text).toMatch(/dropped and the call goes on/);
    // The record keeps what the gadget passed.
    expect(record.params).toMatchObject({ compressedWidth: 100 });
  });

  it('a typo gets "did you mean", and the parameter it meant takes its default', async () => {
    const { session, records } = await logged();
    const src = await session.importFile(fx.photoJpeg);
    const low = await loose(session)({ src, qualty: 5 });
    const record = records.at(-1)!;
    expect(record.warnings).toEqual(['parameter qualty is not a Feishu parameter of compressImage; a client ignores it (did you mean quality?)']);
    expect(record.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['unknown-params-ignored', 'quality-default-80']));
    const at80 = await session.tt.compressImage({ src, quality: 80 });
    expect(fs.readFileSync(session.resolve(low.tempFilePath)).equals(fs.readFileSync(session.resolve(at80.tempFilePath)))).toBe(true);
    // A call without unknown keys records no warnings at all.
    expect(records.at(-1)!.warnings).toBeUndefined();
  });

  it('known parameters of the wrong type still fail with 104', async () => {
    const { session, records } = await logged();
    const src = await session.importFile(fx.photoJpeg);
    const fail = await failOf(session.tt.compressImage({ src, quality: 'high', compressedHeight: 10 } as never));
    expect(fail.errno).toBe(104);
    expect(fail.errMsg).toMatch(/expected number for quality but received "high"/);
    expect(fail.errMsg).not.toMatch(/compressedHeight/);
    expect(records.at(-1)!.warnings).toEqual(['parameter compressedHeight is not a Feishu parameter of compressImage; a client ignores it']);
  });

  it('holds for FileSystemManager methods and their Sync twins alike (extra positional arguments are ignored)', async () => {
    const { session, records } = await logged();
    const fsm = session.tt.getFileSystemManager();
    await fsm.writeFile({ filePath: 'ttfile://user/a.txt', data: 'hi', flag: 'w' } as never);
    expect(fs.readFileSync(`${session.dirs.userDir}/a.txt`, 'utf8')).toBe('hi');
    expect(records.at(-1)!.warnings).toEqual(['parameter flag is not a Feishu parameter of FileSystemManager.writeFile; a client ignores it']);
    expect((fsm.readFileSync as (...args: unknown[]) => unknown)('ttfile://user/a.txt', 'utf8', 0, 2)).toBe('hi');
  });
});

describe('strict: an unknown parameter fails with 104', () => {
  it('createSession({ strict: true }) refuses compressedWidth and records unknown-params-strict', async () => {
    const { session, records } = await logged({ strict: true });
    expect(session.strict).toBe(true);
    const src = await session.importFile(fx.photoJpeg);
    const fail = await failOf(session.tt.compressImage({ src, compressedWidth: 100, qualty: 3 } as never));
    expect(fail.errno).toBe(104);
    expect(fail.errMsg).toMatch(/unknown parameters compressedWidth, qualty \(did you mean quality\?\); accepted: src, quality/);
    const record = records.at(-1)!;
    expect(record.rules.map((r) => r.id)).toContain('unknown-params-strict');
    expect(record.warnings).toBeUndefined();
    expect(fs.readdirSync(session.dirs.tempDir)).toHaveLength(1);
  });
});

describe('the guest path validates on the host the same way', () => {
  const runner = (strict: boolean, records: CallRecord[]): CallRunnerOptions<BaseCallContext> => ({
    profile: createProfile({ app: 'gadget', platform: 'android', client: '7.39.0' }),
    hooks: { onCall: (r) => records.push(r) },
    timeoutMs: 0,
    createContext: (base) => base,
    strict,
  });

  it('prepareGuestCall drops the unknown key; recordGuestCall records the warning and the rule', () => {
    const records: CallRecord[] = [];
    const spec = findApi('showToast')!;
    const params = { title: 'hi', icon: 'none', mask: false, image: '/x.png', iconColor: '#fff', durration: 10 };
    const prepared = prepareGuestCall(spec, params, runner(false, records));
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.params).toEqual({ title: 'hi', icon: 'none', mask: false, image: '/x.png' });
    expect(records).toEqual([]);
    recordGuestCall(spec, { params, result: { errMsg: 'showToast:ok' }, rules: [], startedAt: Date.now(), durationMs: 1 }, runner(false, records));
    expect(records[0]!.warnings).toEqual([
      'parameter iconColor is not a Feishu parameter of showToast; a client ignores it',
      'parameter durration is not a Feishu parameter of showToast; a client ignores it (did you mean duration?)',
    ]);
    expect(records[0]!.rules.map((r) => r.id)).toEqual(['unknown-params-ignored']);
  });

  it('a strict runner refuses it before the guest runs anything', () => {
    const records: CallRecord[] = [];
    const prepared = prepareGuestCall(findApi('showToast')!, { title: 'hi', iconColor: '#fff' }, runner(true, records));
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.fail.errno).toBe(104);
    expect(records[0]!.rules.map((r) => r.id)).toEqual(['unknown-params-strict']);
  });
});

describe('not supported: the record names the matrix that decided', () => {
  it('compressImage on a web-app PC client 3.46.0 fails with 103 and records not-supported with the matrix provenance', async () => {
    const { session, records } = await logged({ app: 'webapp', platform: 'pc', client: '3.46.0' });
    const fail = await failOf(session.tt.compressImage({ src: 'ttfile://temp/x.jpg' }));
    expect(fail.errno).toBe(103);
    const rule = records.at(-1)!.rules.find((r) => r.id === 'not-supported')!;
    expect(rule.provenance).toEqual(findApi('compressImage')!.support.provenance);
    expect(rule.text).toMatch(/web app Android 3\.44\.0\+, iOS 3\.44\.0\+, PC 3\.47\.0\+, Harmony 7\.35\.0\+/);
  });
});
