/**
 * TTML components render as DOM elements marked data-tt="<tag>". These rewrite selectors written against
 * TTML tags (`view.item > text`, `page`) into DOM selectors, for TTSS and for the automation SDK.
 */

/** The page root's marker: the `page` selector of TTSS. */
export const PAGE_ROOT_SELECTOR = '[data-ttsim-page-body]';

export function toDomSelector(selector: string): string {
  let out = '';
  let i = 0;
  let atCompoundStart = true;
  while (i < selector.length) {
    const c = selector[i]!;
    if (c === '"' || c === "'") {
      const end = selector.indexOf(c, i + 1);
      const stop = end < 0 ? selector.length : end + 1;
      out += selector.slice(i, stop);
      i = stop;
      atCompoundStart = false;
      continue;
    }
    if (c === '[' || c === '(') {
      const close = c === '[' ? ']' : ')';
      let depth = 0;
      let j = i;
      for (; j < selector.length; j++) {
        if (selector[j] === c) depth++;
        else if (selector[j] === close && --depth === 0) break;
      }
      const inner = selector.slice(i + 1, j);
      // :not(view) and friends take selectors too.
      out += c === '(' ? `(${toDomSelector(inner)})` : `[${inner}]`;
      i = j + 1;
      atCompoundStart = false;
      continue;
    }
    if (/[\s>+~,]/.test(c)) {
      out += c;
      i++;
      atCompoundStart = true;
      continue;
    }
    if (atCompoundStart && /[a-zA-Z]/.test(c)) {
      const match = /^[a-zA-Z][\w-]*/.exec(selector.slice(i))!;
      const tag = match[0];
      out += tag === 'page' ? PAGE_ROOT_SELECTOR : `[data-tt="${tag}"]`;
      i += tag.length;
      atCompoundStart = false;
      continue;
    }
    out += c;
    i++;
    atCompoundStart = false;
  }
  return out;
}
