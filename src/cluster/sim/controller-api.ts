/**
 * The hook between a simulated cluster and its simulated controllers
 * (controllers/index.ts exports `startControllers`). The cluster calls it once
 * with its store when it starts and `stop()` when it stops; controllers
 * subscribe to the store, write objects and status through it, and must clear
 * every timer in stop() so that a stopped fleet leaves no handles behind.
 */
import type { SimWorkloadOptions } from './controllers/options.js';
import type { SimStore } from './store.js';

export type { SimWorkloadOptions };

export interface SimControllers {
  /** Stops every controller: unsubscribes and clears all timers. */
  stop(): void;
}

export type StartControllers = (store: SimStore, options: SimWorkloadOptions) => SimControllers;
