/** A simulated fleet and real client-node clients for the tests of src/cluster/sim. */
import * as k8s from '@kubernetes/client-node';
import { startSimFleet, type SimFleet, type SimFleetOptions } from '../../../src/cluster/sim/fleet.js';
import type { KubeObject } from '../../../src/cluster/types.js';

export interface Clients {
  kc: k8s.KubeConfig;
  objects: k8s.KubernetesObjectApi;
  core: k8s.CoreV1Api;
}

export async function startFleet(names: string[] = ['alpha'], options: Partial<SimFleetOptions> = {}): Promise<SimFleet> {
  return startSimFleet({ bookmarkIntervalMs: 0, startControllers: false, ...options, clusters: names.map((name) => ({ name })) });
}

export function clientsFor(fleet: SimFleet, cluster: string): Clients {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(fleet.kubeconfig);
  kc.setCurrentContext(cluster);
  return { kc, objects: k8s.KubernetesObjectApi.makeApiClient(kc), core: kc.makeApiClient(k8s.CoreV1Api) };
}

/** Server-side apply through client-node, as Harbormaster's client does it. */
export function apply(clients: Clients, object: KubeObject, manager = 'harbormaster', force = false): Promise<k8s.KubernetesObject> {
  return clients.objects.patch(structuredClone(object) as k8s.KubernetesObject, undefined, undefined, manager, force, k8s.PatchStrategy.ServerSideApply);
}

/** The Status body of a failed client-node call. */
export function statusOf(err: unknown): { code: number; reason?: string; message?: string; details?: { causes?: Array<{ type: string; message: string; field: string }> } } {
  const e = err as { code?: number; body?: unknown };
  const body = typeof e.body === 'string' ? (JSON.parse(e.body) as Record<string, unknown>) : ((e.body ?? {}) as Record<string, unknown>);
  return { code: e.code ?? 0, ...body } as ReturnType<typeof statusOf>;
}

export function deployment(name: string, namespace: string, replicas: number, image = 'nginx:1.25'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image, ports: [{ containerPort: 8080 }] }] } },
    },
  };
}

export function namespace(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function configMap(name: string, namespace: string, labels: Record<string, string> = {}, data: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, labels }, data };
}

/** Waits (polling every few ms) until `check` returns a value; fails after `ms`. */
export async function eventually<T>(check: () => T | undefined, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
