/**
 * <swiper> / <swiper-item> (WeChat-compatible family: inferred; Feishu's swiper page was not read).
 *
 * The swiper element gets a shadow root holding a viewport, a track that slides, and the indicator dots;
 * the swiper-items (rendered by the renderer as the swiper's children) are slotted into the track, so the
 * page's TTSS still styles them. `data-tt-current` on the swiper tells automation which item shows.
 *
 * Attributes: indicator-dots, indicator-color, indicator-active-color, autoplay, interval (5000), duration
 * (500), circular, vertical, current, current-item-id, display-multiple-items, previous-margin,
 * next-margin, easing-function, disable-touch. Events: bindchange `{ current, currentItemId, source }`
 * with source "touch" (a drag), "autoplay", or "" (the page changed current / current-item-id), then
 * bindanimationfinish with the same detail once the slide is over.
 *
 * A drag past half an item (or a quick flick) moves one item; a circular swiper wraps at the ends (the
 * track slides back across, not a seamless loop). Autoplay stops for good once the swiper is no longer in
 * the document (removed, or its page closed), and pauses while a drag is in progress.
 */
import { changed, read, readFlag, readNumber, readText, toggleAttribute, setAttributeIfChanged } from '../attributes.js';
import type { Attrs, Component, ComponentContext } from '../component.js';
import { raise } from './raise.js';

const SHADOW_CSS = `
[data-part="viewport"] { position: relative; width: 100%; height: 100%; overflow: hidden; box-sizing: border-box; }
[data-part="track"] { display: flex; width: 100%; height: 100%; will-change: transform; }
:host([data-tt-vertical]) [data-part="track"] { flex-direction: column; }
::slotted(*) { flex: 0 0 var(--tt-swiper-item-size, 100%); width: 100%; height: 100%; box-sizing: border-box; overflow: hidden; position: relative; }
:host(:not([data-tt-vertical])) ::slotted(*) { width: var(--tt-swiper-item-size, 100%); }
:host([data-tt-vertical]) ::slotted(*) { height: var(--tt-swiper-item-size, 100%); }
[data-part="dots"] { position: absolute; left: 0; right: 0; bottom: 10px; display: flex; justify-content: center; gap: 8px; pointer-events: none; }
:host([data-tt-vertical]) [data-part="dots"] { left: auto; right: 10px; top: 0; bottom: 0; flex-direction: column; align-items: center; }
[data-part="dots"][hidden] { display: none; }
[data-part="dot"] { width: 8px; height: 8px; border-radius: 50%; background: var(--tt-dot-color, rgba(0, 0, 0, .3)); transition: background .2s; }
[data-part="dot"][data-active] { background: var(--tt-dot-active-color, #000); }
`;

const EASING: Readonly<Record<string, string>> = {
  default: 'ease',
  linear: 'linear',
  easeInCubic: 'cubic-bezier(0.32, 0, 0.67, 0)',
  easeOutCubic: 'cubic-bezier(0.33, 1, 0.68, 1)',
  easeInOutCubic: 'cubic-bezier(0.65, 0, 0.35, 1)',
};

/** Without layout (no size known) a drag must pass this many px to move an item. */
const DRAG_FALLBACK_PX = 30;
const FLICK_PX_PER_MS = 0.3;

interface Drag {
  id: number;
  x: number;
  y: number;
  time: number;
  /** px along the swiper's axis, once the pointer moved far enough to count as a drag. */
  offset: number | undefined;
}

interface SwiperState {
  attrs: Attrs;
  current: number;
  viewport: HTMLElement;
  track: HTMLElement;
  dots: HTMLElement;
  context: ComponentContext;
  autoplay: ReturnType<typeof setInterval> | undefined;
  /** The autoplay settings the timer runs with, to restart it only when they change. */
  autoplayKey: string;
  finish: ReturnType<typeof setTimeout> | undefined;
  drag: Drag | undefined;
  /** The track's transform as last written (read back, the browser would normalise it). */
  placed: string;
}

const states = new WeakMap<HTMLElement, SwiperState>();

function items(element: HTMLElement): HTMLElement[] {
  return [...element.children].filter((child): child is HTMLElement => child.getAttribute('data-tt') === 'swiper-item');
}

function perView(state: SwiperState): number {
  return Math.max(1, Math.floor(readNumber(state.attrs, 'display-multiple-items', 1)));
}

function isVertical(state: SwiperState): boolean {
  return readFlag(state.attrs, 'vertical');
}

/** The last index the swiper can rest on. */
function lastIndex(element: HTMLElement, state: SwiperState): number {
  const count = items(element).length;
  return readFlag(state.attrs, 'circular') ? count - 1 : Math.max(0, count - perView(state));
}

function lengthPx(value: unknown, context: ComponentContext): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const match = /^\s*(-?\d*\.?\d+)\s*(px|rpx)?\s*$/.exec(typeof value === 'string' ? value : '');
  if (!match) return 0;
  return match[2] === 'rpx' ? Number(match[1]) * context.rpxToPx : Number(match[1]);
}

function setStyle(element: HTMLElement, property: string, value: string): void {
  if (element.style.getPropertyValue(property) !== value) element.style.setProperty(property, value);
}

function itemId(element: HTMLElement, index: number): string {
  return items(element)[index]?.getAttribute('data-tt-item-id') ?? '';
}

/** Moves the track to the current item (plus a drag offset in px). */
function place(state: SwiperState, animate: boolean, dragPx = 0): void {
  const percent = -(state.current * 100) / perView(state);
  const offset = `calc(${percent}% + ${dragPx}px)`;
  const duration = Math.max(0, readNumber(state.attrs, 'duration', 500));
  const easing = EASING[readText(state.attrs, 'easing-function')] ?? EASING.default!;
  const transform = isVertical(state) ? `translate3d(0, ${offset}, 0)` : `translate3d(${offset}, 0, 0)`;
  // Unchanged: leave the transition alone (writing transition: none would cut a slide in progress short).
  if (transform === state.placed) return;
  state.placed = transform;
  setStyle(state.track, 'transition', animate && duration > 0 ? `transform ${duration}ms ${easing}` : 'none');
  setStyle(state.track, 'transform', transform);
}

function drawDots(element: HTMLElement, state: SwiperState): void {
  const count = items(element).length;
  state.dots.hidden = !readFlag(state.attrs, 'indicator-dots');
  while (state.dots.children.length > count) state.dots.lastElementChild!.remove();
  while (state.dots.children.length < count) {
    const dot = state.context.document.createElement('span');
    dot.setAttribute('data-part', 'dot');
    state.dots.append(dot);
  }
  [...state.dots.children].forEach((dot, i) => toggleAttribute(dot, 'data-active', i === state.current));
}

function goTo(element: HTMLElement, state: SwiperState, index: number, source: string): void {
  const count = items(element).length;
  if (count === 0) return;
  const last = lastIndex(element, state);
  const next = readFlag(state.attrs, 'circular') ? ((index % count) + count) % count : Math.min(last, Math.max(0, index));
  if (next === state.current) {
    place(state, true);
    return;
  }
  state.current = next;
  setAttributeIfChanged(element, 'data-tt-current', String(next));
  place(state, true);
  drawDots(element, state);
  const detail = { current: next, currentItemId: itemId(element, next), source };
  raise(element, 'change', detail);
  if (state.finish !== undefined) clearTimeout(state.finish);
  state.finish = setTimeout(() => {
    state.finish = undefined;
    if (element.isConnected) raise(element, 'animationfinish', detail);
  }, Math.max(0, readNumber(state.attrs, 'duration', 500)));
  // A manual change restarts the autoplay interval, so the next auto step waits a whole interval.
  if (source !== 'autoplay') restartAutoplay(element, state);
}

function restartAutoplay(element: HTMLElement, state: SwiperState): void {
  if (state.autoplay !== undefined) clearInterval(state.autoplay);
  state.autoplay = undefined;
  if (!readFlag(state.attrs, 'autoplay')) return;
  const timer = setInterval(
    () => {
      if (!element.isConnected) {
        // Removed from the document (its page closed or the template dropped it): stop for good.
        clearInterval(timer);
        if (state.autoplay === timer) state.autoplay = undefined;
        return;
      }
      if (state.drag !== undefined) return;
      const last = lastIndex(element, state);
      if (items(element).length < 2) return;
      goTo(element, state, state.current >= last ? 0 : state.current + 1, 'autoplay');
    },
    Math.max(100, readNumber(state.attrs, 'interval', 5000)),
  );
  state.autoplay = timer;
}

/** After the renderer has placed this render's swiper-items: keep current in range, redraw dots and position. */
function settle(element: HTMLElement, state: SwiperState): void {
  const last = lastIndex(element, state);
  if (state.current > last) state.current = Math.max(0, last);
  setAttributeIfChanged(element, 'data-tt-current', String(state.current));
  drawDots(element, state);
  if (state.drag === undefined) place(state, false);
}

function axisSize(state: SwiperState): number {
  const size = isVertical(state) ? state.viewport.clientHeight : state.viewport.clientWidth;
  return size / perView(state);
}

function onPointerDown(state: SwiperState, event: PointerEvent): void {
  if (readFlag(state.attrs, 'disable-touch')) return;
  if (event.button !== undefined && event.button !== 0) return;
  state.drag = { id: event.pointerId, x: event.clientX, y: event.clientY, time: event.timeStamp, offset: undefined };
}

function onPointerMove(element: HTMLElement, state: SwiperState, event: PointerEvent): void {
  const drag = state.drag;
  if (drag === undefined || drag.id !== event.pointerId) return;
  const along = isVertical(state) ? event.clientY - drag.y : event.clientX - drag.x;
  const across = isVertical(state) ? event.clientX - drag.x : event.clientY - drag.y;
  if (drag.offset === undefined) {
    // A move mostly across the axis is the page scrolling, not a swipe.
    if (Math.abs(along) < 5 || Math.abs(along) < Math.abs(across)) return;
    try {
      element.setPointerCapture?.(event.pointerId);
    } catch {
      // Pointer capture is a nicety: without it the drag still ends on pointerup over the swiper.
    }
  }
  const atEdge = !readFlag(state.attrs, 'circular') && ((state.current === 0 && along > 0) || (state.current >= lastIndex(element, state) && along < 0));
  drag.offset = atEdge ? along / 3 : along;
  place(state, false, drag.offset);
}

function onPointerEnd(element: HTMLElement, state: SwiperState, event: PointerEvent): void {
  const drag = state.drag;
  if (drag === undefined || drag.id !== event.pointerId) return;
  state.drag = undefined;
  if (drag.offset === undefined) return;
  const offset = drag.offset;
  const size = axisSize(state);
  const elapsed = Math.max(1, event.timeStamp - drag.time);
  const far = size > 0 ? Math.abs(offset) > size / 2 : Math.abs(offset) > DRAG_FALLBACK_PX;
  const flick = Math.abs(offset) > 10 && Math.abs(offset) / elapsed > FLICK_PX_PER_MS;
  if (event.type === 'pointerup' && (far || flick)) goTo(element, state, state.current + (offset < 0 ? 1 : -1), 'touch');
  else place(state, true);
}

export const swiperComponent: Component = {
  domTag: 'div',
  ownsContent: false,
  create(context) {
    const element = context.document.createElement('div');
    const shadow = element.attachShadow({ mode: 'open' });
    const style = context.document.createElement('style');
    style.textContent = SHADOW_CSS;
    const viewport = context.document.createElement('div');
    viewport.setAttribute('data-part', 'viewport');
    const track = context.document.createElement('div');
    track.setAttribute('data-part', 'track');
    track.append(context.document.createElement('slot'));
    viewport.append(track);
    const dots = context.document.createElement('div');
    dots.setAttribute('data-part', 'dots');
    shadow.append(style, viewport, dots);
    const state: SwiperState = { attrs: {}, current: 0, viewport, track, dots, context, autoplay: undefined, autoplayKey: '', finish: undefined, drag: undefined, placed: '' };
    states.set(element, state);
    element.addEventListener('pointerdown', (e) => onPointerDown(state, e));
    element.addEventListener('pointermove', (e) => onPointerMove(element, state, e));
    element.addEventListener('pointerup', (e) => onPointerEnd(element, state, e));
    element.addEventListener('pointercancel', (e) => onPointerEnd(element, state, e));
    return element;
  },
  update(element, next, previous, context) {
    const state = states.get(element)!;
    state.attrs = next;
    state.context = context;
    if (previous === undefined) state.current = Math.max(0, Math.floor(readNumber(next, 'current', 0)));
    toggleAttribute(element, 'data-tt-vertical', isVertical(state));
    const vertical = isVertical(state);
    const before = lengthPx(read(next, 'previous-margin'), context);
    const after = lengthPx(read(next, 'next-margin'), context);
    setStyle(state.viewport, 'padding', vertical ? `${before}px 0 ${after}px` : `0 ${after}px 0 ${before}px`);
    setStyle(state.track, '--tt-swiper-item-size', `${100 / perView(state)}%`);
    const dotColor = readText(next, 'indicator-color');
    const activeColor = readText(next, 'indicator-active-color');
    if (dotColor) setStyle(state.dots, '--tt-dot-color', dotColor);
    else state.dots.style.removeProperty('--tt-dot-color');
    if (activeColor) setStyle(state.dots, '--tt-dot-active-color', activeColor);
    else state.dots.style.removeProperty('--tt-dot-active-color');

    const autoplayKey = `${readFlag(next, 'autoplay')}/${readNumber(next, 'interval', 5000)}`;
    if (autoplayKey !== state.autoplayKey || (readFlag(next, 'autoplay') && state.autoplay === undefined)) {
      state.autoplayKey = autoplayKey;
      restartAutoplay(element, state);
    }

    const moveTo = previous !== undefined && changed(next, previous, 'current') ? Math.floor(readNumber(next, 'current', 0)) : undefined;
    const moveToId = changed(next, previous, 'current-item-id') ? readText(next, 'current-item-id') : '';
    // The renderer places this render's swiper-items after update returns.
    queueMicrotask(() => {
      if (moveToId !== '') {
        const index = items(element).findIndex((item) => item.getAttribute('data-tt-item-id') === moveToId);
        if (index >= 0 && previous !== undefined) goTo(element, state, index, '');
        else if (index >= 0) state.current = index;
      } else if (moveTo !== undefined) goTo(element, state, moveTo, '');
      settle(element, state);
    });
  },
};

export const swiperItemComponent: Component = {
  domTag: 'div',
  ownsContent: false,
  create: (context) => context.document.createElement('div'),
  update(element, next) {
    const id = readText(next, 'item-id');
    setAttributeIfChanged(element, 'data-tt-item-id', id === '' ? null : id);
  },
};
