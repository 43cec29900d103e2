/** Renders the registry's support matrices and behaviour tables, for the CLI and the README. */
import type { ApiSpec } from './api-spec.js';
import { ANY_VERSION } from './apis/sources.js';
import { errnoMeaning } from './errors.js';
import { listApis } from './registry.js';
import { standardIoRules } from './standard-io.js';
import { appKinds, platforms, type Provenance, type SupportMatrix } from './types.js';

/** A matrix cell as Feishu's tables write it: ✗ never, ✓ any version, else the minimum version. */
export const cell = (since: string | null | undefined) => (since === null || since === undefined ? '✗' : since === ANY_VERSION ? '✓' : `${since}+`);

export function provenanceLabel(p: Provenance): string {
  return `${p.kind}: ${p.source}`;
}

/** One markdown row per API and app kind: the README's API table. */
export function renderApiTableMarkdown(apis: readonly ApiSpec[] = listApis()): string {
  const lines = [
    '| API | app | Android | iOS | PC | Harmony | matrix source | behaviour rules (documented / inferred / assumed) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const spec of apis) {
    const counts = { documented: 0, inferred: 0, assumed: 0 };
    for (const rule of spec.behaviours) counts[rule.provenance.kind]++;
    for (const app of appKinds) {
      const row = spec.support.matrix[app];
      const first = app === appKinds[0];
      lines.push(
        `| ${first ? `\`${spec.name}\`` : ''} | ${app} | ${platforms.map((p) => cell(row[p])).join(' | ')} | ${first ? spec.support.provenance.kind : ''} | ${first ? `${counts.documented} / ${counts.inferred} / ${counts.assumed}` : ''} |`,
      );
    }
  }
  return lines.join('\n');
}

function matrixLines(matrix: SupportMatrix): string[] {
  const pad = (s: string, n: number) => s.padEnd(n);
  const lines = [`  ${pad('', 8)}${platforms.map((p) => pad(p, 10)).join('')}`];
  for (const app of appKinds) lines.push(`  ${pad(app, 8)}${platforms.map((p) => pad(cell(matrix[app][p]), 10)).join('')}`);
  return lines;
}

/** The CLI's `ttsim support <api>` text: matrix, field support, behaviours and failures, each with provenance. */
export function renderApiText(spec: ApiSpec): string {
  const out = [`${spec.name} (${spec.style}): ${spec.summary}`, `doc: ${spec.doc}`, '', 'support (minimum client version, ✓ = any, ✗ = never):', ...matrixLines(spec.support.matrix), `  [${provenanceLabel(spec.support.provenance)}]`];
  for (const [field, support] of Object.entries(spec.fieldSupport ?? {})) {
    out.push('', `${spec.name}.${field}:`, ...matrixLines(support.matrix), `  [${provenanceLabel(support.provenance)}]`);
  }
  out.push('', 'behaviour:');
  for (const rule of spec.behaviours) {
    const where = rule.platforms === 'all' ? 'all' : rule.platforms.join(', ');
    out.push(`  ${rule.id} (${where}) — ${rule.text}`, `    [${provenanceLabel(rule.provenance)}]`);
  }
  if (spec.failures.length > 0) {
    out.push('', 'fails with:');
    for (const failure of spec.failures) {
      out.push(`  errno ${failure.errno} (${errnoMeaning[failure.errno]}) — ${failure.when}`, `    [${provenanceLabel(failure.provenance)}]`);
    }
  }
  return out.join('\n');
}

/** `ttsim support` with no API: every API's matrix in one table, then the standard I/O rules. */
export function renderAllText(apis: readonly ApiSpec[] = listApis()): string {
  const width = Math.max(...apis.map((a) => a.name.length)) + 2;
  const header = `${'API'.padEnd(width)}${'app'.padEnd(8)}${platforms.map((p) => p.padEnd(10)).join('')}source`;
  const out = [header];
  for (const spec of apis) {
    for (const app of appKinds) {
      const first = app === appKinds[0];
      out.push(`${(first ? spec.name : '').padEnd(width)}${app.padEnd(8)}${platforms.map((p) => cell(spec.support.matrix[app][p]).padEnd(10)).join('')}${first ? spec.support.provenance.kind : ''}`);
    }
  }
  out.push('', 'standard object input / output (every API):');
  for (const rule of standardIoRules) out.push(`  ${rule.id} — ${rule.text}`, `    [${provenanceLabel(rule.provenance)}]`);
  out.push('', 'ttsim support <api> shows one API\'s behaviour rules and failures.');
  return out.join('\n');
}

/** JSON form of one entry (schemas left out; canIUse lists what can be asked). */
export function apiToJson(spec: ApiSpec, canIUseSchemas: readonly string[]): object {
  return {
    name: spec.name,
    style: spec.style,
    summary: spec.summary,
    doc: spec.doc,
    support: spec.support,
    fieldSupport: spec.fieldSupport ?? {},
    behaviours: spec.behaviours,
    failures: spec.failures.map((f) => ({ ...f, meaning: errnoMeaning[f.errno] })),
    canIUse: canIUseSchemas,
  };
}
