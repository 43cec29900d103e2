// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { AppDataPanel, APPDATA_REFRESH_MS } from '../src/devtools/appdata/AppDataPanel.js';
import { parseEdit, patchAt, patchOf, pathKey, setAt } from '../src/devtools/appdata/model.js';
import type { CurrentPage, DevtoolsEvent } from '../src/devtools/protocol.js';

import { batch, call, FakeClient } from './fixtures.js';
import { renderPanel } from './render-panel.js';

afterEach(cleanup);

const render_ = (seq: number): DevtoolsEvent => ({ seq, time: 1, type: 'guest', event: { kind: 'render', page: 'pages/index/index', seq, ms: 2 } });

function setupGadget() {
  let data: Record<string, unknown> = { title: 'Photos', count: 2, items: [{ id: 1 }, { id: 2 }], quality: 80 };
  const page: CurrentPage = { kind: 'gadget', path: 'pages/index/index', query: { from: 'test' }, root: '[data-ttsim-page="pages/index/index"]' };
  const client = new FakeClient({
    pageStack: () => ['pages/home/home', 'pages/index/index'],
    currentPage: () => page,
    pageData: () => data,
    setPageData: ({ patch }) => {
      data = { ...data, ...patch };
      return null;
    },
  });
  const store = renderPanel(<AppDataPanel />, client);
  return { client, store, setData: (next: Record<string, unknown>) => (data = next) };
}

/** Switches the data view to the raw JSON text and answers its editor. */
async function rawEditor(): Promise<HTMLTextAreaElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Raw JSON' }));
  expect(screen.getByRole('button', { name: 'Raw JSON' }).getAttribute('aria-pressed')).toBe('true');
  return (await screen.findByRole('textbox', { name: /Page data \(JSON\)/ })) as HTMLTextAreaElement;
}

describe('patchOf', () => {
  it('patches the top-level keys that changed or are new', () => {
    expect(patchOf({ a: 1, b: { c: 2 }, d: 'x' }, '{"a": 1, "b": {"c": 3}, "d": "x", "e": null}')).toEqual({ patch: { b: { c: 3 }, e: null } });
  });
  it('says why it cannot: not JSON, not an object, a key removed', () => {
    expect(patchOf({}, '{')).toMatchObject({ error: expect.stringContaining('not JSON') });
    expect(patchOf({}, '[1]')).toMatchObject({ error: expect.stringContaining('JSON object') });
    expect(patchOf({ a: 1, b: 2 }, '{"a": 1}')).toEqual({ error: 'setData cannot remove a key (b): set it to null instead.' });
  });
});

describe('the data tree model', () => {
  it('names a place as a setData path key, or not at all when a key cannot be one', () => {
    expect(pathKey(['items', 0, 'name'])).toBe('items[0].name');
    expect(pathKey(['count'])).toBe('count');
    expect(pathKey(['grid', 1, 2])).toBe('grid[1][2]');
    expect(pathKey(['a.b'])).toBeUndefined();
    expect(pathKey(['user', 'first name'])).toBeUndefined();
  });
  it('patches with the path key, else with the whole top-level value', () => {
    const data = { items: [{ name: 'a' }, { name: 'b' }], odd: { 'x.y': 1, z: 2 } };
    expect(patchAt(data, ['items', 1, 'name'], 'B')).toEqual({ 'items[1].name': 'B' });
    expect(patchAt(data, ['odd', 'x.y'], 5)).toEqual({ odd: { 'x.y': 5, z: 2 } });
    expect(data.odd['x.y']).toBe(1);
    expect(setAt([1, [2, 3]], [1, 0], 9)).toEqual([1, [9, 3]]);
  });
  it('reads an edit as JSON, or as text when it is not JSON', () => {
    expect(parseEdit('42')).toBe(42);
    expect(parseEdit('true')).toBe(true);
    expect(parseEdit('null')).toBeNull();
    expect(parseEdit('"quoted"')).toBe('quoted');
    expect(parseEdit('[1,2]')).toEqual([1, 2]);
    expect(parseEdit('plain words')).toBe('plain words');
  });
});

describe('AppData panel', () => {
  it('shows the data as a tree whose objects and arrays open and close', async () => {
    setupGadget();
    const tree = await screen.findByRole('list', { name: 'Page data' });
    await waitFor(() => expect(within(tree).getByRole('button', { name: 'Edit title: "Photos"' })).toBeTruthy());
    const items = within(tree).getByRole('button', { name: 'items: Array(2)' });
    expect(items.getAttribute('aria-expanded')).toBe('true');
    expect(within(tree).getByRole('button', { name: 'Edit items[1].id: 2' })).toBeTruthy();
    fireEvent.click(items);
    expect(items.getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByRole('button', { name: 'Edit items[1].id: 2' })).toBeNull();
    fireEvent.click(items);
    expect(within(tree).getByRole('button', { name: 'items[0]: {1 key}' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('edits one value in place and sends it as one setData of its path', async () => {
    const { client } = setupGadget();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit items[1].id: 2' }));
    const field = screen.getByRole('textbox', { name: 'New value of items[1].id' }) as HTMLInputElement;
    expect(field.value).toBe('2');
    fireEvent.change(field, { target: { value: '7' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(client.requests.find((r) => r.op === 'setPageData')?.params).toEqual({ patch: { 'items[1].id': 7 } }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('setData items[1].id'));
    // A string is edited without its quotes, and plain text stays a string.
    fireEvent.click(screen.getByRole('button', { name: 'Edit title: "Photos"' }));
    const title = screen.getByRole('textbox', { name: 'New value of title' }) as HTMLInputElement;
    expect(title.value).toBe('Photos');
    fireEvent.change(title, { target: { value: 'My photos' } });
    fireEvent.keyDown(title, { key: 'Enter' });
    await waitFor(() => expect(client.requests.filter((r) => r.op === 'setPageData').at(-1)?.params).toEqual({ patch: { title: 'My photos' } }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit title: "My photos"' })).toBeTruthy());
  });

  it('keeps the old value on Escape', async () => {
    const { client } = setupGadget();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit quality: 80' }));
    const field = screen.getByRole('textbox', { name: 'New value of quality' });
    fireEvent.change(field, { target: { value: '10' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'New value of quality' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit quality: 80' })).toBeTruthy();
    expect(client.ops()).not.toContain('setPageData');
  });

  it('shows the page stack and the top page\'s data (raw JSON)', async () => {
    setupGadget();
    const stack = await screen.findByRole('list', { name: 'Page stack' });
    await waitFor(() => expect(within(stack).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['pages/home/home', 'pages/index/indextop']));
    expect(within(stack).getAllByRole('listitem')[1]!.getAttribute('aria-current')).toBe('page');
    const editor = await rawEditor();
    expect(JSON.parse(editor.value)).toEqual({ title: 'Photos', count: 2, items: [{ id: 1 }, { id: 2 }], quality: 80 });
    expect(screen.getByText('?from=test')).toBeTruthy();
  });

  it('applies an edit as one setPageData of the changed top-level keys', async () => {
    const { client } = setupGadget();
    const editor = await rawEditor();
    await waitFor(() => expect(editor.value).toContain('Photos'));
    const apply = screen.getByRole('button', { name: 'Apply' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    const edited = { ...JSON.parse(editor.value), count: 3, title: 'Photos', extra: { on: true } };
    fireEvent.change(editor, { target: { value: JSON.stringify(edited, null, 2) } });
    expect(apply.disabled).toBe(false);
    fireEvent.click(apply);
    await waitFor(() => expect(client.requests.find((r) => r.op === 'setPageData')?.params).toEqual({ patch: { count: 3, extra: { on: true } } }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('setData count, extra'));
    await waitFor(() => expect(JSON.parse((screen.getByRole('textbox', { name: /Page data/ }) as HTMLTextAreaElement).value).count).toBe(3));
  });

  it('refuses to remove a key, and keeps the edit', async () => {
    const { client } = setupGadget();
    const editor = await rawEditor();
    await waitFor(() => expect(editor.value).toContain('Photos'));
    fireEvent.change(editor, { target: { value: '{"title": "Photos", "count": 2, "items": []}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('cannot remove a key (quality)'));
    expect(client.ops()).not.toContain('setPageData');
    expect(editor.value).toBe('{"title": "Photos", "count": 2, "items": []}');
  });

  it('reads the data again shortly after a call or a render, and does not overwrite an edit in progress', async () => {
    const { client, store, setData } = setupGadget();
    const editor = await rawEditor();
    await waitFor(() => expect(editor.value).toContain('Photos'));
    const reads = () => client.ops().filter((op) => op === 'pageData').length;
    expect(reads()).toBe(1);
    setData({ title: 'Changed', count: 9, items: [], quality: 80 });
    act(() => store.getState().events(batch([call(1, 'compressImage'), render_(2)])));
    await waitFor(() => expect(editor.value).toContain('Changed'), { timeout: APPDATA_REFRESH_MS + 1000 });
    expect(reads()).toBe(2);
    // An edit began: the next change of the page does not replace it, and Apply sends only the edited key.
    fireEvent.change(editor, { target: { value: editor.value.replace('"quality": 80', '"quality": 40') } });
    setData({ title: 'Changed again', count: 10, items: [], quality: 80 });
    act(() => store.getState().events(batch([render_(3)])));
    await waitFor(() => expect(reads()).toBe(3), { timeout: APPDATA_REFRESH_MS + 1000 });
    expect(editor.value).toContain('"quality": 40');
    expect(screen.getByText(/changed since you began editing/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(client.requests.find((r) => r.op === 'setPageData')?.params).toEqual({ patch: { quality: 40 } }));
  });

  it("shows a web app's document data read-only with the host's message", async () => {
    const message = "setPageData: setData applies to gadget pages; a web app's page is its document: change it with the page's own code, or through sim.frame()";
    const client = new FakeClient({
      pageStack: () => ['index.html'],
      currentPage: () => ({ kind: 'webapp', path: 'index.html', query: {}, root: 'body' }),
      pageData: () => ({ title: 'Web demo', path: 'index.html', query: {}, hash: '' }),
      setPageData: () => {
        throw new Error(message);
      },
    });
    renderPanel(<AppDataPanel />, client);
    await waitFor(() => expect(screen.getByRole('note').textContent).toBe(`Read-only: ${message}`));
    expect(screen.getByRole('list', { name: 'Document data' }).textContent).toContain('"Web demo"');
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Raw JSON' }));
    expect(screen.getByLabelText('Document data').textContent).toContain('Web demo');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });
});
