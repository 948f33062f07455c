/**
 * Volume Types (restricted, v1.0+): besides forbidding hostPath, restricted
 * limits volumes to the core, non-host types. A volume naming no source at
 * all is defaulted to emptyDir by the apiserver, so it is allowed.
 */
import type { PodSecurityCheck, ViolationField } from '../check.js';
import { joinQuote, pluralize, sortedUnique } from '../messages.js';
import { isSet, items, objectOr, text, type PodView } from '../pod.js';

export const RESTRICTED_ALLOWED_VOLUME_TYPES: readonly string[] = [
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret',
];

/** Every other volume source, in the order upstream names the first one found. */
const RESTRICTED_TYPES: readonly string[] = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd',
  'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk',
  'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

function restrictedVolumes(pod: PodView) {
  const bad: string[] = [];
  const types: string[] = [];
  const fields: ViolationField[] = [];
  items(pod.spec.volumes).forEach((item, index) => {
    const volume = objectOr(item);
    if (RESTRICTED_ALLOWED_VOLUME_TYPES.some((type) => isSet(volume[type]))) return;
    const type = RESTRICTED_TYPES.find((t) => isSet(volume[t]));
    if (type === undefined) return; // no source: defaulted to emptyDir
    const name = text(volume.name);
    bad.push(name);
    types.push(type);
    fields.push({
      path: [...pod.specPath, 'volumes', index, type],
      message: `volume ${joinQuote([name])} must not use restricted volume type ${joinQuote([type])}`,
    });
  });
  if (bad.length === 0) return undefined;
  const list = sortedUnique(types);
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', list.length)} ${joinQuote(list)}`,
    fields,
  };
}

export const restrictedVolumesCheck: PodSecurityCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  control: 'Volume Types',
  remediation: `Use only ${RESTRICTED_ALLOWED_VOLUME_TYPES.join(', ')} volumes; reach other storage through a PersistentVolumeClaim.`,
  revisions: [{ minVersion: 0, check: restrictedVolumes, overrides: ['hostPathVolumes'] }],
};
