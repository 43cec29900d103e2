/** TTML and TTSS for the gadget runtime: compile templates and styles, draw them as DOM. */
export { compileTtml, type CompiledTtml, type CompileOptions } from './ttml.js';
export { compileTtss, convertRpx, TtssError, type TtssOptions } from './ttss.js';
export { createDomRenderer, type DomEvent, type DomRenderer, type DomRendererOptions } from './dom.js';
export { toDomSelector, PAGE_ROOT_SELECTOR } from './selector.js';
export { TtmlError, type VElement, type VEvent, type VNode, type VText } from './vnode.js';
