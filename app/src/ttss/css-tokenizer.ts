/**
 * A CSS tokenizer after CSS Syntax Level 3, simplified: every token keeps its raw text, so joining the
 * tokens gives back the source byte for byte. TTSS rewrites (rpx, tag selectors, @import) work on tokens,
 * which keeps strings, comments and url(…) out of their reach.
 */

export type CssTokenType =
  | 'whitespace'
  | 'comment'
  | 'string'
  | 'url'
  | 'ident'
  | 'function'
  | 'at-keyword'
  | 'hash'
  | 'number'
  | 'percentage'
  | 'dimension'
  | 'delim'
  | '{'
  | '}'
  | '('
  | ')'
  | '['
  | ']'
  | ';'
  | ':'
  | ',';

export interface CssToken {
  type: CssTokenType;
  /** Raw source text of the token. */
  text: string;
  /** Offset in the source. */
  start: number;
  /** Ident, function and at-keyword name (without `(` / `@`); the unit of a dimension. */
  name?: string;
  /** Numeric value of number, percentage and dimension tokens. */
  value?: number;
}

const SINGLE: Record<string, CssTokenType> = { '{': '{', '}': '}', '(': '(', ')': ')', '[': '[', ']': ']', ';': ';', ':': ':', ',': ',' };

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && (/[A-Za-z_]/.test(c) || c.charCodeAt(0) >= 0x80);
}

function isNameChar(c: string | undefined): boolean {
  return isNameStart(c) || isDigit(c) || c === '-';
}

function isWhitespace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

/** A backslash that starts an escape (not one before a newline). */
function isEscape(source: string, i: number): boolean {
  return source[i] === '\\' && source[i + 1] !== undefined && source[i + 1] !== '\n';
}

function startsIdent(source: string, i: number): boolean {
  const c = source[i];
  if (c === '-') return isNameStart(source[i + 1]) || source[i + 1] === '-' || isEscape(source, i + 1);
  return isNameStart(c) || isEscape(source, i);
}

function startsNumber(source: string, i: number): boolean {
  const c = source[i];
  if (c === '+' || c === '-') return isDigit(source[i + 1]) || (source[i + 1] === '.' && isDigit(source[i + 2]));
  if (c === '.') return isDigit(source[i + 1]);
  return isDigit(c);
}

/** Consumes a name (with escapes) from `i`; returns its end. */
function consumeName(source: string, i: number): number {
  while (i < source.length) {
    if (isNameChar(source[i])) i++;
    else if (isEscape(source, i)) {
      i++;
      if (/[0-9a-fA-F]/.test(source[i]!)) {
        let n = 0;
        while (n < 6 && /[0-9a-fA-F]/.test(source[i] ?? '')) {
          i++;
          n++;
        }
        if (isWhitespace(source[i])) i++;
      } else i++;
    } else break;
  }
  return i;
}

export function tokenizeCss(source: string): CssToken[] {
  const tokens: CssToken[] = [];
  let i = 0;
  const push = (type: CssTokenType, start: number, extra: Partial<CssToken> = {}) => {
    tokens.push({ type, text: source.slice(start, i), start, ...extra });
  };
  while (i < source.length) {
    const start = i;
    const c = source[i]!;
    if (isWhitespace(c)) {
      while (isWhitespace(source[i])) i++;
      push('whitespace', start);
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
      push('comment', start);
    } else if (c === '"' || c === "'") {
      i++;
      while (i < source.length && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      if (source[i] === c) i++;
      push('string', start);
    } else if (startsNumber(source, i)) {
      const match = /^[+-]?(?:\d*\.\d+|\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i))!;
      i += match[0].length;
      const value = Number(match[0]);
      if (startsIdent(source, i)) {
        const unitStart = i;
        i = consumeName(source, i);
        push('dimension', start, { value, name: source.slice(unitStart, i) });
      } else if (source[i] === '%') {
        i++;
        push('percentage', start, { value });
      } else push('number', start, { value });
    } else if (startsIdent(source, i)) {
      i = consumeName(source, i);
      const name = source.slice(start, i);
      if (source[i] !== '(') push('ident', start, { name });
      else if (name.toLowerCase() === 'url' && !/^\(\s*["']/.test(source.slice(i, i + 64))) {
        // url(unquoted) is one token up to its ')'.
        i++;
        while (i < source.length && source[i] !== ')') i += source[i] === '\\' ? 2 : 1;
        if (source[i] === ')') i++;
        push('url', start, { name });
      } else {
        i++;
        push('function', start, { name });
      }
    } else if (c === '@' && startsIdent(source, i + 1)) {
      i = consumeName(source, i + 1);
      push('at-keyword', start, { name: source.slice(start + 1, i) });
    } else if (c === '#' && (isNameChar(source[i + 1]) || isEscape(source, i + 1))) {
      i = consumeName(source, i + 1);
      push('hash', start, { name: source.slice(start + 1, i) });
    } else {
      i++;
      push(SINGLE[c] ?? 'delim', start);
    }
  }
  return tokens;
}
