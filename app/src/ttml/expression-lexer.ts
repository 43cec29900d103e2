/** Tokens of the `{{ }}` expression language (a small, side-effect-free subset of JavaScript). */

export class ExpressionSyntaxError extends Error {
  constructor(
    /** Offset in the expression source. */
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

export type ExprToken =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'name'; value: string; start: number; end: number }
  | { kind: 'punct'; value: string; start: number; end: number }
  | { kind: 'end'; value: ''; start: number; end: number };

/** Longest first, so that `===` wins over `==` and `=`. */
const PUNCTUATORS = ['...', '===', '!==', '**', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '.', '[', ']', '(', ')', '{', '}', ',', ':', '?', '+', '-', '*', '/', '%', '!', '<', '>'];

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && (/[A-Za-z_$]/.test(c) || c.charCodeAt(0) > 0x7f);
}

function isNamePart(c: string | undefined): boolean {
  return isNameStart(c) || isDigit(c);
}

export function tokenizeExpression(source: string): ExprToken[] {
  const tokens: ExprToken[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
      const match = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(source.slice(i))!;
      i += match[0].length;
      if (isNamePart(source[i])) throw new ExpressionSyntaxError(i, `unexpected character '${source[i]}' after number`);
      tokens.push({ kind: 'number', value: Number(match[0]), start, end: i });
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      i++;
      for (;;) {
        const d = source[i];
        if (d === undefined || d === '\n') throw new ExpressionSyntaxError(start, 'unterminated string');
        i++;
        if (d === c) break;
        if (d === '\\') {
          const e = source[i++];
          if (e === undefined) throw new ExpressionSyntaxError(start, 'unterminated string');
          if (e === 'u' && /^[0-9a-fA-F]{4}/.test(source.slice(i, i + 4))) {
            value += String.fromCharCode(parseInt(source.slice(i, i + 4), 16));
            i += 4;
          } else if (e === 'x' && /^[0-9a-fA-F]{2}/.test(source.slice(i, i + 2))) {
            value += String.fromCharCode(parseInt(source.slice(i, i + 2), 16));
            i += 2;
          } else value += ESCAPES[e] ?? e;
          continue;
        }
        value += d;
      }
      tokens.push({ kind: 'string', value, start, end: i });
      continue;
    }
    if (isNameStart(c)) {
      while (isNamePart(source[i])) i++;
      tokens.push({ kind: 'name', value: source.slice(start, i), start, end: i });
      continue;
    }
    const punct = PUNCTUATORS.find((p) => source.startsWith(p, i));
    if (punct === undefined) throw new ExpressionSyntaxError(i, `unexpected character '${c}'`);
    // `a?.5:1` is a conditional, not optional chaining.
    const value = punct === '?.' && isDigit(source[i + 2]) ? '?' : punct;
    i += value.length;
    tokens.push({ kind: 'punct', value, start, end: i });
  }
  tokens.push({ kind: 'end', value: '', start: source.length, end: source.length });
  return tokens;
}
