/** Splits text and attribute values into static parts and `{{ expr }}` parts. */
import { findInterpolationClose } from '../../../emulator-api/src/common/ttml/interpolation-close.js';

export type Part = { kind: 'static'; text: string } | { kind: 'expr'; source: string; offset: number };

export class UnclosedInterpolationError extends Error {
  constructor(readonly offset: number) {
    super("'{{' is never closed with '}}'");
  }
}

/** Offsets in `parts` are relative to `raw`; throws UnclosedInterpolationError. */
export function splitInterpolations(raw: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('{{', i);
    if (open < 0) break;
    const close = findInterpolationClose(raw, open + 2);
    if (close < 0) throw new UnclosedInterpolationError(open);
    if (open > i) parts.push({ kind: 'static', text: raw.slice(i, open) });
    parts.push({ kind: 'expr', source: raw.slice(open + 2, close), offset: open + 2 });
    i = close + 2;
  }
  if (i < raw.length) parts.push({ kind: 'static', text: raw.slice(i) });
  return parts;
}

export function hasInterpolation(raw: string): boolean {
  return raw.includes('{{');
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes `&lt; &gt; &amp; &quot; &apos; &nbsp;` and numeric references; anything else stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return XML_ENTITIES[name] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
