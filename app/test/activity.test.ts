/** The guest's Activity: what automation and the launch signal wait for. */
import { describe, expect, it } from 'vitest';
import { Activity } from '../src/runtime/activity.js';

describe('Activity.whenQuiet (the launch signal)', () => {
  it('waits for tracked work, and for what promise callbacks already queued start', async () => {
    const activity = new Activity();
    const log: string[] = [];
    let finish!: () => void;
    // onLoad: a call in flight, and a promise chain that sets data and then starts another call.
    activity.track(new Promise<void>((resolve) => (finish = resolve))).then(() => log.push('first call answered'));
    void Promise.resolve()
      .then(() => log.push('setData'))
      .then(() => activity.track(new Promise<void>((resolve) => setTimeout(resolve, 20))).then(() => log.push('second call answered')));
    const quiet = activity.whenQuiet().then(() => log.push('quiet'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['setData']);
    finish();
    await quiet;
    expect(log).toEqual(['setData', 'first call answered', 'second call answered', 'quiet']);
  });

  it('does not wait for a task when nothing is outstanding', async () => {
    const activity = new Activity();
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    await activity.whenQuiet();
    expect(timerRan).toBe(false);
  });
});
