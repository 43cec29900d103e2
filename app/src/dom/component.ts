/**
 * The contract between the renderer and a component implementation (components/*.ts). The renderer owns
 * the element's identity, `data-tt`, class, style, id, hidden and the vnode children; a component owns its
 * own attributes and, when `ownsContent`, everything inside its element.
 */

export interface ComponentContext {
  readonly document: Document;
  /** Package or ttfile:// path → URL the frame can load. */
  resolveImageSrc(src: string): string;
  /** px per rpx (windowWidth / 750). */
  readonly rpxToPx: number;
}

/** A TTML event a component raises from a DOM event: `bindinput` gets `{ type: 'input', detail }`. */
export interface ComponentEvent {
  type: string;
  detail: unknown;
}

export type Attrs = Readonly<Record<string, unknown>>;

export interface Component {
  /** The DOM element (tag-scheme.ts is the one table of them). */
  readonly domTag: string;
  /** true: the component draws its own content and the vnode's children are not rendered. */
  readonly ownsContent: boolean;
  create(context: ComponentContext): HTMLElement;
  /** Applies attributes; `previous` is undefined on the first render. Must not touch the element's style attribute. */
  update(element: HTMLElement, next: Attrs, previous: Attrs | undefined, context: ComponentContext): void;
  /** TTML events for a DOM event (input, change, keydown, focusin, focusout, load, error, scroll) on or inside the element. */
  translate?(event: Event, element: HTMLElement, attrs: Attrs): ComponentEvent[];
}
