/**
 * ttsim/reporter: a Playwright reporter that writes the side-by-side report of any `ttsim/test` run,
 * sharded and merged ones included (`merge-reports --reporter ttsim/reporter`).
 *
 *   reporter: [['list'], ['ttsim/reporter', { outputFolder: 'ttsim-report' }]]
 *
 * It writes <outputFolder>/index.html (self-contained: a column per profile), report.json (each test ×
 * profile with its recorded run) and junit.xml (a testsuite per profile).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stripVTControlCharacters as stripAnsi } from 'node:util';
import type { FullConfig, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { renderHtmlReport } from './report-html.js';
import { renderJunit } from './report-junit.js';
import { summarise, type ProfileResult, type ReportTest } from './report-model.js';
import { RUN_ATTACHMENT, type QaRun } from './run-record.js';

export interface TtsimReporterOptions {
  /** Where the report goes; default ttsim-report (relative to the config's folder). */
  outputFolder?: string;
  /** The report's heading; default "ttsim QA: <projects>". */
  title?: string;
}

export default class TtsimReporter implements Reporter {
  private readonly results = new Map<string, { title: string; file: string; results: ProfileResult[] }>();
  private outputFolder = '';

  constructor(private readonly options: TtsimReporterOptions = {}) {}

  printsToStdio(): boolean {
    return false;
  }

  onBegin(config: FullConfig, _suite: Suite): void {
    const base = config.configFile ? path.dirname(config.configFile) : config.rootDir;
    this.outputFolder = path.resolve(base, this.options.outputFolder ?? process.env.TTSIM_REPORT_DIR ?? 'ttsim-report');
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    // Retries: the last result of a test under a profile is the one reported.
    const profile = test.parent.project()?.name || 'default';
    const file = path.relative(test.parent.project()?.testDir ?? process.cwd(), test.location.file);
    const title = test.titlePath().slice(3).join(' › ') || test.title;
    const key = `${file}\u0000${title}`;
    const entry = this.results.get(key) ?? { title, file, results: [] };
    this.results.set(key, entry);
    const files = new Map<string, { contentType: string; body: Buffer }>();
    let run: QaRun | undefined;
    for (const attachment of result.attachments) {
      const body = attachment.body ?? (attachment.path && fs.existsSync(attachment.path) ? fs.readFileSync(attachment.path) : undefined);
      if (!body) continue;
      if (attachment.name === RUN_ATTACHMENT) run = JSON.parse(body.toString('utf8')) as QaRun;
      else if (attachment.name.startsWith('ttsim-')) files.set(attachment.name, { contentType: attachment.contentType, body });
    }
    const error = result.errors.map((e) => stripAnsi(e.message ?? e.value ?? '')).filter(Boolean).join('\n\n');
    const own: ProfileResult = { profile, status: result.status, durationMs: result.duration, ...(error ? { error } : {}), ...(run ? { run } : {}), files };
    const index = entry.results.findIndex((r) => r.profile === profile);
    if (index >= 0) entry.results[index] = own;
    else entry.results.push(own);
  }

  onEnd(): void {
    const tests: ReportTest[] = [...this.results.values()];
    const projects = [...new Set(tests.flatMap((t) => t.results.map((r) => r.run?.project).filter(Boolean)))];
    const title = this.options.title ?? `ttsim QA${projects.length ? `: ${projects.join(', ')}` : ''}`;
    fs.mkdirSync(this.outputFolder, { recursive: true });
    fs.writeFileSync(path.join(this.outputFolder, 'index.html'), renderHtmlReport(tests, { title, generatedAt: new Date() }));
    const json = {
      title,
      summary: summarise(tests),
      tests: tests.map((t) => ({ title: t.title, file: t.file, results: t.results.map(({ files: _files, ...rest }) => rest) })),
    };
    fs.writeFileSync(path.join(this.outputFolder, 'report.json'), `${JSON.stringify(json, null, 2)}\n`);
    fs.writeFileSync(path.join(this.outputFolder, 'junit.xml'), renderJunit(tests, title));
    const s = json.summary;
    process.stdout.write(`\nttsim report: ${path.join(this.outputFolder, 'index.html')} (${s.profiles.length} profiles, ${s.passed} passed, ${s.failed} failed, ${s.differingSteps} steps differ)\n`);
  }
}


