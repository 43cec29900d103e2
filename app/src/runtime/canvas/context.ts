/**
 * CanvasContext, the mini-program drawing context that tt.createCanvasContext returns: every call is
 * recorded (ops.ts) and handed over on draw(). It also mirrors the drawing state as recorded so far, for the
 * property getters and for measureText, which answers at once for the current font.
 */
import { GradientRecord, PatternRecord, type CanvasOp, type OpName, type Style } from './ops.js';

/** What draw() hands over: the recorded operations, whether to keep what is on the canvas, the callback. */
export interface DrawBatch {
  readonly ops: readonly CanvasOp[];
  readonly reserve: boolean;
  readonly callback: (() => void) | undefined;
}

export interface CanvasContextOptions {
  /** Runs a drawing (the runtime draws it on the canvas once its images have loaded). */
  submit(batch: DrawBatch): void;
  /** Width in px of `text` in a CSS `font`. */
  measure(text: string, font: string): number;
  /** Whether `ctx.fillStyle = …` and the other property forms work (Feishu 3.45.0 and later). */
  readonly propertySetters: boolean;
  /** Where a property assignment that has no effect on this client is reported (once per context). */
  warn(message: string): void;
}

interface DrawingState {
  fillStyle: Style;
  strokeStyle: Style;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
  lineDashOffset: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  globalAlpha: number;
  globalCompositeOperation: string;
  shadowOffsetX: number;
  shadowOffsetY: number;
  shadowBlur: number;
  shadowColor: string;
}

/** A fresh canvas's state (the family's defaults are the HTML canvas's: 10px sans-serif, black, 1px lines). */
const DEFAULT_STATE: Readonly<DrawingState> = {
  fillStyle: '#000000',
  strokeStyle: '#000000',
  lineWidth: 1,
  lineCap: 'butt',
  lineJoin: 'miter',
  miterLimit: 10,
  lineDashOffset: 0,
  font: '10px sans-serif',
  textAlign: 'start',
  textBaseline: 'alphabetic',
  globalAlpha: 1,
  globalCompositeOperation: 'source-over',
  shadowOffsetX: 0,
  shadowOffsetY: 0,
  shadowBlur: 0,
  shadowColor: 'rgba(0, 0, 0, 0)',
};

type StateProperty = keyof DrawingState;
const STATE_PROPERTIES = Object.keys(DEFAULT_STATE) as StateProperty[];

/** The size in a CSS font shorthand ("bold 12px serif" → "bold 20px serif"). */
function withFontSize(font: string, size: number): string {
  const sized = font.replace(/(^|\s)\d*\.?\d+(px|pt|em|rem|%)(?=[\s/]|$)/, `$1${size}px`);
  return sized === font && !/\d(px|pt|em|rem|%)/.test(font) ? `${size}px sans-serif` : sized;
}

export class CanvasContext {
  readonly canvasId: string;
  // The property forms, defined on the prototype below.
  declare fillStyle: Style;
  declare strokeStyle: Style;
  declare lineWidth: number;
  declare lineCap: string;
  declare lineJoin: string;
  declare miterLimit: number;
  declare lineDashOffset: number;
  declare font: string;
  declare textAlign: string;
  declare textBaseline: string;
  declare globalAlpha: number;
  declare globalCompositeOperation: string;
  declare shadowOffsetX: number;
  declare shadowOffsetY: number;
  declare shadowBlur: number;
  declare shadowColor: string;
  #ops: CanvasOp[] = [];
  #state: DrawingState = { ...DEFAULT_STATE };
  readonly #saved: DrawingState[] = [];
  readonly #options: CanvasContextOptions;
  #warnedProperty = false;

  constructor(canvasId: string, options: CanvasContextOptions) {
    this.canvasId = canvasId;
    this.#options = options;
  }

  #record(name: OpName, args: readonly unknown[]): void {
    this.#ops.push({ name, args });
  }

  #set<P extends StateProperty>(property: P, value: DrawingState[P]): void {
    this.#state[property] = value;
    this.#record(property, [value]);
  }

  /** The property form (`ctx.lineWidth = 2`), present from Feishu 3.45.0. */
  #assign(property: StateProperty, value: unknown): void {
    if (!this.#options.propertySetters) {
      if (!this.#warnedProperty) {
        this.#warnedProperty = true;
        this.#options.warn(`CanvasContext.${property} = … has no effect on this client: the property forms need Feishu 3.45.0 or later; use the set… methods (setLineWidth, setFillStyle, …)`);
      }
      return;
    }
    if (property === 'textBaseline') this.setTextBaseline(String(value));
    else this.#set(property, value as never);
  }

  // --- styles --------------------------------------------------------------------------------------------

  setFillStyle(color: Style): void {
    this.#set('fillStyle', color);
  }
  setStrokeStyle(color: Style): void {
    this.#set('strokeStyle', color);
  }
  setLineWidth(lineWidth: number): void {
    this.#set('lineWidth', lineWidth);
  }
  setLineCap(lineCap: string): void {
    this.#set('lineCap', lineCap);
  }
  setLineJoin(lineJoin: string): void {
    this.#set('lineJoin', lineJoin);
  }
  setMiterLimit(miterLimit: number): void {
    this.#set('miterLimit', miterLimit);
  }
  setLineDash(pattern: readonly number[] = [], offset = 0): void {
    this.#state.lineDashOffset = offset;
    this.#record('setLineDash', [[...pattern], offset]);
  }
  setFontSize(fontSize: number): void {
    this.#set('font', withFontSize(this.#state.font, Number(fontSize)));
  }
  setTextAlign(align: string): void {
    this.#set('textAlign', align);
  }
  /** The family's 'normal' is the canvas's 'alphabetic'. */
  setTextBaseline(baseline: string): void {
    this.#set('textBaseline', baseline === 'normal' ? 'alphabetic' : baseline);
  }
  setGlobalAlpha(alpha: number): void {
    this.#set('globalAlpha', alpha);
  }
  setShadow(offsetX = 0, offsetY = 0, blur = 0, color = 'black'): void {
    Object.assign(this.#state, { shadowOffsetX: offsetX, shadowOffsetY: offsetY, shadowBlur: blur, shadowColor: color });
    this.#record('setShadow', [offsetX, offsetY, blur, color]);
  }

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): GradientRecord {
    return new GradientRecord('linear', [x0, y0, x1, y1]);
  }
  createCircularGradient(x: number, y: number, r: number): GradientRecord {
    return new GradientRecord('circular', [x, y, r]);
  }
  createPattern(image: string, repetition = 'repeat'): PatternRecord {
    return new PatternRecord(String(image), repetition);
  }

  // --- paths and drawing ---------------------------------------------------------------------------------

  beginPath(): void {
    this.#record('beginPath', []);
  }
  closePath(): void {
    this.#record('closePath', []);
  }
  moveTo(x: number, y: number): void {
    this.#record('moveTo', [x, y]);
  }
  lineTo(x: number, y: number): void {
    this.#record('lineTo', [x, y]);
  }
  arc(x: number, y: number, r: number, sAngle: number, eAngle: number, counterclockwise = false): void {
    this.#record('arc', [x, y, r, sAngle, eAngle, Boolean(counterclockwise)]);
  }
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void {
    this.#record('arcTo', [x1, y1, x2, y2, radius]);
  }
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void {
    this.#record('quadraticCurveTo', [cpx, cpy, x, y]);
  }
  bezierCurveTo(cp1x: number, cp1y: number, cp2x: number, cp2y: number, x: number, y: number): void {
    this.#record('bezierCurveTo', [cp1x, cp1y, cp2x, cp2y, x, y]);
  }
  rect(x: number, y: number, width: number, height: number): void {
    this.#record('rect', [x, y, width, height]);
  }
  fillRect(x: number, y: number, width: number, height: number): void {
    this.#record('fillRect', [x, y, width, height]);
  }
  strokeRect(x: number, y: number, width: number, height: number): void {
    this.#record('strokeRect', [x, y, width, height]);
  }
  clearRect(x: number, y: number, width: number, height: number): void {
    this.#record('clearRect', [x, y, width, height]);
  }
  fill(): void {
    this.#record('fill', []);
  }
  stroke(): void {
    this.#record('stroke', []);
  }
  clip(): void {
    this.#record('clip', []);
  }
  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    this.#record('fillText', maxWidth === undefined ? [String(text), x, y] : [String(text), x, y, maxWidth]);
  }
  strokeText(text: string, x: number, y: number, maxWidth?: number): void {
    this.#record('strokeText', maxWidth === undefined ? [String(text), x, y] : [String(text), x, y, maxWidth]);
  }
  /** Synchronous, for the font set so far (as the family's measureText). */
  measureText(text: string): { width: number } {
    return { width: this.#options.measure(String(text), this.#state.font) };
  }
  /** drawImage(src, dx, dy) | (src, dx, dy, dw, dh) | (src, sx, sy, sw, sh, dx, dy, dw, dh); src is a package path, ttfile:// path or URL. */
  drawImage(imageResource: string, ...numbers: number[]): void {
    this.#record('drawImage', [String(imageResource), ...numbers]);
  }

  // --- state stack and transforms ------------------------------------------------------------------------

  save(): void {
    this.#saved.push({ ...this.#state });
    this.#record('save', []);
  }
  restore(): void {
    const saved = this.#saved.pop();
    if (saved) this.#state = saved;
    this.#record('restore', []);
  }
  translate(x: number, y: number): void {
    this.#record('translate', [x, y]);
  }
  rotate(rotate: number): void {
    this.#record('rotate', [rotate]);
  }
  scale(scaleWidth: number, scaleHeight: number): void {
    this.#record('scale', [scaleWidth, scaleHeight]);
  }
  transform(scaleX: number, skewX: number, skewY: number, scaleY: number, translateX: number, translateY: number): void {
    this.#record('transform', [scaleX, skewX, skewY, scaleY, translateX, translateY]);
  }
  setTransform(scaleX: number, skewX: number, skewY: number, scaleY: number, translateX: number, translateY: number): void {
    this.#record('setTransform', [scaleX, skewX, skewY, scaleY, translateX, translateY]);
  }

  /** Draws what was recorded (after clearing the canvas unless `reserve`) and starts a new record. */
  draw(reserve = false, callback?: () => void): void {
    const ops = this.#ops;
    this.#ops = [];
    this.#options.submit({ ops, reserve: Boolean(reserve), callback: typeof callback === 'function' ? callback : undefined });
  }

  /** Recorded operations not yet drawn (for tests and the devtools). */
  pendingOps(): readonly CanvasOp[] {
    return this.#ops;
  }

  static {
    // The property forms: reading gives the state as recorded; writing records like the set… method.
    for (const property of STATE_PROPERTIES) {
      Object.defineProperty(CanvasContext.prototype, property, {
        configurable: true,
        enumerable: false,
        get(this: CanvasContext) {
          return this.#state[property];
        },
        set(this: CanvasContext, value: unknown) {
          this.#assign(property, value);
        },
      });
    }
  }
}
