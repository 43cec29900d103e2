/** A session's event stream: numbered events, kept in a bounded buffer, with subscriptions and waits. */
import { EVENTS_KEPT, type HostEvent } from '../common/protocol.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewHostEvent = DistributiveOmit<HostEvent, 'seq' | 'time'>;

export class EventStream {
  private readonly buffer: HostEvent[] = [];
  private readonly listeners = new Set<(event: HostEvent) => void>();
  private nextSeq = 1;

  /** `capacity`: events kept; older ones are dropped. */
  constructor(readonly capacity = EVENTS_KEPT) {}

  push(event: NewHostEvent): HostEvent {
    const full = { ...event, seq: this.nextSeq++, time: Date.now() } as HostEvent;
    this.buffer.push(full);
    if (this.buffer.length > this.capacity) this.buffer.shift();
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
