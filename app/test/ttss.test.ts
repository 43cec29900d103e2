import { describe, expect, it } from 'vitest';
import { compileTtss, convertRpx, toDomSelector, TtssError } from '../src/ttss/index.js';
import { tokenizeCss } from '../src/ttss/css-tokenizer.js';

const compile = (source: string, rpxToPx = 1, files: Record<string, string> = {}, path = 'pages/index/index.ttss') => compileTtss(source, { path, rpxToPx, load: (p) => files[p] });

describe('css tokenizer', () => {
  it('gives back the source when its tokens are joined', () => {
    const source = `@import url(a.css); /* c { } */ .a[b="x}"]::after { content: "\\"}"; width: calc(100% - 2rpx) !important; background: url( "x.png" ) } #id>view+text~image{}`;
    expect(tokenizeCss(source).map((t) => t.text).join('')).toBe(source);
  });

  it('tells dimensions from names', () => {
    const types = tokenizeCss('10rpx .rpxbox #a10rpx -5.5rpx 1e2rpx 2em a1rpx').filter((t) => t.type !== 'whitespace').map((t) => `${t.type}:${t.text}`);
    expect(types).toEqual(['dimension:10rpx', 'delim:.', 'ident:rpxbox', 'hash:#a10rpx', 'dimension:-5.5rpx', 'dimension:1e2rpx', 'dimension:2em', 'ident:a1rpx']);
  });
});

describe('rpx', () => {
  it('converts rpx with the ratio, rounding to 4 decimals', () => {
    expect(convertRpx('width: 750rpx', 0.5)).toBe('width: 375px');
    expect(convertRpx('margin: 24rpx -10rpx 0rpx .5rpx', 390 / 750)).toBe('margin: 12.48px -5.2px 0px 0.26px');
    expect(convertRpx('width: 1rpx', 1 / 3)).toBe('width: 0.3333px');
    expect(convertRpx('width: 10RPX', 2)).toBe('width: 20px');
  });

  it('leaves strings, urls, names and other units alone', () => {
    const css = `content: "10rpx"; background: url(img/10rpx.png); font: 12px a10rpx; width: calc(100% - 20rpx); b: url('x-2rpx.png')`;
    expect(convertRpx(css, 0.5)).toBe(`content: "10rpx"; background: url(img/10rpx.png); font: 12px a10rpx; width: calc(100% - 10px); b: url('x-2rpx.png')`);
  });

  it('converts in stylesheets but not in selectors', () => {
    expect(compile('.rpxbox .w-10rpx { width: 100rpx; }', 0.5)).toBe('.rpxbox .w-10rpx { width: 50px; }');
    expect(compile('@media (min-width: 750rpx) { .a { margin: 2rpx } }', 0.5)).toBe('@media (min-width: 375px) { .a { margin: 1px } }');
  });
});

describe('tag selectors', () => {
  it('rewrites TTML type selectors to the marker scheme', () => {
    expect(toDomSelector('view')).toBe('div:where([data-tt="view"])');
    expect(toDomSelector('view.item > text')).toBe('div:where([data-tt="view"]).item > span:where([data-tt="text"])');
    expect(toDomSelector('button#go')).toBe('button:where([data-tt="button"])#go');
    expect(toDomSelector('page')).toBe('div:where([data-tt="page"])');
    expect(toDomSelector('scroll-view image, icon')).toBe('div:where([data-tt="scroll-view"]) img:where([data-tt="image"]), span:where([data-tt="icon"])');
    expect(toDomSelector('swiper-item')).toBe('div:where([data-tt="swiper-item"])');
  });

  it('leaves classes, ids, attributes, pseudo-classes and their arguments alone', () => {
    expect(toDomSelector('.view #text [data-x=view] a:hover ::after')).toBe('.view #text [data-x=view] div:where([data-tt="a"]):hover ::after');
    expect(toDomSelector('.a:nth-child(odd):not(view, .b)')).toBe('.a:nth-child(odd):not(div:where([data-tt="view"]), .b)');
    expect(toDomSelector('*')).toBe('*');
    expect(toDomSelector('view::before')).toBe('div:where([data-tt="view"])::before');
  });

  it('rewrites rule selectors in stylesheets, @media blocks and nested rules, never in keyframes or declarations', () => {
    const css = `page { background: #fff; }
@media (max-width: 400px) { text { color: red } }
@keyframes spin { from { transform: rotate(0) } 50% { opacity: .5 } to { transform: rotate(360deg) } }
.card { color: text; & view { margin: 0 } }
@font-face { font-family: view; src: url(view.woff) }`;
    expect(compile(css)).toBe(`div:where([data-tt="page"]) { background: #fff; }
@media (max-width: 400px) { span:where([data-tt="text"]) { color: red } }
@keyframes spin { from { transform: rotate(0) } 50% { opacity: .5 } to { transform: rotate(360deg) } }
.card { color: text; & div:where([data-tt="view"]) { margin: 0 } }
@font-face { font-family: view; src: url(view.woff) }`);
  });

  it('keeps comments and unknown at-rules', () => {
    expect(compile('/* view { } */\n@charset "utf-8";\n@supports (display: grid) { view { display: grid } }')).toBe('/* view { } */\n@charset "utf-8";\n@supports (display: grid) { div:where([data-tt="view"]) { display: grid } }');
  });
});

describe('@import', () => {
  const files = {
    'common/base.ttss': '.base { margin: 20rpx; }',
    'pages/index/local.ttss': '@import "/common/base.ttss";\n.local { padding: 10rpx }',
  };

  it('inlines relative and root-absolute imports, compiled with the same ratio', () => {
    expect(compile(`@import "./local.ttss";\n@import '../../common/base.ttss';\nview { top: 2rpx }`, 0.5, files)).toBe(
      '.base { margin: 10px; }\n.local { padding: 5px }\n.base { margin: 10px; }\ndiv:where([data-tt="view"]) { top: 1px }',
    );
    expect(compile('@import url("/common/base.ttss");', 1, files)).toBe('.base { margin: 20px; }');
    expect(compile('@import url(/common/base.ttss);', 1, files)).toBe('.base { margin: 20px; }');
  });

  it('wraps an import with a media list', () => {
    expect(compile('@import "/common/base.ttss" screen and (min-width: 300px);', 1, files)).toBe('@media screen and (min-width: 300px) {\n.base { margin: 20px; }\n}');
  });

  it('leaves remote imports as they are', () => {
    expect(compile('@import url(https://fonts.example/x.css);\n.a{}')).toBe('@import url(https://fonts.example/x.css);\n.a{}');
  });

  it('reports a missing file with path and line', () => {
    expect(() => compile('.a {}\n\n  @import "./nope.ttss";')).toThrow(new TtssError('pages/index/index.ttss', 3, 3, 'cannot @import "./nope.ttss": pages/index/nope.ttss does not exist'));
  });

  it('turns a cycle into an error', () => {
    const cyclic = { 'a.ttss': '@import "b.ttss";', 'b.ttss': '.b{}\n@import "a.ttss";' };
    try {
      compile('@import "a.ttss";', 1, cyclic, 'app.ttss');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TtssError);
      expect((error as TtssError).message).toBe('b.ttss:2:1: @import cycle: a.ttss → b.ttss → a.ttss');
    }
  });
});
