/** Checks what the scanners found against the registries and the targets: problems, version floors, lists. */
import semver from 'semver';
import type { AppKind, Platform } from '../../../emulator-api/src/common/types.js';
import type { Findings } from './findings.js';
import { lookupApi, lookupComponent, subjectOfSchema, type Lookup } from './lookup.js';
import type { CheckReport, CheckedItem, CustomComponent, FeatureCheck, Location, Problem, Use, VersionFloor } from './types.js';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'en');
const where = ({ file, line, column }: Location): Location => ({ file, line, column });
const inOrder = <T extends Location>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.file.localeCompare(b.file, 'en') || a.line - b.line || a.column - b.column);

function checkItem(name: string, lookup: Lookup, uses: readonly Use[], app: AppKind, platforms: readonly Platform[]): CheckedItem {
  const support: Partial<Record<Platform, string | null>> = {};
  if (lookup.matrix) for (const p of platforms) support[p] = lookup.matrix[app][p];
  return {
    name,
    status: lookup.status,
    matrix: lookup.matrix,
    provenance: lookup.provenance,
    support,
    unsupportedOn: lookup.matrix ? platforms.filter((p) => lookup.matrix![app][p] === null) : [],
    suggestion: lookup.suggestion,
    emulated: lookup.emulated,
    guarded: uses.every((u) => u.guardedBy !== null),
    uses: inOrder(uses),
  };
}

/** Max over the items' minimum versions per platform; null where one of them never runs. */
function floors(items: readonly CheckedItem[], count: (item: CheckedItem) => boolean, platforms: readonly Platform[]): Partial<Record<Platform, VersionFloor>> {
  const out: Partial<Record<Platform, VersionFloor>> = {};
  for (const platform of platforms) {
    let version = '1.0.0';
    const blockedBy: string[] = [];
    for (const item of items) {
      if (item.status !== 'known' || !count(item)) continue;
      const since = item.support[platform];
      if (since === null || since === undefined) blockedBy.push(item.name);
      else if (semver.gt(since, version)) version = since;
    }
    out[platform] = { version: blockedBy.length > 0 ? null : version, blockedBy };
  }
  return out;
}

export function buildReport(project: CheckReport['project'], target: { app: AppKind; platforms: readonly Platform[] }, findings: Findings): CheckReport {
  const { app, platforms } = target;
  const apis = [...findings.apiUses].map(([name, uses]) => checkItem(name, lookupApi(name), uses, app, platforms)).sort(byName);

  const customComponents: CustomComponent[] = [];
  const components: CheckedItem[] = [];
  for (const [tag, locations] of findings.tagUses) {
    const custom = findings.customComponents.get(tag);
    if (custom) customComponents.push({ tag, path: custom.path, declaredIn: custom.declaredIn, uses: inOrder(locations) });
    else components.push(checkItem(tag, lookupComponent(tag), locations.map((l) => ({ ...l, guardedBy: null })), app, platforms));
  }
  components.sort(byName);
  customComponents.sort((a, b) => a.tag.localeCompare(b.tag, 'en'));

  const featureChecks: FeatureCheck[] = [...findings.featureChecks]
    .map(([schema, at]) => {
      const { subject, lookup } = subjectOfSchema(schema);
      return { schema, subject, status: lookup.status, suggestion: lookup.suggestion, at: inOrder(at) };
    })
    .sort((a, b) => a.schema.localeCompare(b.schema, 'en'));

  const problems: Problem[] = [];
  for (const [item, list] of [['api', apis], ['component', components]] as const) {
    for (const entry of list) {
      const unguarded = entry.uses.filter((u) => u.guardedBy === null);
      if (entry.status === 'known' && entry.unsupportedOn.length > 0 && unguarded.length > 0) {
        problems.push({ kind: 'unsupported', item, name: entry.name, platforms: entry.unsupportedOn, uses: unguarded.map(where) });
      }
    }
  }
  for (const [item, list] of [['api', apis], ['component', components]] as const) {
    for (const entry of list) {
      if (entry.status === 'unknown') problems.push({ kind: 'unknown', item, name: entry.name, suggestion: entry.suggestion, uses: entry.uses.map(where) });
    }
  }
  for (const check of featureChecks) {
    if (check.status === 'unknown') problems.push({ kind: 'unknown-feature-check', schema: check.schema, suggestion: check.suggestion, uses: check.at });
  }
  for (const error of inOrder(findings.parseErrors)) problems.push({ kind: 'parse-error', ...error });

  const counted = [...apis, ...components];
  return {
    schemaVersion: 1,
    project,
    target: { app, platforms: [...platforms] },
    files: [...findings.files],
    ok: problems.length === 0,
    problems,
    versionFloor: floors(counted, (item) => !item.guarded, platforms),
    everyFeatureFloor: floors(counted, () => true, platforms),
    apis,
    components,
    customComponents,
    featureChecks,
    h5sdk: [...findings.h5sdk].map(([name, uses]) => ({ name, uses: inOrder(uses) })).sort(byName),
    notes: inOrder(findings.notes),
  };
}
