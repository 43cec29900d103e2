/**
 * CommonJS for gadget JS files: require / module.exports / exports between package files. Each file runs as
 * an inline script with a sourceURL, so stack traces and syntax errors name the original file and line.
 */
import { resolvePackagePath } from '../../ttml/package-path.js';

export type ModuleGlobals = Record<string, unknown>;

export class ModuleError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ModuleError';
  }
}

type Factory = (...args: unknown[]) => void;

export class ModuleLoader {
  private readonly cache = new Map<string, { exports: unknown }>();
  private readonly globalNames: string[];

  constructor(
    private readonly files: Readonly<Record<string, string>>,
    private readonly globals: ModuleGlobals,
    private readonly document: Document,
  ) {
    this.globalNames = Object.keys(globals);
  }

  /** Runs (once) and returns the exports of the package file `path` ('app.js', 'pages/a/a.js'). */
  load(path: string): unknown {
    const cached = this.cache.get(path);
    if (cached) return cached.exports;
    const source = this.files[path];
    if (source === undefined) throw new ModuleError(`module not found: ${path}`, path);
    if (path.endsWith('.json')) {
      const module = { exports: JSON.parse(source) as unknown };
      this.cache.set(path, module);
      return module.exports;
    }
    const module = { exports: {} as unknown };
    this.cache.set(path, module);
    const factory = this.compile(path, source);
    const require = (target: string) => this.load(this.resolve(path, target));
    try {
      factory(require, module, module.exports, ...this.globalNames.map((name) => this.globals[name]));
    } catch (error) {
      this.cache.delete(path);
      throw error;
    }
    return module.exports;
  }

  private resolve(from: string, target: string): string {
    const base = target.startsWith('.') || target.startsWith('/') ? resolvePackagePath(from, target) : resolvePackagePath(from, `./${target}`);
    const candidates = [base, `${base}.js`, `${base}.json`, `${base}/index.js`];
    // A bare name that is no package file is an npm package built into miniprogram_npm (WeChat's layout).
    if (!target.startsWith('.') && !target.startsWith('/')) candidates.push(`miniprogram_npm/${target}/index.js`, `miniprogram_npm/${target}.js`);
    for (const candidate of candidates) {
      if (this.files[candidate] !== undefined) return candidate;
    }
    throw new ModuleError(`module not found: require(${JSON.stringify(target)}) from ${from}`, from);
  }

  private compile(path: string, source: string): Factory {
    const registry = window as unknown as { __ttsimDefine?: (factory: Factory) => void };
    let factory: Factory | undefined;
    let syntaxError: ModuleError | undefined;
    registry.__ttsimDefine = (f) => (factory = f);
    const onError = (event: ErrorEvent) => {
      syntaxError = new ModuleError(event.message, path, event.lineno, event.colno);
      event.preventDefault();
    };
    window.addEventListener('error', onError);
    const script = this.document.createElement('script');
    // The wrapper keeps line numbers: the file's first line is the script's first line.
    script.textContent = `window.__ttsimDefine(function (require, module, exports, ${this.globalNames.join(', ')}) {${source}\n});\n//# sourceURL=ttsim:///${path}`;
    this.document.head.append(script);
    script.remove();
    window.removeEventListener('error', onError);
    delete registry.__ttsimDefine;
    if (syntaxError) throw syntaxError;
    if (!factory) throw new ModuleError(`could not compile ${path}`, path);
    return factory;
  }
}
