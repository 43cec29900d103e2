// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { CANVAS_ID_ATTRIBUTE, surfaceOf } from '../src/dom/components/canvas.js';
import { mount } from './dom-test-helpers.js';

describe('<canvas>', () => {
  it('renders a box holding the drawing surface, with its canvas-id reflected and the defaults styled', () => {
    const { $ } = mount('<canvas canvas-id="chart" class="c" style="width: 600rpx; height: 200px"/>');
    const element = $('canvas');
    expect(element.tagName).toBe('DIV');
    expect(element.getAttribute(CANVAS_ID_ATTRIBUTE)).toBe('chart');
    expect(element.getAttribute('style')).toBe('width: 300px; height: 200px');
    expect(surfaceOf(element).tagName).toBe('CANVAS');
    expect(surfaceOf(element).getAttribute('data-tt-part')).toBe('surface');
    const styles = document.querySelector('style[data-ttsim-canvas]')!;
    expect(styles.textContent).toContain(':where(div[data-tt="canvas"]) { display: block; position: relative; width: 300px; height: 150px;');
    // After the component stylesheet, so that both come before the page's TTSS.
    expect(styles.previousElementSibling?.hasAttribute('data-ttsim-components')).toBe(true);
  });

  it('keeps the same surface and its backing store across re-renders (a drawing survives setData)', () => {
    const { $, render } = mount('<view>{{n}}</view><canvas canvas-id="{{id}}" style="width: {{w}}px; height: 100px"/>', { n: 0, id: 'a', w: 200 });
    const element = $('canvas');
    const surface = surfaceOf(element);
    surface.width = 600;
    surface.height = 300;
    render({ n: 1, id: 'a', w: 250 });
    render({ n: 2, id: 'b', w: 250 });
    expect($('canvas')).toBe(element);
    expect(surfaceOf(element)).toBe(surface);
    expect([surface.width, surface.height]).toEqual([600, 300]);
    expect(element.getAttribute(CANVAS_ID_ATTRIBUTE)).toBe('b');
    expect(element.getAttribute('style')).toBe('width: 250px; height: 100px');
  });

  it('is a known component (no unknown-tag warning) and warns once that type="2d" is not emulated yet', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unknown: string[] = [];
    mount('<canvas type="2d" canvas-id="a"/><canvas type="2d" canvas-id="b"/>', {}, { onUnknownTag: (tag) => unknown.push(tag) });
    mount('<canvas type="2d" canvas-id="c"/>');
    expect(unknown).toEqual([]);
    expect(warn.mock.calls.filter(([m]) => String(m).includes('type="2d"'))).toHaveLength(1);
    warn.mockRestore();
  });

  it('marks disable-scroll so that touches on the surface do not scroll the page', () => {
    const { $ } = mount('<canvas canvas-id="a" disable-scroll/>');
    expect($('canvas').hasAttribute('data-tt-disable-scroll')).toBe(true);
  });
});
