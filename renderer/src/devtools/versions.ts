/**
 * Client versions as the profile picker and the Matrix tab use them: compare, the version just below an
 * edge of the support matrix, and the quick picks (each edge of the APIs the session called, and the one
 * just below it) for an app kind and platform. No semver in the bundle: Feishu versions are three numbers.
 */
import { versionBelow } from '../../../emulator-api/src/common/client-versions.js';
import type { ApiMatrixEntry } from './protocol.js';

export { versionBelow };

export type AppKind = keyof ApiMatrixEntry['support']['matrix'];
export type Platform = keyof ApiMatrixEntry['support']['matrix']['gadget'];

/** "7.35.0", "v7.35" or "7" → [7, 35, 0]; undefined for anything else. */
export function parseVersion(version: string): [number, number, number] | undefined {
  const match = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** The version as three parts ("7.35" → "7.35.0"), or undefined when it is not a version. */
export function normaliseVersion(version: string): string | undefined {
  return parseVersion(version)?.join('.');
}

/** <0 when a is older than b, 0 when equal, >0 when newer (a part that does not parse counts as 0.0.0). */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a) ?? [0, 0, 0];
  const y = parseVersion(b) ?? [0, 0, 0];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** Whether a client of version `client` has an API supported from `from` (null: never). */
export function supportedAt(from: string | null, client: string): boolean {
  return from !== null && compareVersions(client, from) >= 0;
}

export interface VersionPick {
  readonly version: string;
  /** "3.47.0 (first with compressImage)", "3.46.99 (below compressImage's 3.47.0)". */
  readonly label: string;
}

const possessive = (names: readonly string[]): string => {
  const owned = names.map((n) => `${n}'s`);
  return owned.length <= 1 ? owned.join('') : `${owned.slice(0, -1).join(', ')} and ${owned[owned.length - 1]}`;
};

/**
 * The support matrix's edges for one app kind and platform: each non-null version of the APIs, and the
 * version just below it, newest first (APIs sharing an edge share a pick).
 */
export function edgeVersions(entries: readonly ApiMatrixEntry[], app: AppKind, platform: Platform): VersionPick[] {
  const edges = new Map<string, string[]>();
  for (const entry of entries) {
    const from = entry.support.matrix[app][platform];
    const version = from === null ? undefined : normaliseVersion(from);
    if (!version) continue;
    edges.set(version, [...(edges.get(version) ?? []), entry.name]);
  }
  const picks = new Map<string, { first: string[]; below: { names: string[]; edge: string }[] }>();
  const pick = (version: string) => {
    let p = picks.get(version);
    if (!p) picks.set(version, (p = { first: [], below: [] }));
    return p;
  };
  for (const [version, names] of edges) {
    pick(version).first.push(...names);
    const below = versionBelow(version);
    if (below) pick(below).below.push({ names, edge: version });
  }
  return [...picks.entries()]
    .sort(([a], [b]) => compareVersions(b, a))
    .map(([version, { first, below }]) => {
      const parts = [
        ...(first.length > 0 ? [`first with ${[...first].sort().join(', ')}`] : []),
        ...below.map(({ names, edge }) => `below ${possessive([...names].sort())} ${edge}`),
      ];
      return { version, label: `${version} (${parts.join('; ')})` };
    });
}

/** What a profile says in a button or banner: "webapp · pc · 3.47.0". */
export function profileLabel(profile: { readonly app: string; readonly platform: string; readonly client: string }): string {
  return `${profile.app} · ${profile.platform} · ${profile.client}`;
}
