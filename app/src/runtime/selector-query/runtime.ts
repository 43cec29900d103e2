/**
 * The guest side of tt.createSelectorQuery, tt.createIntersectionObserver and tt.nextTick: Sync APIs the guest
 * runs itself (GuestSyncImplementation), returning their objects at once while the host checks support and
 * the options. Their answers wait for that check and for the renders already queued (a task later: setData
 * renders in a microtask), so they see what the page shows, as a client answers from its render layer.
 */
import type { BaseCallContext } from '../../../../emulator-api/src/common/call.js';
import type { FailResult } from '../../../../emulator-api/src/common/callbacks.js';
import type { ClientProfile } from '../../../../emulator-api/src/common/profiles.js';
import type { GuestSyncCall } from '../tt.js';
import { GadgetIntersectionObserver, type ObserverOptions } from './intersection-observer.js';
import { isIdSelector, type QueryScope } from './scope.js';
import { SelectorQuery } from './selector-query.js';

export interface NodeQueryRuntimeOptions {
  readonly profile: ClientProfile;
  /** Counts work in flight, for the automation's "wait until idle". */
  track<T>(work: Promise<T>): Promise<T>;
  /** The scope of a page or custom component instance (`this` in its code); undefined for anything else. */
  scopeOf(value: unknown): QueryScope | undefined;
  /** The current page's scope; undefined before the first page opens. */
  currentScope(): QueryScope | undefined;
}

/** `this.createSelectorQuery()` / `this.createIntersectionObserver(options)` of pages and components. */
export interface InstanceQueries {
  selectorQuery(owner: object): unknown;
  intersectionObserver(owner: object, options: unknown): unknown;
}

/** Resolves in a later task: after the microtask renders of every setData so far (and the renders they cause). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;
}

/** The options as the observer uses them at once (the host validates the same object and may refuse it). */
function observerOptions(given: Record<string, unknown>): ObserverOptions {
  const thresholds = Array.isArray(given.thresholds) ? given.thresholds.filter((t): t is number => typeof t === 'number' && t >= 0 && t <= 1) : [];
  const initialRatio = typeof given.initialRatio === 'number' && given.initialRatio >= 0 && given.initialRatio <= 1 ? given.initialRatio : 0;
  return { thresholds: thresholds.length > 0 ? thresholds : [0], initialRatio, observeAll: Boolean(given.observeAll ?? given.selectAll) };
}

export function createNodeQueryRuntime(options: NodeQueryRuntimeOptions) {
  const mobile = options.profile.platform === 'android' || options.profile.platform === 'ios';
  const warnedSelectors = new Set<string>();
  const afterRender = (checked: Promise<FailResult | undefined>) => Promise.all([checked, nextTask()]).then(([refused]) => refused);

  /** Feishu documents ID selectors only on mobile: ttsim matches anyway, and says so once per selector. */
  const checkSelector = (ctx: BaseCallContext, api: string) => (method: string, selector: string) => {
    if (!mobile || isIdSelector(selector)) return;
    ctx.applyRule('mobile-id-only');
    if (warnedSelectors.has(selector)) return;
    warnedSelectors.add(selector);
    console.warn(`${api} ${method}(${JSON.stringify(selector)}): Feishu documents only ID selectors (#id) on Android and iOS; ttsim matches it anyway`);
  };

  const createSelectorQuery = ({ checked }: GuestSyncCall, ctx: BaseCallContext) => {
    ctx.applyRule('page-scope');
    const createdOn = options.currentScope();
    const query = new SelectorQuery({
      afterRender: () => afterRender(checked),
      track: (work) => options.track(work),
      scopeOf: (value) => options.scopeOf(value),
      defaultScope: () => createdOn ?? options.currentScope(),
      checkSelector: checkSelector(ctx, 'SelectorQuery'),
      applyRule: (id) => ctx.applyRule(id),
    });
    return { params: {}, value: query };
  };

  const createIntersectionObserver = ({ args, checked }: GuestSyncCall, ctx: BaseCallContext) => {
    const [first, second] = args;
    const given = options.scopeOf(first);
    // tt.createIntersectionObserver({ thresholds }) without an instance: the object is the options (assumed lenient).
    const raw = given === undefined && second === undefined && isPlainObject(first) ? first : second;
    const params = isPlainObject(raw) ? { ...raw } : {};
    if (given) ctx.applyRule('component-scope');
    if (params.observeAll !== undefined || params.selectAll !== undefined) ctx.applyRule('observe-all');
    const createdOn = given ?? options.currentScope();
    const observer = new GadgetIntersectionObserver(
      {
        afterRender: () => afterRender(checked),
        track: (work) => options.track(work),
        scope: () => createdOn ?? options.currentScope(),
        checkSelector: checkSelector(ctx, 'IntersectionObserver'),
        applyRule: (id) => ctx.applyRule(id),
      },
      observerOptions(params),
    );
    return { params, value: observer };
  };

  /** nextTick functions run in the order given: each waits for the one before. */
  let ticks: Promise<unknown> = Promise.resolve();
  const nextTick = ({ args, checked }: GuestSyncCall, ctx: BaseCallContext) => {
    const [fn] = args;
    ctx.applyRule('after-render');
    if (typeof fn !== 'function') {
      ctx.applyRule('not-a-function');
      console.error(`tt.nextTick expects a function, got ${fn === null ? 'null' : typeof fn}: it is ignored`);
      return { params: {}, value: undefined };
    }
    const run = ticks.then(() => afterRender(checked)).then((refused) => {
      if (refused) {
        console.error(`${refused.errMsg} (the nextTick function does not run)`);
        return;
      }
      try {
        (fn as () => void)();
      } catch (error) {
        console.error('a tt.nextTick function threw:', error);
      }
    });
    ticks = run;
    void options.track(run);
    return { params: {}, value: undefined };
  };

  return {
    /** Guest implementations for the tt builder (each a GuestSyncImplementation). */
    implementations() {
      return { createSelectorQuery, createIntersectionObserver, nextTick };
    },
  };
}
