/** Support-matrix checks and canIUse, read from the registry. */
import semver from 'semver';
import { z } from 'zod';
import type { ApiSpec } from './api-spec.js';
import type { ClientProfile } from './profiles.js';
import { findApi, listApis } from './registry.js';
import { ANY_VERSION } from './apis/sources.js';
import { FSM_PREFIX, fileSystemManagerMethods, isNotEmulated, notEmulatedApis, notEmulatedProvenance } from './apis/not-emulated.js';
import { appKinds, platformLabels, platforms, type Provenance, type SupportMatrix } from './types.js';
import { closest, closestNames } from './validation.js';

export type SupportVerdict =
  | { readonly supported: true; readonly since: string }
  | { readonly supported: false; readonly since: string | null; readonly reason: string };

export function checkMatrix(matrix: SupportMatrix, profile: ClientProfile, what: string): SupportVerdict {
  const since = matrix[profile.app][profile.platform];
  const where = `${profile.app === 'gadget' ? 'gadgets' : 'web apps'} on ${profile.platform}`;
  if (since === null) return { supported: false, since: null, reason: `${what} is not supported for ${where}` };
  if (semver.lt(profile.client, since)) {
    return { supported: false, since, reason: `${what} is not supported on client ${profile.client}: ${where} need ${since} or later` };
  }
  return { supported: true, since };
}

const appNames = { gadget: 'gadget', webapp: 'web app' } as const;

/** One line for a matrix: "gadget Android 2.0.0+, iOS 2.0.0+, PC ✗, Harmony 7.35.0+; web app …" (✓ = any version). */
export function matrixSummary(matrix: SupportMatrix): string {
  const cell = (since: string | null) => (since === null ? '✗' : since === ANY_VERSION ? '✓' : `${since}+`);
  return appKinds.map((app) => `${appNames[app]} ${platforms.map((p) => `${platformLabels[p]} ${cell(matrix[app][p])}`).join(', ')}`).join('; ');
}

export function checkApiSupport(spec: ApiSpec, profile: ClientProfile): SupportVerdict {
  return checkMatrix(spec.support.matrix, profile, spec.name);
}

/** Object keys of a schema, looking through optional / nullable / default wrappers. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodArray) {
      current = current.element as z.ZodType;
    } else return current;
  }
}

/** The values an enum-like field accepts (`chooseImage.object.sourceType.camera`), if it is one. */
function optionsOf(schema: z.ZodType): readonly string[] | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodEnum) return inner.options.map(String);
  return undefined;
}

/** canIUse's answer with the reason for it, as `ttsim can-i-use` prints it. */
export interface CanIUseAnswer {
  readonly schema: string;
  readonly value: boolean;
  /** Why, in one sentence: the version floor, the platform without it, the unknown name (with "did you mean"), … */
  readonly reason: string;
  /** The registry API the schema is about, when ttsim knows it. */
  readonly api?: string;
  /** The minimum client version of the API (or of the field) for this app kind and platform; null = never. */
  readonly since?: string | null;
  /** Where that matrix comes from. */
  readonly provenance?: Provenance;
  /** For an unknown name: the known names it is closest to. */
  readonly suggestions?: readonly string[];
  /** A Feishu API ttsim knows by name but does not emulate (canIUse answers false in ttsim). */
  readonly notEmulated?: boolean;
}

/** Every name canIUse could be asked about: the registry, the not-emulated APIs, the FileSystemManager's methods. */
function knownNames(): string[] {
  return [...new Set([...listApis().map((spec) => spec.name), ...notEmulatedApis, ...fileSystemManagerMethods.map((m) => FSM_PREFIX + m)])];
}

const where = (profile: ClientProfile) => `${profile.app === 'gadget' ? 'gadgets' : 'web apps'} on ${profile.platform}`;

/**
 * canIUse(schema) with its reason: `${API}`, `${API}.object.${param}`, `${API}.object.${param}.${option}`,
 * `${API}.success.${field}`. API names may contain a dot (FileSystemManager.readFile); the longest registered
 * prefix wins.
 */
export function explainCanIUse(schema: string, profile: ClientProfile): CanIUseAnswer {
  if (typeof schema !== 'string' || schema.length === 0) {
    return { schema: String(schema), value: false, reason: 'expected a schema such as compressImage or compressImage.object.quality' };
  }
  const parts = schema.split('.');
  let spec: ApiSpec | undefined;
  let rest: string[] = [];
  for (let cut = parts.length; cut > 0 && !spec; cut--) {
    spec = findApi(parts.slice(0, cut).join('.'));
    rest = parts.slice(cut);
  }
  if (!spec) {
    const apiPart = parts.length > 1 && parts[0] === 'FileSystemManager' ? parts.slice(0, 2).join('.') : parts[0]!;
    if (isNotEmulated(apiPart) || (apiPart.startsWith(FSM_PREFIX) && fileSystemManagerMethods.includes(apiPart.slice(FSM_PREFIX.length)))) {
      return { schema, value: false, notEmulated: true, provenance: notEmulatedProvenance, reason: `${apiPart} is a Feishu API that ttsim does not emulate: canIUse answers false in ttsim (a real client may have it; its matrix is not known to ttsim)` };
    }
    const suggestions = closestNames(apiPart, knownNames(), 3);
    return { schema, value: false, suggestions, reason: `unknown API ${JSON.stringify(apiPart)}${suggestions.length > 0 ? `; did you mean ${suggestions.join(' or ')}?` : ''}` };
  }
  const verdict = checkApiSupport(spec, profile);
  const base = { schema, api: spec.name, since: verdict.since, provenance: spec.support.provenance };
  if (!verdict.supported) return { ...base, value: false, reason: verdict.reason };
  const supportedText = `${spec.name} is supported for ${where(profile)} ${verdict.since === ANY_VERSION ? 'on any client version' : `from client ${verdict.since}`} (this profile: ${profile.client})`;
  if (rest.length === 0) return { ...base, value: true, reason: supportedText };
  const [section, field, option, ...extra] = rest;
  if (extra.length > 0 || field === undefined || (section !== 'object' && section !== 'success' && section !== 'return')) {
    return { ...base, value: false, reason: `${JSON.stringify(schema)} is not a canIUse schema: use ${spec.name}.object.<parameter>[.<option>] or ${spec.name}.success.<field>` };
  }
  const shape = objectShape(section === 'object' ? spec.params : spec.result);
  const fieldSchema = shape?.[field];
  if (!fieldSchema) {
    const names = Object.keys(shape ?? {});
    const near = closest(field, names);
    const what = section === 'object' ? 'parameter' : 'result field';
    return { ...base, value: false, ...(near ? { suggestions: [`${spec.name}.${section}.${near}`] } : {}), reason: `${spec.name} has no ${what} ${field}${near ? ` (did you mean ${near}?)` : ''}; its ${what}s: ${names.join(', ') || 'none'}` };
  }
  const fieldSupport = spec.fieldSupport?.[`${section}.${field}`];
  if (fieldSupport) {
    const fieldVerdict = checkMatrix(fieldSupport.matrix, profile, `${spec.name}.${section}.${field}`);
    if (!fieldVerdict.supported) return { ...base, since: fieldVerdict.since, provenance: fieldSupport.provenance, value: false, reason: fieldVerdict.reason };
  }
  if (option === undefined) return { ...base, value: true, reason: `${supportedText}; ${field} is one of its ${section === 'object' ? 'parameters' : 'result fields'}` };
  const options = optionsOf(fieldSchema);
  if (!options?.includes(option)) {
    return { ...base, value: false, reason: options ? `${field} has no option ${JSON.stringify(option)}; its options: ${options.join(', ')}` : `${field} takes no fixed set of options` };
  }
  return { ...base, value: true, reason: `${supportedText}; ${option} is an option of ${field}` };
}

/** canIUse(schema): the answer of explainCanIUse. */
export function canIUse(schema: string, profile: ClientProfile): boolean {
  return explainCanIUse(schema, profile).value;
}

/**
 * canIUse's answers on this profile for every schema form of every registered API (about 500): what the
 * guest answers from without a round trip (boot payload); any other string is asked of the host. The
 * registry does not change while ttsim runs, so each profile's table is worked out once (some 15 ms).
 */
export function canIUseAnswers(profile: ClientProfile): Readonly<Record<string, boolean>> {
  const key = `${profile.app} ${profile.platform} ${profile.client}`;
  let answers = answersByProfile.get(key);
  if (!answers) {
    answers = Object.freeze(Object.fromEntries(listApis().flatMap((spec) => canIUseSchemas(spec)).map((schema) => [schema, canIUse(schema, profile)])));
    answersByProfile.set(key, answers);
  }
  return answers;
}
const answersByProfile = new Map<string, Readonly<Record<string, boolean>>>();

/** Every schema string canIUse answers for one API (used by docs and tests). */
export function canIUseSchemas(spec: ApiSpec): string[] {
  const out = [spec.name];
  for (const [section, schema] of [['object', spec.params], ['success', spec.result]] as const) {
    for (const [field, fieldSchema] of Object.entries(objectShape(schema) ?? {})) {
      out.push(`${spec.name}.${section}.${field}`);
      for (const option of optionsOf(fieldSchema) ?? []) out.push(`${spec.name}.${section}.${field}.${option}`);
    }
  }
  return out;
}

export { listApis };
