/**
 * Page scrolling as the framework reports it: onPageScroll({ scrollTop }) on every scroll, for pages
 * that define it (inferred from the WeChat family; assumed: one call per browser scroll event), onReachBottom
 * (once each time the bottom comes within reach), a pull-down gesture at the top for pages with enablePullDownRefresh, and pageScrollTo's
 * animated scroll.
 */
export interface PageScrollHandlers {
  readonly reachBottomDistance: number;
  readonly pullDownRefresh: boolean;
  onReachBottom(): void;
  onPullDown(): void;
  /** Undefined when the page has no onPageScroll: the scroll position is not reported at all. */
  readonly onPageScroll?: (scrollTop: number) => void;
}

/** Pixels the pointer must drag down at the top of the page to start a refresh. */
const PULL_THRESHOLD = 60;

export function watchPageScroll(container: HTMLElement, handlers: PageScrollHandlers): void {
  let nearBottom = false;
  container.addEventListener(
    'scroll',
    () => {
      handlers.onPageScroll?.(container.scrollTop);
      const reached = container.scrollTop + container.clientHeight >= container.scrollHeight - handlers.reachBottomDistance;
      if (reached && !nearBottom && container.scrollHeight > container.clientHeight) handlers.onReachBottom();
      nearBottom = reached;
    },
    { passive: true },
  );
  if (!handlers.pullDownRefresh) return;
  let startY: number | undefined;
  container.addEventListener('pointerdown', (event) => {
    startY = container.scrollTop === 0 ? event.clientY : undefined;
  });
  container.addEventListener('pointerup', (event) => {
    if (startY !== undefined && event.clientY - startY >= PULL_THRESHOLD) handlers.onPullDown();
    startY = undefined;
  });
}

/** Scrolls to `top` over `duration` ms (ease-out); resolves when the scroll has finished. */
export function scrollPageTo(container: HTMLElement, top: number, duration: number): Promise<void> {
  const from = container.scrollTop;
  const to = Math.max(0, Math.min(top, container.scrollHeight - container.clientHeight));
  if (duration <= 0 || from === to) {
    container.scrollTop = to;
    return Promise.resolve();
  }
  const view = container.ownerDocument.defaultView!;
  const started = view.performance.now();
  return new Promise((resolve) => {
    const step = (now: number) => {
      const t = Math.min(1, (now - started) / duration);
      container.scrollTop = from + (to - from) * (1 - (1 - t) ** 3);
      if (t < 1) view.requestAnimationFrame(step);
      else resolve();
    };
    view.requestAnimationFrame(step);
  });
}
