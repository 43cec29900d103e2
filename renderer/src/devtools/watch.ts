/** Refreshing a panel shortly after the log shows events it cares about, once per burst. */
import type { DevtoolsEvent } from './protocol.js';
import type { DevtoolsStore } from './store.js';

/**
 * Calls `refresh` `delayMs` after the first event passing `test` that arrives since the last refresh
 * (during a burst that is a few times a second, not once per event). Returns the stop function.
 */
export function watchEvents(store: DevtoolsStore, test: (event: DevtoolsEvent) => boolean, refresh: () => void, delayMs: number): () => void {
  let seen = store.getState().log.lastSeq;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = store.subscribe((state) => {
    const { events, lastSeq } = state.log;
    if (lastSeq === seen) return;
    const since = seen;
    seen = lastSeq;
    let hit = false;
    for (let i = events.length - 1; i >= 0 && events[i]!.seq > since; i--) {
      if (test(events[i]!)) {
        hit = true;
        break;
      }
    }
    if (!hit || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      refresh();
    }, delayMs);
  });
  return () => {
    stop();
    clearTimeout(timer);
  };
}
