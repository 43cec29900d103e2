/**
 * Where SelectorQuery and IntersectionObserver look for nodes: a page's own template, or one custom
 * component instance's own template (WeChat's shadow tree: the nodes of components nested in it are not
 * matched, the slot content its parent gave it is the parent's). The TTML selector is converted for the
 * DOM (toDomSelector, so `view` and `>>>` work), then each match is kept if the scope's template drew it.
 */
import { toDomSelector } from '../../dom/selector.js';
import type { VElement } from '../../ttml/vnode.js';

/** An element a template drew: its vnode and the page or component whose template it is. */
export interface DrawnElement {
  readonly vnode: VElement;
  readonly owner: object;
}

export interface QueryScope {
  /** Nodes are looked for below this element (the page's box, or the component's host). */
  readonly root: HTMLElement;
  /** The page's scroll box: positions are relative to it, and it is selectViewport() and relativeToViewport(). */
  readonly viewport: HTMLElement;
  /** The page or component (ComponentNode) whose template the scope is. */
  readonly owner: object;
  /** For messages: `pages/index/index`, or `components/card/card on pages/index/index`. */
  readonly name: string;
  /** The vnode and owner of an element a template drew; undefined for ttsim's own elements (inside components too). */
  drawn(element: Element): DrawnElement | undefined;
}

/** What a selection found, or why it could not run. */
export interface Selection {
  readonly elements: HTMLElement[];
  /** The browser could not parse the selector (its message). */
  readonly error?: string;
}

/**
 * The elements of `scope`'s own template matching a TTML selector, in document order (`all`: every one,
 * else at most the first). `a >>> b` also matches inside the components of the scope.
 */
export function selectIn(scope: QueryScope, selector: string, all: boolean): Selection {
  let matches: HTMLElement[];
  try {
    matches = [...scope.root.querySelectorAll<HTMLElement>(toDomSelector(selector))];
  } catch (error) {
    return { elements: [], error: error instanceof Error ? error.message : String(error) };
  }
  const piercing = selector.includes('>>>');
  const elements: HTMLElement[] = [];
  for (const element of matches) {
    const drawn = scope.drawn(element);
    if (drawn === undefined || (!piercing && drawn.owner !== scope.owner)) continue;
    elements.push(element);
    if (!all) break;
  }
  return { elements };
}

/** `#the-id` (what Feishu documents for mobile): one ID selector and nothing else. */
export function isIdSelector(selector: string): boolean {
  return /^\s*#[A-Za-z_\u00a0-\uffff-][\w\u00a0-\uffff-]*\s*$/.test(selector);
}
