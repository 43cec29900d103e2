/**
 * The report of `ttsim check` (schemaVersion 1). `--json` prints it as it is, so every field here is part of
 * a documented, stable shape: add fields, never rename or remove them without bumping schemaVersion.
 */
import type { ProjectKind } from '../../../emulator-api/src/protocol/messages.js';
import type { AppKind, Platform, Provenance, SupportMatrix } from '../../../emulator-api/src/common/types.js';

/** A place in the project: posix path relative to the project root, 1-based line and column. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * What makes a use safe on a client without the API:
 * - canIUse: inside `if (tt.canIUse('x'))`, after `if (!tt.canIUse('x')) return`, right of `tt.canIUse('x') &&`,
 *   or in the consequent of `tt.canIUse('x') ? … : …`, where 'x' names this API (`x.object.y` counts too)
 * - presence: the same forms testing the API itself: `if (tt.x)`, `typeof tt.x === 'function'`, `typeof tt.x`
 * - try: inside a `try` block with a `catch` in the same function (a missing API throws a TypeError there)
 */
export interface Guard {
  readonly kind: 'canIUse' | 'presence' | 'try';
  /** The canIUse schema or the API tested; absent for try. */
  readonly name?: string;
  /** Where the check (or the `try`) is, in the same file as the use. */
  readonly line: number;
  readonly column: number;
}

export interface Use extends Location {
  /** null: the use runs whether or not the client has the API. */
  readonly guardedBy: Guard | null;
}

/**
 * - known: in ttsim's registry, with a support matrix
 * - not-emulated: a Feishu API ttsim knows by name but does not emulate; its support is not known to ttsim
 * - unknown: neither; most likely a typo or an API of another platform (see `suggestion`)
 */
export type ItemStatus = 'known' | 'not-emulated' | 'unknown';

export interface CheckedItem {
  /** `compressImage`, `FileSystemManager.statSync`; a tag name for components. */
  readonly name: string;
  readonly status: ItemStatus;
  /** The registry's matrix, both app kinds (known items only; null otherwise). */
  readonly matrix: SupportMatrix | null;
  /** Provenance of the matrix, or of the name list a not-emulated item comes from. */
  readonly provenance: Provenance | null;
  /** Minimum version per targeted platform for the checked app kind; null = never (known items only). */
  readonly support: Partial<Record<Platform, string | null>>;
  /** Targeted platforms where the matrix says never (null). */
  readonly unsupportedOn: readonly Platform[];
  /** For unknown names: the nearest known name, if one is close. */
  readonly suggestion: string | null;
  /** ttsim runs this API or draws this component (false: not-emulated and unknown names, components the registry does not draw). */
  readonly emulated: boolean;
  /** Every use is guarded (see Guard). */
  readonly guarded: boolean;
  readonly uses: readonly Use[];
}

export interface CustomComponent {
  readonly tag: string;
  /** The component's path as written in usingComponents. */
  readonly path: string;
  /** The JSON files that declare it. */
  readonly declaredIn: readonly string[];
  readonly uses: readonly Location[];
}

export interface FeatureCheck {
  /** The string passed to canIUse. */
  readonly schema: string;
  /** The API or component the schema is about; null if ttsim does not know it. */
  readonly subject: string | null;
  readonly status: ItemStatus;
  readonly suggestion: string | null;
  readonly at: readonly Location[];
}

export interface H5sdkMember {
  readonly name: string;
  readonly uses: readonly Location[];
}

/** Lowest client version on which everything counted runs; null when something counted never runs there. */
export interface VersionFloor {
  readonly version: string | null;
  /** What makes version null (names with no support on this platform). */
  readonly blockedBy: readonly string[];
}

export type Problem =
  | { readonly kind: 'unsupported'; readonly item: 'api' | 'component'; readonly name: string; readonly platforms: readonly Platform[]; readonly uses: readonly Location[] }
  | { readonly kind: 'unknown'; readonly item: 'api' | 'component'; readonly name: string; readonly suggestion: string | null; readonly uses: readonly Location[] }
  | { readonly kind: 'unknown-feature-check'; readonly schema: string; readonly suggestion: string | null; readonly uses: readonly Location[] }
  | { readonly kind: 'parse-error'; readonly file: string; readonly line: number; readonly column: number; readonly message: string };

export interface Note extends Location {
  readonly message: string;
}

export interface CheckReport {
  readonly schemaVersion: 1;
  readonly project: { readonly root: string; readonly kind: ProjectKind; readonly name: string };
  readonly target: { readonly app: AppKind; readonly platforms: readonly Platform[] };
  /** Every file read, posix paths relative to the root. */
  readonly files: readonly string[];
  /** True when there are no problems (exit code 0). */
  readonly ok: boolean;
  /** Failures first: no support on a targeted platform (unguarded), unknown names, files that did not parse. */
  readonly problems: readonly Problem[];
  /** Per targeted platform, over the unguarded uses of known APIs and components. */
  readonly versionFloor: Partial<Record<Platform, VersionFloor>>;
  /** The same with guarded uses counted: where every feature the code can use is there. */
  readonly everyFeatureFloor: Partial<Record<Platform, VersionFloor>>;
  readonly apis: readonly CheckedItem[];
  readonly components: readonly CheckedItem[];
  readonly customComponents: readonly CustomComponent[];
  readonly featureChecks: readonly FeatureCheck[];
  /** Members of window.h5sdk used that the registry has no entry for (ready, error, …): listed, not checked. `h5sdk.config` is in `apis`. */
  readonly h5sdk: readonly H5sdkMember[];
  /** Things the scan could not follow (`tt[name]`, a script the HTML names that is missing). */
  readonly notes: readonly Note[];
}
