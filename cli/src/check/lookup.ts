/** What ttsim knows about a name: the registries first, then the lists of names it knows but does not emulate. */
import { isNotEmulated, notEmulatedApis, notEmulatedProvenance } from '../../../emulator-api/src/common/apis/not-emulated.js';
import { componentList, findComponent } from '../../../emulator-api/src/common/components.js';
import { findApi, listApis } from '../../../emulator-api/src/common/registry.js';
import type { Provenance, SupportMatrix } from '../../../emulator-api/src/common/types.js';
import { closest } from '../../../emulator-api/src/common/validation.js';
import { FSM_PREFIX, fileSystemManagerMethods, fileSystemManagerProvenance } from '../../../emulator-api/src/common/apis/not-emulated.js';
import type { ItemStatus } from './types.js';

export interface Lookup {
  readonly status: ItemStatus;
  readonly matrix: SupportMatrix | null;
  readonly provenance: Provenance | null;
  readonly suggestion: string | null;
  /** ttsim runs the API or draws the component (false for a component the registry marks `drawn: false`). */
  readonly emulated: boolean;
}

const known = (matrix: SupportMatrix, provenance: Provenance, emulated = true): Lookup => ({ status: 'known', matrix, provenance, suggestion: null, emulated });
const notEmulated = (provenance: Provenance): Lookup => ({ status: 'not-emulated', matrix: null, provenance, suggestion: null, emulated: false });
const unknown = (suggestion: string | null): Lookup => ({ status: 'unknown', matrix: null, provenance: null, suggestion, emulated: false });

function fileSystemManagerNames(): string[] {
  const names = new Set(listApis().filter((s) => s.name.startsWith(FSM_PREFIX)).map((s) => s.name));
  for (const method of fileSystemManagerMethods) names.add(FSM_PREFIX + method);
  return [...names];
}

/** `compressImage`, or `FileSystemManager.readFile` for a method of the object getFileSystemManager returns. */
export function lookupApi(name: string): Lookup {
  const spec = findApi(name);
  if (spec) return known(spec.support.matrix, spec.support.provenance);
  if (name.startsWith(FSM_PREFIX)) {
    if (fileSystemManagerMethods.includes(name.slice(FSM_PREFIX.length))) return notEmulated(fileSystemManagerProvenance);
    return unknown(closest(name, fileSystemManagerNames()) ?? null);
  }
  if (isNotEmulated(name)) return notEmulated(notEmulatedProvenance);
  const topLevel = listApis().filter((s) => !s.name.includes('.')).map((s) => s.name);
  return unknown(closest(name, [...topLevel, ...notEmulatedApis]) ?? null);
}

export function lookupComponent(tag: string): Lookup {
  const spec = findComponent(tag);
  if (spec) return known(spec.support.matrix, spec.support.provenance, spec.drawn);
  return unknown(closest(tag, componentList.map((c) => c.tag)) ?? null);
}

/**
 * The API or component a canIUse schema is about: the longest dotted prefix ttsim knows
 * (`FileSystemManager.stat.object.path` → `FileSystemManager.stat`, `button.open-type` → `button`).
 */
export function subjectOfSchema(schema: string): { subject: string | null; lookup: Lookup } {
  const parts = schema.split('.');
  for (let cut = parts.length; cut > 0; cut--) {
    const candidate = parts.slice(0, cut).join('.');
    const api = lookupApi(candidate);
    if (api.status !== 'unknown') return { subject: candidate, lookup: api };
    if (cut === 1) {
      const component = lookupComponent(candidate);
      if (component.status !== 'unknown') return { subject: candidate, lookup: component };
    }
  }
  const head = parts[0] === 'FileSystemManager' && parts.length > 1 ? `${parts[0]}.${parts[1]}` : parts[0]!;
  return { subject: null, lookup: unknown(lookupApi(head).suggestion ?? lookupComponent(head).suggestion) };
}
