/**
 * One file area (ttfile://temp, ttfile://user or the package) as a tree: thumbnails, names, image dimensions,
 * types, sizes. The tree draws only the rows in view (VirtualList), so 1,000 files cost a few dozen elements;
 * the dimensions of the images in view are asked with fileInfo (a header read on the host), once per version
 * of a file. Keys as in a tree view: ↑ ↓ Home End move, → opens a folder (or goes into it), ← closes it (or
 * goes to its folder), Enter / Space select a file or toggle a folder.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { clearArea, loadArea, loadFileInfo, useDevtoolsContext } from '../actions.js';
import { areaLabel, baseName, depthOf, fileHref, formatBytes, isImagePath, typeLabel } from '../format.js';
import type { FileArea, FileEntry } from '../protocol.js';
import { isWritable, reduceSelectFile, useDevtools } from '../store.js';
import { VirtualList } from '../VirtualList.js';

/** The height of a row of the tree (the thumbnails fit in it). */
export const TREE_ROW_PX = 30;
/** How long an image row stays in view before its dimensions are asked (rows scrolled past are not). */
export const DIMENSIONS_DELAY_MS = 120;

/** The entries not inside a collapsed folder. */
export function visibleEntries(entries: readonly FileEntry[], collapsed: ReadonlySet<string>): FileEntry[] {
  if (collapsed.size === 0) return [...entries];
  return entries.filter((entry) => {
    for (const folder of collapsed) if (entry.path.startsWith(`${folder}/`)) return false;
    return true;
  });
}

/** The folder of a path ('' at the area's root). */
const parentOf = (path: string): string => {
  const slash = path.lastIndexOf('/');
  return slash < 0 || path.slice(0, slash).endsWith('/') ? '' : path.slice(0, slash);
};

/**
 * Each entry's place among its siblings (aria-posinset / aria-setsize: a screen reader says "3 of 1000"
 * although only the rows in view are in the page).
 */
export function siblingPositions(entries: readonly FileEntry[]): Map<string, { readonly pos: number; readonly size: number }> {
  const counts = new Map<string, number>();
  const positions = new Map<string, { pos: number; size: number }>();
  const parents: string[] = [];
  for (const entry of entries) {
    const parent = parentOf(entry.path);
    const pos = (counts.get(parent) ?? 0) + 1;
    counts.set(parent, pos);
    positions.set(entry.path, { pos, size: 0 });
    parents.push(parent);
  }
  entries.forEach((entry, i) => (positions.get(entry.path)!.size = counts.get(parents[i]!)!));
  return positions;
}

/** "1200×800" once fileInfo has told an image's dimensions. */
function Dimensions({ path, modifiedMs }: { readonly path: string; readonly modifiedMs: number }) {
  const devtools = useDevtoolsContext();
  const info = useDevtools((s) => s.files.info[path]);
  const failed = useDevtools((s) => s.files.infoErrors[path] !== undefined);
  useEffect(() => {
    if (info || failed) return;
    const timer = setTimeout(() => void loadFileInfo(devtools, path), DIMENSIONS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [devtools, path, modifiedMs, info, failed]);
  if (!info?.width || !info.height) return <span className="dims" />;
  return (
    <span className="dims" title={`${info.width} × ${info.height} px${info.format ? ` · ${info.format}` : ''}`}>
      {info.width}×{info.height}
    </span>
  );
}

export function AreaTree({ area }: { readonly area: FileArea }) {
  const devtools = useDevtoolsContext();
  const listing = useDevtools((s) => s.files.areas[area]);
  const selected = useDevtools((s) => s.files.selected);
  const session = useDevtools((s) => s.connection.session);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  /** The row that takes the focus (roving tabindex): the last one moved to or clicked. */
  const [active, setActive] = useState<string | undefined>(undefined);
  const focusAfterMove = useRef(false);
  const box = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const label = areaLabel(area);
  const { fileCount, total } = useMemo(() => {
    let fileCount = 0;
    let total = 0;
    for (const e of listing.entries) {
      if (e.dir) continue;
      fileCount++;
      total += e.size;
    }
    return { fileCount, total };
  }, [listing.entries]);
  const shown = useMemo(() => visibleEntries(listing.entries, collapsed), [listing.entries, collapsed]);
  const positions = useMemo(() => siblingPositions(listing.entries), [listing.entries]);
  const activeIndex = active === undefined ? -1 : shown.findIndex((e) => e.path === active);
  const focusIndex = activeIndex >= 0 ? activeIndex : 0;
  const select = (path: string) => devtools.store.getState().updateFiles((f) => reduceSelectFile(f, path));
  const toggle = (path: string, open?: boolean) =>
    setCollapsed((current) => {
      const isOpen = !current.has(path);
      if (open !== undefined && open === isOpen) return current;
      const next = new Set(current);
      if (!next.delete(path)) next.add(path);
      return next;
    });
  const activate = (entry: FileEntry) => {
    setActive(entry.path);
    if (entry.dir) toggle(entry.path);
    else select(entry.path);
  };
  const moveTo = (index: number) => {
    const entry = shown[Math.max(0, Math.min(shown.length - 1, index))];
    if (!entry) return;
    focusAfterMove.current = true;
    setActive(entry.path);
  };

  // Keyboard moves put the focus on the row moved to once it is drawn (VirtualList scrolls it into view).
  useLayoutEffect(() => {
    if (!focusAfterMove.current || active === undefined) return;
    focusAfterMove.current = false;
    const row = [...(box.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])].find((r) => r.dataset.path === active);
    row?.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entry = shown[focusIndex];
    if (!entry) return;
    const isOpen = entry.dir && !collapsed.has(entry.path);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(focusIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(focusIndex - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(shown.length - 1);
        break;
      case 'ArrowRight':
        if (entry.dir && !isOpen) toggle(entry.path, true);
        else if (isOpen) moveTo(focusIndex + 1);
        break;
      case 'ArrowLeft': {
        if (isOpen) toggle(entry.path, false);
        else {
          const parent = parentOf(entry.path);
          const index = parent ? shown.findIndex((e) => e.path === parent) : -1;
          if (index >= 0) moveTo(index);
        }
        break;
      }
      case 'Enter':
      case ' ':
        activate(entry);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <section className="area" aria-labelledby={headingId}>
      <header className="area-head">
        <h3 id={headingId}>{label}</h3>
        <span className="muted">
          {fileCount} {fileCount === 1 ? 'file' : 'files'} · {formatBytes(total)}
          {listing.loading ? ' · loading…' : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="small" aria-label={`Refresh ${label}`} title="Refresh" onClick={() => void loadArea(devtools, area)}>
          ↻
        </button>
        {isWritable(area) && (
          <button type="button" className="small" aria-label={`Clear ${label}`} disabled={fileCount === 0 && listing.entries.length === 0} onClick={() => setConfirming(true)}>
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
        <div ref={box}>
          <VirtualList
            role="tree"
            className="tree"
            label={label}
            items={shown}
            rowHeight={TREE_ROW_PX}
            height={shown.length * TREE_ROW_PX + 4}
            rowKey={(entry) => entry.path}
            onKeyDown={onKeyDown}
            activeIndex={activeIndex >= 0 ? activeIndex : undefined}
            renderRow={(entry, index) => {
              const depth = depthOf(entry.path);
              const isSelected = entry.path === selected;
              const isOpen = entry.dir && !collapsed.has(entry.path);
              const place = positions.get(entry.path);
              const image = !entry.dir && isImagePath(entry.path);
              return (
                <div
                  role="treeitem"
                  aria-level={depth + 1}
                  aria-selected={isSelected}
                  {...(place ? { 'aria-posinset': place.pos, 'aria-setsize': place.size } : {})}
                  {...(entry.dir ? { 'aria-expanded': isOpen } : {})}
                  data-path={entry.path}
                  tabIndex={index === focusIndex ? 0 : -1}
                  className={`tree-item${isSelected ? ' selected' : ''}${entry.dir ? ' dir' : ''}`}
                  style={{ paddingLeft: 8 + depth * 16 }}
                  title={entry.path}
                  onClick={() => activate(entry)}
                >
                  {entry.dir ? (
                    <span className="folder-icon" aria-hidden="true">
                      {isOpen ? '▾' : '▸'}
                    </span>
                  ) : image && session ? (
                    <img className="thumb" loading="lazy" alt="" src={`${fileHref(session, entry.path)}&v=${Math.round(entry.modifiedMs)}`} />
                  ) : (
                    <span className="file-icon" aria-hidden="true" />
                  )}
                  <span className="name">{baseName(entry.path)}</span>
                  {image ? <Dimensions path={entry.path} modifiedMs={entry.modifiedMs} /> : <span className="dims" />}
                  <span className="type">{typeLabel(entry.path, entry.dir)}</span>
                  <span className="size">{entry.dir ? '' : formatBytes(entry.size)}</span>
                </div>
              );
            }}
          />
        </div>
      )}
      {listing.truncated && <p className="hint">Only the first {listing.entries.length} entries are listed.</p>}
    </section>
  );
}
