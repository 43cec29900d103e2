/**
 * The IntersectionObserver tt.createIntersectionObserver() returns, on top of the browser's own: one browser
 * observer per reference area (relativeToViewport: the page's scroll box; relativeTo: a node), rootMargin
 * from the margins. The browser reports each time a target's visible ratio crosses a threshold; the gadget's
 * callback runs when the ratio (intersected over every area) crosses one of its thresholds compared with the
 * ratio it last saw, which starts at initialRatio, as the WeChat family documents.
 */
import type { FailResult } from '../../../../emulator-api/src/common/callbacks.js';
import { datasetOf, EMPTY_RECT, rectIn, type PageRect } from './measure.js';
import { selectIn, type QueryScope } from './scope.js';

export interface ObserverContext {
  /** Settles once the call has been checked by the host and the renders queued so far are drawn: with the refusal, if any. */
  afterRender(): Promise<FailResult | undefined>;
  /** Counts work in flight, for the automation's "wait until idle". */
  track<T>(work: Promise<T>): Promise<T>;
  /** Where selectors match: the component or page given at creation, else the page current now. */
  scope(): QueryScope | undefined;
  /** Sees every selector (Feishu's mobile ID-only note). */
  checkSelector(method: string, selector: string): void;
  applyRule(id: string): void;
}

export interface ObserverOptions {
  readonly thresholds: readonly number[];
  readonly initialRatio: number;
  readonly observeAll: boolean;
}

export interface Margins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

type Area = { readonly kind: 'viewport'; readonly margins: Margins } | { readonly kind: 'node'; readonly selector: string; readonly margins: Margins };

export interface IntersectionResult {
  id: string;
  dataset: Record<string, unknown>;
  intersectionRatio: number;
  intersectionRect: PageRect;
  boundingClientRect: PageRect;
  relativeRect: PageRect;
  time: number;
}

/** observe() counts as activity until the browser's first report, or this long (a frame that never paints never reports). */
const FIRST_REPORT_WAIT_MS = 1000;

export function marginsOf(value: unknown): Margins {
  const given = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const side = (name: string) => (typeof given[name] === 'number' && Number.isFinite(given[name]) ? (given[name] as number) : 0);
  return { left: side('left'), right: side('right'), top: side('top'), bottom: side('bottom') };
}

/** How many thresholds a ratio has reached (0 counts once any part is visible): a callback runs when this changes. */
export function thresholdLevel(ratio: number, thresholds: readonly number[]): number {
  let level = 0;
  for (const threshold of thresholds) if (threshold === 0 ? ratio > 0 : ratio >= threshold) level++;
  return level;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The common part of client rectangles (null when they do not overlap or one is missing). */
function intersectAll(boxes: readonly (Box | null)[]): Box | null {
  let left = -Infinity;
  let top = -Infinity;
  let right = Infinity;
  let bottom = Infinity;
  for (const box of boxes) {
    if (!box) return null;
    left = Math.max(left, box.left);
    top = Math.max(top, box.top);
    right = Math.min(right, box.left + box.width);
    bottom = Math.min(bottom, box.top + box.height);
  }
  return right >= left && bottom >= top ? { left, top, width: right - left, height: bottom - top } : null;
}

interface TargetState {
  /** The ratio the gadget last saw (initialRatio at first). */
  ratio: number;
  /** The browser's latest entry for each reference area. */
  readonly entries: (IntersectionObserverEntry | undefined)[];
}

export class GadgetIntersectionObserver {
  readonly #context: ObserverContext;
  readonly #options: ObserverOptions;
  readonly #areas: Area[] = [];
  readonly #observers: IntersectionObserver[] = [];
  /** Resolves the activity of observe() calls still waiting for their first report. */
  readonly #pending = new Set<() => void>();
  #disconnected = false;

  constructor(context: ObserverContext, options: ObserverOptions) {
    this.#context = context;
    this.#options = options;
  }

  /** A node (found with `selector` when observe() starts) as one of the reference areas, grown by margins. */
  relativeTo(selector: string, margins?: unknown): GadgetIntersectionObserver {
    const text = String(selector);
    this.#context.checkSelector('relativeTo', text);
    this.#areas.push({ kind: 'node', selector: text, margins: marginsOf(margins) });
    return this;
  }

  /** The page's display area as one of the reference areas, grown by margins. */
  relativeToViewport(margins?: unknown): GadgetIntersectionObserver {
    this.#areas.push({ kind: 'viewport', margins: marginsOf(margins) });
    return this;
  }

  observe(selector: string, callback: (result: IntersectionResult) => void): void {
    const text = String(selector);
    if (typeof callback !== 'function') {
      console.error(`IntersectionObserver.observe(${JSON.stringify(text)}) needs a callback function: nothing is observed`);
      return;
    }
    this.#context.checkSelector('observe', text);
    this.#context.applyRule('thresholds');
    // The areas given so far, or the display area; the callback gets #result's object.
    this.#context.applyRule('reference-areas');
    this.#context.applyRule('observe-result');
    const areas: Area[] = this.#areas.length > 0 ? [...this.#areas] : [{ kind: 'viewport', margins: marginsOf(undefined) }];
    const watching = this.#context.afterRender().then(
      (refused) =>
        new Promise<void>((resolve) => {
          if (refused) console.error(`${refused.errMsg} (this IntersectionObserver reports nothing)`);
          if (refused || this.#disconnected) return resolve();
          const done = () => {
            this.#pending.delete(done);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(done, FIRST_REPORT_WAIT_MS);
          this.#pending.add(done);
          this.#start(areas, text, callback, done);
        }),
    );
    void this.#context.track(watching);
  }

  /** Stops every observe(): no callback runs afterwards. */
  disconnect(): void {
    this.#context.applyRule('disconnect');
    this.#disconnected = true;
    for (const observer of this.#observers.splice(0)) observer.disconnect();
    for (const done of [...this.#pending]) done();
  }

  #start(areas: readonly Area[], selector: string, callback: (result: IntersectionResult) => void, done: () => void): void {
    const scope = this.#context.scope();
    if (!scope) {
      console.warn(`IntersectionObserver.observe(${JSON.stringify(selector)}): no page is open, so nothing is observed`);
      return done();
    }
    const { elements: targets, error } = selectIn(scope, selector, this.#options.observeAll);
    if (error !== undefined) console.error(`IntersectionObserver.observe(${JSON.stringify(selector)}) on ${scope.name}: not a selector ttsim can match (${error})`);
    if (targets.length === 0) {
      if (error === undefined) console.warn(`IntersectionObserver.observe(${JSON.stringify(selector)}): no node on ${scope.name} matches, so nothing is observed`);
      return done();
    }
    const roots = this.#roots(scope, areas, targets);
    const Observer = scope.root.ownerDocument.defaultView?.IntersectionObserver;
    if (!roots || !Observer) {
      if (!Observer) console.error('IntersectionObserver: this browser has none, so nothing is observed');
      return done();
    }
    const states = new Map<Element, TargetState>(targets.map((target) => [target, { ratio: this.#options.initialRatio, entries: roots.map(() => undefined) }]));
    let unreported = targets.length;
    const report = (target: Element, state: TargetState) => {
      const result = this.#result(scope, target, state.entries as IntersectionObserverEntry[]);
      const previous = state.ratio;
      state.ratio = result.intersectionRatio;
      if (this.#disconnected || thresholdLevel(previous, this.#options.thresholds) === thresholdLevel(result.intersectionRatio, this.#options.thresholds)) return;
      try {
        callback(result);
      } catch (error) {
        console.error(`an IntersectionObserver.observe(${JSON.stringify(selector)}) callback threw:`, error);
      }
    };
    roots.forEach(({ root, margins }, index) => {
      const observer = new Observer(
        (entries) => {
          if (this.#disconnected) return;
          const touched = new Set<Element>();
          for (const entry of entries) {
            const state = states.get(entry.target);
            if (!state) continue;
            const complete = state.entries.every(Boolean);
            state.entries[index] = entry;
            if (!complete && state.entries.every(Boolean)) unreported--;
            touched.add(entry.target);
          }
          for (const target of touched) {
            const state = states.get(target)!;
            if (state.entries.every(Boolean)) report(target, state);
          }
          if (unreported === 0) done();
        },
        { root, rootMargin: `${margins.top}px ${margins.right}px ${margins.bottom}px ${margins.left}px`, threshold: [...this.#options.thresholds] },
      );
      for (const target of targets) observer.observe(target);
      this.#observers.push(observer);
    });
  }

  /** Each area's root element and margins; undefined (with a warning) when a relativeTo node is not there. */
  #roots(scope: QueryScope, areas: readonly Area[], targets: readonly HTMLElement[]): { root: HTMLElement; margins: Margins }[] | undefined {
    const roots: { root: HTMLElement; margins: Margins }[] = [];
    for (const area of areas) {
      if (area.kind === 'viewport') {
        roots.push({ root: scope.viewport, margins: area.margins });
        continue;
      }
      const node = selectIn(scope, area.selector, false).elements[0];
      if (!node) {
        console.warn(`IntersectionObserver.relativeTo(${JSON.stringify(area.selector)}): no node on ${scope.name} matches, so nothing is observed`);
        return undefined;
      }
      if (targets.some((target) => !node.contains(target))) {
        this.#context.applyRule('native-mode');
        console.warn(`IntersectionObserver.relativeTo(${JSON.stringify(area.selector)}): ttsim measures with the browser's IntersectionObserver, so the reference node must contain the targets; the others never count as visible`);
      }
      roots.push({ root: node, margins: area.margins });
    }
    return roots;
  }

  /** The gadget's view of the latest entries: rectangles in page px, the ratio over every area. */
  #result(scope: QueryScope, target: Element, entries: readonly IntersectionObserverEntry[]): IntersectionResult {
    const latest = entries.reduce((a, b) => (b.time > a.time ? b : a));
    const bounding = latest.boundingClientRect;
    let ratio: number;
    let visible: Box | null;
    if (entries.length === 1) {
      ratio = latest.intersectionRatio;
      visible = latest.isIntersecting ? latest.intersectionRect : null;
    } else {
      visible = intersectAll(entries.map((entry) => (entry.isIntersecting ? entry.intersectionRect : null)));
      const area = bounding.width * bounding.height;
      ratio = visible ? (area > 0 ? (visible.width * visible.height) / area : 1) : 0;
    }
    const relative = intersectAll(entries.map((entry) => entry.rootBounds));
    const origin = scope.viewport.getBoundingClientRect();
    const view = scope.root.ownerDocument.defaultView!;
    return {
      id: (target as HTMLElement).id,
      dataset: datasetOf(scope, target),
      intersectionRatio: ratio,
      intersectionRect: visible ? rectIn(visible, origin) : { ...EMPTY_RECT },
      boundingClientRect: rectIn(bounding, origin),
      relativeRect: relative ? rectIn(relative, origin) : { ...EMPTY_RECT },
      time: Math.round(view.performance.timeOrigin + latest.time),
    };
  }
}
