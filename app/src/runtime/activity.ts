/**
 * Tracks the guest's outstanding work (calls in flight, pending renders) so that automation can wait
 * until everything an action caused has settled and been drawn: no fixed sleeps.
 */
/** How many rounds of promise callbacks whenQuiet lets run before it looks again. */
const PROMISE_TURNS = 8;

export class Activity {
  private busy = 0;
  private waiters: (() => void)[] = [];

  track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    const done = () => {
      this.busy--;
      if (this.busy === 0) queueMicrotask(() => this.release());
    };
    work.then(done, done);
    return work;
  }

  /**
   * Resolves once nothing is outstanding and a task has run after that (work a timer queued has started),
   * and with `painted` a frame has been drawn after that too.
   */
  whenIdle(options: { painted: boolean } = { painted: true }): Promise<void> {
    return this.settle(() => new Promise<void>((resolve) => (options.painted ? requestAnimationFrame(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0))));
  }

  /**
   * Resolves once nothing is outstanding after the promise callbacks already queued have run (chains up to
   * PROMISE_TURNS deep: a callback's setData, the next call it makes), without waiting for a task: a page
   * still loading holds tasks back behind its parsing, its load event and its first frame, tens of
   * milliseconds. The launch signal uses it; automation's whenIdle waits for a task (and a frame).
   */
  whenQuiet(): Promise<void> {
    return this.settle(async () => {
      for (let turn = 0; turn < PROMISE_TURNS; turn++) await null;
    });
  }

  /** Waits until nothing is outstanding, lets `turn` pass, and again until nothing started meanwhile. */
  private async settle(turn: () => Promise<void>): Promise<void> {
    for (;;) {
      if (this.busy > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
      await turn();
      if (this.busy === 0) return;
    }
  }

  private release(): void {
    if (this.busy > 0) return;
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
