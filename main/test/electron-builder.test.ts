import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findElectron } from '../src/node/electron-binary.js';

const root = new URL('../../', import.meta.url).pathname;
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  extraMetadata: { main: string };
  files: string[];
  asarUnpack: string[];
  directories: { output: string };
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('starts the Electron main process that the build emits', () => {
    // The test command builds before it runs the tests.
    expect(config.extraMetadata.main).toBe('dist/main/src/electron-main/index.js');
    expect(fs.existsSync(path.join(root, config.extraMetadata.main))).toBe(true);
    expect(pkg.scripts.electron).toContain('scripts/electron.mjs');
    expect(fs.readFileSync(path.join(root, 'scripts/electron.mjs'), 'utf8')).toContain(config.extraMetadata.main);
    // The sandboxed preload is CommonJS (preload.cjs) and the devtools' styles are CSS: both must be packed.
    expect(fs.existsSync(path.join(root, 'dist/main/src/electron-main/preload.cjs'))).toBe(true);
  });

  it('packs the built JavaScript and package.json, and not the Electron npm package', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**/*.js', 'dist/**/*.cjs', 'dist/web/*.css', 'examples/**', '!**/node_modules/electron/**']));
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.directories.output).toBe('release');
  });

  it('keeps sharp\'s native parts outside the asar archive', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/sharp/**', '**/node_modules/@img/**']));
    expect(pkg.dependencies.sharp).toBeDefined();
  });

  it('has Electron as a dev dependency only (its binary is fetched by `npx install-electron`)', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\^?\d+/);
    expect(pkg.dependencies.electron).toBeUndefined();
  });

  it('has targets for Linux, macOS and Windows', () => {
    for (const platform of ['linux', 'mac', 'win']) expect(config[platform], platform).toHaveProperty('target');
  });
});

describe('findElectron', () => {
  it('reports whether the Electron binary is present, with a way forward when it is not', () => {
    const found = findElectron();
    if (found.available) expect(fs.existsSync(found.binary)).toBe(true);
    else expect(found.reason).toMatch(/install-electron/);
  });
});
