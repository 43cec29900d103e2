/** The top bar: project, profile (with its switcher), reload, zoom, network and the guest's error count. */
import { useId } from 'react';
import { setNetwork, useDevtoolsContext } from './actions.js';
import { ProfilePicker } from './profile/ProfilePicker.js';
import { openCompareDialog } from './compare/actions.js';
import { deviceFrame, fitZoom } from './Simulator.js';
import type { NetworkPolicy } from './protocol.js';
import { stepZoom, useDevtools, ZOOM_MAX, ZOOM_MIN, ZOOM_STEPS } from './store.js';

type NetworkChoice = 'online' | 'slow' | 'offline' | 'allow';
const networkChoice = (policy: NetworkPolicy | undefined): NetworkChoice => (policy === undefined || policy === 'online' ? 'online' : typeof policy === 'string' ? policy : 'allow');

export function Toolbar() {
  const devtools = useDevtoolsContext();
  const session = useDevtools((s) => s.connection.session);
  const status = useDevtools((s) => s.connection.status);
  const network = useDevtools((s) => s.connection.network);
  const zoom = useDevtools((s) => s.ui.zoom);
  const errors = useDevtools((s) => s.log.errorCount);
  const comparing = useDevtools((s) => s.compare.status);
  const { setZoom, reloadGuest, setTab, updateUi } = devtools.store.getState();
  const zoomId = useId();
  const networkId = useId();
  const choice = networkChoice(network);
  const errorLabel = `${errors} guest ${errors === 1 ? 'error' : 'errors'}`;
  const zoomOptions: number[] = ZOOM_STEPS.includes(zoom as (typeof ZOOM_STEPS)[number]) ? [...ZOOM_STEPS] : [...ZOOM_STEPS, zoom].sort((a, b) => a - b);

  return (
    <header className="toolbar">
      <span className="brand">ttsim</span>
      <span className="project" title={session ? `${session.project.kind} · appId ${session.appId}` : undefined}>
        {session?.project.name ?? '…'}
      </span>
      <ProfilePicker />
      <button
        type="button"
        className="tb-button"
        disabled={!session || comparing === 'starting'}
        aria-pressed={comparing === 'on'}
        title="Open this gadget under 2–4 profiles side by side: input in one frame is replayed in the others, and the log marks where results differ"
        onClick={() => openCompareDialog(devtools, true)}
      >
        ⇆ Compare profiles
      </button>
      <span className="spacer" />
      <button type="button" className="tb-button" onClick={reloadGuest} disabled={!session} aria-label="Reload guest" title="Reload the guest page">
        ⟳ Reload
      </button>
      <span className="tb-group" role="group" aria-label="Zoom controls">
        <button type="button" className="tb-button" aria-label="Zoom out" onClick={() => setZoom(stepZoom(zoom, -1))} disabled={zoom <= ZOOM_MIN}>
          −
        </button>
        <label htmlFor={zoomId} className="visually-hidden">
          Zoom
        </label>
        <select id={zoomId} className="tb-select" value={zoom} onChange={(e) => setZoom(Number(e.target.value))}>
          {zoomOptions.map((z) => (
            <option key={z} value={z}>
              {z}%
            </option>
          ))}
        </select>
        <button type="button" className="tb-button" aria-label="Zoom in" onClick={() => setZoom(stepZoom(zoom, 1))} disabled={zoom >= ZOOM_MAX}>
          +
        </button>
        <button
          type="button"
          className="tb-button"
          aria-label="Zoom to fit"
          title="Zoom so the whole device fits"
          disabled={!session}
          onClick={() => {
            const pane = document.querySelector('.split-left');
            if (session && pane) setZoom(fitZoom(deviceFrame(session.profile.device), pane.clientWidth, pane.clientHeight));
          }}
        >
          Fit
        </button>
      </span>
      <span className="tb-group">
        <label htmlFor={networkId} className="tb-label">
          Network
        </label>
        <select
          id={networkId}
          className={`tb-select network-${choice}`}
          value={choice}
          disabled={!session}
          onChange={(e) => void setNetwork(devtools, e.target.value === 'offline' || e.target.value === 'slow' ? e.target.value : 'online')}
        >
          <option value="online">online</option>
          <option value="slow" title="each request 400 ms later">slow</option>
          <option value="offline">offline</option>
          {choice === 'allow' && (
            <option value="allow" disabled>
              allow list
            </option>
          )}
        </select>
      </span>
      <button
        type="button"
        className={`error-badge${errors > 0 ? ' has-errors' : ''}`}
        aria-label={errorLabel}
        title={`${errorLabel}: show them in the console`}
        onClick={() => {
          setTab('console');
          updateUi((ui) => ({ ...ui, consoleLevel: errors > 0 ? 'error' : ui.consoleLevel }));
        }}
      >
        {errors > 99 ? '99+' : errors}
      </button>
      <span className={`conn conn-${status}`} role="status" title={status}>
        {status === 'open' ? 'connected' : status}
      </span>
    </header>
  );
}
