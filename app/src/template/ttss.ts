/**
 * TTSS → CSS: rpx → px (750 rpx = the window width), @import inlined (cycles refused), and TTML tag
 * selectors (`view`, `page`) rewritten to the DOM renderer's markers. A small tokenizer keeps strings,
 * comments and url() intact; @media / @supports bodies are rewritten, @keyframes selectors are not.
 */
import { toDomSelector } from './selector.js';

export interface TtssOptions {
  readonly path: string;
  readonly load?: (path: string) => string | undefined;
  /** px per rpx: the window width / 750. */
  readonly rpxToPx?: number;
}

export class TtssError extends Error {
  constructor(
    readonly detail: string,
    readonly path: string,
    readonly line: number,
  ) {
    super(`${path}:${line}: ${detail}`);
    this.name = 'TtssError';
  }
}

function resolvePath(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') base.pop();
    else base.push(part);
  }
  return base.join('/');
}

/** Converts rpx numbers outside strings, comments and url(). */
export function convertRpx(css: string, rpxToPx: number): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const c = css[i]!;
    if (c === '"' || c === "'") {
      const end = css.indexOf(c, i + 1);
      const stop = end < 0 ? css.length : end + 1;
      out += css.slice(i, stop);
      i = stop;
    } else if (css.startsWith('/*', i)) {
      const end = css.indexOf('*/', i + 2);
      const stop = end < 0 ? css.length : end + 2;
      out += css.slice(i, stop);
      i = stop;
    } else if (/url\(/i.test(css.slice(i, i + 4))) {
      const end = css.indexOf(')', i);
      const stop = end < 0 ? css.length : end + 1;
      out += css.slice(i, stop);
      i = stop;
    } else {
      const match = /^(-?(?:\d+\.?\d*|\.\d+))rpx(?![\w-])/.exec(css.slice(i));
      const previous = out[out.length - 1] ?? ' ';
      if (match && !/[\w.-]/.test(previous)) {
        const px = Number(match[1]) * rpxToPx;
        out += `${Number(px.toFixed(4))}px`;
        i += match[0].length;
      } else {
        out += c;
        i++;
      }
    }
  }
  return out;
}

export function compileTtss(source: string, options: TtssOptions): string {
  return convertRpx(expand(source, options.path, options, [options.path]), options.rpxToPx ?? 1);
}

function lineAt(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** Inlines @import and rewrites selectors; rpx is converted afterwards over the whole text. */
function expand(source: string, path: string, options: TtssOptions, chain: readonly string[]): string {
  const skipString = (j: number) => {
    const quote = source[j]!;
    const end = source.indexOf(quote, j + 1);
    return end < 0 ? source.length : end + 1;
  };
  /** Copies a declaration block starting at '{', returning the index after its '}'. */
  const block = (start: number): number => {
    let depth = 0;
    for (let j = start; j < source.length; j++) {
      const c = source[j]!;
      if (c === '"' || c === "'") {
        j = skipString(j) - 1;
      } else if (source.startsWith('/*', j)) j = (source.indexOf('*/', j + 2) + 2 || source.length) - 1;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return j + 1;
    }
    throw new TtssError('unclosed {', path, lineAt(source, start));
  };
  const rules = (from: number, to: number, rewrite: boolean): string => {
    let result = '';
    let j = from;
    while (j < to) {
      const c = source[j]!;
      if (/\s/.test(c)) {
        result += c;
        j++;
      } else if (source.startsWith('/*', j)) {
        const end = source.indexOf('*/', j + 2);
        const stop = end < 0 ? to : end + 2;
        result += source.slice(j, stop);
        j = stop;
      } else if (c === '@') {
        const semicolon = source.indexOf(';', j);
        const brace = source.indexOf('{', j);
        if (semicolon >= 0 && (brace < 0 || semicolon < brace)) {
          const statement = source.slice(j, semicolon + 1);
          const imported = /^@import\s+(?:url\()?\s*(['"])(.+?)\1\s*\)?\s*;$/.exec(statement.trim());
          if (imported) {
            const target = resolvePath(path, imported[2]!);
            if (chain.includes(target)) throw new TtssError(`@import cycle: ${[...chain, target].join(' → ')}`, path, lineAt(source, j));
            const text = options.load?.(target);
            if (text === undefined) throw new TtssError(`cannot find ${target} (@import)`, path, lineAt(source, j));
            result += expand(text, target, options, [...chain, target]);
          } else result += statement;
          j = semicolon + 1;
        } else if (brace >= 0) {
          const end = block(brace);
          const prelude = source.slice(j, brace);
          const nested = /^@(media|supports|document|layer|container)\b/i.test(prelude);
          result += nested ? `${prelude}{${rules(brace + 1, end - 1, rewrite)}}` : source.slice(j, end);
          j = end;
        } else {
          result += source.slice(j, to);
          j = to;
        }
      } else {
        const brace = source.indexOf('{', j);
        if (brace < 0 || brace >= to) {
          result += source.slice(j, to);
          break;
        }
        const end = block(brace);
        const selector = source.slice(j, brace);
        result += `${rewrite ? toDomSelector(selector.trim()) : selector.trim()} ${source.slice(brace, end)}`;
        j = end;
      }
    }
    return result;
  };
  return rules(0, source.length, true);
}
