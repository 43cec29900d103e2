// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { MatrixPanel, MATRIX_REFRESH_MS } from '../src/devtools/matrix/MatrixPanel.js';
import { unsupportedAt } from '../src/devtools/matrix/model.js';
import { clientPicks, ProfilePicker } from '../src/devtools/profile/ProfilePicker.js';
import { navigation } from '../src/devtools/profile/relaunch.js';
import type { ApiMatrixEntry } from '../src/devtools/protocol.js';

import { compareVersions, edgeVersions, normaliseVersion, versionBelow } from '../src/devtools/versions.js';
import { batch, call, compressImageEntry, FakeClient, requestEntry, session } from './fixtures.js';
import { renderPanel } from './render-panel.js';

afterEach(cleanup);

let assigned: string[];
beforeEach(() => {
  assigned = [];
  sessionStorage.clear();
  vi.spyOn(navigation, 'assign').mockImplementation((url) => void assigned.push(url));
  return () => vi.restoreAllMocks();
});

function setup(ui: 'matrix' | 'picker', entries: ApiMatrixEntry[] = [compressImageEntry, requestEntry]) {
  const client = new FakeClient({
    apiMatrix: () => entries,
    relaunch: () => ({ sessionId: 's2', devtoolsUrl: '/s/s2/?token=T2' }),
  });
  const store = renderPanel(ui === 'matrix' ? <MatrixPanel /> : <ProfilePicker />, client, { events: batch([call(1, 'compressImage'), call(2, 'request'), call(3, 'compressImage')]) });
  return { client, store };
}

describe('versions', () => {
  it('compares, normalises and steps below an edge', () => {
    expect(compareVersions('3.47.0', '3.46.99')).toBeGreaterThan(0);
    expect(compareVersions('7.35', '7.35.0')).toBe(0);
    expect(compareVersions('10.0.0', '9.99.99')).toBeGreaterThan(0);
    expect(normaliseVersion('v7.35')).toBe('7.35.0');
    expect(normaliseVersion('seven')).toBeUndefined();
    expect(versionBelow('3.47.0')).toBe('3.46.99');
    expect(versionBelow('3.47.2')).toBe('3.47.1');
    expect(versionBelow('2.0.0')).toBe('1.99.99');
    expect(versionBelow('0.0.0')).toBeUndefined();
  });

  it('offers each edge of the chosen app kind and platform and the version just below it, newest first', () => {
    const picks = edgeVersions([compressImageEntry, requestEntry], 'webapp', 'pc');
    expect(picks).toEqual([
      { version: '3.47.0', label: '3.47.0 (first with compressImage)' },
      { version: '3.46.99', label: "3.46.99 (below compressImage's 3.47.0)" },
    ]);
    const gadget = edgeVersions([compressImageEntry, requestEntry], 'gadget', 'harmony');
    expect(gadget.map((p) => p.label)).toEqual(['7.35.0 (first with compressImage, request)', "7.34.99 (below compressImage's and request's 7.35.0)"]);
    expect(clientPicks('7.39.0', picks).map((p) => p.version)).toEqual(['7.39.0', '3.47.0', '3.46.99']);
    expect(unsupportedAt([compressImageEntry, requestEntry], { app: 'webapp', platform: 'pc', client: '3.46.99' })).toEqual([
      { name: 'compressImage', from: '3.47.0' },
      { name: 'request', from: null },
    ]);
  });
});

describe('Matrix panel', () => {
  it('shows a row per called API with a cell per profile, the current column marked, and the provenance', async () => {
    const { client } = setup('matrix');
    const table = await screen.findByRole('table', { name: 'Support matrix' });
    expect(client.requests.find((r) => r.op === 'apiMatrix')?.params).toEqual({});
    const rows = within(table).getAllByRole('row');
    // two header rows, then compressImage and request (sorted)
    expect(rows).toHaveLength(4);
    const compress = rows[2]!;
    expect(within(compress).getByRole('rowheader').textContent).toContain('compressImage');
    expect(within(compress).getByRole('rowheader').textContent).toContain('2 calls');
    expect(within(compress).getByText('documented').getAttribute('title')).toContain('#support');
    const cells = within(compress).getAllByRole('button', { name: /: switch to / });
    expect(cells.map((c) => c.textContent)).toEqual(['from 2.0.0', 'from 2.0.0', 'from 2.0.0', 'from 7.35.0', 'from 3.44.0', 'from 3.44.0', 'from 3.47.0', 'from 7.35.0']);
    expect(cells[6]!.getAttribute('aria-label')).toBe('from 3.47.0: switch to webapp · pc · 3.47.0');
    expect(cells[6]!.getAttribute('title')).toContain('Support matrix: documented');
    const request = rows[3]!;
    const none = within(request).getByRole('button', { name: 'not supported: switch to webapp · pc · 7.39.0 (request is not supported there)' });
    expect(none.textContent).toBe('✕ not supported');
    expect(none.className).toContain('cell-no');
    const current = within(table).getByRole('columnheader', { current: true });
    expect(current.textContent).toBe('ioscurrent');
    expect(cells[1]!.closest('td')!.className).toContain('current');
  });

  it('relaunches under a cell\'s profile at its edge version and moves the page to the new session', async () => {
    const { client, store } = setup('matrix');
    const cell = await screen.findByRole('button', { name: 'from 3.47.0: switch to webapp · pc · 3.47.0' });
    fireEvent.click(cell);
    await waitFor(() => expect(assigned).toEqual(['/s/s2/?token=T2']));
    expect(client.requests.find((r) => r.op === 'relaunch')?.params).toEqual({ profile: { app: 'webapp', platform: 'pc', client: '3.47.0' } });
    expect(store.getState().ui.relaunching).toBe('webapp · pc · 3.47.0');
  });

  it('keeps the APIs called before a profile switch in the matrix of the new session', async () => {
    const first = setup('matrix');
    fireEvent.click(await screen.findByRole('button', { name: 'from 2.0.0: switch to gadget · pc · 2.0.0' }));
    await waitFor(() => expect(assigned).toHaveLength(1));
    expect(first.client.requests.filter((r) => r.op === 'apiMatrix')).toHaveLength(1);
    cleanup();
    // The new session (same app) has called getSystemInfo only so far.
    const system = { ...requestEntry, name: 'getSystemInfo', calls: 1 };
    const client = new FakeClient({ apiMatrix: ({ apis }) => (apis ? [compressImageEntry, requestEntry].map((e) => ({ ...e, calls: 0 })) : [system]) });
    renderPanel(<MatrixPanel />, client, { session: { ...session, sessionId: 's2', profile: { ...session.profile, platform: 'pc', client: '2.0.0' } }, events: batch([call(1, 'getSystemInfo')]) });
    const table = await screen.findByRole('table', { name: 'Support matrix' });
    expect(client.requests.filter((r) => r.op === 'apiMatrix').map((r) => r.params)).toEqual([{}, { apis: ['compressImage', 'request'] }]);
    const heads = within(table).getAllByRole('rowheader').map((th) => th.textContent);
    expect(heads).toEqual([expect.stringContaining('compressImage'), expect.stringContaining('getSystemInfo'), expect.stringContaining('request')]);
    expect(heads[0]).toContain('before the switch');
    expect(heads[1]).toContain('1 call');
  });

  it('shows the host\'s refusal of a relaunch and stays', async () => {
    const client = new FakeClient({
      apiMatrix: () => [compressImageEntry],
      relaunch: () => {
        throw new Error('relaunch: this session cannot be relaunched (it was not opened by a Host)');
      },
    });
    const store = renderPanel(<MatrixPanel />, client);
    fireEvent.click(await screen.findByRole('button', { name: 'from 2.0.0: switch to gadget · android · 2.0.0' }));
    await waitFor(() => expect(store.getState().ui.notice).toContain('cannot be relaunched'));
    expect(store.getState().ui.relaunching).toBeUndefined();
    expect(assigned).toEqual([]);
  });

  it('opens a row to show the rules that differ by platform, each with provenance', async () => {
    setup('matrix');
    const expander = await screen.findByRole('button', { name: /compressImage/, expanded: false });
    fireEvent.click(expander);
    expect(expander.getAttribute('aria-expanded')).toBe('true');
    const detail = document.getElementById(expander.getAttribute('aria-controls')!)!;
    expect(detail.textContent).toContain('pc-png-kept');
    expect(detail.textContent).toContain('On PC a PNG stays a PNG.');
    expect(detail.textContent).toContain('no PC doc');
    expect(within(detail).getByText('assumed')).toBeTruthy();
    // a rule for every platform is not one that differs by platform
    expect(detail.textContent).not.toContain('quality-default');
    fireEvent.click(screen.getByRole('button', { name: /request/, expanded: false }));
    expect(screen.getByText(/No behaviour rule of request depends on the platform/)).toBeTruthy();
  });

  it('asks again when the gadget calls an API the matrix does not have yet', async () => {
    const entries = [compressImageEntry, requestEntry];
    const { client, store } = setup('matrix', entries);
    await screen.findByRole('table', { name: 'Support matrix' });
    const asked = () => client.ops().filter((op) => op === 'apiMatrix').length;
    expect(asked()).toBe(1);
    act(() => store.getState().events(batch([call(4, 'compressImage')])));
    await new Promise((r) => setTimeout(r, MATRIX_REFRESH_MS + 50));
    expect(asked()).toBe(1);
    act(() => store.getState().events(batch([call(5, 'getSystemInfo')])));
    await waitFor(() => expect(asked()).toBe(2), { timeout: MATRIX_REFRESH_MS + 1000 });
  });
});

describe('profile picker', () => {
  it('offers the edges of the called APIs for the chosen app kind and platform, and relaunches with the profile', async () => {
    const { client } = setup('picker');
    const button = screen.getByRole('button', { name: /^Profile gadget · ios · client 7\.39\.0 · iPhone 15/ });
    fireEvent.click(button);
    const form = screen.getByRole('dialog', { name: 'Switch profile' });
    await waitFor(() => expect(client.ops()).toContain('apiMatrix'));
    fireEvent.change(within(form).getByRole('combobox', { name: 'App kind' }), { target: { value: 'webapp' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Platform' }), { target: { value: 'pc' } });
    const device = within(form).getByRole('combobox', { name: 'Device' }) as HTMLSelectElement;
    expect([...device.options].map((o) => o.value)).toEqual(['windows-pc', 'mac']);
    expect(device.value).toBe('windows-pc');
    const picks = within(form).getByRole('combobox', { name: 'Client quick picks' }) as HTMLSelectElement;
    await waitFor(() => expect([...picks.options].map((o) => o.textContent)).toContain("3.46.99 (below compressImage's 3.47.0)"));
    expect([...picks.options].map((o) => o.textContent)).toContain('3.47.0 (first with compressImage)');
    fireEvent.change(picks, { target: { value: '3.46.99' } });
    const text = within(form).getByRole('textbox', { name: 'Client version' }) as HTMLInputElement;
    expect(text.value).toBe('3.46.99');
    expect(within(form).getByRole('status').textContent).toContain('compressImage (from 3.47.0)');
    expect(within(form).getByRole('status').textContent).toContain('request (never on webapp · pc)');
    fireEvent.change(device, { target: { value: 'mac' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(assigned).toEqual(['/s/s2/?token=T2']));
    expect(client.requests.find((r) => r.op === 'relaunch')?.params).toEqual({ profile: { app: 'webapp', platform: 'pc', client: '3.46.99', device: 'mac' } });
  });

  it('takes any version typed in, and refuses one that is not a version', async () => {
    const { client } = setup('picker');
    fireEvent.click(screen.getByRole('button', { name: /^Profile/ }));
    const form = screen.getByRole('dialog', { name: 'Switch profile' });
    const text = within(form).getByRole('textbox', { name: 'Client version' });
    fireEvent.change(text, { target: { value: 'latest' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Apply' }));
    expect(within(form).getByRole('alert').textContent).toContain('"latest" is not a client version');
    expect(client.ops()).not.toContain('relaunch');
    fireEvent.change(text, { target: { value: 'v7.12' } });
    expect((within(form).getByRole('combobox', { name: 'Client quick picks' }) as HTMLSelectElement).value).toBe('');
    fireEvent.click(within(form).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(client.requests.find((r) => r.op === 'relaunch')?.params).toEqual({ profile: { app: 'gadget', platform: 'ios', client: '7.12.0', device: 'iphone-15' } }));
  });

  it('closes with Escape or Cancel', () => {
    setup('picker');
    const button = screen.getByRole('button', { name: /^Profile/ });
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'Switch profile' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('Matrix rows from the code', () => {
  it('adds the APIs ttsim check finds in the code, marked with where they are used', async () => {
    const client = new FakeClient({
      apiMatrix: (params) => (params.apis ? [requestEntry].filter((e) => params.apis!.includes(e.name)).map((e) => ({ ...e, calls: 0 })) : [compressImageEntry]),
      codeApis: () => ({ available: true, apis: [{ name: 'request', uses: 2, at: 'pages/index/index.js:12' }] }),
    });
    renderPanel(<MatrixPanel />, client, { events: batch([call(1, 'compressImage')]) });
    const table = await screen.findByRole('table', { name: 'Support matrix' });
    await waitFor(() => expect(within(table).getByText(/in the code, pages\/index\/index\.js:12/)).toBeTruthy());
    expect(within(table).getByRole('button', { name: /compressImage/ })).toBeTruthy();
    expect(client.requests.find((r) => r.op === 'apiMatrix' && 'apis' in (r.params as object))?.params).toEqual({ apis: ['request'] });
  });
});
