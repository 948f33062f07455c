/** A CustomResourceDefinition for tests: one served, stored version `v1`, schema open to any field. */
import type { KubeObject } from '../../src/cluster/types.js';

export interface TestCrd {
  group: string;
  kind: string;
  scope?: 'Namespaced' | 'Cluster';
  shortNames?: string[];
  /** Adds the /status subresource. */
  status?: boolean;
}

export function testCrd({ group, kind, scope = 'Namespaced', shortNames, status }: TestCrd): KubeObject {
  const singular = kind.toLowerCase();
  const plural = `${singular}s`;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope,
      names: { plural, singular, kind, listKind: `${kind}List`, ...(shortNames ? { shortNames } : {}) },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
          ...(status ? { subresources: { status: {} } } : {}),
        },
      ],
    },
  };
}
