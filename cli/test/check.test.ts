import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { componentList } from '../../emulator-api/src/common/components.js';
import { checkProject } from '../src/check/index.js';
import type { CheckReport, CheckedItem, Problem } from '../src/check/types.js';

const root = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

/** Writes a project (posix path → text) into a fresh temp folder and returns the folder. */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(process.env.TTSIM_TEST_ROOT ?? os.tmpdir(), 'check-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const gadget = (pageJs: string, extra: Record<string, string> = {}) =>
  project({ 'app.json': JSON.stringify({ pages: ['pages/a/a'] }), 'pages/a/a.js': pageJs, 'pages/a/a.ttml': '<view/>', ...extra });

const api = (report: CheckReport, name: string): CheckedItem => {
  const item = report.apis.find((a) => a.name === name);
  if (!item) throw new Error(`${name} not found; found ${report.apis.map((a) => a.name).join(', ')}`);
  return item;
};
const problemsOf = (report: CheckReport, kind: Problem['kind']) => report.problems.filter((p) => p.kind === kind);

async function ttsim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin/ttsim.js'), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('checkProject: finding tt.* uses in JavaScript', () => {
  it('follows aliases, destructuring, computed members and FileSystemManager objects; ignores strings, comments and a shadowing tt', () => {
    const dir = gadget(
      [
        'const t = tt;',
        'const { compressImage, getImageInfo: info } = t;',
        'const fs = tt.getFileSystemManager();',
        'const { readFile } = tt.getFileSystemManager();',
        'function shadowed(tt) { tt.notTheClient(); }',
        'Page({',
        '  onLoad() {',
        "    t.chooseImage({});",
        "    tt['saveFile']({});",
        '    tt[`showToast`]({});',
        "    compressImage({ src: 'a' });",
        "    info({ src: 'a' });",
        "    fs.writeFile({ filePath: 'a', data: 'b' });",
        "    readFile({ filePath: 'a' });",
        '    const name = "hideToast";',
        '    tt[name]();',
        '    const text = "tt.inAString()"; // tt.inAComment()',
        '  },',
        '});',
      ].join('\n'),
    );
    const report = checkProject(dir, {});
    expect(report.apis.map((a) => a.name).sort()).toEqual(
      ['FileSystemManager.readFile', 'FileSystemManager.writeFile', 'chooseImage', 'compressImage', 'getFileSystemManager', 'getImageInfo', 'saveFile', 'showToast'].sort(),
    );
    expect(api(report, 'chooseImage').uses).toEqual([{ file: 'pages/a/a.js', line: 8, column: 7, guardedBy: null }]);
    expect(api(report, 'compressImage').uses[0]).toMatchObject({ line: 11, column: 5 });
    expect(api(report, 'getImageInfo').uses[0]).toMatchObject({ line: 12, column: 5 });
    expect(api(report, 'FileSystemManager.readFile').uses[0]).toMatchObject({ line: 14, column: 5 });
    expect(api(report, 'getFileSystemManager').uses.map((u) => u.line)).toEqual([3, 4]);
    expect(report.notes).toEqual([{ file: 'pages/a/a.js', line: 16, column: 8, message: 'tt[…] with a computed name is not checked' }]);
    expect(report.ok).toBe(true);
  });

  it('marks uses behind canIUse, presence checks and try/catch as guarded, and only when the check is about that API', () => {
    const dir = gadget(
      [
        "if (tt.canIUse('FileSystemManager.readFileSync')) tt.getFileSystemManager().readFileSync('a');",
        "tt.canIUse('getSystemInfoSync') && tt.getSystemInfoSync();",
        'function early() {',
        "  if (!tt.canIUse('FileSystemManager.writeFileSync')) return;",
        "  tt.getFileSystemManager().writeFileSync('a', 'b');",
        '}',
        "try { tt.getFileSystemManager().statSync('a'); } catch (e) {}",
        "try { setTimeout(() => tt.getFileSystemManager().unlinkSync('a')); } catch (e) {}",
        "if (tt.canIUse('FileSystemManager.access')) tt.getFileSystemManager().accessSync('a');",
        "if (typeof tt.getFileSystemManager().readdirSync === 'function') tt.getFileSystemManager().readdirSync('a');",
      ].join('\n'),
    );
    const report = checkProject(dir, {});
    expect(api(report, 'FileSystemManager.readFileSync').uses[0]!.guardedBy).toEqual({ kind: 'canIUse', name: 'FileSystemManager.readFileSync', line: 1, column: 5 });
    expect(api(report, 'getSystemInfoSync').guarded).toBe(true);
    expect(api(report, 'FileSystemManager.writeFileSync').uses[0]!.guardedBy).toMatchObject({ kind: 'canIUse', line: 4 });
    expect(api(report, 'FileSystemManager.statSync').uses[0]!.guardedBy).toEqual({ kind: 'try', line: 7, column: 1 });
    expect(api(report, 'FileSystemManager.readdirSync').uses.every((u) => u.guardedBy?.kind === 'presence')).toBe(true);
    // A callback runs outside the try; canIUse('…access') says nothing about accessSync.
    expect(api(report, 'FileSystemManager.unlinkSync').guarded).toBe(false);
    expect(api(report, 'FileSystemManager.accessSync').guarded).toBe(false);
    expect(problemsOf(report, 'unsupported')).toEqual([
      { kind: 'unsupported', item: 'api', name: 'FileSystemManager.accessSync', platforms: ['pc'], uses: [{ file: 'pages/a/a.js', line: 9, column: 71 }] },
      { kind: 'unsupported', item: 'api', name: 'FileSystemManager.unlinkSync', platforms: ['pc'], uses: [{ file: 'pages/a/a.js', line: 8, column: 50 }] },
    ]);
    expect(report.ok).toBe(false);
    // Guarded uses count for the every-feature floor only.
    expect(report.versionFloor.pc).toEqual({ version: null, blockedBy: ['FileSystemManager.accessSync', 'FileSystemManager.unlinkSync'] });
    expect(report.everyFeatureFloor.pc!.blockedBy).toContain('FileSystemManager.readFileSync');
    const phones = checkProject(dir, { platforms: ['android', 'ios'] });
    expect(phones.ok).toBe(true);
    expect(phones.versionFloor).toEqual({ android: { version: '5.23.0', blockedBy: [] }, ios: { version: '5.23.0', blockedBy: [] } });
  });

  it('names unknown APIs with the nearest known name, lists not-emulated ones without failing on them', () => {
    const dir = gadget(
      [
        "tt.compresImage({ src: 'a' });",
        "tt.getLocation({});",
        "if (tt.canIUse('chooseImages')) tt.chooseImage({});",
        'const fs = tt.getFileSystemManager();',
        "fs.readFiel({ filePath: 'a' });",
        "fs.mkdir({ dirPath: 'ttfile://user/d' });",
        'tt.frobnicate();',
        "const saved = `${tt.env.USER_DATA_PATH}/d`;",
      ].join('\n'),
    );
    const report = checkProject(dir, {});
    expect(api(report, 'compresImage')).toMatchObject({ status: 'unknown', suggestion: 'compressImage', matrix: null });
    expect(api(report, 'FileSystemManager.readFiel')).toMatchObject({ status: 'unknown', suggestion: 'FileSystemManager.readFile' });
    expect(api(report, 'frobnicate')).toMatchObject({ status: 'unknown', suggestion: null });
    // tt.env holds data, not an API.
    expect(report.apis.map((a) => a.name)).not.toContain('env');
    expect(api(report, 'getLocation')).toMatchObject({ status: 'not-emulated', matrix: null, provenance: { kind: 'assumed' } });
    // Every method of Feishu's FileSystemManager is in the registry now (mkdir was not-emulated before).
    expect(api(report, 'FileSystemManager.mkdir')).toMatchObject({ status: 'known', emulated: true, provenance: { kind: 'documented' } });
    expect(problemsOf(report, 'unknown').map((p) => p.kind === 'unknown' && [p.name, p.suggestion])).toEqual([
      ['compresImage', 'compressImage'],
      ['FileSystemManager.readFiel', 'FileSystemManager.readFile'],
      ['frobnicate', null],
    ]);
    expect(problemsOf(report, 'unknown-feature-check')).toEqual([
      { kind: 'unknown-feature-check', schema: 'chooseImages', suggestion: 'chooseImage', uses: [{ file: 'pages/a/a.js', line: 3, column: 16 }] },
    ]);
    // canIUse('chooseImages') does not guard chooseImage.
    expect(api(report, 'chooseImage').guarded).toBe(false);
    expect(report.problems.some((p) => p.kind !== 'parse-error' && 'name' in p && (p.name === 'getLocation' || p.name === 'FileSystemManager.mkdir'))).toBe(false);
  });

  it('reports a file that does not parse, and parses sloppy-mode scripts', () => {
    const dir = gadget('with (Math) { tt.showToast({ title: String(PI) }); }', { 'utils/broken.js': 'const a = ;\n' });
    const report = checkProject(dir, {});
    expect(api(report, 'showToast').uses[0]).toMatchObject({ file: 'pages/a/a.js', line: 1, column: 18 });
    expect(problemsOf(report, 'parse-error')).toEqual([{ kind: 'parse-error', file: 'utils/broken.js', line: 1, column: 11, message: 'Unexpected token' }]);
  });
});

describe('checkProject: <canvas type="2d">', () => {
  it('is noted where it is used: ttsim draws it as a plain canvas (the simulator warns too)', () => {
    const dir = gadget('Page({});', { 'pages/a/a.ttml': '<view>\n  <canvas type="2d" id="c"/>\n  <canvas canvas-id="old"/>\n</view>' });
    const report = checkProject(dir, {});
    expect(report.notes).toEqual([{ file: 'pages/a/a.ttml', line: 2, column: 3, message: expect.stringMatching(/^<canvas type="2d"> is not emulated by ttsim yet .* draws as a plain canvas through tt\.createCanvasContext/) }]);
    expect(report.components.find((c) => c.name === 'canvas')).toMatchObject({ status: 'known', emulated: true });
  });
});

describe('checkProject: components', () => {
  /** A tag the component registry has but ttsim does not draw yet (the registry decides which). */
  const undrawn = componentList.find((c) => !c.drawn)?.tag ?? 'view';
  const ttml = [
    '<import src="../../t.ttml"/>',
    '<view>',
    '  <slider value="{{a < b ? 1 : 2}}"/>',
    '  <my-card title="x"/>',
    '  <page-only/>',
    `  <block tt:if="{{ok}}"><${undrawn}/></block>`,
    '  <viw/>',
    '  <template is="t"/>',
    '</view>',
  ].join('\n');

  it('checks built-in tags, lists custom ones from usingComponents, skips template tags', () => {
    const dir = project({
      'app.json': JSON.stringify({ pages: ['pages/a/a'], usingComponents: { 'my-card': '/components/card/card' } }),
      'pages/a/a.js': 'Page({});',
      'pages/a/a.json': JSON.stringify({ usingComponents: { 'page-only': '../../components/p/p' } }),
      'pages/a/a.ttml': ttml,
    });
    const report = checkProject(dir, {});
    expect(report.components.map((c) => [c.name, c.status]).sort()).toEqual([...new Set(['slider', undrawn, 'view'])].map((tag) => [tag, 'known']).concat([['viw', 'unknown']]).sort());
    expect(report.components.find((c) => c.name === 'viw')).toMatchObject({ suggestion: 'view', emulated: false, matrix: null });
    expect(report.components.find((c) => c.name === 'slider')!.emulated).toBe(true);
    expect(report.components.find((c) => c.name === undrawn)!.emulated).toBe(componentList.find((c) => c.tag === undrawn)!.drawn);
    expect(report.components.find((c) => c.name === 'slider')!.uses).toEqual([{ file: 'pages/a/a.ttml', line: 3, column: 3, guardedBy: null }]);
    expect(report.customComponents).toEqual([
      { tag: 'my-card', path: '/components/card/card', declaredIn: ['app.json'], uses: [{ file: 'pages/a/a.ttml', line: 4, column: 3 }] },
      { tag: 'page-only', path: '../../components/p/p', declaredIn: ['pages/a/a.json'], uses: [{ file: 'pages/a/a.ttml', line: 5, column: 3 }] },
    ]);
    expect(report.problems).toEqual([{ kind: 'unknown', item: 'component', name: 'viw', suggestion: 'view', uses: [{ file: 'pages/a/a.ttml', line: 7, column: 3 }] }]);
  });

  it('gives the Harmony floor that components bring, and fails them against the web-app matrix', () => {
    const dir = project({ 'app.json': JSON.stringify({ pages: ['pages/a/a'] }), 'pages/a/a.js': 'Page({});', 'pages/a/a.ttml': '<view><slider/></view>' });
    const report = checkProject(dir, {});
    expect(report.ok).toBe(true);
    expect(report.components.find((c) => c.name === 'slider')!.support).toEqual({ android: '1.0.0', ios: '1.0.0', pc: '1.0.0', harmony: '7.35.0' });
    expect(report.versionFloor).toEqual({
      android: { version: '1.0.0', blockedBy: [] },
      ios: { version: '1.0.0', blockedBy: [] },
      pc: { version: '1.0.0', blockedBy: [] },
      harmony: { version: '7.35.0', blockedBy: [] },
    });
    const asWebApp = checkProject(dir, { app: 'webapp', platforms: ['harmony'] });
    expect(asWebApp.ok).toBe(false);
    expect(problemsOf(asWebApp, 'unsupported').map((p) => p.kind === 'unsupported' && [p.name, p.platforms])).toEqual([
      ['slider', ['harmony']],
      ['view', ['harmony']],
    ]);
  });
});

describe('checkProject: web apps', () => {
  it('scans inline scripts, local script files and the modules they import, at the HTML position', () => {
    const dir = project({
      'index.html': [
        '<!doctype html>',
        '<html><head>',
        '<script src="https://cdn.example.com/lib.js"></script>',
        '<script type="module" src="./main.js?v=2"></script>',
        '<script src="missing.js"></script>',
        '<script type="text/template">tt.notRun()</script>',
        '</head><body>',
        '<script>',
        "  window.h5sdk.config({ appId: 'a' });",
        '  h5sdk.ready(function () { if (a < b) tt.chooseImage({ count: 1 }); });',
        '</script>',
        '</body></html>',
      ].join('\n'),
      'main.js': "import { go } from './lib/util.js';\ngo();\n",
      'lib/util.js': 'export function go() {\n  window.tt.compressImage({ src: "a" });\n}\n',
      'other.js': 'tt.getLocation({}); // not loaded by any page\n',
    });
    const report = checkProject(dir, {});
    expect(report.project.kind).toBe('webapp');
    expect(report.target.app).toBe('webapp');
    expect(report.files).toEqual(['index.html', 'main.js', 'lib/util.js']);
    expect(api(report, 'chooseImage').uses).toEqual([{ file: 'index.html', line: 10, column: 43, guardedBy: null }]);
    expect(api(report, 'compressImage').uses).toEqual([{ file: 'lib/util.js', line: 2, column: 13, guardedBy: null }]);
    // h5sdk.config has a registry entry and is checked; other h5sdk members are listed.
    expect(report.apis.map((a) => a.name).sort()).toEqual(['chooseImage', 'compressImage', 'h5sdk.config']);
    expect(api(report, 'h5sdk.config')).toMatchObject({ status: 'known', uses: [{ file: 'index.html', line: 9, column: 16 }] });
    expect(report.h5sdk).toEqual([{ name: 'ready', uses: [{ file: 'index.html', line: 10, column: 9 }] }]);
    expect(report.notes).toEqual([{ file: 'index.html', line: 5, column: 1, message: '<script src="missing.js"> is not a file inside the project: not scanned' }]);
    expect(report.versionFloor.pc).toEqual({ version: '3.47.0', blockedBy: [] });
  });
});

describe('ttsim check (the built CLI)', () => {
  const examples = fs
    .readdirSync(path.join(root, 'examples'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && ['app.json', 'index.html'].some((f) => fs.existsSync(path.join(root, 'examples', e.name, f))))
    .map((e) => e.name);

  it('finds the examples', () => {
    expect(examples).toEqual(expect.arrayContaining(['compress-demo', 'webapp-demo']));
  });

  it.each(examples)('examples/%s: exit 0 and the APIs it uses', async (name) => {
    const { code, stdout } = await ttsim('check', `examples/${name}`, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.ok).toBe(true);
    const names = report.apis.map((a) => a.name);
    const expected: Record<string, string[]> = {
      'gadget-zoo': ['request', 'downloadFile', 'getFileInfo', 'setStorageSync', 'getStorage', 'createCanvasContext', 'canvasToTempFilePath', 'previewImage', 'saveFile', 'showModal', 'stopPullDownRefresh'],
    };
    expect(names).toEqual(expect.arrayContaining(expected[name] ?? ['compressImage', 'chooseImage', 'canIUse', 'getImageInfo', 'getSystemInfo', 'FileSystemManager.statSync']));
    if (name === 'compress-demo') expect(report.components.map((c) => c.name)).toEqual(['button', 'image', 'slider', 'text', 'view']);
    if (name === 'gadget-zoo') {
      expect(report.components.map((c) => c.name)).toEqual(expect.arrayContaining(['canvas', 'form', 'picker', 'checkbox-group', 'switch']));
      expect(report.apis.find((a) => a.name === 'stopPullDownRefresh')?.guarded).toBe(true);
    }
  });

  it('--json prints the documented shape (schemaVersion 1)', async () => {
    const { code, stdout } = await ttsim('check', 'examples/compress-demo', '--json', '--platforms', 'ios,harmony');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as CheckReport;
    expect(Object.keys(report)).toEqual([
      'schemaVersion', 'project', 'target', 'files', 'ok', 'problems', 'versionFloor', 'everyFeatureFloor',
      'apis', 'components', 'customComponents', 'featureChecks', 'h5sdk', 'notes',
    ]);
    expect(report.schemaVersion).toBe(1);
    expect(report.project).toMatchObject({ kind: 'gadget', name: 'compress-demo' });
    expect(report.target).toEqual({ app: 'gadget', platforms: ['ios', 'harmony'] });
    expect(report.versionFloor).toEqual({ ios: { version: '2.4.0', blockedBy: [] }, harmony: { version: '7.35.0', blockedBy: [] } });
    const compress = report.apis.find((a) => a.name === 'compressImage')!;
    expect(compress).toMatchObject({ status: 'known', support: { ios: '2.0.0', harmony: '7.35.0' }, unsupportedOn: [], provenance: { kind: 'documented' }, guarded: false });
    expect(compress.matrix!.webapp.pc).toBe('3.47.0');
    expect(report.featureChecks.map((c) => [c.schema, c.subject, c.status])).toEqual([
      ['compressImage', 'compressImage', 'known'],
      ['FileSystemManager.stat', 'FileSystemManager.stat', 'known'],
    ]);
  });

  it('prints problems first, then the version floor, then the lists; exit 1 on a problem', async () => {
    const dir = gadget("tt.compresImage({});\ntt.getFileSystemManager().readFileSync('a');\n");
    const { code, stdout } = await ttsim('check', dir);
    expect(code).toBe(1);
    const problems = stdout.indexOf('✗ 2 problems');
    const floor = stdout.indexOf('lowest client version');
    const list = stdout.indexOf('APIs (gadget)');
    expect(problems).toBeGreaterThan(0);
    expect(floor).toBeGreaterThan(problems);
    expect(list).toBeGreaterThan(floor);
    expect(stdout).toMatch(/FileSystemManager\.readFileSync +no support on pc \(gadget\) +pages\/a\/a\.js:2:27/);
    expect(stdout).toMatch(/tt\.compresImage +unknown API: did you mean compressImage\? +pages\/a\/a\.js:1:4/);
    expect(stdout).toMatch(/pc ✗ \(FileSystemManager\.readFileSync\)/);
    expect((await ttsim('check', dir, '--platforms', 'android')).code).toBe(1);
  });

  it('exits 0 when what is missing is on a platform not targeted, and checks --app', async () => {
    const dir = gadget("tt.getFileSystemManager().readFileSync('a');\n");
    expect((await ttsim('check', dir, '--platforms', 'android,ios,harmony')).code).toBe(0);
    expect((await ttsim('check', dir, '--platforms', 'android', '--app', 'webapp')).code).toBe(1);
  });

  it('exits 2 with a clear message on usage errors', async () => {
    const missing = await ttsim('check', path.join(os.tmpdir(), 'no-such-ttsim-project'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/project folder not found/);
    const neither = await ttsim('check', project({ 'readme.txt': 'hello' }));
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/is neither a Feishu gadget \(no app.json\) nor a web app \(no index.html\)/);
    const platforms = await ttsim('check', 'examples/compress-demo', '--platforms', 'android,symbian');
    expect(platforms.code).toBe(2);
    expect(platforms.stderr).toMatch(/expected a comma-separated list of android, ios, pc, harmony/);
    expect((await ttsim('check', 'examples/compress-demo', '--app', 'desktop')).code).toBe(2);
    expect((await ttsim('check')).code).toBe(2);
  });
});
