import * as vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SourcePositions } from '../../app/src/runtime/gadget/source-positions.js';
import { compileGadgetScripts } from '../src/node/compile-scripts.js';

/** Runs compiled package files the way the guest's loader does: one wrapper line, a ttsim:/// file name. */
function runPackage(files: Readonly<Record<string, string>>, entry: string): unknown {
  const cache = new Map<string, { exports: unknown }>();
  const load = (path: string): unknown => {
    const cached = cache.get(path);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    cache.set(path, module);
    const factory = vm.runInThisContext(`(function (require, module, exports) {${files[path]}\n})`, { filename: `ttsim:///${path}` }) as (...a: unknown[]) => void;
    factory((target: string) => load(target.replace(/^\.\//, '')), module, module.exports);
    return module.exports;
  };
  return load(entry);
}

const esm = [
  "import { scale } from './cjs.js';",
  'export const double = (n) => scale(n, 2);',
  'export default function explode() {',
  "  throw new Error('exploded here');",
  '}',
].join('\n');
const cjs = "exports.scale = (n, k) => n * k;\nmodule.exports.kind = 'cjs';\n";
const consumer = "const m = require('./esm.js');\nmodule.exports = { four: m.double(2), explode: m.default };\n";

describe('compileGadgetScripts', () => {
  it('turns ES modules into CommonJS that mixes with plain CommonJS files', () => {
    const compiled = compileGadgetScripts({ 'esm.js': esm, 'cjs.js': cjs, 'consumer.js': consumer, 'app.json': '{"pages":[]}' });
    expect(compiled.files['cjs.js']).toBe(cjs);
    expect(compiled.files['consumer.js']).toBe(consumer);
    expect(compiled.files['app.json']).toBe('{"pages":[]}');
    expect(Object.keys(compiled.sourceMaps)).toEqual(['esm.js']);
    const exported = runPackage(compiled.files, 'consumer.js') as { four: number; explode: () => void };
    expect(exported.four).toBe(4);
  });

  it('keeps a source map so that a thrown error names the original file, line and column', () => {
    const compiled = compileGadgetScripts({ 'esm.js': esm, 'cjs.js': cjs, 'consumer.js': consumer });
    const { explode } = runPackage(compiled.files, 'consumer.js') as { explode: () => void };
    let stack = '';
    try {
      explode();
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    const positions = new SourcePositions(compiled.sourceMaps);
    expect(stack).toMatch(/ttsim:\/\/\/esm\.js:(\d+)/);
    const generatedLine = Number(/ttsim:\/\/\/esm\.js:(\d+)/.exec(stack)![1]);
    expect(generatedLine).not.toBe(4); // the compiled file really moved the line
    expect(positions.firstFrame(stack)).toEqual({ file: 'esm.js', line: 4, column: 9 });
    expect(positions.rewriteStack(stack)).toContain('ttsim:///esm.js:4:9');
  });

  it('passes a file esbuild cannot parse through unchanged, for the browser to report at its own line', () => {
    const broken = "import x from './a.js';\nexport const = 1;\n";
    const compiled = compileGadgetScripts({ 'broken.js': broken });
    expect(compiled.files['broken.js']).toBe(broken);
    expect(compiled.sourceMaps).toEqual({});
  });

  it('handles dynamic import() by turning it into a require', () => {
    const compiled = compileGadgetScripts({ 'lazy.js': "export const later = () => import('./cjs.js');\n", 'cjs.js': cjs });
    expect(compiled.files['lazy.js']).toContain('require(');
  });
});
