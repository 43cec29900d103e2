/**
 * How values cross the wire (JSON) and the protocol's constants. No zod here: the guest bundle imports
 * this file for its values and messages.ts for types only.
 */

/** How many events a session's stream keeps (older ones are dropped); the devtools log keeps as many. */
export const EVENTS_KEPT = 10_000;

/** The key of an applied rule in a devtools `events` message: rule ids are unique within one API. */
export const shellRuleKey = (api: string, id: string): string => `${api} ${id}`;

/**
 * Values that JSON cannot carry: ArrayBuffer (readFile without encoding, writeFile data), Date (storage
 * values, as milliseconds) and the no-argument methods of results (Stats.isFile()), sent as their value.
 */
type Encoded = { $ab: string } | { $fn: unknown } | { $date: number | null };

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Thrown by decodeValue for a value the wire format does not allow (the host answers it as malformed). */
export class WireError extends Error {}

function fromBase64(text: string): ArrayBuffer {
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new WireError('a $ab value is not base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function encodeValue(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { $ab: toBase64(new Uint8Array(value)) } satisfies Encoded;
  if (ArrayBuffer.isView(value)) return { $ab: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) } satisfies Encoded;
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? null : value.getTime() } satisfies Encoded;
  if (typeof value === 'function') return { $fn: encodeValue((value as () => unknown)()) } satisfies Encoded;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  }
  return value;
}

/**
 * Limits of what one message may hold; the host refuses a message past them (HostConnection.dispatch)
 * instead of letting it take the process's stack or memory.
 */
export const WIRE_LIMITS = {
  /** Bytes of one WebSocket frame or sync-channel body: room for a 32 MiB file in base64 and its envelope. */
  messageBytes: 48 * 1024 * 1024,
  /** Nesting of arrays and objects in one message (a gadget's params are a handful deep). */
  depth: 64,
  /** Elements of one array, keys of one object. */
  entries: 100_000,
} as const;

/**
 * Where `value` breaks WIRE_LIMITS (depth, entries), or undefined when it keeps them. Iterative, so a
 * message nested 20,000 deep costs a loop, not the stack.
 */
export function wireLimitBreach(value: unknown): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= WIRE_LIMITS.depth) return `it is nested deeper than ${WIRE_LIMITS.depth} levels`;
    const children = Array.isArray(item) ? item : Object.values(item);
    if (children.length > WIRE_LIMITS.entries) return `an array or object has more than ${WIRE_LIMITS.entries} entries`;
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return undefined;
}

/** The inverse of encodeValue; throws a WireError on a $ab that is not base64. Callers check wireLimitBreach first. */
export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$ab' && typeof (value as { $ab: unknown }).$ab === 'string') return fromBase64((value as { $ab: string }).$ab);
    if (keys.length === 1 && keys[0] === '$date') {
      const time = (value as { $date: unknown }).$date;
      return new Date(typeof time === 'number' ? time : Number.NaN);
    }
    if (keys.length === 1 && keys[0] === '$fn') {
      const result = decodeValue((value as { $fn: unknown }).$fn);
      return () => result;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeValue(v)]));
  }
  return value;
}
