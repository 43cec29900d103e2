/**
 * The tab bar at the bottom of tab pages (app.json tabBar) and the APIs that change it: badges, red dots, an
 * item's text and icons, the bar's colours. What they set belongs to the bar, not to a page, so it stays
 * when another tab is shown. The router decides when the bar shows and what a tap does.
 */
import type { BaseCallContext } from '../../../../emulator-api/src/common/call.js';
import { Errno, TtError } from '../../../../emulator-api/src/common/errors.js';

export interface TabBarConfig {
  color?: string;
  selectedColor?: string;
  backgroundColor?: string;
  borderStyle?: string;
  list: TabItem[];
}

export interface TabItem {
  pagePath: string;
  text?: string;
  iconPath?: string;
  selectedIconPath?: string;
}

export interface TabStyle {
  color?: string;
  selectedColor?: string;
  backgroundColor?: string;
  borderStyle?: string;
  borderColor?: string;
}

/** The one mark an item shows at its top right. */
type Mark = { readonly kind: 'badge'; readonly text: string } | { readonly kind: 'dot' };

export interface TabBarHost {
  iconUrl(path: string): string;
  /** The route of the page shown now (undefined before the first page). */
  currentRoute(): string | undefined;
  /** The user tapped the tab of `route`. */
  tap(route: string): void;
}

const BADGE_MAX_CHARS = 4;
const BORDER = { black: 'rgba(0, 0, 0, 0.33)', white: 'rgba(255, 255, 255, 0.33)' } as const;
const routeOf = (item: TabItem) => item.pagePath.replace(/^\//, '');

/** A network image: setTabBarItem takes package paths only (Feishu: "不支持网络图片"). */
function isNetworkPath(path: string | undefined): boolean {
  return path !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(path) && !path.startsWith('ttfile://');
}

export class TabBar {
  readonly element: HTMLElement;
  readonly routes: ReadonlySet<string>;
  /** hideTabBar: hidden on every tab page until showTabBar. */
  hidden = false;
  private readonly items: TabItem[];
  private readonly style: TabStyle;
  private readonly marks = new Map<number, Mark>();

  constructor(
    doc: Document,
    config: TabBarConfig,
    private readonly host: TabBarHost,
  ) {
    this.items = config.list.map((item) => ({ ...item }));
    this.style = { ...config };
    this.routes = new Set(this.items.map(routeOf));
    this.element = doc.createElement('div');
    this.element.dataset.ttsimTabbar = '';
  }

  /** Draws the bar for `route`: shown on tab pages unless hidden, that route's item selected. */
  draw(route: string | undefined): void {
    const doc = this.element.ownerDocument;
    const { color, selectedColor, backgroundColor, borderStyle, borderColor } = this.style;
    const border = borderColor ?? (borderStyle === 'black' || borderStyle === 'white' ? BORDER[borderStyle] : '#e5e5e5');
    this.element.style.cssText = `flex:none;display:flex;height:50px;border-top:1px solid ${border};background:${backgroundColor ?? '#fff'};`;
    this.element.style.display = route !== undefined && this.routes.has(route) && !this.hidden ? 'flex' : 'none';
    this.element.replaceChildren();
    this.items.forEach((item, index) => {
      const path = routeOf(item);
      const selected = path === route;
      const tab = doc.createElement('div');
      tab.dataset.ttsimTab = path;
      if (selected) tab.dataset.ttsimSelected = '';
      tab.style.cssText = `flex:1;display:flex;flex-direction:column;align-items:center;justify-content:center;font-size:11px;cursor:pointer;color:${selected ? (selectedColor ?? '#3370ff') : (color ?? '#666')};`;
      const corner = doc.createElement('div');
      corner.style.cssText = 'position:relative;display:flex;flex-direction:column;align-items:center;';
      const icon = selected ? (item.selectedIconPath ?? item.iconPath) : item.iconPath;
      if (icon) {
        const img = doc.createElement('img');
        img.src = this.host.iconUrl(icon);
        img.style.cssText = 'width:24px;height:24px;';
        corner.append(img);
      }
      const text = doc.createElement('span');
      text.dataset.ttsimTabText = '';
      text.textContent = item.text ?? '';
      corner.append(text);
      const mark = this.marks.get(index);
      if (mark) corner.append(this.markElement(doc, mark));
      tab.append(corner);
      tab.addEventListener('click', () => {
        if (path !== this.host.currentRoute()) this.host.tap(path);
      });
      this.element.append(tab);
    });
  }

  private markElement(doc: Document, mark: Mark): HTMLElement {
    const el = doc.createElement('span');
    if (mark.kind === 'badge') {
      el.dataset.ttsimTabBadge = '';
      el.textContent = mark.text;
      el.style.cssText = 'position:absolute;top:-4px;left:calc(50% + 6px);min-width:16px;height:16px;padding:0 4px;box-sizing:border-box;border-radius:8px;background:#f54a45;color:#fff;font-size:10px;line-height:16px;text-align:center;white-space:nowrap;';
    } else {
      el.dataset.ttsimTabDot = '';
      el.style.cssText = 'position:absolute;top:-2px;left:calc(50% + 8px);width:8px;height:8px;border-radius:4px;background:#f54a45;';
    }
    return el;
  }

  /** setTabBarBadge, removeTabBarBadge, showTabBarRedDot, hideTabBarRedDot, setTabBarItem, setTabBarStyle. */
  implementations() {
    const changed = () => {
      this.draw(this.host.currentRoute());
      return {};
    };
    /** The rules every call checks: a tab page is shown, and index names an item. */
    const item = (index: number | undefined, ctx: BaseCallContext, api: string) => {
      ctx.applyRule('tab-page-only');
      ctx.applyRule('app-level');
      const route = this.host.currentRoute();
      if (route === undefined || !this.routes.has(route)) throw new TtError(Errno.invalidParameter, `not TabBar page: ${route ?? 'no page is open'} is not in app.json tabBar.list`, { rule: 'tab-page-only' });
      if (index === undefined) return -1;
      ctx.applyRule('tab-index');
      if (index >= this.items.length) throw new TtError(Errno.invalidParameter, `tabbar item not found: ${api} index ${index}, the tab bar has ${this.items.length} items (0 to ${this.items.length - 1})`, { rule: 'tab-index' });
      return index;
    };
    const mark = (index: number, ctx: BaseCallContext, api: string, next: (current: Mark | undefined) => Mark | undefined) => {
      const at = item(index, ctx, api);
      ctx.applyRule('badge-or-dot');
      const value = next(this.marks.get(at));
      if (value) this.marks.set(at, value);
      else this.marks.delete(at);
      return changed();
    };
    return {
      setTabBarBadge: ({ index, text }: { index: number; text: string }, ctx: BaseCallContext) => {
        ctx.applyRule('badge-text');
        const shown = [...text].length > BADGE_MAX_CHARS ? '...' : text;
        return mark(index, ctx, 'setTabBarBadge', () => ({ kind: 'badge', text: shown }));
      },
      removeTabBarBadge: ({ index }: { index: number }, ctx: BaseCallContext) => mark(index, ctx, 'removeTabBarBadge', (current) => (current?.kind === 'badge' ? undefined : current)),
      showTabBarRedDot: ({ index }: { index: number }, ctx: BaseCallContext) => mark(index, ctx, 'showTabBarRedDot', () => ({ kind: 'dot' })),
      hideTabBarRedDot: ({ index }: { index: number }, ctx: BaseCallContext) => mark(index, ctx, 'hideTabBarRedDot', (current) => (current?.kind === 'dot' ? undefined : current)),
      setTabBarItem: ({ index, text, iconPath, selectedIconPath }: { index: number; text?: string; iconPath?: string; selectedIconPath?: string }, ctx: BaseCallContext) => {
        const at = item(index, ctx, 'setTabBarItem');
        ctx.applyRule('item-fields');
        if (isNetworkPath(iconPath) || isNetworkPath(selectedIconPath)) {
          throw new TtError(Errno.invalidParameter, `tab bar icons must be package paths, not network images: ${isNetworkPath(iconPath) ? iconPath : selectedIconPath}`, { rule: 'no-network-icons' });
        }
        const target = this.items[at]!;
        if (text !== undefined) target.text = text;
        if (iconPath !== undefined) target.iconPath = iconPath;
        if (selectedIconPath !== undefined) target.selectedIconPath = selectedIconPath;
        return changed();
      },
      setTabBarStyle: (style: TabStyle, ctx: BaseCallContext) => {
        item(undefined, ctx, 'setTabBarStyle');
        ctx.applyRule('style-fields');
        ctx.applyRule('fields-optional');
        if (style.borderStyle !== undefined && style.borderColor === undefined) ctx.applyRule('border-colours');
        for (const key of ['color', 'selectedColor', 'backgroundColor', 'borderStyle', 'borderColor'] as const) {
          if (style[key] !== undefined) this.style[key] = style[key];
        }
        return changed();
      },
    };
  }
}
