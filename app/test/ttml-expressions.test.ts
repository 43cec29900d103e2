import { describe, expect, it } from 'vitest';
import { TtmlError, type VElement, type VNode } from '../src/ttml/index.js';
import { compileTtml } from './ttml-test-helpers.js';

/** Renders `{{ expr }}` inside a view and returns the text. */
function evaluate(expr: string, data: Record<string, unknown> = {}): string {
  const [view] = compileTtml(`<view>{{${expr}}}</view>`, { path: 'e.ttml' }).render(data) as VElement[];
  const text = view!.children[0] as VNode | undefined;
  return text?.kind === 'text' ? text.text : '';
}

/** The typed value of `attr="{{ expr }}"`. */
function value(expr: string, data: Record<string, unknown> = {}): unknown {
  const [view] = compileTtml(`<view v="{{${expr}}}"/>`, { path: 'e.ttml' }).render(data) as VElement[];
  return view!.attrs.v;
}

function renderError(source: string, data: Record<string, unknown> = {}): TtmlError {
  const compiled = compileTtml(source, { path: 'pages/e.ttml' });
  try {
    compiled.render(data);
  } catch (error) {
    expect(error).toBeInstanceOf(TtmlError);
    return error as TtmlError;
  }
  throw new Error('expected a render error');
}

describe('expressions', () => {
  it('reads data, members, indexes and lengths', () => {
    const data = { user: { name: 'Ada', tags: ['a', 'b'] }, list: [1, 2, 3], key: 'name' };
    expect(evaluate('user.name', data)).toBe('Ada');
    expect(evaluate('user[key]', data)).toBe('Ada');
    expect(evaluate("user['tags'][1]", data)).toBe('b');
    expect(evaluate('list.length', data)).toBe('3');
    expect(evaluate('user.tags.length + list.length', data)).toBe('5');
  });

  it('does arithmetic, comparison, logic and ternaries with JavaScript semantics', () => {
    expect(evaluate('1 + 2 * 3 - 4 / 2 % 3')).toBe('5');
    expect(evaluate('2 ** 3 ** 2')).toBe('512');
    expect(evaluate("'a' + 1 + 2")).toBe('a12');
    expect(evaluate('-(1 + 2)')).toBe('-3');
    expect(value('n > 1 && n <= 3', { n: 2 })).toBe(true);
    expect(value("n === '2' || n == '2'", { n: 2 })).toBe(true);
    expect(value('!flag', { flag: 0 })).toBe(true);
    expect(evaluate("busy ? 'Compressing…' : 'Compress'", { busy: true })).toBe('Compressing…');
    expect(evaluate("a ? 'x' : b ? 'y' : 'z'", { b: 1 })).toBe('y');
    expect(evaluate("missing ?? 'fallback'")).toBe('fallback');
    expect(value('typeof n', { n: 1 })).toBe('number');
    expect(value('a?.b?.c', { a: { b: { c: 4 } } })).toBe(4);
  });

  it('builds array and object literals, with spread', () => {
    expect(value('[1, 2, ...rest]', { rest: [3, 4] })).toEqual([1, 2, 3, 4]);
    expect(value(" {a: 1, 'b-c': 2, d, ...o} ", { d: 3, o: { e: 5 } })).toEqual({ a: 1, 'b-c': 2, d: 3, e: 5 });
    expect(value(' {a: {b: 1}} ')).toEqual({ a: { b: 1 } });
  });

  it('calls methods of data values', () => {
    expect(evaluate("name.toUpperCase() + '!'", { name: 'ada' })).toBe('ADA!');
    expect(evaluate("list.join('-')", { list: [1, 2] })).toBe('1-2');
    expect(evaluate('price.toFixed(2)', { price: 3.14159 })).toBe('3.14');
    expect(evaluate('list.indexOf(2)', { list: [1, 2] })).toBe('1');
    expect(evaluate('list.slice(1).length', { list: [1, 2, 3] })).toBe('2');
    expect(evaluate('format(n)', { n: 2, format: (n: number) => `#${n}` })).toBe('#2');
  });

  it('keeps literal types in a lone {{ }} attribute and strings in mixed ones', () => {
    expect(value('true')).toBe(true);
    expect(value('3')).toBe(3);
    expect(value('null')).toBe(null);
    const [view] = compileTtml('<view a="x{{1}}" b="{{flag}}" c=" {{flag}}" d/>', { path: 'e.ttml' }).render({ flag: false }) as VElement[];
    expect(view!.attrs).toEqual({ a: 'x1', b: false, c: ' false', d: true });
  });

  it('renders unknown names, null and undefined as empty text', () => {
    expect(evaluate('nothing')).toBe('');
    expect(evaluate('a.b.c.d')).toBe('');
    expect(evaluate('n', { n: null })).toBe('');
    expect(evaluate('[1, 2]')).toBe('1,2');
    expect(evaluate('0')).toBe('0');
  });

  it('handles strings with braces and escapes, and `<` inside text interpolations', () => {
    expect(evaluate("'}}' + \"{{\"")).toBe('}}{{');
    expect(evaluate("'a\\'b\\n'")).toBe("a'b\n");
    expect(evaluate('a<b', { a: 1, b: 2 })).toBe('true');
    expect(evaluate('a &amp;&amp; b', { a: 1, b: 'ok' })).toBe('ok');
  });
});

describe('expression sandbox', () => {
  it('gives no access to globals', () => {
    for (const name of ['window', 'document', 'globalThis', 'self', 'fetch', 'Function', 'eval', 'Object', 'Math', 'this', 'process', 'require']) {
      expect(evaluate(name), name).toBe('');
    }
    expect(value('typeof window')).toBe('undefined');
  });

  it('does not resolve names through the data object prototype', () => {
    expect(evaluate('constructor')).toBe('');
    expect(evaluate('toString')).toBe('');
    expect(evaluate('__proto__')).toBe('');
    expect(evaluate('hasOwnProperty')).toBe('');
  });

  it("refuses constructor.constructor('return this')()", () => {
    const error = renderError("<view>{{ constructor.constructor('return this')() }}</view>");
    expect(error.message).toMatch(/is not a function|cannot call/);
  });

  it('keeps the Function constructor out of reach through values', () => {
    const data = { s: 'x', list: [1], o: {}, n: 1, f: () => 1 };
    expect(value("s.constructor", data)).toBeUndefined();
    expect(value("list.constructor", data)).toBeUndefined();
    expect(value("o.__proto__", data)).toBeUndefined();
    expect(value("list.map.constructor", data)).toBeUndefined();
    expect(value("f.call", data)).toBeUndefined();
    expect(value("o['constr' + 'uctor']", data)).toBeUndefined();
    expect(value("o.__lookupGetter__", data)).toBeUndefined();
    expect(renderError("<view>{{ s.constructor.constructor('return globalThis')() }}</view>", data).message).toMatch(/is not a function|cannot call/);
    expect(renderError("<view>{{ list.map.call(list, f) }}</view>", data).message).toMatch(/is not a function|cannot call/);
    expect(renderError("<view>{{ [].fill.constructor('return this')() }}</view>", data).message).toMatch(/is not a function|cannot call/);
  });

  it('lets data keep its own properties named like blocked ones', () => {
    expect(value('o.constructor', { o: { constructor: 'mine' } })).toBe('mine');
  });

  it('does not let expressions change the page data in place', () => {
    const data = { list: [3, 1, 2] };
    expect(renderError('<view>{{ list.sort() }}</view>', data).message).toMatch(/would change the page data/);
    expect(renderError('<view>{{ list.push(4) }}</view>', data).message).toMatch(/push/);
    expect(data.list).toEqual([3, 1, 2]);
    // A mutating method passed as a value (read, not called) refuses to run too.
    const ys = { ys: [1, 2] };
    expect(renderError('<view>{{ ys.forEach(ys.push, ys) }}</view>', ys).message).toMatch(/would change the page data/);
    expect(renderError('<view>{{ ys.map(ys.reverse) }}</view>', ys).message).toMatch(/would change the page data/);
    expect(ys.ys).toEqual([1, 2]);
    expect(evaluate('list.slice().length', data)).toBe('3');
  });

  it('compiles without eval or new Function', () => {
    const original = globalThis.Function;
    const spy = new Proxy(original, {
      construct() {
        throw new Error('Function constructor used');
      },
      apply() {
        throw new Error('Function called');
      },
    });
    globalThis.Function = spy;
    try {
      expect(evaluate('a + 1', { a: 1 })).toBe('2');
    } finally {
      globalThis.Function = original;
    }
  });
});
