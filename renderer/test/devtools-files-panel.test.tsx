// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { DIMENSIONS_DELAY_MS, siblingPositions } from '../src/devtools/files/AreaTree.js';
import { FilesPanel } from '../src/devtools/files/FilesPanel.js';
import type { FileArea, FileEntry, FileInfo } from '../src/devtools/protocol.js';

import { batch, call, compressEvent, FakeClient } from './fixtures.js';
import { renderPanel } from './render-panel.js';

afterEach(cleanup);

const entry = (path: string, size: number, dir = false): FileEntry => ({ path, size, dir, modifiedMs: 1000 });

function setup() {
  const listings: Record<FileArea, FileEntry[]> = {
    temp: [entry('ttfile://temp/photo.jpg', 40_000), entry('ttfile://temp/photo-small.jpg', 10_000)],
    user: [entry('ttfile://user/notes', 0, true), entry('ttfile://user/notes/a.txt', 1536)],
    package: [entry('app.json', 120), entry('pages', 0, true), entry('pages/index', 0, true), entry('pages/index/index.js', 2048)],
  };
  const infos: Record<string, FileInfo> = {
    'ttfile://temp/photo.jpg': { path: 'ttfile://temp/photo.jpg', size: 40_000, mime: 'image/jpeg', format: 'jpeg', width: 1200, height: 800 },
    'ttfile://temp/photo-small.jpg': { path: 'ttfile://temp/photo-small.jpg', size: 10_000, mime: 'image/jpeg', format: 'jpeg', width: 1200, height: 800 },
  };
  const client = new FakeClient({
    files: ({ area }) => ({ entries: listings[area], truncated: false }),
    fileInfo: ({ path }) => {
      const info = infos[path];
      if (!info) throw new Error(`no such file: ${path}`);
      return info;
    },
    event: ({ seq }) => compressEvent(seq, 'ttfile://temp/photo.jpg', 'ttfile://temp/photo-small.jpg', 40),
    deleteFile: ({ path }) => {
      listings.temp = listings.temp.filter((e) => e.path !== path);
      return null;
    },
    clearArea: ({ area }) => {
      listings[area] = [];
      return null;
    },
  });
  const store = renderPanel(<FilesPanel />, client, { events: batch([call(1, 'chooseImage'), call(2, 'compressImage'), call(3, 'compressImage', { ok: false })]) });
  return { store, client, listings };
}

describe('Files panel', () => {
  it('lists temp, user and the package with sizes, types and lazy thumbnails', async () => {
    setup();
    const temp = await screen.findByRole('tree', { name: 'ttfile://temp' });
    const photo = within(temp).getByRole('treeitem', { name: /photo\.jpg/ });
    expect(photo.textContent).toContain('39.1 KB');
    expect(photo.textContent).toContain('JPG');
    const thumb = photo.querySelector('img')!;
    expect(thumb.getAttribute('loading')).toBe('lazy');
    expect(thumb.getAttribute('src')).toContain(`/s/s1/file?token=T&path=${encodeURIComponent('ttfile://temp/photo.jpg')}`);
    const user = screen.getByRole('tree', { name: 'ttfile://user' });
    expect(within(user).getByRole('treeitem', { name: /notes/ }).getAttribute('aria-expanded')).toBe('true');
    expect(within(user).getByRole('treeitem', { name: /a\.txt/ }).textContent).toContain('1.5 KB');
    const pkg = screen.getByRole('tree', { name: 'package (read-only)' });
    expect(within(pkg).getByRole('treeitem', { name: /index\.js/ }).getAttribute('aria-level')).toBe('3');
    expect(screen.getByRole('button', { name: 'Clear ttfile://temp' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear package (read-only)' })).toBeNull();
    // folders collapse
    fireEvent.click(within(user).getByRole('treeitem', { name: /notes/ }));
    expect(within(user).queryByRole('treeitem', { name: /a\.txt/ })).toBeNull();
  });

  it('previews a selected file with its fileInfo, Download and Delete', async () => {
    const { client } = setup();
    fireEvent.click(await screen.findByRole('treeitem', { name: /photo\.jpg/ }));
    const preview = await screen.findByRole('region', { name: 'File photo.jpg' });
    await waitFor(() => expect(preview.textContent).toContain('1200 × 800 px'));
    expect(preview.textContent).toContain('jpeg');
    expect(within(preview).getByRole('img', { name: 'Preview of photo.jpg' })).toBeTruthy();
    expect(within(preview).getByRole('link', { name: 'Download' }).getAttribute('href')).toBe(`/s/s1/file?token=T&path=${encodeURIComponent('ttfile://temp/photo.jpg')}&download`);
    fireEvent.click(within(preview).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(preview).getByRole('button', { name: 'Confirm delete' }));
    await waitFor(() => expect(screen.queryByRole('treeitem', { name: /^photo\.jpg/ })).toBeNull());
    expect(client.requests.find((r) => r.op === 'deleteFile')?.params).toEqual({ path: 'ttfile://temp/photo.jpg' });
    expect(screen.queryByRole('region', { name: 'File photo.jpg' })).toBeNull();
  });

  it('clears a writable area after a confirmation', async () => {
    const { client } = setup();
    await screen.findByRole('tree', { name: 'ttfile://temp' });
    fireEvent.click(screen.getByRole('button', { name: 'Clear ttfile://temp' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    await waitFor(() => expect(screen.queryByRole('tree', { name: 'ttfile://temp' })).toBeNull());
    expect(client.requests.find((r) => r.op === 'clearArea')?.params).toEqual({ area: 'temp' });
  });

  it("compares a compressImage call's before and after: sizes, ratio, formats, dimensions, quality, slider, toggle, 1:1", async () => {
    const { client } = setup();
    // only the successful call is offered
    const compare = await screen.findByRole('button', { name: /Compare call #2/ });
    expect(screen.queryByRole('button', { name: /Compare call #3/ })).toBeNull();
    fireEvent.click(compare);
    const view = await screen.findByRole('region', { name: 'compressImage before and after' });
    const table = await within(view).findByRole('table', { name: 'Before and after' });
    await waitFor(() => expect(table.textContent).toContain('25.0 %'));
    expect(client.requests.find((r) => r.op === 'event')?.params).toEqual({ seq: 2 });
    const text = table.textContent ?? '';
    expect(text).toContain('39.1 KB');
    expect(text).toContain('9.8 KB');
    expect(text).toContain('1200 × 800');
    expect(text).toContain('jpeg');
    expect(within(table).getByRole('row', { name: /Quality/ }).textContent).toContain('40');
    // side by side
    expect(within(view).getByRole('img', { name: 'Before: photo.jpg' })).toBeTruthy();
    expect(within(view).getByRole('img', { name: 'After: photo-small.jpg' })).toBeTruthy();
    // slider: the after image clipped over the before at the slider's position
    fireEvent.click(within(view).getByRole('button', { name: 'Slider' }));
    const slider = within(view).getByRole('slider', { name: 'Compare position' });
    fireEvent.change(slider, { target: { value: '30' } });
    expect(within(view).getByRole('img', { name: 'After: photo-small.jpg' }).style.clipPath).toBe('inset(0 0 0 30%)');
    // 1:1 pixels: the stage is the image's own size
    fireEvent.click(within(view).getByRole('checkbox', { name: '1:1 pixels' }));
    expect(screen.getByTestId('compare-stage').style.width).toBe('1200px');
    // toggle between before and after
    fireEvent.click(within(view).getByRole('button', { name: 'Toggle' }));
    expect(within(view).getByRole('img', { name: 'After: photo-small.jpg' })).toBeTruthy();
    fireEvent.click(within(view).getByRole('button', { name: /show before/ }));
    expect(within(view).getByRole('img', { name: 'Before: photo.jpg' })).toBeTruthy();
    expect(within(view).queryByRole('img', { name: 'After: photo-small.jpg' })).toBeNull();
  });

  it('lists the writable areas again shortly after a new call', async () => {
    const { store, client, listings } = setup();
    await screen.findByRole('tree', { name: 'ttfile://temp' });
    const before = client.requests.filter((r) => r.op === 'files').length;
    listings.temp = [...listings.temp, entry('ttfile://temp/new.png', 5)];
    act(() => store.getState().events(batch([call(10, 'canvasToTempFilePath')])));
    await waitFor(() => expect(screen.getByRole('treeitem', { name: /new\.png/ })).toBeTruthy(), { timeout: 2000 });
    const areas = client.requests.slice(before).filter((r) => r.op === 'files').map((r) => (r.params as { area: string }).area);
    expect(areas.sort()).toEqual(['temp', 'user']);
  });

  it('shows the dimensions of the images in view, asked once with fileInfo', async () => {
    const { client } = setup();
    const temp = await screen.findByRole('tree', { name: 'ttfile://temp' });
    const photo = within(temp).getByRole('treeitem', { name: /^photo\.jpg/ });
    await waitFor(() => expect(photo.textContent).toContain('1200×800'), { timeout: DIMENSIONS_DELAY_MS + 1000 });
    const asked = client.requests.filter((r) => r.op === 'fileInfo').map((r) => (r.params as { path: string }).path);
    expect(asked.sort()).toEqual(['ttfile://temp/photo-small.jpg', 'ttfile://temp/photo.jpg']);
    // a text file is not asked about
    expect(asked.some((path) => path.endsWith('.txt'))).toBe(false);
  });

  it('draws only the rows in view of 1,000 files, each with its place among them', async () => {
    const { listings, store } = setup();
    listings.user = Array.from({ length: 1000 }, (_, i) => entry(`ttfile://user/file-${String(i).padStart(4, '0')}.txt`, 10));
    await screen.findByRole('tree', { name: 'ttfile://user' });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh ttfile://user' }));
    await waitFor(() => expect(store.getState().files.areas.user.entries.length).toBe(1000));
    const user = screen.getByRole('tree', { name: 'ttfile://user' });
    const rows = within(user).getAllByRole('treeitem');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('1000');
    expect(screen.getByText(/1000 files/)).toBeTruthy();
  });

  it('moves through the tree with the keyboard: arrows, folders open and close, Enter selects', async () => {
    // The preview of the selected text file fetches it: answer here, not over the network.
    const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('notes'));
    const { store } = setup();
    const user = await screen.findByRole('tree', { name: 'ttfile://user' });
    const notes = within(user).getByRole('treeitem', { name: /notes/ });
    expect(notes.tabIndex).toBe(0);
    notes.focus();
    fireEvent.keyDown(notes, { key: 'ArrowLeft' });
    expect(notes.getAttribute('aria-expanded')).toBe('false');
    expect(within(user).queryByRole('treeitem', { name: /a\.txt/ })).toBeNull();
    fireEvent.keyDown(notes, { key: 'ArrowRight' });
    expect(notes.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(notes, { key: 'ArrowDown' });
    const file = within(user).getByRole('treeitem', { name: /a\.txt/ });
    expect(document.activeElement).toBe(file);
    expect(file.tabIndex).toBe(0);
    expect(notes.tabIndex).toBe(-1);
    fireEvent.keyDown(file, { key: 'Enter' });
    expect(store.getState().files.selected).toBe('ttfile://user/notes/a.txt');
    fireEvent.keyDown(file, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(within(user).getByRole('treeitem', { name: /notes/ }));
    await waitFor(() => expect(fetched).toHaveBeenCalled());
    fetched.mockRestore();
  });

  it('counts each entry among its siblings', () => {
    const positions = siblingPositions([entry('a', 0, true), entry('a/x.txt', 1), entry('a/y.txt', 1), entry('b.txt', 1)]);
    expect(positions.get('a')).toEqual({ pos: 1, size: 2 });
    expect(positions.get('a/y.txt')).toEqual({ pos: 2, size: 2 });
    expect(positions.get('b.txt')).toEqual({ pos: 2, size: 2 });
  });
});
