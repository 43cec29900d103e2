import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtures, tempDataDir, type Fixtures } from '../../emulator-api/test/fixtures.js';

const root = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);
let fx: Fixtures;
const dataDir = tempDataDir();

beforeAll(async () => {
  fx = await makeFixtures();
});

async function ttsim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return ttsimIn({}, ...args);
}

async function ttsimIn(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin/ttsim.js'), ...args], { cwd: root, env: { ...process.env, TTSIM_DATA_DIR: dataDir, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Facts {
  path: string;
  format: string | null;
  bytes: number;
  width: number | null;
  height: number | null;
  orientation?: number;
}

describe('ttsim compress', () => {
  it('--json on iOS: input and output format, bytes, size and ratio, the rules; the output outlives the session folder', async () => {
    const { code, stdout } = await ttsim('compress', fx.alphaPng, '--platform', 'ios', '--quality', '60', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { errMsg: string; tempFilePath: string; hostPath: string; input: Facts; output: Facts; ratio: number; rules: { id: string; provenance: string; source: string }[] };
    expect(result.errMsg).toBe('compressImage:ok');
    expect(result.tempFilePath).toMatch(/^ttfile:\/\/temp\/.+\.jpg$/);
    expect(result.hostPath.startsWith(path.join(dataDir, 'compress'))).toBe(true);
    expect(result.output.path).toBe(result.hostPath);
    const meta = await sharp(result.hostPath).metadata();
    expect(meta.format).toBe('jpeg');
    expect(result.input).toEqual({ path: fx.alphaPng, format: 'png', bytes: fs.statSync(fx.alphaPng).size, width: 64, height: 48, alpha: true });
    expect(result.output).toEqual({ path: result.hostPath, format: 'jpeg', bytes: fs.statSync(result.hostPath).size, width: meta.width, height: meta.height, alpha: false });
    expect([result.output.width, result.output.height]).toEqual([64, 48]);
    expect(result.ratio).toBeCloseTo(result.output.bytes / result.input.bytes, 3);
    expect(result.rules).toContainEqual(expect.objectContaining({ id: 'ios-always-jpeg', provenance: 'documented', source: expect.stringMatching(/compressImage/) }));
  });

  it('leaves no session folder behind; ttsim clean removes the outputs and folders of ended sessions', async () => {
    const own = tempDataDir();
    const env = { TTSIM_DATA_DIR: own };
    const left = path.join(own, 'sessions', 'left-by-an-old-version', 'temp');
    fs.mkdirSync(left, { recursive: true });
    fs.writeFileSync(path.join(left, 'a.jpg'), 'x');
    const { code, stdout } = await ttsimIn(env, 'compress', fx.photoJpeg, '--json');
    expect(code).toBe(0);
    const { hostPath } = JSON.parse(stdout) as { hostPath: string };
    expect(fs.readdirSync(path.join(own, 'sessions'))).toEqual(['left-by-an-old-version']);
    expect((await sharp(hostPath).metadata()).format).toBe('jpeg');
    const clean = await ttsimIn(env, 'clean', '--json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ dataDir: own, sessions: [path.dirname(left)], compressOutputs: [hostPath] });
    expect(fs.readdirSync(path.join(own, 'sessions'))).toEqual([]);
    expect(fs.existsSync(hostPath)).toBe(false);
    expect(fs.existsSync(path.join(own, 'apps')), 'the app stores stay').toBe(true);
    expect((await ttsimIn(env, 'clean')).stdout).toMatch(/removed 0 session folders \(0 B\) and 0 compress outputs/);
  });

  it('--json on a fail: errno, the input facts and the rule that decided, with its provenance', async () => {
    const { code, stdout } = await ttsim('compress', fx.photoJpeg, '--app', 'webapp', '--platform', 'pc', '--client', '3.46.0', '--json');
    expect(code).toBe(1);
    const result = JSON.parse(stdout) as { errno: number; input: Facts; output?: Facts; rules: { id: string; provenance: string; text: string }[] };
    expect(result.errno).toBe(103);
    expect(result.input).toMatchObject({ format: 'jpeg', width: 320, height: 240 });
    expect(result.output).toBeUndefined();
    expect(result.rules).toEqual([expect.objectContaining({ id: 'not-supported', provenance: 'documented', text: expect.stringMatching(/web app Android 3\.44\.0\+, iOS 3\.44\.0\+, PC 3\.47\.0\+/) })]);
  });

  it('a TIFF on Android comes back as a TIFF, 320×240, ratio 1', async () => {
    const tiff = path.join(dataDir, 'scan.tif');
    await sharp(Buffer.alloc(320 * 240 * 3, 90), { raw: { width: 320, height: 240, channels: 3 } }).tiff({ compression: 'none' }).toFile(tiff);
    const { code, stdout } = await ttsim('compress', tiff, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { tempFilePath: string; input: Facts; output: Facts; ratio: number; rules: { id: string }[] };
    expect(result.tempFilePath).toMatch(/\.tif$/);
    expect(result.output).toMatchObject({ format: 'tiff', width: 320, height: 240, bytes: fs.statSync(tiff).size });
    expect(result.ratio).toBe(1);
    expect(result.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['format-tiff', 'non-jpeg-returned-as-is']));
  });

  it('on Android returns the PNG unchanged; --out copies it', async () => {
    const out = path.join(dataDir, 'copy.png');
    const { code, stdout } = await ttsim('compress', fx.alphaPng, '--platform', 'android', '--out', out, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).hostPath).toBe(out);
    expect(fs.readFileSync(out).equals(fs.readFileSync(fx.alphaPng))).toBe(true);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await ttsim('compress', fx.photoJpeg, '--platform', 'pc', '--device', 'mac');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^compressImage:ok {3}\(gadget pc client 7\.39\.0, Mac\)/);
    expect(stdout).toMatch(/input {9}jpeg 320×240/);
    expect(stdout).toMatch(/rule {10}jpeg-recompressed: .*\[documented: /);
  });

  it('--strict is accepted (compress itself passes only src and quality, so nothing is refused)', async () => {
    // compress passes only src and quality, so no unknown key reaches the call: --strict is accepted and changes nothing.
    const { code, stdout } = await ttsim('compress', fx.photoJpeg, '--strict', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).warnings).toBeUndefined();
  });

  it('exits 1 with errno on a fail result', async () => {
    const unsupported = await ttsim('compress', fx.photoJpeg, '--app', 'webapp', '--platform', 'pc', '--client', '3.46.0', '--json');
    expect(unsupported.code).toBe(1);
    expect(JSON.parse(unsupported.stdout)).toMatchObject({ errno: 103 });
    const corrupt = await ttsim('compress', fx.truncatedJpeg, '--json');
    expect(corrupt.code).toBe(1);
    expect(JSON.parse(corrupt.stdout)).toMatchObject({ errno: 1300009 });
    const quality = await ttsim('compress', fx.photoJpeg, '--quality', '101');
    expect(quality.code).toBe(1);
    expect(quality.stdout).toMatch(/errno {9}104 \(invalid parameter\)/);
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [
      ['compress'],
      ['compress', fx.photoJpeg, '--platform', 'symbian'],
      ['compress', fx.photoJpeg, '--quality', 'high'],
      ['compress', fx.photoJpeg, '--client', 'latest'],
      ['compress', path.join(dataDir, 'no-such-file.jpg')],
      ['frobnicate'],
      ['support', 'noSuchApi'],
    ]) {
      const { code, stderr } = await ttsim(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});

describe('ttsim support and can-i-use', () => {
  it('prints the matrix with provenance', async () => {
    const all = await ttsim('support');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/compressImage\s+gadget\s+2\.0\.0\+\s+2\.0\.0\+\s+2\.0\.0\+\s+7\.35\.0\+\s+documented/);
    const one = await ttsim('support', 'compressImage');
    expect(one.stdout).toMatch(/ios-always-jpeg \(ios\) — iOS returns every decodable image as a compressed JPEG/);
    expect(one.stdout).toMatch(/\[assumed: /);
    const json = JSON.parse((await ttsim('support', 'compressImage', '--json')).stdout);
    expect(json.support.matrix.webapp.pc).toBe('3.47.0');
    expect(json.canIUse).toContain('compressImage.object.quality');
  });

  it.each([
    [['compressImage', '--app', 'webapp', '--platform', 'pc', '--client', '3.47.0'], 'true', /compressImage is supported for web apps on pc from client 3\.47\.0/],
    [['compressImage', '--app', 'webapp', '--platform', 'pc', '--client', '3.46.0'], 'false', /web apps on pc need 3\.47\.0 or later \[documented\]/],
    [['compressImage', '--platform', 'harmony', '--client', '7.34.0'], 'false', /gadgets on harmony need 7\.35\.0 or later/],
    [['compressImage.success.tempFilePath'], 'true', /tempFilePath is one of its result fields/],
    [['compresImage'], 'false', /unknown API "compresImage"; did you mean compressImage\?/],
    [['compressImage.object.qualty'], 'false', /compressImage has no parameter qualty \(did you mean quality\?\)/],
    [['getLocation'], 'false', /getLocation is a Feishu API that ttsim does not emulate/],
    [['FileSystemManager.mkdirSync', '--platform', 'pc'], 'false', /FileSystemManager\.mkdirSync is not supported for gadgets on pc/],
  ])('can-i-use %j → %s, says why, exits 0 on true and 1 on false', async (args, expected, why) => {
    const { code, stdout } = await ttsim('can-i-use', ...args);
    expect(code).toBe(expected === 'true' ? 0 : 1);
    const [answer, reason] = stdout.trim().split('\n');
    expect(answer).toBe(expected);
    expect(reason).toMatch(/^why: /);
    expect(reason).toMatch(why);
  });

  it('can-i-use --json: value, reason, the version floor and its provenance', async () => {
    const { code, stdout } = await ttsim('can-i-use', 'FileSystemManager.appendFile', '--platform', 'pc', '--client', '5.23.0', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      schema: 'FileSystemManager.appendFile',
      value: false,
      api: 'FileSystemManager.appendFile',
      since: '5.24.0',
      provenance: { kind: 'documented', source: expect.stringMatching(/appendFile/) },
      reason: 'FileSystemManager.appendFile is not supported on client 5.23.0: gadgets on pc need 5.24.0 or later',
      profile: 'gadget pc client 5.23.0',
    });
    const typo = JSON.parse((await ttsim('can-i-use', 'compresImage', '--json')).stdout);
    expect(typo).toMatchObject({ value: false, suggestions: ['compressImage'] });
  });

  it('support <typo> suggests the closest names, on stderr, exit 2', async () => {
    const typo = await ttsim('support', 'compresImage');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown API "compresImage"; did you mean compressImage\?/);
    expect(typo.stderr.length).toBeLessThan(300);
    const method = await ttsim('support', 'mkdir');
    expect(method.stderr).toMatch(/did you mean FileSystemManager\.mkdir\b/);
    const notEmulated = await ttsim('support', 'getLocation');
    expect(notEmulated.stderr).toMatch(/getLocation is a Feishu API that ttsim does not emulate/);
    expect((await ttsim('support', 'FileSystemManager.mkdir')).stdout).toMatch(/mkdir-recursive \(all\) — recursive \(default false\)/);
  });
});

describe('grammar', () => {
  it('a device of another platform: "an iOS device", "an Android device"', async () => {
    const ios = await ttsim('compress', fx.photoJpeg, '--device', 'iphone-15');
    expect(ios.code).toBe(2);
    expect(ios.stderr).toMatch(/device iphone-15 is an iOS device, but the profile's platform is Android \(android\)/);
    const android = await ttsim('compress', fx.photoJpeg, '--platform', 'pc', '--device', 'pixel-8');
    expect(android.stderr).toMatch(/device pixel-8 is an Android device, but the profile's platform is PC/);
  });
});

describe('ttsim dev', () => {
  it('starts the server on 127.0.0.1 with the bundled example and prints the simulator URL', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(root, 'bin/ttsim.js'), 'dev', '--platform', 'ios'], { cwd: root, env: { ...process.env, TTSIM_DATA_DIR: dataDir } });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+\/s\/\S+/.exec(text);
          if (match) resolve(match[0]);
        });
        child.on('exit', (code) => reject(new Error(`ttsim dev exited with ${code}: ${text}`)));
      });
      // The URL opens the devtools; the plain shell (device and log) is beside it.
      const devtools = await fetch(url);
      expect(devtools.status).toBe(200);
      expect(await devtools.text()).toMatch(/<title>ttsim devtools — compress-demo<\/title>[\s\S]*devtools\.js\?token=/);
      const shell = await fetch(url.replace('/?token=', '/plain?token='));
      expect(shell.status).toBe(200);
      const html = await shell.text();
      expect(html).toContain('sandbox="allow-scripts allow-forms"');
      expect(html).toContain('iPhone 15 · gadget · ios');
      const withoutToken = await fetch(url.replace(/\?token=.*/, ''));
      expect(withoutToken.status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });

  it('exits 2 with a clear message for a folder that is no gadget or web app', async () => {
    const { code, stderr } = await ttsim('dev', dataDir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is neither a Feishu gadget \(no app.json\) nor a web app \(no index.html\)/);
  });
});

describe('after npm ci, with no other step', () => {
  it('npx ttsim runs from the project root', async () => {
    const { stdout } = await run('npx', ['--no-install', 'ttsim', '--help'], { cwd: root });
    expect(stdout).toMatch(/Usage: ttsim/);
  });

  it("import('ttsim') resolves to the built package", async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "const m = await import('ttsim'); console.log(typeof m.createSession)"], { cwd: root });
    expect(stdout.trim()).toBe('function');
  });
});

describe('ttsim qa: usage errors say what to fix, before any browser starts', () => {
  it('a missing scenario, an unknown profile, a web-app profile without a web app, two gadgets', async () => {
    const scenario = 'examples/qa/compress.qa.ts';
    const cases: [string[], RegExp][] = [
      [['qa', 'examples/compress-demo', '--scenario', 'nope.qa.ts'], /no scenario at .*nope\.qa\.ts: --scenario takes a ttsim\/test file/],
      [['qa', 'examples/compress-demo', '--scenario', scenario, '--profiles', 'iphone@1'], /unknown platform "iphone".*e\.g\. ios@7\.35\.0/],
      [['qa', 'examples/compress-demo', '--scenario', scenario, '--profiles', 'webapp:pc@3.46.0'], /webapp:pc@3\.46\.0 is a web app profile, but no web-app folder \(index\.html\) was given/],
      [['qa', 'examples/compress-demo', 'examples/gadget-zoo', '--scenario', scenario], /two gadgets given/],
      [['qa', 'examples/compress-demo', '--scenario', scenario, '--workers', '0'], /expected a number of workers 1\.\.64/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await ttsim(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
  });
});
