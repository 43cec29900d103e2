/** APIs drawn on the simulated screen: they run in the guest runtime (side: 'guest'). */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, inferred, type SupportMatrix } from '../types.js';
import { ANY_VERSION, docs, GADGET_ONLY } from './sources.js';

/** Gadget: "✓" on phones and PC, Harmony from 7.35.0; web app: as the media APIs (assumed). */
const uiMatrix: SupportMatrix = {
  gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' },
  webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
};
const uiSupport = { matrix: uiMatrix, provenance: assumed(`${docs.overview}: ttsim has not read these pages; rows follow the overview's pattern`) };
const family = (what: string) => inferred(`WeChat-compatible family (${what}); Feishu's interaction pages follow it`);

export const showToast = defineApi({
  name: 'showToast',
  style: 'async',
  side: 'guest',
  summary: 'Shows a toast on the simulated screen.',
  doc: docs.interaction,
  params: z.strictObject({
    title: z.string(),
    icon: z.enum(['success', 'error', 'loading', 'none']).optional(),
    image: z.string().optional(),
    duration: z.number().min(0).optional(),
    mask: z.boolean().optional(),
  }),
  result: z.strictObject({}),
  support: uiSupport,
  behaviours: [
    { id: 'toast-defaults', platforms: 'all', text: 'icon defaults to success and duration to 1500 ms; a new toast or loading replaces the one shown.', provenance: family('showToast defaults') },
  ],
  failures: [{ errno: Errno.invalidParameter, when: 'title missing or not a string', provenance: assumed(docs.errno) }],
});

/** hideToast / hideLoading: no parameters, nothing returned. */
function hideApi<const Name extends string>(name: Name, summary: string) {
  return defineApi({ name, style: 'async', side: 'guest', summary, doc: docs.interaction, params: z.strictObject({}), result: z.strictObject({}), support: uiSupport, behaviours: [], failures: [] });
}

export const hideToast = hideApi('hideToast', 'Hides the toast.');

export const showLoading = defineApi({
  name: 'showLoading',
  style: 'async',
  side: 'guest',
  summary: 'Shows a loading indicator until hideLoading.',
  doc: docs.interaction,
  params: z.strictObject({ title: z.string(), mask: z.boolean().optional() }),
  result: z.strictObject({}),
  support: uiSupport,
  behaviours: [{ id: 'loading-until-hidden', platforms: 'all', text: 'Stays until hideLoading (or a toast replaces it).', provenance: family('showLoading') }],
  failures: [{ errno: Errno.invalidParameter, when: 'title missing or not a string', provenance: assumed(docs.errno) }],
});

export const hideLoading = hideApi('hideLoading', 'Hides the loading indicator.');

export const showModal = defineApi({
  name: 'showModal',
  style: 'async',
  side: 'guest',
  summary: 'Shows a modal dialog and reports which button the user pressed.',
  doc: docs.interaction,
  params: z.strictObject({
    title: z.string().optional(),
    content: z.string().optional(),
    showCancel: z.boolean().optional(),
    cancelText: z.string().optional(),
    cancelColor: z.string().optional(),
    confirmText: z.string().optional(),
    confirmColor: z.string().optional(),
  }),
  result: z.strictObject({ confirm: z.boolean(), cancel: z.boolean() }),
  support: uiSupport,
  behaviours: [
    { id: 'modal-buttons', platforms: 'all', text: 'success gives confirm: true or cancel: true after the user presses a button; showCancel defaults to true, texts to 确定 / 取消.', provenance: family('showModal result') },
  ],
  failures: [],
});

const navigationSupport = {
  matrix: GADGET_ONLY,
  provenance: assumed(`${docs.overview}: navigation is on every platform with Harmony 7.35.0+ (shared/reference/feishu-api.md); web apps navigate as web pages`),
};
const stackRules = [
  { id: 'page-stack', platforms: 'all' as const, text: 'Pages live on a stack of at most 10; navigateTo pushes, redirectTo replaces the top, navigateBack pops delta pages, reLaunch empties it, switchTab shows a tab page and closes the non-tab pages.', provenance: family('page stack of 10') },
  { id: 'unknown-page', platforms: 'all' as const, text: 'A url naming no page in app.json fails with errno 104.', provenance: assumed(docs.errno) },
];
const urlParams = z.strictObject({ url: z.string().min(1) });

export const navigateTo = defineApi({
  name: 'navigateTo', style: 'async', side: 'guest', summary: 'Opens a page on top of the current one (not a tab page).',
  doc: docs.navigation, params: urlParams, result: z.strictObject({}), support: navigationSupport,
  behaviours: [...stackRules, { id: 'no-tab-target', platforms: 'all', text: 'navigateTo and redirectTo cannot open a tab page: use switchTab.', provenance: family('navigateTo to a tabBar page fails') }],
  failures: [{ errno: Errno.invalidParameter, when: 'url names no page, a tab page, or the stack is full', provenance: assumed(docs.errno) }],
});
export const redirectTo = defineApi({
  name: 'redirectTo', style: 'async', side: 'guest', summary: 'Replaces the current page.',
  doc: docs.navigation, params: urlParams, result: z.strictObject({}), support: navigationSupport,
  behaviours: [...stackRules, { id: 'no-tab-target', platforms: 'all', text: 'navigateTo and redirectTo cannot open a tab page: use switchTab.', provenance: family('redirectTo to a tabBar page fails') }],
  failures: [{ errno: Errno.invalidParameter, when: 'url names no page or a tab page', provenance: assumed(docs.errno) }],
});
export const navigateBack = defineApi({
  name: 'navigateBack', style: 'async', side: 'guest', summary: 'Closes delta pages (default 1).',
  doc: docs.navigation, params: z.strictObject({ delta: z.int().min(1).optional() }), result: z.strictObject({}), support: navigationSupport,
  behaviours: [...stackRules, { id: 'back-stops-at-first', platforms: 'all', text: 'A delta larger than the stack returns to the first page.', provenance: family('navigateBack delta') }],
  failures: [],
});
export const switchTab = defineApi({
  name: 'switchTab', style: 'async', side: 'guest', summary: 'Shows a tab page and closes all non-tab pages.',
  doc: docs.navigation, params: urlParams, result: z.strictObject({}), support: navigationSupport,
  behaviours: [...stackRules, { id: 'tab-only', platforms: 'all', text: 'switchTab takes only pages of app.json tabBar.list, without a query string.', provenance: family('switchTab') }],
  failures: [{ errno: Errno.invalidParameter, when: 'url is not a tab page', provenance: assumed(docs.errno) }],
});
export const reLaunch = defineApi({
  name: 'reLaunch', style: 'async', side: 'guest', summary: 'Closes every page and opens url.',
  doc: docs.navigation, params: urlParams, result: z.strictObject({}), support: navigationSupport,
  behaviours: [...stackRules],
  failures: [{ errno: Errno.invalidParameter, when: 'url names no page', provenance: assumed(docs.errno) }],
});
