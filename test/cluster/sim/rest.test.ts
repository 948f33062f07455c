import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import type { SimFleet } from '../../../src/cluster/sim/fleet.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { apply, clientsFor, configMap, deployment, namespace, startFleet, statusOf, type Clients } from './helpers.js';
import { testCrd } from '../../harness/crd.js';

const crd = testCrd({ group: 'example.com', kind: 'Widget', shortNames: ['wd'], status: true });

describe('simulated API server through client-node', () => {
  let fleet: SimFleet;
  let c: Clients;
  before(async () => {
    fleet = await startFleet(['alpha']);
    c = clientsFor(fleet, 'alpha');
    await c.objects.create(namespace('shop') as k8s.KubernetesObject);
  });
  after(() => fleet.stop());

  it('serves version and discovery documents', async () => {
    const version = await c.kc.makeApiClient(k8s.VersionApi).getCode();
    assert.equal(version.gitVersion, 'v1.26.4');
    const groups = await c.kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    const apps = groups.groups.find((g) => g.name === 'apps');
    assert.equal(apps?.preferredVersion?.groupVersion, 'apps/v1');
    const core = await c.core.getAPIResources();
    const pods = core.resources.find((r) => r.name === 'pods');
    assert.deepEqual([pods?.kind, pods?.namespaced, pods?.singularName], ['Pod', true, 'pod']);
    assert.ok(core.resources.some((r) => r.name === 'pods/status'));
    assert.equal(core.resources.find((r) => r.name === 'namespaces')?.namespaced, false);
    const appsV1 = await c.kc.makeApiClient(k8s.AppsV1Api).getAPIResources();
    assert.deepEqual(appsV1.resources.find((r) => r.name === 'deployments')?.verbs, ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
  });

  it('creates, reads, lists, replaces, patches and deletes built-in objects', async () => {
    const created = await c.objects.create(configMap('cfg', 'shop', { app: 'shop' }, { a: '1' }) as k8s.KubernetesObject);
    assert.equal(created.metadata?.namespace, 'shop');
    const read = (await c.objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } })) as k8s.V1ConfigMap;
    assert.deepEqual(read.data, { a: '1' });
    const replaced = (await c.objects.replace({ ...read, data: { a: '2' } })) as k8s.V1ConfigMap;
    assert.deepEqual(replaced.data, { a: '2' });
    assert.notEqual(replaced.metadata?.resourceVersion, read.metadata?.resourceVersion);
    const merged = (await c.objects.patch({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' }, data: { b: '3' } } as k8s.KubernetesObject, undefined, undefined, 'tester', undefined, k8s.PatchStrategy.MergePatch)) as k8s.V1ConfigMap;
    assert.deepEqual(merged.data, { a: '2', b: '3' });
    const jsonPatched = (await c.core.patchNamespacedConfigMap({ name: 'cfg', namespace: 'shop', body: [{ op: 'remove', path: '/data/a' }] }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.JsonPatch))) as k8s.V1ConfigMap;
    assert.deepEqual(jsonPatched.data, { b: '3' });
    const list = await c.objects.list('v1', 'ConfigMap', 'shop');
    assert.deepEqual(list.items.map((i) => i.metadata?.name), ['cfg']);
    await c.objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } });
    await assert.rejects(c.objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } }), (e: unknown) => statusOf(e).code === 404 && statusOf(e).reason === 'NotFound');
  });

  it('answers Kubernetes Status errors: AlreadyExists, NotFound namespace, Invalid', async () => {
    await c.objects.create(configMap('dup', 'shop') as k8s.KubernetesObject);
    await assert.rejects(c.objects.create(configMap('dup', 'shop') as k8s.KubernetesObject), (e: unknown) => statusOf(e).code === 409 && statusOf(e).reason === 'AlreadyExists' && statusOf(e).message === 'configmaps "dup" already exists');
    await assert.rejects(c.objects.create(configMap('x', 'nowhere') as k8s.KubernetesObject), (e: unknown) => statusOf(e).code === 404 && statusOf(e).message === 'namespaces "nowhere" not found');
    await assert.rejects(apply(c, configMap('x', 'nowhere')), (e: unknown) => statusOf(e).code === 404);
    await assert.rejects(c.objects.patch(configMap('dup', 'shop') as k8s.KubernetesObject, undefined, undefined, undefined, undefined, k8s.PatchStrategy.ServerSideApply), (e: unknown) => statusOf(e).code === 422);
  });

  it('defaults what the API server defaults (replicas, strategy, Service clusterIP and protocol)', async () => {
    const d = deployment('defaults', 'shop', 1);
    delete (d.spec as { replicas?: number }).replicas;
    const applied = (await apply(c, d)) as k8s.V1Deployment;
    assert.equal(applied.spec?.replicas, 1);
    assert.equal(applied.spec?.strategy?.type, 'RollingUpdate');
    assert.equal(applied.spec?.template.spec?.containers[0]?.ports?.[0]?.protocol, 'TCP');
    const svc = (await apply(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } })) as k8s.V1Service;
    assert.match(svc.spec?.clusterIP ?? '', /^10\.\d+\.\d+\.\d+$/);
    assert.equal(svc.spec?.ports?.[0]?.protocol, 'TCP');
    assert.equal(svc.spec?.type, 'ClusterIP');
  });

  it('strategic merge patch merges containers by name; /status writes keep the spec and main writes keep the status', async () => {
    const apps = c.kc.makeApiClient(k8s.AppsV1Api);
    await apply(c, { ...deployment('smp', 'shop', 1), spec: { ...(deployment('smp', 'shop', 1).spec as object), template: { metadata: { labels: { app: 'smp' } }, spec: { containers: [{ name: 'app', image: 'a:1' }, { name: 'side', image: 's:1' }] } } } });
    const patched = await apps.patchNamespacedDeployment({ name: 'smp', namespace: 'shop', body: { spec: { template: { spec: { containers: [{ name: 'side', image: 's:2' }] } } } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch));
    assert.deepEqual(patched.spec?.template.spec?.containers.map((x) => `${x.name}=${x.image}`), ['app=a:1', 'side=s:2']);
    const withStatus = await apps.replaceNamespacedDeploymentStatus({ name: 'smp', namespace: 'shop', body: { ...patched, spec: { ...patched.spec!, replicas: 9 }, status: { replicas: 1, readyReplicas: 1 } } });
    assert.equal(withStatus.spec?.replicas, 1);
    assert.equal(withStatus.status?.readyReplicas, 1);
    assert.equal(withStatus.metadata?.generation, patched.metadata?.generation);
    const relabelled = await apps.patchNamespacedDeployment({ name: 'smp', namespace: 'shop', body: { metadata: { labels: { extra: 'x' } }, status: { readyReplicas: 0 } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    assert.equal(relabelled.status?.readyReplicas, 1);
    assert.equal(relabelled.metadata?.labels?.extra, 'x');
  });

  it('honours dryRun=All on create, apply and delete', async () => {
    const before = fleet.cluster('alpha').store.resourceVersion;
    const dry = await c.objects.create(configMap('dry', 'shop') as k8s.KubernetesObject, undefined, 'All');
    assert.equal(dry.metadata?.name, 'dry');
    await assert.rejects(c.objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dry', namespace: 'shop' } }), (e: unknown) => statusOf(e).code === 404);
    const planned = (await c.objects.patch(structuredClone(deployment('dry', 'shop', 3)) as k8s.KubernetesObject, undefined, 'All', 'hm', false, k8s.PatchStrategy.ServerSideApply)) as k8s.V1Deployment;
    assert.equal(planned.spec?.replicas, 3);
    await c.objects.create(configMap('keep', 'shop') as k8s.KubernetesObject);
    const afterCreate = fleet.cluster('alpha').store.resourceVersion;
    await c.objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep', namespace: 'shop' } }, undefined, 'All');
    assert.ok(await c.objects.read({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep', namespace: 'shop' } }));
    assert.equal(fleet.cluster('alpha').store.resourceVersion, afterCreate);
    assert.equal(afterCreate, before + 1);
  });

  it('serves a CRD once applied, its custom resources with /status, and stops serving it when deleted', async () => {
    await assert.rejects(c.objects.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' } }), /resource metadata for example.com\/v1\/Widget: HTTP-Code: 404/);
    const established = (await apply(c, crd)) as k8s.V1CustomResourceDefinition;
    assert.ok(established.metadata?.name);
    const stored = fleet.cluster('alpha').store.get({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', name: 'widgets.example.com' });
    assert.ok((stored?.status as { conditions: Array<{ type: string; status: string }> }).conditions.some((x) => x.type === 'Established' && x.status === 'True'));
    const objects = k8s.KubernetesObjectApi.makeApiClient(c.kc); // fresh discovery cache
    const widget = await objects.create({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' }, spec: { size: 3 } } as k8s.KubernetesObject);
    assert.equal((widget as KubeObject).kind, 'Widget');
    const custom = c.kc.makeApiClient(k8s.CustomObjectsApi);
    await custom.patchNamespacedCustomObjectStatus({ group: 'example.com', version: 'v1', namespace: 'shop', plural: 'widgets', name: 'w', body: { status: { ready: true } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    const list = await objects.list('example.com/v1', 'Widget', 'shop');
    assert.deepEqual(list.items.map((w) => [w.kind, (w as KubeObject).status]), [['Widget', { ready: true }]]);
    const served = await c.kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    assert.deepEqual(served.groups.find((g) => g.name === 'example.com')?.versions.map((v) => v.groupVersion), ['example.com/v1']);
    await c.objects.delete({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' } });
    assert.equal(fleet.cluster('alpha').store.list('example.com', 'Widget').length, 0);
    const gone = await c.kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    assert.equal(gone.groups.find((g) => g.name === 'example.com'), undefined);
    await assert.rejects(custom.listNamespacedCustomObject({ group: 'example.com', version: 'v1', namespace: 'shop', plural: 'widgets' }), (e: unknown) => statusOf(e).code === 404);
  });

  it('garbage-collects dependents on delete, and orphans them with propagationPolicy=Orphan', async () => {
    const store = fleet.cluster('alpha').store;
    const owner = await c.objects.create(configMap('owner', 'shop') as k8s.KubernetesObject);
    const ownerReferences = [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata!.uid! }];
    await c.objects.create({ ...configMap('child', 'shop'), metadata: { name: 'child', namespace: 'shop', ownerReferences } } as k8s.KubernetesObject);
    await c.objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'shop' } }, undefined, undefined, undefined, undefined, 'Background');
    assert.equal(store.get({ group: '', kind: 'ConfigMap', namespace: 'shop', name: 'child' }), undefined);

    const owner2 = await c.objects.create(configMap('owner2', 'shop') as k8s.KubernetesObject);
    await c.objects.create({ ...configMap('child2', 'shop'), metadata: { name: 'child2', namespace: 'shop', ownerReferences: [{ ...ownerReferences[0]!, name: 'owner2', uid: owner2.metadata!.uid! }] } } as k8s.KubernetesObject);
    await c.objects.delete({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner2', namespace: 'shop' } }, undefined, undefined, undefined, undefined, 'Orphan');
    const orphan = store.get({ group: '', kind: 'ConfigMap', namespace: 'shop', name: 'child2' });
    assert.ok(orphan);
    assert.equal(orphan.metadata.ownerReferences, undefined);
  });

  it('speaks plain HTTP too: DeleteOptions bodies, watch=1, 404/405 Status for unknown paths and methods', async () => {
    const base = fleet.cluster('alpha').url;
    const store = fleet.cluster('alpha').store;
    const owner = await c.objects.create(configMap('raw-owner', 'shop') as k8s.KubernetesObject);
    await c.objects.create({ ...configMap('raw-child', 'shop'), metadata: { name: 'raw-child', namespace: 'shop', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'raw-owner', uid: owner.metadata!.uid! }] } } as k8s.KubernetesObject);
    const del = await fetch(`${base}/api/v1/namespaces/shop/configmaps/raw-owner`, { method: 'DELETE', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Orphan' }) });
    assert.equal(del.status, 200);
    assert.equal(((await del.json()) as { status: string }).status, 'Success');
    assert.ok(store.get({ group: '', kind: 'ConfigMap', namespace: 'shop', name: 'raw-child' }));

    const controller = new AbortController();
    const watch = await fetch(`${base}/api/v1/namespaces/shop/configmaps?watch=1&fieldSelector=metadata.name%3Draw-child`, { signal: controller.signal });
    assert.equal(watch.status, 200);
    const reader = watch.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.deepEqual(JSON.parse(first.split('\n')[0]!).type, 'ADDED');
    controller.abort();

    const unknown = await fetch(`${base}/apis/nope.example.com/v1/things`);
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { kind: string }).kind, 'Status');
    const notAllowed = await fetch(`${base}/api/v1/namespaces/shop/configmaps/raw-child/status`, { method: 'PUT', body: '{}' });
    assert.equal(notAllowed.status, 404);
    const post = await fetch(`${base}/apis`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
  });

  it('counts requests by verb', async () => {
    const cluster = fleet.cluster('alpha');
    cluster.resetRequests();
    await c.core.listNamespacedPod({ namespace: 'shop' });
    await c.core.readNamespace({ name: 'shop' });
    await apply(c, configMap('counted', 'shop'));
    const counts = cluster.requests();
    assert.equal(counts.list, 1);
    assert.equal(counts.get, 1);
    assert.equal(counts.patch, 1);
    assert.equal(counts.total, counts.list + counts.get + counts.patch + counts.discovery);
  });
});
