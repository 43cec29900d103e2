// Bundles the browser parts into dist/web: the gadget runtime, the web-app h5sdk and the simulator shell.
import { build } from 'esbuild';

const entries = {
  'guest-gadget': 'app/src/runtime/gadget-entry.ts',
  h5sdk: 'app/src/h5sdk/entry.ts',
  shell: 'renderer/src/plain-shell/entry.ts',
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
  define: { 'process.env.NODE_DEBUG': 'false' },
});
