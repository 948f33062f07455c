/**
 * The bounded event history behind watch resume: a ring of the last N events.
 * A watch that starts from a resourceVersion older than the ring gets 410 Gone,
 * as from an API server whose etcd history has been compacted.
 */
import type { StoreEvent } from './store.js';

export class EventHistory {
  readonly #events: StoreEvent[] = [];
  #start = 0;
  /** Highest resourceVersion no longer replayable (0: nothing dropped yet). */
  #compactedThrough = 0;

  constructor(readonly capacity: number) {}

  push(event: StoreEvent): void {
    this.#events.push(event);
    if (this.#events.length - this.#start > this.capacity) {
      this.#compactedThrough = Number(this.#events[this.#start]!.object.metadata.resourceVersion);
      this.#start++;
      // Shift the array in chunks, not per event, to keep push O(1) amortised.
      if (this.#start >= this.capacity) {
        this.#events.splice(0, this.#start);
        this.#start = 0;
      }
    }
  }

  /** Events with resourceVersion > `after`, oldest first; undefined when some of them were dropped. */
  since(after: number, current: number): StoreEvent[] | undefined {
    if (after >= current) return [];
    if (after < this.#compactedThrough) return undefined;
    // Binary search: resourceVersions in the ring are increasing.
    let lo = this.#start;
    let hi = this.#events.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Number(this.#events[mid]!.object.metadata.resourceVersion) <= after) lo = mid + 1;
      else hi = mid;
    }
    return this.#events.slice(lo);
  }
}
