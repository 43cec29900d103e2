/**
 * What one event may keep of what a client sent or an API returned, so that a session's stream stays
 * bounded however large the gadget's console messages or files are. Large strings are cut with a marker
 * that says how long they were; large binary values are kept as a note of their size. The original value
 * (what the guest gets back) is never changed: a copy is made only where something is cut.
 */

/** Characters kept of one string in an event. */
export const EVENT_STRING_CHARS = 16 * 1024;
/** Bytes kept of one binary value (ArrayBuffer, typed array) in an event. */
export const EVENT_BINARY_BYTES = 64 * 1024;
/** The budget of one event, about its size in bytes (strings count their length). */
export const EVENT_BYTES = 256 * 1024;
/** The budget of a session's whole stream: past it the oldest events are dropped. */
export const STREAM_BYTES = 64 * 1024 * 1024;

export const truncatedMarker = (length: number) => `…[ttsim: truncated, ${length.toLocaleString('en-US')} characters in all]`;

/** `value` within the budgets, and about how many bytes it holds. */
export function boundEvent<T>(value: T): { value: T; bytes: number } {
  let remaining = EVENT_BYTES;
  const seen = new WeakSet<object>();
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') {
      const keep = Math.max(0, Math.min(item.length, EVENT_STRING_CHARS, remaining));
      remaining -= keep + 2;
      return keep === item.length ? item : item.slice(0, keep) + truncatedMarker(item.length);
    }
    if (item === null || typeof item !== 'object') {
      remaining -= 8;
      return item;
    }
    if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) {
      const size = item.byteLength;
      if (size <= Math.min(EVENT_BINARY_BYTES, remaining)) {
        remaining -= size;
        return item;
      }
      remaining -= 64;
      return `[ttsim: ${size.toLocaleString('en-US')} bytes of binary data, not kept in the event stream]`;
    }
    if (item instanceof Date || typeof item === 'function') return item;
    if (seen.has(item)) return '[ttsim: circular]';
    seen.add(item);
    if (remaining <= 0) return '[ttsim: truncated, the event passed its size budget]';
    let changed = false;
    const entries = Array.isArray(item) ? item.map((v, i) => [i, v] as const) : Object.entries(item);
    const out: [string | number, unknown][] = [];
    for (const [key, child] of entries) {
      remaining -= typeof key === 'string' ? key.length + 4 : 2;
      const bounded = walk(child);
      if (bounded !== child) changed = true;
      out.push([key, bounded]);
    }
    if (!changed) return item;
    return Array.isArray(item) ? out.map(([, v]) => v) : Object.fromEntries(out);
  };
  const bounded = walk(value) as T;
  return { value: bounded, bytes: EVENT_BYTES - remaining };
}
