import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPhases, deleteOrder, isCustomResource, Phase, type KindFacts } from '../../src/cluster/apply-order.js';
import type { KubeObject } from '../../src/cluster/types.js';

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass', 'ValidatingWebhookConfiguration', 'ClusterIssuer']);
const facts: KindFacts = { namespaced: (o) => !CLUSTER_SCOPED.has(o.kind), customGroups: new Set(['gateway.networking.k8s.io']) };

function obj(apiVersion: string, kind: string, name: string, namespace?: string): KubeObject {
  return { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } };
}

const mixed = [
  obj('apps/v1', 'Deployment', 'web', 'shop'),
  obj('cert-manager.io/v1', 'Certificate', 'web-tls', 'shop'),
  obj('v1', 'Service', 'web', 'shop'),
  obj('admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'guard'),
  obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'certificates.cert-manager.io'),
  obj('v1', 'ConfigMap', 'web', 'shop'),
  obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'reader'),
  obj('v1', 'Namespace', 'shop'),
  obj('v1', 'ServiceAccount', 'web', 'shop'),
  obj('cert-manager.io/v1', 'ClusterIssuer', 'letsencrypt'),
  obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'web', 'shop'),
  obj('v1', 'Namespace', 'billing'),
];

const names = (objects: KubeObject[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`);

describe('applyPhases', () => {
  it('applies Namespaces, CRDs, cluster-scoped kinds, namespaced kinds, then custom resources', () => {
    const phases = applyPhases(mixed, facts);
    assert.deepEqual(
      phases.map((p) => p.phase),
      [Phase.Namespaces, Phase.Definitions, Phase.ClusterScoped, Phase.Namespaced, Phase.CustomResources],
    );
    assert.deepEqual(
      phases.map((p) => names(p.objects)),
      [
        ['Namespace/billing', 'Namespace/shop'],
        ['CustomResourceDefinition/certificates.cert-manager.io'],
        ['ClusterRole/reader', 'ValidatingWebhookConfiguration/guard'],
        ['ServiceAccount/web', 'ConfigMap/web', 'Service/web', 'Deployment/web'],
        ['Certificate/web-tls', 'ClusterIssuer/letsencrypt', 'HTTPRoute/web'],
      ],
    );
  });

  it('knows the built-in groups by name, so CRD groups under k8s.io are still custom', () => {
    assert.equal(isCustomResource(obj('gateway.networking.k8s.io/v1', 'HTTPRoute', 'r'), new Set()), true);
    assert.equal(isCustomResource(obj('snapshot.storage.k8s.io/v1', 'VolumeSnapshot', 's'), new Set()), true);
    assert.equal(isCustomResource(obj('apps/v1', 'Deployment', 'd'), new Set(['apps'])), true);
    assert.equal(isCustomResource(obj('networking.k8s.io/v1', 'Ingress', 'i'), new Set()), false);
    assert.equal(isCustomResource(obj('monitoring.coreos.com/v1', 'ServiceMonitor', 'm'), new Set()), true);
  });

  it('does not depend on input order', () => {
    const a = applyPhases(mixed, facts).flatMap((p) => names(p.objects));
    const b = applyPhases([...mixed].reverse(), facts).flatMap((p) => names(p.objects));
    assert.deepEqual(a, b);
  });
});

describe('deleteOrder', () => {
  it('is the apply order backwards: custom resources first, Namespaces last', () => {
    const order = names(deleteOrder(mixed, facts));
    assert.deepEqual(order, [...applyPhases(mixed, facts).flatMap((p) => names(p.objects))].reverse());
    assert.equal(order[0], 'HTTPRoute/web');
    assert.deepEqual(order.slice(-3), ['CustomResourceDefinition/certificates.cert-manager.io', 'Namespace/shop', 'Namespace/billing']);
  });
});
