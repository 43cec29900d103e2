/**
 * The simulated device, drawn from the profile: a phone is its screen (screenWidth × screenHeight) in a dark
 * frame — the status bar in the platform's style (iOS, Android, HarmonyOS: time, signal, Wi-Fi as the network
 * policy says, battery, the camera cut-out), the guest window (windowWidth × windowHeight) in its sandboxed
 * frame (the automation SDK finds it by its /g/ URL), and the system area below it (the home indicator or the
 * gesture bar); a PC is a window with its title bar. The safe area getSystemInfo reports can be outlined, and
 * the caption says the sizes and the pixel ratio. Everything is scaled by the zoom.
 */
import { useEffect, useState } from 'react';
import { safeAreaOf } from '../../../emulator-api/src/common/profiles.js';
import type { DeviceFacts, NetworkPolicy } from './protocol.js';
import { clampZoom, useDevtools, useDevtoolsStore } from './store.js';

export type StatusStyle = 'ios' | 'android' | 'harmony';

export interface FrameGeometry {
  readonly pc: boolean;
  /** The dark edge around the screen. */
  readonly bezel: number;
  /** The status bar strip above the guest (phones), or the window's title bar (PC). */
  readonly topBar: number;
  /** The system area below the guest window (home indicator, gesture bar): the screen's rest, 0 on a PC. */
  readonly bottomBar: number;
  readonly radius: number;
  /** The whole frame, unscaled. */
  readonly width: number;
  readonly height: number;
}

/** The system area below the window is drawn at most this high (a custom device may leave a lot of screen). */
export const BOTTOM_BAR_MAX = 96;

/** The frame around a device's window (windowWidth × windowHeight is the guest frame's size). */
export function deviceFrame(device: DeviceFacts): FrameGeometry {
  const pc = device.deviceType === 'pc';
  const bezel = pc ? 1 : 12;
  const topBar = pc ? 30 : Math.max(20, device.statusBarHeight);
  const bottomBar = pc ? 0 : Math.min(BOTTOM_BAR_MAX, Math.max(0, device.screenHeight - topBar - device.windowHeight));
  return { pc, bezel, topBar, bottomBar, radius: pc ? 10 : 44, width: device.windowWidth + bezel * 2, height: device.windowHeight + topBar + bottomBar + bezel * 2 };
}

/** What the pane draws besides the device, top to bottom: the pixel label above it and the caption below. */
export const SIM_TEXT_PX = 22 + 28;

/** The zoom (percent, 50–200) at which the framed device fits a pane of this size (with its padding, label and caption). */
export function fitZoom(frame: Pick<FrameGeometry, 'width' | 'height'>, paneWidth: number, paneHeight: number): number {
  const scale = Math.min((paneWidth - 48) / frame.width, (paneHeight - 48 - SIM_TEXT_PX) / frame.height);
  return clampZoom(Math.floor(scale * 100));
}

/** The status bar's look: the platform's (a PC has none: it gets a title bar). */
export function statusStyle(device: DeviceFacts): StatusStyle {
  return device.platform === 'android' ? 'android' : device.platform === 'harmony' ? 'harmony' : 'ios';
}

/** The status bar's clock: 24-hour for a Chinese-language device (the presets), 12-hour without AM/PM otherwise. */
export function statusTime(date: Date, language: string): string {
  const minutes = String(date.getMinutes()).padStart(2, '0');
  if (/^zh/i.test(language)) return `${String(date.getHours()).padStart(2, '0')}:${minutes}`;
  return `${date.getHours() % 12 || 12}:${minutes}`;
}

/** The battery the status bar shows: tt.getBatteryInfo is not emulated, so a full one, not charging. */
export const STATUS_BATTERY = 100;

/** "393×852 @3x" — the screen in points and the pixel ratio (a PC: its window). */
export function pixelLabel(device: DeviceFacts): string {
  const pc = device.deviceType === 'pc';
  return `${pc ? device.windowWidth : device.screenWidth}×${pc ? device.windowHeight : device.screenHeight} @${device.pixelRatio}x`;
}

/** The device pixels of that size (393×852 @3x → 1179×2556). */
export function devicePixels(device: DeviceFacts): string {
  const pc = device.deviceType === 'pc';
  const w = pc ? device.windowWidth : device.screenWidth;
  const h = pc ? device.windowHeight : device.screenHeight;
  return `${Math.round(w * device.pixelRatio)}×${Math.round(h * device.pixelRatio)} px`;
}

/** The time now, again at each new minute. */
function useClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const date = new Date();
      setNow(date);
      timer = setTimeout(tick, 60_000 - (date.getSeconds() * 1000 + date.getMilliseconds()) + 50);
    };
    timer = setTimeout(tick, 60_000 - (now.getSeconds() * 1000 + now.getMilliseconds()) + 50);
    return () => clearTimeout(timer);
    // Starts once: tick reschedules itself.
  }, []);
  return now;
}

function Signal({ off }: { readonly off: boolean }) {
  return (
    <span className={`signal${off ? ' off' : ''}`}>
      <i />
      <i />
      <i />
      <i />
    </span>
  );
}

/** Wi-Fi when online, "3G" when the policy is slow, an aeroplane when offline. */
function NetworkIcon({ network }: { readonly network: NetworkPolicy | undefined }) {
  if (network === 'offline') return <span className="airplane">✈</span>;
  if (network === 'slow') return <span className="net-type">3G</span>;
  return (
    <span className="wifi">
      <i />
      <i />
      <i />
    </span>
  );
}

function Battery({ style }: { readonly style: StatusStyle }) {
  return (
    <span className={`battery battery-${style}`}>
      {style === 'android' && <span className="battery-text">{STATUS_BATTERY}%</span>}
      <span className="battery-body">
        <i style={{ width: `${STATUS_BATTERY}%` }} />
        {style === 'harmony' && <span className="battery-in">{STATUS_BATTERY}</span>}
      </span>
    </span>
  );
}

export function StatusBar({ height, device, network }: { readonly height: number; readonly device: DeviceFacts; readonly network: NetworkPolicy | undefined }) {
  const style = statusStyle(device);
  const time = statusTime(useClock(), device.language);
  const offline = network === 'offline';
  return (
    <div className={`status-bar status-${style}`} style={{ height }} data-style={style} aria-hidden="true">
      <span className="status-time">{time}</span>
      {style === 'ios' ? height >= 44 ? <span className="island" /> : <span className="notch" /> : <span className="punch-hole" />}
      <span className="status-icons">
        {style === 'ios' ? (
          <>
            <Signal off={offline} />
            <NetworkIcon network={network} />
          </>
        ) : (
          <>
            <NetworkIcon network={network} />
            <Signal off={offline} />
          </>
        )}
        <Battery style={style} />
      </span>
    </div>
  );
}

/** The system area under the window (exported for other device frames, e.g. live compare): the home indicator (iOS) or the gesture bar (Android, HarmonyOS). */
export function BottomBar({ height, style }: { readonly height: number; readonly style: StatusStyle }) {
  return (
    <div className={`system-bar system-${style}`} style={{ height }} aria-hidden="true">
      <i className={style === 'ios' ? 'home-indicator' : 'gesture-bar'} />
    </div>
  );
}

function TitleBar({ height, title, windows }: { readonly height: number; readonly title: string; readonly windows: boolean }) {
  return (
    <div className={`title-bar${windows ? ' title-windows' : ''}`} style={{ height }} aria-hidden="true">
      {!windows && (
        <span className="dots">
          <i />
          <i />
          <i />
        </span>
      )}
      <span className="title-text">{title}</span>
      {windows && <span className="win-buttons">─ ▢ ✕</span>}
    </div>
  );
}

/** The safe area getSystemInfo reports, outlined on the screen, with the insets outside it shaded. */
function SafeAreaOverlay({ device, frame }: { readonly device: DeviceFacts; readonly frame: FrameGeometry }) {
  const area = safeAreaOf(device);
  const screenHeight = frame.topBar + device.windowHeight + frame.bottomBar;
  const bottomInset = Math.max(0, screenHeight - area.bottom);
  return (
    <div className="safe-area" aria-hidden="true" data-top={area.top} data-bottom={area.bottom}>
      {area.top > 0 && <div className="inset inset-top" style={{ height: area.top }} />}
      {bottomInset > 0 && <div className="inset inset-bottom" style={{ height: bottomInset }} />}
      <div className="safe-rect" style={{ top: area.top, left: area.left, width: area.width, height: Math.min(area.height, screenHeight - area.top) }}>
        <span className="safe-label">
          safeArea top {area.top} · bottom {area.bottom}
        </span>
      </div>
    </div>
  );
}

export function Simulator() {
  const store = useDevtoolsStore();
  const session = useDevtools((s) => s.connection.session);
  const network = useDevtools((s) => s.connection.network);
  const zoom = useDevtools((s) => s.ui.zoom);
  const reloadKey = useDevtools((s) => s.ui.reloadKey);
  const status = useDevtools((s) => s.connection.status);
  const showSafeArea = useDevtools((s) => s.ui.showSafeArea ?? false);
  if (!session) {
    return (
      <div className="sim-pane">
        <p className="hint centered">{status === 'connecting' || status === 'open' ? 'Connecting to the ttsim host…' : 'Not connected.'}</p>
      </div>
    );
  }
  const { device } = session.profile;
  const frame = deviceFrame(device);
  const style = statusStyle(device);
  const scale = zoom / 100;
  return (
    <div className="sim-pane">
      <p className="device-pixels" title={`${device.label}: ${devicePixels(device)}`}>
        {pixelLabel(device)}
      </p>
      <div className="device-box" style={{ width: frame.width * scale, height: frame.height * scale }}>
        <div
          className={`device ${frame.pc ? 'device-pc' : 'device-phone'}`}
          data-device={device.id}
          style={{
            width: frame.width,
            height: frame.height,
            padding: frame.bezel,
            borderRadius: frame.radius,
            transform: scale === 1 ? undefined : `scale(${scale})`,
          }}
        >
          <div className="screen" style={{ borderRadius: frame.pc ? 9 : frame.radius - frame.bezel }}>
            {frame.pc ? (
              <TitleBar height={frame.topBar} title={session.project.name} windows={device.systemPlatform === 'windows_nt'} />
            ) : (
              <StatusBar height={frame.topBar} device={device} network={network} />
            )}
            <iframe
              key={reloadKey}
              className="guest"
              title={`Simulated ${device.label}: ${session.project.name}`}
              sandbox="allow-scripts allow-forms"
              src={session.guestUrl}
              width={device.windowWidth}
              height={device.windowHeight}
              style={{ width: device.windowWidth, height: device.windowHeight }}
            />
            {frame.bottomBar > 0 && <BottomBar height={frame.bottomBar} style={style} />}
            {showSafeArea && !frame.pc && <SafeAreaOverlay device={device} frame={frame} />}
          </div>
        </div>
      </div>
      <p className="device-caption">
        {device.label} · {frame.pc ? `window ${device.windowWidth}×${device.windowHeight}` : `screen ${device.screenWidth}×${device.screenHeight}, window ${device.windowWidth}×${device.windowHeight}`} · {devicePixels(device)} · {zoom}%
        {!frame.pc && (
          <button
            type="button"
            className="small safe-toggle"
            aria-pressed={showSafeArea}
            title="Outline the safe area getSystemInfo reports"
            onClick={() => store.getState().updateUi((ui) => ({ ...ui, showSafeArea: !showSafeArea }))}
          >
            Safe area
          </button>
        )}
      </p>
    </div>
  );
}
