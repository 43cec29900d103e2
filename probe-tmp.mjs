import { launch } from 'ttsim/automation';
import * as fs from 'node:fs'; import * as os from 'node:os'; import * as path from 'node:path';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
const sim = await launch({ project: '/work/main/e2e/fixtures/network-gadget', platform: 'android', dataDir });
try {
  const r = await sim.frame().evaluate(() => {
    const out = { src: String(tt.getStorageSync).slice(0, 300) };
    const t1 = performance.now();
    for (let i = 0; i < 50; i++) tt.getStorageInfoSync();
    out.info = performance.now() - t1;
    const t2 = performance.now();
    for (let i = 0; i < 50; i++) JSON.parse('{"a":1}');
    out.parse = performance.now() - t2;
    return out;
  });
  console.log(r);
} finally { await sim.close(); }
