/** A browser bundle as scripts/build-web.mjs makes it, in memory: which files went in and its text (for tests of what a bundle carries). */
import { build } from 'esbuild';

export async function webBundle(entry: string): Promise<{ inputs: string[]; text: string }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    outdir: 'dist/test-bundle',
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    minify: true,
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_DEBUG': 'false', 'process.env.NODE_ENV': '"production"' },
  });
  return { inputs: Object.keys(result.metafile.inputs), text: result.outputFiles.find((file) => file.path.endsWith('.js'))!.text };
}
