/** Where the browser bundles (guest runtime, h5sdk, simulator shell) are, once `npm run build` made them. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** dist/web, found from the compiled file (dist/main/src/node) or from the source file (main/src/node). */
export function webAssetsDir(): string {
  for (const candidate of [path.resolve(here, '../../../web'), path.resolve(here, '../../../dist/web')]) {
    if (fs.existsSync(path.join(candidate, 'shell.js'))) return candidate;
  }
  throw new Error('the browser bundles are missing (dist/web): run `npm run build`');
}
