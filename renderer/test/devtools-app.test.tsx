// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/devtools/App.js';
import { deviceFrame, fitZoom, SIM_TEXT_PX } from '../src/devtools/Simulator.js';
import { createDevtoolsStore } from '../src/devtools/store.js';
import { visibleRange } from '../src/devtools/VirtualList.js';
import { batch, call, consoleEvent, FakeClient, guestError, session } from './fixtures.js';
import { silenceFrameLoadingWarnings } from './frame-warnings.js';

afterEach(cleanup);

silenceFrameLoadingWarnings();

function setup() {
  const client = new FakeClient({
    setNetwork: () => null,
    pickerSamples: () => [
      { id: 'photo', name: 'photo.jpg', description: 'A JPEG photo' },
      { id: 'alpha-png', name: 'translucent.png', description: 'A PNG with alpha' },
    ],
    answerPicker: () => null,
  });
  const store = createDevtoolsStore();
  render(<App store={store} client={client} />);
  return { store, client };
}

describe('devtools app', () => {
  it('asks for the session and shows project, profile and the sandboxed guest frame sized to the device', async () => {
    const { client } = setup();
    await screen.findByText('compress-demo');
    expect(client.ops()).toContain('session');
    expect(screen.getByText('gadget · ios · client 7.39.0 · iPhone 15')).toBeTruthy();
    const frame = screen.getByTitle(/Simulated iPhone 15/) as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-forms');
    expect(frame.getAttribute('src')).toBe(session.guestUrl);
    expect(frame.getAttribute('src')).toContain('/g/');
    expect(frame.style.width).toBe('393px');
    expect(frame.style.height).toBe('759px');
  });

  it('zooms the device between 50 and 200 %', async () => {
    const { store } = setup();
    await screen.findByText('compress-demo');
    const box = document.querySelector('.device-box') as HTMLElement;
    const { width } = deviceFrame(session.profile.device);
    expect(box.style.width).toBe(`${width}px`);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(store.getState().ui.zoom).toBe(125);
    expect(box.style.width).toBe(`${width * 1.25}px`);
    fireEvent.change(screen.getByRole('combobox', { name: 'Zoom' }), { target: { value: '50' } });
    expect(store.getState().ui.zoom).toBe(50);
    expect((screen.getByRole('button', { name: 'Zoom out' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('reloads the guest frame', async () => {
    const { store } = setup();
    await screen.findByText('compress-demo');
    const before = screen.getByTitle(/Simulated/);
    fireEvent.click(screen.getByRole('button', { name: 'Reload guest' }));
    expect(store.getState().ui.reloadKey).toBe(1);
    expect(screen.getByTitle(/Simulated/)).not.toBe(before);
  });

  it('sets the network policy', async () => {
    const { client, store } = setup();
    await screen.findByText('compress-demo');
    fireEvent.change(screen.getByRole('combobox', { name: 'Network' }), { target: { value: 'offline' } });
    await waitFor(() => expect(store.getState().connection.network).toBe('offline'));
    expect(client.requests.find((r) => r.op === 'setNetwork')?.params).toEqual({ policy: 'offline' });
  });

  it('counts guest errors in a red badge with a label, and shows them in the console', async () => {
    const { client } = setup();
    await screen.findByText('compress-demo');
    expect(screen.getByRole('button', { name: '0 guest errors' })).toBeTruthy();
    act(() => client.emit(batch([call(1, 'getSystemInfo'), consoleEvent(2, 'log', 'hello'), consoleEvent(3, 'error', 'bad thing'), guestError(4, 'x is not defined', 'pages/index/index.js', 12)])));
    const badge = screen.getByRole('button', { name: '2 guest errors' });
    expect(badge.className).toContain('has-errors');
    fireEvent.click(badge);
    expect(screen.getByRole('tab', { name: 'Console' }).getAttribute('aria-selected')).toBe('true');
    const log = screen.getByRole('grid', { name: 'Console' });
    const rows = within(log).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.textContent).toContain('x is not defined');
    expect(rows[1]?.textContent).toContain('pages/index/index.js:12');
    expect(rows[1]?.className).toContain('level-error');
    fireEvent.change(screen.getByRole('combobox', { name: 'Level' }), { target: { value: 'all' } });
    expect(within(log).getAllByRole('row')).toHaveLength(3);
    fireEvent.click(within(log).getAllByRole('row')[2]!);
    expect(within(screen.getByRole('region', { name: 'Console entry' })).getByText(/at onLoad/)).toBeTruthy();
  });

  it('has tabs and a separator to resize the panels', async () => {
    const { store } = setup();
    await screen.findByText('compress-demo');
    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['API', 'Network', 'Storage', 'AppData', 'Files', 'Matrix', 'Console']);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-api');
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(store.getState().ui.tab).toBe('network');
    const separator = screen.getByRole('separator', { name: 'Resize panels' });
    expect(separator.getAttribute('aria-orientation')).toBe('vertical');
    const width = store.getState().ui.panelWidth;
    fireEvent.keyDown(separator, { key: 'ArrowLeft' });
    expect(store.getState().ui.panelWidth).toBeGreaterThan(width);
  });

  it('shows the image picker when tt.chooseImage waits, and answers it with the chosen samples in order', async () => {
    const { client } = setup();
    await screen.findByText('compress-demo');
    act(() => client.askPicker({ id: 'p1', count: 2, sourceType: ['album', 'camera'] }));
    const dialog = await screen.findByRole('dialog', { name: /choose up to 2 images/ });
    fireEvent.click(await within(dialog).findByRole('checkbox', { name: /translucent\.png/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /photo\.jpg/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose (2)' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.requests.find((r) => r.op === 'answerPicker')?.params).toEqual({ id: 'p1', chosen: [{ sample: 'alpha-png' }, { sample: 'photo' }] });
  });

  it('cancels the image picker with an empty answer', async () => {
    const { client } = setup();
    act(() => client.askPicker({ id: 'p2', count: 1, sourceType: ['album'] }));
    const dialog = await screen.findByRole('dialog', { name: /choose up to 1 image/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(client.requests.find((r) => r.op === 'answerPicker')?.params).toEqual({ id: 'p2', chosen: [] });
  });

  it('says where a relaunch is going, and hides the old session closing behind it', async () => {
    const { client, store } = setup();
    await screen.findByText('compress-demo');
    act(() => store.getState().updateUi((ui) => ({ ...ui, relaunching: 'webapp · pc · 3.47.0' })));
    expect(screen.getByText('Switching to webapp · pc · 3.47.0…')).toBeTruthy();
    act(() => client.setState({ status: 'closed', reason: 'the session closed' }));
    expect(screen.queryByText(/Disconnected from the ttsim host/)).toBeNull();
  });

  it("shows the host's refusal", async () => {
    const { client } = setup();
    act(() => client.setState({ status: 'refused', reason: 'ttsim protocol mismatch: reload the page' }));
    expect(screen.getByRole('alert').textContent).toContain('ttsim protocol mismatch: reload the page');
  });
});

describe('geometry', () => {
  it('frames a phone with a status bar and a PC with a title bar', () => {
    const phone = deviceFrame(session.profile.device);
    // The screen: status bar, window, and the system area below it (852 − 54 − 759 = 39).
    expect(phone).toMatchObject({ pc: false, topBar: 54, bottomBar: 39, width: 393 + 24, height: 852 + 24 });
    const pc = deviceFrame({ ...session.profile.device, deviceType: 'pc', statusBarHeight: 0, windowWidth: 400, windowHeight: 700 });
    expect(pc).toMatchObject({ pc: true, topBar: 30, bottomBar: 0, width: 402, height: 700 + 30 + 2 });
  });

  it('zooms a device to fit its pane, within 50–200 %', () => {
    const frame = deviceFrame(session.profile.device);
    expect(fitZoom(frame, 2000, frame.height / 2 + 48 + SIM_TEXT_PX)).toBe(50);
    expect(fitZoom(frame, 2000, frame.height * 0.9 + 48 + SIM_TEXT_PX)).toBe(90);
    expect(fitZoom(frame, frame.width * 0.75 + 48, 4000)).toBe(75);
    expect(fitZoom(frame, 4000, 4000)).toBe(200);
  });

  it('draws the rows in view of a scrolled list, with overscan', () => {
    expect(visibleRange(0, 600, 26, 10_000, 8)).toEqual([0, 32]);
    expect(visibleRange(26 * 5000, 600, 26, 10_000, 8)).toEqual([4992, 5032]);
    expect(visibleRange(26 * 20_000, 600, 26, 10_000, 8)).toEqual([19992, 19992]);
  });
});
