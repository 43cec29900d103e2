/**
 * SelectorQuery and NodesRef, the objects tt.createSelectorQuery() returns: select / selectAll /
 * selectViewport queue requests (boundingClientRect, scrollOffset, fields), exec() answers them together
 * once the renders already queued are drawn, as a client answers from its render layer.
 */
import type { FailResult } from '../../../../emulator-api/src/common/callbacks.js';
import { nodeInfo, viewportInfo, type NodeFields } from './measure.js';
import { selectIn, type QueryScope } from './scope.js';

/** What a query needs from the runtime. */
export interface QueryContext {
  /** Settles once the call has been checked by the host and the renders queued so far are drawn: with the refusal, if any. */
  afterRender(): Promise<FailResult | undefined>;
  /** Counts work in flight, for the automation's "wait until idle". */
  track<T>(work: Promise<T>): Promise<T>;
  /** The scope of a page or component instance; undefined for anything else. */
  scopeOf(value: unknown): QueryScope | undefined;
  /** The scope without in(): the page that was current at createSelectorQuery, else the current one. */
  defaultScope(): QueryScope | undefined;
  /** Sees every select / selectAll selector (Feishu's mobile ID-only note). */
  checkSelector(method: string, selector: string): void;
  applyRule(id: string): void;
}

type Target = { readonly kind: 'select' | 'selectAll'; readonly selector: string } | { readonly kind: 'viewport' };

interface QueryRequest {
  readonly target: Target;
  readonly fields: NodeFields;
  readonly callback: unknown;
}

const BOUNDING_CLIENT_RECT: NodeFields = Object.freeze({ id: true, dataset: true, rect: true, size: true });
const SCROLL_OFFSET: NodeFields = Object.freeze({ id: true, dataset: true, scrollOffset: true });

function call(callback: unknown, value: unknown, what: string): void {
  if (typeof callback !== 'function') return;
  try {
    (callback as (v: unknown) => void)(value);
  } catch (error) {
    console.error(`${what} threw:`, error);
  }
}

function describe(target: Target): string {
  return target.kind === 'viewport' ? 'selectViewport()' : `${target.kind}(${JSON.stringify(target.selector)})`;
}

/** One request's answer: null / [] when nothing matches (or no page is open). */
function answer(scope: QueryScope | undefined, request: QueryRequest): unknown {
  const { target, fields } = request;
  const all = target.kind === 'selectAll';
  if (!scope) return all ? [] : null;
  if (target.kind === 'viewport') return viewportInfo(scope, fields);
  const { elements, error } = selectIn(scope, target.selector, all);
  if (error !== undefined) console.error(`SelectorQuery.${describe(target)} on ${scope.name}: not a selector ttsim can match (${error})`);
  if (all) return elements.map((element) => nodeInfo(scope, element, fields));
  return elements[0] ? nodeInfo(scope, elements[0], fields) : null;
}

export class NodesRef {
  readonly #query: SelectorQuery;
  readonly #add: (fields: NodeFields, callback: unknown) => void;
  readonly #applyRule: (id: string) => void;

  constructor(query: SelectorQuery, add: (fields: NodeFields, callback: unknown) => void, applyRule: (id: string) => void) {
    this.#query = query;
    this.#add = add;
    this.#applyRule = applyRule;
  }

  /** id, dataset, left, right, top, bottom, width, height. */
  boundingClientRect(callback?: (result: unknown) => void): SelectorQuery {
    this.#applyRule('rect-in-page-px');
    this.#add(BOUNDING_CLIENT_RECT, callback);
    return this.#query;
  }

  /** id, dataset, scrollLeft, scrollTop. */
  scrollOffset(callback?: (result: unknown) => void): SelectorQuery {
    this.#applyRule('scroll-offset');
    this.#add(SCROLL_OFFSET, callback);
    return this.#query;
  }

  fields(fields: NodeFields & { node?: boolean; context?: boolean }, callback?: (result: unknown) => void): SelectorQuery {
    const given = fields !== null && typeof fields === 'object' ? fields : {};
    this.#applyRule('fields');
    if (given.rect || given.size) this.#applyRule('rect-in-page-px');
    if (given.scrollOffset) this.#applyRule('scroll-offset');
    if (given.node || given.context) {
      this.#applyRule('node-not-emulated');
      console.warn(`NodesRef.fields: ${given.node ? 'node' : 'context'} is not emulated by ttsim (no Canvas 2D node yet): the answer leaves it out`);
    }
    this.#add(
      {
        id: Boolean(given.id),
        dataset: Boolean(given.dataset),
        rect: Boolean(given.rect),
        size: Boolean(given.size),
        scrollOffset: Boolean(given.scrollOffset),
        ...(Array.isArray(given.properties) ? { properties: [...(given.properties as string[])] } : {}),
        ...(Array.isArray(given.computedStyle) ? { computedStyle: [...(given.computedStyle as string[])] } : {}),
      },
      callback,
    );
    return this.#query;
  }
}

export class SelectorQuery {
  readonly #context: QueryContext;
  readonly #requests: QueryRequest[] = [];
  #scope: QueryScope | undefined;

  constructor(context: QueryContext) {
    this.#context = context;
  }

  /** Matches inside that custom component's own template (or that page's). */
  in(component: unknown): SelectorQuery {
    const scope = this.#context.scopeOf(component);
    if (scope) {
      this.#scope = scope;
      this.#context.applyRule('in-component');
    } else {
      console.warn('SelectorQuery.in expects a custom component (or page) instance, `this` in its code: the query keeps matching the page');
    }
    return this;
  }

  select(selector: string): NodesRef {
    return this.#ref({ kind: 'select', selector: this.#checked('select', selector) });
  }

  selectAll(selector: string): NodesRef {
    return this.#ref({ kind: 'selectAll', selector: this.#checked('selectAll', selector) });
  }

  selectViewport(): NodesRef {
    this.#context.applyRule('rect-in-page-px');
    return this.#ref({ kind: 'viewport' });
  }

  /** Answers every request so far, in order, after the render: each request's callback, then `callback(results)`. */
  exec(callback?: (results: unknown[]) => void): void {
    const requests = [...this.#requests];
    const context = this.#context;
    const chosen = this.#scope;
    context.applyRule('exec-after-render');
    const answered = context.afterRender().then((refused) => {
      if (refused) {
        console.error(`${refused.errMsg} (SelectorQuery.exec answers nothing)`);
        return;
      }
      const scope = chosen ?? context.defaultScope();
      if (!scope && requests.length > 0) console.warn('SelectorQuery.exec: no page is open, so nothing matches');
      const results = requests.map((request) => answer(scope, request));
      requests.forEach((request, i) => call(request.callback, results[i], `a NodesRef callback (${describe(request.target)})`));
      call(callback, results, 'the SelectorQuery.exec callback');
    });
    void context.track(answered);
  }

  #checked(method: string, selector: unknown): string {
    const text = String(selector);
    this.#context.applyRule('selectors');
    this.#context.checkSelector(method, text);
    return text;
  }

  #ref(target: Target): NodesRef {
    const applyRule = (id: string) => this.#context.applyRule(id);
    return new NodesRef(
      this,
      (fields, callback) => {
        // dataset as measure.ts's datasetOf reads it: the values as bound, keys camelCased.
        if (fields.dataset) applyRule('dataset-values');
        this.#requests.push({ target, fields, callback });
      },
      applyRule,
    );
  }
}
