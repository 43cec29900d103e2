/** `ttsim dev [project]`: starts the headless server on 127.0.0.1 and prints the simulator URL. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Host, type CodeScanner } from '../../main/src/node/host.js';
import { checkProject } from './check/index.js';
import { startServer } from '../../main/src/node/server.js';
import { findElectron } from '../../main/src/node/electron-binary.js';
import { spawn } from 'node:child_process';
import type { ProfileFlags } from './options.js';

export interface DevFlags extends ProfileFlags {
  port?: number;
  dataDir?: string;
  strict?: boolean;
  /** Open the devtools in the Electron window where the binary is present (else browser mode, said in one line). */
  electron?: boolean;
}

/** The Electron window on `project`, where this machine has the binary; undefined (and one line said) where not. */
function openElectron(project: string, flags: DevFlags, out: (line: string) => void): { close(): Promise<void> } | undefined {
  const electron = findElectron();
  if (!electron.available) {
    out(`ttsim: no Electron window here (${electron.reason}); the devtools open in browser mode below`);
    return undefined;
  }
  const main = fileURLToPath(new URL('../../main/src/electron-main/index.js', import.meta.url));
  const args = [main, `--project=${project}`, ...(flags.app ? [`--app=${flags.app}`] : []), `--platform=${flags.platform}`, `--client=${flags.client}`, ...(flags.dataDir ? [`--data-dir=${flags.dataDir}`] : [])];
  const child = spawn(electron.binary, args, { stdio: 'inherit' });
  out(`ttsim: the ttsim window is opening (Electron ${electron.binary})`);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The example gadget shipped with ttsim (examples/compress-demo), from the built or the source tree. */
export function bundledExample(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, '../../../examples/compress-demo'), path.resolve(here, '../../examples/compress-demo')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'app.json'))) ?? candidates[0]!;
}

export async function runDev(project: string | undefined, flags: DevFlags, out: (line: string) => void): Promise<{ close(): Promise<void> }> {
  if (flags.electron) {
    const window = openElectron(path.resolve(project ?? bundledExample()), flags, out);
    if (window) return window;
  }
  const started = performance.now();
  // The devtools' Matrix lists the APIs the code uses too, found by ttsim check's scan.
  const scanCode: CodeScanner = (root) =>
    checkProject(root).apis.map((api) => ({ name: api.name, uses: api.uses.length, at: api.uses[0] ? `${api.uses[0].file}:${api.uses[0].line}` : '' }));
  const host = new Host({ ...(flags.dataDir ? { dataDir: flags.dataDir } : {}), scanCode });
  const session = await host.open({
    project: project ?? bundledExample(),
    ...(flags.app ? { app: flags.app } : {}),
    platform: flags.platform,
    client: flags.client,
    ...(flags.device ? { device: flags.device } : {}),
    ...(flags.strict ? { strict: true } : {}),
  });
  // An edit of the project reloads the guest, keeping the profile, the page and its query.
  session.watchProject();
  const server = await startServer(host, flags.port === undefined ? {} : { port: flags.port });
  out(`ttsim: ${session.project.kind} "${session.project.name}" as ${session.profile.app} on ${session.profile.device.label}, client ${session.profile.client}`);
  out(`ttsim: simulator ready in ${(performance.now() - started).toFixed(0)} ms at`);
  out(server.devtoolsUrl(session));
  out('ttsim: listening on 127.0.0.1 only; watching the project for edits; press Ctrl+C to stop');
  return {
    close: async () => {
      await server.close();
      await host.closeAll();
    },
  };
}
