/**
 * A list of fixed-height rows that draws only the rows in view (and a few around them), so 10,000 calls
 * cost the page a few dozen elements. While the reader is at the end, the view follows new rows.
 */
import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly rowHeight: number;
  readonly rowKey: (item: T) => string | number;
  /** The row element (its height must be rowHeight); `index` is the item's index in `items`. */
  readonly renderRow: (item: T, index: number) => ReactNode;
  /** The accessible name of the grid (or tree). */
  readonly label: string;
  /** A grid of rows (the logs), or a tree of treeitems (files): a tree has no row count nor row groups. */
  readonly role?: 'grid' | 'tree';
  /** A fixed height in CSS pixels (CSS may cap it), for a list that is not the one filling its pane. */
  readonly height?: number;
  /** A header row (role="row"), drawn above the scrolling rows. */
  readonly header?: ReactNode;
  /** Keeps the end in view while the reader is there (logs). */
  readonly follow?: boolean;
  readonly overscan?: number;
  readonly className?: string;
  /** What the list shows when it has no items. */
  readonly empty?: ReactNode;
  readonly onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** The index of the selected row: scrolled into view when it changes (or the view shrinks under it). */
  readonly activeIndex?: number;
}

/** Height used before the viewport is measured (and in a DOM without layout). */
const FALLBACK_HEIGHT = 600;

/** The rows to draw for a scroll position: [first, last). */
/**
 * Keyboard selection over a list of rows with `seq`s: ↓ / ↑ move the selection (from the first or last row when
 * none is selected), Escape clears it. For a VirtualList's onKeyDown.
 */
export function selectByKeys<T extends { readonly seq: number }>(items: readonly T[], selected: number | undefined, select: (seq: number | undefined) => void) {
  return (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') return select(undefined);
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const down = event.key === 'ArrowDown';
    const index = items.findIndex((item) => item.seq === selected);
    const next = items[index < 0 ? (down ? 0 : items.length - 1) : index + (down ? 1 : -1)];
    if (next) select(next.seq);
  };
}

export function visibleRange(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}

export function VirtualList<T>({ items, rowHeight, rowKey, renderRow, label, role = 'grid', height: fixedHeight, header, follow = false, overscan = 8, className, empty, onKeyDown, activeIndex }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  /** Whether the reader was at the end before the last change of items. */
  const atEnd = useRef(true);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => {
      setHeight(element.clientHeight);
      // A log that follows its end keeps following when the view shrinks (a details pane opens below it).
      if (follow && atEnd.current) element.scrollTop = element.scrollHeight;
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [follow]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || activeIndex === undefined || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    const viewportHeight = element.clientHeight;
    if (!viewportHeight) return;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + viewportHeight) element.scrollTop = top + rowHeight - viewportHeight;
    else return;
    atEnd.current = element.scrollTop + viewportHeight >= element.scrollHeight - rowHeight;
    setScrollTop(element.scrollTop);
  }, [activeIndex, height, rowHeight]);

  // A list that follows its end is drawn at its end (below); this only moves the scrollbar there, so a new
  // length costs one render, not a second one after the scroll.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !follow || !atEnd.current) return;
    element.scrollTop = element.scrollHeight;
  }, [items.length, follow]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    atEnd.current = element.scrollTop + element.clientHeight >= element.scrollHeight - rowHeight;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(element.scrollTop));
  }, [rowHeight]);

  const viewport = height || FALLBACK_HEIGHT;
  const top = follow && atEnd.current ? Math.max(0, items.length * rowHeight - viewport) : scrollTop;
  const [first, last] = visibleRange(top, viewport, rowHeight, items.length, overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const item = items[i]!;
    rows.push(<Fragment key={rowKey(item)}>{renderRow(item, i)}</Fragment>);
  }

  const grid = role === 'grid';
  return (
    <div
      className={`vlist ${className ?? ''}`}
      role={role}
      aria-label={label}
      {...(grid ? { 'aria-rowcount': items.length + (header ? 1 : 0) } : {})}
      style={fixedHeight === undefined ? undefined : { height: fixedHeight, flex: 'none' }}
      onKeyDown={onKeyDown}
    >
      {header && <div role="rowgroup" className="vlist-head">{header}</div>}
      {/* A rowgroup holds rows: an empty grid says so in a row of its own (or its rowgroup has no role). */}
      <div className="vlist-scroll" ref={scroller} onScroll={onScroll} {...(grid && (items.length > 0 || empty) ? { role: 'rowgroup' } : {})}>
        {items.length === 0 && empty ? (
          grid ? (
            <div role="row" className="vlist-empty">
              <div role="gridcell">{empty}</div>
            </div>
          ) : (
            <div className="vlist-empty">{empty}</div>
          )
        ) : null}
        <div style={{ height: items.length * rowHeight, position: 'relative' }}>
          <div style={{ position: 'absolute', left: 0, right: 0, top: 0, transform: `translateY(${first * rowHeight}px)` }}>{rows}</div>
        </div>
      </div>
    </div>
  );
}
