import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  APPLYSET_GROUP_KINDS_ANNOTATION,
  APPLYSET_ID_LABEL,
  APPLYSET_NAMESPACES_ANNOTATION,
  APPLYSET_PART_OF_LABEL,
  APPLYSET_TOOLING_ANNOTATION,
  applySetId,
} from '../../src/cluster/applyset-meta.js';
import { applySet, type ApplySetOptions } from '../../src/cluster/applyset.js';
import { prepareMembers } from '../../src/cluster/apply-objects.js';
import { hashObject } from '../../src/cluster/object-hash.js';
import type { RetryClock } from '../../src/cluster/retry.js';
import { ClusterError, objectKey, type KubeObject } from '../../src/cluster/types.js';
import { MemoryClient } from './memory-client.js';

const ID = applySetId({ name: 'applyset-shop', namespace: 'kube-system' });
const PARENT_KEY = '/Secret/kube-system/applyset-shop';
const options: ApplySetOptions = { name: 'shop', toolVersion: '0.1.0', concurrency: 1 };

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const cm = (name: string, namespace = 'shop', data: Record<string, string> = { a: '1' }): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });
const deploy = (name: string): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'shop' }, spec: { replicas: 1 } });
const role = (name: string): KubeObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name } });
const crd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' }, versions: [{ name: 'v1', served: true }] },
};
const widget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' }, spec: { size: 1 } };

const member = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, [APPLYSET_PART_OF_LABEL]: ID } } });
const patched = (client: MemoryClient) => client.writes().filter((c) => c.verb === 'patch').map((c) => c.key);

const instantClock: RetryClock = { now: () => 0, sleep: async () => undefined, random: () => 0 };

describe('applySet: order and bookkeeping', () => {
  it('writes the parent first, then Namespaces, CRDs, cluster-scoped, namespaced and custom resources', async () => {
    const client = new MemoryClient();
    const result = await applySet(client, [widget, deploy('web'), cm('web'), role('reader'), crd, ns('shop')], options);
    assert.equal(result.ok, true, JSON.stringify(result.failures));
    assert.deepEqual(patched(client), [
      PARENT_KEY,
      '/Namespace//shop',
      'apiextensions.k8s.io/CustomResourceDefinition//widgets.example.com',
      'rbac.authorization.k8s.io/ClusterRole//reader',
      '/ConfigMap/shop/web',
      'apps/Deployment/shop/web',
      'example.com/Widget/shop/w',
    ]);
    assert.deepEqual(result.objects.map((o) => o.action), ['created', 'created', 'created', 'created', 'created', 'created']);
    assert.equal(result.writeRequests, 7);
  });

  it('labels every member part-of the set and the parent with id, tooling, sorted group-kinds and namespaces', async () => {
    const client = new MemoryClient();
    await applySet(client, [cm('web'), cm('jobs', 'batch'), ns('shop'), deploy('web')], options);
    for (const key of ['/ConfigMap/shop/web', '/ConfigMap/batch/jobs', '/Namespace//shop', 'apps/Deployment/shop/web']) {
      assert.equal(client.objects.get(key)?.metadata.labels?.[APPLYSET_PART_OF_LABEL], ID, key);
    }
    const parent = client.objects.get(PARENT_KEY)!;
    assert.equal(parent.metadata.labels?.[APPLYSET_ID_LABEL], ID);
    assert.deepEqual(parent.metadata.annotations, {
      [APPLYSET_TOOLING_ANNOTATION]: 'harbormaster/0.1.0',
      [APPLYSET_GROUP_KINDS_ANNOTATION]: 'ConfigMap,Deployment.apps,Namespace',
      [APPLYSET_NAMESPACES_ANNOTATION]: 'batch,shop',
    });
    assert.equal(client.calls.find((c) => c.key === PARENT_KEY && c.verb === 'patch')?.fieldManager, 'harbormaster-applyset');
  });

  it('creates the parent namespace before the parent when the set defines it', async () => {
    const client = new MemoryClient();
    await applySet(client, [ns('deploy-system'), cm('web')], { ...options, parentNamespace: 'deploy-system' });
    assert.deepEqual(patched(client).slice(0, 2), ['/Namespace//deploy-system', '/Secret/deploy-system/applyset-shop']);
    assert.equal(patched(client).filter((k) => k === '/Namespace//deploy-system').length, 1);
  });
});

describe('applySet: unchanged objects', () => {
  it('sends nothing at all when every hash matches and the parent is current', async () => {
    const client = new MemoryClient();
    const desired = [ns('shop'), cm('web'), deploy('web')];
    const first = await applySet(client, desired, options);
    assert.deepEqual([...first.hashes.keys()].sort(), desired.map(objectKey).sort());
    assert.equal(first.hashes.get('/ConfigMap/shop/web'), hashObject(cm('web')));
    const before = client.writes().length;
    const second = await applySet(client, desired, { ...options, previous: first.hashes });
    assert.equal(client.writes().length, before);
    assert.equal(second.writeRequests, 0);
    assert.deepEqual(second.objects.map((o) => o.action), ['unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(second.hashes, first.hashes);
  });

  it('writes only the object whose hash changed', async () => {
    const client = new MemoryClient();
    const first = await applySet(client, [cm('a'), cm('b')], options);
    const result = await applySet(client, [cm('a'), cm('b', 'shop', { a: '2' })], { ...options, previous: first.hashes });
    assert.deepEqual(result.objects.map((o) => [o.key, o.action]), [['/ConfigMap/shop/a', 'unchanged'], ['/ConfigMap/shop/b', 'configured']]);
    assert.equal(result.writeRequests, 1);
  });
});

describe('applySet: pruning', () => {
  it("deletes only our labelled members of listed kinds in the set's namespaces that are no longer desired", async () => {
    const client = new MemoryClient();
    await applySet(client, [cm('keep'), cm('drop'), deploy('drop')], options);
    client.seed(
      cm('manual'), // same kind and namespace, no label
      { ...cm('theirs'), metadata: { ...cm('theirs').metadata, labels: { [APPLYSET_PART_OF_LABEL]: 'applyset-other-v1' } } },
      member(cm('stray', 'billing')), // our label, but a namespace the set never used
      member({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'unlisted', namespace: 'shop' } }), // our label, kind not listed
    );
    const result = await applySet(client, [cm('keep')], options);
    assert.equal(result.ok, true);
    assert.deepEqual(result.objects.filter((o) => o.action === 'pruned').map((o) => o.key), ['apps/Deployment/shop/drop', '/ConfigMap/shop/drop']);
    for (const survivor of ['/ConfigMap/shop/keep', '/ConfigMap/shop/manual', '/ConfigMap/shop/theirs', '/ConfigMap/billing/stray', '/Secret/shop/unlisted']) {
      assert.ok(client.objects.has(survivor), survivor);
    }
    assert.equal(client.objects.get(PARENT_KEY)?.metadata.annotations?.[APPLYSET_GROUP_KINDS_ANNOTATION], 'ConfigMap');
  });

  it('does not prune when an object failed, and keeps the widened parent', async () => {
    const client = new MemoryClient();
    await applySet(client, [cm('a'), deploy('old')], options);
    client.failApply.set('/ConfigMap/shop/b', new ClusterError('CLUSTER_INVALID', 'bad', 'mem'));
    const result = await applySet(client, [cm('a'), cm('b')], options);
    assert.equal(result.ok, false);
    assert.equal(result.pruneSkipped, 'some objects failed to apply');
    assert.ok(client.objects.has('apps/Deployment/shop/old'));
    assert.equal(client.objects.get(PARENT_KEY)?.metadata.annotations?.[APPLYSET_GROUP_KINDS_ANNOTATION], 'ConfigMap,Deployment.apps');
  });

  it('reports what it would prune in a dry run and deletes nothing', async () => {
    const client = new MemoryClient();
    await applySet(client, [cm('a'), cm('b')], options);
    const writes = client.writes().length;
    const result = await applySet(client, [cm('a')], { ...options, dryRun: true });
    assert.deepEqual(result.objects.map((o) => [o.key, o.action]), [['/ConfigMap/shop/a', 'unchanged'], ['/ConfigMap/shop/b', 'pruned']]);
    assert.equal(client.writes().length, writes + 1); // the dry-run apply of `a`; no parent write, no delete
    assert.ok(client.objects.has('/ConfigMap/shop/b'));
    assert.equal(result.hashes.size, 0);
  });

  it("refuses a parent that another tool manages, before writing anything", async () => {
    const client = new MemoryClient();
    client.seed({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'applyset-shop', namespace: 'kube-system', labels: { [APPLYSET_ID_LABEL]: ID }, annotations: { [APPLYSET_TOOLING_ANNOTATION]: 'kubectl/v1.30' } } });
    await assert.rejects(applySet(client, [cm('a')], options), (e: unknown) => e instanceof ClusterError && e.code === 'CLUSTER_APPLYSET');
    assert.deepEqual(client.writes(), []);
  });
});

describe('applySet: failures', () => {
  it('collects every failure, with conflicts, and carries on with the other objects', async () => {
    const client = new MemoryClient();
    const conflict = new ClusterError('CLUSTER_CONFLICT', 'conflict', 'mem', { status: 409, conflicts: [{ manager: 'kubectl', field: '.spec.replicas' }] });
    client.failApply.set('apps/Deployment/shop/web', conflict);
    client.failApply.set('/ConfigMap/shop/bad', new ClusterError('CLUSTER_INVALID', 'invalid', 'mem', { status: 422 }));
    const result = await applySet(client, [deploy('web'), cm('bad'), cm('good'), deploy('api')], options);
    assert.equal(result.ok, false);
    assert.deepEqual(result.failures.map((f) => [f.key, f.error?.code]).sort(), [['/ConfigMap/shop/bad', 'CLUSTER_INVALID'], ['apps/Deployment/shop/web', 'CLUSTER_CONFLICT']]);
    assert.deepEqual(result.conflicts, [{ key: 'apps/Deployment/shop/web', ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' }, conflicts: [{ manager: 'kubectl', field: '.spec.replicas' }] }]);
    assert.ok(client.objects.has('/ConfigMap/shop/good') && client.objects.has('apps/Deployment/shop/api'));
    assert.equal(result.hashes.has('apps/Deployment/shop/web'), false);
    assert.equal(result.hashes.has('/ConfigMap/shop/good'), true);
  });

  it('stops at an unreachable cluster: the rest fail without requests and nothing is pruned', async () => {
    const client = new MemoryClient();
    client.failApply.set('/ConfigMap/shop/a', new ClusterError('CLUSTER_UNREACHABLE', 'down', 'mem'));
    const result = await applySet(client, [cm('a'), cm('b'), deploy('web'), widget, crd], options);
    assert.equal(result.unreachable, true);
    assert.deepEqual(patched(client), [PARENT_KEY, 'apiextensions.k8s.io/CustomResourceDefinition//widgets.example.com', '/ConfigMap/shop/a']);
    assert.ok(result.failures.every((f) => f.error?.code === 'CLUSTER_UNREACHABLE'));
    assert.deepEqual(result.failures.map((f) => f.key), ['/ConfigMap/shop/a', '/ConfigMap/shop/b', 'apps/Deployment/shop/web', 'example.com/Widget/shop/w']);
    assert.equal(result.pruneSkipped, 'some objects failed to apply');
  });

  it('refuses an object that is already a member of another set', async () => {
    const client = new MemoryClient();
    const foreign = { ...cm('x'), metadata: { ...cm('x').metadata, labels: { [APPLYSET_PART_OF_LABEL]: 'applyset-other-v1' } } };
    const result = await applySet(client, [foreign, cm('y')], options);
    assert.deepEqual(result.failures.map((f) => [f.key, f.error?.code]), [['/ConfigMap/shop/x', 'CLUSTER_APPLYSET']]);
    assert.ok(client.objects.has('/ConfigMap/shop/y'));
  });
});

describe('applySet: custom resources', () => {
  it('waits for the CRD to be served before applying its objects', async () => {
    const client = new MemoryClient();
    client.crdDelay = 3;
    const result = await applySet(client, [widget, crd], { ...options, clock: instantClock });
    assert.equal(result.ok, true, JSON.stringify(result.failures));
    assert.ok(client.calls.filter((c) => c.verb === 'discover' && c.key === 'refresh').length >= 3);
    assert.ok(client.objects.has('example.com/Widget/shop/w'));
  });

  it('fails the custom resources (only) when the CRD is not served in time', async () => {
    const client = new MemoryClient();
    client.crdDelay = 1_000;
    let now = 0;
    const clock: RetryClock = { now: () => now, sleep: async (ms) => void (now += ms), random: () => 0 };
    const result = await applySet(client, [widget, crd, cm('a')], { ...options, clock, crdTimeoutMs: 5_000 });
    assert.deepEqual(result.failures.map((f) => [f.key, f.error?.code]), [['example.com/Widget/shop/w', 'CLUSTER_UNKNOWN_KIND']]);
    assert.ok(now <= 5_000);
    assert.ok(client.objects.has('/ConfigMap/shop/a'));
  });

  it('fails objects of kinds nobody defines after one discovery refresh, without waiting', async () => {
    const client = new MemoryClient();
    const result = await applySet(client, [{ ...widget, apiVersion: 'nowhere.io/v1' }], { ...options, clock: { ...instantClock, sleep: async () => assert.fail('must not wait') } });
    assert.deepEqual(result.failures.map((f) => f.error?.code), ['CLUSTER_UNKNOWN_KIND']);
    assert.equal(client.calls.filter((c) => c.verb === 'discover' && c.key === 'refresh').length, 1);
  });
});

describe('prepareMembers places objects where the server keeps them', () => {
  const namespaced = (o: KubeObject) => o.kind !== 'ClusterIssuer';
  const issuer: KubeObject = { apiVersion: 'cert-manager.io/v1', kind: 'ClusterIssuer', metadata: { name: 'letsencrypt', namespace: 'cert-manager' } };
  const config: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };

  it('drops the namespace kustomize gave a cluster-scoped custom resource, and puts namespaced objects without one in default', () => {
    const { members } = prepareMembers([issuer, config], 'applyset-x-v1', namespaced, 'c1');
    assert.deepEqual(members.map((m) => m.key), ['cert-manager.io/ClusterIssuer//letsencrypt', '/ConfigMap/default/c']);
    assert.equal(members[0]!.object.metadata.namespace, undefined);
  });
});
