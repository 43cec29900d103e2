/**
 * The human form of a CheckReport: problems first, then the version floor per platform, then the full
 * lists. Matrix cells are written as `ttsim support` writes them (support-table.ts): ✓ any version,
 * ✗ never, `X.Y.Z+` from that version.
 */
import { ANY_VERSION } from '../../../emulator-api/src/common/apis/sources.js';
import { cell } from '../../../emulator-api/src/common/support-table.js';
import type { Platform } from '../../../emulator-api/src/common/types.js';
import type { CheckReport, CheckedItem, Guard, Location, Problem, VersionFloor } from './types.js';

const at = (l: Location) => `${l.file}:${l.line}:${l.column}`;
const atMany = (list: readonly Location[]) => (list.length === 0 ? '' : `${at(list[0]!)}${list.length > 1 ? ` (+${list.length - 1} more)` : ''}`);
const guardText = (g: Guard) => (g.kind === 'try' ? 'try/catch' : g.kind === 'canIUse' ? `canIUse('${g.name}')` : `a check of tt.${g.name}`);
const appWord = (report: CheckReport) => (report.target.app === 'gadget' ? 'gadget' : 'web app');

function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function problemLine(problem: Problem, report: CheckReport): [string, string, string] {
  switch (problem.kind) {
    case 'unsupported':
      return [`${problem.item === 'api' ? problem.name : `<${problem.name}>`}`, `no support on ${problem.platforms.join(', ')} (${appWord(report)})`, atMany(problem.uses)];
    case 'unknown':
      return [
        problem.item === 'api' ? `tt.${problem.name}` : `<${problem.name}>`,
        `unknown ${problem.item === 'api' ? 'API' : 'component'}${problem.suggestion ? `: did you mean ${problem.suggestion}?` : ''}`,
        atMany(problem.uses),
      ];
    case 'unknown-feature-check':
      return [`canIUse('${problem.schema}')`, `names nothing ttsim knows${problem.suggestion ? `: did you mean ${problem.suggestion}?` : ''}`, atMany(problem.uses)];
    case 'parse-error':
      return [problem.file, `does not parse: ${problem.message}`, at(problem)];
  }
}

function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((text, i) => (widths[i] = Math.max(widths[i] ?? 0, [...text].length)));
  return rows.map((row) => indent + row.map((text, i) => (i === row.length - 1 ? text : text + ' '.repeat(widths[i]! - [...text].length + 2))).join('').trimEnd());
}

function floorLine(floor: Partial<Record<Platform, VersionFloor>>, platforms: readonly Platform[]): string {
  return platforms
    .map((p) => {
      const f = floor[p];
      if (!f) return `${p} ?`;
      return f.version === null ? `${p} ✗ (${f.blockedBy.join(', ')})` : `${p} ${f.version === ANY_VERSION ? 'any version' : f.version}`;
    })
    .join('   ');
}

function itemRow(item: CheckedItem, label: string, platforms: readonly Platform[]): string[] {
  const used = atMany(item.uses) + (item.guarded ? ` (guarded: ${guardText(item.uses[0]!.guardedBy!)})` : '');
  if (item.status === 'known') return [label, ...platforms.map((p) => cell(item.support[p])), item.provenance?.kind ?? '', used];
  const hint = item.suggestion ? `did you mean ${item.suggestion}? ` : '';
  return [label, ...platforms.map(() => '?'), item.status === 'not-emulated' ? 'not emulated' : 'unknown', hint + used];
}

export function renderReport(report: CheckReport): string {
  const { platforms } = report.target;
  const out: string[] = [];
  const kind = report.project.kind === 'gadget' ? 'gadget' : 'web app';
  const against = kind === appWord(report) ? '' : `, against the ${appWord(report)} matrix`;
  out.push(`ttsim check: ${kind} "${report.project.name}" (${report.files.length} files) for ${listWords(platforms)}${against}`, '');

  if (report.problems.length === 0) out.push(`✓ no problems: every API and component used runs on ${listWords(platforms)}`);
  else {
    out.push(`✗ ${report.problems.length} problem${report.problems.length > 1 ? 's' : ''}:`);
    out.push(...table(report.problems.map((p) => problemLine(p, report))));
  }

  out.push('', `lowest client version for the whole ${appWord(report)} (guarded uses left out):`, `  ${floorLine(report.versionFloor, platforms)}`);
  const every = floorLine(report.everyFeatureFloor, platforms);
  if (every !== floorLine(report.versionFloor, platforms)) out.push('with every guarded feature too:', `  ${every}`);

  const known = [...report.apis, ...report.components];
  const guardedGaps = known.filter((item) => item.status === 'known' && item.guarded && item.unsupportedOn.length > 0);
  if (guardedGaps.length > 0) {
    out.push('', 'no support on a target, but guarded (not a failure; the feature is missing there):');
    out.push(...table(guardedGaps.map((item) => [item.name, `✗ ${item.unsupportedOn.join(', ')}`, `${guardText(item.uses[0]!.guardedBy!)} at ${atMany(item.uses)}`])));
  }
  const notEmulated = known.filter((item) => item.status === 'not-emulated');
  if (notEmulated.length > 0) {
    out.push('', 'not emulated by ttsim (Feishu has them; ttsim knows no matrix for them, so they are left out of the versions above):');
    out.push(...table(notEmulated.map((item) => [item.name, atMany(item.uses)])));
  }
  const notDrawn = report.components.filter((item) => item.status === 'known' && !item.emulated);
  if (notDrawn.length > 0) {
    out.push('', 'not drawn by ttsim (checked against the matrix; the simulator shows them as a plain box):');
    out.push(...table(notDrawn.map((item) => [`<${item.name}>`, atMany(item.uses)])));
  }

  const header = (title: string) => [title, ...platforms, 'matrix', 'used at'];
  if (report.apis.length > 0) {
    out.push('', ...table([header(`APIs (${report.target.app})`), ...report.apis.map((item) => itemRow(item, item.name, platforms))], ''));
  }
  if (report.components.length > 0) {
    out.push('', ...table([header(`components (${report.target.app})`), ...report.components.map((item) => itemRow(item, `<${item.name}>`, platforms))], ''));
  }
  if (report.customComponents.length > 0) {
    out.push('', 'custom components (usingComponents; not checked against the registry):');
    out.push(...table(report.customComponents.map((c) => [`<${c.tag}>`, `${c.path} (${c.declaredIn.join(', ')})`, atMany(c.uses)])));
  }
  if (report.featureChecks.length > 0) {
    out.push('', 'feature checks (tt.canIUse):');
    out.push(...table(report.featureChecks.map((check) => [`'${check.schema}'`, atMany(check.at)])));
  }
  if (report.h5sdk.length > 0) out.push('', `h5sdk (not checked): ${report.h5sdk.map((m) => `h5sdk.${m.name}`).join(', ')}`);
  if (report.notes.length > 0) {
    out.push('', 'not followed:');
    out.push(...table(report.notes.map((note) => [at(note), note.message])));
  }
  return out.join('\n');
}
