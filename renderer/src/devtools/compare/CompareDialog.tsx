/**
 * "Compare profiles": pick 1–3 more profiles (platform and client version) to open beside this session.
 * It starts with the usual edges: the other two of iOS, Android and PC, at this session's client version.
 */
import { useContext, useId, useState } from 'react';
import { useDevtoolsContext } from '../actions.js';
import { useDevtools } from '../store.js';
import { ConnectMemberContext, openCompareDialog, startCompare } from './actions.js';
import { compareLabel, comparePlatforms, defaultCompareProfiles, MAX_MORE_PROFILES, platformName, type Platform, type ProfileChoice } from './model.js';
import { DialogActions } from '../DialogActions.js';

const VERSION = /^\d+\.\d+\.\d+$/;

function ProfileRow({ index, choice, onChange, onRemove, removable }: { readonly index: number; readonly choice: ProfileChoice; readonly onChange: (choice: ProfileChoice) => void; readonly onRemove: () => void; readonly removable: boolean }) {
  const platformId = useId();
  const clientId = useId();
  const n = index + 2;
  return (
    <fieldset className="lc-profile">
      <legend>Profile {n}</legend>
      <label htmlFor={platformId}>Platform</label>
      <select id={platformId} aria-label={`Platform of profile ${n}`} value={choice.platform} onChange={(e) => onChange({ ...choice, platform: e.target.value as Platform })}>
        {comparePlatforms.map((p) => (
          <option key={p} value={p}>
            {platformName(p)}
          </option>
        ))}
      </select>
      <label htmlFor={clientId}>Client</label>
      <input id={clientId} aria-label={`Client version of profile ${n}`} value={choice.client} size={9} spellCheck={false} onChange={(e) => onChange({ ...choice, client: e.target.value })} />
      <button type="button" aria-label={`Remove profile ${n}`} onClick={onRemove} disabled={!removable}>
        Remove
      </button>
    </fieldset>
  );
}

function Dialog() {
  const devtools = useDevtoolsContext();
  const connect = useContext(ConnectMemberContext);
  const session = useDevtools((s) => s.connection.session);
  const status = useDevtools((s) => s.compare.status);
  const error = useDevtools((s) => s.compare.error);
  const current = useDevtools((s) => s.compare.members);
  const [choices, setChoices] = useState<ProfileChoice[]>(() => {
    const running = current.filter((m) => !m.main).map((m) => ({ platform: m.profile.platform, client: m.profile.client }));
    return running.length > 0 ? running : session ? defaultCompareProfiles(session.profile) : [];
  });
  const titleId = useId();
  if (!session) return null;
  const invalid = choices.find((c) => !VERSION.test(c.client.trim()));
  const close = () => openCompareDialog(devtools, false);
  return (
    <div className="modal-backdrop">
      <form
        className="modal lc-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid && choices.length > 0) void startCompare(devtools, choices, connect);
        }}
      >
        <h2 id={titleId}>Compare profiles</h2>
        <p className="muted">
          {session.project.name} opens once more under each profile, side by side with this one ({compareLabel(session.profile)}). A tap or typing in any
          frame is replayed in the others, and the log lines up their calls and marks where the results differ. Each profile gets its own copy of
          ttfile://user and storage.
        </p>
        {choices.map((choice, i) => (
          <ProfileRow
            key={i}
            index={i}
            choice={choice}
            removable={choices.length > 1}
            onChange={(next) => setChoices((all) => all.map((c, j) => (j === i ? next : c)))}
            onRemove={() => setChoices((all) => all.filter((_, j) => j !== i))}
          />
        ))}
        <button
          type="button"
          disabled={choices.length >= MAX_MORE_PROFILES}
          onClick={() => setChoices((all) => [...all, { platform: comparePlatforms.find((p) => !all.some((c) => c.platform === p) && p !== session.profile.platform) ?? 'harmony', client: session.profile.client }])}
        >
          Add a profile
        </button>
        {invalid && (
          <p role="alert" className="error-text">
            {platformName(invalid.platform)}: “{invalid.client}” is not a client version (like 7.35.0).
          </p>
        )}
        <DialogActions error={error} onCancel={close} primary={{ label: status === 'starting' ? 'Starting…' : 'Start compare', disabled: status === 'starting' || choices.length === 0 || invalid !== undefined }} />
      </form>
    </div>
  );
}

export function CompareDialog() {
  const open = useDevtools((s) => s.compare.dialogOpen);
  return open ? <Dialog /> : null;
}
