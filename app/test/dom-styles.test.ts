// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileTtss } from '../src/ttss/index.js';
import { mount } from './dom-test-helpers.js';

function addStyle(ttss: string): void {
  const style = document.createElement('style');
  style.textContent = compileTtss(ttss, { path: 'app.ttss', rpxToPx: 0.5 });
  document.head.append(style);
}

describe('TTSS on the rendered DOM', () => {
  it('matches tag selectors with type-selector specificity', () => {
    const { $ } = mount('<view class="card"><text class="label">a</text></view>');
    document.head.querySelectorAll('style:not([data-ttsim-components])').forEach((s) => s.remove());
    // `.label` is declared first but wins over the later `text` (a class beats a type selector, as in WeChat);
    // `view text` beats `text` by specificity.
    addStyle('.label { color: blue; }\ntext { color: red; font-size: 24rpx; }\nview text { margin-left: 10rpx; }\ntext { margin-left: 2rpx; }');
    const text = $('text');
    expect(getComputedStyle(text).color).toBe('blue');
    expect(getComputedStyle(text).fontSize).toBe('12px');
    expect(getComputedStyle(text).marginLeft).toBe('5px');
  });

  it('styles the page root with `page`', () => {
    const { container } = mount('<view/>');
    addStyle('page { background-color: rgb(245, 246, 247); }');
    expect(getComputedStyle(container).backgroundColor).toBe('rgb(245, 246, 247)');
  });

  it('lets any page rule override the component defaults', () => {
    const { $ } = mount('<image class="preview" src="a.png"/><image src="b.png"/>');
    addStyle('.preview { width: 100px; }');
    const [styled, plain] = [...document.querySelectorAll('img')];
    expect(getComputedStyle(styled!).width).toBe('100px');
    expect(getComputedStyle(plain!).width).toBe('320px');
    expect(getComputedStyle($('image')).height).toBe('240px');
  });
});
