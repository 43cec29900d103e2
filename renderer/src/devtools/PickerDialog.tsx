/**
 * The simulator's image picker: a tt.chooseImage waits for the user, who picks sample images shipped with
 * ttsim and / or files from disk (uploaded to the host), or cancels (the call fails as a user cancel).
 */
import { useEffect, useId, useState } from 'react';
import { answerPicker, uploadImage, useDevtoolsContext } from './actions.js';
import type { PickerRequest, PickerSample, SessionInfo } from './protocol.js';
import { useDevtools } from './store.js';
import { DialogActions } from './DialogActions.js';

type Choice = { readonly sample: string; readonly label: string } | { readonly upload: string; readonly label: string };

/** A sample's thumbnail; a format the browser cannot draw (HEIC) shows a placeholder instead of a broken image. */
function SampleThumb({ src }: { readonly src: string }) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <span className="sample-thumb no-thumb" aria-hidden="true">
        no preview
      </span>
    );
  }
  return <img className="sample-thumb checker" src={src} alt="" width={56} height={56} loading="lazy" onError={() => setFailed(true)} />;
}

function Picker({ request, session }: { readonly request: PickerRequest; readonly session: SessionInfo }) {
  const devtools = useDevtoolsContext();
  const [samples, setSamples] = useState<readonly PickerSample[] | undefined>(undefined);
  const [chosen, setChosen] = useState<readonly Choice[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const uploadId = useId();
  useEffect(() => {
    devtools.client.request('pickerSamples', {}).then(setSamples, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [devtools]);
  const full = chosen.length >= request.count;
  const toggleSample = (sample: PickerSample) =>
    setChosen((current) => (current.some((c) => 'sample' in c && c.sample === sample.id) ? current.filter((c) => !('sample' in c && c.sample === sample.id)) : current.length >= request.count ? current : [...current, { sample: sample.id, label: sample.name }]));
  const upload = async (files: FileList | null) => {
    if (!files) return;
    setBusy(true);
    setError(undefined);
    try {
      const added: Choice[] = [];
      for (const file of Array.from(files).slice(0, Math.max(0, request.count - chosen.length))) added.push({ upload: await uploadImage(file, session.uploadUrl), label: file.name });
      setChosen((current) => [...current, ...added].slice(0, request.count));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const answer = (choices: readonly Choice[]) => void answerPicker(devtools, request.id, choices.map((c) => ('sample' in c ? { sample: c.sample } : { upload: c.upload })));

  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <h2 id={titleId}>tt.chooseImage — choose up to {request.count} {request.count === 1 ? 'image' : 'images'}</h2>
        <p className="muted">The gadget asked for {request.sourceType.join(' or ')}. The picked files are copied into ttfile://temp.</p>
        <fieldset>
          <legend>Sample images</legend>
          {!samples && !error && <p className="hint">Loading…</p>}
          {samples?.map((sample) => {
            const checked = chosen.some((c) => 'sample' in c && c.sample === sample.id);
            return (
              <label key={sample.id} className="sample">
                <input type="checkbox" checked={checked} disabled={!checked && full} onChange={() => toggleSample(sample)} />
                <SampleThumb src={`${session.sampleUrl}${encodeURIComponent(sample.id)}`} />
                <span>
                  <strong>{sample.name}</strong> <span className="muted">{sample.description}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
        <div className="upload-row">
          <label htmlFor={uploadId}>From disk</label>
          <input id={uploadId} type="file" accept="image/*" multiple disabled={busy || full} onChange={(e) => void upload(e.target.files)} />
        </div>
        {chosen.length > 0 && (
          <p className="muted">
            Chosen, in order: {chosen.map((c) => c.label).join(', ')}
          </p>
        )}
        <DialogActions error={error} onCancel={() => answer([])} primary={{ label: chosen.length > 0 ? `Choose (${chosen.length})` : 'Choose', disabled: chosen.length === 0 || busy, onClick: () => answer(chosen) }} />
      </div>
    </div>
  );
}

export function PickerDialog() {
  const request = useDevtools((s) => s.ui.pickers[0]);
  const session = useDevtools((s) => s.connection.session);
  return request && session ? <Picker key={request.id} request={request} session={session} /> : null;
}
