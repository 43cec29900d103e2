/**
 * Tracks the guest's outstanding work (calls in flight, pending renders) so that automation can wait
 * until everything an action caused has settled and been drawn: no fixed sleeps.
 */
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
  async whenIdle(options: { painted: boolean } = { painted: true }): Promise<void> {
    for (;;) {
      if (this.busy > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
      await new Promise<void>((resolve) => (options.painted ? requestAnimationFrame(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0)));
      if (this.busy === 0) return;
    }
  }

  private release(): void {
    if (this.busy > 0) return;
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
