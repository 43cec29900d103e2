// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { componentClassCondition, hostSelector, PAGE_CLASS_CONDITION, scopeClassSelectors } from '../src/runtime/gadget/style-scope.js';
import { componentFiles, openGadget, type ComponentModule } from './components-harness.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('scopeClassSelectors', () => {
  it('scopes every class selector (also in @media, :not() and nested rules) and maps :host; leaves the rest', () => {
    const css = [
      '.a .b > div:where([data-tt="view"]), #id.c:hover::before { color: red; }',
      '@media (min-width: 1px) { .m { top: 1px; } }',
      '@keyframes k { from { opacity: 0; } to { opacity: 1; } }',
      ':host { display: block; } :host(.on) { color: blue; }',
      'div:not(.x) { content: ".y"; background: url(a.b.png); }',
      '.p { color: red; .q { color: blue; } }',
    ].join('\n');
    const scoped = scopeClassSelectors(css, componentClassCondition('components/card/card'), hostSelector('components/card/card'));
    const c = ':where([data-tt-scope~="components/card/card"])';
    const host = '[data-tt-component~="components/card/card"]';
    expect(scoped).toBe(
      [
        `.a${c} .b${c} > div:where([data-tt="view"]), #id.c${c}:hover::before { color: red; }`,
        `@media (min-width: 1px) { .m${c} { top: 1px; } }`,
        '@keyframes k { from { opacity: 0; } to { opacity: 1; } }',
        `${host} { display: block; } ${host}:is(.on${c}) { color: blue; }`,
        `div:not(.x${c}) { content: ".y"; background: url(a.b.png); }`,
        `.p${c} { color: red; .q${c} { color: blue; } }`,
      ].join('\n'),
    );
    expect(scopeClassSelectors('.a{color:red}', PAGE_CLASS_CONDITION)).toBe('.a:where(:not([data-tt-scope]), [data-tt-scope~=":page"]){color:red}');
  });
});

const component = (isolation: string | undefined, extra: Record<string, unknown> = {}): ComponentModule => ({ Component }) => Component({ ...(isolation ? { options: { styleIsolation: isolation } } : {}), ...extra });

function gadget(pageTtml: string, using: Record<string, string>, components: Parameters<typeof componentFiles>[0], modules: Record<string, ComponentModule>, pageTtss: string) {
  return openGadget(
    {
      'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
      'app.ttss': '.from-app { margin-top: 3px; }',
      'pages/index/index.json': JSON.stringify({ usingComponents: using }),
      'pages/index/index.ttml': pageTtml,
      'pages/index/index.ttss': pageTtss,
      ...componentFiles(components),
    },
    modules,
    { data: {} },
  );
}

describe('style isolation', () => {
  const pageTtss = '.row { color: rgb(255, 0, 0); } .red { color: rgb(200, 0, 0); } .host-class { margin-left: 5px; }';
  const rowTtss = '.row { padding-left: 7px; } :host { display: block; }';

  it('marks component elements with their scope; isolated page classes do not apply inside, the component classes not outside', () => {
    const g = gadget(
      '<view class="row">page row</view><iso class="host-class"/><shared-one/><applied/>',
      { iso: '/components/iso/iso', 'shared-one': '/components/shared/shared', applied: '/components/applied/applied' },
      {
        'components/iso/iso': { ttml: '<view class="row from-app">iso</view>', ttss: rowTtss },
        'components/shared/shared': { ttml: '<view class="row">shared</view>', ttss: '.row { padding-right: 9px; }' },
        'components/applied/applied': { ttml: '<view class="row">applied</view>', ttss: '.row { padding-top: 4px; }', json: { styleIsolation: 'apply-shared' } },
      },
      { 'components/iso/iso.js': component(undefined), 'components/shared/shared.js': component('shared'), 'components/applied/applied.js': component('isolated') },
      pageTtss,
    );
    const [pageRow, isoRow, sharedRow, appliedRow] = g.$$('.row');
    expect(pageRow!.hasAttribute('data-tt-scope')).toBe(false);
    expect(isoRow!.getAttribute('data-tt-scope')).toBe('components/iso/iso');
    expect(sharedRow!.getAttribute('data-tt-scope')).toBe('components/shared/shared :page');
    // The JSON's styleIsolation wins over the JS options.
    expect(appliedRow!.getAttribute('data-tt-scope')).toBe('components/applied/applied :page');
    expect(g.$('iso').getAttribute('data-tt-component')).toBe('components/iso/iso');
    expect(g.$('iso').hasAttribute('data-tt-scope')).toBe(false);

    const style = (element: Element) => getComputedStyle(element);
    expect(style(pageRow!).color).toBe('rgb(255, 0, 0)');
    expect(style(pageRow!).paddingLeft).not.toBe('7px');
    expect(style(pageRow!).paddingRight).toBe('9px');
    expect(style(isoRow!).color).not.toBe('rgb(255, 0, 0)');
    expect(style(isoRow!).paddingLeft).toBe('7px');
    expect(style(isoRow!).marginTop).not.toBe('3px');
    expect(style(sharedRow!).color).toBe('rgb(255, 0, 0)');
    expect(style(appliedRow!).color).toBe('rgb(255, 0, 0)');
    expect(style(appliedRow!).paddingRight).toBe('9px');
    expect(style(appliedRow!).paddingTop).toBe('4px');
    expect(style(pageRow!).paddingTop).not.toBe('4px');
    expect(style(g.$('iso')).display).toBe('block');
    expect(style(g.$('iso')).marginLeft).toBe('5px');
    expect(style(g.$('applied')).display).toBe('inline');
    expect(g.container.querySelectorAll('style[data-ttsim-style="components/iso/iso.ttss"]')).toHaveLength(1);
  });

  it('externalClasses take the classes the parent gives, styled by the parent', async () => {
    const g = gadget(
      '<ext my-class="{{cls}}"/>',
      { ext: '/components/ext/ext' },
      { 'components/ext/ext': { ttml: '<view class="own my-class">x</view>', ttss: '.own { padding-left: 2px; }' } },
      { 'components/ext/ext.js': component(undefined, { externalClasses: ['my-class'] }) },
      pageTtss,
    );
    g.page.setData({ cls: 'red' });
    await g.settle();
    const inner = g.$('ext view');
    expect(inner.className).toBe('own red');
    expect(inner.getAttribute('data-tt-scope')).toBe('components/ext/ext :page');
    expect(getComputedStyle(inner).color).toBe('rgb(200, 0, 0)');
    expect(getComputedStyle(inner).paddingLeft).toBe('2px');
  });
});
