/**
 * The marker scheme. Every element the renderer creates for a TTML component carries `data-tt="<tag>"`, and
 * each TTML tag has one DOM element type (`view` → `div`, `text` → `span`, …). The page root (the renderer's
 * container) carries `data-tt="page"`.
 *
 * A TTML type selector `view` becomes `div:where([data-tt="view"])`: it matches exactly the elements of that
 * component and keeps the specificity of a type selector (0,0,1), since `:where()` adds none — so
 * `view` still loses to `.item`, and `view text` still beats `text`, as in WeChat.
 */

/** TTML component → DOM element. Anything else (unknown or not implemented) renders as a div. */
export const DOM_TAGS: Readonly<Record<string, string>> = {
  page: 'div',
  view: 'div',
  text: 'span',
  image: 'img',
  button: 'button',
  input: 'input',
  textarea: 'textarea',
  slider: 'div',
  switch: 'div',
  'scroll-view': 'div',
  navigator: 'div',
  icon: 'span',
};

export const MARKER_ATTRIBUTE = 'data-tt';

export function domTagOf(tag: string): string {
  return Object.hasOwn(DOM_TAGS, tag) ? DOM_TAGS[tag]! : 'div';
}

/** The DOM selector for one TTML tag: `view` → `div:where([data-tt="view"])`. */
export function tagSelector(tag: string): string {
  return `${domTagOf(tag)}:where([${MARKER_ATTRIBUTE}="${tag.replace(/["\\]/g, '\\$&')}"])`;
}
