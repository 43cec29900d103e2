// Bundles the browser parts into dist/web: the gadget runtime, the web-app h5sdk, the plain simulator shell and
// the devtools (React; its CSS comes out as devtools.css).
import { build } from 'esbuild';

const entries = {
  'guest-gadget': 'app/src/runtime/gadget-entry.ts',
  h5sdk: 'app/src/h5sdk/entry.ts',
  shell: 'renderer/src/plain-shell/entry.ts',
  devtools: 'renderer/src/devtools/main.tsx',
};
await build({
  entryPoints: entries,
  outdir: 'dist/web',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120', 'safari16'],
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
  jsx: 'automatic',
  define: { 'process.env.NODE_DEBUG': 'false', 'process.env.NODE_ENV': '"production"' },
});
