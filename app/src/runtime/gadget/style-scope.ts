/**
 * Style isolation of custom components, the way WeChat's webview renderer does it (inferred: no Feishu
 * page on custom component styles was found; Douyin's TTML docs, of the same family, say the same): only
 * class selectors are isolated. WeChat renames each class per component; ttsim keeps the class names as
 * written (so tests and the automation SDK query `.row`) and scopes by attribute instead:
 *
 * - every element a component's template makes carries `data-tt-scope="<component path>"`; elements of
 *   the page (and its hosts) carry none;
 * - in a component's TTSS each class selector `.row` becomes `.row:where([data-tt-scope~="<path>"])`, and
 *   in app.ttss and page TTSS `.row:where(:not([data-tt-scope]), [data-tt-scope~=":page"])` — `:where()`
 *   adds no specificity, so the cascade is the one written;
 * - `styleIsolation: 'apply-shared'` (or `addGlobalClass: true`) adds the `:page` token to the component's
 *   elements, so page classes reach them; `'shared'` also compiles the component's TTSS as page TTSS, so its
 *   classes reach the page and other apply-shared / shared components;
 * - an external class (`externalClasses`) is replaced by the classes the parent gave, and that element also
 *   gets the parent's token (so every class on that element matches the parent's rules too — WeChat scopes
 *   per class; avoid mixing both on one element, as WeChat advises);
 * - tag, id and attribute selectors are not isolated (WeChat: "webview 渲染下 … 标签名选择器 … 会影响到页面和
 *   全部组件"); `:host` is the component's host element (`[data-tt-component~="<path>"]`);
 * - the host element is `display: inline` unless styled (Douyin's docs: the node is an inline wrapper).
 */
import { SCOPE_ATTRIBUTE } from '../../dom/renderer.js';
import { tokenizeCss, type CssToken } from '../../ttss/css-tokenizer.js';

export { SCOPE_ATTRIBUTE };

/** The token of page-level styles on component elements that take them (apply-shared, shared). */
export const PAGE_SCOPE = ':page';
/** Marks a custom component's host element with its component path. */
export const HOST_ATTRIBUTE = 'data-tt-component';

/** A component path as a scope token (no whitespace). */
export function scopeToken(path: string): string {
  return path.replace(/\s/g, '_');
}

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** The condition a class selector gets in a component's TTSS. */
export function componentClassCondition(token: string): string {
  return `:where([${SCOPE_ATTRIBUTE}~=${quoted(token)}])`;
}

/** The condition a class selector gets in app.ttss, page TTSS and shared components' TTSS. */
export const PAGE_CLASS_CONDITION = `:where(:not([${SCOPE_ATTRIBUTE}]), [${SCOPE_ATTRIBUTE}~=${quoted(PAGE_SCOPE)}])`;

export function hostSelector(token: string): string {
  return `[${HOST_ATTRIBUTE}~=${quoted(token)}]`;
}

/** Defaults for hosts and `<slot>` elements, before every other stylesheet (any TTSS overrides them). */
const RUNTIME_CSS = `:where([${HOST_ATTRIBUTE}]) { display: inline; }\n:where([data-tt="slot"]) { display: contents; }\n`;

export function ensureComponentRuntimeStyles(document: Document): void {
  if (document.querySelector('style[data-ttsim-custom-components]')) return;
  const style = document.createElement('style');
  style.setAttribute('data-ttsim-custom-components', '');
  style.textContent = RUNTIME_CSS;
  const head = document.head ?? document.documentElement;
  head.insertBefore(style, head.firstChild);
}

type BlockKind = 'rules' | 'declarations' | 'keyframes';
const RULE_BLOCK_AT_RULES = new Set(['media', 'supports', 'document', '-moz-document', 'layer', 'container', 'scope', 'starting-style']);

function blockKindOf(atRule: string): BlockKind {
  const name = atRule.toLowerCase();
  if (RULE_BLOCK_AT_RULES.has(name)) return 'rules';
  if (name.endsWith('keyframes')) return 'keyframes';
  return 'declarations';
}

/** Rewrites one selector list: each class gets `classCondition`, `:host` becomes `host`. */
function scopeSelector(tokens: readonly CssToken[], classCondition: string, host: string | undefined): string {
  let out = '';
  let brackets = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === '[') brackets++;
    else if (token.type === ']') brackets = Math.max(0, brackets - 1);
    const next = tokens[i + 1];
    if (brackets === 0 && token.type === 'delim' && token.text === '.' && next?.type === 'ident') {
      out += `.${next.text}${classCondition}`;
      i++;
      continue;
    }
    if (brackets === 0 && host !== undefined && token.type === ':' && next?.name?.toLowerCase() === 'host') {
      if (next.type === 'ident') {
        out += host;
        i++;
        continue;
      }
      if (next.type === 'function') {
        out += `${host}:is(`;
        i++;
        continue;
      }
    }
    out += token.text;
  }
  return out;
}

/**
 * Scopes compiled CSS (compileTtss's output): the class selectors of every rule, also in `@media` &
 * co. and nested rules; keyframes, declarations and other at-rules pass through.
 */
export function scopeClassSelectors(css: string, classCondition: string, host?: string): string {
  const tokens = tokenizeCss(css);
  const stack: BlockKind[] = ['rules'];
  let out = '';
  let segmentStart = 0;
  const raw = (from: number, to: number) => tokens.slice(from, to).map((t) => t.text).join('');
  const firstSignificant = (from: number, to: number) => tokens.slice(from, to).find((t) => t.type !== 'whitespace' && t.type !== 'comment');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === '{') {
      const first = firstSignificant(segmentStart, i);
      const kind = stack[stack.length - 1]!;
      let child: BlockKind = 'declarations';
      if (first?.type === 'at-keyword') {
        out += raw(segmentStart, i);
        child = blockKindOf(first.name!);
      } else if (kind === 'keyframes') out += raw(segmentStart, i);
      else out += scopeSelector(tokens.slice(segmentStart, i), classCondition, host);
      out += '{';
      stack.push(child);
      segmentStart = i + 1;
    } else if (token.type === ';' || token.type === '}') {
      out += raw(segmentStart, i + 1);
      if (token.type === '}' && stack.length > 1) stack.pop();
      segmentStart = i + 1;
    }
  }
  return out + raw(segmentStart, tokens.length);
}
