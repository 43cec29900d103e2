/** Reading component attributes as WeChat does, and small DOM helpers shared by the components. */
import type { Attrs } from './component.js';

/** `show-value` may also be written `showValue`. */
export function read(attrs: Attrs, name: string): unknown {
  const value = attrs[name];
  if (value !== undefined || !name.includes('-')) return value;
  return attrs[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
}

/** Boolean attributes are JavaScript truthiness: `"false"` is a non-empty string, so true (WeChat's rule). */
export function readFlag(attrs: Attrs, name: string): boolean {
  return Boolean(read(attrs, name));
}

export function readText(attrs: Attrs, name: string, fallback = ''): string {
  const value = read(attrs, name);
  return value === undefined || value === null ? fallback : String(value);
}

export function readNumber(attrs: Attrs, name: string, fallback: number): number {
  const value = read(attrs, name);
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? n : fallback;
}

/** Whether an attribute changed since the previous render (always on the first). */
export function changed(next: Attrs, previous: Attrs | undefined, name: string): boolean {
  return previous === undefined || !Object.is(read(next, name), read(previous, name));
}

export function toggleAttribute(element: Element, name: string, on: boolean, value = ''): void {
  if (!on) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

export function setAttributeIfChanged(element: Element, name: string, value: string | null): void {
  if (value === null) toggleAttribute(element, name, false);
  else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
