/**
 * The one entry point: a live object (plus the pods of its new revision) in,
 * a kstatus-style verdict out. Checks common to every kind come first, in
 * kstatus' order (not found, terminating, generation not observed), then the
 * kind's rule, then the generic Stalled/Reconciling conditions, which can only
 * make a verdict worse.
 */
import type { KubeObject } from '../../cluster/types.js';
import { optionalNumber, statusOf } from './fields.js';
import { stalledOrReconciling } from './generic.js';
import { ruleFor } from './registry.js';
import { DEFAULT_HEALTH_OPTIONS, type HealthInput, type HealthOptions, type HealthVerdict } from './types.js';
import { inProgress } from './verdicts.js';

export function assessHealth(input: HealthInput, options: HealthOptions = DEFAULT_HEALTH_OPTIONS): HealthVerdict {
  const object = input.object;
  if (!object) return { status: 'NotFound', reason: 'NotFound', message: 'the object does not exist', failFast: false };
  if (object.metadata.deletionTimestamp) {
    return { status: 'Terminating', reason: 'Terminating', message: `${object.kind} ${object.metadata.name} is being deleted`, failFast: false };
  }
  const stale = staleGeneration(object);
  if (stale) return stale;
  const verdict = ruleFor(object).assess({ ...input, object }, options);
  return worse(verdict, stalledOrReconciling(object));
}

/** kstatus step 2: status.observedGeneration present and different from metadata.generation. */
function staleGeneration(object: KubeObject): HealthVerdict | undefined {
  const observed = optionalNumber(statusOf(object), 'observedGeneration');
  const generation = object.metadata.generation;
  if (observed === undefined || generation === undefined || observed === generation) return undefined;
  return inProgress('GenerationNotObserved', `${object.kind} ${object.metadata.name}: generation ${generation} not yet observed (controller saw ${observed})`);
}

const RANK: Record<HealthVerdict['status'], number> = { Current: 0, NotFound: 1, InProgress: 2, Terminating: 2, Unknown: 3, Failed: 4 };

function worse(verdict: HealthVerdict, overlay: HealthVerdict | undefined): HealthVerdict {
  if (!overlay || RANK[overlay.status] <= RANK[verdict.status]) return verdict;
  return verdict.progress ? { ...overlay, progress: verdict.progress } : overlay;
}
