// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiPanel } from '../src/devtools/api/ApiPanel.js';

import { PickerDialog } from '../src/devtools/PickerDialog.js';
import { reducePicker } from '../src/devtools/store.js';
import { FakeClient, session } from './fixtures.js';
import { renderPanel } from './render-panel.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPicker() {
  const client = new FakeClient({
    pickerSamples: () => [
      { id: 'photo', name: 'photo.jpg', description: 'A JPEG photo' },
      { id: 'alpha-png', name: 'translucent.png', description: 'A PNG with alpha' },
    ],
    answerPicker: () => null,
  });
  const store = renderPanel(<PickerDialog />, client);
  // (App's bindClient does this when the host asks.)
  act(() => store.getState().updateUi((ui) => reducePicker(ui, { ask: { id: 'p1', count: 2, sourceType: ['album'] } })));
  return { client, store };
}

describe('image picker', () => {
  it("shows each sample's thumbnail from the session's sampleUrl", async () => {
    renderPicker();
    const dialog = await screen.findByRole('dialog');
    const label = (await within(dialog).findByRole('checkbox', { name: /translucent\.png/ })).closest('label')!;
    expect(label.querySelector('img')?.getAttribute('src')).toBe(`${session.sampleUrl}alpha-png`);
  });

  it("uploads a file from disk to the session's uploadUrl and answers with its upload id", async () => {
    const fetch = vi.fn(async (_url: URL, _init: RequestInit) => new Response(JSON.stringify({ upload: 'u1' }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const { client } = renderPicker();
    const dialog = await screen.findByRole('dialog');
    const file = new File([new Uint8Array([1, 2, 3])], 'my photo.png', { type: 'image/png' });
    fireEvent.change(within(dialog).getByLabelText('From disk'), { target: { files: [file] } });
    await waitFor(() => expect(within(dialog).getByText(/Chosen, in order: my photo\.png/)).toBeTruthy());
    const [url, init] = fetch.mock.calls[0]!;
    expect(url.pathname + url.search).toBe(`${session.uploadUrl}&name=my%20photo.png`);
    expect(init.method).toBe('POST');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose (1)' }));
    await waitFor(() => expect(client.requests.find((r) => r.op === 'answerPicker')?.params).toEqual({ id: 'p1', chosen: [{ upload: 'u1' }] }));
  });
});

describe('mocked APIs', () => {
  it("shows the host's mocked APIs in the API panel, each with Clear", async () => {
    const client = new FakeClient({ restore: () => null });
    const store = renderPanel(<ApiPanel />, client, { session: { ...session, mocked: ['request', 'getLocation'] } });
    const list = screen.getByRole('list', { name: 'Mocked APIs' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Mocked now:', 'getLocationmockedClear', 'requestmockedClear']);
    fireEvent.click(within(list).getByRole('button', { name: 'Clear the mock of request' }));
    await waitFor(() => expect(client.requests.find((r) => r.op === 'restore')?.params).toEqual({ api: 'request' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Mocked APIs' })).getAllByRole('listitem')).toHaveLength(2));
    expect(store.getState().ui.mocked).toEqual(['getLocation']);
  });
});
