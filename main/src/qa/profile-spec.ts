/**
 * Profiles written as short strings, as a QA matrix lists them: `ios@7.35.0`, `android@3.44.0`,
 * `webapp:pc@3.46.0`, `harmony` (the default client), `gadget:ios@7.35.0/iphone-15` (a device preset).
 * One parser for the fixtures, the projects helper and `ttsim qa`.
 */
import { appKinds, platforms, type AppKind, type Platform } from '../../../emulator-api/src/common/types.js';
import { DEFAULT_CLIENT, createProfile, type ProfileOptions } from '../../../emulator-api/src/common/profiles.js';
import { versionBelow } from '../../../emulator-api/src/common/client-versions.js';

/** A profile as a test names it: a string like 'webapp:pc@3.46.0', or the options themselves. */
export type ProfileSpec = string | Partial<ProfileOptions>;

/** A profile with everything but the app kind settled (the project decides that when the spec does not). */
export interface ResolvedProfileSpec {
  readonly app?: AppKind;
  readonly platform: Platform;
  readonly client: string;
  readonly device?: ProfileOptions['device'];
}

const SPEC = /^(?:(?<app>[a-z]+):)?(?<platform>[a-z]+)(?:@(?<client>[^/\s]+))?(?:\/(?<device>[\w-]+))?$/;

/** Reads a profile spec, or throws an Error that shows the form expected. */
export function parseProfileSpec(spec: ProfileSpec): ResolvedProfileSpec {
  if (typeof spec !== 'string') {
    const platform = spec.platform ?? 'ios';
    // createProfile checks the platform, version and device; the app kind may stay open.
    const checked = createProfile({ app: spec.app ?? 'gadget', platform, client: spec.client ?? DEFAULT_CLIENT, ...(spec.device !== undefined ? { device: spec.device } : {}) });
    return { ...(spec.app ? { app: spec.app } : {}), platform, client: checked.client, ...(spec.device !== undefined ? { device: spec.device } : {}) };
  }
  const match = SPEC.exec(spec.trim());
  const form = `expected [gadget:|webapp:]<${platforms.join('|')}>[@<client version>][/<device preset>], e.g. ios@7.35.0 or webapp:pc@3.46.0`;
  if (!match?.groups) throw new Error(`profile ${JSON.stringify(spec)}: ${form}`);
  const { app, platform, client, device } = match.groups;
  if (app !== undefined && !appKinds.includes(app as AppKind)) throw new Error(`profile ${JSON.stringify(spec)}: unknown app kind ${JSON.stringify(app)}; ${form}`);
  if (!platforms.includes(platform as Platform)) throw new Error(`profile ${JSON.stringify(spec)}: unknown platform ${JSON.stringify(platform)}; ${form}`);
  try {
    return parseProfileSpec({ ...(app ? { app: app as AppKind } : {}), platform: platform as Platform, ...(client ? { client } : {}), ...(device ? { device } : {}) });
  } catch (error) {
    throw new Error(`profile ${JSON.stringify(spec)}: ${(error as Error).message}`);
  }
}

/** The short name of a profile: 'ios@7.35.0', 'webapp:pc@3.46.0', 'ios@7.35.0/iphone-15'. */
export function profileName(spec: ProfileSpec): string {
  const p = parseProfileSpec(spec);
  const device = typeof p.device === 'string' ? `/${p.device}` : p.device ? `/${p.device.id}` : '';
  return `${p.app ? `${p.app}:` : ''}${p.platform}@${p.client}${device}`;
}

/** Splits a comma-separated list of specs ("ios@7.35.0, android@3.44.0"), checking each. */
export function parseProfileList(list: string): string[] {
  const specs = list.split(',').map((s) => s.trim()).filter(Boolean);
  if (specs.length === 0) throw new Error('no profiles given: expected a comma-separated list such as ios@7.35.0,android@7.35.0');
  for (const spec of specs) parseProfileSpec(spec);
  return specs;
}

/**
 * The support matrix's edges of a project, from `ttsim check`'s version floor per platform (the lowest
 * client on which every API its code uses unguarded runs): that floor, and the version just below it, where
 * the newest of those APIs fails. Web-app floors give `webapp:` profiles.
 */
export function edgeProfilesFromFloors(kind: AppKind, floors: Partial<Record<Platform, { readonly version: string | null }>>): string[] {
  const prefix = kind === 'webapp' ? 'webapp:' : '';
  const specs: string[] = [];
  for (const platform of platforms) {
    const floor = floors[platform]?.version;
    if (!floor) continue;
    specs.push(`${prefix}${platform}@${floor}`);
    const below = versionBelow(floor);
    if (below) specs.push(`${prefix}${platform}@${below}`);
  }
  return specs;
}
