// Generates gadgets for the runtime benchmark: a large one (pages × components, every page using several
// custom components, modules and a list) and a one-page gadget with a long tt:for list.
import * as fs from 'node:fs';
import * as path from 'node:path';

function write(root, file, text) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

/** `pages` pages and `components` custom components; each page uses 5 components and two modules. */
export function generateLargeGadget(root, { pages = 30, components = 50 } = {}) {
  const pageNames = Array.from({ length: pages }, (_, i) => `pages/p${i}/p${i}`);
  const componentNames = Array.from({ length: components }, (_, i) => `components/c${i}/c${i}`);
  write(root, 'app.json', JSON.stringify({ pages: pageNames, window: { navigationBarTitleText: 'Large gadget' }, usingComponents: { 'c-0': `/${componentNames[0]}` } }, null, 2));
  write(root, 'app.js', "import { version } from './utils/version.js';\nApp({ globalData: { version } });\n");
  write(root, 'app.ttss', '.row { padding: 8rpx 16rpx; }\n');
  write(root, 'utils/version.js', "export const version = '1.0.0';\n");
  write(root, 'utils/format.js', "exports.label = (i) => 'item ' + i;\n");
  componentNames.forEach((name, i) => {
    write(root, `${name}.json`, JSON.stringify({ component: true }));
    write(root, `${name}.js`, `Component({ properties: { value: { type: Number, value: 0 } }, data: { n: ${i} }, methods: { bump() { this.setData({ n: this.data.n + 1 }); } } });\n`);
    write(root, `${name}.ttml`, `<view class="c${i}" bindtap="bump"><text>c${i}: {{value}} / {{n}}</text><slot></slot></view>\n`);
    write(root, `${name}.ttss`, `.c${i} { border: 1px solid #ddd; margin: 4rpx; }\n`);
  });
  pageNames.forEach((name, i) => {
    const used = Array.from({ length: 5 }, (_, k) => (i * 5 + k) % components);
    write(root, `${name}.json`, JSON.stringify({ usingComponents: Object.fromEntries(used.map((c) => [`c-${c}`, `/${componentNames[c]}`])) }));
    write(root, `${name}.js`, `import { version } from '../../utils/version.js';\nconst { label } = require('../../utils/format.js');\nPage({ data: { version, rows: Array.from({ length: 20 }, (_, k) => ({ id: k, text: label(k) })) } });\n`);
    write(root, `${name}.ttml`, [`<view class="ready">page ${i} v{{version}}</view>`, ...used.map((c) => `<c-${c} value="${c}"><text>slot ${c}</text></c-${c}>`), '<view tt:for="{{rows}}" tt:key="id" class="row">{{item.text}}</view>'].join('\n') + '\n');
    write(root, `${name}.ttss`, `.ready { font-weight: 600; }\n`);
  });
  return root;
}

/** One page with a `rows`-row tt:for list and a storage-filled app, for setData and getStorageSync timings. */
export function generateListGadget(root, rows = 1000) {
  write(root, 'app.json', JSON.stringify({ pages: ['pages/list/list'] }));
  write(root, 'app.js', 'App({});\n');
  write(root, 'pages/list/list.js', `Page({ data: { rows: Array.from({ length: ${rows} }, (_, i) => ({ id: i, text: 'row ' + i, done: i % 2 === 0 })) } });\n`);
  write(root, 'pages/list/list.ttml', '<view tt:for="{{rows}}" tt:key="id" class="row {{item.done ? \'done\' : \'\'}}"><text>{{index}}</text> <text>{{item.text}}</text></view>\n');
  write(root, 'pages/list/list.ttss', '.row { padding: 4px; } .done { color: #888; }\n');
  return root;
}
