/** Support-matrix checks and canIUse, read from the registry. */
import semver from 'semver';
import { z } from 'zod';
import type { ApiSpec } from './api-spec.js';
import type { ClientProfile } from './profiles.js';
import { findApi, listApis } from './registry.js';
import type { SupportMatrix } from './types.js';

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

/**
 * canIUse(schema): `${API}`, `${API}.object.${param}`, `${API}.object.${param}.${option}`, `${API}.success.${field}`.
 * API names may contain a dot (FileSystemManager.readFile); the longest registered prefix wins.
 */
export function canIUse(schema: string, profile: ClientProfile): boolean {
  if (typeof schema !== 'string' || schema.length === 0) return false;
  const parts = schema.split('.');
  let spec: ApiSpec | undefined;
  let rest: string[] = [];
  for (let cut = parts.length; cut > 0 && !spec; cut--) {
    spec = findApi(parts.slice(0, cut).join('.'));
    rest = parts.slice(cut);
  }
  if (!spec || !checkApiSupport(spec, profile).supported) return false;
  if (rest.length === 0) return true;
  const [section, field, option, ...extra] = rest;
  if (extra.length > 0 || field === undefined) return false;
  const shape = objectShape(section === 'object' ? spec.params : section === 'success' || section === 'return' ? spec.result : z.never());
  const fieldSchema = shape?.[field];
  if (!fieldSchema) return false;
  const fieldSupport = spec.fieldSupport?.[`${section}.${field}`];
  if (fieldSupport && !checkMatrix(fieldSupport.matrix, profile, schema).supported) return false;
  if (option === undefined) return true;
  return optionsOf(fieldSchema)?.includes(option) ?? false;
}

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
