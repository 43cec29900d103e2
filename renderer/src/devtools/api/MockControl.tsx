/** Sets a static mock answer for an API (success fields, or errno + errMsg for a fail), and clears it. */
import { useId } from 'react';
import { clearMock, setMock, useDevtoolsContext } from '../actions.js';
import { useDevtools } from '../store.js';

/** The APIs mocked now (by this page, a test or carried over by a relaunch), each with Clear. */
export function MockedList() {
  const devtools = useDevtoolsContext();
  const mocked = useDevtools((s) => s.ui.mocked);
  if (mocked.length === 0) return null;
  return (
    <ul className="mocked-list" aria-label="Mocked APIs">
      <li className="muted">Mocked now:</li>
      {mocked.map((api) => (
        <li key={api} className="mocked-chip">
          <code>{api}</code>
          <span className="tag tag-mock">mocked</span>
          <button type="button" className="small" aria-label={`Clear the mock of ${api}`} onClick={() => void clearMock(devtools, api)}>
            Clear
          </button>
        </li>
      ))}
    </ul>
  );
}

export function MockControl({ apis }: { readonly apis: readonly string[] }) {
  const devtools = useDevtoolsContext();
  const mock = useDevtools((s) => s.ui.mock);
  const update = (patch: Partial<typeof mock>) => devtools.store.getState().updateUi((ui) => ({ ...ui, mock: { ...ui.mock, ...patch } }));
  const apiId = useId();
  const answerId = useId();
  const listId = useId();
  return (
    <form
      className="mock-form"
      aria-label="Mock an API"
      onSubmit={(e) => {
        e.preventDefault();
        void setMock(devtools, mock.api, mock.answer);
      }}
    >
      <div className="mock-row">
        <label htmlFor={apiId}>API to mock</label>
        <input id={apiId} list={listId} value={mock.api} placeholder="compressImage" spellCheck={false} onChange={(e) => update({ api: e.target.value })} />
        <datalist id={listId}>
          {apis.map((api) => (
            <option key={api} value={api} />
          ))}
        </datalist>
        <button type="submit">Set mock</button>
        <button type="button" onClick={() => void clearMock(devtools, mock.api)} disabled={!mock.api.trim()}>
          Clear mock
        </button>
        <button type="button" aria-label="Close mock form" onClick={() => update({ open: false })}>
          ✕
        </button>
      </div>
      <label htmlFor={answerId}>Mock answer (JSON: success fields, or errno and errMsg for a fail)</label>
      <textarea id={answerId} rows={4} spellCheck={false} value={mock.answer} onChange={(e) => update({ answer: e.target.value })} />
      <div className="mock-row">
        <span role="status" className={mock.failed ? 'error-text' : 'muted'}>
          {mock.message ?? ''}
        </span>
      </div>
    </form>
  );
}
