/**
 * The Matrix tab's state: the support matrix and platform rules of the APIs the session called (the
 * `apiMatrix` operation), which rows are open, and the pure functions the tab and the profile picker share.
 */
import { appKinds, platforms } from '../../../../emulator-api/src/common/types.js';
import type { ApiMatrixEntry, ClientProfile } from '../protocol.js';
import { supportedAt, type AppKind, type Platform } from '../versions.js';

export interface MatrixSlice {
  readonly entries?: readonly ApiMatrixEntry[];
  readonly loading: boolean;
  readonly error?: string;
  /** The APIs whose rows are open (their platform rules shown). */
  readonly expanded: readonly string[];
  /** APIs the project's code uses (ttsim check's scan), by name: where the first use is (file:line). */
  readonly inCode?: Readonly<Record<string, string>>;
}

export const initialMatrix: MatrixSlice = { loading: false, expanded: [] };

export interface ProfileColumn {
  readonly app: AppKind;
  readonly platform: Platform;
}

/** The matrix's columns: gadget and webapp on each platform. */
export const profileColumns: readonly ProfileColumn[] = appKinds.flatMap((app) => platforms.map((platform) => ({ app, platform })));

export function reduceMatrixLoading(matrix: MatrixSlice): MatrixSlice {
  return { ...matrix, loading: true };
}

export function reduceMatrix(matrix: MatrixSlice, answer: readonly ApiMatrixEntry[] | { readonly error: string }): MatrixSlice {
  const { error: _e, ...rest } = matrix;
  if ('error' in answer) return { ...rest, loading: false, error: answer.error };
  return { ...rest, loading: false, entries: [...answer].sort((a, b) => a.name.localeCompare(b.name)) };
}

export function reduceMatrixExpand(matrix: MatrixSlice, api: string): MatrixSlice {
  const open = matrix.expanded.includes(api);
  return { ...matrix, expanded: open ? matrix.expanded.filter((a) => a !== api) : [...matrix.expanded, api] };
}

/** The behaviour rules that hold on some platforms only (the ones a profile switch changes). */
export function platformRules(entry: ApiMatrixEntry): ApiMatrixEntry['behaviours'] {
  return entry.behaviours.filter((rule) => rule.platforms !== 'all');
}

/** Whether the column is the session's profile. */
export const isCurrentColumn = (column: ProfileColumn, profile: Pick<ClientProfile, 'app' | 'platform'> | undefined): boolean =>
  profile !== undefined && profile.app === column.app && profile.platform === column.platform;

/** The APIs a profile lacks: each with the version it would need (null: not on that app kind / platform at all). */
export function unsupportedAt(entries: readonly ApiMatrixEntry[], profile: { readonly app: AppKind; readonly platform: Platform; readonly client: string }): { readonly name: string; readonly from: string | null }[] {
  return entries.flatMap((entry) => {
    const from = entry.support.matrix[profile.app][profile.platform];
    return supportedAt(from, profile.client) ? [] : [{ name: entry.name, from }];
  });
}
