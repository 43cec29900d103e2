// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CanvasContext, type DrawBatch } from '../src/runtime/canvas/context.js';
import { executeOps } from '../src/runtime/canvas/execute.js';
import { GradientRecord, imageSources, PatternRecord, type CanvasOp } from '../src/runtime/canvas/ops.js';

function recorder(options: { propertySetters?: boolean } = {}) {
  const batches: DrawBatch[] = [];
  const warnings: string[] = [];
  const measured: [string, string][] = [];
  const context = new CanvasContext('c', {
    submit: (batch) => batches.push(batch),
    // 7 px per character in the font's px size / 10: enough to tell fonts apart.
    measure: (text, font) => {
      measured.push([text, font]);
      return text.length * Number(/(\d+)px/.exec(font)![1]) * 0.7;
    },
    propertySetters: options.propertySetters ?? true,
    warn: (message) => warnings.push(message),
  });
  return { context, batches, warnings, measured };
}

const names = (ops: readonly CanvasOp[]) => ops.map((op) => op.name);

describe('CanvasContext records until draw()', () => {
  it('records the mini-program calls as canvas operations in order and hands them over on draw', () => {
    const { context, batches } = recorder();
    context.setFillStyle('#ff0000');
    context.fillRect(10, 10, 100, 60);
    context.beginPath();
    context.arc(150, 100, 40, 0, Math.PI * 2);
    context.setStrokeStyle('rgba(0, 0, 255, 0.5)');
    context.setLineWidth(3);
    context.stroke();
    context.fillText('Hello', 10, 170);
    context.fillText('Wide', 10, 190, 30);
    expect(batches).toEqual([]);
    expect(names(context.pendingOps())).toEqual(['fillStyle', 'fillRect', 'beginPath', 'arc', 'strokeStyle', 'lineWidth', 'stroke', 'fillText', 'fillText']);

    const done = () => {};
    context.draw(false, done);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.reserve).toBe(false);
    expect(batches[0]!.callback).toBe(done);
    expect(batches[0]!.ops).toEqual([
      { name: 'fillStyle', args: ['#ff0000'] },
      { name: 'fillRect', args: [10, 10, 100, 60] },
      { name: 'beginPath', args: [] },
      { name: 'arc', args: [150, 100, 40, 0, Math.PI * 2, false] },
      { name: 'strokeStyle', args: ['rgba(0, 0, 255, 0.5)'] },
      { name: 'lineWidth', args: [3] },
      { name: 'stroke', args: [] },
      // maxWidth only when given: the canvas draws nothing for fillText(t, x, y, undefined).
      { name: 'fillText', args: ['Hello', 10, 170] },
      { name: 'fillText', args: ['Wide', 10, 190, 30] },
    ]);
    expect(context.pendingOps()).toEqual([]);

    context.draw(true);
    expect(batches[1]).toEqual({ ops: [], reserve: true, callback: undefined });
  });

  it('gives the property forms the same operations as the set… methods, and reads them back', () => {
    const { context } = recorder();
    context.fillStyle = 'blue';
    context.lineWidth = 4;
    context.font = 'bold 20px serif';
    context.globalAlpha = 0.5;
    context.textBaseline = 'normal';
    expect(context.pendingOps()).toEqual([
      { name: 'fillStyle', args: ['blue'] },
      { name: 'lineWidth', args: [4] },
      { name: 'font', args: ['bold 20px serif'] },
      { name: 'globalAlpha', args: [0.5] },
      { name: 'textBaseline', args: ['alphabetic'] },
    ]);
    expect([context.fillStyle, context.lineWidth, context.font, context.globalAlpha, context.textBaseline]).toEqual(['blue', 4, 'bold 20px serif', 0.5, 'alphabetic']);
  });

  it('ignores the property forms before client 3.45 and warns once', () => {
    const { context, warnings } = recorder({ propertySetters: false });
    context.lineWidth = 4;
    context.fillStyle = 'blue';
    context.setLineWidth(2);
    expect(context.pendingOps()).toEqual([{ name: 'lineWidth', args: [2] }]);
    expect(context.lineWidth).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('3.45.0');
  });

  it('changes only the size of the font with setFontSize, and measures text in the current font (save / restore too)', () => {
    const { context, measured } = recorder();
    expect(context.font).toBe('10px sans-serif');
    expect(context.measureText('abcd')).toEqual({ width: 28 });
    context.font = 'italic bold 12px/1.5 "PingFang SC", serif';
    context.setFontSize(20);
    expect(context.font).toBe('italic bold 20px/1.5 "PingFang SC", serif');
    context.save();
    context.setFontSize(30);
    expect(context.measureText('ab').width).toBe(42);
    context.restore();
    expect(context.measureText('ab').width).toBe(28);
    expect(measured.map(([, font]) => font)).toEqual(['10px sans-serif', 'italic bold 30px/1.5 "PingFang SC", serif', 'italic bold 20px/1.5 "PingFang SC", serif']);
    expect(names(context.pendingOps())).toEqual(['font', 'font', 'save', 'font', 'restore']);
  });

  it('records gradients, patterns, images, dashes, shadows and transforms', () => {
    const { context } = recorder();
    const linear = context.createLinearGradient(0, 0, 300, 0);
    linear.addColorStop(0, 'red');
    linear.addColorStop(1, '#0000ff');
    context.setFillStyle(linear);
    const circular = context.createCircularGradient(50, 50, 40);
    circular.addColorStop(0.5, 'white');
    context.setStrokeStyle(circular);
    const pattern = context.createPattern('/images/tile.png', 'repeat-x');
    context.setFillStyle(pattern);
    context.drawImage('ttfile://temp/a.png', 0, 0, 100, 100);
    context.drawImage('../../images/b.png', 0, 0, 10, 10, 20, 20, 50, 50);
    context.setLineDash([4, 2], 1);
    context.setShadow(2, 3, 4, 'gray');
    context.translate(10, 20);
    context.rotate(Math.PI / 2);
    context.scale(2, 3);
    context.setTransform(1, 0, 0, 1, 5, 5);
    context.setTextBaseline('normal');
    const ops = context.pendingOps();
    expect(ops[0]).toEqual({ name: 'fillStyle', args: [linear] });
    expect(linear).toBeInstanceOf(GradientRecord);
    expect([linear.kind, linear.coords, linear.stops]).toEqual(['linear', [0, 0, 300, 0], [[0, 'red'], [1, '#0000ff']]]);
    expect([circular.kind, circular.coords]).toEqual(['circular', [50, 50, 40]]);
    expect(pattern).toEqual(new PatternRecord('/images/tile.png', 'repeat-x'));
    expect(ops.slice(3)).toEqual([
      { name: 'drawImage', args: ['ttfile://temp/a.png', 0, 0, 100, 100] },
      { name: 'drawImage', args: ['../../images/b.png', 0, 0, 10, 10, 20, 20, 50, 50] },
      { name: 'setLineDash', args: [[4, 2], 1] },
      { name: 'setShadow', args: [2, 3, 4, 'gray'] },
      { name: 'translate', args: [10, 20] },
      { name: 'rotate', args: [Math.PI / 2] },
      { name: 'scale', args: [2, 3] },
      { name: 'setTransform', args: [1, 0, 0, 1, 5, 5] },
      { name: 'textBaseline', args: ['alphabetic'] },
    ]);
    expect(imageSources(ops)).toEqual(['/images/tile.png', 'ttfile://temp/a.png', '../../images/b.png']);
  });
});

/** A stand-in 2D context that logs what it is told, to check how operations reach the canvas. */
function fakeContext(overrides: Record<string, unknown> = {}) {
  const log: string[] = [];
  const gradient = (kind: string, args: number[]) => ({ addColorStop: (stop: number, color: string) => log.push(`${kind}.addColorStop(${stop}, ${color})`), args });
  const target: Record<string, unknown> = {
    createLinearGradient: (...args: number[]) => (log.push(`createLinearGradient(${args.join(', ')})`), gradient('linear', args)),
    createRadialGradient: (...args: number[]) => (log.push(`createRadialGradient(${args.join(', ')})`), gradient('radial', args)),
    createPattern: (_image: unknown, repetition: string) => (log.push(`createPattern(${repetition})`), { pattern: repetition }),
    ...overrides,
  };
  const ctx = new Proxy(target, {
    get: (t, name: string) => (name in t ? t[name] : (...args: unknown[]) => void log.push(`${name}(${args.map((a) => (typeof a === 'object' ? 'image' : String(a))).join(', ')})`)),
    set: (t, name: string, value: unknown) => (log.push(`${name} = ${typeof value === 'object' ? 'object' : String(value)}`), true),
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, log };
}

describe('executeOps', () => {
  it('composes setTransform with the pixel ratio, turns gradients real and skips images that did not load', () => {
    const { context } = recorder();
    const gradient = context.createCircularGradient(50, 40, 30);
    gradient.addColorStop(0, 'red');
    context.setFillStyle(gradient);
    context.setTransform(1, 0, 0, 2, 10, 20);
    context.drawImage('loaded.png', 1, 2);
    context.drawImage('missing.png', 1, 2);
    context.fillText('t', 1, 2);
    context.setLineDash([3, 1], 2);
    context.setFillStyle(context.createPattern('loaded.png', 'no-repeat'));
    const { ctx, log } = fakeContext();
    const warnings: string[] = [];
    executeOps(ctx, context.pendingOps(), { ratio: 3, images: new Map([['loaded.png', {} as CanvasImageSource]]), warn: (m) => warnings.push(m) });
    expect(log).toEqual([
      'createRadialGradient(50, 40, 0, 50, 40, 30)',
      'radial.addColorStop(0, red)',
      'fillStyle = object',
      'setTransform(3, 0, 0, 6, 30, 60)',
      'drawImage(image, 1, 2)',
      'fillText(t, 1, 2)',
      'setLineDash(image)',
      'lineDashOffset = 2',
      'createPattern(no-repeat)',
      'fillStyle = object',
    ]);
    expect(warnings).toEqual([]);
  });

  it('reports an operation the canvas rejects and still runs the others', () => {
    const { context } = recorder();
    context.arc(0, 0, -1, 0, 1);
    context.fillRect(0, 0, 1, 1);
    const { ctx, log } = fakeContext({
      arc: () => {
        throw new RangeError('The radius provided (-1) is negative.');
      },
    });
    const warnings: string[] = [];
    executeOps(ctx, context.pendingOps(), { ratio: 1, images: new Map(), warn: (m) => warnings.push(m) });
    expect(log).toEqual(['fillRect(0, 0, 1, 1)']);
    expect(warnings).toEqual(['CanvasContext.arc(0, 0, -1, 0, 1, false) was skipped: The radius provided (-1) is negative.']);
  });
});
