/** The virtual tree a compiled TTML template renders to, and the DOM renderer draws. */
export interface VText {
  readonly kind: 'text';
  readonly text: string;
}

export interface VEvent {
  /** tap, input, change, … */
  readonly event: string;
  /** The page or component method to call. */
  readonly handler: string;
  /** catch: stops bubbling. */
  readonly catch: boolean;
  readonly capture: boolean;
}

export interface VElement {
  readonly kind: 'element';
  readonly tag: string;
  readonly key?: string | number;
  readonly attrs: Record<string, unknown>;
  readonly dataset: Record<string, unknown>;
  readonly events: readonly VEvent[];
  readonly children: readonly VNode[];
  readonly source: { readonly path: string; readonly line: number };
}

export type VNode = VElement | VText;

/** A template error with the file, line and column it comes from. */
export class TtmlError extends Error {
  constructor(
    readonly detail: string,
    readonly path: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${path}:${line}:${column}: ${detail}`);
    this.name = 'TtmlError';
  }
}
