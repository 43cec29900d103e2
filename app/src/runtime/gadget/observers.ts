/**
 * Data observers of custom components: `observers: { 'a, b': fn, 'obj.field': fn, 'list[0]': fn,
 * 'obj.**': fn, '**': fn }`. WeChat's documented rule (data observers page; inferred for Feishu):
 * - `some.field` fires when setData sets `some.field` or an ancestor of it (`some`);
 * - `some.field.**` also fires when a path below it is set (`some.field.x`); `**` fires on every setData;
 * - the function gets the current value of each listed path, in order.
 * Observers run inside setData (before the render), so their own setData joins the same render.
 */
import { getByPath, parseDataPath } from './data-path.js';

type Segment = string | number;

export interface ObserverPath {
  readonly segments: readonly Segment[];
  /** Ends with `.**` (or is `**`): paths below it trigger too. */
  readonly deep: boolean;
  /** The path as written, without `.**` ('' for `**`). */
  readonly text: string;
}

export interface Observer {
  readonly paths: readonly ObserverPath[];
  readonly callback: ((...args: unknown[]) => unknown) | string;
  /** The key as written, for messages. */
  readonly key: string;
}

/** `'a, b.c, list[0], x.**'` → paths; throws with a message naming the bad part. */
export function parseObserverKey(key: string): ObserverPath[] {
  return key.split(',').map((part) => {
    const text = part.trim();
    if (text === '**') return { segments: [], deep: true, text: '' };
    const deep = text.endsWith('.**');
    const path = deep ? text.slice(0, -3) : text;
    try {
      return { segments: parseDataPath(path), deep, text: path };
    } catch {
      throw new Error(`observer "${key}" has an invalid path "${text}" (write a.b, list[0], a.** or **)`);
    }
  });
}

function isPrefix(prefix: readonly Segment[], of: readonly Segment[]): boolean {
  if (prefix.length > of.length) return false;
  for (let i = 0; i < prefix.length; i++) if (String(prefix[i]) !== String(of[i])) return false;
  return true;
}

/** Whether setting `changed` fires an observer of `path`. */
export function triggers(path: ObserverPath, changed: readonly Segment[]): boolean {
  return isPrefix(changed, path.segments) || (path.deep && isPrefix(path.segments, changed));
}

/** The arguments an observer gets: each path's current value. */
export function observerArguments(observer: Observer, data: Record<string, unknown>): unknown[] {
  return observer.paths.map((path) => (path.segments.length === 0 ? data : getByPath(data, path.text)));
}

export { parseDataPath };
