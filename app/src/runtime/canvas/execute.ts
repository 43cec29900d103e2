/**
 * Runs recorded operations on a real CanvasRenderingContext2D whose base transform scales CSS px to the
 * backing store (ratio = device pixels per CSS px). setTransform is composed with that base, so a gadget's
 * matrices stay in CSS px. An operation the canvas rejects (a negative radius, a bad argument) is reported
 * and skipped; the rest still draw.
 */
import { GradientRecord, PatternRecord, type CanvasOp, type Style } from './ops.js';

export interface ExecuteOptions {
  /** Device pixels per CSS px of the backing store. */
  readonly ratio: number;
  /** Loaded images by the source string the gadget gave (drawImage, createPattern). */
  readonly images: ReadonlyMap<string, CanvasImageSource>;
  warn(message: string): void;
}

const PROPERTIES = new Set([
  'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'lineDashOffset', 'font', 'textAlign', 'textBaseline', 'globalAlpha',
  'globalCompositeOperation', 'shadowOffsetX', 'shadowOffsetY', 'shadowBlur', 'shadowColor',
]);

function canvasStyle(ctx: CanvasRenderingContext2D, style: Style, images: ExecuteOptions['images']): string | CanvasGradient | CanvasPattern | undefined {
  if (style instanceof GradientRecord) {
    const [a = 0, b = 0, c = 0, d = 0] = style.coords;
    const gradient = style.kind === 'linear' ? ctx.createLinearGradient(a, b, c, d) : ctx.createRadialGradient(a, b, 0, a, b, c);
    for (const [stop, color] of style.stops) gradient.addColorStop(stop, color);
    return gradient;
  }
  if (style instanceof PatternRecord) {
    const image = images.get(style.src);
    return image ? (ctx.createPattern(image, style.repetition) ?? undefined) : undefined;
  }
  return String(style);
}

function run(ctx: CanvasRenderingContext2D, op: CanvasOp, options: ExecuteOptions): void {
  const args = op.args as unknown[];
  const n = (i: number) => Number(args[i]);
  switch (op.name) {
    case 'fillStyle':
    case 'strokeStyle': {
      const style = canvasStyle(ctx, args[0] as Style, options.images);
      if (style !== undefined) ctx[op.name] = style;
      return;
    }
    case 'setLineDash':
      ctx.setLineDash((args[0] as number[]).map(Number));
      ctx.lineDashOffset = n(1);
      return;
    case 'setShadow':
      ctx.shadowOffsetX = n(0);
      ctx.shadowOffsetY = n(1);
      ctx.shadowBlur = n(2);
      ctx.shadowColor = String(args[3]);
      return;
    case 'setTransform': {
      const r = options.ratio;
      ctx.setTransform(r * n(0), r * n(1), r * n(2), r * n(3), r * n(4), r * n(5));
      return;
    }
    case 'drawImage': {
      const image = options.images.get(String(args[0]));
      if (!image) return; // the loader has said why
      const numbers = args.slice(1).map(Number);
      if (numbers.length >= 8) ctx.drawImage(image, numbers[0]!, numbers[1]!, numbers[2]!, numbers[3]!, numbers[4]!, numbers[5]!, numbers[6]!, numbers[7]!);
      else if (numbers.length >= 4) ctx.drawImage(image, numbers[0]!, numbers[1]!, numbers[2]!, numbers[3]!);
      else ctx.drawImage(image, numbers[0] ?? 0, numbers[1] ?? 0);
      return;
    }
    default:
      if (PROPERTIES.has(op.name)) (ctx as unknown as Record<string, unknown>)[op.name] = args[0];
      else (ctx as unknown as Record<string, (...a: unknown[]) => void>)[op.name]!(...args);
  }
}

export function executeOps(ctx: CanvasRenderingContext2D, ops: readonly CanvasOp[], options: ExecuteOptions): void {
  for (const op of ops) {
    try {
      run(ctx, op, options);
    } catch (error) {
      options.warn(`CanvasContext.${op.name}(${op.args.map((a) => JSON.stringify(a) ?? String(a)).join(', ')}) was skipped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
