import { describe, expect, it } from 'vitest';
import { jssdkVersionOf, rewriteWebAppHtml } from '../src/node/webapp-html.js';

const AGENT = '/g/s/t/__ttsim__/h5sdk.js';

describe('rewriteWebAppHtml', () => {
  it('puts ttsim in place of the JSSDK tag, whatever its host and version, and its agent first in <head>', () => {
    const html = [
      '<!doctype html><html><head><meta charset="utf-8">',
      '<script type="text/javascript" src="https://lf1-cdn-tos.bytegoofy.com/goofy/lark/op/h5-js-sdk-1.5.26.js"></script>',
      '<script src="lib.js"></script>',
      '</head><body><script src="app.js"></script></body></html>',
    ].join('\n');
    const out = rewriteWebAppHtml(html, AGENT);
    expect(out.jssdkUrls).toEqual(['https://lf1-cdn-tos.bytegoofy.com/goofy/lark/op/h5-js-sdk-1.5.26.js']);
    expect(out.html).not.toContain('bytegoofy.com/goofy/lark/op/h5-js-sdk-1.5.26.js"></script>');
    expect(out.html.indexOf(`<script src="${AGENT}"></script>`)).toBe(out.html.indexOf('<head>') + '<head>'.length);
    const marker = out.html.indexOf('<script data-ttsim-jssdk>window.__ttsimJssdk');
    expect(marker).toBeGreaterThan(out.html.indexOf('<meta charset'));
    expect(marker).toBeLessThan(out.html.indexOf('<script src="lib.js">'));
    expect(out.html).toContain('<script src="app.js"></script>');
  });

  it('leaves a page without the JSSDK alone apart from the agent, and copes without <head>', () => {
    const out = rewriteWebAppHtml('<p>hi</p><script src="x.js"></script>', AGENT);
    expect(out.jssdkUrls).toEqual([]);
    expect(out.html).toBe(`<script src="${AGENT}"></script><p>hi</p><script src="x.js"></script>`);
  });

  it('cannot be tricked into breaking out of the inline call', () => {
    const out = rewriteWebAppHtml('<head><script src="https://x/h5-js-sdk-1.0.js?a=</script><script>alert(1)//"></script></head>', AGENT);
    expect(out.html).not.toMatch(/<\/script><script>alert/);
  });

  it('reads the version from the file name', () => {
    expect(jssdkVersionOf('https://lf-scm-cn.feishucdn.com/lark/op/h5-js-sdk-1.5.x.js')).toBe('1.5.x');
    expect(jssdkVersionOf('//sf3-cn.feishucdn.com/obj/h5-js-sdk-1.5.34.js?v=2')).toBe('1.5.34');
    expect(jssdkVersionOf('https://cdn.example.com/not-the-sdk.js')).toBeUndefined();
  });
});
