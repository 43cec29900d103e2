/** setData's path keys: 'a.b', 'list[0].name', 'list[2]' set nested values, creating objects and arrays on the way. */

type Segment = string | number;

/** Keys that lead from a data object to its prototype: a path through one would change every object of the guest. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseDataPath(path: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(path))) {
    const between = path.slice(consumed, match.index);
    if (between !== '' && between !== '.') throw new Error(`invalid setData path ${JSON.stringify(path)}`);
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
    consumed = match.index + match[0].length;
  }
  if (consumed !== path.length || segments.length === 0) throw new Error(`invalid setData path ${JSON.stringify(path)}`);
  const unsafe = segments.find((s) => typeof s === 'string' && UNSAFE_KEYS.has(s));
  if (unsafe !== undefined) throw new Error(`invalid setData path ${JSON.stringify(path)}: ${String(unsafe)} is not a data key (it would reach the object's prototype)`);
  return segments;
}

export function setByPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = parseDataPath(path);
  let current: Record<string | number, unknown> = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    const nextIsIndex = typeof segments[i + 1] === 'number';
    let child = current[key];
    if (child === null || typeof child !== 'object') {
      child = nextIsIndex ? [] : {};
      current[key] = child;
    }
    current = child as Record<string | number, unknown>;
  }
  current[segments[segments.length - 1]!] = value;
}

export function getByPath(target: unknown, path: string): unknown {
  let current = target;
  for (const key of parseDataPath(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** setData copies what it is given, as the real framework serialises it across threads. */
export function cloneData<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
