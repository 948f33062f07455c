/** hostPath volumes of a pod, with their normalised paths. */
import type { FieldPath } from '../finding.js';
import { dig, items, str } from './values.js';
import type { Workload } from './workloads.js';

export interface HostPathVolume {
  name: string;
  /** Normalised: no trailing slash (except for `/`), no `//`. */
  hostPath: string;
  path: FieldPath;
}

export function hostPathVolumes(w: Workload): HostPathVolume[] {
  const out: HostPathVolume[] = [];
  items(w.spec.volumes).forEach((volume, index) => {
    const raw = str(dig(volume, 'hostPath', 'path'));
    if (raw === undefined) return;
    const normalised = raw.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
    out.push({ name: str(dig(volume, 'name')) ?? '', hostPath: normalised, path: [...w.specPath, 'volumes', index, 'hostPath', 'path'] });
  });
  return out;
}
