/**
 * <icon> → <span> with an inline SVG: type success / success_no_circle / info / info_circle / warn /
 * waiting / cancel / download / search / clear / circle, size (px, default 23, or "…rpx"), color (each
 * type's WeChat default color otherwise).
 */
import { changed, read, readText } from '../attributes.js';
import type { Component } from '../component.js';

const WHITE = '#fff';
/** type → [default color, what to draw inside a 24×24 box ({c} is the color)]. */
const ICONS: Record<string, [string, string]> = {
  success: ['#09BB07', `<circle cx="12" cy="12" r="11" fill="{c}"/><path d="M6.5 12.5l3.6 3.6 7.4-7.6" stroke="${WHITE}" stroke-width="2" fill="none"/>`],
  success_no_circle: ['#09BB07', '<path d="M3.5 12.5l5.6 5.6L20.5 6.5" stroke="{c}" stroke-width="2.4" fill="none"/>'],
  info: ['#10AEFF', `<circle cx="12" cy="12" r="11" fill="{c}"/><path d="M12 10.5v7" stroke="${WHITE}" stroke-width="2.2"/><circle cx="12" cy="7" r="1.4" fill="${WHITE}"/>`],
  info_circle: ['#10AEFF', '<circle cx="12" cy="12" r="10.2" stroke="{c}" stroke-width="1.6" fill="none"/><path d="M12 10.5v7" stroke="{c}" stroke-width="2"/><circle cx="12" cy="7" r="1.3" fill="{c}"/>'],
  warn: ['#F76260', `<circle cx="12" cy="12" r="11" fill="{c}"/><path d="M12 6v8" stroke="${WHITE}" stroke-width="2.2"/><circle cx="12" cy="17.3" r="1.4" fill="${WHITE}"/>`],
  waiting: ['#10AEFF', `<circle cx="12" cy="12" r="11" fill="{c}"/><path d="M12 6.5V12l3.8 2.6" stroke="${WHITE}" stroke-width="2" fill="none"/>`],
  cancel: ['#F43530', `<circle cx="12" cy="12" r="11" fill="{c}"/><path d="M8 8l8 8M16 8l-8 8" stroke="${WHITE}" stroke-width="2"/>`],
  download: ['#09BB07', `<circle cx="12" cy="12" r="11" fill="{c}"/><path d="M12 6v10M7.8 12l4.2 4.2 4.2-4.2" stroke="${WHITE}" stroke-width="2" fill="none"/>`],
  search: ['#B2B2B2', '<circle cx="10.5" cy="10.5" r="6.5" stroke="{c}" stroke-width="2" fill="none"/><path d="M15.3 15.3l5.5 5.5" stroke="{c}" stroke-width="2.2"/>'],
  clear: ['#B2B2B2', `<circle cx="12" cy="12" r="11" fill="{c}"/><path d="M8.5 8.5l7 7M15.5 8.5l-7 7" stroke="${WHITE}" stroke-width="1.8"/>`],
  circle: ['#C9C9C9', '<circle cx="12" cy="12" r="10.5" stroke="{c}" stroke-width="1.2" fill="none"/>'],
};

function sizeInPx(value: unknown, rpxToPx: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const match = /^\s*(\d*\.?\d+)\s*(px|rpx)?\s*$/.exec(typeof value === 'string' ? value : '');
  if (!match) return 23;
  const n = Number(match[1]);
  return match[2] === 'rpx' ? n * rpxToPx : n;
}

export const iconComponent: Component = {
  domTag: 'span',
  ownsContent: true,
  create: (context) => context.document.createElement('span'),
  update(element, next, previous, context) {
    if (!(changed(next, previous, 'type') || changed(next, previous, 'size') || changed(next, previous, 'color'))) return;
    const icon = ICONS[readText(next, 'type')];
    if (icon === undefined) {
      element.innerHTML = '';
      return;
    }
    const size = sizeInPx(read(next, 'size'), context.rpxToPx);
    const color = readText(next, 'color') || icon[0];
    const safeColor = color.replace(/[^#\w(),.% -]/g, '');
    element.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true">${icon[1].replaceAll('{c}', safeColor)}</svg>`;
  },
};
