// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { devicePresets, safeAreaOf } from '../../emulator-api/src/common/profiles.js';

import type { DeviceFacts, SessionInfo } from '../src/devtools/protocol.js';
import { deviceFrame, devicePixels, pixelLabel, Simulator, statusStyle, statusTime } from '../src/devtools/Simulator.js';

import { FakeClient, session } from './fixtures.js';
import { silenceFrameLoadingWarnings } from './frame-warnings.js';
import { renderPanel } from './render-panel.js';

afterEach(cleanup);
silenceFrameLoadingWarnings();

const preset = (id: string): DeviceFacts => devicePresets.find((d) => d.id === id)!;

function show(device: DeviceFacts) {
  const withDevice: SessionInfo = { ...session, profile: { ...session.profile, platform: device.platform, device } };
  const store = renderPanel(<Simulator />, new FakeClient(), { session: withDevice });
  return store;
}

describe('simulator', () => {
  it('draws the status bar in the platform style', () => {
    const styles = { 'iphone-15': 'ios', 'pixel-8': 'android', 'mate-60': 'harmony' } as const;
    for (const [id, style] of Object.entries(styles)) {
      show(preset(id));
      const bar = document.querySelector('.status-bar') as HTMLElement;
      expect(bar.dataset.style).toBe(style);
      expect(bar.style.height).toBe(`${preset(id).statusBarHeight}px`);
      expect(bar.querySelector('.status-time')!.textContent).toMatch(/^\d{2}:\d{2}$/);
      // iPhone 15 has the Dynamic Island; the others a punch-hole camera
      expect(bar.querySelector(style === 'ios' ? '.island' : '.punch-hole')).toBeTruthy();
      expect(bar.querySelector('.battery')!.className).toContain(`battery-${style}`);
      cleanup();
    }
  });

  it('gives a PC a title bar (Windows buttons or Mac dots) and no phone status bar', () => {
    show(preset('windows-pc'));
    expect(document.querySelector('.status-bar')).toBeNull();
    expect(document.querySelector('.title-bar .win-buttons')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Safe area' })).toBeNull();
    cleanup();
    show(preset('mac'));
    expect(document.querySelector('.title-bar .dots')).toBeTruthy();
    expect(document.querySelector('.system-bar')).toBeNull();
  });

  it('shows the network policy in the status bar', () => {
    const store = show(preset('iphone-15'));
    expect(document.querySelector('.status-bar .wifi')).toBeTruthy();
    act(() => store.getState().network('offline'));
    expect(document.querySelector('.status-bar .airplane')).toBeTruthy();
    expect(document.querySelector('.status-bar .signal.off')).toBeTruthy();
    act(() => store.getState().network('slow'));
    expect(document.querySelector('.status-bar .net-type')!.textContent).toBe('3G');
  });

  it('draws the system area below the window and outlines the safe area getSystemInfo reports', () => {
    const device = preset('iphone-15');
    show(device);
    const system = document.querySelector('.system-bar') as HTMLElement;
    expect(system.style.height).toBe(`${device.screenHeight - device.statusBarHeight - device.windowHeight}px`);
    expect(system.querySelector('.home-indicator')).toBeTruthy();
    expect(document.querySelector('.safe-area')).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Safe area' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const overlay = document.querySelector('.safe-area') as HTMLElement;
    const area = safeAreaOf(device);
    expect(Number(overlay.dataset.top)).toBe(area.top);
    expect(Number(overlay.dataset.bottom)).toBe(area.bottom);
    expect((overlay.querySelector('.inset-top') as HTMLElement).style.height).toBe(`${area.top}px`);
    expect((overlay.querySelector('.safe-rect') as HTMLElement).style.top).toBe(`${area.top}px`);
    expect(overlay.textContent).toContain(`safeArea top ${area.top} · bottom ${area.bottom}`);
    cleanup();
    show(preset('pixel-8'));
    expect(document.querySelector('.system-bar .gesture-bar')).toBeTruthy();
  });

  it('labels the screen size and pixel ratio', () => {
    show(preset('iphone-15'));
    expect(screen.getByText('393×852 @3x')).toBeTruthy();
    expect(document.querySelector('.device-caption')!.textContent).toContain('1179×2556 px');
    expect(pixelLabel(preset('pixel-8'))).toBe('412×915 @2.625x');
    expect(devicePixels(preset('pixel-8'))).toBe('1082×2402 px');
    expect(pixelLabel(preset('windows-pc'))).toBe('400×700 @1x');
  });

  it('sizes every preset to its screen, and the clock to its language', () => {
    for (const device of devicePresets) {
      const frame = deviceFrame(device);
      if (device.deviceType === 'pc') expect(frame.height).toBe(device.windowHeight + 30 + 2);
      else expect(frame.height - 2 * frame.bezel).toBe(device.screenHeight);
    }
    expect(statusStyle(preset('mac'))).toBe('ios');
    const evening = new Date(2025, 0, 1, 21, 5);
    expect(statusTime(evening, 'zh_CN')).toBe('21:05');
    expect(statusTime(evening, 'en_US')).toBe('9:05');
  });
});
