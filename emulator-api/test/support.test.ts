import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { appKinds, canIUse, createProfile, listApis, platforms, renderApiTableMarkdown, standardIoRules, type AppKind, type Platform, type Session } from '../src/index.js';
import { failOf, openSession } from './helpers.js';

const sessions: Session[] = [];
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

/** The documented compressImage matrix, written out independently of the registry. */
const documentedMatrix: Record<AppKind, Record<Platform, string>> = {
  gadget: { android: '2.0.0', ios: '2.0.0', pc: '2.0.0', harmony: '7.35.0' },
  webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
};

function justBelow(version: string): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.99`;
  return `${major - 1}.99.99`;
}

describe('compressImage support matrix: every cell, at and just below each edge', () => {
  for (const app of appKinds) {
    for (const platform of platforms) {
      const since = documentedMatrix[app][platform];
      it(`${app} ${platform}: works from ${since}, not on ${justBelow(since)}`, async () => {
        const ok = await openSession({ app, platform, client: since }, sessions);
        expect(ok.tt.canIUse('compressImage')).toBe(true);
        const src = await ok.importFile(new URL('../../package.json', import.meta.url).pathname);
        // Supported: the call gets past the matrix and fails only because package.json is no image.
        expect((await failOf(ok.tt.compressImage({ src }))).errno).toBe(1300009);

        const old = await openSession({ app, platform, client: justBelow(since) }, sessions);
        expect(old.tt.canIUse('compressImage')).toBe(false);
        expect(old.tt.canIUse('compressImage.object.quality')).toBe(false);
        const fail = await failOf(old.tt.compressImage({ src: 'ttfile://temp/x.jpg' }));
        expect(fail.errno).toBe(103);
        expect(fail.errMsg).toBe(
          `compressImage:fail compressImage is not supported on client ${justBelow(since)}: ${app === 'gadget' ? 'gadgets' : 'web apps'} on ${platform} need ${since} or later`,
        );
      });
    }
  }

  it('uses callbacks for the not-supported fail too, and complete after it', async () => {
    const session = await openSession({ app: 'webapp', platform: 'pc', client: '3.46.0' }, sessions);
    const order: string[] = [];
    await new Promise<void>((done) => {
      const returned = session.tt.compressImage({
        src: 'ttfile://temp/x.jpg',
        success: () => order.push('success'),
        fail: (res) => order.push(`fail ${res.errno}`),
        complete: () => {
          order.push('complete');
          done();
        },
      });
      expect(returned).toBeUndefined();
      order.push('returned');
    });
    expect(order).toEqual(['returned', 'fail 103', 'complete']);
  });
});

describe('canIUse schemas', () => {
  const modern = createProfile({ app: 'gadget', platform: 'ios', client: '7.39.0' });
  it.each([
    ['compressImage', true],
    ['compressImage.object.src', true],
    ['compressImage.object.quality', true],
    ['compressImage.success.tempFilePath', true],
    ['compressImage.success.nope', false],
    ['compressImage.object.width', false],
    ['compressImage.object', false],
    ['chooseImage.object.sourceType.camera', true],
    ['chooseImage.object.sourceType.scanner', false],
    ['chooseImage.object.sizeType.compressed', true],
    ['FileSystemManager.readFile', true],
    ['FileSystemManager.readFile.object.encoding.base64', true],
    ['getSystemInfo.success.platform', true],
    ['getLocation', false],
    ['', false],
  ])('%s → %s', (schema, expected) => {
    expect(canIUse(schema, modern)).toBe(expected);
  });

  it('follows per-field support: chooseImage.object.sizeType from 3.38.0, cameraDevice never on PC', () => {
    expect(canIUse('chooseImage.object.sizeType', createProfile({ app: 'gadget', platform: 'android', client: '3.37.0' }))).toBe(false);
    expect(canIUse('chooseImage.object.sizeType', createProfile({ app: 'gadget', platform: 'android', client: '3.38.0' }))).toBe(true);
    expect(canIUse('chooseImage.object.cameraDevice', createProfile({ app: 'gadget', platform: 'pc', client: '7.39.0' }))).toBe(false);
  });

  it('answers false for an API on an app kind that lacks it (getSystemInfoSync in a web app)', () => {
    expect(canIUse('getSystemInfoSync', createProfile({ app: 'webapp', platform: 'ios', client: '7.39.0' }))).toBe(false);
    expect(canIUse('getSystemInfo', createProfile({ app: 'webapp', platform: 'ios', client: '7.39.0' }))).toBe(true);
  });
});

describe('the registry', () => {
  it('gives every entry a doc, a provenance with a source, and unique rule ids', () => {
    for (const spec of [...listApis()]) {
      expect(spec.doc.length, spec.name).toBeGreaterThan(10);
      for (const p of [spec.support.provenance, ...spec.behaviours.map((b) => b.provenance), ...spec.failures.map((f) => f.provenance)]) {
        expect(['documented', 'inferred', 'assumed']).toContain(p.kind);
        expect(p.source.length, spec.name).toBeGreaterThan(5);
      }
      expect(new Set(spec.behaviours.map((b) => b.id)).size).toBe(spec.behaviours.length);
    }
    expect(standardIoRules.length).toBeGreaterThan(3);
  });

  it('marks the compressImage matrix and its two format rules documented', () => {
    const spec = listApis().find((s) => s.name === 'compressImage')!;
    expect(spec.support.provenance.kind).toBe('documented');
    expect(spec.support.matrix).toEqual(documentedMatrix);
    const kinds = Object.fromEntries(spec.behaviours.map((b) => [b.id, b.provenance.kind]));
    expect(kinds['ios-always-jpeg']).toBe('documented');
    expect(kinds['non-jpeg-returned-as-is']).toBe('documented');
    expect(kinds['jpeg-recompressed']).toBe('documented');
  });

  it('is what the README\'s API table says (run `npm run docs` after changing it)', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const match = /<!-- api-table:start -->\n([\s\S]*?)\n<!-- api-table:end -->/.exec(readme);
    expect(match, 'README.md has no api-table markers').not.toBeNull();
    expect(match![1]).toBe(renderApiTableMarkdown());
  });
});

describe('Sync twins', () => {
  it('take their parameters in the order the Tt type declares', () => {
    const order = Object.fromEntries(listApis().filter((s) => s.positional).map((s) => [s.name, s.positional]));
    expect(order).toEqual({
      'FileSystemManager.readFileSync': ['filePath', 'encoding'],
      'FileSystemManager.writeFileSync': ['filePath', 'data', 'encoding'],
      'FileSystemManager.statSync': ['path'],
      'FileSystemManager.readdirSync': ['dirPath'],
      'FileSystemManager.unlinkSync': ['filePath'],
      'FileSystemManager.accessSync': ['path'],
      // Feishu's pages: appendFileSync(filePath, data, encoding), copyFileSync(srcPath, destPath), mkdirSync(dirPath, recursive),
      // rmdirSync(dirPath, recursive), renameSync(oldPath, newPath), saveFileSync(tempFilePath, filePath).
      'FileSystemManager.appendFileSync': ['filePath', 'data', 'encoding'],
      'FileSystemManager.copyFileSync': ['srcPath', 'destPath'],
      'FileSystemManager.mkdirSync': ['dirPath', 'recursive'],
      'FileSystemManager.rmdirSync': ['dirPath', 'recursive'],
      'FileSystemManager.renameSync': ['oldPath', 'newPath'],
      'FileSystemManager.saveFileSync': ['tempFilePath', 'filePath'],
      canIUse: ['schema'],
      setStorageSync: ['key', 'data'],
      getStorageSync: ['key'],
      removeStorageSync: ['key'],
    });
  });
});
