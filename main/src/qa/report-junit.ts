/** The run as JUnit XML: a testsuite per profile, a testcase per test, failures with their message. */
import type { ReportTest } from './report-model.js';

const xml = (text: unknown): string =>
  // XML 1.0 has no place for control characters other than tab, newline and carriage return.
  // eslint-disable-next-line no-control-regex -- matching them is the point
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function renderJunit(tests: readonly ReportTest[], name: string): string {
  const profiles = [...new Set(tests.flatMap((t) => t.results.map((r) => r.profile)))];
  const suites = profiles.map((profile) => {
    const cases = tests.flatMap((t) => t.results.filter((r) => r.profile === profile).map((r) => ({ test: t, result: r })));
    const failures = cases.filter(({ result }) => result.status === 'failed' || result.status === 'timedOut' || result.status === 'interrupted').length;
    const skipped = cases.filter(({ result }) => result.status === 'skipped').length;
    const time = cases.reduce((sum, { result }) => sum + result.durationMs, 0) / 1000;
    const body = cases
      .map(({ test, result }) => {
        const inner =
          result.status === 'skipped' ? '<skipped/>'
          : result.status === 'passed' ? ''
          : `<failure message="${xml((result.error ?? result.status).split('\n')[0])}">${xml(result.error ?? result.status)}</failure>`;
        return `    <testcase name="${xml(test.title)}" classname="${xml(`${profile}.${test.file}`)}" time="${(result.durationMs / 1000).toFixed(3)}">${inner}</testcase>`;
      })
      .join('\n');
    return `  <testsuite name="${xml(profile)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" time="${time.toFixed(3)}">\n${body}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(name)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
