/**
 * <canvas canvas-id> → <div data-tt="canvas"> holding an HTML <canvas> (the drawing surface). The wrapper
 * takes the TTML box (class, style, default 300×150 as in WeChat) so that TTSS `canvas` selectors match it;
 * the surface fills it. The surface's backing store is sized and drawn by the canvas runtime
 * (app/src/runtime/canvas) and is never touched by a re-render, so a drawing survives setData.
 * type="2d" (the Canvas 2D node interface) is not emulated yet: it warns once and draws like a plain canvas.
 */
import { changed, readFlag, readText, setAttributeIfChanged } from '../attributes.js';
import type { Component } from '../component.js';

/** The canvas-id, reflected so that the runtime finds the canvas on its page. */
export const CANVAS_ID_ATTRIBUTE = 'data-tt-canvas-id';
/** The type attribute ("2d"), reflected so that the runtime can tell a canvas it does not emulate as such. */
export const CANVAS_TYPE_ATTRIBUTE = 'data-tt-canvas-type';

const STYLE_ATTRIBUTE = 'data-ttsim-canvas';
const CSS = `
:where(div[data-tt="canvas"]) { display: block; position: relative; width: 300px; height: 150px; overflow: hidden; }
:where(div[data-tt="canvas"]) > canvas[data-tt-part="surface"] { display: block; width: 100%; height: 100%; }
:where(div[data-tt="canvas"][data-tt-disable-scroll]) > canvas[data-tt-part="surface"] { touch-action: none; }
/* An author display beats the browser's own [hidden] rule, so hidden is restated here. */
:where(div[data-tt="canvas"][hidden]) { display: none; }
`;

/** The canvas defaults, once per document, right after the component stylesheet (specificity 0 as there). */
function ensureCanvasStyles(document: Document): void {
  if (document.querySelector(`style[${STYLE_ATTRIBUTE}]`)) return;
  const style = document.createElement('style');
  style.setAttribute(STYLE_ATTRIBUTE, '');
  style.textContent = CSS;
  const head = document.head ?? document.documentElement;
  const components = head.querySelector('style[data-ttsim-components]');
  head.insertBefore(style, components ? components.nextSibling : head.firstChild);
}

let warned2d = false;

/** The drawing surface inside a rendered <canvas> component. */
export function surfaceOf(element: HTMLElement): HTMLCanvasElement {
  return element.firstElementChild as HTMLCanvasElement;
}

export const canvasComponent: Component = {
  domTag: 'div',
  ownsContent: true,
  create(context) {
    ensureCanvasStyles(context.document);
    const element = context.document.createElement('div');
    const surface = context.document.createElement('canvas');
    surface.setAttribute('data-tt-part', 'surface');
    element.append(surface);
    return element;
  },
  update(element, next, previous) {
    setAttributeIfChanged(element, CANVAS_ID_ATTRIBUTE, readText(next, 'canvas-id') || null);
    setAttributeIfChanged(element, 'data-tt-disable-scroll', readFlag(next, 'disable-scroll') ? '' : null);
    setAttributeIfChanged(element, CANVAS_TYPE_ATTRIBUTE, readText(next, 'type') || null);
    if (changed(next, previous, 'type') && readText(next, 'type') === '2d' && !warned2d) {
      warned2d = true;
      console.warn('<canvas type="2d"> is not emulated by ttsim yet (no SelectorQuery node / Canvas 2D interface): it draws as a plain canvas through tt.createCanvasContext');
    }
  },
};
