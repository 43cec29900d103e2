/**
 * What `Component({...})` and `Behavior({...})` declare, normalised and merged (WeChat's rules, inferred
 * for Feishu — its gadget framework is of the WeChat-compatible family and documents no other):
 * - behaviors apply first, in order, each after its own behaviors; a behavior used twice applies once;
 * - properties and methods: the later definition wins (the component's own beat its behaviors');
 * - data: merged, objects field by field, other values replaced;
 * - lifetimes, pageLifetimes and observers: all of them run, behaviors' first;
 * - `lifetimes: { attached }` wins over a top-level `attached` of the same definition.
 */
import type { Observer } from './observers.js';
import { parseObserverKey } from './observers.js';
import { copyValue, normalizeProperty, type PropertyDefinition } from './property-types.js';

export type Callback = ((...args: unknown[]) => unknown) | string;

export const LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'] as const;
export type Lifetime = (typeof LIFETIMES)[number];
export const PAGE_LIFETIMES = ['show', 'hide', 'resize'] as const;
export type PageLifetime = (typeof PAGE_LIFETIMES)[number];

/** styleIsolation: how page styles and component styles reach each other (style-scope.ts). */
export type StyleIsolation = 'isolated' | 'apply-shared' | 'shared';

const BEHAVIOR = Symbol('ttsim.behavior');

/** What one `Component({...})` or `Behavior({...})` call declares. */
interface DefinitionPart {
  readonly file: string;
  readonly properties: PropertyDefinition[];
  readonly data: Record<string, unknown>;
  readonly methods: Record<string, (...args: unknown[]) => unknown>;
  readonly lifetimes: Partial<Record<Lifetime, Callback>>;
  readonly pageLifetimes: Partial<Record<PageLifetime, Callback>>;
  readonly observers: Observer[];
  readonly behaviors: BehaviorHandle[];
  readonly externalClasses: string[];
  readonly options: Readonly<Record<string, unknown>>;
  /** Declarations that cannot work (a bad property type): shown as errors with the file. */
  readonly problems: string[];
  /** Things that are ignored (a built-in behavior name): logged. */
  readonly warnings: string[];
}

/** What `Behavior({...})` returns: an opaque handle to list in `behaviors`. */
export interface BehaviorHandle {
  readonly [BEHAVIOR]: DefinitionPart;
}

export interface ComponentDefinition {
  /** The component's path (`components/card/card`), also `this.is`. */
  readonly is: string;
  readonly properties: ReadonlyMap<string, PropertyDefinition>;
  /** Data and property defaults, fresh for each instance. */
  initialData(): Record<string, unknown>;
  readonly methods: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  readonly lifetimes: Readonly<Record<Lifetime, readonly Callback[]>>;
  readonly pageLifetimes: Readonly<Record<PageLifetime, readonly Callback[]>>;
  readonly observers: readonly Observer[];
  readonly externalClasses: ReadonlySet<string>;
  readonly multipleSlots: boolean;
  readonly styleIsolation: StyleIsolation;
  readonly behaviors: ReadonlySet<BehaviorHandle>;
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isCallback(value: unknown): value is Callback {
  return typeof value === 'function' || typeof value === 'string';
}

export function isBehavior(value: unknown): value is BehaviorHandle {
  return isObject(value) && BEHAVIOR in value;
}

/** Reads the options object of one Component() / Behavior() call; `file` names it in messages. */
function normalizePart(raw: unknown, file: string, kind: 'Component' | 'Behavior'): DefinitionPart {
  const problems: string[] = [];
  const warnings: string[] = [];
  const options = isObject(raw) ? raw : {};
  if (!isObject(raw)) problems.push(`${kind}() needs an object: ${kind}({ properties, data, methods, … })`);

  const properties: PropertyDefinition[] = [];
  if (options.properties !== undefined) {
    if (!isObject(options.properties)) problems.push('properties must be an object: { name: String, … }');
    else
      for (const [name, declared] of Object.entries(options.properties)) {
        const { definition, problem } = normalizeProperty(name, declared);
        properties.push(definition);
        if (problem) problems.push(problem);
      }
  }

  let data: Record<string, unknown> = {};
  if (options.data !== undefined) {
    if (isObject(options.data)) data = options.data;
    else problems.push('data must be an object');
  }

  const methods: Record<string, (...args: unknown[]) => unknown> = {};
  if (options.methods !== undefined) {
    if (!isObject(options.methods)) problems.push('methods must be an object of functions');
    else
      for (const [name, method] of Object.entries(options.methods)) {
        if (typeof method === 'function') methods[name] = method as (...args: unknown[]) => unknown;
        else warnings.push(`methods.${name} is not a function; it is ignored`);
      }
  }

  const lifetimes: Partial<Record<Lifetime, Callback>> = {};
  const lifetimesField = isObject(options.lifetimes) ? options.lifetimes : {};
  for (const name of LIFETIMES) {
    const hook = lifetimesField[name] ?? options[name];
    if (hook === undefined) continue;
    if (isCallback(hook)) lifetimes[name] = hook;
    else problems.push(`lifetime ${name} must be a function`);
  }
  const pageLifetimes: Partial<Record<PageLifetime, Callback>> = {};
  if (isObject(options.pageLifetimes)) {
    for (const name of PAGE_LIFETIMES) {
      const hook = options.pageLifetimes[name];
      if (hook === undefined) continue;
      if (isCallback(hook)) pageLifetimes[name] = hook;
      else problems.push(`pageLifetimes.${name} must be a function`);
    }
  }

  const observers: Observer[] = [];
  if (options.observers !== undefined) {
    if (!isObject(options.observers)) problems.push("observers must be an object: { 'a, b': function (a, b) {} }");
    else
      for (const [key, callback] of Object.entries(options.observers)) {
        if (!isCallback(callback)) {
          problems.push(`observer "${key}" must be a function`);
          continue;
        }
        try {
          observers.push({ key, paths: parseObserverKey(key), callback });
        } catch (error) {
          problems.push((error as Error).message);
        }
      }
  }

  const behaviors: BehaviorHandle[] = [];
  if (options.behaviors !== undefined) {
    const list: unknown[] = Array.isArray(options.behaviors) ? (options.behaviors as unknown[]) : [options.behaviors];
    for (const behavior of list) {
      if (isBehavior(behavior)) behaviors.push(behavior);
      else if (typeof behavior === 'string') warnings.push(`the built-in behavior "${behavior}" is not emulated by ttsim; it is ignored`);
      else problems.push('behaviors must list what Behavior({...}) returned');
    }
  }

  const externalClasses: string[] = [];
  if (options.externalClasses !== undefined) {
    if (Array.isArray(options.externalClasses) && (options.externalClasses as unknown[]).every((c) => typeof c === 'string')) externalClasses.push(...(options.externalClasses as string[]));
    else problems.push("externalClasses must be a list of class names: ['my-class']");
  }

  return { file, properties, data, methods, lifetimes, pageLifetimes, observers, behaviors, externalClasses, options: isObject(options.options) ? options.options : {}, problems, warnings };
}

export function defineBehavior(raw: unknown, file: string): BehaviorHandle {
  return Object.freeze({ [BEHAVIOR]: normalizePart(raw, file, 'Behavior') });
}

/** Objects merge field by field (copied, never shared); anything else is replaced (glass-easel's shallowMerge). */
function mergeData(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    const current = into[key];
    if (isObject(current) && isObject(value)) {
      const merged = copyValue(current);
      mergeData(merged, value);
      into[key] = merged;
    } else into[key] = copyValue(value);
  }
}

/** Behaviors in the order they apply: each after its own behaviors, each once. */
function flatten(part: DefinitionPart, seen: Set<BehaviorHandle>, out: { handle: BehaviorHandle; part: DefinitionPart }[]): void {
  for (const handle of part.behaviors) {
    if (seen.has(handle)) continue;
    seen.add(handle);
    flatten(handle[BEHAVIOR], seen, out);
    out.push({ handle, part: handle[BEHAVIOR] });
  }
}

const STYLE_ISOLATIONS: readonly StyleIsolation[] = ['isolated', 'apply-shared', 'shared'];

/**
 * The component `is` from its Component() options and its JSON (`styleIsolation` in the JSON wins over the
 * JS options, as WeChat documents from base library 2.10.1 — inferred).
 */
export function defineComponent(is: string, raw: unknown, json: Readonly<Record<string, unknown>>): ComponentDefinition {
  const own = normalizePart(raw, `${is}.js`, 'Component');
  const seen = new Set<BehaviorHandle>();
  const applied: { handle: BehaviorHandle; part: DefinitionPart }[] = [];
  flatten(own, seen, applied);
  const parts = [...applied.map((a) => a.part), own];

  const properties = new Map<string, PropertyDefinition>();
  const data: Record<string, unknown> = {};
  const methods: Record<string, (...args: unknown[]) => unknown> = {};
  const lifetimes = Object.fromEntries(LIFETIMES.map((name) => [name, [] as Callback[]])) as Record<Lifetime, Callback[]>;
  const pageLifetimes = Object.fromEntries(PAGE_LIFETIMES.map((name) => [name, [] as Callback[]])) as Record<PageLifetime, Callback[]>;
  const observers: Observer[] = [];
  const externalClasses = new Set<string>();
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const part of parts) {
    const where = part === own ? '' : ` (in the behavior from ${part.file})`;
    for (const property of part.properties) properties.set(property.name, property);
    mergeData(data, part.data);
    Object.assign(methods, part.methods);
    for (const name of LIFETIMES) if (part.lifetimes[name]) lifetimes[name].push(part.lifetimes[name]);
    for (const name of PAGE_LIFETIMES) if (part.pageLifetimes[name]) pageLifetimes[name].push(part.pageLifetimes[name]);
    observers.push(...part.observers);
    for (const name of part.externalClasses) externalClasses.add(name);
    problems.push(...part.problems.map((p) => p + where));
    warnings.push(...part.warnings.map((w) => w + where));
  }

  const options = own.options;
  let styleIsolation: StyleIsolation = options.addGlobalClass === true ? 'apply-shared' : 'isolated';
  for (const declared of [options.styleIsolation, json.styleIsolation]) {
    if (declared === undefined) continue;
    if (STYLE_ISOLATIONS.includes(declared as StyleIsolation)) styleIsolation = declared as StyleIsolation;
    else problems.push(`styleIsolation ${JSON.stringify(declared)} is not one of ${STYLE_ISOLATIONS.join(', ')}`);
  }

  return {
    is,
    properties,
    initialData: () => {
      const fresh = copyValue(data);
      for (const property of properties.values()) if (!Object.hasOwn(fresh, property.name)) fresh[property.name] = property.defaultValue();
      return fresh;
    },
    methods,
    lifetimes,
    pageLifetimes,
    observers,
    externalClasses,
    multipleSlots: options.multipleSlots === true,
    styleIsolation,
    behaviors: new Set(applied.map((a) => a.handle)),
    problems,
    warnings,
  };
}
