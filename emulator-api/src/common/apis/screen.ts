/**
 * Screen APIs beyond toasts and navigation: action sheet, image viewer, scrolling, pull-down refresh, the
 * navigation bar and the tab bar. They run in the guest runtime (side: 'guest'), like showToast.
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred } from '../types.js';
import { ANY_VERSION, docs, GADGET_ONLY } from './sources.js';

const screenSupport = { matrix: GADGET_ONLY, provenance: assumed(`${docs.overview}: ttsim has not read these pages; gadget rows follow the overview's pattern, web apps have their own page UI`) };
const family = (what: string) => inferred(`WeChat-compatible family (${what}); Feishu's gadget framework follows it`);
const noResult = z.strictObject({});

export const showActionSheet = defineApi({
  name: 'showActionSheet',
  style: 'async',
  side: 'guest',
  summary: 'Shows a menu of up to 6 items from the bottom; success gives the tapped index.',
  doc: docs.interaction,
  params: z.strictObject({ itemList: z.array(z.string()).min(1).max(6), itemColor: z.string().optional() }),
  result: z.strictObject({ tapIndex: z.int() }),
  support: {
    matrix: { gadget: GADGET_ONLY.gadget, webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' } },
    provenance: assumed(`${docs.overview}: ttsim has not read the page; rows follow the interaction APIs`),
  },
  behaviours: [
    { id: 'sheet-tap', platforms: 'all', text: 'success gives tapIndex (0-based, top to bottom); the cancel button or the mask fails with "showActionSheet:fail cancel".', provenance: family('showActionSheet') },
  ],
  failures: [
    { errno: Errno.userCanceled, when: 'the user pressed cancel or tapped the mask', provenance: assumed(docs.errno) },
    { errno: Errno.invalidParameter, when: 'itemList is empty or has more than 6 items', provenance: family('itemList length at most 6') },
  ],
});

export const previewImage = defineApi({
  name: 'previewImage',
  style: 'async',
  side: 'guest',
  summary: 'Opens a full-screen viewer over the page for urls, starting at current.',
  doc: docs.previewImage,
  params: z.strictObject({
    urls: z.array(z.string().min(1)).min(1),
    current: z.string().optional(),
    header: z.record(z.string(), z.string()).optional(),
    shouldShowSaveOption: z.boolean().optional(),
  }),
  result: noResult,
  support: {
    matrix: { gadget: GADGET_ONLY.gadget, webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' } },
    provenance: documented(docs.previewImage),
  },
  behaviours: [
    { id: 'viewer-open', platforms: 'all', text: 'success comes once the viewer is open; current defaults to urls[0]; a tap closes the viewer.', provenance: family('previewImage') },
    { id: 'viewer-sources', platforms: 'all', text: 'urls may be package paths, ttfile:// paths or http(s) URLs.', provenance: documented(docs.previewImage) },
  ],
  failures: [{ errno: Errno.invalidParameter, when: 'urls is empty, or current is not one of urls', provenance: assumed(docs.errno) }],
});

export const pageScrollTo = defineApi({
  name: 'pageScrollTo',
  style: 'async',
  side: 'guest',
  summary: 'Scrolls the current page to scrollTop (px) or to the element matching selector.',
  doc: docs.interaction,
  params: z.strictObject({ scrollTop: z.number().min(0).optional(), selector: z.string().optional(), duration: z.number().min(0).default(300) }),
  result: noResult,
  support: screenSupport,
  behaviours: [{ id: 'scroll-target', platforms: 'all', text: 'scrollTop wins over selector; success comes when the scroll has finished.', provenance: family('pageScrollTo') }],
  failures: [{ errno: Errno.invalidParameter, when: 'neither scrollTop nor selector, or the selector matches nothing', provenance: assumed(docs.errno) }],
});

/** Pull-down refresh: Feishu's page lifecycle documents onPullDownRefresh as not on PC. */
const pullDownSupport = {
  matrix: { gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: null, harmony: '7.35.0' }, webapp: GADGET_ONLY.webapp },
  provenance: documented(`${docs.gadgetFramework}: Page onPullDownRefresh "not on PC"; the other rows follow the overview's pattern (assumed)`),
};
const pullDownRules = [
  { id: 'pull-triggers-handler', platforms: 'all' as const, text: 'startPullDownRefresh shows the refresh indicator on the current page and calls its onPullDownRefresh; it stays until stopPullDownRefresh.', provenance: family('startPullDownRefresh') },
];

export const startPullDownRefresh = defineApi({
  name: 'startPullDownRefresh', style: 'async', side: 'guest', summary: 'Starts the pull-down refresh of the current page (calls onPullDownRefresh).',
  doc: docs.interaction, params: noResult, result: noResult, support: pullDownSupport, behaviours: pullDownRules, failures: [],
});
export const stopPullDownRefresh = defineApi({
  name: 'stopPullDownRefresh', style: 'async', side: 'guest', summary: 'Stops the pull-down refresh of the current page.',
  doc: docs.interaction, params: noResult, result: noResult, support: pullDownSupport, behaviours: pullDownRules, failures: [],
});

export const setNavigationBarTitle = defineApi({
  name: 'setNavigationBarTitle', style: 'async', side: 'guest', summary: 'Sets the title of the current page\'s navigation bar.',
  doc: docs.navigation, params: z.strictObject({ title: z.string() }), result: noResult, support: screenSupport,
  behaviours: [{ id: 'title-per-page', platforms: 'all', text: 'The title belongs to the current page: it stays when the page is shown again.', provenance: family('setNavigationBarTitle') }],
  failures: [],
});
export const setNavigationBarColor = defineApi({
  name: 'setNavigationBarColor', style: 'async', side: 'guest', summary: 'Sets the text and background colours of the current page\'s navigation bar.',
  doc: docs.navigation,
  params: z.strictObject({
    frontColor: z.enum(['#ffffff', '#000000']),
    backgroundColor: z.string(),
    animation: z.strictObject({ duration: z.number().optional(), timingFunc: z.string().optional() }).optional(),
  }),
  result: noResult, support: screenSupport,
  behaviours: [{ id: 'front-colors', platforms: 'all', text: 'frontColor takes only #ffffff or #000000.', provenance: family('setNavigationBarColor') }],
  failures: [{ errno: Errno.invalidParameter, when: 'frontColor is not #ffffff or #000000', provenance: family('setNavigationBarColor') }],
});

const tabBarParams = z.strictObject({ animation: z.boolean().optional() });
const tabBarRules = [{ id: 'tab-bar-exists', platforms: 'all' as const, text: 'Fails when app.json has no tabBar.', provenance: assumed('WeChat-compatible family') }];
export const showTabBar = defineApi({
  name: 'showTabBar', style: 'async', side: 'guest', summary: 'Shows the tab bar.', doc: docs.navigation,
  params: tabBarParams, result: noResult, support: screenSupport, behaviours: tabBarRules,
  failures: [{ errno: Errno.invalidParameter, when: 'the app has no tabBar', provenance: assumed(docs.errno) }],
});
export const hideTabBar = defineApi({
  name: 'hideTabBar', style: 'async', side: 'guest', summary: 'Hides the tab bar.', doc: docs.navigation,
  params: tabBarParams, result: noResult, support: screenSupport, behaviours: tabBarRules,
  failures: [{ errno: Errno.invalidParameter, when: 'the app has no tabBar', provenance: assumed(docs.errno) }],
});
