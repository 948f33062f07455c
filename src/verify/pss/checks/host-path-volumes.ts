/**
 * HostPath Volumes (baseline, v1.0+): hostPath volumes expose the node's
 * file system and must be forbidden.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { joinQuote, pluralize } from '../messages.js';
import { isSet, items, objectOr, text, type PodView } from '../pod.js';

function hostPathVolumes(pod: PodView) {
  const bad: string[] = [];
  const fields: ViolationField[] = [];
  items(pod.spec.volumes).forEach((item, index) => {
    const volume = objectOr(item);
    if (!isSet(volume.hostPath)) return;
    const name = text(volume.name);
    bad.push(name);
    fields.push({ path: [...pod.specPath, 'volumes', index, 'hostPath'], message: `volume ${joinQuote([name])} must not use hostPath` });
  });
  if (bad.length === 0) return undefined;
  return { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}`, fields };
}

export const hostPathVolumesCheck: PodSecurityCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  control: 'HostPath Volumes',
  remediation: 'Replace hostPath volumes with emptyDir, configMap, secret, projected or persistentVolumeClaim volumes.',
  revisions: [{ minVersion: 0, check: hostPathVolumes }],
};
