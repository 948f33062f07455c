/**
 * Renderers of a rollout's event stream: the live table on a terminal, log
 * lines in pipes and CI, JSON Lines for machines. Each takes events one at a
 * time and is closed once at the end.
 */
import type { RolloutEvent } from '../events.js';
import { JsonLines } from './json.js';
import type { FrameClock, TerminalOutput } from './live-region.js';
import { LiveTable } from './live-table.js';
import { PlainLog } from './plain.js';

export interface EventRenderer {
  event(event: RolloutEvent): void;
  close(): void;
}

export type RenderMode = 'live' | 'plain' | 'json';

export interface RendererOptions {
  mode: RenderMode;
  out: TerminalOutput;
  color?: boolean;
  clock?: FrameClock;
}

export function createEventRenderer(options: RendererOptions): EventRenderer {
  const write = (text: string): void => options.out.write(text);
  if (options.mode === 'json') return new JsonLines(write);
  if (options.mode === 'plain') return new PlainLog(write);
  const live: ConstructorParameters<typeof LiveTable>[1] = { color: options.color ?? false };
  if (options.clock) live.clock = options.clock;
  return new LiveTable(options.out, live);
}

export { applyEvent, emptyView, type ClusterRow, type FleetView, type RowPhase } from './fleet-view.js';
export { formatFrame, LiveTable } from './live-table.js';
export { LiveRegion, type FrameClock, type TerminalOutput } from './live-region.js';
export { PlainLog } from './plain.js';
export { JsonLines } from './json.js';
export { formatElapsed } from './words.js';
