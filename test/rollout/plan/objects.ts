import type { KubeObject } from '../../../src/cluster/types.js';

/** Small manifests for classification and plan tests. */
export function configMap(name: string, data: Record<string, string>, namespace = 'auth'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data };
}

export function secret(name: string, data: Record<string, string>, namespace = 'auth'): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, type: 'Opaque', data };
}

export interface PodRefs {
  image?: string;
  envFrom?: string;
  secretKey?: string;
  volumeConfig?: string;
  projectedSecret?: string;
}

/** A Deployment whose pod template refers to ConfigMaps/Secrets in the usual places. */
export function deployment(name: string, refs: PodRefs = {}, namespace = 'auth'): KubeObject {
  const container: Record<string, unknown> = { name, image: refs.image ?? `ghcr.io/acme/${name}:1.0.0` };
  if (refs.envFrom) container.envFrom = [{ configMapRef: { name: refs.envFrom } }];
  if (refs.secretKey) container.env = [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: refs.secretKey, key: 'token' } } }];
  const volumes: unknown[] = [];
  if (refs.volumeConfig) volumes.push({ name: 'config', configMap: { name: refs.volumeConfig } });
  if (refs.projectedSecret) volumes.push({ name: 'creds', projected: { sources: [{ secret: { name: refs.projectedSecret } }] } });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container], ...(volumes.length ? { volumes } : {}) } },
    },
  };
}

export function service(name: string, namespace = 'auth'): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: { selector: { app: name }, ports: [{ port: 80 }] } };
}

/** The same manifests on every named cluster. */
export function fleet(clusters: string[], objects: KubeObject[]): Map<string, KubeObject[]> {
  return new Map(clusters.map((c) => [c, objects.map((o) => structuredClone(o))]));
}
