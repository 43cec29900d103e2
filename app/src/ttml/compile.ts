/**
 * compileTtml: a page's TTML and every file it imports or includes → one CompiledTtml whose render(data)
 * returns the virtual tree. Files are read through `options.load`, compiled once each, and an import or
 * include cycle is a compile error (never a hang).
 */
import { SourceFile } from '../../../emulator-api/src/common/ttml/source-file.js';
import type { ParseFile } from '../../../emulator-api/src/common/ttml/parsed-templates.js';
import { compileFile, type CompiledFile, type LoadFile } from './compile-file.js';
import { normalisePackagePath, resolvePackagePath } from './package-path.js';
import { Scope } from './scope.js';
import type { VElement, VNode } from './vnode.js';

export interface CompileTtmlOptions {
  /** Package path of this file, e.g. `pages/index/index.ttml`; imports resolve relative to it. */
  path: string;
  /** Reads another package file (a normalised path without leading slash); undefined if it does not exist. */
  load?: (path: string) => string | undefined;
  /**
   * A file's raw tree. The guest runtime reads what the host parsed (templateParser of the boot payload),
   * so the HTML tokenizer stays out of its bundle; tests and tools pass parseTtml.
   */
  parse: ParseFile;
}

/** What a custom component's render adds (runtime/gadget/component-instance.ts). */
export interface RenderOptions {
  /** Called for each element the template makes (not for slot content, which the parent made). */
  onElement?: (vnode: VElement) => void;
  /** The vnodes the parent gave for `<slot name>` ('' is the default slot). */
  slot?: (name: string) => VNode[];
}

export interface CompiledTtml {
  readonly path: string;
  /** Renders the page (or any data) to a virtual tree; throws TtmlError when an expression fails. */
  render(data: Record<string, unknown>, options?: RenderOptions): VNode[];
  /** Problems that do not stop the page: `wx:if` spelling, unsupported `<sjs>`, a template defined twice. */
  readonly warnings: readonly string[];
  /** Every file the page is made of (itself first), for watching. */
  readonly files: readonly string[];
}

export function compileTtml(source: string, options: CompileTtmlOptions): CompiledTtml {
  const compiled = new Map<string, CompiledFile>();
  const compiling: string[] = [];
  const warnings: string[] = [];

  const compileOne = (file: SourceFile): CompiledFile => {
    compiling.push(file.path);
    try {
      const result = compileFile(file, loadFile, options.parse, warnings);
      compiled.set(file.path, result);
      return result;
    } finally {
      compiling.pop();
    }
  };

  const loadFile: LoadFile = (from, src, offset, kind) => {
    const wanted = resolvePackagePath(from.path, src);
    const candidates = /\.[A-Za-z]+$/.test(wanted) ? [wanted] : [`${wanted}.ttml`, wanted];
    for (const path of candidates) {
      if (compiling.includes(path)) {
        const cycle = [...compiling.slice(compiling.indexOf(path)), path];
        throw from.error(offset, `${kind} cycle: ${cycle.join(' → ')}`);
      }
      const done = compiled.get(path);
      if (done) return done;
      const text = options.load?.(path);
      if (text !== undefined) return compileOne(new SourceFile(path, text));
    }
    throw from.error(offset, `cannot ${kind} "${src}": ${candidates[0]} does not exist`);
  };

  const path = normalisePackagePath(options.path);
  const root = compileOne(new SourceFile(path, source));
  return {
    path,
    warnings,
    files: [...compiled.keys()].sort((a, b) => (a === path ? -1 : b === path ? 1 : a.localeCompare(b))),
    render(data, renderOptions) {
      const out: VNode[] = [];
      root.body(new Scope(data ?? {}), out, { depth: 0, onElement: renderOptions?.onElement, slot: renderOptions?.slot });
      return out;
    },
  };
}
