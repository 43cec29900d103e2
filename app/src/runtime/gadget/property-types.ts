/**
 * Custom component properties: their declared types and how a value passed in is converted to the type.
 *
 * The rules follow WeChat's public component framework (glass-easel, `normalizeProperty` and
 * `convertValueToType` in glass-easel/src/behavior.ts) — inferred for Feishu, whose gadget framework is of
 * the same family and publishes no rules of its own:
 * - String: null / undefined → the default (with a warning); anything else → String(value) (an object warns);
 * - Number: a finite number or a numeric string → Number(value); anything else → the default, warning;
 * - Boolean: !!value, so the attribute text "false" is true (WeChat's well-known trap);
 * - Array: an array, else the default (warning); Object: any object (arrays and null too), else the default;
 * - Function: a function, else the default; null / undefined type: any value, undefined → null.
 * `optionalTypes` lets a value of those types through unconverted.
 */

export type PropertyType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'function' | 'any';

export interface PropertyDefinition {
  readonly name: string;
  readonly type: PropertyType;
  readonly optionalTypes: readonly PropertyType[];
  /** A fresh default for each instance (an object default is copied). */
  defaultValue(): unknown;
  /** Called with (newValue, oldValue) when the value changes; a method name is looked up on the instance. */
  readonly observer: ((...args: unknown[]) => unknown) | string | undefined;
}

const TYPE_DEFAULTS: Record<PropertyType, () => unknown> = {
  string: () => '',
  number: () => 0,
  boolean: () => false,
  object: () => null,
  array: () => [],
  function: () => () => {},
  any: () => null,
};

const TYPE_NAMES: Record<PropertyType, string> = { string: 'String', number: 'Number', boolean: 'Boolean', object: 'Object', array: 'Array', function: 'Function', any: 'null' };

/** `String` → 'string' … ; `null` / `undefined` → 'any'; anything else is not a type. */
function typeOf(constructor: unknown): PropertyType | undefined {
  if (constructor === String) return 'string';
  if (constructor === Number) return 'number';
  if (constructor === Boolean) return 'boolean';
  if (constructor === Object) return 'object';
  if (constructor === Array) return 'array';
  if (constructor === Function) return 'function';
  if (constructor === null || constructor === undefined) return 'any';
  return undefined;
}

function describeType(value: unknown): string {
  if (typeof value === 'function') return (value as { name?: string }).name ? `the function ${(value as { name: string }).name}` : 'a function';
  return JSON.stringify(value) ?? String(value);
}

/** Copies plain objects and arrays (functions and other values stay as they are). */
export function copyValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyValue(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = copyValue(item);
    return out as T;
  }
  return value;
}

/** Deep equality of plain objects and arrays (other values by identity): a parent's setData changes data in place. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * One entry of `properties`: the short form (`title: String`) or the long form
 * (`{ type, optionalTypes, value, observer }`). A type that is none of String, Number, Boolean, Object,
 * Array, Function or null is a problem (returned, the property then takes any value).
 */
export function normalizeProperty(name: string, raw: unknown): { definition: PropertyDefinition; problem?: string } {
  const short = typeOf(raw);
  if (short !== undefined) {
    return { definition: { name, type: short, optionalTypes: [], defaultValue: TYPE_DEFAULTS[short], observer: undefined } };
  }
  if (raw === null || typeof raw !== 'object') {
    return {
      definition: { name, type: 'any', optionalTypes: [], defaultValue: TYPE_DEFAULTS.any, observer: undefined },
      problem: `property "${name}" is declared as ${describeType(raw)}: write a type (String, Number, Boolean, Object, Array, Function or null) or { type, value, observer }`,
    };
  }
  const long = raw as { type?: unknown; optionalTypes?: unknown; value?: unknown; observer?: unknown };
  let problem: string | undefined;
  let type = typeOf(long.type);
  if (type === undefined) {
    problem = `property "${name}" has type ${describeType(long.type)}: the type must be String, Number, Boolean, Object, Array, Function or null`;
    type = 'any';
  }
  const optionalTypes: PropertyType[] = [];
  if (Array.isArray(long.optionalTypes)) {
    for (const optional of long.optionalTypes as unknown[]) {
      const t = typeOf(optional);
      if (t === undefined) problem ??= `property "${name}" lists ${describeType(optional)} in optionalTypes: only String, Number, Boolean, Object, Array, Function or null`;
      else optionalTypes.push(t);
    }
  }
  const observer = typeof long.observer === 'function' || typeof long.observer === 'string' ? (long.observer as PropertyDefinition['observer']) : undefined;
  if (long.observer !== undefined && observer === undefined) problem ??= `property "${name}" has an observer that is neither a function nor a method name`;
  const hasValue = Object.hasOwn(long, 'value');
  const value = long.value;
  const defaultValue = hasValue ? () => copyValue(value) : TYPE_DEFAULTS[type];
  const definition: PropertyDefinition = { name, type, optionalTypes, defaultValue, observer };
  return problem === undefined ? { definition } : { definition, problem };
}

function matches(type: PropertyType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'function':
      return typeof value === 'function';
    case 'any':
      return value !== undefined;
  }
}

/** The value a property takes for `value`, and a warning when it did not fit the type. */
export function convertProperty(property: PropertyDefinition, value: unknown): { value: unknown; warning?: string } {
  for (const optional of property.optionalTypes) if (matches(optional, value)) return { value };
  const expected = `expected <${TYPE_NAMES[property.type]}>`;
  const incompatible = (got: string, used: string) => `property "${property.name}" received type-incompatible value: ${expected} but got ${got}. ${used}`;
  switch (property.type) {
    case 'string':
      if (value === null || value === undefined) return { value: property.defaultValue(), warning: incompatible('a null value', 'Used the default value instead.') };
      return typeof value === 'object' ? { value: String(value), warning: incompatible('an object', 'Converted it with String().') } : { value: String(value) };
    case 'number':
      // The global isFinite, as glass-easel: numeric strings ('3', '') and null count as numbers.
      if (typeof value !== 'symbol' && isFinite(value as number)) return { value: Number(value) };
      return { value: property.defaultValue(), warning: incompatible(typeof value === 'number' ? 'NaN or Infinity' : 'a non-number value', 'Used the default value instead.') };
    case 'boolean':
      return { value: Boolean(value) };
    case 'array':
      return Array.isArray(value) ? { value } : { value: property.defaultValue(), warning: incompatible('a non-array value', 'Used the default value instead.') };
    case 'object':
      return typeof value === 'object' ? { value } : { value: property.defaultValue(), warning: incompatible('a non-object value', 'Used the default value instead.') };
    case 'function':
      return typeof value === 'function' ? { value } : { value: property.defaultValue(), warning: incompatible('a non-function value', 'Used the default value instead.') };
    case 'any':
      return { value: value === undefined ? property.defaultValue() : value };
  }
}

/** `itemTitle` ↔ `item-title`: the attribute a parent writes for a property. */
export function attributeOf(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
