/**
 * Keeps discovery in step with the CustomResourceDefinitions in the store:
 * an Established CRD's group/versions/kind are served; a deleted CRD stops
 * being served and its custom resources are deleted, as on a real server.
 * Without simulated controllers, this also marks each new CRD Established
 * (and NamesAccepted) at once, the API server's own job on a real cluster.
 */
import type { KubeObject } from '../types.js';
import type { SimDiscovery } from './discovery.js';
import { isObject, nowTimestamp } from './object-utils.js';
import type { SimStore, StoreEvent } from './store.js';

const CRD_GROUP = 'apiextensions.k8s.io';
const CRD_KIND = 'CustomResourceDefinition';

export function isEstablished(crd: KubeObject): boolean {
  const status = isObject(crd.status) ? crd.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isObject) : [];
  return conditions.some((c) => c.type === 'Established' && c.status === 'True');
}

function establishedStatus(crd: KubeObject): Record<string, unknown> {
  const now = nowTimestamp();
  const spec = isObject(crd.spec) ? crd.spec : {};
  const versions = Array.isArray(spec.versions) ? spec.versions.filter(isObject) : [];
  return {
    conditions: [
      { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: now },
      { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: now },
    ],
    acceptedNames: spec.names ?? {},
    storedVersions: versions.filter((v) => v.storage === true).map((v) => String(v.name)),
  };
}

/** Starts syncing; returns the function that stops it. */
export function syncCustomResourceDefinitions(store: SimStore, discovery: SimDiscovery, establishImmediately: boolean): () => void {
  const onCrd = (crd: KubeObject, deleted: boolean) => {
    if (deleted) {
      for (const served of discovery.removeCustomResourceDefinition(crd.metadata.name).slice(0, 1)) {
        for (const object of store.list(served.group, served.kind)) store.delete({ group: served.group, kind: served.kind, namespace: object.metadata.namespace, name: object.metadata.name });
      }
      return;
    }
    if (establishImmediately && !isEstablished(crd) && !crd.metadata.deletionTimestamp) {
      store.update({ ...crd, status: establishedStatus(crd) }, { subresource: 'status' });
      return; // the MODIFIED event of that write registers it
    }
    discovery.setCustomResourceDefinition(crd, isEstablished(crd));
  };
  for (const crd of store.list(CRD_GROUP, CRD_KIND)) onCrd(crd, false);
  return store.subscribe((event: StoreEvent) => {
    if (event.object.kind === CRD_KIND && event.object.apiVersion.startsWith(`${CRD_GROUP}/`)) onCrd(event.object, event.type === 'DELETED');
  });
}
