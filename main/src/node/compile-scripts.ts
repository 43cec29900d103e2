/**
 * Gadget JS goes through esbuild before it reaches the guest: ES `import` / `export` become CommonJS that the
 * guest's module loader runs next to plain CommonJS files (mixed freely, with esbuild's interop), and each
 * changed file gets a source map so that errors name the original file, line and column.
 *
 * Files esbuild cannot parse are passed through unchanged: the browser then reports the syntax error at
 * its original line, which is the message a developer needs.
 */
import { transformSync } from 'esbuild';

export interface CompiledScripts {
  /** Package files with every .js file compiled (other files unchanged). */
  readonly files: Readonly<Record<string, string>>;
  /** Source map JSON by package path, for the files esbuild changed. */
  readonly sourceMaps: Readonly<Record<string, string>>;
}

/** Cheap pre-check: files without import/export syntax stay as they are, byte for byte. */
const MAY_BE_MODULE = /(^|[\n;])\s*(import\s*[\w{*'"]|export\s+[\w{*]|export\s+default\b)|\bimport\s*\(|\bimport\.meta\b/;

export function compileGadgetScripts(files: Readonly<Record<string, string>>): CompiledScripts {
  const out: Record<string, string> = { ...files };
  const sourceMaps: Record<string, string> = {};
  for (const [path, source] of Object.entries(files)) {
    if (!path.endsWith('.js') || !MAY_BE_MODULE.test(source)) continue;
    try {
      const result = transformSync(source, {
        loader: 'js',
        format: 'cjs',
        sourcefile: path,
        sourcemap: 'external',
        // The guest runs in current Chromium: no down-levelling, only the module format changes.
        target: 'esnext',
        supported: { 'dynamic-import': false },
        logLevel: 'silent',
      });
      out[path] = result.code;
      sourceMaps[path] = result.map;
    } catch {
      // Left unchanged: the guest's loader reports the syntax error with the original line.
    }
  }
  return { files: out, sourceMaps };
}
