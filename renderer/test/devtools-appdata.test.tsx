// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DevtoolsProvider } from '../src/devtools/App.js';
import { AppDataPanel, APPDATA_REFRESH_MS } from '../src/devtools/appdata/AppDataPanel.js';
import { patchOf } from '../src/devtools/appdata/model.js';
import type { CurrentPage, DevtoolsEvent } from '../src/devtools/protocol.js';
import { createDevtoolsStore } from '../src/devtools/store.js';
import { batch, call, FakeClient, session } from './fixtures.js';

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
  const store = createDevtoolsStore();
  store.getState().session(session);
  render(
    <DevtoolsProvider store={store} client={client}>
      <AppDataPanel />
    </DevtoolsProvider>,
  );
  return { client, store, setData: (next: Record<string, unknown>) => (data = next) };
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

describe('AppData panel', () => {
  it('shows the page stack and the top page\'s data', async () => {
    setupGadget();
    const stack = await screen.findByRole('list', { name: 'Page stack' });
    await waitFor(() => expect(within(stack).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['pages/home/home', 'pages/index/indextop']));
    expect(within(stack).getAllByRole('listitem')[1]!.getAttribute('aria-current')).toBe('page');
    const editor = screen.getByRole('textbox', { name: /Page data \(JSON\)/ }) as HTMLTextAreaElement;
    expect(JSON.parse(editor.value)).toEqual({ title: 'Photos', count: 2, items: [{ id: 1 }, { id: 2 }], quality: 80 });
    expect(screen.getByText('?from=test')).toBeTruthy();
  });

  it('applies an edit as one setPageData of the changed top-level keys', async () => {
    const { client } = setupGadget();
    const editor = (await screen.findByRole('textbox', { name: /Page data \(JSON\)/ })) as HTMLTextAreaElement;
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
    const editor = (await screen.findByRole('textbox', { name: /Page data \(JSON\)/ })) as HTMLTextAreaElement;
    await waitFor(() => expect(editor.value).toContain('Photos'));
    fireEvent.change(editor, { target: { value: '{"title": "Photos", "count": 2, "items": []}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('cannot remove a key (quality)'));
    expect(client.ops()).not.toContain('setPageData');
    expect(editor.value).toBe('{"title": "Photos", "count": 2, "items": []}');
  });

  it('reads the data again shortly after a call or a render, and does not overwrite an edit in progress', async () => {
    const { client, store, setData } = setupGadget();
    const editor = (await screen.findByRole('textbox', { name: /Page data \(JSON\)/ })) as HTMLTextAreaElement;
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
    const store = createDevtoolsStore();
    store.getState().session(session);
    render(
      <DevtoolsProvider store={store} client={client}>
        <AppDataPanel />
      </DevtoolsProvider>,
    );
    await waitFor(() => expect(screen.getByRole('note').textContent).toBe(`Read-only: ${message}`));
    expect(screen.getByLabelText('Document data').textContent).toContain('Web demo');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });
});
