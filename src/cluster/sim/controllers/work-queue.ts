/**
 * Reconciles requested by store events, deduplicated per object and run
 * together in a microtask after the write that caused them. A burst of pod
 * updates therefore costs one ReplicaSet reconcile, not one per pod.
 */
export class WorkQueue {
  readonly #pending = new Map<string, () => void>();
  #scheduled = false;
  #stopped = false;

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Runs `work` once soon; asking again for the same id before it ran changes nothing. */
  add(id: string, work: () => void): void {
    if (this.#stopped || this.#pending.has(id)) return;
    this.#pending.set(id, work);
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => this.#flush());
    }
  }

  get size(): number {
    return this.#pending.size;
  }

  stop(): void {
    this.#stopped = true;
    this.#pending.clear();
  }

  #flush(): void {
    this.#scheduled = false;
    // Work added while flushing runs in this same flush (FIFO), so one write's consequences settle together.
    for (const [id, work] of this.#pending) {
      this.#pending.delete(id);
      if (this.#stopped) return;
      try {
        work();
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
