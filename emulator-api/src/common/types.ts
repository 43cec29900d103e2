/** Vocabulary shared by the registry, profiles and sessions. No Node, no DOM. */
export const appKinds = ['gadget', 'webapp'] as const;
export type AppKind = (typeof appKinds)[number];

export const platforms = ['android', 'ios', 'pc', 'harmony'] as const;
export type Platform = (typeof platforms)[number];
/** Platforms as prose writes them (an iOS device, an Android client, a PC). */
export const platformLabels: Readonly<Record<Platform, string>> = { android: 'Android', ios: 'iOS', pc: 'PC', harmony: 'Harmony' };

/**
 * Where a fact about the real client comes from. Users see this next to every behaviour, so a guess is never shown as fact.
 * - documented: a Feishu doc states it (`source` names the page)
 * - inferred: follows from a doc's example or from public code (`source` says which)
 * - assumed: our best guess where Feishu says nothing (`source` says why we chose it)
 */
export type ProvenanceKind = 'documented' | 'inferred' | 'assumed';
export interface Provenance {
  readonly kind: ProvenanceKind;
  readonly source: string;
}

export const documented = (source: string): Provenance => ({ kind: 'documented', source });
export const inferred = (source: string): Provenance => ({ kind: 'inferred', source });
export const assumed = (source: string): Provenance => ({ kind: 'assumed', source });

/** Minimum client version per app kind × platform; `null` means the client never has it. */
export type SupportMatrix = Readonly<Record<AppKind, Readonly<Record<Platform, string | null>>>>;
