/**
 * Finds and loads custom components: `usingComponents` of app.json (global: every page and component may
 * use them), of a page's JSON and of a component's JSON; each names a file set `x.json`
 * (`{"component": true}`), `x.ttml`, `x.ttss` (optional) and `x.js` (calls `Component({...})`).
 *
 * Paths are relative to the JSON that declares them (`../comp/x`) or root-absolute (`/components/x/x`);
 * a path naming a folder means its `index` (WeChat; inferred). Each component is loaded once, on first use,
 * and every problem is reported with the file to fix: a path that names no component, invalid JSON, a
 * missing .ttml or .js, a JS file that throws or never calls Component(), a bad property type, a TTML or
 * TTSS error. A component that failed to load is not retried (one report, not one per instance).
 */
import { compileTtml, type CompiledTtml, type ParseFile } from '../../ttml/index.js';
import { normalisePackagePath, resolvePackagePath } from '../../ttml/package-path.js';
import { compileTtss } from '../../ttss/index.js';
import { defineBehavior, defineComponent, type BehaviorHandle, type ComponentDefinition } from './component-definition.js';
import { ModuleError } from './modules.js';
import { componentClassCondition, hostSelector, PAGE_CLASS_CONDITION, scopeClassSelectors, scopeToken } from './style-scope.js';

export interface ComponentRegistryHost {
  readonly files: Readonly<Record<string, string>>;
  /** A TTML file's raw tree, as the host parsed it (boot payload). */
  readonly parseTemplate: ParseFile;
  /** Runs a package JS file (ModuleLoader.load); it throws what the file throws. */
  loadModule(path: string): void;
  reportError(error: unknown, where: string): void;
  /** px per rpx for the components' TTSS. */
  readonly rpxToPx: number;
}

/** A component ready to be instantiated. */
export interface LoadedComponent {
  readonly definition: ComponentDefinition;
  readonly template: CompiledTtml;
  /** Its TTSS compiled and scoped; undefined without a .ttss file. */
  readonly css: string | undefined;
  /** Tag → component path its template may use (its JSON's usingComponents and the global ones). */
  readonly using: ReadonlyMap<string, string>;
  /** Its style scope token (style-scope.ts). */
  readonly token: string;
}

export type UsingMap = ReadonlyMap<string, string>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export class ComponentRegistry {
  private readonly loaded = new Map<string, LoadedComponent | null>();
  /** Component paths whose JS is running (Component() belongs to the innermost). */
  private readonly loading: string[] = [];
  private readonly defined = new Map<string, unknown>();
  private readonly usingCache = new Map<string, UsingMap>();
  private globalUsing: UsingMap | undefined;

  constructor(private readonly host: ComponentRegistryHost) {}

  /** Whether any JSON file of the package declares usingComponents (then page styles are scoped too). */
  static declaresComponents(files: Readonly<Record<string, string>>): boolean {
    for (const [path, text] of Object.entries(files)) {
      if (!path.endsWith('.json') || !text.includes('usingComponents')) continue;
      try {
        const json = JSON.parse(text) as { usingComponents?: unknown };
        if (isRecord(json.usingComponents) && Object.keys(json.usingComponents).length > 0) return true;
      } catch {
        // Reported where the file is read.
      }
    }
    return false;
  }

  /** The global `Component()`: records the options for the component file being loaded. */
  component(options: unknown): void {
    const path = this.loading[this.loading.length - 1];
    if (path === undefined) throw new Error('Component() may only be called in a custom component\'s JS file (one named by usingComponents); ttsim does not build pages with Component() — use Page()');
    if (this.defined.has(path)) throw new Error(`${path}.js calls Component() twice`);
    this.defined.set(path, options);
  }

  /** The global `Behavior()`. */
  behavior(options: unknown): BehaviorHandle {
    const path = this.loading[this.loading.length - 1];
    return defineBehavior(options, path ? `${path}.js` : 'a Behavior() outside a component file');
  }

  /** What a page (`pages/a/a`) may use: app.json's usingComponents and its own JSON's. */
  usingForPage(route: string): UsingMap {
    return this.usingFor(`${route}.json`);
  }

  /** Loads a component by path (once); undefined (after reporting why) when it cannot be used. */
  load(path: string): LoadedComponent | undefined {
    if (this.loaded.has(path)) return this.loaded.get(path) ?? undefined;
    this.loaded.set(path, null);
    try {
      const component = this.read(path);
      this.loaded.set(path, component);
      return component;
    } catch (error) {
      this.host.reportError(error, `component ${path}`);
      return undefined;
    }
  }

  private usingFor(jsonPath: string): UsingMap {
    const cached = this.usingCache.get(jsonPath);
    if (cached) return cached;
    const using = new Map(this.global());
    for (const [tag, path] of this.declared(jsonPath)) using.set(tag, path);
    this.usingCache.set(jsonPath, using);
    return using;
  }

  private global(): UsingMap {
    this.globalUsing ??= this.declared('app.json');
    return this.globalUsing;
  }

  /** The usingComponents a JSON file declares, resolved; a path that names no component is reported. */
  private declared(jsonPath: string): Map<string, string> {
    const using = new Map<string, string>();
    const text = this.host.files[jsonPath];
    if (text === undefined) return using;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      this.host.reportError(new ModuleError(`${jsonPath} is not valid JSON: ${(error as Error).message}`, jsonPath), jsonPath);
      return using;
    }
    const declared = isRecord(json) ? json.usingComponents : undefined;
    if (declared === undefined) return using;
    if (!isRecord(declared)) {
      this.host.reportError(new ModuleError(`${jsonPath}: usingComponents must be an object of tag → path`, jsonPath), jsonPath);
      return using;
    }
    for (const [tag, target] of Object.entries(declared)) {
      if (typeof target !== 'string' || target === '') {
        this.host.reportError(new ModuleError(`${jsonPath}: usingComponents "${tag}" must be a path like "/components/${tag}/${tag}"`, jsonPath), jsonPath);
        continue;
      }
      const path = this.resolve(jsonPath, target);
      if (path === undefined) {
        const wanted = target.startsWith('/') ? normalisePackagePath(target) : resolvePackagePath(jsonPath, target);
        const why = /^[a-z][\w+.-]*:\/\//i.test(target) ? `${target.split('://')[0]}:// components are not supported by ttsim` : `no component at ${wanted} (${wanted}.js and ${wanted}.json do not exist)`;
        this.host.reportError(new ModuleError(`${jsonPath}: usingComponents "${tag}": "${target}" — ${why}`, jsonPath), jsonPath);
        continue;
      }
      using.set(tag, path);
    }
    return using;
  }

  private resolve(fromJson: string, target: string): string | undefined {
    if (/^[a-z][\w+.-]*:\/\//i.test(target)) return undefined;
    const base = target.startsWith('/') ? normalisePackagePath(target) : resolvePackagePath(fromJson, target);
    for (const candidate of [base, `${base}/index`]) {
      if (this.host.files[`${candidate}.js`] !== undefined || this.host.files[`${candidate}.json`] !== undefined) return candidate;
    }
    return undefined;
  }

  private read(path: string): LoadedComponent {
    const files = this.host.files;
    const jsonPath = `${path}.json`;
    const jsonText = files[jsonPath];
    if (jsonText === undefined) throw new ModuleError(`${jsonPath} is missing: a custom component needs ${jsonPath} with {"component": true}`, jsonPath);
    let json: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(jsonText);
      if (!isRecord(parsed)) throw new Error('it must be an object');
      json = parsed;
    } catch (error) {
      throw new ModuleError(`${jsonPath} is not valid JSON: ${(error as Error).message}`, jsonPath);
    }
    if (json.component !== true) console.warn(`${jsonPath} does not say "component": true (a custom component's JSON should)`);
    const ttmlPath = `${path}.ttml`;
    const source = files[ttmlPath];
    if (source === undefined) throw new ModuleError(`${ttmlPath} is missing: every custom component needs its .ttml file`, ttmlPath);
    const jsPath = `${path}.js`;
    if (files[jsPath] === undefined) throw new ModuleError(`${jsPath} is missing: every custom component needs its .js file calling Component({...})`, jsPath);

    this.loading.push(path);
    try {
      this.host.loadModule(jsPath);
    } finally {
      this.loading.pop();
    }
    if (!this.defined.has(path)) throw new ModuleError(`${jsPath} did not call Component({...})`, jsPath);
    const definition = defineComponent(path, this.defined.get(path), json);
    for (const warning of definition.warnings) console.warn(`${jsPath}: ${warning}`);
    if (definition.problems.length > 0) {
      // Reported, not fatal: the component still renders with what could be understood.
      this.host.reportError(new ModuleError(`${jsPath}: ${definition.problems.join('; ')}`, jsPath), jsPath);
    }

    const template = compileTtml(source, { path: ttmlPath, load: (p: string) => files[p], parse: this.host.parseTemplate });
    for (const warning of template.warnings) console.warn(warning);
    const token = scopeToken(path);
    const ttssPath = `${path}.ttss`;
    const ttss = files[ttssPath];
    let css: string | undefined;
    if (ttss !== undefined) {
      const compiled = compileTtss(ttss, { path: ttssPath, load: (p: string) => files[p], rpxToPx: this.host.rpxToPx });
      css = scopeClassSelectors(compiled, definition.styleIsolation === 'shared' ? PAGE_CLASS_CONDITION : componentClassCondition(token), hostSelector(token));
    }
    return { definition, template, css, using: this.usingFor(jsonPath), token };
  }
}
