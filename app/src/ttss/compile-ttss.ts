/**
 * compileTtss: TTSS → CSS for the rendered DOM.
 * - `rpx` → `px` (× rpxToPx) in declarations and at-rule preludes, never in strings, url() or names;
 * - TTML type selectors → the renderer's marker scheme (`view` → `div:where([data-tt="view"])`);
 * - top-level `@import "./a.ttss";` is replaced by the compiled file (relative or root-absolute paths;
 *   a cycle or a missing file is a TtssError with path and line); `@import` of an http(s) URL stays.
 * Everything else — comments, formatting, unknown at-rules — passes through unchanged.
 */
import { LineIndex, SourceError } from '../../../emulator-api/src/common/ttml/source-file.js';
import { resolvePackagePath, normalisePackagePath } from '../ttml/package-path.js';
import { rewriteSelectorTokens } from '../dom/selector.js';
import { tokenizeCss, type CssToken } from './css-tokenizer.js';
import { convertRpxToken } from './rpx.js';

export interface TtssOptions {
  /** Package path of this file, e.g. `pages/index/index.ttss`. */
  path: string;
  /** Reads another package file; undefined if it does not exist. */
  load?: (path: string) => string | undefined;
  /** px per rpx: windowWidth / 750. Default 1. */
  rpxToPx?: number;
}

/** A TTSS compile error (path, line, column, reason). */
export class TtssError extends SourceError {
  override readonly name = 'TtssError';
}

/** What the items of a block are: rules (stylesheet, @media), declarations (a rule, @font-face), keyframes. */
type BlockKind = 'rules' | 'declarations' | 'keyframes';

/** At-rules whose block holds rules; keyframes hold keyframe selectors; any other block holds declarations. */
const RULE_BLOCK_AT_RULES = new Set(['media', 'supports', 'document', '-moz-document', 'layer', 'container', 'scope', 'starting-style']);

function blockKindOf(atRule: string): BlockKind {
  const name = atRule.toLowerCase();
  if (RULE_BLOCK_AT_RULES.has(name)) return 'rules';
  if (name.endsWith('keyframes')) return 'keyframes';
  return 'declarations';
}

function stripQuotes(text: string): string {
  const q = text[0];
  return (q === '"' || q === "'") && text.endsWith(q) && text.length >= 2 ? text.slice(1, -1) : text;
}

class TtssCompiler {
  private readonly lines: LineIndex;

  constructor(
    private readonly path: string,
    private readonly source: string,
    private readonly options: TtssOptions,
    /** Files being compiled, outermost first (for cycle detection). */
    private readonly importing: string[],
  ) {
    this.lines = new LineIndex(source);
  }

  error(offset: number, reason: string): TtssError {
    const { line, column } = this.lines.position(offset);
    return new TtssError(this.path, line, column, reason);
  }

  compile(): string {
    const tokens = tokenizeCss(this.source);
    const ratio = this.options.rpxToPx ?? 1;
    const stack: BlockKind[] = ['rules'];
    let out = '';
    /** Index of the first token of the item being read (a prelude or a declaration). */
    let segmentStart = 0;

    const rpx = (from: number, to: number) => {
      let text = '';
      for (let i = from; i < to; i++) text += convertRpxToken(tokens[i]!, ratio);
      return text;
    };
    const raw = (from: number, to: number) => {
      let text = '';
      for (let i = from; i < to; i++) text += tokens[i]!.text;
      return text;
    };
    /** First token of the segment that is not whitespace or a comment. */
    const firstSignificant = (from: number, to: number) => {
      for (let i = from; i < to; i++) if (tokens[i]!.type !== 'whitespace' && tokens[i]!.type !== 'comment') return tokens[i];
      return undefined;
    };

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const kind = stack[stack.length - 1]!;
      if (token.type === '{') {
        const first = firstSignificant(segmentStart, i);
        let child: BlockKind = 'declarations';
        if (first?.type === 'at-keyword') {
          out += rpx(segmentStart, i);
          child = blockKindOf(first.name!);
        } else if (kind === 'keyframes') {
          out += raw(segmentStart, i);
        } else {
          out += rewriteSelectorTokens(tokens.slice(segmentStart, i));
        }
        out += '{';
        stack.push(child);
        segmentStart = i + 1;
      } else if (token.type === ';' || token.type === '}') {
        const first = firstSignificant(segmentStart, i);
        if (first?.type === 'at-keyword' && first.name!.toLowerCase() === 'import' && stack.length === 1) {
          out += this.inlineImport(tokens.slice(segmentStart, i), first);
          if (token.type === '}') out += '}';
        } else {
          out += (kind === 'rules' && first?.type !== 'at-keyword' ? raw : rpx)(segmentStart, i) + token.text;
        }
        if (token.type === '}' && stack.length > 1) stack.pop();
        segmentStart = i + 1;
      }
    }
    if (segmentStart < tokens.length) {
      const first = firstSignificant(segmentStart, tokens.length);
      out += stack[stack.length - 1] === 'declarations' || first?.type === 'at-keyword' ? rpx(segmentStart, tokens.length) : raw(segmentStart, tokens.length);
    }
    return out;
  }

  /** `@import "x.ttss" [media];` → the compiled file (wrapped in `@media` when a media list follows). */
  private inlineImport(segment: CssToken[], at: CssToken): string {
    const significant = segment.filter((t) => t.type !== 'whitespace' && t.type !== 'comment');
    const target = significant[1];
    let href: string | undefined;
    let rest = 2;
    if (target?.type === 'string') href = stripQuotes(target.text);
    else if (target?.type === 'url') href = target.text.slice(target.text.indexOf('(') + 1, -1).trim();
    else if (target?.type === 'function' && target.name!.toLowerCase() === 'url' && significant[2]?.type === 'string') {
      href = stripQuotes(significant[2].text);
      rest = 4;
    }
    if (href === undefined) throw this.error(at.start, '@import needs a path: @import "./common.ttss";');
    if (/^([a-z]+:)?\/\//i.test(href) || /^data:/i.test(href)) return segment.map((t) => t.text).join('') + ';';
    const path = resolvePackagePath(this.path, href);
    if (this.importing.includes(path)) throw this.error(at.start, `@import cycle: ${[...this.importing.slice(this.importing.indexOf(path)), path].join(' → ')}`);
    const text = this.options.load?.(path);
    if (text === undefined) throw this.error(at.start, `cannot @import "${href}": ${path} does not exist`);
    const inner = new TtssCompiler(path, text, this.options, [...this.importing, path]).compile();
    const media = segment
      .slice(segment.indexOf(significant[rest - 1]!) + 1)
      .map((t) => t.text)
      .join('')
      .trim();
    const before = segment
      .slice(0, segment.indexOf(at))
      .map((t) => t.text)
      .join('');
    return before + (media ? `@media ${media} {\n${inner}\n}` : inner);
  }
}

export function compileTtss(source: string, options: TtssOptions): string {
  const path = normalisePackagePath(options.path);
  return new TtssCompiler(path, source, options, [path]).compile();
}
