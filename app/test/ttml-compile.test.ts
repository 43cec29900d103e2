import { describe, expect, it } from 'vitest';
import { TtmlError, type VElement, type VNode } from '../src/ttml/index.js';
import { compileTtml } from './ttml-test-helpers.js';

function render(source: string, data: Record<string, unknown> = {}, files: Record<string, string> = {}): VNode[] {
  return compileTtml(source, { path: 'pages/index/index.ttml', load: (p) => files[p] }).render(data);
}

/** A compact text form of a tree: `view.a(text("hi"))`. */
function show(nodes: readonly VNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return JSON.stringify(node.text);
      const cls = typeof node.attrs.class === 'string' && node.attrs.class ? `.${node.attrs.class.split(' ').join('.')}` : '';
      const key = node.key !== undefined ? `#${String(node.key)}` : '';
      return `${node.tag}${cls}${key}${node.children.length ? `(${show(node.children)})` : ''}`;
    })
    .join(' ');
}

function compileError(source: string, files: Record<string, string> = {}, path = 'pages/index/index.ttml'): TtmlError {
  try {
    compileTtml(source, { path, load: (p) => files[p] });
  } catch (error) {
    expect(error).toBeInstanceOf(TtmlError);
    return error as TtmlError;
  }
  throw new Error('expected a compile error');
}

describe('TTML structure', () => {
  it('keeps tag and attribute case, self-closing tags and nesting as written', () => {
    const nodes = render('<view class="a"><image src="x.png" /><button><input/></button><scroll-view scrollY="{{true}}"/></view>');
    expect(show(nodes)).toBe('view.a(image button(input) scroll-view)');
    expect(((nodes[0] as VElement).children[2] as VElement).attrs).toEqual({ scrollY: true });
  });

  it('mixes text and bindings, drops indentation, decodes entities', () => {
    const nodes = render('<view>\n  <text>Quality {{q}} &amp; more</text>\n  <text> {{a}} {{b}} </text>\n</view>', { q: 80, a: 1, b: 2 });
    expect(show(nodes)).toBe('view(text("Quality 80 & more") text(" 1 2 "))');
  });

  it('records the source line of each element', () => {
    const nodes = render('<view>\n\n  <text>a</text>\n</view>');
    const view = nodes[0] as VElement;
    expect(view.source).toEqual({ path: 'pages/index/index.ttml', line: 1 });
    expect((view.children[0] as VElement).source.line).toBe(3);
  });

  it('renders only the children of <block>', () => {
    expect(show(render('<block><view/><text>t</text></block>'))).toBe('view text("t")');
  });
});

describe('tt:if chains', () => {
  const source = `
    <view tt:if="{{n > 1}}" class="many"/>
    <view tt:elif="{{n === 1}}" class="one"/>
    <view tt:else class="none"/>
    <text>after</text>`;
  it('picks the first true branch', () => {
    expect(show(render(source, { n: 5 }))).toBe('view.many text("after")');
    expect(show(render(source, { n: 1 }))).toBe('view.one text("after")');
    expect(show(render(source, { n: 0 }))).toBe('view.none text("after")');
  });

  it('treats a static "false" as a non-empty string (true), as WeChat does', () => {
    expect(show(render('<view tt:if="false"/>'))).toBe('view');
    expect(show(render('<view tt:if="{{false}}"/>'))).toBe('');
  });

  it('works on <block> and separate chains stay separate', () => {
    const nodes = render('<block tt:if="{{a}}"><text>a1</text><text>a2</text></block><view tt:else/><view tt:if="{{b}}" class="b"/>', { a: true, b: true });
    expect(show(nodes)).toBe('text("a1") text("a2") view.b');
  });

  it('rejects tt:elif and tt:else without tt:if', () => {
    const error = compileError('<view>\n  <text>x</text>\n  <view tt:elif="{{a}}"/>\n</view>');
    expect(error.line).toBe(3);
    expect(error.column).toBe(9);
    expect(error.message).toBe('pages/index/index.ttml:3:9: tt:elif must follow an element with tt:if or tt:elif');
    expect(compileError('<view tt:if="{{a}}"/>\n<text>between</text>\n<view tt:else/>').line).toBe(3);
  });
});

describe('tt:for', () => {
  it('iterates arrays with item and index, and keys by property', () => {
    const nodes = render('<view tt:for="{{list}}" tt:key="id" class="row">{{index}}:{{item.name}}</view>', { list: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] });
    expect(show(nodes)).toBe('view.row#a("0:A") view.row#b("1:B")');
  });

  it('supports custom item and index names in nested loops', () => {
    const source = `<view tt:for="{{groups}}" tt:for-item="group" tt:for-index="g" tt:key="name">
      <text tt:for="{{group.items}}" tt:for-item="it" tt:for-index="i" tt:key="*this">{{g}}.{{i}}={{it}} of {{group.name}}</text>
    </view>`;
    const nodes = render(source, { groups: [{ name: 'x', items: ['p', 'q'] }, { name: 'y', items: ['r'] }] });
    expect(show(nodes)).toBe('view#x(text#p("0.0=p of x") text#q("0.1=q of x")) view#y(text#r("1.0=r of y"))');
  });

  it('iterates a number, a string and an object (index = key)', () => {
    expect(show(render('<text tt:for="{{3}}">{{item}}</text>'))).toBe('text("0") text("1") text("2")');
    expect(show(render('<text tt:for="ab">{{index}}{{item}}</text>'))).toBe('text("0a") text("1b")');
    expect(show(render('<text tt:for="{{o}}">{{index}}={{item}}</text>', { o: { x: 1, y: 2 } }))).toBe('text("x=1") text("y=2")');
    expect(show(render('<text tt:for="{{nothing}}">x</text>'))).toBe('');
  });

  it('applies tt:if per item and keys every element of a <block> iteration', () => {
    expect(show(render('<text tt:for="{{[1,2,3,4]}}" tt:if="{{item % 2 === 0}}">{{item}}</text>'))).toBe('text("2") text("4")');
    expect(show(render('<block tt:for="{{[{id:1}]}}" tt:key="id"><view/><text/></block>'))).toBe('view#1:0 text#1:1');
  });

  it('keeps the outer data visible inside the loop', () => {
    expect(show(render('<text tt:for="{{list}}">{{prefix}}{{item}}</text>', { list: ['a'], prefix: '>' }))).toBe('text(">a")');
  });
});

describe('events and dataset', () => {
  it('parses every binding form', () => {
    const [view] = render('<view bindtap="a" catchtap="b" bind:input="c" catch:longpress="d" capture-bind:tap="e" capture-catch:touchstart="f" bindchange="{{name}}" bindblur=""/>', { name: 'g' }) as VElement[];
    expect(view!.events).toEqual([
      { event: 'tap', handler: 'a', catch: false, capture: false },
      { event: 'tap', handler: 'b', catch: true, capture: false },
      { event: 'input', handler: 'c', catch: false, capture: false },
      { event: 'longpress', handler: 'd', catch: true, capture: false },
      { event: 'tap', handler: 'e', catch: false, capture: true },
      { event: 'touchstart', handler: 'f', catch: true, capture: true },
      { event: 'change', handler: 'g', catch: false, capture: false },
    ]);
    expect(view!.attrs).toEqual({});
  });

  it('puts data-* into the dataset with camelCase keys', () => {
    const [view] = render('<view data-item-id="{{x}}" data-name="n" data-elementType="t" data-flag/>', { x: 7 }) as VElement[];
    expect(view!.dataset).toEqual({ itemId: 7, name: 'n', elementtype: 't', flag: true });
  });
});

describe('templates, import and include', () => {
  const files = {
    'pages/common/card.ttml': '<template name="card"><view class="card">{{title}}: {{count}}</view></template><template name="tag"><text>{{label}}</text></template>\n<view>not rendered by import</view>',
    'pages/common/header.ttml': '<template name="hidden-by-include"><text/></template><view class="header">{{title}}</view>',
    'shared/footer.ttml': '<view class="footer">{{year}}</view>',
  };

  it('calls a template with spread data and with object members', () => {
    const source = '<import src="../common/card.ttml"/><template is="card" data="{{...item}}"/><template is="card" data="{{title: \'x\', count}}"/>';
    expect(show(render(source, { item: { title: 'A', count: 1 }, count: 2 }, files))).toBe('view.card("A: 1") view.card("x: 2")');
  });

  it('gives a template only its data', () => {
    expect(show(render('<template name="t"><text>{{title}}|{{outer}}</text></template><template is="t" data="{{title}}"/>', { title: 'T', outer: 'O' }))).toBe('text("T|")');
  });

  it('resolves a dynamic template name, and renders nothing for an unknown one', () => {
    const source = '<import src="/pages/common/card.ttml"/><template tt:for="{{kinds}}" is="{{item}}" data="{{label: item, title: item, count: index}}"/>';
    expect(show(render(source, { kinds: ['tag', 'card', 'nope'] }, files))).toBe('text("tag") view.card("card: 1")');
  });

  it('includes a file without its templates, relative or root-absolute', () => {
    const source = '<include src="../common/header.ttml"/><include src="/shared/footer.ttml"/>';
    expect(show(render(source, { title: 'H', year: 2024 }, files))).toBe('view.header("H") view.footer("2024")');
    const header = render(source, { title: 'H' }, files)[0] as VElement;
    expect(header.source).toEqual({ path: 'pages/common/header.ttml', line: 1 });
  });

  it('does not make imports transitive', () => {
    const more = { ...files, 'pages/a.ttml': '<import src="common/card.ttml"/>' };
    const error = compileError('<import src="../a.ttml"/>\n<template is="card"/>', more);
    expect(error.message).toBe('pages/index/index.ttml:2:15: template "card" is not defined in this file nor in a file it imports');
  });

  it('supports recursive templates up to a depth limit', () => {
    const source = '<template name="node"><view>{{name}}<template tt:for="{{children}}" is="node" data="{{...item}}"/></view></template><template is="node" data="{{...tree}}"/>';
    const tree = { name: 'a', children: [{ name: 'b', children: [{ name: 'c', children: [] }] }] };
    expect(show(render(source, { tree }))).toBe('view("a" view("b" view("c")))');
    const loop = '<template name="x"><template is="x"/></template>\n<template is="x"/>';
    expect(() => render(loop)).toThrow(/nests more than 64 levels/);
  });

  it('reports a missing file at the import line', () => {
    const error = compileError('<view/>\n\n  <import src="./nope.ttml"/>');
    expect(error.message).toBe('pages/index/index.ttml:3:3: cannot import "./nope.ttml": pages/index/nope.ttml does not exist');
  });

  it('turns import and include cycles into errors', () => {
    const cyclic = { 'pages/index/a.ttml': '<import src="./b.ttml"/>', 'pages/index/b.ttml': '<text/>\n<include src="a.ttml"/>' };
    const error = compileError('<import src="./a.ttml"/>', cyclic);
    expect(error.path).toBe('pages/index/b.ttml');
    expect(error.line).toBe(2);
    expect(error.message).toContain('include cycle: pages/index/a.ttml → pages/index/b.ttml → pages/index/a.ttml');
    expect(compileError('<include src="index.ttml"/>').message).toContain('include cycle: pages/index/index.ttml → pages/index/index.ttml');
  });

  it('compiles a file imported twice only once (diamond)', () => {
    let loads = 0;
    const diamond: Record<string, string> = { 'x/a.ttml': '<import src="c.ttml"/>', 'x/b.ttml': '<import src="c.ttml"/>', 'x/c.ttml': '<template name="c"><text>c</text></template>' };
    const compiled = compileTtml('<import src="a.ttml"/><import src="b.ttml"/><include src="c.ttml"/>', {
      path: 'x/index.ttml',
      load: (p) => {
        loads++;
        return diamond[p];
      },
    });
    expect(loads).toBe(3);
    expect(compiled.files).toEqual(['x/index.ttml', 'x/a.ttml', 'x/b.ttml', 'x/c.ttml']);
  });
});

describe('errors', () => {
  it('reports a bad expression at its token', () => {
    const error = compileError('<view>\n  <text>ok</text>\n  <text class="x">{{ a + )}}</text>\n</view>');
    expect(error.message).toBe("pages/index/index.ttml:3:26: unexpected token ')' in {{ a + )}}");
    expect([error.path, error.line, error.column]).toEqual(['pages/index/index.ttml', 3, 26]);
  });

  it('reports expression errors inside attributes at the right line', () => {
    const error = compileError('<view\n  class="a"\n  hidden="{{ !! }}"\n/>');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/unexpected end of expression/);
  });

  it('reports unclosed and mismatched tags and unclosed {{', () => {
    expect(compileError('<view>\n  <text>hi\n</view>').message).toBe('pages/index/index.ttml:3:1: </view> does not match <text> opened at 2:3');
    expect(compileError('<view>\n<view></view>').message).toBe('pages/index/index.ttml:1:1: <view> is never closed');
    expect(compileError('<view/>\n</text>').line).toBe(2);
    expect(compileError('<text>\n {{ a </text>').message).toMatch(/2:2: '\{\{' is never closed/);
  });

  it('reports a render error at the failing call with its line', () => {
    const compiled = compileTtml('<view>\n  <text>{{ title }}</text>\n  <text>{{ format(n) }}</text>\n</view>', { path: 'pages/index/index.ttml' });
    try {
      compiled.render({ title: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TtmlError);
      expect((error as TtmlError).message).toBe('pages/index/index.ttml:3:12: format is not a function in {{ format(n) }}');
    }
    expect(() => compiled.render({ format: () => { throw new Error('boom'); } })).toThrow('pages/index/index.ttml:3:12: format() threw: boom in {{ format(n) }}');
  });

  it('warns about WeChat spellings and unsupported script modules without failing', () => {
    const compiled = compileTtml('<view wx:if="{{a}}"/>\n<sjs module="m" src="./m.sjs"/>', { path: 'p.ttml' });
    expect(compiled.warnings).toEqual([
      "p.ttml:1:7: wx:if is WeChat's spelling: Feishu reads tt:if; the attribute is ignored",
      'p.ttml:2:1: <sjs> script modules are not supported by ttsim; the module is ignored',
    ]);
    expect(show(compiled.render({}))).toBe('view');
  });
});

describe('what devices reject', () => {
  it('evaluates calls and object literals but warns that devices reject them', () => {
    const compiled = compileTtml('<view tt:if="{{ a.indexOf(\'x\') > -1 }}"/>\n<view v="{{ {a: 1} }}"/>\n<template name="t"/><template is="t" data="{{ a: 1, ...b }}"/>', { path: 'p.ttml' });
    expect(compiled.warnings).toEqual([
      "p.ttml:1:16: {{ a.indexOf('x') > -1 }} calls a function: the TTML compiler on devices rejects calls in {{ }} (ttsim evaluates them)",
      'p.ttml:2:12: {{ {a: 1} }} builds an object: devices accept object literals only in <template data> (ttsim evaluates them)',
    ]);
    expect(show(compiled.render({ a: 'x' }))).toBe('view view');
  });

  it('reads tt:key="{{x}}" as a field name with braces, as the TTML docs say (no keys)', () => {
    const compiled = compileTtml('<view tt:for="{{list}}" tt:key="{{id}}"/>', { path: 'p.ttml' });
    expect(show(compiled.render({ list: [{ id: 1 }, { id: 2 }] }))).toBe('view view');
    expect(compiled.warnings[0]).toMatch(/tt:key="\{\{id\}\}" names a field of the item, without \{\{ \}\}/);
  });
});

describe('compiling once', () => {
  it('renders many times from one compile, with fresh data each time', () => {
    const compiled = compileTtml('<text tt:for="{{list}}" tt:key="*this">{{item * k}}</text>', { path: 'p.ttml' });
    expect(show(compiled.render({ list: [1, 2], k: 2 }))).toBe('text#1("2") text#2("4")');
    expect(show(compiled.render({ list: [3], k: 3 }))).toBe('text#3("9")');
  });
});
