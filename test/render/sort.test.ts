import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RenderCode } from '../../src/render/errors.js';
import { expectYaml, KustHarness } from '../harness/kust.js';

/** Objects of many kinds (grouped, core, custom, webhooks), so the orderings differ visibly. */
const MIXED_KINDS = `
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: vwc}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
---
apiVersion: v1
kind: Pod
metadata: {name: p}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: b}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: a}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: z}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: x, namespace: ab}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: y, namespace: a}
---
apiVersion: v1
kind: Namespace
metadata: {name: a}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
---
apiVersion: batch/v1
kind: Job
metadata: {name: j}
`;

// Expected output below is what `kubectl kustomize` (kustomize v5.5) printed for the same trees.

describe('output order', () => {
  it('legacy by default: orderFirst kinds, then group_version_kind with core kinds last, webhooks at the end; ns|name compared as one string', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [objects.yaml]
`);
    h.writeF('objects.yaml', MIXED_KINDS);
    expectYaml(h.render('.'), `
apiVersion: v1
kind: Namespace
metadata:
  name: a
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: x
  namespace: ab
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: "y"
  namespace: a
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: z
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: a
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: b
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs
---
apiVersion: batch/v1
kind: Job
metadata:
  name: j
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
---
apiVersion: v1
kind: Pod
metadata:
  name: p
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: vwc
`);
  });

  it('legacySortOptions replace the default lists', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [objects.yaml]
sortOptions:
  order: legacy
  legacySortOptions:
    orderFirst: [Pod, Deployment]
    orderLast: [Namespace]
`);
    h.writeF('objects.yaml', MIXED_KINDS);
    expectYaml(h.render('.'), `
apiVersion: v1
kind: Pod
metadata:
  name: p
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: a
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: b
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: vwc
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs
---
apiVersion: batch/v1
kind: Job
metadata:
  name: j
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: x
  namespace: ab
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: "y"
  namespace: a
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: z
---
apiVersion: v1
kind: Namespace
metadata:
  name: a
`);
  });

  it('fifo keeps accumulation order (resources, then bases in order, then generated)', () => {
    const h = new KustHarness()
      .writeK('.', `
resources: [svc.yaml, base]
configMapGenerator:
- name: gen
  literals: [a=b]
sortOptions: {order: fifo}
`)
      .writeF('svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n')
      .writeK('base', 'resources: [ns.yaml]\n')
      .writeF('base/ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n');
    assert.deepEqual(
      h.render('.').resources.map((r) => `${r.kind}/${r.name}`),
      ['Service/s', 'Namespace/n', 'ConfigMap/gen-4h2mbtbbt6'],
    );
  });

  it('only the top-level sortOptions count', () => {
    const h = new KustHarness()
      .writeK('.', 'resources: [base]\nsortOptions: {order: fifo}\n')
      .writeK('base', 'resources: [r.yaml]\nsortOptions: {order: legacy}\n')
      .writeF('base/r.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n');
    assert.deepEqual(h.render('.').resources.map((r) => r.kind), ['Service', 'Namespace']);
    assert.deepEqual(h.render('base').resources.map((r) => r.kind), ['Namespace', 'Service']);
  });

  it('an unknown order, or legacySortOptions with fifo, is KUST_SORT_INVALID at sortOptions', () => {
    const h = new KustHarness().writeF('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    h.writeK('a', 'resources: [../cm.yaml]\nsortOptions: {order: random}\n');
    const [d] = h.renderError('a', { loadRestrictor: 'none' });
    assert.equal(d!.code, RenderCode.SortInvalid);
    assert.equal(d!.line, 2);
    h.writeK('b', 'resources: [../cm.yaml]\nsortOptions: {order: fifo, legacySortOptions: {orderFirst: [ConfigMap]}}\n');
    assert.deepEqual(h.errorCodes('b', { loadRestrictor: 'none' }), [RenderCode.SortInvalid]);
  });
});
