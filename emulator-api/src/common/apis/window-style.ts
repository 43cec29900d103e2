/**
 * The page window around the content: the navigation bar's loading spinner and the window background (the
 * area a page uncovers when it is pulled down). They run in the guest runtime (side: 'guest'), which draws
 * both (app/src/runtime/gadget/router.ts).
 *
 * Feishu: no page for these four was found, and the 2025-08-01 API overview does not list them (its
 * navigation bar section has setNavigationBarTitle and setNavigationBarColor only). Gadgets call them all the
 * time, since the family has them, so ttsim emulates them as the family defines them and says so.
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, inferred } from '../types.js';
import { docs, GADGET_ONLY } from './sources.js';

const windowDocs = {
  navigationBarLoading: 'WeChat-compatible family: wx.showNavigationBarLoading / wx.hideNavigationBarLoading ("在当前页面显示导航条加载动画"), Douyin tt.showNavigationBarLoading (base library 1.48.0)',
  background: 'WeChat-compatible family: wx.setBackgroundColor (backgroundColor, backgroundColorTop, backgroundColorBottom) and wx.setBackgroundTextStyle (textStyle dark / light)',
} as const;

const support = {
  matrix: GADGET_ONLY,
  provenance: assumed(`no Feishu page found and not in ${docs.overview}; rows follow the other navigation bar APIs (a real client may lack the API)`),
};
const noResult = z.strictObject({});

const loadingRules = [
  { id: 'loading-per-page', platforms: 'all' as const, text: 'The spinner shows before the title in the current page\'s navigation bar and belongs to that page: it hides while another page is shown and is back when the page returns, until hideNavigationBarLoading is called on it.', provenance: inferred(windowDocs.navigationBarLoading) },
  { id: 'custom-navigation', platforms: 'all' as const, text: 'A page with navigationStyle "custom" has no navigation bar: the call succeeds and nothing is drawn.', provenance: assumed('WeChat-compatible family: a custom navigation style hides the bar') },
];

export const showNavigationBarLoading = defineApi({
  name: 'showNavigationBarLoading', style: 'async', side: 'guest', summary: 'Shows a loading spinner in the current page\'s navigation bar.',
  doc: windowDocs.navigationBarLoading, params: noResult, result: noResult, support, behaviours: loadingRules, failures: [],
});

export const hideNavigationBarLoading = defineApi({
  name: 'hideNavigationBarLoading', style: 'async', side: 'guest', summary: 'Hides the loading spinner of the current page\'s navigation bar.',
  doc: windowDocs.navigationBarLoading, params: noResult, result: noResult, support, behaviours: loadingRules, failures: [],
});

const backgroundRule = {
  id: 'window-background',
  platforms: 'all' as const,
  text: 'Recorded for the current page and drawn where ttsim shows the window background: the pull-down refresh area at the top of the page. There backgroundColorTop wins over backgroundColor; backgroundColorBottom is recorded only (ttsim has no bounce at the bottom).',
  provenance: assumed(`${windowDocs.background}: the window background shows when a page is pulled past its edge; where ttsim draws it is its choice`),
};

export const setBackgroundColor = defineApi({
  name: 'setBackgroundColor', style: 'async', side: 'guest', summary: 'Sets the window background of the current page (seen when it is pulled down).', doc: windowDocs.background,
  params: z.strictObject({ backgroundColor: z.string().optional(), backgroundColorTop: z.string().optional(), backgroundColorBottom: z.string().optional() }),
  result: noResult, support,
  behaviours: [backgroundRule, { id: 'window-config', platforms: 'all', text: 'Before any call, the page\'s JSON or app.json window.backgroundColor is used.', provenance: inferred(windowDocs.background) }],
  failures: [],
});

export const setBackgroundTextStyle = defineApi({
  name: 'setBackgroundTextStyle', style: 'async', side: 'guest', summary: 'Sets the style of the pull-down loading dots of the current page: dark or light.', doc: windowDocs.background,
  params: z.strictObject({ textStyle: z.enum(['dark', 'light']) }),
  result: noResult, support,
  behaviours: [
    { id: 'dots-style', platforms: 'all', text: 'dark draws the pull-down refresh dots grey (#8f959e), light draws them white; recorded for the current page, else window.backgroundTextStyle, else dark.', provenance: inferred(`${windowDocs.background}; the colours are ttsim's (assumed)`) },
  ],
  failures: [{ errno: Errno.invalidParameter, when: 'textStyle is not dark or light', provenance: inferred(windowDocs.background) }],
});
