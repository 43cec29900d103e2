/**
 * What an expression may do with a value. Expressions never see a global (names resolve in the Scope
 * only), and these rules close the ways back to one through values:
 * - `constructor`, `__proto__`, `prototype` and the `__define/lookup{G,S}etter__` family read as undefined
 *   (unless a plain data object has them as its own property), so `''.constructor.constructor` — the
 *   Function constructor — is out of reach;
 * - a function's own properties (`fn.call`, `fn.apply`, `fn.bind`, `fn.constructor`) read as undefined;
 * - methods that would change the page data in place (`push`, `sort`, …) may not be called.
 */

export class ExpressionRuntimeError extends Error {
  constructor(
    /** Offset in the expression source of the part that failed. */
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

const BLOCKED_PROPERTIES = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
const MUTATING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

function propertyKey(key: unknown): string | number {
  return typeof key === 'number' ? key : String(key);
}

/** `object[key]` as an expression sees it; a member of null or undefined is undefined, as in WeChat. */
export function readMember(object: unknown, key: unknown): unknown {
  if (object === null || object === undefined || typeof object === 'function') return undefined;
  const name = propertyKey(key);
  if (typeof name === 'string' && BLOCKED_PROPERTIES.has(name) && !(typeof object === 'object' && Object.hasOwn(object, name))) return undefined;
  // A mutating method read as a value (ys.forEach(ys.push, ys)) is a stand-in that refuses to run.
  if (typeof name === 'string' && MUTATING_METHODS.has(name) && (Array.isArray(object) || ArrayBuffer.isView(object))) return refuseMutation(name);
  return (object as Record<string | number, unknown>)[name];
}

const refusals = new Map<string, () => never>();
function refuseMutation(name: string): () => never {
  let refusal = refusals.get(name);
  if (!refusal) {
    refusal = () => {
      throw new Error(`${name}() would change the page data in place: template expressions may not call it`);
    };
    refusals.set(name, refusal);
  }
  return refusal;
}

/** `object.key(...args)`; `describe` names the callee for messages. */
export function callMember(object: unknown, key: unknown, args: unknown[], describe: () => string, offset: number): unknown {
  if (object === null || object === undefined) throw new ExpressionRuntimeError(offset, `cannot call ${describe()}(): its object is ${String(object)}`);
  const name = propertyKey(key);
  if (typeof name === 'string' && MUTATING_METHODS.has(name) && (Array.isArray(object) || ArrayBuffer.isView(object))) {
    throw new ExpressionRuntimeError(offset, `${describe()}() would change the page data in place: template expressions may not call ${name}()`);
  }
  const method = readMember(object, key);
  if (typeof method !== 'function') throw new ExpressionRuntimeError(offset, `${describe()} is not a function`);
  return invoke(method, object, args, describe, offset);
}

/** `fn(...args)` for a function found in the data. */
export function callValue(fn: unknown, args: unknown[], describe: () => string, offset: number): unknown {
  if (typeof fn !== 'function') throw new ExpressionRuntimeError(offset, `${describe()} is not a function`);
  return invoke(fn, undefined, args, describe, offset);
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any callable found in the data
function invoke(fn: Function, self: unknown, args: unknown[], describe: () => string, offset: number): unknown {
  try {
    return Reflect.apply(fn, self, args) as unknown;
  } catch (error) {
    throw new ExpressionRuntimeError(offset, `${describe()}() threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}
