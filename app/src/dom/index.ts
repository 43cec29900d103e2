/** Draws the virtual tree of a compiled TTML page as DOM, with WeChat-style events. */
export { createDomRenderer, type DomRenderer, type DomRendererOptions } from './renderer.js';
export type { DomEvent, EventTargetInfo } from './events.js';
export type { NavigateRequest } from './components/navigator.js';
export { toDomSelector } from './selector.js';
export { DOM_TAGS, MARKER_ATTRIBUTE, domTagOf, tagSelector } from './tag-scheme.js';
