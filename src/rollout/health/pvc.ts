/**
 * PersistentVolumeClaim: Bound is Current, Pending InProgress. Lost (the bound
 * volume is gone) fails fast; kstatus keeps it InProgress until a timeout.
 */
import { statusOf, str } from './fields.js';
import type { HealthRule } from './types.js';
import { current, failedFast, inProgress } from './verdicts.js';

export const pvcRule: HealthRule = {
  kinds: ['/PersistentVolumeClaim'],
  assess({ object }) {
    const phase = str(statusOf(object), 'phase');
    const name = object.metadata.name;
    if (phase === 'Bound') return current('ClaimBound', `claim ${name} is bound`);
    if (phase === 'Lost') return failedFast('ClaimLost', `claim ${name} lost its volume`);
    return inProgress('ClaimPending', `claim ${name} is ${phase ?? 'Pending'}, waiting for a volume`);
  },
};
