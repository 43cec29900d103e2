/** One file area (ttfile://temp, ttfile://user or the package) as a tree: thumbnails, names, types, sizes. */
import { useId, useMemo, useState } from 'react';
import { clearArea, loadArea, useDevtoolsContext } from '../actions.js';
import { areaLabel, baseName, depthOf, fileHref, formatBytes, isImagePath, typeLabel } from '../format.js';
import type { FileArea, FileEntry } from '../protocol.js';
import { isWritable, reduceSelectFile, useDevtools } from '../store.js';

/** The entries not inside a collapsed folder. */
export function visibleEntries(entries: readonly FileEntry[], collapsed: ReadonlySet<string>): FileEntry[] {
  if (collapsed.size === 0) return [...entries];
  return entries.filter((entry) => {
    for (const folder of collapsed) if (entry.path.startsWith(`${folder}/`)) return false;
    return true;
  });
}

export function AreaTree({ area }: { readonly area: FileArea }) {
  const devtools = useDevtoolsContext();
  const listing = useDevtools((s) => s.files.areas[area]);
  const selected = useDevtools((s) => s.files.selected);
  const session = useDevtools((s) => s.connection.session);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const label = areaLabel(area);
  const files = listing.entries.filter((e) => !e.dir);
  const total = files.reduce((sum, e) => sum + e.size, 0);
  const shown = useMemo(() => visibleEntries(listing.entries, collapsed), [listing.entries, collapsed]);
  const select = (path: string) => devtools.store.getState().updateFiles((f) => reduceSelectFile(f, path));
  const toggle = (path: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(path)) next.add(path);
      return next;
    });

  return (
    <section className="area" aria-labelledby={headingId}>
      <header className="area-head">
        <h3 id={headingId}>{label}</h3>
        <span className="muted">
          {files.length} {files.length === 1 ? 'file' : 'files'} · {formatBytes(total)}
          {listing.loading ? ' · loading…' : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="small" aria-label={`Refresh ${label}`} title="Refresh" onClick={() => void loadArea(devtools, area)}>
          ↻
        </button>
        {isWritable(area) && (
          <button type="button" className="small" aria-label={`Clear ${label}`} disabled={files.length === 0 && listing.entries.length === 0} onClick={() => setConfirming(true)}>
            Clear
          </button>
        )}
      </header>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={`Clear ${label}?`}>
          <span>Delete every file in {label}?</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirming(false);
              void clearArea(devtools, area);
            }}
          >
            Delete all
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {listing.error && (
        <p role="alert" className="error-text">
          {listing.error}
        </p>
      )}
      {listing.loaded && listing.entries.length === 0 && !listing.error && <p className="hint">Empty</p>}
      {shown.length > 0 && (
        <ul role="tree" className="tree" aria-labelledby={headingId}>
          {shown.map((entry) => {
            const depth = depthOf(entry.path);
            const isSelected = entry.path === selected;
            const isOpen = entry.dir && !collapsed.has(entry.path);
            const activate = () => (entry.dir ? toggle(entry.path) : select(entry.path));
            return (
              <li
                key={entry.path}
                role="treeitem"
                aria-level={depth + 1}
                aria-selected={isSelected}
                {...(entry.dir ? { 'aria-expanded': isOpen } : {})}
                tabIndex={0}
                className={`tree-item${isSelected ? ' selected' : ''}${entry.dir ? ' dir' : ''}`}
                style={{ paddingLeft: 8 + depth * 16 }}
                title={entry.path}
                onClick={activate}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    activate();
                  }
                }}
              >
                {entry.dir ? (
                  <span className="folder-icon" aria-hidden="true">
                    {isOpen ? '▾' : '▸'}
                  </span>
                ) : isImagePath(entry.path) && session ? (
                  <img className="thumb" loading="lazy" alt="" src={`${fileHref(session, entry.path)}&v=${Math.round(entry.modifiedMs)}`} />
                ) : (
                  <span className="file-icon" aria-hidden="true" />
                )}
                <span className="name">{baseName(entry.path)}</span>
                <span className="type">{typeLabel(entry.path, entry.dir)}</span>
                <span className="size">{entry.dir ? '' : formatBytes(entry.size)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {listing.truncated && <p className="hint">Only the first {listing.entries.length} entries are listed.</p>}
    </section>
  );
}
