/**
 * Live compare in the devtools: the slice (which profiles are open beside this session, and what their
 * calls returned) and the pure functions the view draws from: default profiles, the merged log (the n-th
 * call of each API lined up across profiles) and what differs in a row.
 */
import type { DevtoolsClient } from '../protocol-client.js';
import type { UserInput } from '../../../../emulator-api/src/protocol/messages.js';
import type { CallEvent, ClientProfile, DevtoolsEvent, FileInfo } from '../protocol.js';
import type { DevtoolsStore } from '../store.js';
import { formatBytes } from '../format.js';

export type Platform = ClientProfile['platform'];
export const comparePlatforms: readonly Platform[] = ['ios', 'android', 'pc', 'harmony'];
const platformNames: Readonly<Record<Platform, string>> = { ios: 'iOS', android: 'Android', pc: 'PC', harmony: 'Harmony' };
export const platformName = (platform: Platform): string => platformNames[platform] ?? platform;

/** A profile to add to a compare, as the dialog edits it. */
export interface ProfileChoice {
  readonly platform: Platform;
  readonly client: string;
}

/** At most this many profiles beside this session's. */
export const MAX_MORE_PROFILES = 3;

/** The edges a comparison usually wants: the other two of iOS, Android and PC (Harmony's session gets iOS and Android), same client. */
export function defaultCompareProfiles(profile: Pick<ClientProfile, 'platform' | 'client'>): ProfileChoice[] {
  return (['ios', 'android', 'pc'] as const).filter((p) => p !== profile.platform).slice(0, 2).map((platform) => ({ platform, client: profile.client }));
}

/** "iOS 7.35.0", and "web app · " before it for a web app. */
export function compareLabel(profile: Pick<ClientProfile, 'app' | 'platform' | 'client'>): string {
  return `${profile.app === 'webapp' ? 'web app · ' : ''}${platformName(profile.platform)} ${profile.client}`;
}

/** One profile of a running compare: its session, and the store and connection of its devtools. */
export interface CompareMember {
  readonly sessionId: string;
  readonly profile: ClientProfile;
  readonly label: string;
  readonly store: DevtoolsStore;
  readonly client: DevtoolsClient;
  /** This page's own session (its store and client are the page's). */
  readonly main: boolean;
  /** The member's events up to this one came before the compare (this session's; 0 for the others). */
  readonly sinceSeq: number;
  /** Stops feeding this member's store (the other members' connections). */
  readonly unbind?: () => void;
}

/** What an output file of a call is: format, size and dimensions. */
export type OutputFacts = Pick<FileInfo, 'path' | 'size' | 'format' | 'width' | 'height'>;
export type CallFacts = { readonly outputs: readonly OutputFacts[] } | { readonly error: string };

export interface CompareSlice {
  readonly dialogOpen: boolean;
  readonly status: 'off' | 'starting' | 'on';
  readonly members: readonly CompareMember[];
  /** Why the last start failed. */
  readonly error?: string;
  /** Output facts of calls, by factKey(sessionId, seq). */
  readonly facts: Readonly<Record<string, CallFacts>>;
}

export const initialCompare: CompareSlice = { dialogOpen: false, status: 'off', members: [], facts: {} };
export const factKey = (sessionId: string, seq: number): string => `${sessionId}:${seq}`;

/** APIs whose result names files (their format and size are compared). */
export const FILE_OUTPUT_APIS: ReadonlySet<string> = new Set(['chooseImage', 'compressImage', 'saveFile', 'FileSystemManager.saveFile', 'canvasToTempFilePath', 'downloadFile']);

/** The ttfile:// paths a result names (tempFilePath, tempFilePaths, savedFilePath, filePath, …), in order. */
export function outputPaths(result: unknown): string[] {
  if (typeof result !== 'object' || result === null) return [];
  const paths: string[] = [];
  for (const value of Object.values(result as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'string' && item.startsWith('ttfile://')) paths.push(item);
  }
  return paths;
}

/** One line of the merged log: the n-th call of `api` in each profile (undefined where it made none). */
export interface CompareRow {
  readonly key: string;
  readonly api: string;
  /** 1 for the first call of the API. */
  readonly n: number;
  readonly cells: readonly (CallEvent | undefined)[];
}

/** Lines up the calls of each profile: the n-th call of each API in one row, rows in the order they first happened. */
export function alignCalls(logs: readonly (readonly DevtoolsEvent[])[]): CompareRow[] {
  const rows = new Map<string, { api: string; n: number; cells: (CallEvent | undefined)[]; first: number }>();
  logs.forEach((events, member) => {
    const counts = new Map<string, number>();
    for (const event of events) {
      if (event.type !== 'call') continue;
      const n = (counts.get(event.record.api) ?? 0) + 1;
      counts.set(event.record.api, n);
      const key = `${event.record.api}#${n}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { api: event.record.api, n, cells: logs.map(() => undefined), first: event.time }));
      row.cells[member] = event;
      row.first = Math.min(row.first, event.time);
    }
  });
  return [...rows.entries()].sort((a, b) => a[1].first - b[1].first).map(([key, { api, n, cells }]) => ({ key, api, n, cells }));
}

/** How a call ended: "ok", or "fail 103". */
export const outcomeOf = (call: CallEvent): string => (call.record.ok ? 'ok' : `fail${call.record.errno === undefined ? '' : ` ${call.record.errno}`}`);

/** An output file in a few words: "jpeg 240×320 · 8.1 KB". */
export function outputText(output: OutputFacts): string {
  const dims = output.width !== undefined && output.height !== undefined ? ` ${output.width}×${output.height}` : '';
  return `${output.format ?? 'file'}${dims} · ${formatBytes(output.size)}`;
}

/** The outputs of a call in a few words, or undefined while they are not known. */
export function outputsText(facts: CallFacts | undefined): string | undefined {
  if (!facts || 'error' in facts) return undefined;
  return facts.outputs.length === 0 ? 'no file' : facts.outputs.map(outputText).join(', ');
}

/**
 * What differs in a row between the profiles, one sentence each: a call one profile did not make, the
 * outcome (ok / fail / errno), the output files (format, dimensions, size). Empty: they agree.
 */
export function rowDifferences(row: CompareRow, members: readonly Pick<CompareMember, 'label' | 'sessionId'>[], facts: Readonly<Record<string, CallFacts>>): string[] {
  const differences: string[] = [];
  const label = (i: number) => members[i]?.label ?? `profile ${i + 1}`;
  const absent = row.cells.flatMap((cell, i) => (cell ? [] : [label(i)]));
  if (absent.length > 0) differences.push(`not called on ${absent.join(', ')}`);
  const present = row.cells.flatMap((cell, i) => (cell ? [{ cell, i }] : []));
  const distinct = (values: { text: string; i: number }[]) => new Set(values.map((v) => v.text)).size > 1;
  const describe = (values: { text: string; i: number }[]) => values.map((v) => `${v.text} on ${label(v.i)}`).join(', ');
  const outcomes = present.map(({ cell, i }) => ({ text: outcomeOf(cell), i }));
  if (distinct(outcomes)) differences.push(`result: ${describe(outcomes)}`);
  const outputs = present.flatMap(({ cell, i }) => {
    const text = cell.record.ok && FILE_OUTPUT_APIS.has(row.api) ? outputsText(facts[factKey(members[i]?.sessionId ?? '', cell.seq)]) : undefined;
    return text === undefined ? [] : [{ text, i }];
  });
  if (distinct(outputs)) differences.push(`output: ${describe(outputs)}`);
  return differences;
}

/** What a frame's replays say: the inputs replayed in it from another profile, and those it had no element for. */
export interface ReplayNote {
  readonly seq: number;
  readonly input: UserInput;
  readonly from: string;
  readonly missing?: string;
}

/** The replayed inputs of a member's log, newest last. */
export function replayNotes(events: readonly DevtoolsEvent[]): ReplayNote[] {
  const notes: ReplayNote[] = [];
  for (const event of events) {
    if (event.type !== 'guest' || event.event.kind !== 'input' || event.event.replayOf === undefined) continue;
    notes.push({ seq: event.seq, input: event.event.input, from: event.event.replayOf, ...(event.event.missing ? { missing: event.event.missing } : {}) });
  }
  return notes;
}

/** The scale at which `count` frames of these sizes fit side by side in a width × height area (at most 1). */
export function fitScale(frames: readonly { readonly width: number; readonly height: number }[], width: number, height: number): number {
  const gap = 24;
  const totalWidth = frames.reduce((sum, f) => sum + f.width, 0);
  const tallest = Math.max(1, ...frames.map((f) => f.height));
  const scale = Math.min(1, (width - gap * (frames.length + 1)) / Math.max(1, totalWidth), (height - 60) / tallest);
  return Math.max(0.25, Math.floor(scale * 100) / 100);
}
