// @vitest-environment happy-dom
/**
 * Live compare in the devtools: the dialog's defaults and checks, the compare view with one frame per
 * profile (each session's own connection), the lined-up log and what it marks as differing, replays that
 * found no element, the picker of another profile's session, and the end of a compare.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompareMember as HostMember } from '../../emulator-api/src/protocol/messages.js';
import { App } from '../src/devtools/App.js';
import { ConnectMemberContext } from '../src/devtools/compare/actions.js';
import { alignCalls, defaultCompareProfiles, rowDifferences, outputPaths, compareLabel } from '../src/devtools/compare/model.js';
import type { CallEvent, DevtoolsEvent, FileInfo, HostEvent, SessionInfo } from '../src/devtools/protocol.js';
import { createDevtoolsStore } from '../src/devtools/store.js';
import { batch, call, FakeClient, rule, session } from './fixtures.js';
import { silenceFrameLoadingWarnings } from './frame-warnings.js';

afterEach(cleanup);
silenceFrameLoadingWarnings();

const androidSession: SessionInfo = {
  ...session,
  sessionId: 's2',
  profile: {
    ...session.profile,
    platform: 'android',
    device: { ...session.profile.device, id: 'pixel-8', label: 'Google Pixel 8', platform: 'android', systemPlatform: 'android', brand: 'Google', model: 'Pixel 8', windowWidth: 412, windowHeight: 839, statusBarHeight: 24 },
  },
  guestUrl: '/g/s2/guest2/__ttsim__/gadget.html',
};
const members: HostMember[] = [
  { sessionId: 's1', token: 'T1', profile: session.profile },
  { sessionId: 's2', token: 'T2', profile: androidSession.profile },
];

/** A full call event as the `event` operation answers it: the summary's record with params and result. */
function full(event: CallEvent, result: Record<string, unknown>): HostEvent {
  return { ...event, record: { ...event.record, params: {}, startedAt: event.time, result: { errMsg: event.record.errMsg, ...result } as never, rules: [] } } as unknown as HostEvent;
}

function setup() {
  const files: Record<string, FileInfo> = {
    'ttfile://temp/in-ios.png': { path: 'ttfile://temp/in-ios.png', size: 18_432, format: 'png', width: 240, height: 320 },
    'ttfile://temp/out-ios.jpg': { path: 'ttfile://temp/out-ios.jpg', size: 8_499, format: 'jpeg', width: 240, height: 320 },
    'ttfile://temp/in-android.png': { path: 'ttfile://temp/in-android.png', size: 18_432, format: 'png', width: 240, height: 320 },
    'ttfile://temp/out-android.png': { path: 'ttfile://temp/out-android.png', size: 18_432, format: 'png', width: 240, height: 320 },
  };
  const fullEvents = new Map<string, HostEvent>();
  const fileInfo = ({ path }: { path: string }) => {
    const info = files[path];
    if (!info) throw new Error(`no such file: ${path}`);
    return info;
  };
  const main = new FakeClient({
    compare: () => ({ members }),
    endCompare: () => null,
    event: ({ seq }) => fullEvents.get(`s1:${seq}`)!,
    fileInfo,
  });
  const android = new FakeClient({
    session: () => androidSession,
    event: ({ seq }) => fullEvents.get(`s2:${seq}`)!,
    fileInfo,
    pickerSamples: () => [{ id: 'alpha-png', name: 'translucent.png', description: 'A PNG with alpha' }],
    answerPicker: () => null,
  });
  const connected: HostMember[] = [];
  const connect = (member: HostMember) => {
    connected.push(member);
    return android;
  };
  const store = createDevtoolsStore();
  render(
    <ConnectMemberContext.Provider value={connect}>
      <App store={store} client={main} />
    </ConnectMemberContext.Provider>,
  );
  return { main, android, store, connected, fullEvents };
}

async function startIosAndroid(_context: ReturnType<typeof setup>) {
  await screen.findByText('compress-demo');
  fireEvent.click(screen.getByRole('button', { name: /Compare profiles/ }));
  const dialog = await screen.findByRole('dialog', { name: 'Compare profiles' });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Remove profile 3' }));
  fireEvent.click(within(dialog).getByRole('button', { name: 'Start compare' }));
  await screen.findByRole('main', { name: 'Live compare' });
  return dialog;
}

describe('the compare model', () => {
  it('defaults to the other two of iOS, Android and PC at the same client', () => {
    expect(defaultCompareProfiles({ platform: 'ios', client: '7.35.0' })).toEqual([{ platform: 'android', client: '7.35.0' }, { platform: 'pc', client: '7.35.0' }]);
    expect(defaultCompareProfiles({ platform: 'pc', client: '3.46.0' })).toEqual([{ platform: 'ios', client: '3.46.0' }, { platform: 'android', client: '3.46.0' }]);
    expect(defaultCompareProfiles({ platform: 'harmony', client: '7.35.0' }).map((p) => p.platform)).toEqual(['ios', 'android']);
    expect(compareLabel({ app: 'webapp', platform: 'pc', client: '3.47.0' })).toBe('web app · PC 3.47.0');
  });

  it('lines up the n-th call of each API across profiles, in the order they first happened', () => {
    const ios: DevtoolsEvent[] = [call(1, 'getSystemInfo'), call(2, 'chooseImage'), call(3, 'compressImage'), call(4, 'compressImage')];
    const android: DevtoolsEvent[] = [call(5, 'getSystemInfo'), call(6, 'chooseImage'), call(7, 'compressImage', { ok: false, errno: 1300003 })];
    const rows = alignCalls([ios, android]);
    expect(rows.map((r) => [r.key, r.cells.map((c) => c?.seq ?? null)])).toEqual([
      ['getSystemInfo#1', [1, 5]],
      ['chooseImage#1', [2, 6]],
      ['compressImage#1', [3, 7]],
      ['compressImage#2', [4, null]],
    ]);
    const labels = [{ label: 'iOS 7.35.0', sessionId: 's1' }, { label: 'Android 7.35.0', sessionId: 's2' }];
    expect(rowDifferences(rows[0]!, labels, {})).toEqual([]);
    expect(rowDifferences(rows[2]!, labels, {})).toEqual(['result: ok on iOS 7.35.0, fail 1300003 on Android 7.35.0']);
    expect(rowDifferences(rows[3]!, labels, {})).toEqual(['not called on Android 7.35.0']);
    // Outputs: the same PNG in both agrees; a JPEG against a PNG differs.
    const png = { path: 'ttfile://temp/a.png', size: 100, format: 'png', width: 2, height: 2 };
    const facts = { 's1:2': { outputs: [png] }, 's2:6': { outputs: [{ ...png, path: 'ttfile://temp/b.png' }] } };
    expect(rowDifferences(rows[1]!, labels, facts)).toEqual([]);
    const both = [call(1, 'compressImage'), call(2, 'compressImage')];
    const [row] = alignCalls([[both[0]!], [both[1]!]]);
    expect(rowDifferences(row!, labels, { 's1:1': { outputs: [{ ...png, format: 'jpeg', size: 50 }] }, 's2:2': { outputs: [png] } })).toEqual(['output: jpeg 2×2 · 50 B on iOS 7.35.0, png 2×2 · 100 B on Android 7.35.0']);
  });

  it('finds the files a result names', () => {
    expect(outputPaths({ errMsg: 'x:ok', tempFilePath: 'ttfile://temp/a.jpg', tempFilePaths: ['ttfile://temp/b.png'], other: 'https://x' })).toEqual(['ttfile://temp/a.jpg', 'ttfile://temp/b.png']);
    expect(outputPaths(null)).toEqual([]);
  });
});

describe('the compare dialog', () => {
  it('offers the edges, checks the client version and asks the host for the chosen profiles', async () => {
    const context = setup();
    await screen.findByText('compress-demo');
    fireEvent.click(screen.getByRole('button', { name: /Compare profiles/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Compare profiles' });
    expect((within(dialog).getByLabelText('Platform of profile 2') as HTMLSelectElement).value).toBe('android');
    expect((within(dialog).getByLabelText('Platform of profile 3') as HTMLSelectElement).value).toBe('pc');
    expect((within(dialog).getByLabelText('Client version of profile 2') as HTMLInputElement).value).toBe('7.39.0');
    fireEvent.change(within(dialog).getByLabelText('Client version of profile 3'), { target: { value: '7.x' } });
    expect(within(dialog).getByRole('alert').textContent).toMatch(/“7\.x” is not a client version/);
    expect((within(dialog).getByRole('button', { name: 'Start compare' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a profile' }));
    fireEvent.change(within(dialog).getByLabelText('Platform of profile 4'), { target: { value: 'harmony' } });
    expect((within(dialog).getByRole('button', { name: 'Add a profile' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove profile 3' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start compare' }));
    await screen.findByRole('main', { name: 'Live compare' });
    expect(context.main.requests.find((r) => r.op === 'compare')?.params).toEqual({ profiles: [{ platform: 'android', client: '7.39.0' }, { platform: 'harmony', client: '7.39.0' }] });
    expect(screen.queryByRole('dialog', { name: 'Compare profiles' })).toBeNull();
  });

  it("shows the host's reason when the compare cannot start", async () => {
    const context = setup();
    (context.main as unknown as { handlers: Record<string, unknown> }).handlers.compare = () => {
      throw new Error('compare: this session is one of the profiles of a live compare');
    };
    await screen.findByText('compress-demo');
    fireEvent.click(screen.getByRole('button', { name: /Compare profiles/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Compare profiles' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start compare' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/one of the profiles of a live compare/));
    expect(screen.queryByRole('main', { name: 'Live compare' })).toBeNull();
  });
});

describe('the compare view', () => {
  it("shows a frame per profile, each from its own session's connection", async () => {
    const context = setup();
    await startIosAndroid(context);
    expect(context.connected.map((m) => m.sessionId)).toEqual(['s2']);
    const iosFrame = await screen.findByRole('region', { name: 'iOS 7.39.0 · iPhone 15' });
    const androidFrame = await screen.findByRole('region', { name: 'Android 7.39.0 · Google Pixel 8' });
    expect(within(iosFrame).getByTitle(/^iOS 7\.39\.0 · iPhone 15: compress-demo$/).getAttribute('src')).toBe(session.guestUrl);
    expect(within(androidFrame).getByTitle(/^Android 7\.39\.0 · Google Pixel 8: compress-demo$/).getAttribute('src')).toBe(androidSession.guestUrl);
    // The simulator and panels make way for the compare.
    expect(screen.queryByRole('tab', { name: /API/ })).toBeNull();
  });

  it('marks the row whose outputs differ (JPEG on iOS, PNG on Android) with the rules and their provenance', async () => {
    const context = setup();
    // A call before the compare started is not lined up (the frames start afresh).
    act(() => context.main.emit(batch([call(1, 'compressImage')])));
    await startIosAndroid(context);
    const iosCalls = [call(10, 'chooseImage'), call(11, 'compressImage', { rules: ['ios-always-jpeg'] })];
    const androidCalls = [call(3, 'chooseImage'), call(4, 'compressImage', { rules: ['non-jpeg-returned-as-is'] }), call(5, 'saveFile', { ok: false, errno: 1300202 })];
    context.fullEvents.set('s1:10', full(iosCalls[0]!, { tempFilePaths: ['ttfile://temp/in-ios.png'] }));
    context.fullEvents.set('s1:11', full(iosCalls[1]!, { tempFilePath: 'ttfile://temp/out-ios.jpg' }));
    context.fullEvents.set('s2:3', full(androidCalls[0]!, { tempFilePaths: ['ttfile://temp/in-android.png'] }));
    context.fullEvents.set('s2:4', full(androidCalls[1]!, { tempFilePath: 'ttfile://temp/out-android.png' }));
    act(() => context.main.emit(batch(iosCalls, { 'compressImage ios-always-jpeg': rule('ios-always-jpeg', 'documented') })));
    act(() => context.android.emit(batch(androidCalls, { 'compressImage non-jpeg-returned-as-is': rule('non-jpeg-returned-as-is', 'documented') })));

    const table = await screen.findByRole('table', { name: 'Calls by profile' });
    const compressRow = await waitFor(() => {
      const row = within(table).getByRole('row', { name: /compressImage/ });
      expect(row.textContent).toMatch(/differs: output: jpeg 240×320 · 8\.3 KB on iOS 7\.39\.0, png 240×320 · 18\.0 KB on Android 7\.39\.0/);
      return row;
    });
    expect(compressRow.getAttribute('data-differs')).toBe('true');
    expect(within(compressRow).getByText('ios-always-jpeg')).toBeTruthy();
    expect(within(compressRow).getAllByText('documented')).toHaveLength(2);
    expect(within(table).getAllByRole('row', { name: /compressImage/ })).toHaveLength(1);
    const chooseRow = within(table).getByRole('row', { name: /chooseImage/ });
    await waitFor(() => expect(chooseRow.textContent).toMatch(/png 240×320 · 18\.0 KB[\s\S]*png 240×320 · 18\.0 KB/));
    expect(chooseRow.getAttribute('data-differs')).toBeNull();
    const saveRow = within(table).getByRole('row', { name: /saveFile/ });
    expect(saveRow.textContent).toMatch(/not called on iOS 7\.39\.0/);
    expect(saveRow.textContent).toMatch(/fail 1300202/);
    expect(screen.getByText('3 rows, 2 differ')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only rows that differ' }));
    expect(within(table).queryByRole('row', { name: /chooseImage/ })).toBeNull();
  });

  it('says in the frame when a replayed tap found no element there', async () => {
    const context = setup();
    await startIosAndroid(context);
    const input = { action: 'tap' as const, page: 'pages/index/index', target: { steps: [], label: 'view.ios-only "Only on iOS"' } };
    act(() =>
      context.android.emit(
        batch([
          { seq: 7, time: Date.now(), type: 'guest', event: { kind: 'input', input: { ...input, target: { steps: [], label: 'button.choose "Choose an image"' } }, replayOf: 's1' } },
          { seq: 8, time: Date.now(), type: 'guest', event: { kind: 'input', input, replayOf: 's1', missing: 'no view.ios-only in view.card (step 3 of 3; none there)' } },
        ]),
      ),
    );
    const notes = await screen.findByRole('list', { name: 'Replays in Android 7.39.0' });
    expect(notes.textContent).toMatch(/Replayed tap on button\.choose "Choose an image" from iOS 7\.39\.0/);
    expect(within(notes).getByRole('alert').textContent).toMatch(/Not replayed tap on view\.ios-only "Only on iOS" from iOS 7\.39\.0: no view\.ios-only in view\.card/);
  });

  it("shows another profile's picker and answers it over that profile's connection", async () => {
    const context = setup();
    await startIosAndroid(context);
    act(() => context.android.askPicker({ id: 'p9', count: 1, sourceType: ['album'] }));
    const picker = await screen.findByRole('dialog', { name: /tt\.chooseImage/ });
    fireEvent.click(await within(picker).findByRole('checkbox', { name: /translucent\.png/ }));
    fireEvent.click(within(picker).getByRole('button', { name: 'Choose (1)' }));
    await waitFor(() => expect(context.android.requests.find((r) => r.op === 'answerPicker')?.params).toEqual({ id: 'p9', chosen: [{ sample: 'alpha-png' }] }));
    expect(context.main.ops()).not.toContain('answerPicker');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /tt\.chooseImage/ })).toBeNull());
  });

  it('ends: the host closes the other sessions, this page leaves them and shows its panels again', async () => {
    const context = setup();
    await startIosAndroid(context);
    fireEvent.click(screen.getByRole('button', { name: 'End compare' }));
    await waitFor(() => expect(screen.queryByRole('main', { name: 'Live compare' })).toBeNull());
    expect(context.main.ops()).toContain('endCompare');
    expect(context.android.state.status).toBe('closed');
    expect(await screen.findByRole('tab', { name: /API/ })).toBeTruthy();
  });
});
