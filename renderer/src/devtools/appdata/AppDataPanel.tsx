/**
 * The AppData tab: the page stack and the data of the page on top, read from the guest again shortly after
 * each call, render or navigation. The data shows as a tree whose values are edited in place (each edit is
 * one setPageData of that value's path, as the page's own setData would); "Raw JSON" shows it as a text to
 * edit instead, where Apply sends the top-level keys that changed. A web app's page is its document: its
 * data (title, path, query, hash) is read-only, with the host's message saying what to use instead.
 */
import { useEffect, useId, useState } from 'react';
import { useDevtoolsContext } from '../actions.js';
import type { DevtoolsEvent } from '../protocol.js';
import { useDevtools } from '../store.js';
import { watchEvents } from '../watch.js';
import { applyPageData, loadAppData, setPageValue } from './actions.js';
import { DataTree } from './DataTree.js';
import { dataText, reduceAppDataMessage, reduceDraft } from './model.js';

/** How soon after a call, render or navigation the page data is read again. */
export const APPDATA_REFRESH_MS = 250;

const changesPage = (event: DevtoolsEvent): boolean => event.type === 'call' || (event.type === 'guest' && (event.event.kind === 'render' || event.event.kind === 'navigation'));

export function AppDataPanel() {
  const devtools = useDevtoolsContext();
  const appData = useDevtools((s) => s.appData);
  const connected = useDevtools((s) => s.connection.session !== undefined);
  const editorId = useId();
  const [raw, setRaw] = useState(false);
  const { updateSlice } = devtools.store.getState();

  useEffect(() => {
    if (!connected) return;
    void loadAppData(devtools);
    return watchEvents(devtools.store, changesPage, () => void loadAppData(devtools), APPDATA_REFRESH_MS);
  }, [devtools, connected]);

  const { stack, page, data, draft, readOnly, error, message, loading, loaded } = appData;
  const live = dataText(data);
  const editing = draft !== undefined;
  const stale = editing && appData.draftBase !== undefined && dataText(appData.draftBase) !== live;

  return (
    <div className="appdata-panel">
      <div className="filter-bar">
        <h3>Page stack</h3>
        <span className="muted count">{stack.length > 0 ? `${stack.length} ${stack.length === 1 ? 'page' : 'pages'}` : ''}</span>
        <span className="spacer" />
        {loading && <span className="muted count">reading…</span>}
        <button type="button" onClick={() => void loadAppData(devtools)}>
          Refresh
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text hint">
          {error}
        </p>
      )}
      <ol className="page-stack" aria-label="Page stack">
        {stack.map((route, i) => (
          <li key={`${i}-${route}`} aria-current={i === stack.length - 1 ? 'page' : undefined}>
            <code>{route}</code>
            {i === stack.length - 1 && <span className="tag tag-here">top</span>}
          </li>
        ))}
        {loaded && stack.length === 0 && !error && <li className="muted">No page is open.</li>}
      </ol>
      <section className="page-data" aria-labelledby={`${editorId}-title`}>
        <header className="details-head">
          <h3 id={`${editorId}-title`}>
            {page?.kind === 'webapp' ? 'Document data' : 'Page data'} {page && <code className="muted">{page.path}</code>}
            {page && Object.keys(page.query).length > 0 && <span className="muted"> ?{new URLSearchParams(page.query).toString()}</span>}
          </h3>
          <span className="spacer" />
          <button type="button" aria-pressed={raw} title="Show the data as a JSON text to edit" onClick={() => setRaw(!raw)}>
            Raw JSON
          </button>
          {!readOnly && raw && (
            <>
              <button type="button" disabled={!editing} onClick={() => updateSlice('appData', (a) => reduceAppDataMessage(reduceDraft(a, undefined), undefined))}>
                Discard edits
              </button>
              <button type="button" className="primary" disabled={!editing || page === null} onClick={() => void applyPageData(devtools, draft ?? live)}>
                Apply
              </button>
            </>
          )}
        </header>
        {readOnly && (
          <p className="note" role="note">
            Read-only: {readOnly}
          </p>
        )}
        {!raw ? (
          <>
            {!readOnly && <p className="muted small-label">Click a value to edit it: Enter sets it with setData.</p>}
            <DataTree
              data={data ?? {}}
              label={page?.kind === 'webapp' ? 'Document data' : 'Page data'}
              {...(readOnly || page === null ? {} : { onSet: (path, value) => void setPageValue(devtools, path, value) })}
            />
          </>
        ) : readOnly ? (
          <pre className="json" aria-label="Document data">
            {live}
          </pre>
        ) : (
          <>
            <label htmlFor={editorId} className="muted small-label">
              Page data (JSON): edit it and Apply to setData the top-level keys you changed
            </label>
            <textarea
              id={editorId}
              className="data-editor"
              spellCheck={false}
              rows={18}
              value={draft ?? live}
              onChange={(e) => updateSlice('appData', (a) => reduceDraft(a, e.target.value))}
            />
            {stale && <p className="note">The page's data changed since you began editing: Apply sends only the keys you changed; Discard shows the new data.</p>}
          </>
        )}
        <p role="status" className={message?.failed ? 'error-text' : 'muted'}>
          {message?.text ?? ''}
        </p>
      </section>
    </div>
  );
}
