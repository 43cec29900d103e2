/** TTML: compile a page's template (with its imports and includes) and render it to a virtual tree. */
export { compileTtml, type CompileTtmlOptions, type CompiledTtml, type RenderOptions } from './compile.js';
export type { ParseFile } from '../../../emulator-api/src/common/ttml/parsed-templates.js';
export { TtmlError } from '../../../emulator-api/src/common/ttml/source-file.js';
export type { VElement, VEventBinding, VEventBinding as VEvent, VNode, VText } from './vnode.js';
export { normalisePackagePath, resolvePackagePath } from './package-path.js';
