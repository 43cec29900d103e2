/**
 * `{{ }}` expressions. Each is compiled once into a function over the render scope; names the scope does not
 * have evaluate to undefined (rendered as ''), as in the WeChat-compatible family. This is no security
 * boundary: the template runs in the gadget's own sandboxed frame, where the gadget's JS already runs.
 */
const cache = new Map<string, (scope: object) => unknown>();

/** Scope proxy: every name resolves here, so that unknown names are undefined instead of globals. */
const scopeHandler: ProxyHandler<Record<string | symbol, unknown>> = {
  has: (_target, key) => key !== Symbol.unscopables,
  get: (target, key) => (key === Symbol.unscopables ? undefined : target[key]),
};

export function compileExpression(source: string): (scope: object) => unknown {
  let fn = cache.get(source);
  if (!fn) {
    // SyntaxError here names the expression; the caller adds file and line.
    const body = new Function('$scope', `with ($scope) { return (${source}); }`) as (scope: object) => unknown;
    fn = (scope) => body(new Proxy(scope as Record<string | symbol, unknown>, scopeHandler));
    cache.set(source, fn);
  }
  return fn;
}

export interface Segment {
  readonly text?: string;
  readonly expression?: string;
}

/** Splits `a {{b}} c` into text and expression segments. */
export function splitMustaches(value: string): Segment[] {
  const segments: Segment[] = [];
  let rest = value;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open < 0) break;
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) break;
    let end = close;
    // `{{ {a: {b: 1}} }}`: extend to the last '}}' that keeps braces balanced.
    while (unbalanced(rest.slice(open + 2, end)) && rest.indexOf('}}', end + 1) >= 0) end = rest.indexOf('}}', end + 1);
    if (open > 0) segments.push({ text: rest.slice(0, open) });
    segments.push({ expression: rest.slice(open + 2, end).trim() });
    rest = rest.slice(end + 2);
  }
  if (rest) segments.push({ text: rest });
  return segments;
}

function unbalanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  return depth > 0;
}

export const hasMustache = (value: string) => /\{\{[\s\S]*?\}\}/.test(value);
