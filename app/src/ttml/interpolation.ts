/** Splits text and attribute values into static parts and `{{ expr }}` parts. */

export type Part = { kind: 'static'; text: string } | { kind: 'expr'; source: string; offset: number };

export class UnclosedInterpolationError extends Error {
  constructor(readonly offset: number) {
    super("'{{' is never closed with '}}'");
  }
}

/**
 * Finds the `}}` that closes the `{{` ending just before `from`: quotes are skipped, and braces of object
 * literals nest, so `{{ {a: {b: 1}} }}` closes at the last `}}`.
 */
function findClose(raw: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < raw.length; i++) {
    const c = raw[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0 && raw[i + 1] === '}') return i;
      if (depth > 0) depth--;
    }
  }
  return -1;
}

/** Offsets in `parts` are relative to `raw`; throws UnclosedInterpolationError. */
export function splitInterpolations(raw: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('{{', i);
    if (open < 0) break;
    const close = findClose(raw, open + 2);
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

/**
 * In text (outside tags), a `<` inside `{{ }}` would start a tag for the HTML tokenizer: `{{a<b}}`. This
 * replaces such characters by a private-use placeholder of the same length, so offsets do not move;
 * `restoreProtected` puts them back.
 */
const PLACEHOLDER = '\uE000';

export function protectInterpolations(source: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      i = end < 0 ? source.length : end + 3;
    } else if (source[i] === '<' && /[A-Za-z/!?]/.test(source[i + 1] ?? '')) {
      // A tag: skip to its end, minding quoted attribute values.
      let quote: string | null = null;
      i++;
      for (; i < source.length; i++) {
        const c = source[i];
        if (quote !== null) {
          if (c === quote) quote = null;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      i++;
    } else if (source.startsWith('{{', i)) {
      const close = findClose(source, i + 2);
      if (close < 0) {
        // Unclosed: left for the compiler to report.
        i += 2;
        continue;
      }
      const end = close + 2;
      const inner = source.slice(i, end);
      if (inner.includes('<')) {
        out += source.slice(copied, i) + inner.replaceAll('<', PLACEHOLDER);
        copied = end;
      }
      i = end;
    } else i++;
  }
  return copied === 0 ? source : out + source.slice(copied);
}

export function restoreProtected(text: string): string {
  return text.includes(PLACEHOLDER) ? text.replaceAll(PLACEHOLDER, '<') : text;
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
