/**
 * Fault injection for one simulated cluster, driven by tests and the fleet
 * API: bursts of 5xx errors, bursts of 429 with Retry-After, added latency
 * per request, and unreachability (the listener closes and open sockets are
 * destroyed, so clients see ECONNREFUSED/ECONNRESET, until reachable()).
 */
import { ApiError } from './status-errors.js';

/** The verbs requests are counted and filtered by. */
export type SimVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'discovery';

interface Burst {
  remaining: number;
  error: () => ApiError;
  verbs?: ReadonlySet<SimVerb>;
}

/** How the faults reach the server's listener. */
export interface Connectivity {
  down(): Promise<void>;
  up(): Promise<void>;
}

export class SimFaults {
  readonly #bursts: Burst[] = [];
  #latencyMs = 0;
  #reachable = true;

  constructor(private readonly connectivity: Connectivity) {}

  /** The next `count` requests (of these verbs, if given) fail with `code` (500 by default) and an InternalError Status. */
  failNext(count: number, options: { code?: 500 | 502 | 503 | 504; verbs?: SimVerb[] } = {}): void {
    if (count <= 0) return;
    const code = options.code ?? 500;
    const error = () => Object.assign(new ApiError('InternalError', `simulated server error (${code})`), { code });
    this.#bursts.push({ remaining: count, error, verbs: options.verbs && new Set(options.verbs) });
  }

  /** The next `count` requests get 429 TooManyRequests with `Retry-After` (1 s by default). */
  throttleNext(count: number, options: { retryAfterSeconds?: number; verbs?: SimVerb[] } = {}): void {
    if (count <= 0) return;
    const seconds = options.retryAfterSeconds ?? 1;
    const error = () => new ApiError('TooManyRequests', 'simulated rate limit: too many requests, please try again later', { retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
    this.#bursts.push({ remaining: count, error, verbs: options.verbs && new Set(options.verbs) });
  }

  /** Milliseconds added before every request is handled (0 turns it off). */
  setLatency(ms: number): void {
    this.#latencyMs = Math.max(0, ms);
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  get isReachable(): boolean {
    return this.#reachable;
  }

  /** Stops accepting connections and destroys open ones (watches included). */
  async unreachable(): Promise<void> {
    if (!this.#reachable) return;
    this.#reachable = false;
    await this.connectivity.down();
  }

  /** Listens again on the same port. */
  async reachable(): Promise<void> {
    if (this.#reachable) return;
    await this.connectivity.up();
    this.#reachable = true;
  }

  /** Clears bursts and latency (reachability is left as is). */
  reset(): void {
    this.#bursts.length = 0;
    this.#latencyMs = 0;
  }

  /** The injected failure for a request of this verb, if any (consumes one from the burst). */
  take(verb: SimVerb): ApiError | undefined {
    const burst = this.#bursts.find((b) => !b.verbs || b.verbs.has(verb));
    if (!burst) return undefined;
    if (--burst.remaining <= 0) this.#bursts.splice(this.#bursts.indexOf(burst), 1);
    return burst.error();
  }
}
