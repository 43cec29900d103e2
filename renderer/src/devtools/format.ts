/** How the devtools write sizes, times, file types and values. */
import type { ClientProfile, FileArea, SessionInfo } from './protocol.js';

/** 1536 → "1.5 KB" (1024-based, as file managers show sizes). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Local wall-clock time with milliseconds: 14:03:27.512. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function formatDuration(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** "gadget · ios · client 7.39.0 · iPhone 15" */
export function profileText(profile: ClientProfile): string {
  return `${profile.app} · ${profile.platform} · client ${profile.client} · ${profile.device.label}`;
}

/** The last part of a path. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

/** The area's root as the guest names it. */
export function areaLabel(area: FileArea): string {
  return area === 'package' ? 'package (read-only)' : `ttfile://${area}`;
}

/** The path below its area's root: ttfile://temp/a/b.jpg → a/b.jpg. */
export function relativePath(path: string): string {
  return path.replace(/^ttfile:\/\/(temp|user)\/?/, '');
}

/** How deep a file is below its area's root (0 for a top-level file). */
export function depthOf(path: string): number {
  return relativePath(path).split('/').length - 1;
}

const IMAGE_EXT = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'svg', 'avif', 'ico', 'heic']);
const TEXT_EXT = new Set(['txt', 'json', 'js', 'mjs', 'ts', 'ttml', 'ttss', 'css', 'html', 'htm', 'md', 'xml', 'csv', 'log', 'map', 'wxs', 'sjs', 'yml', 'yaml']);

export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export const isImagePath = (path: string): boolean => IMAGE_EXT.has(extensionOf(path));
export const isTextPath = (path: string): boolean => TEXT_EXT.has(extensionOf(path));

/** What the list shows as a file's type: folder, or its extension (JPG, JSON, …). */
export function typeLabel(path: string, dir: boolean): string {
  if (dir) return 'folder';
  const ext = extensionOf(path);
  return ext ? ext.toUpperCase() : 'file';
}

/** Where the page fetches a sandbox or package file (add download for a Save dialog). */
export function fileHref(session: Pick<SessionInfo, 'fileUrl'>, path: string, download = false): string {
  return `${session.fileUrl}${encodeURIComponent(path)}${download ? '&download' : ''}`;
}

/** A value for a <pre>: JSON, with ArrayBuffers and methods (decoded from the wire) written out (indent 0: one line). */
export function showValue(value: unknown, indent = 2): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (v instanceof ArrayBuffer) return `[ArrayBuffer ${v.byteLength} bytes]`;
      if (typeof v === 'function') return `[method → ${JSON.stringify((v as () => unknown)())}]`;
      if (v instanceof Date) return `[Date ${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()}]`;
      return v;
    },
    indent || undefined,
  );
}

/** after / before as a percentage: "42.3 %". */
export function ratioText(before: number, after: number): string {
  if (!before) return '—';
  return `${((after / before) * 100).toFixed(1)} %`;
}
