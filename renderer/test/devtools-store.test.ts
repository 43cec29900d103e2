import { describe, expect, it } from 'vitest';
import { EVENTS_KEPT, shellRuleKey } from '../../emulator-api/src/protocol/wire.js';
import {
  apiNames,
  clampZoom,
  compressImageCalls,
  compressionOf,
  consoleLines,
  createDevtoolsStore,
  filterCalls,
  initialApiFilter,
  initialConnection,
  initialFiles,
  initialLog,
  initialUi,
  reduceAreaCleared,
  reduceAreaListing,
  reduceClearLog,
  reduceClientState,
  reduceCompare,
  reduceEvents,
  reduceExpand,
  reduceExpandedEvent,
  reduceFileDeleted,
  reduceFileInfo,
  reducePicker,
  reduceSelectFile,
  stepZoom,
} from '../src/devtools/store.js';
import { batch, call, compressEvent, consoleEvent, guestError, rule, session } from './fixtures.js';

describe('log reducer', () => {
  it('appends events, adds rules to the map and counts calls and guest errors', () => {
    const key = shellRuleKey('chooseImage', 'count-default-9');
    const log = reduceEvents(initialLog, batch([call(1, 'chooseImage', { rules: ['count-default-9'] }), consoleEvent(2, 'log', 'hi'), consoleEvent(3, 'error', 'boom'), guestError(4, 'x is not defined')], { [key]: rule('count-default-9', 'documented') }));
    expect(log.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(log.rules[key]?.provenance.kind).toBe('documented');
    expect(log.errorCount).toBe(2);
    expect(log.callCount).toBe(1);
    expect(log.lastSeq).toBe(4);
  });

  it('keeps rules from earlier messages (the host describes each rule once per connection)', () => {
    const first = reduceEvents(initialLog, batch([call(1, 'a', { rules: ['r'] })], { [shellRuleKey('a', 'r')]: rule('r', 'inferred') }));
    const second = reduceEvents(first, batch([call(2, 'b', { rules: ['s'] })], { [shellRuleKey('b', 's')]: rule('s', 'assumed') }));
    expect(Object.keys(second.rules).sort()).toEqual([shellRuleKey('a', 'r'), shellRuleKey('b', 's')]);
  });

  it('ignores events it has seen (a repeated first message)', () => {
    const log = reduceEvents(initialLog, batch([call(1, 'a'), call(2, 'b')]));
    const again = reduceEvents(log, batch([call(1, 'a'), call(2, 'b'), call(3, 'c')]));
    expect(again.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(again.callCount).toBe(3);
    expect(reduceEvents(again, batch([call(3, 'c')]))).toBe(again);
  });

  it('keeps at most EVENTS_KEPT events, dropping the oldest and their error count', () => {
    expect(EVENTS_KEPT).toBe(10_000);
    const events = [consoleEvent(1, 'error', 'old'), ...Array.from({ length: EVENTS_KEPT }, (_, i) => call(i + 2, 'getStorageSync'))];
    const log = reduceEvents(initialLog, batch(events));
    expect(log.events).toHaveLength(EVENTS_KEPT);
    expect(log.events[0]?.seq).toBe(2);
    expect(log.errorCount).toBe(0);
    expect(log.callCount).toBe(EVENTS_KEPT);
    const more = reduceEvents(log, batch([guestError(EVENTS_KEPT + 2, 'late')]));
    expect(more.events).toHaveLength(EVENTS_KEPT);
    expect(more.errorCount).toBe(1);
    expect(more.callCount).toBe(EVENTS_KEPT - 1);
  });

  it('caps at a given size across messages', () => {
    let log = initialLog;
    for (let i = 1; i <= 25; i++) log = reduceEvents(log, batch([i % 5 === 0 ? consoleEvent(i, 'error', 'e') : call(i, 'x')]), 10);
    expect(log.events.map((e) => e.seq)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
    expect(log.errorCount).toBe(2);
    expect(log.callCount).toBe(8);
  });

  it('clears the log but keeps the rules', () => {
    const log = reduceEvents(initialLog, batch([consoleEvent(1, 'error', 'x')], { k: rule('r', 'assumed') }));
    const cleared = reduceClearLog(log);
    expect(cleared.events).toEqual([]);
    expect(cleared.errorCount).toBe(0);
    expect(cleared.rules).toBe(log.rules);
    expect(reduceEvents(cleared, batch([consoleEvent(1, 'error', 'x')])).events).toEqual([]);
  });
});

describe('API filter', () => {
  const rules = {
    [shellRuleKey('compressImage', 'quality-default')]: rule('quality-default', 'documented'),
    [shellRuleKey('compressImage', 'png-as-jpeg')]: rule('png-as-jpeg', 'inferred'),
    [shellRuleKey('getLocation', 'no-gps')]: rule('no-gps', 'assumed'),
  };
  const events = [
    call(1, 'compressImage', { rules: ['quality-default'] }),
    call(2, 'compressImage', { rules: ['png-as-jpeg'], ok: false, errno: 1002, errMsg: 'compressImage:fail unsupported' }),
    call(3, 'getLocation', { rules: ['no-gps'] }),
    consoleEvent(4, 'log', 'compressImage in a console line'),
    call(5, 'setStorageSync'),
  ];
  const seqs = (filter: Partial<typeof initialApiFilter>) => filterCalls(events, { ...initialApiFilter, ...filter }, rules).map((c) => c.seq);

  it('lists only calls', () => expect(seqs({})).toEqual([1, 2, 3, 5]));
  it('filters by text on the API, errMsg, errno and rule ids, case-insensitively', () => {
    expect(seqs({ text: 'COMPRESS' })).toEqual([1, 2]);
    expect(seqs({ text: 'unsupported' })).toEqual([2]);
    expect(seqs({ text: '1002' })).toEqual([2]);
    expect(seqs({ text: 'no-gps' })).toEqual([3]);
    expect(seqs({ text: '  ' })).toEqual([1, 2, 3, 5]);
  });
  it('filters by result', () => {
    expect(seqs({ result: 'ok' })).toEqual([1, 3, 5]);
    expect(seqs({ result: 'fail' })).toEqual([2]);
  });
  it('filters by provenance of the applied rules', () => {
    expect(seqs({ provenance: 'documented' })).toEqual([1]);
    expect(seqs({ provenance: 'inferred' })).toEqual([2]);
    expect(seqs({ provenance: 'assumed' })).toEqual([3]);
  });
  it('filters by API and combines filters', () => {
    expect(seqs({ api: 'compressImage' })).toEqual([1, 2]);
    expect(seqs({ api: 'compressImage', result: 'ok' })).toEqual([1]);
  });
  it('names the APIs of the log, sorted', () => expect(apiNames(events)).toEqual(['compressImage', 'getLocation', 'setStorageSync']));
});

describe('console lines', () => {
  const events = [
    call(1, 'x'),
    consoleEvent(2, 'log', 'hello', 'world'),
    guestError(3, 'x is not defined', 'pages/a.js', 7),
    { seq: 4, time: 4, type: 'guest', event: { kind: 'render', page: 'p', seq: 1, ms: 2 } } as const,
    { seq: 5, time: 5, type: 'guest', event: { kind: 'blocked', url: 'https://x.test/a.png', directive: 'img-src' } } as const,
    consoleEvent(6, 'warn', 'careful'),
  ];
  it('turns console calls and guest events into lines; calls and renders are left out', () => {
    const lines = consoleLines(events, 'all');
    expect(lines.map((l) => [l.seq, l.level, l.kind])).toEqual([
      [2, 'log', 'console'],
      [3, 'error', 'error'],
      [5, 'warn', 'blocked'],
      [6, 'warn', 'console'],
    ]);
    expect(lines[0]?.text).toBe('hello world');
    expect(lines[1]?.source).toBe('pages/a.js:7');
    expect(lines[1]?.stack).toContain('at onLoad');
  });
  it('filters by level and text', () => {
    expect(consoleLines(events, 'error').map((l) => l.seq)).toEqual([3]);
    expect(consoleLines(events, 'warn', 'CAREFUL').map((l) => l.seq)).toEqual([6]);
    expect(consoleLines(events, 'all', 'pages/a.js').map((l) => l.seq)).toEqual([3]);
  });
});

describe('connection, ui and files reducers', () => {
  it('records a refusal with its reason, and a close', () => {
    expect(reduceClientState(initialConnection, { status: 'refused', reason: 'protocol mismatch' })).toMatchObject({ status: 'refused', refusal: 'protocol mismatch' });
    const open = reduceClientState(initialConnection, { status: 'open' });
    expect(open).toEqual({ status: 'open' });
    expect(reduceClientState(open, { status: 'closed', reason: 'gone' })).toMatchObject({ status: 'closed', closedReason: 'gone' });
  });

  it('clamps zoom to 50–200 % and steps through the presets', () => {
    expect(clampZoom(10)).toBe(50);
    expect(clampZoom(500)).toBe(200);
    expect(clampZoom(Number.NaN)).toBe(100);
    expect(stepZoom(100, 1)).toBe(125);
    expect(stepZoom(100, -1)).toBe(75);
    expect(stepZoom(200, 1)).toBe(200);
    expect(stepZoom(50, -1)).toBe(50);
    expect(stepZoom(110, -1)).toBe(100);
  });

  it('opens a call and takes its full event only while it is still the open one', () => {
    const ui = reduceExpand(initialUi, 5);
    const event = compressEvent(5, 'ttfile://temp/a.jpg', 'ttfile://temp/b.jpg');
    expect(reduceExpandedEvent(ui, 5, event).expandedEvent).toBe(event);
    expect(reduceExpandedEvent(reduceExpand(ui, 6), 5, event).expandedEvent).toBeUndefined();
    expect(reduceExpandedEvent(ui, 5, { error: 'event 5 is not kept' }).expandedError).toBe('event 5 is not kept');
    expect(reduceExpand(reduceExpandedEvent(ui, 5, event), undefined).expandedSeq).toBeUndefined();
  });

  it('queues image picker requests and drops an answered one', () => {
    let ui = reducePicker(initialUi, { ask: { id: 'a', count: 1, sourceType: ['album'] } });
    ui = reducePicker(ui, { ask: { id: 'b', count: 2, sourceType: ['camera'] } });
    expect(reducePicker(ui, { ask: { id: 'a', count: 1, sourceType: ['album'] } })).toBe(ui);
    expect(reducePicker(ui, { answered: 'a' }).pickers.map((p) => p.id)).toEqual(['b']);
  });

  it('lists an area and drops fileInfo of files that changed or went', () => {
    const entry = (path: string, size: number, modifiedMs = 1) => ({ path, size, dir: false, modifiedMs });
    let files = reduceAreaListing(initialFiles, 'temp', { entries: [entry('ttfile://temp/a.jpg', 10), entry('ttfile://temp/b.jpg', 20)], truncated: false });
    files = reduceFileInfo(files, 'ttfile://temp/a.jpg', { path: 'ttfile://temp/a.jpg', size: 10 });
    files = reduceFileInfo(files, 'ttfile://temp/b.jpg', { path: 'ttfile://temp/b.jpg', size: 20 });
    files = reduceSelectFile(files, 'ttfile://temp/b.jpg');
    const next = reduceAreaListing(files, 'temp', { entries: [entry('ttfile://temp/a.jpg', 11, 2)], truncated: false });
    expect(next.areas.temp.entries).toHaveLength(1);
    expect(next.info).toEqual({});
    expect(next.selected).toBeUndefined();
    expect(reduceAreaListing(files, 'user', { error: 'boom' }).areas.user).toMatchObject({ error: 'boom', loaded: true, loading: false });
  });

  it('deletes a file and clears an area', () => {
    const entries = [
      { path: 'ttfile://user/d', size: 0, dir: true, modifiedMs: 1 },
      { path: 'ttfile://user/d/x.txt', size: 3, dir: false, modifiedMs: 1 },
    ];
    let files = reduceAreaListing(initialFiles, 'user', { entries, truncated: false });
    files = reduceSelectFile(files, 'ttfile://user/d/x.txt');
    const deleted = reduceFileDeleted(files, 'ttfile://user/d/x.txt');
    expect(deleted.areas.user.entries.map((e) => e.path)).toEqual(['ttfile://user/d']);
    expect(deleted.selected).toBeUndefined();
    const cleared = reduceAreaCleared(files, 'user');
    expect(cleared.areas.user.entries).toEqual([]);
    expect(cleared.selected).toBeUndefined();
  });

  it('shows a compare view instead of a file, and back', () => {
    const files = reduceCompare(reduceSelectFile(initialFiles, 'pages/a.js'), 7);
    expect(files.compareSeq).toBe(7);
    expect(files.selected).toBeUndefined();
    expect(reduceCompare(files, undefined).compareSeq).toBeUndefined();
    const selected = reduceSelectFile(files, 'pages/b.js');
    expect(selected.selected).toBe('pages/b.js');
    expect(selected.compareSeq).toBeUndefined();
  });

  it('reads a compressImage call: src, out and quality (80 by default)', () => {
    expect(compressionOf(compressEvent(3, 'ttfile://temp/a.jpg', 'ttfile://temp/b.jpg', 40))).toEqual({ seq: 3, src: 'ttfile://temp/a.jpg', out: 'ttfile://temp/b.jpg', quality: 40, qualityGiven: true });
    expect(compressionOf(compressEvent(3, 'a.jpg', 'ttfile://temp/b.jpg'))).toMatchObject({ quality: 80, qualityGiven: false });
    expect(compressionOf({ seq: 1, time: 1, type: 'console', level: 'log', args: [] })).toHaveProperty('error');
    expect(compressImageCalls([call(1, 'compressImage'), call(2, 'compressImage', { ok: false }), call(3, 'compressImage')]).map((c) => c.seq)).toEqual([3, 1]);
  });
});

describe('the store', () => {
  it('applies the reducers through its actions', () => {
    const store = createDevtoolsStore();
    store.getState().clientState({ status: 'open', sessionId: 's1' });
    store.getState().session(session);
    store.getState().events(batch([call(1, 'a'), consoleEvent(2, 'error', 'x')]));
    store.getState().setApiFilter({ text: 'a' });
    store.getState().setZoom(300);
    store.getState().setTab('files');
    store.getState().reloadGuest();
    const state = store.getState();
    expect(state.connection).toMatchObject({ status: 'open', network: 'online' });
    expect(state.log.events).toHaveLength(2);
    expect(state.log.errorCount).toBe(1);
    expect(state.apiFilter.text).toBe('a');
    expect(state.ui).toMatchObject({ zoom: 200, tab: 'files', reloadKey: 1 });
    store.getState().notify('oops');
    expect(store.getState().ui.notice).toBe('oops');
    store.getState().notify(undefined);
    expect(store.getState().ui.notice).toBeUndefined();
  });
});
