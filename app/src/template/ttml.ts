/**
 * The TTML compiler: parses a template once (htmlparser2, with positions) and renders it against page data
 * into VNodes. Supports {{ }} bindings, tt:if / tt:elif / tt:else, tt:for (tt:for-item, tt:for-index,
 * tt:key), <block>, <template name> / <template is data>, <import src>, <include src>, bind/catch events
 * and data-* datasets.
 */
import { Parser } from 'htmlparser2';
import { compileExpression, hasMustache, splitMustaches } from './expression.js';
import { TtmlError, type VElement, type VEvent, type VNode } from './vnode.js';

interface AstElement {
  readonly type: 'element';
  readonly tag: string;
  readonly attrs: readonly { name: string; value: string }[];
  readonly children: AstNode[];
  readonly line: number;
  readonly column: number;
}
interface AstText {
  readonly type: 'text';
  readonly value: string;
  readonly line: number;
  readonly column: number;
}
type AstNode = AstElement | AstText;

export interface CompileOptions {
  readonly path: string;
  /** Reads another package file (for import / include); undefined when it does not exist. */
  readonly load?: (path: string) => string | undefined;
}

export interface CompiledTtml {
  render(data: Record<string, unknown>): VNode[];
}

function lineColumn(source: string, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < index && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: index - last };
}

function parse(source: string, path: string): AstNode[] {
  const rootChildren: AstNode[] = [];
  const stack: AstElement[] = [];
  const top = () => (stack.length ? stack[stack.length - 1]!.children : rootChildren);
  let error: TtmlError | undefined;
  const fail = (detail: string, index: number) => {
    if (error) return;
    const { line, column } = lineColumn(source, index);
    error = new TtmlError(detail, path, line, column);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const { line, column } = lineColumn(source, parser.startIndex);
        const element: AstElement = { type: 'element', tag: name, attrs: Object.entries(attributes).map(([n, value]) => ({ name: n, value })), children: [], line, column };
        top().push(element);
        stack.push(element);
      },
      onclosetag(name, isImplied) {
        const open = stack.pop();
        if (!open || open.tag !== name) fail(`</${name}> does not close ${open ? `<${open.tag}> (line ${open.line})` : 'any open tag'}`, parser.startIndex);
        else if (isImplied && !source.slice(parser.startIndex, parser.endIndex + 1).endsWith('/>')) fail(`<${name}> is never closed`, parser.startIndex);
      },
      ontext(text) {
        const { line, column } = lineColumn(source, parser.startIndex);
        top().push({ type: 'text', value: text, line, column });
      },
    },
    { xmlMode: true, recognizeSelfClosing: true, decodeEntities: true },
  );
  parser.write(source);
  const unclosed = stack[stack.length - 1];
  parser.end();
  if (unclosed && !error) error = new TtmlError(`<${unclosed.tag}> is never closed`, path, unclosed.line, unclosed.column);
  if (error) throw error;
  return rootChildren;
}

const EVENT_ATTR = /^(capture-)?(bind|catch|mut-bind)(?::)?([a-zA-Z][\w-]*)$/;
const camel = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

class Compilation {
  /** Named templates visible in this file (its own and imported ones). */
  readonly templates = new Map<string, AstElement>();
  readonly nodes: AstNode[];

  /** `source` is given for the root file; imported and included files are read with options.load. */
  constructor(
    readonly path: string,
    private readonly options: CompileOptions,
    private readonly loading: readonly string[],
    source?: string,
    from?: AstElement,
  ) {
    if (loading.includes(path)) {
      throw new TtmlError(`import cycle: ${[...loading, path].join(' → ')}`, loading[loading.length - 1]!, from?.line ?? 1, from?.column ?? 1);
    }
    const text = source ?? options.load?.(path);
    if (text === undefined) throw new TtmlError(`cannot find ${path}`, loading[loading.length - 1] ?? path, from?.line ?? 1, from?.column ?? 1);
    this.nodes = this.expand(parse(text, path));
  }

  /** Collects templates, resolves import / include, drops whitespace-only text between tags. */
  private expand(nodes: AstNode[]): AstNode[] {
    const out: AstNode[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        if (node.value.trim() !== '') out.push(node);
        continue;
      }
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (node.tag === 'template' && attr('name') !== undefined) {
        this.templates.set(attr('name')!, { ...node, children: this.expand(node.children) });
        continue;
      }
      if (node.tag === 'import' || node.tag === 'include') {
        const src = attr('src');
        if (!src) throw new TtmlError(`<${node.tag}> needs a src`, this.path, node.line, node.column);
        const target = resolvePath(this.path, src);
        const child = new Compilation(target, this.options, [...this.loading, this.path], undefined, node);
        if (node.tag === 'import') for (const [name, template] of child.templates) this.templates.set(name, template);
        else out.push(...child.nodes);
        continue;
      }
      out.push({ ...node, children: this.expand(node.children) });
    }
    return out;
  }
}

function resolvePath(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') base.pop();
    else base.push(part);
  }
  const joined = base.join('/');
  return joined.endsWith('.ttml') ? joined : `${joined}.ttml`;
}

type Scope = Record<string, unknown>;

class Renderer {
  constructor(
    private readonly path: string,
    private readonly templates: ReadonlyMap<string, AstElement>,
  ) {}

  evaluate(expression: string, scope: Scope, at: AstNode): unknown {
    let fn: (scope: object) => unknown;
    try {
      fn = compileExpression(expression);
    } catch (error) {
      throw new TtmlError(`${(error as Error).message} in {{ ${expression} }}`, this.path, at.line, at.column);
    }
    try {
      return fn(scope);
    } catch (error) {
      throw new TtmlError(`${(error as Error).message} in {{ ${expression} }}`, this.path, at.line, at.column);
    }
  }

  /** An attribute or text value: a lone {{expr}} keeps its type, anything else is a string. */
  value(raw: string, scope: Scope, at: AstNode): unknown {
    if (!hasMustache(raw)) return raw;
    const segments = splitMustaches(raw);
    if (segments.length === 1 && segments[0]!.expression !== undefined) return this.evaluate(segments[0]!.expression, scope, at);
    return segments.map((s) => (s.expression !== undefined ? toText(this.evaluate(s.expression, scope, at)) : s.text)).join('');
  }

  nodes(nodes: readonly AstNode[], scope: Scope, out: VNode[]): void {
    let chainTaken: boolean | undefined;
    for (const node of nodes) {
      if (node.type === 'text') {
        const text = toText(this.value(node.value, scope, node));
        if (text !== '') out.push({ kind: 'text', text });
        chainTaken = undefined;
        continue;
      }
      const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
      if (attr('tt:for') !== undefined) {
        // tt:for binds before tt:if: the condition is checked for each item.
        this.repeat(node, scope, out);
        chainTaken = undefined;
        continue;
      }
      const ifValue = attr('tt:if');
      const elif = attr('tt:elif');
      const hasElse = attr('tt:else') !== undefined;
      if (ifValue !== undefined) {
        chainTaken = Boolean(this.value(ifValue, scope, node));
        if (!chainTaken) continue;
      } else if (elif !== undefined || hasElse) {
        if (chainTaken === undefined) throw new TtmlError(`${elif !== undefined ? 'tt:elif' : 'tt:else'} must follow an element with tt:if or tt:elif`, this.path, node.line, node.column);
        if (chainTaken) continue;
        if (elif !== undefined) {
          chainTaken = Boolean(this.value(elif, scope, node));
          if (!chainTaken) continue;
        } else chainTaken = undefined;
      } else chainTaken = undefined;
      this.element(node, scope, out);
      if (hasElse) chainTaken = undefined;
    }
  }

  private repeat(node: AstElement, scope: Scope, out: VNode[]): void {
    const attr = (name: string) => node.attrs.find((a) => a.name === name)?.value;
    const list = this.value(attr('tt:for')!, scope, node);
    const itemName = attr('tt:for-item') ?? 'item';
    const indexName = attr('tt:for-index') ?? 'index';
    const keyName = attr('tt:key');
    const entries: [unknown, unknown][] = Array.isArray(list)
      ? list.map((v, i) => [v, i])
      : typeof list === 'number'
        ? Array.from({ length: Math.max(0, Math.floor(list)) }, (_, i) => [i, i])
        : typeof list === 'string'
          ? [...list].map((v, i) => [v, i])
          : list && typeof list === 'object'
            ? Object.entries(list).map(([k, v]) => [v, k])
            : [];
    const condition = attr('tt:if');
    for (const [item, index] of entries) {
      const child: Scope = Object.create(scope) as Scope;
      child[itemName] = item;
      child[indexName] = index;
      if (condition !== undefined && !this.value(condition, child, node)) continue;
      let key: string | number | undefined;
      if (keyName === '*this') key = typeof item === 'object' ? JSON.stringify(item) : (item as string | number);
      else if (keyName && item && typeof item === 'object') key = (item as Record<string, string | number>)[keyName];
      this.element(node, child, out, key ?? undefined);
    }
  }

  private element(node: AstElement, scope: Scope, out: VNode[], key?: string | number): void {
    if (node.tag === 'block') {
      this.nodes(node.children, scope, out);
      return;
    }
    if (node.tag === 'template') {
      const is = node.attrs.find((a) => a.name === 'is');
      if (!is) return;
      const name = toText(this.value(is.value, scope, node));
      const template = this.templates.get(name);
      if (!template) throw new TtmlError(`no template named ${JSON.stringify(name)}`, this.path, node.line, node.column);
      const dataAttr = node.attrs.find((a) => a.name === 'data');
      let data: Scope = {};
      if (dataAttr) {
        const inner = dataAttr.value.trim().replace(/^\{\{([\s\S]*)\}\}$/, '$1');
        data = (this.evaluate(`{${inner}}`, scope, node) ?? {}) as Scope;
      }
      this.nodes(template.children, data, out);
      return;
    }
    const attrs: Record<string, unknown> = {};
    const dataset: Record<string, unknown> = {};
    const events: VEvent[] = [];
    for (const { name, value } of node.attrs) {
      if (name.startsWith('tt:')) continue;
      const event = EVENT_ATTR.exec(name);
      if (event) {
        const handler = toText(this.value(value, scope, node));
        if (handler) events.push({ event: event[3]!, handler, catch: event[2] === 'catch', capture: event[1] !== undefined });
        continue;
      }
      const evaluated = this.value(value, scope, node);
      if (name.startsWith('data-')) dataset[camel(name.slice(5))] = evaluated;
      else attrs[name] = evaluated;
    }
    const children: VNode[] = [];
    this.nodes(node.children, scope, children);
    const element: VElement = { kind: 'element', tag: node.tag, attrs, dataset, events, children, source: { path: this.path, line: node.line }, ...(key === undefined ? {} : { key }) };
    out.push(element);
  }
}

function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function compileTtml(source: string, options: CompileOptions): CompiledTtml {
  const compilation = new Compilation(options.path, options, [], source);
  const renderer = new Renderer(options.path, compilation.templates);
  return {
    render(data) {
      const out: VNode[] = [];
      renderer.nodes(compilation.nodes, data, out);
      return out;
    },
  };
}
