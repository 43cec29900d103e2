/** Feishu client versions (three numbers) as the support matrix's edges use them. */

/** The last version a client before `version` would have: 3.47.0 → 3.46.99, 3.47.2 → 3.47.1, 2.0.0 → 1.99.99; undefined below 0.0.1. */
export function versionBelow(version: string): string | undefined {
  const match = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version.trim());
  if (!match) return undefined;
  const [major, minor, patch] = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  if (minor > 0) return `${major}.${minor - 1}.99`;
  if (major > 0) return `${major - 1}.99.99`;
  return undefined;
}
