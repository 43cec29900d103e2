/**
 * The Files tab: ttfile://temp, ttfile://user and the package as trees beside a preview; the compressImage
 * calls of the log with their before/after. The lists refresh shortly after new calls, so files the gadget
 * writes show up as it writes them.
 */
import { useEffect, useMemo } from 'react';
import { loadArea, useDevtoolsContext } from '../actions.js';
import { formatTime } from '../format.js';
import type { FileArea } from '../protocol.js';
import { compressImageCalls, reduceCompare, useDevtools, type DevtoolsStore } from '../store.js';
import { watchEvents } from '../watch.js';
import { AreaTree } from './AreaTree.js';
import { CompressCompare } from './CompressCompare.js';
import { FilePreview } from './FilePreview.js';

const areas: readonly FileArea[] = ['temp', 'user', 'package'];
/** How soon after a call the writable areas are listed again. */
export const FILES_REFRESH_MS = 300;

/**
 * Lists temp and user again FILES_REFRESH_MS after the first call that arrives since the last listing
 * (during a burst that is a few times a second, not once per call).
 */
export function watchCalls(store: DevtoolsStore, refresh: () => void, delayMs = FILES_REFRESH_MS): () => void {
  return watchEvents(store, (event) => event.type === 'call', refresh, delayMs);
}

function CompressList() {
  const devtools = useDevtoolsContext();
  const events = useDevtools((s) => s.log.events);
  const compareSeq = useDevtools((s) => s.files.compareSeq);
  const calls = useMemo(() => compressImageCalls(events), [events]);
  if (calls.length === 0) return null;
  return (
    <section className="area compress-list" aria-labelledby="compress-heading">
      <header className="area-head">
        <h3 id="compress-heading">compressImage before/after</h3>
        <span className="muted">{calls.length}</span>
      </header>
      <ul className="plain-list">
        {calls.map((call) => (
          <li key={call.seq}>
            <button
              type="button"
              className={`link-button${compareSeq === call.seq ? ' selected' : ''}`}
              aria-pressed={compareSeq === call.seq}
              onClick={() => devtools.store.getState().updateFiles((f) => reduceCompare(f, call.seq))}
            >
              Compare call #{call.record.seq} <span className="muted">{formatTime(call.time)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FilesPanel() {
  const devtools = useDevtoolsContext();
  const selected = useDevtools((s) => s.files.selected);
  const compareSeq = useDevtools((s) => s.files.compareSeq);
  const connected = useDevtools((s) => s.connection.session !== undefined);

  useEffect(() => {
    if (!connected) return;
    for (const area of areas) void loadArea(devtools, area);
    return watchCalls(devtools.store, () => {
      void loadArea(devtools, 'temp');
      void loadArea(devtools, 'user');
    });
  }, [devtools, connected]);

  return (
    <div className="files-panel">
      <div className="files-side">
        <CompressList />
        {areas.map((area) => (
          <AreaTree key={area} area={area} />
        ))}
      </div>
      <div className="files-main">
        {compareSeq !== undefined ? (
          <CompressCompare seq={compareSeq} />
        ) : selected !== undefined ? (
          <FilePreview path={selected} />
        ) : (
          <p className="hint centered">Select a file to preview it{' '}— or a compressImage call to compare its before and after.</p>
        )}
      </div>
    </div>
  );
}
