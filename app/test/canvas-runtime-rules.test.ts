// @vitest-environment happy-dom
/**
 * The rules tt.createCanvasContext records: those of every context, those of the draw() calls made before the
 * call is recorded, and the canvas those draws will look for, as it is on the page when the record is made.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FailResult } from '../../emulator-api/src/common/callbacks.js';
import { createProfile } from '../../emulator-api/src/common/profiles.js';
import { createCanvasRuntime, type CanvasPage } from '../src/runtime/canvas/runtime.js';
import type { CanvasContext } from '../src/runtime/canvas/context.js';
import { mount } from './dom-test-helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function open(ttml: string) {
  // <canvas type="2d"> warns that it is not emulated (the component's own test checks that).
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const { container } = mount(ttml);
  const page: CanvasPage = { route: 'pages/index/index', container };
  const runtime = createCanvasRuntime({
    document,
    profile: createProfile({ app: 'gadget', platform: 'android', client: '7.39.0' }),
    storeImage: () => Promise.reject(new Error('not in this test')),
    track: (work) => work,
    currentPage: () => page,
    componentScope: () => undefined,
    resolveImageSrc: (_route, src) => src,
  });
  const create = (canvasId: string) => {
    const rules: string[] = [];
    // The host's verdict never comes: nothing is drawn, only the rules are looked at.
    const checked = new Promise<FailResult | undefined>(() => {});
    const made = runtime.implementations().createCanvasContext({ args: [canvasId], checked }, { profile: {} as never, applyRule: (id) => void rules.push(id) });
    return { context: made.value as CanvasContext, record: () => made.beforeRecord(), rules };
  };
  return { container, create };
}

const every = ['recorded-until-draw', 'canvas-looked-up-at-draw', 'css-pixels', 'colors-and-fonts'];

describe('createCanvasContext rules', () => {
  it('every context: recorded until draw, CSS px, CSS colors and fonts; a draw() adds reserve and its callback', () => {
    const { create } = open('<canvas canvas-id="chart"/>');
    const plain = create('chart');
    plain.record();
    expect(plain.rules).toEqual(every);
    const drawn = create('chart');
    drawn.context.fillRect(0, 0, 10, 10);
    drawn.context.draw(true, () => {});
    drawn.record();
    expect(drawn.rules).toEqual([...every, 'draw-reserve', 'callback-after-pixels']);
  });

  it('a canvas-id not on the page when the call is recorded: missing-canvas; a type="2d" canvas: type-2d-not-emulated', () => {
    const { create } = open('<canvas canvas-id="chart"/><canvas type="2d" canvas-id="two"/>');
    const missing = create('nope');
    missing.context.draw();
    missing.record();
    expect(missing.rules).toContain('missing-canvas');
    const twoD = create('two');
    twoD.context.draw();
    twoD.record();
    expect(twoD.rules).toContain('type-2d-not-emulated');
    expect(twoD.rules).not.toContain('missing-canvas');
  });

  it('looks for the canvas when the call is recorded, so one rendered after draw() in the same turn is found', () => {
    const { container, create } = open('<view/>');
    const late = create('late');
    late.context.draw();
    const canvas = document.createElement('div');
    canvas.setAttribute('data-tt-canvas-id', 'late');
    container.append(canvas);
    late.record();
    expect(late.rules).not.toContain('missing-canvas');
    // A draw() after the record adds nothing to it.
    late.context.draw(false, () => {});
    expect(late.rules).not.toContain('callback-after-pixels');
  });
});
