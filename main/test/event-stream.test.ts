import { describe, expect, it } from 'vitest';
import { EventStream } from '../src/node/event-stream.js';

describe('EventStream', () => {
  it('keeps the last `capacity` events, numbered, and finds a kept one by its number', () => {
    const stream = new EventStream(3);
    for (let i = 0; i < 5; i++) stream.push({ type: 'console', level: 'log', args: [String(i)] });
    expect(stream.list().map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(stream.get(4)).toMatchObject({ seq: 4, args: ['3'] });
    expect(stream.get(2)).toBeUndefined();
    expect(stream.get(6)).toBeUndefined();
    expect(stream.list(4).map((e) => e.seq)).toEqual([5]);
    expect(stream.lastSeq).toBe(5);
  });

  it('waitFor names what it waited for when it times out', async () => {
    const stream = new EventStream();
    await expect(stream.waitFor(() => false, { what: 'the first render', timeoutMs: 10 })).rejects.toThrow('timed out after 10 ms waiting for the first render');
  });
});
