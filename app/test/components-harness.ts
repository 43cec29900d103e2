/**
 * A page with custom components in the happy-dom document, without the bridge: the page and component
 * modules are plain functions (instead of package JS run by ModuleLoader), everything else — registry,
 * tree, instances, renderers, TTML and TTSS — is the runtime's own code.
 */
import { vi } from 'vitest';
import { toDomSelector } from '../src/dom/selector.js';
import { Activity } from '../src/runtime/activity.js';
import { ComponentRegistry } from '../src/runtime/gadget/component-registry.js';
import { ComponentTree } from '../src/runtime/gadget/component-tree.js';
import { ModuleError } from '../src/runtime/gadget/modules.js';
import { PageInstance, type PageHost, type PageOptions } from '../src/runtime/gadget/page.js';
import { PAGE_CLASS_CONDITION, scopeClassSelectors } from '../src/runtime/gadget/style-scope.js';
import { compileTtss } from '../src/ttss/index.js';
import { hostParsed } from './ttml-test-helpers.js';

export type ComponentModule = (globals: { Component: (options: unknown) => void; Behavior: (options: unknown) => unknown }) => void;

export interface Gadget {
  page: PageInstance;
  body: HTMLElement;
  container: HTMLElement;
  errors: { message: string; where: string; file?: string }[];
  warnings: string[];
  /** `target hook` of every lifecycle call, in order (pages and components). */
  lifecycle: string[];
  /** Waits for the batched renders (a macrotask runs after every microtask). */
  settle(): Promise<void>;
  $(selector: string): HTMLElement;
  $$(selector: string): HTMLElement[];
  /** Closes the page as the router does (onUnload, then its renderer goes). */
  unload(): void;
}

/** Opens `route` as the router would: first render (components attach), onLoad, onShow, render, onReady. */
export function openGadget(files: Record<string, string>, modules: Record<string, ComponentModule>, page: PageOptions, route = 'pages/index/index'): Gadget {
  document.head.querySelectorAll('style').forEach((s) => s.remove());
  document.body.innerHTML = '';
  const all: Record<string, string> = { ...files };
  for (const path of Object.keys(modules)) all[path] ??= '// module';
  const errors: Gadget['errors'] = [];
  const lifecycle: string[] = [];
  const warnings: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  });
  const reportError = (error: unknown, where: string) => {
    const e = error as { message?: string; file?: string; path?: string };
    errors.push({ message: e?.message ?? String(error), where, ...(e?.file || e?.path ? { file: e.file ?? e.path } : {}) });
  };
  const registry = new ComponentRegistry({
    files: all,
    parseTemplate: hostParsed(all),
    rpxToPx: 1,
    reportError,
    loadModule: (path) => {
      const module = modules[path];
      if (!module) throw new ModuleError(`module not found: ${path}`, path);
      module({ Component: (options) => registry.component(options), Behavior: (options) => registry.behavior(options) });
    },
  });
  const activity = new Activity();
  const host: PageHost = {
    activity,
    files: all,
    parseTemplate: hostParsed(all),
    rpxToPx: 1,
    resolveImageSrc: (from, src) => `http://host/${from}/${src}`,
    navigate: () => {},
    rendered: () => {},
    reportError,
    lifecycle: (target, hook) => lifecycle.push(`${target} ${hook}`),
    usingComponents: (r) => registry.usingForPage(r),
  };
  const container = document.createElement('div');
  document.body.append(container);
  const addStyle = (path: string) => {
    const source = all[path];
    if (source === undefined) return;
    const style = document.createElement('style');
    style.textContent = scopeClassSelectors(compileTtss(source, { path, load: (p: string) => all[p] }), PAGE_CLASS_CONDITION);
    container.append(style);
  };
  addStyle('app.ttss');
  addStyle(`${route}.ttss`);
  const body = document.createElement('div');
  container.append(body);
  const tree = new ComponentTree({ ...host, registry }, container, body);
  const instance = new PageInstance(route, {}, page, container, body, host, tree);
  if (instance.using.size > 0) instance.renderNow();
  instance.callHook('onLoad', {});
  instance.callHook('onShow');
  instance.renderNow();
  instance.callHook('onReady');
  const $$ = (selector: string) => [...body.querySelectorAll<HTMLElement>(toDomSelector(selector))];
  return {
    page: instance,
    body,
    container,
    errors,
    warnings,
    lifecycle,
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
    $: (selector) => {
      const found = $$(selector)[0];
      if (!found) throw new Error(`nothing matches ${selector}`);
      return found;
    },
    $$,
    unload: () => {
      instance.callHook('onUnload');
      instance.destroy();
    },
  };
}

/** Component files: `{ 'components/x/x': { ttml, ttss?, json? } }` → package files. */
export function componentFiles(components: Record<string, { ttml: string; ttss?: string; json?: Record<string, unknown> }>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [path, c] of Object.entries(components)) {
    files[`${path}.json`] = JSON.stringify({ component: true, ...c.json });
    files[`${path}.ttml`] = c.ttml;
    if (c.ttss !== undefined) files[`${path}.ttss`] = c.ttss;
  }
  return files;
}
