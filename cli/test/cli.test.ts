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
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'bin/ttsim.js'), ...args], { cwd: root, env: { ...process.env, TTSIM_DATA_DIR: dataDir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ttsim compress', () => {
  it('--json on iOS: one JSON object, a JPEG at hostPath inside the data dir, exit 0', async () => {
    const { code, stdout } = await ttsim('compress', fx.alphaPng, '--platform', 'ios', '--quality', '60', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { errMsg: string; tempFilePath: string; hostPath: string; rules: { id: string; provenance: string }[] };
    expect(result.errMsg).toBe('compressImage:ok');
    expect(result.tempFilePath).toMatch(/^ttfile:\/\/temp\/.+\.jpg$/);
    expect(result.hostPath.startsWith(dataDir)).toBe(true);
    expect((await sharp(result.hostPath).metadata()).format).toBe('jpeg');
    expect(result.rules).toContainEqual(expect.objectContaining({ id: 'ios-always-jpeg', provenance: 'documented' }));
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
    [['compressImage', '--app', 'webapp', '--platform', 'pc', '--client', '3.47.0'], 'true'],
    [['compressImage', '--app', 'webapp', '--platform', 'pc', '--client', '3.46.0'], 'false'],
    [['compressImage', '--platform', 'harmony', '--client', '7.34.0'], 'false'],
    [['compressImage.success.tempFilePath'], 'true'],
  ])('can-i-use %j → %s', async (args, expected) => {
    const { code, stdout } = await ttsim('can-i-use', ...args);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(expected);
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
