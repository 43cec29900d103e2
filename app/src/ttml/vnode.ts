/**
 * The virtual tree a compiled TTML template renders to. The DOM renderer (app/src/dom) patches the page to
 * match it; nothing else in it depends on the DOM, so it also serves tests and the automation SDK.
 */

export type VNode = VElement | VText;

export interface VText {
  kind: 'text';
  text: string;
}

/** One event binding: `bindtap="onTap"` → `{ event: 'tap', handler: 'onTap', catch: false, capture: false }`. */
export interface VEventBinding {
  event: string;
  handler: string;
  /** `catch…` stops the event from bubbling further. */
  catch: boolean;
  /** `capture-bind:` / `capture-catch:` run in the capture phase (outermost element first). */
  capture: boolean;
}

export interface VElement {
  kind: 'element';
  /** The TTML tag as written (`view`, `scroll-view`, …). `block`, `template`, `import` and `include` never appear. */
  tag: string;
  /** From `tt:key` inside a `tt:for`; unique among its siblings when the data's keys are unique. */
  key?: string | number;
  /** Every attribute except `tt:*`, events and `data-*`; an attribute that is exactly `{{expr}}` keeps the value's type, a bare attribute is `true`. */
  attrs: Record<string, unknown>;
  /** `data-item-id="{{x}}"` → `{ itemId: x }`. */
  dataset: Record<string, unknown>;
  events: VEventBinding[];
  children: VNode[];
  /** Where the element was written (an included file names itself). */
  source: { path: string; line: number };
  /**
   * Custom components: the page or component whose template made this element. Its event handlers are
   * that owner's methods, also when the element is slot content drawn inside another component.
   */
  owner?: object;
  /** Custom components: the style scope tokens of the element (`data-tt-scope`); none for page elements. */
  scope?: string;
}
