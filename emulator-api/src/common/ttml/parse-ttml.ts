/**
 * TTML source → a raw element tree with source offsets, using htmlparser2's tokenizer in XML mode (tag and
 * attribute case kept, `<image />` self-closes, no HTML implied-close rules: `<button><input/></button>`
 * nests as written). Tags must close in order, as WeChat's compiler requires.
 */
import { QuoteType, Tokenizer } from 'htmlparser2';
import { findInterpolationClose } from './interpolation-close.js';
import type { ParsedTemplate } from './parsed-templates.js';
import { SourceFile, TtmlError } from './source-file.js';

export interface RawAttribute {
  name: string;
  /** `true` for a bare attribute (`<slider show-value/>`); the raw text otherwise (entities not decoded). */
  value: string | true;
  nameOffset: number;
  valueOffset: number;
}

export interface RawElement {
  kind: 'element';
  tag: string;
  attributes: RawAttribute[];
  children: RawNode[];
  /** Offset of `<`. */
  offset: number;
}

export interface RawText {
  kind: 'text';
  /** As written (entities not decoded). */
  text: string;
  offset: number;
}

export type RawNode = RawElement | RawText;

export function parseTtml(file: SourceFile): RawNode[] {
  const source = protectInterpolations(file.text);
  const root: RawElement = { kind: 'element', tag: '#root', attributes: [], children: [], offset: 0 };
  const stack: RawElement[] = [root];
  let open: RawElement | undefined;
  let attribute: RawAttribute | undefined;
  let attributeEnd = 0;
  let text: { start: number; end: number } | undefined;
  let failure: Error | undefined;

  const top = () => stack[stack.length - 1]!;
  const flushText = () => {
    if (text === undefined) return;
    top().children.push({ kind: 'text', text: restoreProtected(source.slice(text.start, text.end)), offset: text.start });
    text = undefined;
  };

  const tokenizer = new Tokenizer(
    { xmlMode: true, decodeEntities: false },
    {
      ontext(start, end) {
        if (text === undefined) text = { start, end };
        else text.end = end;
      },
      ontextentity() {},
      onattribentity() {},
      onopentagname(start, end) {
        flushText();
        open = { kind: 'element', tag: source.slice(start, end), attributes: [], children: [], offset: start - 1 };
      },
      onattribname(start, end) {
        attribute = { name: source.slice(start, end), value: '', nameOffset: start, valueOffset: end };
      },
      onattribdata(start, end) {
        if (attribute === undefined) return;
        if (attribute.value === '') attribute.valueOffset = start;
        attributeEnd = end;
        attribute.value = source.slice(attribute.valueOffset, attributeEnd);
      },
      onattribend(quote) {
        if (attribute === undefined || open === undefined) return;
        if (quote === QuoteType.NoValue) attribute.value = true;
        else attribute.value = restoreProtected(attribute.value as string);
        if (open.attributes.some((a) => a.name === attribute!.name)) failure ??= file.error(attribute.nameOffset, `duplicate attribute ${attribute.name} on <${open.tag}>`);
        open.attributes.push(attribute);
        attribute = undefined;
      },
      onopentagend() {
        if (open === undefined) return;
        top().children.push(open);
        stack.push(open);
        open = undefined;
      },
      onselfclosingtag() {
        if (open === undefined) return;
        top().children.push(open);
        open = undefined;
      },
      onclosetag(start, end) {
        flushText();
        const tag = source.slice(start, end);
        const current = top();
        if (current === root) {
          failure ??= file.error(start - 2, `</${tag}> closes nothing: there is no open <${tag}>`);
        } else if (current.tag !== tag) {
          const at = file.error(current.offset, '');
          failure ??= file.error(start - 2, `</${tag}> does not match <${current.tag}> opened at ${at.line}:${at.column}`);
        } else stack.pop();
      },
      oncomment() {
        flushText();
      },
      oncdata(start, end, endOffset) {
        flushText();
        top().children.push({ kind: 'text', text: restoreProtected(source.slice(start, end - endOffset)), offset: start });
      },
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        flushText();
      },
    },
  );
  tokenizer.write(source);
  tokenizer.end();
  if (failure) throw failure;
  if (open !== undefined) throw file.error(open.offset, `<${open.tag}> is cut off: its '>' is missing`);
  if (stack.length > 1) {
    const unclosed = top();
    throw file.error(unclosed.offset, `<${unclosed.tag}> is never closed`);
  }
  return root.children;
}

/**
 * In text (outside tags), a `<` inside `{{ }}` would start a tag for the HTML tokenizer: `{{a<b}}`. This
 * replaces such characters by a private-use placeholder of the same length, so offsets do not move;
 * `restoreProtected` puts them back.
 */
const PLACEHOLDER = '\uE000';

function protectInterpolations(source: string): string {
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
      const close = findInterpolationClose(source, i + 2);
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

function restoreProtected(text: string): string {
  return text.includes(PLACEHOLDER) ? text.replaceAll(PLACEHOLDER, '<') : text;
}

/** Every .ttml file of a package, parsed for the guest (parsed-templates.ts): its tree, or its error. */
export function parseTemplates(files: Readonly<Record<string, string>>): Record<string, ParsedTemplate> {
  const parsed: Record<string, ParsedTemplate> = {};
  for (const [path, text] of Object.entries(files)) {
    if (!path.endsWith('.ttml')) continue;
    try {
      parsed[path] = { nodes: parseTtml(new SourceFile(path, text)) };
    } catch (error) {
      if (!(error instanceof TtmlError)) throw error;
      parsed[path] = { error: { line: error.line, column: error.column, reason: error.reason } };
    }
  }
  return parsed;
}
