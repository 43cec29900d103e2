/** A session's event stream: numbered events, kept in a bounded buffer, with subscriptions and waits. */
import type { HostEvent } from '../../../emulator-api/src/protocol/messages.js';
import { EVENTS_KEPT } from '../../../emulator-api/src/protocol/wire.js';
import { boundEvent, STREAM_BYTES } from './event-budget.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewHostEvent = DistributiveOmit<HostEvent, 'seq' | 'time'>;

export class EventStream {
  private readonly buffer: HostEvent[] = [];
  /** About how many bytes each kept event holds (same order as buffer), and their sum. */
  private readonly sizes: number[] = [];
  private bytes = 0;
  private readonly listeners = new Set<(event: HostEvent) => void>();
  private nextSeq = 1;

  /** `capacity`: events kept, `byteCapacity`: about how many bytes; older ones are dropped (see event-budget.ts). */
  constructor(
    readonly capacity = EVENTS_KEPT,
    readonly byteCapacity = STREAM_BYTES,
  ) {}

  /** Adds an event, cut to its budget (large strings and binary values; the caller's objects are not changed). */
  push(event: NewHostEvent): HostEvent {
    const { value, bytes } = boundEvent(event);
    const full = { ...value, seq: this.nextSeq++, time: Date.now() } as HostEvent;
    this.buffer.push(full);
    this.sizes.push(bytes);
    this.bytes += bytes;
    while (this.buffer.length > 1 && (this.buffer.length > this.capacity || this.bytes > this.byteCapacity)) {
      this.buffer.shift();
      this.bytes -= this.sizes.shift()!;
    }
    for (const listener of this.listeners) listener(full);
    return full;
  }

  /** Events after `afterSeq` (all kept ones by default). */
  list(afterSeq = 0): HostEvent[] {
    return this.buffer.filter((e) => e.seq > afterSeq);
  }

  /** The kept event numbered `seq`, if it is still kept. */
  get(seq: number): HostEvent | undefined {
    const first = this.buffer[0]?.seq ?? 1;
    return this.buffer[seq - first];
  }

  subscribe(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the first event after `afterSeq` that matches; rejects after `timeoutMs` with an error
   * naming `what` it waited for.
   */
  waitFor(match: (event: HostEvent) => boolean, options: { what: string; timeoutMs: number; afterSeq?: number }): Promise<HostEvent> {
    const seen = this.list(options.afterSeq ?? 0).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        unsubscribe();
        reject(new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}`));
      }, options.timeoutMs);
      const unsubscribe = this.subscribe((event) => {
        if (!match(event)) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(event);
      });
    });
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }
}
