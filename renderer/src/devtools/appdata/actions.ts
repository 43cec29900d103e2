/** Reads the page stack and the top page's data from the guest, and sets it with setPageData. */
import type { Devtools } from '../actions.js';
import { patchAt, patchOf, pathName, reduceAppData, reduceAppDataLoading, reduceAppDataMessage, reduceDraft, type DataPath } from './model.js';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
/** Guest requests answer quickly or the guest is busy: do not let a refresh hang for 15 s. */
const GUEST_TIMEOUT_MS = 5_000;

export async function loadAppData({ store, client }: Devtools): Promise<void> {
  const { updateSlice } = store.getState();
  updateSlice('appData', reduceAppDataLoading);
  const options = { timeoutMs: GUEST_TIMEOUT_MS, waitingFor: 'the guest to answer the devtools' };
  try {
    const [stack, page, data] = await Promise.all([client.request('pageStack', {}, options), client.request('currentPage', {}, options), client.request('pageData', {}, options)]);
    let readOnly: string | undefined;
    if (page?.kind === 'webapp') {
      // A web app refuses setData with a message that names what to use instead: ask once, show it.
      readOnly = store.getState().appData.readOnly;
      if (!readOnly) {
        try {
          await client.request('setPageData', { patch: {} }, options);
        } catch (error) {
          readOnly = message(error);
        }
      }
    }
    updateSlice('appData', (a) => reduceAppData(a, { stack, page, data, ...(readOnly ? { readOnly } : {}) }));
  } catch (error) {
    updateSlice('appData', (a) => reduceAppData(a, { error: message(error) }));
  }
}

/** Sends the top-level keys the edited text changed as one setPageData; ends the edit when it worked. */
export async function applyPageData(devtools: Devtools, text: string): Promise<boolean> {
  const { store, client } = devtools;
  const { updateSlice } = store.getState();
  const { data, draft, draftBase } = store.getState().appData;
  const result = patchOf(draft === undefined ? data : draftBase, text);
  if ('error' in result) {
    updateSlice('appData', (a) => reduceAppDataMessage(a, { text: result.error, failed: true }));
    return false;
  }
  const keys = Object.keys(result.patch);
  if (keys.length === 0) {
    updateSlice('appData', (a) => reduceAppDataMessage(reduceDraft(a, undefined), { text: 'Nothing changed.', failed: false }));
    return true;
  }
  try {
    await client.request('setPageData', { patch: result.patch });
    updateSlice('appData', (a) => reduceAppDataMessage(reduceDraft(a, undefined), { text: `setData ${keys.join(', ')}`, failed: false }));
    await loadAppData(devtools);
    return true;
  } catch (error) {
    updateSlice('appData', (a) => reduceAppDataMessage(a, { text: message(error), failed: true }));
    return false;
  }
}

/** Sets one value of the page data in place (the tree's edit): one setPageData with that place's path key. */
export async function setPageValue(devtools: Devtools, path: DataPath, value: unknown): Promise<boolean> {
  const { store, client } = devtools;
  const { updateSlice } = store.getState();
  const patch = patchAt(store.getState().appData.data, path, value);
  try {
    await client.request('setPageData', { patch });
    updateSlice('appData', (a) => reduceAppDataMessage(a, { text: `setData ${Object.keys(patch).join(', ')}${Object.keys(patch)[0] === pathName(path) ? '' : ` (for ${pathName(path)})`}`, failed: false }));
    await loadAppData(devtools);
    return true;
  } catch (error) {
    updateSlice('appData', (a) => reduceAppDataMessage(a, { text: message(error), failed: true }));
    return false;
  }
}
