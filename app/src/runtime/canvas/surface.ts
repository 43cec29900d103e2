/**
 * The backing store of a <canvas> component: device pixelRatio times its CSS size, resized when that size
 * has changed (keeping what was drawn, at the same place) and reset for a drawing without `reserve`.
 */
import { surfaceOf } from '../../dom/components/canvas.js';

export interface PreparedSurface {
  readonly canvas: HTMLCanvasElement;
  readonly ctx: CanvasRenderingContext2D;
  /** The CSS size the backing store was made for. */
  readonly cssWidth: number;
  readonly cssHeight: number;
  /** Device pixels per CSS px. */
  readonly ratio: number;
}

/** WeChat's <canvas> default, used while the element has no layout (a hidden page). */
const DEFAULT_SIZE = { width: 300, height: 150 };

/** The CSS size each surface was last prepared for. */
const prepared = new WeakMap<HTMLCanvasElement, { cssWidth: number; cssHeight: number; ratio: number }>();

export function prepareSurface(element: HTMLElement, ratio: number, reserve: boolean): PreparedSurface {
  const canvas = surfaceOf(element);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gives no 2D context for <canvas>');
  const last = prepared.get(canvas);
  // An element without layout (display: none) keeps its last size.
  const laidOut = element.clientWidth > 0 && element.clientHeight > 0;
  const cssWidth = laidOut ? element.clientWidth : (last?.cssWidth ?? DEFAULT_SIZE.width);
  const cssHeight = laidOut ? element.clientHeight : (last?.cssHeight ?? DEFAULT_SIZE.height);
  const width = Math.max(1, Math.round(cssWidth * ratio));
  const height = Math.max(1, Math.round(cssHeight * ratio));
  const resized = !last || canvas.width !== width || canvas.height !== height;
  if (resized || !reserve) {
    // Setting the size clears the pixels and resets the state; a reserved drawing keeps the old pixels.
    let kept: HTMLCanvasElement | undefined;
    if (reserve && last) {
      kept = canvas.ownerDocument.createElement('canvas');
      kept.width = canvas.width;
      kept.height = canvas.height;
      kept.getContext('2d')?.drawImage(canvas, 0, 0);
    }
    canvas.width = width;
    canvas.height = height;
    if (kept) ctx.drawImage(kept, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }
  prepared.set(canvas, { cssWidth, cssHeight, ratio });
  return { canvas, ctx, cssWidth, cssHeight, ratio };
}
