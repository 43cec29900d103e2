/**
 * The devtools' one state store (zustand), in slices: connection, log, apiFilter, files and ui, and the
 * later panels' slices (matrix, appData, storage, net) whose reducers live beside their panels. Every change
 * goes through a reducer, a plain function of the slice, so tests check them without React or a host;
 * the store's actions only apply them. `createDevtoolsStore` is the vanilla store (tests use it directly),
 * `useDevtools` reads it from React through the store in context (context.tsx).
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { EVENTS_KEPT, shellRuleKey } from '../../../emulator-api/src/protocol/wire.js';
import { initialAppData, type AppDataSlice } from './appdata/model.js';
import { initialMatrix, type MatrixSlice } from './matrix/model.js';
import { initialNet, type NetSlice } from './network/model.js';
import { initialCompare, type CompareSlice } from './compare/model.js';
import type { ClientState, ConnectionStatus } from './protocol-client.js';
import { initialStorage, type StorageSlice } from './storage/model.js';
import type { AppliedRule, CallEvent, DevtoolsEvent, EventsBatch, FileArea, FileEntry, FileInfo, HostEvent, NetworkPolicy, PickerRequest, ProvenanceKind, SessionInfo } from './protocol.js';

// ── connection ────────────────────────────────────────────────────────────────────────────────────────

export interface ConnectionSlice {
  readonly status: ConnectionStatus;
  readonly session?: SessionInfo;
  /** Why the host refused this page (a protocol mismatch, a bad token). */
  readonly refusal?: string;
  /** Why the socket closed, once it has. */
  readonly closedReason?: string;
  readonly network?: NetworkPolicy;
}

export const initialConnection: ConnectionSlice = { status: 'connecting' };

export function reduceClientState(connection: ConnectionSlice, state: ClientState): ConnectionSlice {
  const { refusal: _r, closedReason: _c, ...rest } = connection;
  if (state.status === 'refused') return { ...rest, status: 'refused', refusal: state.reason ?? 'no reason given' };
  if (state.status === 'closed') return { ...rest, status: 'closed', closedReason: state.reason ?? 'the connection closed' };
  return { ...rest, status: state.status };
}

export function reduceSession(connection: ConnectionSlice, session: SessionInfo): ConnectionSlice {
  return { ...connection, session, network: session.network };
}

// ── log ───────────────────────────────────────────────────────────────────────────────────────────────

export interface LogSlice {
  /** The events in order, at most EVENTS_KEPT (as many as the host keeps). */
  readonly events: readonly DevtoolsEvent[];
  /** Every rule described so far, by shellRuleKey(api, id). */
  readonly rules: Readonly<Record<string, AppliedRule>>;
  /** Guest errors among the kept events: console.error calls and uncaught errors. */
  readonly errorCount: number;
  /** The last seq seen (a repeated event is ignored). */
  readonly lastSeq: number;
  /** Calls among the kept events (the API tab's total). */
  readonly callCount: number;
}

export const initialLog: LogSlice = { events: [], rules: {}, errorCount: 0, lastSeq: 0, callCount: 0 };

/** A console.error or an uncaught error / rejection of the guest. */
export const isGuestError = (event: DevtoolsEvent): boolean => (event.type === 'console' && event.level === 'error') || (event.type === 'guest' && event.event.kind === 'error');

const count = (events: readonly DevtoolsEvent[], test: (event: DevtoolsEvent) => boolean): number => {
  let n = 0;
  for (const event of events) if (test(event)) n++;
  return n;
};
const isCall = (event: DevtoolsEvent): event is CallEvent => event.type === 'call';

/** Adds one `events` message: new events at the end (older ones past `cap` dropped), new rules into the map. */
export function reduceEvents(log: LogSlice, batch: EventsBatch, cap = EVENTS_KEPT): LogSlice {
  const fresh = batch.events.filter((event) => event.seq > log.lastSeq);
  const rules = Object.keys(batch.rules).length > 0 ? { ...log.rules, ...batch.rules } : log.rules;
  if (fresh.length === 0) return rules === log.rules ? log : { ...log, rules };
  const joined = log.events.concat(fresh);
  const cut = Math.max(0, joined.length - cap);
  const dropped = cut > 0 ? joined.slice(0, cut) : [];
  const events = cut > 0 ? joined.slice(cut) : joined;
  return {
    events,
    rules,
    errorCount: log.errorCount + count(fresh, isGuestError) - count(dropped, isGuestError),
    callCount: log.callCount + count(fresh, isCall) - count(dropped, isCall),
    lastSeq: fresh[fresh.length - 1]!.seq,
  };
}

/** Empties the log (the host keeps its events; rules stay described). */
export function reduceClearLog(log: LogSlice): LogSlice {
  return { ...log, events: [], errorCount: 0, callCount: 0 };
}

// ── API filter ────────────────────────────────────────────────────────────────────────────────────────

export type ResultFilter = 'all' | 'ok' | 'fail';
export type ProvenanceFilter = 'all' | ProvenanceKind;

export interface ApiFilterSlice {
  /** Matches the API name, errMsg, errno, rule ids (case-insensitive). */
  readonly text: string;
  readonly result: ResultFilter;
  /** Calls that applied at least one rule of this kind. */
  readonly provenance: ProvenanceFilter;
  /** One API only ('' for all). */
  readonly api: string;
}

export const initialApiFilter: ApiFilterSlice = { text: '', result: 'all', provenance: 'all', api: '' };

export function reduceApiFilter(filter: ApiFilterSlice, patch: Partial<ApiFilterSlice>): ApiFilterSlice {
  return { ...filter, ...patch };
}

/** The rules a call applied, described (an id the host has not described yet is left out). */
export function callRules(call: CallEvent, rules: Readonly<Record<string, AppliedRule>>): (AppliedRule | { readonly id: string; readonly provenance?: undefined; readonly text?: undefined })[] {
  return call.record.rules.map((id) => rules[shellRuleKey(call.record.api, id)] ?? { id });
}

export function matchesCall(call: CallEvent, filter: ApiFilterSlice, rules: Readonly<Record<string, AppliedRule>>): boolean {
  const { record } = call;
  if (filter.api && record.api !== filter.api) return false;
  if (filter.result === 'ok' && !record.ok) return false;
  if (filter.result === 'fail' && record.ok) return false;
  if (filter.provenance !== 'all' && !record.rules.some((id) => rules[shellRuleKey(record.api, id)]?.provenance.kind === filter.provenance)) return false;
  const text = filter.text.trim().toLowerCase();
  return !text || haystackOf(record).includes(text);
}

/**
 * What a search looks in, lower-cased once per call (the log is searched on every keystroke): the API,
 * errMsg, errno and rule ids, one per line so that a search never matches across two of them.
 */
const haystacks = new WeakMap<CallEvent['record'], string>();
function haystackOf(record: CallEvent['record']): string {
  let text = haystacks.get(record);
  if (text === undefined) {
    text = [record.api, record.errMsg, record.errno === undefined ? '' : String(record.errno), ...record.rules].join('\n').toLowerCase();
    haystacks.set(record, text);
  }
  return text;
}

/** The calls of the log that pass the filter, in order. */
export function filterCalls(events: readonly DevtoolsEvent[], filter: ApiFilterSlice, rules: Readonly<Record<string, AppliedRule>>): CallEvent[] {
  const calls: CallEvent[] = [];
  for (const event of events) if (event.type === 'call' && matchesCall(event, filter, rules)) calls.push(event);
  return calls;
}

/** The API names the log holds calls of, sorted. */
export function apiNames(events: readonly DevtoolsEvent[]): string[] {
  const names = new Set<string>();
  for (const event of events) if (event.type === 'call') names.add(event.record.api);
  return [...names].sort();
}

// ── console ───────────────────────────────────────────────────────────────────────────────────────────

export type LineLevel = 'error' | 'warn' | 'info' | 'log' | 'debug';
export type ConsoleFilter = 'all' | LineLevel;

/** One line of the Console tab: a console call, a guest event (errors first of all) or a session change. */
export interface ConsoleLine {
  readonly seq: number;
  readonly time: number;
  readonly level: LineLevel;
  /** console, error (uncaught), blocked (CSP), lifecycle, navigation, ui, session. */
  readonly kind: string;
  readonly text: string;
  /** file:line of an uncaught error. */
  readonly source?: string;
  readonly stack?: string;
}

/** The Console tab's line for an event; undefined for calls and render events (the API tab shows calls). */
export function consoleLine(event: DevtoolsEvent): ConsoleLine | undefined {
  const base = { seq: event.seq, time: event.time };
  switch (event.type) {
    case 'call':
      return undefined;
    case 'console':
      return { ...base, level: event.level, kind: 'console', text: event.args.join(' ') };
    case 'session':
      return { ...base, level: 'info', kind: 'session', text: `session ${event.what.replace('-', ' ')}` };
    case 'guest': {
      const e = event.event;
      switch (e.kind) {
        case 'render':
          return undefined;
        case 'error': {
          const source = e.file ? `${e.file}${e.line === undefined ? '' : `:${e.line}`}` : undefined;
          return { ...base, level: 'error', kind: 'error', text: e.message, ...(source ? { source } : {}), ...(e.stack ? { stack: e.stack } : {}) };
        }
        case 'blocked':
          return { ...base, level: 'warn', kind: 'blocked', text: `blocked ${e.url} (${e.directive})` };
        case 'lifecycle':
          return { ...base, level: 'debug', kind: 'lifecycle', text: `${e.target}.${e.hook}` };
        case 'launched':
          return { ...base, level: 'info', kind: 'lifecycle', text: e.page ? `launched ${e.page}: first page rendered and settled ${e.ms} ms after the page began to load` : `launch ended without a page, ${e.ms} ms after the page began to load (see the error above)` };
        case 'navigation':
          return { ...base, level: 'info', kind: 'navigation', text: `${e.method} ${e.url}` };
        case 'input': {
          const what = `${e.input.action} ${e.input.target.label}${e.input.value === undefined ? '' : ` = ${JSON.stringify(e.input.value)}`}`;
          if (e.replayOf === undefined) return { ...base, level: 'debug', kind: 'input', text: what };
          return e.missing ? { ...base, level: 'warn', kind: 'input', text: `live compare: not replayed: ${what}: ${e.missing}` } : { ...base, level: 'debug', kind: 'input', text: `live compare: replayed ${what}` };
        }
        case 'ui':
          return { ...base, level: 'debug', kind: 'ui', text: `${e.what}${e.detail === undefined ? '' : ` ${JSON.stringify(e.detail)}`}` };
      }
    }
  }
}

export function consoleLines(events: readonly DevtoolsEvent[], level: ConsoleFilter, text = ''): ConsoleLine[] {
  const needle = text.trim().toLowerCase();
  const lines: ConsoleLine[] = [];
  for (const event of events) {
    const line = consoleLine(event);
    if (!line || (level !== 'all' && line.level !== level)) continue;
    if (needle && !line.text.toLowerCase().includes(needle) && !(line.source ?? '').toLowerCase().includes(needle)) continue;
    lines.push(line);
  }
  return lines;
}

// ── files ─────────────────────────────────────────────────────────────────────────────────────────────

export interface AreaListing {
  readonly entries: readonly FileEntry[];
  readonly truncated: boolean;
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly error?: string;
}

/** A successful compressImage call's two files, from its full event. */
export interface Compression {
  readonly seq: number;
  readonly src: string;
  readonly out: string;
  /** params.quality, or 80 (the documented default) when the call gave none. */
  readonly quality: number;
  readonly qualityGiven: boolean;
}

export interface FilesSlice {
  readonly areas: Readonly<Record<FileArea, AreaListing>>;
  /** The file shown in the preview. */
  readonly selected?: string;
  /** fileInfo answers by path (dropped when the file changes or goes). */
  readonly info: Readonly<Record<string, FileInfo>>;
  readonly infoErrors: Readonly<Record<string, string>>;
  /** The compressImage call (event seq) whose before/after the preview shows, instead of a file. */
  readonly compareSeq?: number;
  readonly compressions: Readonly<Record<number, Compression | { readonly error: string }>>;
}

const emptyArea: AreaListing = { entries: [], truncated: false, loading: false, loaded: false };
export const initialFiles: FilesSlice = { areas: { temp: emptyArea, user: emptyArea, package: emptyArea }, info: {}, infoErrors: {}, compressions: {} };

export const writableAreas = ['temp', 'user'] as const;
export const isWritable = (area: FileArea): area is 'temp' | 'user' => area !== 'package';
/** The area a guest path is in (ttfile://temp/…, ttfile://user/…, or a package path). */
export const areaOf = (path: string): FileArea => (path.startsWith('ttfile://temp/') ? 'temp' : path.startsWith('ttfile://user/') ? 'user' : 'package');

export function reduceAreaLoading(files: FilesSlice, area: FileArea): FilesSlice {
  return { ...files, areas: { ...files.areas, [area]: { ...files.areas[area], loading: true } } };
}

/** A new listing of an area: fileInfo of files that changed or went is dropped, so it is asked again. */
export function reduceAreaListing(files: FilesSlice, area: FileArea, listing: { entries: readonly FileEntry[]; truncated: boolean } | { error: string }): FilesSlice {
  const previous = files.areas[area];
  if ('error' in listing) return { ...files, areas: { ...files.areas, [area]: { ...previous, loading: false, loaded: true, error: listing.error } } };
  const before = new Map(previous.entries.map((e) => [e.path, e]));
  const now = new Map(listing.entries.map((e) => [e.path, e]));
  let info = files.info;
  for (const path of Object.keys(files.info)) {
    if (areaOf(path) !== area) continue;
    const old = before.get(path);
    const current = now.get(path);
    if (!current || (old && (old.size !== current.size || old.modifiedMs !== current.modifiedMs))) {
      if (info === files.info) info = { ...files.info };
      delete (info as Record<string, FileInfo>)[path];
    }
  }
  const selectedGone = files.selected !== undefined && areaOf(files.selected) === area && !now.has(files.selected);
  const { selected: _s, ...rest } = files;
  return { ...(selectedGone ? rest : files), info, areas: { ...files.areas, [area]: { entries: listing.entries, truncated: listing.truncated, loading: false, loaded: true } } };
}

export function reduceSelectFile(files: FilesSlice, path: string | undefined): FilesSlice {
  const { selected: _s, compareSeq: _c, ...rest } = files;
  return path === undefined ? rest : { ...rest, selected: path };
}

export function reduceFileInfo(files: FilesSlice, path: string, info: FileInfo | { error: string }): FilesSlice {
  if ('error' in info) return { ...files, infoErrors: { ...files.infoErrors, [path]: info.error } };
  const { [path]: _e, ...infoErrors } = files.infoErrors;
  return { ...files, info: { ...files.info, [path]: info }, infoErrors };
}

/** A file deleted (by this page): out of its listing, its info and the selection. */
export function reduceFileDeleted(files: FilesSlice, path: string): FilesSlice {
  const area = areaOf(path);
  const { [path]: _i, ...info } = files.info;
  const listing = files.areas[area];
  const next: FilesSlice = { ...files, info, areas: { ...files.areas, [area]: { ...listing, entries: listing.entries.filter((e) => e.path !== path && !e.path.startsWith(`${path}/`)) } } };
  if (files.selected !== path) return next;
  const { selected: _s, ...rest } = next;
  return rest;
}

export function reduceAreaCleared(files: FilesSlice, area: 'temp' | 'user'): FilesSlice {
  const info = Object.fromEntries(Object.entries(files.info).filter(([path]) => areaOf(path) !== area));
  const next: FilesSlice = { ...files, info, areas: { ...files.areas, [area]: { ...files.areas[area], entries: [], truncated: false } } };
  if (files.selected === undefined || areaOf(files.selected) !== area) return next;
  const { selected: _s, ...rest } = next;
  return rest;
}

export function reduceCompare(files: FilesSlice, seq: number | undefined): FilesSlice {
  if (seq === undefined) {
    const { compareSeq: _c, ...rest } = files;
    return rest;
  }
  const { selected: _s, ...rest } = files;
  return { ...rest, compareSeq: seq };
}

/** The before/after of a compressImage call, from its full event (or why there is none). */
export function compressionOf(event: HostEvent): Compression | { error: string } {
  if (event.type !== 'call' || event.record.api !== 'compressImage') return { error: `event ${event.seq} is not a compressImage call` };
  const params = (event.record.params ?? {}) as { src?: unknown; quality?: unknown };
  const result = event.record.result as { tempFilePath?: unknown };
  if (!event.record.ok || typeof result.tempFilePath !== 'string') return { error: `compressImage call ${event.seq} failed: ${event.record.result.errMsg}` };
  if (typeof params.src !== 'string') return { error: `compressImage call ${event.seq} has no src` };
  const qualityGiven = typeof params.quality === 'number';
  return { seq: event.seq, src: params.src, out: result.tempFilePath, quality: qualityGiven ? (params.quality as number) : 80, qualityGiven };
}

export function reduceCompression(files: FilesSlice, seq: number, compression: Compression | { error: string }): FilesSlice {
  return { ...files, compressions: { ...files.compressions, [seq]: compression } };
}

/** The successful compressImage calls in the log, newest first. */
export function compressImageCalls(events: readonly DevtoolsEvent[]): CallEvent[] {
  const calls: CallEvent[] = [];
  for (const event of events) if (event.type === 'call' && event.record.api === 'compressImage' && event.record.ok) calls.push(event);
  return calls.reverse();
}

// ── ui ────────────────────────────────────────────────────────────────────────────────────────────────

export type Tab = 'api' | 'network' | 'storage' | 'appdata' | 'files' | 'matrix' | 'console';
export const ZOOM_MIN = 50;
export const ZOOM_MAX = 200;
export const ZOOM_STEPS = [50, 75, 100, 125, 150, 175, 200] as const;
export const clampZoom = (zoom: number): number => (Number.isFinite(zoom) ? Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(zoom))) : 100);
/** The next zoom step up (+1) or down (-1) from `zoom`. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const next = direction > 0 ? ZOOM_STEPS.find((z) => z > zoom) : [...ZOOM_STEPS].reverse().find((z) => z < zoom);
  return next ?? clampZoom(zoom);
}

export const PANEL_MIN = 320;
export const clampPanel = (width: number, available: number): number => Math.round(Math.max(PANEL_MIN, Math.min(width, Math.max(PANEL_MIN, available - 260))));

export interface MockForm {
  readonly open: boolean;
  readonly api: string;
  readonly answer: string;
  /** What the last Set / Clear did, or why it failed. */
  readonly message?: string;
  readonly failed?: boolean;
}

export interface UiSlice {
  readonly tab: Tab;
  /** Simulator zoom in percent, 50–200. */
  readonly zoom: number;
  /** Width of the panels on the right, in CSS pixels. */
  readonly panelWidth: number;
  /** The API tab's open call (event seq), its full event once fetched, or why it could not be. */
  readonly expandedSeq?: number;
  readonly expandedEvent?: HostEvent;
  readonly expandedError?: string;
  readonly consoleLevel: ConsoleFilter;
  readonly consoleText: string;
  /** The Console tab's open line (event seq). */
  readonly consoleSelected?: number;
  /** Changes to reload the guest frame. */
  readonly reloadKey: number;
  /** The last failed operation, for the notice bar. */
  readonly notice?: string;
  readonly mock: MockForm;
  /** APIs this page has mocked (cleared with Clear mock). */
  readonly mocked: readonly string[];
  /** tt.chooseImage calls waiting for the user, oldest first (the picker shows the first). */
  readonly pickers: readonly PickerRequest[];
  /** The profile a relaunch is switching to ("webapp · pc · 3.47.0"), while the host opens its session. */
  readonly relaunching?: string;
  /** Whether the simulator outlines the safe area getSystemInfo reports. */
  readonly showSafeArea?: boolean;
}

export const initialUi: UiSlice = {
  tab: 'api',
  zoom: 100,
  panelWidth: 640,
  consoleLevel: 'all',
  consoleText: '',
  reloadKey: 0,
  mock: { open: false, api: '', answer: '{\n  "errno": 1001,\n  "errMsg": "mocked failure"\n}' },
  mocked: [],
  pickers: [],
};

export function reduceExpand(ui: UiSlice, seq: number | undefined): UiSlice {
  const { expandedSeq: _s, expandedEvent: _e, expandedError: _x, ...rest } = ui;
  return seq === undefined ? rest : { ...rest, expandedSeq: seq };
}

/** The full event of the open call arrived (ignored when another call was opened meanwhile). */
export function reduceExpandedEvent(ui: UiSlice, seq: number, event: HostEvent | { error: string }): UiSlice {
  if (ui.expandedSeq !== seq) return ui;
  return 'error' in event ? { ...ui, expandedError: event.error } : { ...ui, expandedEvent: event };
}

/** A tt.chooseImage waits for the user (added), or was answered (removed by id). */
export function reducePicker(ui: UiSlice, change: { readonly ask: PickerRequest } | { readonly answered: string }): UiSlice {
  if ('ask' in change) return ui.pickers.some((p) => p.id === change.ask.id) ? ui : { ...ui, pickers: [...ui.pickers, change.ask] };
  return { ...ui, pickers: ui.pickers.filter((p) => p.id !== change.answered) };
}

export function reduceMocked(ui: UiSlice, api: string, mocked: boolean): UiSlice {
  const others = ui.mocked.filter((a) => a !== api);
  return { ...ui, mocked: mocked ? [...others, api].sort() : others };
}

// ── the store ─────────────────────────────────────────────────────────────────────────────────────────

export interface DevtoolsState {
  readonly connection: ConnectionSlice;
  readonly log: LogSlice;
  readonly apiFilter: ApiFilterSlice;
  readonly files: FilesSlice;
  readonly ui: UiSlice;
  readonly matrix: MatrixSlice;
  readonly appData: AppDataSlice;
  readonly storage: StorageSlice;
  readonly net: NetSlice;
  /** Live compare: the profiles open beside this session (compare/). */
  readonly compare: CompareSlice;
}

/** The panels' slices, which `updateSlice` changes with their own reducers. */
export type PanelSlice = 'matrix' | 'appData' | 'storage' | 'net' | 'compare';

export interface DevtoolsActions {
  clientState(state: ClientState): void;
  session(session: SessionInfo): void;
  network(policy: NetworkPolicy): void;
  events(batch: EventsBatch): void;
  clearLog(): void;
  setApiFilter(patch: Partial<ApiFilterSlice>): void;
  /** Applies a files reducer (the async work is in actions.ts). */
  updateFiles(reduce: (files: FilesSlice) => FilesSlice): void;
  updateUi(reduce: (ui: UiSlice) => UiSlice): void;
  /** Applies a panel's reducer to its slice. */
  updateSlice<K extends PanelSlice>(key: K, reduce: (slice: DevtoolsState[K]) => DevtoolsState[K]): void;
  setTab(tab: Tab): void;
  setZoom(zoom: number): void;
  setPanelWidth(width: number): void;
  reloadGuest(): void;
  notify(message: string | undefined): void;
}

export type DevtoolsStore = StoreApi<DevtoolsState & DevtoolsActions>;

export const initialState: DevtoolsState = {
  connection: initialConnection,
  log: initialLog,
  apiFilter: initialApiFilter,
  files: initialFiles,
  ui: initialUi,
  matrix: initialMatrix,
  appData: initialAppData,
  storage: initialStorage,
  net: initialNet,
  compare: initialCompare,
};

export function createDevtoolsStore(initial: Partial<DevtoolsState> = {}): DevtoolsStore {
  return createStore<DevtoolsState & DevtoolsActions>()((set) => ({
    ...initialState,
    ...initial,
    clientState: (state) => set((s) => ({ connection: reduceClientState(s.connection, state) })),
    // The host's list of mocked APIs replaces the page's (a test or a relaunch may have set some).
    session: (session) => set((s) => ({ connection: reduceSession(s.connection, session), ui: { ...s.ui, mocked: [...(session.mocked ?? s.ui.mocked)].sort() } })),
    network: (policy) => set((s) => ({ connection: { ...s.connection, network: policy } })),
    events: (batch) => set((s) => ({ log: reduceEvents(s.log, batch) })),
    clearLog: () => set((s) => ({ log: reduceClearLog(s.log), ui: reduceExpand(s.ui, undefined) })),
    setApiFilter: (patch) => set((s) => ({ apiFilter: reduceApiFilter(s.apiFilter, patch) })),
    updateFiles: (reduce) => set((s) => ({ files: reduce(s.files) })),
    updateUi: (reduce) => set((s) => ({ ui: reduce(s.ui) })),
    updateSlice: (key, reduce) => set((s) => ({ [key]: reduce(s[key]) }) as Partial<DevtoolsState>),
    setTab: (tab) => set((s) => ({ ui: { ...s.ui, tab } })),
    setZoom: (zoom) => set((s) => ({ ui: { ...s.ui, zoom: clampZoom(zoom) } })),
    setPanelWidth: (width) => set((s) => ({ ui: { ...s.ui, panelWidth: Math.round(width) } })),
    reloadGuest: () => set((s) => ({ ui: { ...s.ui, reloadKey: s.ui.reloadKey + 1 } })),
    notify: (message) =>
      set((s) => {
        const { notice: _n, ...rest } = s.ui;
        return { ui: message === undefined ? rest : { ...rest, notice: message } };
      }),
  }));
}

/** The store the React tree reads (App provides it). */
export const DevtoolsStoreContext = createContext<DevtoolsStore | null>(null);

/** Reads a part of the store in a component; re-renders when that part changes (compare with Object.is). */
export function useDevtools<T>(selector: (state: DevtoolsState & DevtoolsActions) => T): T {
  const store = useContext(DevtoolsStoreContext);
  if (!store) throw new Error('useDevtools: no DevtoolsStoreContext above this component');
  return useStore(store, selector);
}

/** The store itself, for event handlers that read or update it. */
export function useDevtoolsStore(): DevtoolsStore {
  const store = useContext(DevtoolsStoreContext);
  if (!store) throw new Error('useDevtoolsStore: no DevtoolsStoreContext above this component');
  return store;
}
