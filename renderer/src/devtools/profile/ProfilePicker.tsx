/**
 * The toolbar's profile: the session's app kind, platform, client version and device, and a form to switch
 * them. The client offers the support matrix's edges of the APIs the session called as quick picks (each
 * edge and the version just below it, for the chosen app kind and platform) beside a free text field.
 * Apply relaunches the project under the new profile and moves the page to the new session.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { DEFAULT_CLIENT, devicePresets } from '../../../../emulator-api/src/common/profiles.js';
import { appKinds, platforms } from '../../../../emulator-api/src/common/types.js';
import { useDevtoolsContext } from '../actions.js';
import { SelectField } from '../Field.js';
import { profileText } from '../format.js';
import { loadMatrix } from '../matrix/actions.js';
import { unsupportedAt } from '../matrix/model.js';
import type { ClientProfile } from '../protocol.js';
import { useDevtools } from '../store.js';
import { edgeVersions, normaliseVersion, type AppKind, type Platform } from '../versions.js';
import { relaunch } from './relaunch.js';
import { DialogActions } from '../DialogActions.js';

/** The client's quick picks: the current version, ttsim's default, then the matrix's edges, newest first. */
export function clientPicks(current: string, edges: readonly { readonly version: string; readonly label: string }[]): { readonly version: string; readonly label: string }[] {
  const picks = [{ version: current, label: `${current} (current)` }];
  if (current !== DEFAULT_CLIENT) picks.push({ version: DEFAULT_CLIENT, label: `${DEFAULT_CLIENT} (ttsim's default)` });
  for (const edge of edges) if (!picks.some((p) => p.version === edge.version)) picks.push(edge);
  return picks;
}

function ProfileForm({ profile, onClose }: { readonly profile: ClientProfile; readonly onClose: () => void }) {
  const devtools = useDevtoolsContext();
  const entries = useDevtools((s) => s.matrix.entries);
  const matrixLoading = useDevtools((s) => s.matrix.loading);
  const relaunching = useDevtools((s) => s.ui.relaunching);
  const [app, setApp] = useState<AppKind>(profile.app);
  const [platform, setPlatform] = useState<Platform>(profile.platform);
  const [device, setDevice] = useState(profile.device.id);
  const [client, setClient] = useState(profile.client);
  const [error, setError] = useState<string | undefined>(undefined);
  const clientId = useId();
  const titleId = useId();

  useEffect(() => {
    void loadMatrix(devtools);
  }, [devtools]);

  const picks = useMemo(() => clientPicks(profile.client, edgeVersions(entries ?? [], app, platform)), [entries, app, platform, profile.client]);
  const version = normaliseVersion(client);
  const devices = devicePresets.filter((d) => d.platform === platform);
  const missing = useMemo(() => (entries && version ? unsupportedAt(entries, { app, platform, client: version }) : undefined), [entries, app, platform, version]);
  const pickValue = picks.some((p) => p.version === version) ? version! : '';

  const apply = () => {
    if (!version) return setError(`"${client}" is not a client version: type one like 7.35.0.`);
    setError(undefined);
    void relaunch(devtools, { app, platform, client: version, device });
  };

  return (
    <form
      className="profile-form"
      role="dialog"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id={titleId}>Switch profile</h2>
      <p className="muted">The project reopens under the new profile in a new session; ttfile://user, storage, mocks and the network policy carry over.</p>
      <div className="profile-grid">
        <SelectField label="App kind" value={app} options={appKinds.map((k) => [k, k] as const)} onChange={setApp} />
        <SelectField
          label="Platform"
          value={platform}
          options={platforms.map((p) => [p, p] as const)}
          onChange={(p) => {
            setPlatform(p);
            setDevice(devicePresets.find((d) => d.platform === p)?.id ?? '');
          }}
        />
        <SelectField label="Device" value={device} options={devices.map((d) => [d.id, d.label] as const)} onChange={setDevice} />
        <SelectField
          label="Client quick picks"
          value={pickValue}
          options={[...picks.map((p) => [p.version, p.label] as const), ['', pickValue ? 'Other (type it)…' : `${client || '…'} (typed)`] as const]}
          onChange={(v) => {
            if (v) setClient(v);
          }}
          className="picks"
        />
        <span className="field">
          <label htmlFor={clientId}>Client version</label>
          <input id={clientId} value={client} spellCheck={false} placeholder="7.35.0" aria-invalid={!version} onChange={(e) => setClient(e.target.value)} />
        </span>
      </div>
      <p className="profile-impact" role="status">
        {!entries ? (
          matrixLoading ? 'Reading the support matrix…' : ''
        ) : !version ? (
          <span className="error-text">Type a version like 7.35.0.</span>
        ) : entries.length === 0 ? (
          'No API called yet: the quick picks come from the APIs the gadget calls.'
        ) : missing && missing.length > 0 ? (
          <>
            Not supported under {app} · {platform} · {version}:{' '}
            {missing.map((m, i) => (
              <span key={m.name}>
                {i > 0 && ', '}
                <code>{m.name}</code> ({m.from === null ? `never on ${app} · ${platform}` : `from ${m.from}`})
              </span>
            ))}
          </>
        ) : (
          `All ${entries.length} APIs this session called are supported under ${app} · ${platform} · ${version}.`
        )}
      </p>
      <DialogActions error={error} onCancel={onClose} primary={{ label: relaunching ? 'Switching…' : 'Apply', disabled: relaunching !== undefined }} />
    </form>
  );
}

export function ProfilePicker() {
  const session = useDevtools((s) => s.connection.session);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);
  if (!session) return null;
  const text = profileText(session.profile);
  return (
    <span className="profile-picker" ref={box}>
      <button type="button" className="tb-button profile-button" aria-haspopup="dialog" aria-expanded={open} aria-label={`Profile ${text}: switch`} title="Switch the app kind, platform, client version or device" onClick={() => setOpen(!open)}>
        <span className="profile">{text}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && <ProfileForm profile={session.profile} onClose={() => setOpen(false)} />}
    </span>
  );
}
