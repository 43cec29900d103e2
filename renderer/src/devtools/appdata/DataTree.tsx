/**
 * The page data as a tree: objects and arrays open and close (disclosure buttons), each value is a button
 * that turns into a field to edit it in place — Enter sends it as one setData of its path ("items[0].name"),
 * Escape (or leaving the field) keeps the old value. A nested list, so a screen reader says the levels; every
 * control is named by its path.
 */
import { useState, type KeyboardEvent } from 'react';
import { isBranch, leafText, parseEdit, pathName, type DataPath } from './model.js';

/** A branch shows at most this many children (the raw JSON shows all). */
export const BRANCH_CHILDREN_MAX = 200;
/** Branches this deep or less are open at first, unless they are larger than OPEN_CHILDREN_MAX. */
const OPEN_DEPTH = 1;
const OPEN_CHILDREN_MAX = 20;

export interface DataTreeProps {
  readonly data: unknown;
  /** Sets a value; absent for read-only data. */
  readonly onSet?: (path: DataPath, value: unknown) => void;
  readonly label: string;
}

const sizeText = (value: Record<string, unknown> | unknown[]): string => {
  if (Array.isArray(value)) return `Array(${value.length})`;
  const n = Object.keys(value).length;
  return `{${n} ${n === 1 ? 'key' : 'keys'}}`;
};

function Leaf({ path, value, onSet }: { readonly path: DataPath; readonly value: unknown; readonly onSet: DataTreeProps['onSet'] }) {
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const { text, kind, editable } = leafText(value);
  const name = pathName(path);
  if (editing !== undefined && onSet) {
    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        setEditing(undefined);
        onSet(path, parseEdit(editing));
      } else if (event.key === 'Escape') {
        event.preventDefault();
        setEditing(undefined);
      }
    };
    return (
      <input
        className="data-edit"
        aria-label={`New value of ${name}`}
        title="Enter sets it (JSON, or plain text for a string); Escape cancels"
        value={editing}
        spellCheck={false}
        // The field is what the person just asked for.
        autoFocus
        onChange={(e) => setEditing(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setEditing(undefined)}
      />
    );
  }
  if (!onSet || !editable) return <span className={`data-value v-${kind}`}>{text}</span>;
  return (
    <button type="button" className={`data-value v-${kind} edit-value`} aria-label={`Edit ${name}: ${text}`} title="Click to edit" onClick={() => setEditing(typeof value === 'string' ? value : text)}>
      {text}
    </button>
  );
}

function Node({ path, name, value, depth, onSet, open, toggle }: {
  readonly path: DataPath;
  readonly name: string;
  readonly value: unknown;
  readonly depth: number;
  readonly onSet: DataTreeProps['onSet'];
  readonly open: (path: DataPath, depth: number, size: number) => boolean;
  readonly toggle: (path: DataPath, isOpen: boolean) => void;
}) {
  if (!isBranch(value)) {
    return (
      <li className="data-node">
        <span className="data-key">{name}</span>
        <span className="data-colon">:</span> <Leaf path={path} value={value} onSet={onSet} />
      </li>
    );
  }
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const isOpen = open(path, depth, entries.length);
  const shown = entries.slice(0, BRANCH_CHILDREN_MAX);
  return (
    <li className="data-node">
      <button type="button" className="data-toggle" aria-expanded={isOpen} aria-label={`${pathName(path)}: ${sizeText(value)}`} onClick={() => toggle(path, isOpen)}>
        <span className="caret" aria-hidden="true">
          {isOpen ? '▾' : '▸'}
        </span>
        <span className="data-key">{name}</span>
        <span className="data-colon">:</span> <span className="data-size">{sizeText(value)}</span>
      </button>
      {isOpen && entries.length > 0 && (
        <ul className="data-children">
          {shown.map(([key, child]) => (
            <Node key={key} path={[...path, key]} name={String(key)} value={child} depth={depth + 1} onSet={onSet} open={open} toggle={toggle} />
          ))}
          {entries.length > shown.length && <li className="muted data-more">… {entries.length - shown.length} more (Raw JSON shows them all)</li>}
        </ul>
      )}
    </li>
  );
}

export function DataTree({ data, onSet, label }: DataTreeProps) {
  /** Branches opened or closed by the reader, by path (the rest follow the default). */
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const keyOf = (path: DataPath) => JSON.stringify(path);
  const open = (path: DataPath, depth: number, size: number) => toggled.get(keyOf(path)) ?? (depth <= OPEN_DEPTH && size <= OPEN_CHILDREN_MAX);
  const toggle = (path: DataPath, isOpen: boolean) => setToggled((current) => new Map(current).set(keyOf(path), !isOpen));
  if (!isBranch(data)) return <p className="hint">{leafText(data).text}</p>;
  const entries = Object.entries(data);
  if (entries.length === 0) return <p className="hint">No data: the page has set none.</p>;
  return (
    <ul className="data-tree" aria-label={label}>
      {entries.map(([key, value]) => (
        <Node key={key} path={[key]} name={key} value={value} depth={0} onSet={onSet} open={open} toggle={toggle} />
      ))}
    </ul>
  );
}
