/**
 * One TTML file → render closures. Control flow (`tt:if` chains, `tt:for`), `<block>`, template definitions
 * and calls, `<import>` and `<include>` are resolved here, once; a render then only runs closures that
 * push VNodes.
 */
import type { RawAttribute, RawElement, RawNode, RawText } from '../../../emulator-api/src/common/ttml/parse-ttml.js';
import type { ParseFile } from '../../../emulator-api/src/common/ttml/parsed-templates.js';
import type { SourceFile } from '../../../emulator-api/src/common/ttml/source-file.js';
import { compileExpression, compileObjectBody, type CompiledExpression, type Evaluate } from './expression-compiler.js';
import { ExpressionSyntaxError } from './expression-lexer.js';
import { decodeEntities, hasInterpolation, splitInterpolations, UnclosedInterpolationError } from './interpolation.js';
import { ExpressionRuntimeError, readMember } from './sandbox.js';
import { Scope } from './scope.js';
import { toText } from './text.js';
import type { VElement, VEventBinding, VNode } from './vnode.js';

export interface RenderContext {
  /** How many `<template is>` calls are open (a recursive template stops at MAX_TEMPLATE_DEPTH). */
  depth: number;
  /** Called for each element this render makes (custom components stamp owner, scope and external classes). */
  onElement?: ((vnode: VElement) => void) | undefined;
  /** A component template's `<slot name>`: the content the parent gave for it (the default slot is ''). */
  slot?: ((name: string) => VNode[]) | undefined;
}

export type Render = (scope: Scope, out: VNode[], context: RenderContext) => void;

export interface CompiledFile {
  readonly path: string;
  body: Render;
  /** This file's own `<template name>` definitions. */
  readonly templates: Map<string, Render>;
  /** Files brought in by `<import>`: their own templates are visible here (not theirs imports': WeChat's rule). */
  readonly imports: CompiledFile[];
}

/** Compiles the file an `<import>` or `<include>` names (cycle checks and caching live in compile.ts). */
export type LoadFile = (from: SourceFile, src: string, offset: number, kind: 'import' | 'include') => CompiledFile;

export const MAX_TEMPLATE_DEPTH = 64;

const EVENT_ATTRIBUTE = /^(capture-bind:|capture-catch:|mut-bind:|bind:?|catch:?)([A-Za-z][\w-]*)$/;
const CONTROL_ATTRIBUTES = new Set(['tt:if', 'tt:elif', 'tt:else', 'tt:for', 'tt:for-items', 'tt:for-item', 'tt:for-index', 'tt:key']);
const NOOP: Render = () => {};

export function findTemplate(file: CompiledFile, name: string): Render | undefined {
  const own = file.templates.get(name);
  if (own) return own;
  for (let i = file.imports.length - 1; i >= 0; i--) {
    const imported = file.imports[i]!.templates.get(name);
    if (imported) return imported;
  }
  return undefined;
}

/** `data-item-id` → `itemId`; `data-itemId` → `itemid` (WeChat lower-cases before camel-casing). */
export function datasetKey(attribute: string): string {
  return attribute
    .slice(5)
    .toLowerCase()
    .replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function isWhitespace(text: string): boolean {
  return /^\s*$/.test(text);
}

function sequence(renders: Render[]): Render {
  if (renders.length === 0) return NOOP;
  if (renders.length === 1) return renders[0]!;
  return (scope, out, context) => {
    for (const render of renders) render(scope, out, context);
  };
}

/** Calls `visit(item, index)` for what `tt:for` iterates: an array, a count, a string's characters or an object's values (index = key). */
function forEachItem(list: unknown, visit: (item: unknown, index: unknown) => void): void {
  if (Array.isArray(list) || typeof list === 'string') {
    for (let i = 0; i < list.length; i++) visit(list[i], i);
  } else if (typeof list === 'number') {
    for (let i = 0; i < list; i++) visit(i, i);
  } else if (list !== null && typeof list === 'object') {
    for (const key of Object.keys(list)) visit((list as Record<string, unknown>)[key], key);
  }
}

interface Branch {
  test: Evaluate | null;
  render: Render;
}

interface Control {
  condition?: { kind: 'if' | 'elif' | 'else'; attribute: RawAttribute };
  loop?: { list: RawAttribute; item: string; index: string; key?: RawAttribute };
}

class FileCompiler {
  readonly compiled: CompiledFile;
  private readonly staticCalls: { name: string; offset: number }[] = [];

  constructor(
    private readonly file: SourceFile,
    private readonly loadFile: LoadFile,
    private readonly parse: ParseFile,
    private readonly warnings: string[],
  ) {
    this.compiled = { path: file.path, body: NOOP, templates: new Map(), imports: [] };
  }

  compile(): CompiledFile {
    this.compiled.body = this.children(this.parse(this.file), '#root');
    for (const call of this.staticCalls) {
      if (!findTemplate(this.compiled, call.name)) throw this.file.error(call.offset, `template "${call.name}" is not defined in this file nor in a file it imports`);
    }
    return this.compiled;
  }

  private warn(offset: number, message: string): void {
    const at = this.file.error(offset, message);
    this.warnings.push(at.message);
  }

  // --- expressions -------------------------------------------------------------------------------------

  /** Compiles `source` written at `offset`; wraps evaluation errors into TtmlErrors at their position. */
  private expression(source: string, offset: number, compileSource: (s: string) => CompiledExpression = compileExpression): Evaluate {
    let compiled: CompiledExpression;
    try {
      compiled = compileSource(decodeEntities(source));
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) throw this.file.error(offset + error.offset, `${error.message} in {{${source}}}`);
      throw error;
    }
    if (compiled.calls) this.warn(offset, `{{${source}}} calls a function: the TTML compiler on devices rejects calls in {{ }} (ttsim evaluates them)`);
    if (compiled.objectLiterals) this.warn(offset, `{{${source}}} builds an object: devices accept object literals only in <template data> (ttsim evaluates them)`);
    const evaluate = compiled.evaluate;
    return (scope) => {
      try {
        return evaluate(scope);
      } catch (error) {
        if (error instanceof ExpressionRuntimeError) throw this.file.error(offset + error.offset, `${error.message} in {{${source}}}`);
        throw this.file.error(offset, `${error instanceof Error ? error.message : String(error)} in {{${source}}}`);
      }
    };
  }

  /** An attribute's value: `true` if bare, the typed value of a lone `{{expr}}`, a string otherwise. */
  private value(attribute: RawAttribute): Evaluate {
    const raw = attribute.value;
    if (raw === true) return () => true;
    if (!hasInterpolation(raw)) {
      const text = decodeEntities(raw);
      return () => text;
    }
    return this.interpolated(raw, attribute.valueOffset, true);
  }

  private interpolated(raw: string, offset: number, keepType: boolean): Evaluate {
    let parts;
    try {
      parts = splitInterpolations(raw);
    } catch (error) {
      if (error instanceof UnclosedInterpolationError) throw this.file.error(offset + error.offset, error.message);
      throw error;
    }
    const compiled = parts.map((part) => (part.kind === 'static' ? decodeEntities(part.text) : this.expression(part.source, offset + part.offset)));
    if (keepType && compiled.length === 1 && typeof compiled[0] === 'function') return compiled[0];
    return (scope) => {
      let text = '';
      for (const part of compiled) text += typeof part === 'string' ? part : toText(part(scope));
      return text;
    };
  }

  private staticAttribute(element: RawElement, name: string, required: boolean): string | undefined {
    const attribute = element.attributes.find((a) => a.name === name);
    if (attribute === undefined) {
      if (required) throw this.file.error(element.offset, `<${element.tag}> needs a ${name} attribute`);
      return undefined;
    }
    if (attribute.value === true || hasInterpolation(attribute.value)) throw this.file.error(attribute.valueOffset, `${name} of <${element.tag}> must be a fixed path or name, not ${attribute.value === true ? 'empty' : `"${attribute.value}"`}`);
    return decodeEntities(attribute.value);
  }

  // --- nodes -------------------------------------------------------------------------------------------

  private children(nodes: RawNode[], parentTag: string): Render {
    const renders: Render[] = [];
    let chain: Branch[] | null = null;
    for (const node of nodes) {
      if (node.kind === 'text') {
        // Indentation between tags is not content (inside <text> every character is).
        if (parentTag !== 'text' && isWhitespace(node.text)) continue;
        chain = null;
        renders.push(this.text(node));
        continue;
      }
      if (this.declaration(node)) continue;
      const control = this.control(node);
      const render = this.withLoop(control, this.element(node));
      // With tt:for, the tt:if is tested per item inside the loop.
      const condition = control.loop ? undefined : control.condition;
      if (condition === undefined) {
        chain = null;
        renders.push(render);
      } else if (condition.kind === 'if') {
        chain = [{ test: this.value(condition.attribute), render }];
        renders.push(this.conditional(chain));
      } else {
        if (chain === null) throw this.file.error(condition.attribute.nameOffset, `tt:${condition.kind} must follow an element with tt:if or tt:elif`);
        chain.push({ test: condition.kind === 'elif' ? this.value(condition.attribute) : null, render });
        if (condition.kind === 'else') chain = null;
      }
    }
    return sequence(renders);
  }

  private conditional(branches: Branch[]): Render {
    return (scope, out, context) => {
      for (const branch of branches) {
        if (branch.test === null || branch.test(scope)) {
          branch.render(scope, out, context);
          return;
        }
      }
    };
  }

  /** `<template name>`, `<import>`, `<wxs>`/`<sjs>`: compile-time declarations that render nothing. */
  private declaration(element: RawElement): boolean {
    if (element.tag === 'template' && element.attributes.some((a) => a.name === 'name')) {
      const name = this.staticAttribute(element, 'name', true)!;
      if (this.compiled.templates.has(name)) this.warn(element.offset, `template "${name}" is defined twice; the later one wins`);
      this.compiled.templates.set(name, this.children(element.children, '#template'));
      return true;
    }
    if (element.tag === 'import') {
      const src = this.staticAttribute(element, 'src', true)!;
      this.compiled.imports.push(this.loadFile(this.file, src, element.offset, 'import'));
      return true;
    }
    if (element.tag === 'sjs' || element.tag === 'wxs' || element.tag === 'filter') {
      this.warn(element.offset, `<${element.tag}> script modules are not supported by ttsim; the module is ignored`);
      return true;
    }
    return false;
  }

  private control(element: RawElement): Control {
    const control: Control = {};
    const get = (name: string) => element.attributes.find((a) => a.name === name);
    for (const attribute of element.attributes) {
      const name = attribute.name;
      if (name === 'tt:if' || name === 'tt:elif' || name === 'tt:else') {
        if (control.condition) throw this.file.error(attribute.nameOffset, `${name} cannot be combined with tt:${control.condition.kind} on the same element`);
        control.condition = { kind: name.slice(3) as 'if' | 'elif' | 'else', attribute };
      } else if (name.startsWith('tt:') && !CONTROL_ATTRIBUTES.has(name)) {
        this.warn(attribute.nameOffset, `unknown attribute ${name} is ignored`);
      } else if (name.startsWith('wx:')) {
        this.warn(attribute.nameOffset, `${name} is WeChat's spelling: Feishu reads tt:${name.slice(3)}; the attribute is ignored`);
      }
    }
    const list = get('tt:for') ?? get('tt:for-items');
    if (list) {
      const itemName = get('tt:for-item');
      const indexName = get('tt:for-index');
      const nameOf = (attribute: RawAttribute | undefined, fallback: string) => {
        if (attribute === undefined) return fallback;
        if (attribute.value === true || !/^[A-Za-z_$][\w$]*$/.test(attribute.value)) throw this.file.error(attribute.valueOffset, `${attribute.name} must be a plain name like "row"`);
        return attribute.value;
      };
      control.loop = { list, item: nameOf(itemName, 'item'), index: nameOf(indexName, 'index') };
      const key = get('tt:key');
      if (key) control.loop.key = key;
      if (control.condition && control.condition.kind !== 'if') throw this.file.error(control.condition.attribute.nameOffset, `tt:${control.condition.kind} cannot be combined with tt:for`);
    }
    return control;
  }

  /**
   * `tt:for` repeats the element; a `tt:if` on the same element is tested for each item (WeChat: the loop
   * applies first). `tt:key` names a property of the item (`id`), or `*this` for the item itself.
   */
  private withLoop(control: Control, render: Render): Render {
    const loop = control.loop;
    if (loop === undefined) return render;
    const list = this.value(loop.list);
    const test = control.condition ? this.value(control.condition.attribute) : null;
    const keyOf = this.keyFunction(loop.key);
    const { item: itemName, index: indexName } = loop;
    return (scope, out, context) => {
      forEachItem(list(scope), (item, index) => {
        const inner = scope.with({ [itemName]: item, [indexName]: index });
        if (test !== null && !test(inner)) return;
        const before = out.length;
        render(inner, out, context);
        if (keyOf === null) return;
        const key = keyOf(item);
        if (key === undefined) return;
        const produced = out.length - before;
        for (let i = before, n = 0; i < out.length; i++) {
          const node = out[i]!;
          if (node.kind === 'element') node.key = produced === 1 ? key : `${key}:${n++}`;
        }
      });
    };
  }

  private keyFunction(attribute: RawAttribute | undefined): ((item: unknown) => string | number | undefined) | null {
    if (attribute === undefined || attribute.value === true || attribute.value === '') return null;
    const asKey = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? value : typeof value === 'boolean' ? String(value) : undefined);
    const name = attribute.value;
    // The TTML docs: tt:key names a field; braces are read as part of the name (so nothing matches).
    if (hasInterpolation(name)) this.warn(attribute.valueOffset, `tt:key="${name}" names a field of the item, without {{ }}: the braces are part of the name, so the list has no keys`);
    if (name === '*this') return (item) => asKey(item);
    return (item) => asKey(readMember(item, name));
  }

  private text(node: RawText): Render {
    if (!hasInterpolation(node.text)) {
      const vnode: VNode = { kind: 'text', text: decodeEntities(node.text) };
      return (_, out) => {
        out.push(vnode);
      };
    }
    const text = this.interpolated(node.text, node.offset, false);
    return (scope, out) => {
      out.push({ kind: 'text', text: text(scope) as string });
    };
  }

  private element(element: RawElement): Render {
    switch (element.tag) {
      case 'block':
        return this.children(element.children, 'block');
      case 'template':
        return this.templateCall(element);
      case 'include': {
        const src = this.staticAttribute(element, 'src', true)!;
        return this.loadFile(this.file, src, element.offset, 'include').body;
      }
      case 'slot':
        return this.slotElement(element);
    }
    return this.plainElement(element);
  }

  /**
   * `<slot>` / `<slot name="x">` in a component template: a `slot` element holding what the parent wrote
   * for that slot (rendered in the parent's scope, so it is given as vnodes). Outside a component (no
   * `context.slot`) it keeps its own children. `name` may be bound (`name="{{n}}"`).
   */
  private slotElement(element: RawElement): Render {
    const name = element.attributes.find((a) => a.name === 'name');
    const slotName = name === undefined ? () => '' : this.value(name);
    const plain = this.plainElement(element);
    const source = { path: this.file.path, line: this.file.line(element.offset) };
    return (scope, out, context) => {
      if (context.slot === undefined) {
        plain(scope, out, context);
        return;
      }
      const vnode: VElement = { kind: 'element', tag: 'slot', attrs: { name: toText(slotName(scope)) }, dataset: {}, events: [], children: [], source };
      context.onElement?.(vnode);
      vnode.children = context.slot(vnode.attrs.name as string);
      out.push(vnode);
    };
  }

  private templateCall(element: RawElement): Render {
    const isAttribute = element.attributes.find((a) => a.name === 'is');
    if (isAttribute === undefined) throw this.file.error(element.offset, '<template> needs a name (to define one) or is (to use one)');
    const name = this.value(isAttribute);
    if (isAttribute.value !== true && !hasInterpolation(isAttribute.value)) this.staticCalls.push({ name: decodeEntities(isAttribute.value), offset: isAttribute.valueOffset });
    const data = this.templateData(element);
    const compiled = this.compiled;
    const file = this.file;
    return (scope, out, context) => {
      const templateName = toText(name(scope));
      const template = findTemplate(compiled, templateName);
      // A dynamic name that matches nothing renders nothing, as in WeChat.
      if (template === undefined) return;
      if (context.depth >= MAX_TEMPLATE_DEPTH) throw file.error(element.offset, `template "${templateName}" nests more than ${MAX_TEMPLATE_DEPTH} levels deep (does it call itself without end?)`);
      const value = data(scope);
      context.depth++;
      try {
        template(new Scope(value !== null && typeof value === 'object' ? value : {}), out, context);
      } finally {
        context.depth--;
      }
    };
  }

  /** `data="{{...item}}"`, `data="{{a: 1, b}}"`: object members without braces. */
  private templateData(element: RawElement): Evaluate {
    const attribute = element.attributes.find((a) => a.name === 'data');
    if (attribute === undefined) return () => ({});
    const raw = attribute.value;
    let parts: ReturnType<typeof splitInterpolations> = [];
    try {
      if (raw !== true) parts = splitInterpolations(raw);
    } catch (error) {
      if (error instanceof UnclosedInterpolationError) throw this.file.error(attribute.valueOffset + error.offset, error.message);
      throw error;
    }
    const only = parts[0];
    if (parts.length !== 1 || only === undefined || only.kind !== 'expr') throw this.file.error(attribute.valueOffset, 'data of <template is> must be one {{ }} with object members, e.g. data="{{...item}}" or data="{{a: 1, b}}"');
    return this.expression(only.source, attribute.valueOffset + only.offset, compileObjectBody);
  }

  private plainElement(element: RawElement): Render {
    const tag = element.tag;
    const source = { path: this.file.path, line: this.file.line(element.offset) };
    const attrs: { name: string; value: Evaluate }[] = [];
    const dataset: { key: string; value: Evaluate }[] = [];
    const events: { binding: Omit<VEventBinding, 'handler'>; handler: Evaluate; fixed?: string }[] = [];
    for (const attribute of element.attributes) {
      const name = attribute.name;
      if (name.startsWith('tt:') || name.startsWith('wx:')) continue;
      const event = EVENT_ATTRIBUTE.exec(name);
      if (event) {
        const prefix = event[1]!;
        const fixed = attribute.value === true ? '' : hasInterpolation(attribute.value) ? undefined : decodeEntities(attribute.value).trim();
        events.push({ binding: { event: event[2]!, catch: prefix.includes('catch'), capture: prefix.startsWith('capture') }, handler: this.value(attribute), ...(fixed !== undefined ? { fixed } : {}) });
      } else if (name.startsWith('data-') && name.length > 5) {
        dataset.push({ key: datasetKey(name), value: this.value(attribute) });
      } else {
        attrs.push({ name, value: this.value(attribute) });
      }
    }
    const fixedEvents = events.every((e) => e.fixed !== undefined) ? events.filter((e) => e.fixed !== '').map((e) => ({ ...e.binding, handler: e.fixed! })) : undefined;
    const children = this.children(element.children, tag);
    return (scope, out, context) => {
      const attrValues: Record<string, unknown> = {};
      for (const attribute of attrs) attrValues[attribute.name] = attribute.value(scope);
      const datasetValues: Record<string, unknown> = {};
      for (const entry of dataset) datasetValues[entry.key] = entry.value(scope);
      let eventValues = fixedEvents;
      if (eventValues === undefined) {
        eventValues = [];
        for (const event of events) {
          const handler = event.fixed ?? toText(event.handler(scope)).trim();
          if (handler !== '') eventValues.push({ ...event.binding, handler });
        }
      }
      const childNodes: VNode[] = [];
      children(scope, childNodes, context);
      const vnode: VElement = { kind: 'element', tag, attrs: attrValues, dataset: datasetValues, events: eventValues, children: childNodes, source };
      context.onElement?.(vnode);
      out.push(vnode);
    };
  }
}

export function compileFile(file: SourceFile, loadFile: LoadFile, parse: ParseFile, warnings: string[]): CompiledFile {
  return new FileCompiler(file, loadFile, parse, warnings).compile();
}
