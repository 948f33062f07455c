/**
 * A seeded pseudo-random generator (mulberry32), so a simulated run with the
 * same seed makes the same pod names and the same timings.
 */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'; // the API server's generateName alphabet (no vowels, no look-alikes)

export class SimRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** `ms` spread by ± `jitter` (a fraction). */
  jittered(ms: number, jitter: number): number {
    return ms * (1 + jitter * (2 * this.next() - 1));
  }

  /** Five characters, as the API server appends to a generateName. */
  nameSuffix(): string {
    let out = '';
    for (let i = 0; i < 5; i++) out += NAME_ALPHABET[Math.floor(this.next() * NAME_ALPHABET.length)];
    return out;
  }
}
