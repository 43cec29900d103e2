/**
 * <image> → <img>. `mode` becomes data-tt-mode, which the component stylesheet maps to object-fit /
 * object-position (scaleToFill → fill, aspectFit → contain, aspectFill → cover, widthFix → height auto,
 * heightFix → width auto, top/bottom/center/left/right/… → no scaling, anchored). Default size 320×240.
 */
import { changed, readFlag, readText, setAttributeIfChanged } from '../attributes.js';
import type { Component } from '../component.js';

export const imageComponent: Component = {
  domTag: 'img',
  ownsContent: true,
  create(context) {
    const img = context.document.createElement('img');
    img.draggable = false;
    return img;
  },
  update(element, next, previous, context) {
    if (changed(next, previous, 'src')) {
      const src = readText(next, 'src');
      setAttributeIfChanged(element, 'src', src === '' ? null : context.resolveImageSrc(src));
    }
    setAttributeIfChanged(element, 'data-tt-mode', readText(next, 'mode') || 'scaleToFill');
    setAttributeIfChanged(element, 'loading', readFlag(next, 'lazy-load') ? 'lazy' : null);
  },
  translate(event, element) {
    const img = element as HTMLImageElement;
    if (event.target !== img) return [];
    if (event.type === 'load') return [{ type: 'load', detail: { width: img.naturalWidth, height: img.naturalHeight } }];
    if (event.type === 'error') return [{ type: 'error', detail: { errMsg: `GET ${img.getAttribute('src') ?? ''} failed` } }];
    return [];
  },
};
