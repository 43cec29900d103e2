/**
 * Parses a `{{ }}` expression into an AST (Pratt parser). The language: literals (number, string, true,
 * false, null, undefined), names, member access (`a.b`, `a[b]`, `a?.b`), calls, unary `! - + typeof`,
 * binary arithmetic / comparison / logical operators, `?:`, array and object literals with spread.
 * No assignment, no functions, no `new`, no templates strings, no regular expressions.
 */
import { ExpressionSyntaxError, tokenizeExpression, type ExprToken } from './expression-lexer.js';

export type Expr =
  | { type: 'literal'; value: unknown; start: number; end: number }
  | { type: 'name'; name: string; start: number; end: number }
  | { type: 'member'; object: Expr; property: Expr; computed: boolean; start: number; end: number }
  | { type: 'call'; callee: Expr; args: ListItem[]; start: number; end: number }
  | { type: 'unary'; operator: string; argument: Expr; start: number; end: number }
  | { type: 'binary'; operator: string; left: Expr; right: Expr; start: number; end: number }
  | { type: 'conditional'; test: Expr; consequent: Expr; alternate: Expr; start: number; end: number }
  | { type: 'array'; items: ListItem[]; start: number; end: number }
  | { type: 'object'; properties: ObjectItem[]; start: number; end: number };

export type ListItem = Expr | { type: 'spread'; argument: Expr };
export type ObjectItem = { type: 'property'; key: string; value: Expr } | { type: 'spread'; argument: Expr };

/** Binding power of each binary operator; `**` is right-associative. */
const BINARY_PRECEDENCE: Record<string, number> = {
  '??': 1,
  '||': 2,
  '&&': 3,
  '==': 4,
  '!=': 4,
  '===': 4,
  '!==': 4,
  '<': 5,
  '>': 5,
  '<=': 5,
  '>=': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '%': 7,
  '**': 8,
};
const KEYWORDS: Record<string, unknown> = { true: true, false: false, null: null, undefined: undefined };

function describe(token: ExprToken): string {
  return token.kind === 'end' ? 'end of expression' : `token '${token.kind === 'string' ? JSON.stringify(token.value) : String(token.value)}'`;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: ExprToken[]) {}

  private get token(): ExprToken {
    return this.tokens[this.index]!;
  }

  private next(): ExprToken {
    return this.tokens[this.index++]!;
  }

  private is(value: string): boolean {
    return this.token.kind === 'punct' && this.token.value === value;
  }

  private eat(value: string): boolean {
    if (!this.is(value)) return false;
    this.index++;
    return true;
  }

  private expect(value: string): ExprToken {
    if (!this.is(value)) throw new ExpressionSyntaxError(this.token.start, `unexpected ${describe(this.token)}, expected '${value}'`);
    return this.next();
  }

  unexpected(): never {
    throw new ExpressionSyntaxError(this.token.start, `unexpected ${describe(this.token)}`);
  }

  atEnd(): boolean {
    return this.token.kind === 'end';
  }

  expression(): Expr {
    const test = this.binary(0);
    if (!this.eat('?')) return test;
    const consequent = this.expression();
    this.expect(':');
    const alternate = this.expression();
    return { type: 'conditional', test, consequent, alternate, start: test.start, end: alternate.end };
  }

  private binary(minPrecedence: number): Expr {
    let left = this.unary();
    for (;;) {
      const token = this.token;
      const precedence = token.kind === 'punct' ? BINARY_PRECEDENCE[token.value] : undefined;
      if (precedence === undefined || precedence <= minPrecedence) return left;
      this.index++;
      const right = this.binary(token.value === '**' ? precedence - 1 : precedence);
      left = { type: 'binary', operator: token.value as string, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): Expr {
    const token = this.token;
    const isTypeof = token.kind === 'name' && token.value === 'typeof';
    if ((token.kind === 'punct' && (token.value === '!' || token.value === '-' || token.value === '+')) || isTypeof) {
      this.index++;
      const argument = this.unary();
      return { type: 'unary', operator: token.value as string, argument, start: token.start, end: argument.end };
    }
    return this.postfix(this.primary());
  }

  private postfix(expr: Expr): Expr {
    for (;;) {
      if (this.eat('.') || this.eat('?.')) {
        const previous = this.tokens[this.index - 1]!;
        if (previous.value === '?.' && this.is('(')) {
          expr = this.call(expr);
          continue;
        }
        if (previous.value === '?.' && this.eat('[')) {
          expr = this.computedMember(expr);
          continue;
        }
        const name = this.next();
        if (name.kind !== 'name') throw new ExpressionSyntaxError(name.start, `unexpected ${describe(name)} after '.'`);
        expr = { type: 'member', object: expr, property: { type: 'literal', value: name.value, start: name.start, end: name.end }, computed: false, start: expr.start, end: name.end };
      } else if (this.eat('[')) {
        expr = this.computedMember(expr);
      } else if (this.is('(')) {
        expr = this.call(expr);
      } else return expr;
    }
  }

  private computedMember(object: Expr): Expr {
    const property = this.expression();
    const close = this.expect(']');
    return { type: 'member', object, property, computed: true, start: object.start, end: close.end };
  }

  private call(callee: Expr): Expr {
    this.expect('(');
    const args = this.list(')');
    return { type: 'call', callee, args, start: callee.start, end: this.tokens[this.index - 1]!.end };
  }

  /** Comma-separated items with spread, after the opening bracket, up to and including `close`. */
  private list(close: string): ListItem[] {
    const items: ListItem[] = [];
    while (!this.eat(close)) {
      items.push(this.eat('...') ? { type: 'spread', argument: this.expression() } : this.expression());
      if (!this.is(close)) this.expect(',');
    }
    return items;
  }

  /** Object members after `{` (or the whole of a template's `data="{{a: 1, ...b}}"`), up to `close`. */
  objectBody(start: number, close: string): Expr {
    const properties: ObjectItem[] = [];
    while (!(close === '' ? this.atEnd() : this.is(close))) {
      if (this.eat('...')) {
        properties.push({ type: 'spread', argument: this.expression() });
      } else {
        const key = this.next();
        if (key.kind === 'end' || key.kind === 'punct') throw new ExpressionSyntaxError(key.start, `unexpected ${describe(key)}, expected a property name`);
        if (this.eat(':')) {
          properties.push({ type: 'property', key: String(key.value), value: this.expression() });
        } else if (key.kind === 'name') {
          properties.push({ type: 'property', key: key.value, value: { type: 'name', name: key.value, start: key.start, end: key.end } });
        } else throw new ExpressionSyntaxError(this.token.start, `unexpected ${describe(this.token)}, expected ':'`);
      }
      if (!(close === '' ? this.atEnd() : this.is(close))) this.expect(',');
    }
    const end = close === '' ? this.token.start : this.expect(close).end;
    return { type: 'object', properties, start, end };
  }

  private primary(): Expr {
    const token = this.next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { type: 'literal', value: token.value, start: token.start, end: token.end };
      case 'name':
        if (Object.hasOwn(KEYWORDS, token.value)) return { type: 'literal', value: KEYWORDS[token.value], start: token.start, end: token.end };
        return { type: 'name', name: token.value, start: token.start, end: token.end };
      case 'punct':
        if (token.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.value === '[') {
          const items = this.list(']');
          return { type: 'array', items, start: token.start, end: this.tokens[this.index - 1]!.end };
        }
        if (token.value === '{') return this.objectBody(token.start, '}');
        break;
      case 'end':
        break;
    }
    this.index--;
    return this.unexpected();
  }
}

/** Parses a whole expression; throws ExpressionSyntaxError with the offset of the offending token. */
export function parseExpression(source: string): Expr {
  const parser = new Parser(tokenizeExpression(source));
  if (parser.atEnd()) throw new ExpressionSyntaxError(0, 'empty expression');
  const expr = parser.expression();
  if (!parser.atEnd()) parser.unexpected();
  return expr;
}

/** Parses the members of an object literal without braces: a template's `data="{{...item, a: 1}}"`. */
export function parseObjectBody(source: string): Expr {
  const parser = new Parser(tokenizeExpression(source));
  return parser.objectBody(0, '');
}
