/**
 * <scroll-view> → <div> that scrolls along scroll-x / scroll-y. scroll-top / scroll-left / scroll-into-view
 * scroll it when they change; bindscroll gets `{ scrollLeft, scrollTop, scrollWidth, scrollHeight, deltaX,
 * deltaY }`, bindscrolltoupper / bindscrolltolower fire when the edge comes within the threshold (50px).
 */
import { changed, readFlag, readNumber, readText, toggleAttribute } from '../attributes.js';
import type { Component, ComponentEvent } from '../component.js';

const lastPosition = new WeakMap<HTMLElement, { top: number; left: number }>();

function scrollIntoView(element: HTMLElement, id: string, smooth: boolean): void {
  const target = element.querySelector(`[id="${id.replace(/["\\]/g, '\\$&')}"]`);
  target?.scrollIntoView?.({ block: 'start', inline: 'start', behavior: smooth ? 'smooth' : 'auto' });
}

export const scrollViewComponent: Component = {
  domTag: 'div',
  ownsContent: false,
  create: (context) => context.document.createElement('div'),
  update(element, next, previous) {
    toggleAttribute(element, 'data-tt-scroll-x', readFlag(next, 'scroll-x'));
    toggleAttribute(element, 'data-tt-scroll-y', readFlag(next, 'scroll-y'));
    const smooth = readFlag(next, 'scroll-with-animation');
    // After this render's children are in place.
    if (changed(next, previous, 'scroll-top') && readText(next, 'scroll-top') !== '') {
      const top = readNumber(next, 'scroll-top', 0);
      queueMicrotask(() => element.scrollTo?.({ top, behavior: smooth ? 'smooth' : 'auto' }));
    }
    if (changed(next, previous, 'scroll-left') && readText(next, 'scroll-left') !== '') {
      const left = readNumber(next, 'scroll-left', 0);
      queueMicrotask(() => element.scrollTo?.({ left, behavior: smooth ? 'smooth' : 'auto' }));
    }
    const intoView = readText(next, 'scroll-into-view');
    if (changed(next, previous, 'scroll-into-view') && intoView !== '') queueMicrotask(() => scrollIntoView(element, intoView, smooth));
  },
  translate(event, element, attrs) {
    if (event.type !== 'scroll' || event.target !== element) return [];
    const { scrollTop: top, scrollLeft: left, scrollHeight, scrollWidth, clientHeight, clientWidth } = element;
    const last = lastPosition.get(element) ?? { top: 0, left: 0 };
    lastPosition.set(element, { top, left });
    const events: ComponentEvent[] = [{ type: 'scroll', detail: { scrollLeft: left, scrollTop: top, scrollWidth, scrollHeight, deltaX: left - last.left, deltaY: top - last.top } }];
    const upper = readNumber(attrs, 'upper-threshold', 50);
    const lower = readNumber(attrs, 'lower-threshold', 50);
    const vertical = readFlag(attrs, 'scroll-y');
    const [position, previous, size, client] = vertical ? [top, last.top, scrollHeight, clientHeight] : [left, last.left, scrollWidth, clientWidth];
    const direction = vertical ? 'top' : 'left';
    if (position <= upper && previous > upper) events.push({ type: 'scrolltoupper', detail: { direction } });
    const atLower = (p: number) => p + client >= size - lower;
    if (atLower(position) && !atLower(previous)) events.push({ type: 'scrolltolower', detail: { direction: vertical ? 'bottom' : 'right' } });
    return events;
  },
};
