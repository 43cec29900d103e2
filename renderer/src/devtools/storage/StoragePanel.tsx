/**
 * The Storage tab: the app's storage (setStorage & co.) as a table of key, type, value (JSON) and size, with
 * edit in place, add and remove, and the usage against the limit. It is listed again shortly after the
 * gadget's setStorage*, removeStorage* and clearStorage* calls. Values are JSON; the host applies
 * setStorage's limits and its message says why a value was refused.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useDevtoolsContext } from '../actions.js';
import { formatBytes, showValue } from '../format.js';
import { useDevtools } from '../store.js';
import { watchEvents } from '../watch.js';
import { loadStorage, removeStorageItem, setStorageItem } from './actions.js';
import { isStorageWrite, kb, parseValue, type StorageItem } from './model.js';

/** How soon after a storage write of the gadget the storage is listed again. */
export const STORAGE_REFRESH_MS = 250;

function ValueEditor({ item, onDone }: { readonly item: StorageItem; readonly onDone: () => void }) {
  const devtools = useDevtoolsContext();
  const [text, setText] = useState(() => showValue(item.value));
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = parseValue(text);
    if ('error' in parsed) return setError(parsed.error);
    setBusy(true);
    const refused = await setStorageItem(devtools, item.key, parsed.value);
    setBusy(false);
    if (refused) setError(refused);
    else onDone();
  };
  return (
    <form className="value-editor" onSubmit={(e) => void save(e)}>
      <textarea
        aria-label={`Value of ${item.key} (JSON)`}
        rows={Math.min(8, text.split('\n').length + 1)}
        spellCheck={false}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save();
        }}
      />
      <span className="row-actions">
        <button type="submit" className="small primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="small" onClick={onDone}>
          Cancel
        </button>
      </span>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </form>
  );
}

function AddForm({ onDone }: { readonly onDone: () => void }) {
  const devtools = useDevtoolsContext();
  const [key, setKey] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const keyId = useId();
  const valueId = useId();
  const exists = useDevtools((s) => s.storage.items.some((i) => i.key === key));
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!key) return setError('Name the key.');
    const parsed = parseValue(text);
    if ('error' in parsed) return setError(parsed.error);
    const refused = await setStorageItem(devtools, key, parsed.value);
    if (refused) return setError(refused);
    onDone();
  };
  return (
    <form className="add-form" aria-label="Add a storage key" onSubmit={(e) => void add(e)}>
      <span className="field">
        <label htmlFor={keyId}>Key</label>
        <input id={keyId} value={key} spellCheck={false} onChange={(e) => setKey(e.target.value)} />
      </span>
      <span className="field grow">
        <label htmlFor={valueId}>Value (JSON)</label>
        <input id={valueId} value={text} spellCheck={false} placeholder={'"text", 42, true, {"a": 1}'} onChange={(e) => setText(e.target.value)} />
      </span>
      <button type="submit" className="primary">
        {exists ? 'Replace' : 'Add'}
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </form>
  );
}

export function StoragePanel() {
  const devtools = useDevtoolsContext();
  const { items, currentSize, limitSize, loading, loaded, error } = useDevtools((s) => s.storage);
  const connected = useDevtools((s) => s.connection.session !== undefined);
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    if (!connected) return;
    void loadStorage(devtools);
    return watchEvents(devtools.store, (event) => event.type === 'call' && isStorageWrite(event.record.api), () => void loadStorage(devtools), STORAGE_REFRESH_MS);
  }, [devtools, connected]);

  const usage = limitSize > 0 ? Math.min(1, currentSize / limitSize) : 0;
  return (
    <div className="storage-panel">
      <div className="filter-bar">
        <span className="usage">
          <meter min={0} max={limitSize || 1} value={currentSize} aria-label="Storage used" />
          <span>{loaded ? `${kb(currentSize)} of ${kb(limitSize)}` : '…'}</span>
          {usage >= 0.9 && <span className="error-text"> · nearly full</span>}
        </span>
        <span className="muted count">
          {items.length} {items.length === 1 ? 'key' : 'keys'}
        </span>
        <span className="spacer" />
        {loading && <span className="muted count">reading…</span>}
        <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          Add key
        </button>
        <button type="button" onClick={() => void loadStorage(devtools)}>
          Refresh
        </button>
      </div>
      {adding && <AddForm onDone={() => setAdding(false)} />}
      {error && (
        <p role="alert" className="error-text hint">
          {error}
        </p>
      )}
      <div className="table-scroll">
        <table className="storage-table" aria-label="Storage">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <th scope="row">
                  <code>{item.key}</code>
                </th>
                <td className="type">{item.type}</td>
                <td className="value">
                  {editing === item.key ? (
                    <ValueEditor item={item} onDone={() => setEditing(undefined)} />
                  ) : (
                    <code className="value-text" title="Double-click to edit" onDoubleClick={() => setEditing(item.key)}>
                      {showValue(item.value, 0)}
                    </code>
                  )}
                </td>
                <td className="num">{formatBytes(item.bytes)}</td>
                <td className="row-actions">
                  <button type="button" className="small" aria-label={`Edit ${item.key}`} disabled={editing === item.key} onClick={() => setEditing(item.key)}>
                    Edit
                  </button>
                  <button type="button" className="small danger" aria-label={`Remove ${item.key}`} onClick={() => void removeStorageItem(devtools, item.key)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {loaded && items.length === 0 && !error && <p className="hint">The storage is empty: setStorage and the Add key button put keys here.</p>}
      </div>
    </div>
  );
}
