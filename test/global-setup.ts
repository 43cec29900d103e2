/** One temporary root for every file the tests make, removed when the run ends. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-test-'));
  process.env.TTSIM_TEST_ROOT = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
