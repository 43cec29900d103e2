// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { parseValue } from '../src/devtools/storage/model.js';
import { StoragePanel, STORAGE_REFRESH_MS } from '../src/devtools/storage/StoragePanel.js';
import { batch, call, FakeClient } from './fixtures.js';
import { renderPanel } from './render-panel.js';

afterEach(cleanup);

const typeOf = (value: unknown) => (Array.isArray(value) ? 'Array' : value === null ? 'Null' : (typeof value).replace(/^./, (c) => c.toUpperCase()));

function setup() {
  const items = new Map<string, unknown>([
    ['token', 'abc'],
    ['settings', { theme: 'dark', size: 2 }],
  ]);
  const limitKb = 10 * 1024;
  const client = new FakeClient({
    storage: () => {
      const list = [...items].map(([key, value]) => ({ key, type: typeOf(value), value, bytes: key.length + JSON.stringify(value).length }));
      return { items: list, currentSize: list.reduce((n, i) => n + i.bytes, 0) / 1024, limitSize: limitKb };
    },
    setStorageItem: ({ key, value }) => {
      if (JSON.stringify(value).length > 1000) throw new Error('setStorageItem: the value is 1.2 MB: a key holds at most 1 MB (setStorage fails with errno 1404)');
      items.set(key, value);
      return null;
    },
    removeStorageItem: ({ key }) => items.delete(key),
  });
  const store = renderPanel(<StoragePanel />, client);
  return { client, store, items };
}

const table = () => screen.getByRole('table', { name: 'Storage' });
const rowOf = (key: string) => within(table()).getByRole('rowheader', { name: key }).closest('tr')!;

describe('parseValue', () => {
  it('reads JSON and says how to write a string', () => {
    expect(parseValue('{"a": 1}')).toEqual({ value: { a: 1 } });
    expect(parseValue('"x"')).toEqual({ value: 'x' });
    expect(parseValue('x')).toMatchObject({ error: expect.stringContaining('a string needs its quotes') });
  });
});

describe('Storage panel', () => {
  it('lists key, type, value and size, and the usage against the limit', async () => {
    setup();
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(3));
    const settings = rowOf('settings');
    expect(settings.textContent).toContain('Object');
    expect(settings.textContent).toContain('{"theme":"dark","size":2}');
    expect(settings.textContent).toContain('33 B');
    expect(screen.getByText('0.04 KB of 10240 KB')).toBeTruthy();
  });

  it('edits a value in place', async () => {
    const { client, items } = setup();
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(3));
    fireEvent.click(within(rowOf('token')).getByRole('button', { name: 'Edit token' }));
    const editor = within(rowOf('token')).getByRole('textbox', { name: 'Value of token (JSON)' }) as HTMLTextAreaElement;
    expect(editor.value).toBe('"abc"');
    fireEvent.change(editor, { target: { value: 'not json' } });
    fireEvent.click(within(rowOf('token')).getByRole('button', { name: 'Save' }));
    expect(within(rowOf('token')).getByRole('alert').textContent).toContain('a string needs its quotes');
    fireEvent.change(editor, { target: { value: '{"v": 2}' } });
    fireEvent.click(within(rowOf('token')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(rowOf('token')).queryByRole('textbox')).toBeNull());
    expect(client.requests.find((r) => r.op === 'setStorageItem')?.params).toEqual({ key: 'token', value: { v: 2 } });
    expect(items.get('token')).toEqual({ v: 2 });
    await waitFor(() => expect(rowOf('token').textContent).toContain('{"v":2}'));
  });

  it("shows the host's message when a value is over the limits", async () => {
    setup();
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(3));
    fireEvent.click(within(rowOf('token')).getByRole('button', { name: 'Edit token' }));
    fireEvent.change(within(rowOf('token')).getByRole('textbox'), { target: { value: JSON.stringify('x'.repeat(2000)) } });
    fireEvent.click(within(rowOf('token')).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(rowOf('token')).getByRole('alert').textContent).toContain('a key holds at most 1 MB'));
  });

  it('adds a key and removes one', async () => {
    const { client, items } = setup();
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Add key' }));
    const form = screen.getByRole('form', { name: 'Add a storage key' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Key' }), { target: { value: 'count' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Value (JSON)' }), { target: { value: '42' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(4));
    expect(items.get('count')).toBe(42);
    expect(rowOf('count').textContent).toContain('Number');
    // The form closes once the host has answered (the table can show the new row a moment earlier).
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add a storage key' })).toBeNull());

    fireEvent.click(within(rowOf('settings')).getByRole('button', { name: 'Remove settings' }));
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(3));
    expect(client.requests.find((r) => r.op === 'removeStorageItem')?.params).toEqual({ key: 'settings' });
    expect(items.has('settings')).toBe(false);
  });

  it("lists the storage again after the gadget's storage writes (not after other calls)", async () => {
    const { client, store, items } = setup();
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(3));
    const listings = () => client.ops().filter((op) => op === 'storage').length;
    act(() => store.getState().events(batch([call(1, 'getStorageSync'), call(2, 'getSystemInfo')])));
    await new Promise((r) => setTimeout(r, STORAGE_REFRESH_MS + 50));
    expect(listings()).toBe(1);
    items.set('fromGadget', true);
    act(() => store.getState().events(batch([call(3, 'setStorageSync'), call(4, 'setStorage')])));
    await waitFor(() => expect(within(table()).getAllByRole('row')).toHaveLength(4), { timeout: STORAGE_REFRESH_MS + 1000 });
    expect(listings()).toBe(2);
    items.clear();
    act(() => store.getState().events(batch([call(5, 'clearStorageSync')])));
    await waitFor(() => expect(screen.getByText(/The storage is empty/)).toBeTruthy(), { timeout: STORAGE_REFRESH_MS + 1000 });
  });
});
