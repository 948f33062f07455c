/**
 * The one clock of a simulated cluster: every time-based transition (a pod
 * becoming ready, a crash, a deadline) is a keyed task on one timer, instead
 * of a timer per pod. Delays are simulated milliseconds scaled by timeScale.
 * Scheduling a key again replaces its task; stop() clears the timer.
 */
interface Task {
  key: string;
  at: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

export class Timeline {
  readonly #tasks = new Map<string, Task>();
  readonly #heap: Task[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #armedAt = Infinity;
  #seq = 0;
  #stopped = false;

  constructor(
    readonly timeScale: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Runs `run` after `simulatedMs` (scaled), replacing any task scheduled under `key`. */
  after(key: string, simulatedMs: number, run: () => void): void {
    if (this.#stopped) return;
    this.cancel(key);
    const task: Task = { key, at: performance.now() + Math.max(0, simulatedMs) * this.timeScale, seq: this.#seq++, run, cancelled: false };
    this.#tasks.set(key, task);
    this.#push(task);
    if (task.at < this.#armedAt) this.#arm();
  }

  cancel(key: string): void {
    const task = this.#tasks.get(key);
    if (!task) return;
    task.cancelled = true;
    this.#tasks.delete(key);
  }

  has(key: string): boolean {
    return this.#tasks.has(key);
  }

  /** Tasks waiting to run. */
  get size(): number {
    return this.#tasks.size;
  }

  /** Wall-clock milliseconds for a simulated duration. */
  scaled(simulatedMs: number): number {
    return simulatedMs * this.timeScale;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#tasks.clear();
    this.#heap.length = 0;
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#armedAt = Infinity;
    while (this.#heap[0]?.cancelled) this.#pop();
    const next = this.#heap[0];
    if (!next || this.#stopped) return;
    this.#armedAt = next.at;
    this.#timer = setTimeout(() => this.#fire(), Math.max(0, next.at - performance.now()));
  }

  #fire(): void {
    this.#timer = undefined;
    this.#armedAt = Infinity;
    const now = performance.now();
    const due: Task[] = [];
    while (this.#heap[0] && this.#heap[0].at <= now) {
      const task = this.#pop()!;
      if (task.cancelled) continue;
      this.#tasks.delete(task.key);
      due.push(task);
    }
    for (const task of due) {
      if (this.#stopped) return;
      try {
        task.run();
      } catch (error) {
        this.onError(error);
      }
    }
    this.#arm();
  }

  #push(task: Task): void {
    const heap = this.#heap;
    heap.push(task);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): Task | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return top;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}

function before(a: Task, b: Task): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
