import type { Journal } from '../journal/types.js';
import { deliveryFigures } from './figures.js';
import type { DeliveryFigures } from './types.js';

/**
 * Delivery figures straight from a journal. Reads every rollout (restores may
 * come from rollouts before the window) and the steps of those in the window.
 */
export function readHistory(journal: Journal, now: Date, windowDays = 30): DeliveryFigures {
  const rollouts = journal.rollouts(100_000);
  const from = now.getTime() - windowDays * 86_400_000;
  const steps = new Map(rollouts.filter((r) => Date.parse(r.startedAt) >= from).map((r) => [r.plan.id, journal.steps(r.plan.id)]));
  return deliveryFigures({ rollouts, steps, now, windowDays });
}
