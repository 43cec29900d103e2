/**
 * The tab bar's marks and looks: badges, red dots, an item's text and icons, the bar's colours. They run
 * in the guest runtime (side: 'guest'), which draws the tab bar (app/src/runtime/gadget/tab-bar.ts);
 * showTabBar / hideTabBar are in screen.ts.
 */
import { z } from 'zod';
import { defineApi, type BehaviourRule, type FailureRule } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred } from '../types.js';
import { docs, GADGET_ONLY } from './sources.js';

/** The pages these entries are read from (below https://open.feishu.cn/document/client-docs/gadget/-web-app-api/interface/tab-bar/). */
const tabBarDocs = {
  setTabBarBadge: 'Feishu client API "setTabBarBadge" (…/interface/tab-bar/settabbarbadge, updated 2025-01-21)',
  removeTabBarBadge: 'Feishu client API "removeTabBarBadge" (…/interface/tab-bar/removetabbarbadge, updated 2025-01-21)',
  showTabBarRedDot: 'Feishu "小程序 API 总览" (…/client-docs/gadget/gadget-api-list, updated 2025-08-01): showTabBarRedDot row; its own page was not found',
  hideTabBarRedDot: 'Feishu client API "hideTabBarRedDot" (…/interface/tab-bar/hidetabbarreddot, updated 2025-01-21)',
  setTabBarItem: 'Feishu client API "setTabBarItem" (…/interface/tab-bar/settabbaritem, updated 2025-01-21)',
  setTabBarStyle: 'Feishu client API "setTabBarStyle" (…/interface/tab-bar/settabbarstyle, updated 2025-01-21)',
  family: 'the WeChat-compatible family: WeChat\'s tab bar errMsgs as uni-app\'s H5 runtime and Baidu\'s Swan client repeat them ("<api>:fail not TabBar page", "<api>:fail tabbar item not found")',
} as const;

const supportFrom = (page: string) => ({ matrix: GADGET_ONLY, provenance: documented(page) });
const noResult = z.strictObject({});
const index = z.int().min(0);

const tabRules: readonly BehaviourRule[] = [
  { id: 'tab-page-only', platforms: 'all', text: 'Fails with "not TabBar page" unless the current page is one of app.json tabBar.list (an app without a tab bar always fails).', provenance: inferred(tabBarDocs.family) },
  { id: 'tab-index', platforms: 'all', text: 'index counts tabBar.list from the left, from 0; an index past the last item fails with "tabbar item not found".', provenance: inferred(`${tabBarDocs.setTabBarBadge} (index from the left, minimum 0); the failure from ${tabBarDocs.family}`) },
  { id: 'app-level', platforms: 'all', text: 'Marks, items and styles belong to the tab bar, not to a page: they stay when another tab is shown and after showTabBar / hideTabBar.', provenance: inferred('WeChat-compatible family: the tab bar is one per app') },
];
const tabFailures: readonly FailureRule[] = [
  { errno: Errno.invalidParameter, when: 'the current page is not a tab page, or index is past the last item', provenance: assumed(`${docs.errno}; the messages are ${tabBarDocs.family}`) },
];
const markRule: BehaviourRule = {
  id: 'badge-or-dot',
  platforms: 'all',
  text: 'An item shows one mark at its top right: setTabBarBadge replaces a red dot, showTabBarRedDot replaces a badge; removeTabBarBadge and hideTabBarRedDot remove only their own kind.',
  provenance: assumed('WeChat-compatible family draws one mark per item; which replaces which is ttsim\'s choice'),
};

export const setTabBarBadge = defineApi({
  name: 'setTabBarBadge', style: 'async', side: 'guest', summary: 'Adds a text badge at the top right of a tab bar item.', doc: tabBarDocs.setTabBarBadge,
  params: z.strictObject({ index, text: z.string() }), result: noResult, support: supportFrom(tabBarDocs.setTabBarBadge),
  behaviours: [
    ...tabRules,
    markRule,
    { id: 'badge-text', platforms: 'all', text: 'A text longer than 4 characters shows as "...".', provenance: documented(`${tabBarDocs.setTabBarBadge}: "超过 4 个字符则显示成 ..."`) },
  ],
  failures: tabFailures,
});

export const removeTabBarBadge = defineApi({
  name: 'removeTabBarBadge', style: 'async', side: 'guest', summary: 'Removes the text badge of a tab bar item.', doc: tabBarDocs.removeTabBarBadge,
  params: z.strictObject({ index }), result: noResult, support: supportFrom(tabBarDocs.removeTabBarBadge),
  behaviours: [...tabRules, markRule], failures: tabFailures,
});

export const showTabBarRedDot = defineApi({
  name: 'showTabBarRedDot', style: 'async', side: 'guest', summary: 'Shows a red dot at the top right of a tab bar item.', doc: tabBarDocs.showTabBarRedDot,
  params: z.strictObject({ index }), result: noResult,
  support: { matrix: GADGET_ONLY, provenance: documented(`${tabBarDocs.showTabBarRedDot} (gadget row); web apps ✗ as on the hideTabBarRedDot page (inferred)`) },
  behaviours: [...tabRules, markRule], failures: tabFailures,
});

export const hideTabBarRedDot = defineApi({
  name: 'hideTabBarRedDot', style: 'async', side: 'guest', summary: 'Hides the red dot of a tab bar item.', doc: tabBarDocs.hideTabBarRedDot,
  params: z.strictObject({ index }), result: noResult, support: supportFrom(tabBarDocs.hideTabBarRedDot),
  behaviours: [...tabRules, markRule], failures: tabFailures,
});

export const setTabBarItem = defineApi({
  name: 'setTabBarItem', style: 'async', side: 'guest', summary: 'Changes the text and icons of a tab bar item.', doc: tabBarDocs.setTabBarItem,
  params: z.strictObject({ index, text: z.string().optional(), iconPath: z.string().optional(), selectedIconPath: z.string().optional() }),
  result: noResult, support: supportFrom(tabBarDocs.setTabBarItem),
  behaviours: [
    ...tabRules,
    { id: 'item-fields', platforms: 'all', text: 'Only the fields given change; iconPath and selectedIconPath are package paths (relative to the package root).', provenance: documented(tabBarDocs.setTabBarItem) },
    { id: 'no-network-icons', platforms: 'all', text: 'A network image (http:// …) as iconPath or selectedIconPath fails with 104.', provenance: documented(`${tabBarDocs.setTabBarItem}: "不支持网络图片" (the errno is assumed)`) },
  ],
  failures: [...tabFailures, { errno: Errno.invalidParameter, when: 'iconPath or selectedIconPath is a network image', provenance: documented(tabBarDocs.setTabBarItem) }],
});

/** Feishu's page: 6-digit HexColor, e.g. "#ff3377". */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a 6-digit hex colour such as "#ff3377"');

export const setTabBarStyle = defineApi({
  name: 'setTabBarStyle', style: 'async', side: 'guest', summary: 'Changes the tab bar\'s text colours, background and top border.', doc: tabBarDocs.setTabBarStyle,
  params: z.strictObject({
    color: hexColor.optional(),
    selectedColor: hexColor.optional(),
    backgroundColor: hexColor.optional(),
    borderStyle: z.enum(['white', 'black']).optional(),
    borderColor: hexColor.optional(),
  }),
  result: noResult, support: supportFrom(tabBarDocs.setTabBarStyle),
  fieldSupport: {
    'object.borderColor': {
      matrix: { gadget: { android: '4.3.0', ios: '4.3.0', pc: null, harmony: '7.35.0' }, webapp: GADGET_ONLY.webapp },
      provenance: documented(`${tabBarDocs.setTabBarStyle}: borderColor "飞书 V4.3.0 及以上版本支持", "PC 端：暂不支持"; Harmony follows the API (assumed)`),
    },
  },
  behaviours: [
    ...tabRules,
    { id: 'style-fields', platforms: 'all', text: 'Colours are 6-digit hex; borderStyle is white or black; borderColor wins over borderStyle. Only the fields given change.', provenance: documented(tabBarDocs.setTabBarStyle) },
    { id: 'fields-optional', platforms: 'all', text: 'Any subset of the fields may be given. Feishu\'s table marks every field as required (borderColor too, which came later), ttsim follows WeChat, where all are optional.', provenance: inferred('WeChat-compatible family: wx.setTabBarStyle fields are all optional') },
    { id: 'border-colours', platforms: 'all', text: 'borderStyle black draws a dark line (rgba(0, 0, 0, 0.33)), white a light one (rgba(255, 255, 255, 0.33)).', provenance: assumed('WeChat-compatible family\'s look; the exact colours are ttsim\'s') },
  ],
  failures: [...tabFailures, { errno: Errno.invalidParameter, when: 'a colour is not 6-digit hex, or borderStyle is not white / black', provenance: documented(tabBarDocs.setTabBarStyle) }],
});
