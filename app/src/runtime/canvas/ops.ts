/**
 * What a CanvasContext records until draw(): a list of operations named after CanvasRenderingContext2D's
 * properties and methods, in the CSS px of the canvas. Gradients and patterns are descriptions, made real on
 * the canvas when the operations run.
 */

export type OpName =
  // state: properties
  | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'lineCap' | 'lineJoin' | 'miterLimit' | 'lineDashOffset'
  | 'font' | 'textAlign' | 'textBaseline' | 'globalAlpha' | 'globalCompositeOperation'
  | 'shadowOffsetX' | 'shadowOffsetY' | 'shadowBlur' | 'shadowColor'
  // state: several properties at once
  | 'setLineDash' | 'setShadow'
  // paths and drawing
  | 'beginPath' | 'closePath' | 'moveTo' | 'lineTo' | 'arc' | 'arcTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'rect'
  | 'fillRect' | 'strokeRect' | 'clearRect' | 'fill' | 'stroke' | 'clip' | 'fillText' | 'strokeText' | 'drawImage'
  // state stack and transforms
  | 'save' | 'restore' | 'translate' | 'rotate' | 'scale' | 'transform' | 'setTransform';

export interface CanvasOp {
  readonly name: OpName;
  readonly args: readonly unknown[];
}

/** A gradient from createLinearGradient (x0, y0, x1, y1) or createCircularGradient (x, y, r). */
export class GradientRecord {
  readonly stops: [number, string][] = [];
  constructor(
    readonly kind: 'linear' | 'circular',
    readonly coords: readonly number[],
  ) {}

  addColorStop(stop: number, color: string): void {
    this.stops.push([Number(stop), String(color)]);
  }
}

/** A pattern from createPattern(image, repetition): the image loads when the drawing runs. */
export class PatternRecord {
  constructor(
    readonly src: string,
    readonly repetition: string,
  ) {}
}

export type Style = string | GradientRecord | PatternRecord;

/** Image sources the operations need loaded before they run (drawImage, patterns). */
export function imageSources(ops: readonly CanvasOp[]): string[] {
  const sources = new Set<string>();
  for (const op of ops) {
    if (op.name === 'drawImage' && typeof op.args[0] === 'string') sources.add(op.args[0]);
    if ((op.name === 'fillStyle' || op.name === 'strokeStyle') && op.args[0] instanceof PatternRecord) sources.add(op.args[0].src);
  }
  return [...sources];
}
