/**
 * What a real cluster already holds before Harbormaster's first deploy and a
 * freshly started simulated one does not: ConfigMaps and Secrets that the
 * workloads read but the estate does not render — written by the cluster's
 * Terraform at creation (the example's `cluster-identity`) or synced from the
 * vault by external-secrets. The demo and the benchmark write them into their
 * simulated clusters first, as another field manager, so the workloads can
 * start the way they would on the real fleet.
 */
import { connectCluster } from '../../cluster/connect.js';
import type { SimFleet } from '../../cluster/sim/fleet.js';
import type { KubeObject } from '../../cluster/types.js';

export const BOOTSTRAP_MANAGER = 'cluster-bootstrap';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

export async function bootstrapSimFleet(fleet: SimFleet, desired: ReadonlyMap<string, readonly KubeObject[]>): Promise<void> {
  await Promise.all(
    fleet.clusters().map(async (cluster) => {
      const objects = externalConfig(desired.get(cluster.name) ?? []);
      if (objects.length === 0) return;
      const client = connectCluster({ name: cluster.name, connection: { kind: 'sim' } }, { simKubeconfig: fleet.kubeconfig });
      try {
        for (const name of new Set(objects.map((o) => o.metadata.namespace!))) {
          await client.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { fieldManager: BOOTSTRAP_MANAGER });
        }
        for (const object of objects) await client.apply(object, { fieldManager: BOOTSTRAP_MANAGER });
      } finally {
        client.close();
      }
    }),
  );
}

interface Wanted {
  kind: 'ConfigMap' | 'Secret';
  namespace: string;
  name: string;
  keys: Set<string>;
}

/** ConfigMaps and Secrets that workloads read (env, envFrom, volumes) and the set does not hold, with the keys read. */
export function externalConfig(objects: readonly KubeObject[]): KubeObject[] {
  const rendered = new Set(objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`));
  const wanted = new Map<string, Wanted>();
  for (const o of objects) {
    if (!WORKLOAD_KINDS.has(o.kind)) continue;
    collect(o.spec, o.metadata.namespace ?? 'default', (kind, namespace, name, key) => {
      const id = `${kind}/${namespace}/${name}`;
      if (rendered.has(id)) return;
      const entry = wanted.get(id) ?? { kind, namespace, name, keys: new Set<string>() };
      if (key) entry.keys.add(key);
      wanted.set(id, entry);
    });
  }
  return [...wanted.values()].map(toObject);
}

type Found = (kind: 'ConfigMap' | 'Secret', namespace: string, name: string, key?: string) => void;

/** Every reference to a ConfigMap or Secret under `value`, in a pod spec's vocabulary. */
function collect(value: unknown, namespace: string, found: Found): void {
  if (Array.isArray(value)) return value.forEach((v) => collect(v, namespace, found));
  if (value === null || typeof value !== 'object') return;
  const v = value as Record<string, { name?: string; key?: string; secretName?: string } | undefined>;
  const refs: [('ConfigMap' | 'Secret'), string | undefined, string | undefined][] = [
    ['ConfigMap', v.configMapKeyRef?.name, v.configMapKeyRef?.key],
    ['Secret', v.secretKeyRef?.name, v.secretKeyRef?.key],
    ['ConfigMap', v.configMapRef?.name, undefined],
    ['Secret', v.secretRef?.name, undefined],
    ['ConfigMap', v.configMap?.name, undefined],
    ['Secret', v.secret?.secretName, undefined],
  ];
  for (const [kind, name, key] of refs) if (name) found(kind, namespace, name, key);
  for (const child of Object.values(value)) collect(child, namespace, found);
}

function toObject(w: Wanted): KubeObject {
  // Placeholder values: the simulated containers only check that the keys exist.
  const value = w.kind === 'Secret' ? Buffer.from('bootstrap').toString('base64') : 'bootstrap';
  return { apiVersion: 'v1', kind: w.kind, metadata: { name: w.name, namespace: w.namespace }, data: Object.fromEntries([...w.keys].map((k) => [k, value])) };
}
