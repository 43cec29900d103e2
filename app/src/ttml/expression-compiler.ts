/**
 * Compiles an expression AST into a closure over a Scope, once per distinct source (cached), so a render
 * only runs closures. Nothing here uses eval or `new Function` (the gadget frame's CSP may forbid them,
 * and the closures cannot reach any global: see sandbox.ts).
 */
import { parseExpression, parseObjectBody, type Expr, type ListItem } from './expression-parser.js';
import { callMember, callValue, readMember } from './sandbox.js';
import type { Scope } from './scope.js';

export type Evaluate = (scope: Scope) => unknown;

type BinaryOperation = (a: unknown, b: unknown) => unknown;

/* eslint-disable @typescript-eslint/no-explicit-any -- JavaScript's own operator semantics, on purpose */
const BINARY: Record<string, BinaryOperation> = {
  '+': (a, b) => (a as any) + (b as any),
  '-': (a, b) => (a as any) - (b as any),
  '*': (a, b) => (a as any) * (b as any),
  '/': (a, b) => (a as any) / (b as any),
  '%': (a, b) => (a as any) % (b as any),
  '**': (a, b) => (a as any) ** (b as any),
  '==': (a, b) => a == b,
  '!=': (a, b) => a != b,
  '===': (a, b) => a === b,
  '!==': (a, b) => a !== b,
  '<': (a, b) => (a as any) < (b as any),
  '>': (a, b) => (a as any) > (b as any),
  '<=': (a, b) => (a as any) <= (b as any),
  '>=': (a, b) => (a as any) >= (b as any),
};

const UNARY: Record<string, (a: unknown) => unknown> = {
  '!': (a) => !a,
  '-': (a) => -(a as any),
  '+': (a) => +(a as any),
  typeof: (a) => typeof a,
};
/* eslint-enable @typescript-eslint/no-explicit-any */

function compileList(items: ListItem[], source: string): (scope: Scope) => unknown[] {
  const parts = items.map((item) => (item.type === 'spread' ? { spread: true, evaluate: compile(item.argument, source) } : { spread: false, evaluate: compile(item, source) }));
  return (scope) => {
    const out: unknown[] = [];
    for (const part of parts) {
      const value = part.evaluate(scope);
      if (!part.spread) out.push(value);
      else if (value !== null && value !== undefined) out.push(...(Array.isArray(value) || typeof value === 'string' ? value : []));
    }
    return out;
  };
}

function compile(expr: Expr, source: string): Evaluate {
  switch (expr.type) {
    case 'literal': {
      const value = expr.value;
      return () => value;
    }
    case 'name': {
      const name = expr.name;
      return (scope) => scope.lookup(name);
    }
    case 'member': {
      const object = compile(expr.object, source);
      const property = compile(expr.property, source);
      return (scope) => readMember(object(scope), property(scope));
    }
    case 'call': {
      const args = compileList(expr.args, source);
      const describe = () => source.slice(expr.callee.start, expr.callee.end);
      const offset = expr.start;
      if (expr.callee.type === 'member') {
        const object = compile(expr.callee.object, source);
        const property = compile(expr.callee.property, source);
        return (scope) => callMember(object(scope), property(scope), args(scope), describe, offset);
      }
      const callee = compile(expr.callee, source);
      return (scope) => callValue(callee(scope), args(scope), describe, offset);
    }
    case 'unary': {
      const argument = compile(expr.argument, source);
      const operation = UNARY[expr.operator]!;
      return (scope) => operation(argument(scope));
    }
    case 'binary': {
      const left = compile(expr.left, source);
      const right = compile(expr.right, source);
      switch (expr.operator) {
        case '&&':
          return (scope) => left(scope) && right(scope);
        case '||':
          return (scope) => left(scope) || right(scope);
        case '??':
          return (scope) => left(scope) ?? right(scope);
      }
      const operation = BINARY[expr.operator]!;
      return (scope) => operation(left(scope), right(scope));
    }
    case 'conditional': {
      const test = compile(expr.test, source);
      const consequent = compile(expr.consequent, source);
      const alternate = compile(expr.alternate, source);
      return (scope) => (test(scope) ? consequent(scope) : alternate(scope));
    }
    case 'array':
      return compileList(expr.items, source);
    case 'object': {
      const parts = expr.properties.map((p) => (p.type === 'spread' ? { key: undefined, evaluate: compile(p.argument, source) } : { key: p.key, evaluate: compile(p.value, source) }));
      return (scope) => {
        const out: Record<string, unknown> = {};
        for (const part of parts) {
          const value = part.evaluate(scope);
          if (part.key !== undefined) out[part.key] = value;
          else if (value !== null && typeof value === 'object') Object.assign(out, value);
        }
        return out;
      };
    }
  }
}

/** What an expression uses that the TTML compiler on devices rejects (ttsim evaluates it, and warns). */
export interface ExpressionFeatures {
  /** A function or method call: `a.indexOf(x)`. */
  calls: boolean;
  /** An object literal `{a: 1}` (devices accept them only in a template's data). */
  objectLiterals: boolean;
}

export interface CompiledExpression extends ExpressionFeatures {
  evaluate: Evaluate;
}

function featuresOf(expr: Expr, features: ExpressionFeatures, isRoot: boolean): ExpressionFeatures {
  const visit = (child: Expr | ListItem) => featuresOf(child.type === 'spread' ? child.argument : child, features, false);
  switch (expr.type) {
    case 'member':
      visit(expr.object);
      visit(expr.property);
      break;
    case 'call':
      features.calls = true;
      visit(expr.callee);
      expr.args.forEach(visit);
      break;
    case 'unary':
      visit(expr.argument);
      break;
    case 'binary':
      visit(expr.left);
      visit(expr.right);
      break;
    case 'conditional':
      visit(expr.test);
      visit(expr.consequent);
      visit(expr.alternate);
      break;
    case 'array':
      expr.items.forEach(visit);
      break;
    case 'object':
      if (!isRoot) features.objectLiterals = true;
      for (const property of expr.properties) visit(property.type === 'spread' ? property.argument : property.value);
      break;
    default:
      break;
  }
  return features;
}

const MAX_CACHED = 5000;
const cache = new Map<string, CompiledExpression>();

function cached(key: string, build: () => CompiledExpression): CompiledExpression {
  let compiled = cache.get(key);
  if (compiled === undefined) {
    compiled = build();
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
  }
  return compiled;
}

/** Compiles `{{ source }}`; throws ExpressionSyntaxError. The same source compiles once per session. */
export function compileExpression(source: string): CompiledExpression {
  return cached(`e:${source}`, () => {
    const expr = parseExpression(source);
    return { evaluate: compile(expr, source), ...featuresOf(expr, { calls: false, objectLiterals: false }, false) };
  });
}

/** Compiles a template's `data="{{a: 1, ...b}}"`: object members without braces. */
export function compileObjectBody(source: string): CompiledExpression {
  return cached(`o:${source}`, () => {
    const expr = parseObjectBody(source);
    return { evaluate: compile(expr, source), ...featuresOf(expr, { calls: false, objectLiterals: false }, true) };
  });
}
