/** `ttsim check <project>`: prints the report; exit 0 when there are no problems, 1 when there are. */
import { checkProject } from './index.js';
import type { CheckFlags } from './options.js';
import { renderReport } from './render.js';

export function runCheck(project: string, flags: CheckFlags, out: (line: string) => void): number {
  const report = checkProject(project, { platforms: flags.platforms, ...(flags.app ? { app: flags.app } : {}) });
  out(flags.json ? JSON.stringify(report, null, 2) : renderReport(report));
  return report.ok ? 0 : 1;
}
