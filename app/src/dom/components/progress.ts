/**
 * <progress> → a bar (`data-tt-part="bar"`, holding the `fill`) and, with show-info, the percentage
 * (`info`). Attributes (WeChat-compatible family: inferred): percent 0–100, show-info, border-radius,
 * font-size, stroke-width (px, default 6), activeColor / color (default Feishu blue #3370ff, assumed),
 * backgroundColor (default #ebebeb), active (the fill grows from 0, or from where it was with
 * active-mode="forwards", at `duration` ms per percent, default 30) and bindactiveend `{ curPercent }`
 * when that animation ends.
 */
import { changed, read, readFlag, readNumber, readText, setAttributeIfChanged } from '../attributes.js';
import type { Attrs, Component, ComponentContext } from '../component.js';
import { raise } from './raise.js';

const DEFAULT_ACTIVE_COLOR = '#3370ff';
const DEFAULT_BACKGROUND = '#ebebeb';

interface Parts {
  bar: HTMLElement;
  fill: HTMLElement;
  info: HTMLElement;
}

const animations = new WeakMap<HTMLElement, { timer: ReturnType<typeof setTimeout> | undefined; shown: number }>();

function parts(element: HTMLElement): Parts {
  const [bar, info] = [element.children[0] as HTMLElement, element.children[1] as HTMLElement];
  return { bar, fill: bar.firstElementChild as HTMLElement, info };
}

/** "6", 6, "6px" or "12rpx" → CSS length. */
function length(value: unknown, fallback: number, context: ComponentContext): string {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}px`;
  const match = /^\s*(\d*\.?\d+)\s*(px|rpx)?\s*$/.exec(typeof value === 'string' ? value : '');
  if (!match) return `${fallback}px`;
  const n = Number(match[1]);
  return match[2] === 'rpx' ? `${n * context.rpxToPx}px` : `${n}px`;
}

function color(attrs: Attrs, names: string[], fallback: string): string {
  for (const name of names) {
    const value = read(attrs, name);
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return fallback;
}

function setStyle(element: HTMLElement, property: string, value: string): void {
  if (element.style.getPropertyValue(property) !== value) element.style.setProperty(property, value);
}

export const progressComponent: Component = {
  domTag: 'div',
  ownsContent: true,
  create(context) {
    const element = context.document.createElement('div');
    element.setAttribute('role', 'progressbar');
    element.setAttribute('aria-valuemin', '0');
    element.setAttribute('aria-valuemax', '100');
    const bar = context.document.createElement('div');
    bar.setAttribute('data-tt-part', 'bar');
    const fill = context.document.createElement('div');
    fill.setAttribute('data-tt-part', 'fill');
    bar.append(fill);
    const info = context.document.createElement('span');
    info.setAttribute('data-tt-part', 'info');
    element.append(bar, info);
    return element;
  },
  update(element, next, previous, context) {
    const { bar, fill, info } = parts(element);
    const percent = Math.min(100, Math.max(0, readNumber(next, 'percent', 0)));
    setAttributeIfChanged(element, 'aria-valuenow', String(percent));
    setAttributeIfChanged(element, 'data-tt-percent', String(percent));
    setStyle(bar, 'height', length(read(next, 'stroke-width'), 6, context));
    setStyle(bar, 'background-color', color(next, ['background-color'], DEFAULT_BACKGROUND));
    setStyle(fill, 'background-color', color(next, ['active-color', 'color'], DEFAULT_ACTIVE_COLOR));
    const radius = read(next, 'border-radius');
    setStyle(bar, 'border-radius', radius === undefined ? '0px' : length(radius, 0, context));
    setStyle(fill, 'border-radius', radius === undefined ? '0px' : length(radius, 0, context));
    const showInfo = readFlag(next, 'show-info');
    info.hidden = !showInfo;
    if (info.textContent !== `${percent}%`) info.textContent = `${percent}%`;
    const fontSize = read(next, 'font-size');
    setStyle(info, 'font-size', fontSize === undefined ? '16px' : length(fontSize, 16, context));

    if (!changed(next, previous, 'percent') && previous !== undefined) return;
    const animation = animations.get(element) ?? { timer: undefined, shown: 0 };
    animations.set(element, animation);
    if (animation.timer !== undefined) clearTimeout(animation.timer);
    animation.timer = undefined;
    if (!readFlag(next, 'active')) {
      setStyle(fill, 'transition', 'none');
      setStyle(fill, 'width', `${percent}%`);
      animation.shown = percent;
      return;
    }
    const from = readText(next, 'active-mode') === 'forwards' ? animation.shown : 0;
    const ms = Math.abs(percent - from) * Math.max(0, readNumber(next, 'duration', 30));
    setStyle(fill, 'transition', 'none');
    setStyle(fill, 'width', `${from}%`);
    // Start the transition on the next frame, from the width just set.
    void fill.offsetWidth;
    setStyle(fill, 'transition', `width ${ms}ms linear`);
    setStyle(fill, 'width', `${percent}%`);
    animation.shown = percent;
    animation.timer = setTimeout(() => {
      animation.timer = undefined;
      if (element.isConnected) raise(element, 'activeend', { curPercent: percent });
    }, ms);
  },
};
