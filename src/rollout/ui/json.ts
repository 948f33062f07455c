import type { RolloutEvent } from '../events.js';

/**
 * `--output json`: every event exactly as the executor emitted it, one JSON
 * object per line (JSON Lines), so CI can `jq` the stream as it arrives.
 * The shapes are the RolloutEvent union of src/rollout/events.ts.
 */
export class JsonLines {
  constructor(private readonly write: (text: string) => void) {}

  event(event: RolloutEvent): void {
    this.write(`${JSON.stringify(event, finiteOrNull)}\n`);
  }

  close(): void {}
}

/** JSON has no NaN: a gate without a sample reads as null. */
function finiteOrNull(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}
