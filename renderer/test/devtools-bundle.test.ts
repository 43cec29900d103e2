import { describe, expect, it } from 'vitest';
import { normaliseClientVersion } from '../../emulator-api/src/common/profiles.js';
import { webBundle } from '../../test/web-bundle.js';

describe('the devtools bundle', () => {
  it('carries no semver (the presets it imports compare versions without it)', async () => {
    const { inputs } = await webBundle('renderer/src/devtools/main.tsx');
    expect(inputs.some((file) => file.includes('renderer/src/devtools/Simulator.tsx'))).toBe(true);
    expect(inputs.filter((file) => /node_modules\/semver\//.test(file))).toEqual([]);
  }, 30_000);

  it('normalises client versions as before without semver', () => {
    expect(normaliseClientVersion('7.35.0')).toBe('7.35.0');
    expect(normaliseClientVersion(' v7.35 ')).toBe('7.35.0');
    expect(normaliseClientVersion('7')).toBe('7.0.0');
    expect(normaliseClientVersion('07.035.1')).toBe('7.35.1');
    for (const bad of ['latest', '', '7.35.0.1', '7.x', '7.35.0-beta', '-1.0.0', '12345678901234567.0.0']) {
      expect(() => normaliseClientVersion(bad), bad).toThrow(/invalid client version/);
    }
  });
});
