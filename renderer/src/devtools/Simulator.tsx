/**
 * The simulated device: a dark rounded frame sized to the profile's device with a status bar strip (a window
 * title bar for a PC), and the guest in its sandboxed frame (the automation SDK finds it by its /g/ URL),
 * scaled by the zoom.
 */
import type { DeviceFacts } from './protocol.js';
import { clampZoom, useDevtools } from './store.js';

export interface FrameGeometry {
  readonly pc: boolean;
  /** The dark edge around the screen. */
  readonly bezel: number;
  /** The status bar strip above the guest (phones), or the window's title bar (PC). */
  readonly topBar: number;
  readonly radius: number;
  /** The whole frame, unscaled. */
  readonly width: number;
  readonly height: number;
}

/** The frame around a device's window (windowWidth × windowHeight is the guest frame's size). */
export function deviceFrame(device: DeviceFacts): FrameGeometry {
  const pc = device.deviceType === 'pc';
  const bezel = pc ? 1 : 12;
  const topBar = pc ? 30 : Math.max(20, device.statusBarHeight);
  return { pc, bezel, topBar, radius: pc ? 10 : 44, width: device.windowWidth + bezel * 2, height: device.windowHeight + topBar + bezel * 2 };
}

/** The zoom (percent, 50–200) at which the framed device fits a pane of this size (with its padding and caption). */
export function fitZoom(frame: Pick<FrameGeometry, 'width' | 'height'>, paneWidth: number, paneHeight: number): number {
  const scale = Math.min((paneWidth - 48) / frame.width, (paneHeight - 48 - 28) / frame.height);
  return clampZoom(Math.floor(scale * 100));
}

function StatusBar({ height }: { readonly height: number }) {
  return (
    <div className="status-bar" style={{ height }} aria-hidden="true">
      <span className="status-time">9:41</span>
      <span className="status-icons">
        <span className="signal">
          <i />
          <i />
          <i />
          <i />
        </span>
        <span className="battery">
          <i />
        </span>
      </span>
    </div>
  );
}

function TitleBar({ height, title }: { readonly height: number; readonly title: string }) {
  return (
    <div className="title-bar" style={{ height }} aria-hidden="true">
      <span className="dots">
        <i />
        <i />
        <i />
      </span>
      <span className="title-text">{title}</span>
    </div>
  );
}

export function Simulator() {
  const session = useDevtools((s) => s.connection.session);
  const zoom = useDevtools((s) => s.ui.zoom);
  const reloadKey = useDevtools((s) => s.ui.reloadKey);
  const status = useDevtools((s) => s.connection.status);
  if (!session) {
    return (
      <div className="sim-pane">
        <p className="hint centered">{status === 'connecting' || status === 'open' ? 'Connecting to the ttsim host…' : 'Not connected.'}</p>
      </div>
    );
  }
  const { device } = session.profile;
  const frame = deviceFrame(device);
  const scale = zoom / 100;
  return (
    <div className="sim-pane">
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
            {frame.pc ? <TitleBar height={frame.topBar} title={session.project.name} /> : <StatusBar height={frame.topBar} />}
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
          </div>
        </div>
      </div>
      <p className="device-caption">
        {device.label} · {device.windowWidth}×{device.windowHeight} · @{device.pixelRatio}x · {zoom}%
      </p>
    </div>
  );
}
