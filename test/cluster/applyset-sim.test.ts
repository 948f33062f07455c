import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APPLYSET_GROUP_KINDS_ANNOTATION, APPLYSET_PART_OF_LABEL, APPLYSET_TOOLING_ANNOTATION } from '../../src/cluster/applyset-meta.js';
import { applySet, type ApplySetOptions } from '../../src/cluster/applyset.js';
import { createKubeClient } from '../../src/cluster/kube-client.js';
import { startSimFleet, type SimFleet } from '../../src/cluster/sim/fleet.js';
import type { ClusterClient, KubeObject } from '../../src/cluster/types.js';
import { testCrd } from '../harness/crd.js';

const FAST = { baseDelayMs: 1, maxDelayMs: 5, maxTotalMs: 2_000, timeoutMs: 5_000 };

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const cm = (name: string, namespace: string, data: Record<string, string> = { a: '1' }, labels?: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, ...(labels ? { labels } : {}) },
  data,
});
const deploy = (name: string, namespace: string, replicas: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'registry.example/app:1' }] } },
  },
});
const crd = testCrd({ group: 'example.com', kind: 'Widget' });
const widget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'gizmo', namespace: 'lab' }, spec: { size: 3 } };

describe('applySet against the simulated fleet', () => {
  let fleet: SimFleet;
  let client: ClusterClient;
  const options: ApplySetOptions = { name: 'shop', toolVersion: '0.1.0' };
  const writesOn = () => {
    const r = fleet.cluster('eu-1').requests();
    return r.create + r.update + r.patch + r.delete;
  };
  before(async () => {
    fleet = await startSimFleet({ clusters: [{ name: 'eu-1' }] });
    client = createKubeClient({ cluster: 'eu-1', kubeconfig: { text: fleet.kubeconfig }, context: 'eu-1', retry: FAST });
  });
  after(async () => {
    client.close();
    await fleet.stop();
  });

  it('creates a set, then re-applies it with zero write requests', async () => {
    const desired = [ns('shop'), cm('web', 'shop'), deploy('web', 'shop', 2)];
    fleet.cluster('eu-1').resetRequests();
    const first = await applySet(client, desired, options);
    assert.equal(first.ok, true, JSON.stringify(first.failures));
    assert.deepEqual(first.objects.map((o) => o.action), ['created', 'created', 'created']);
    // Reads: the parent, and one LIST per kind of the set; no read before each apply.
    const reads = fleet.cluster('eu-1').requests();
    assert.deepEqual([reads.get, reads.list], [1, 3]);
    const parent = await client.get(first.parent);
    assert.equal(parent?.metadata.annotations?.[APPLYSET_TOOLING_ANNOTATION], 'harbormaster/0.1.0');
    assert.equal(parent?.metadata.annotations?.[APPLYSET_GROUP_KINDS_ANNOTATION], 'ConfigMap,Deployment.apps,Namespace');
    const live = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' });
    assert.equal(live?.metadata.labels?.[APPLYSET_PART_OF_LABEL], first.id);

    const serverWrites = writesOn();
    const again = await applySet(client, desired, { ...options, previous: first.hashes });
    assert.equal(again.writeRequests, 0);
    assert.equal(writesOn(), serverWrites, 'no write reached the server');
    assert.deepEqual(again.objects.map((o) => o.action), ['unchanged', 'unchanged', 'unchanged']);

    // Without the hashes the server decides: the same objects apply as no-ops.
    const noop = await applySet(client, desired, options);
    assert.deepEqual(noop.objects.map((o) => o.action), ['unchanged', 'unchanged', 'unchanged']);
  });

  it('sends an unchanged object again when it was deleted or changed by hand, and nothing else', async () => {
    const set = { name: 'drift', toolVersion: '0.1.0' };
    const desired = [ns('drift'), cm('a', 'drift'), cm('b', 'drift'), deploy('d', 'drift', 1)];
    const first = await applySet(client, desired, set);
    assert.equal(first.ok, true, JSON.stringify(first.failures));
    assert.equal(first.stamps.size, 4, 'every applied object has a stamp');
    const recorded = { ...set, previous: first.hashes, stamps: first.stamps };

    await client.delete({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: 'drift' });
    await client.apply(deploy('d', 'drift', 4), { fieldManager: 'kubectl-scale', force: true });
    const refused = await applySet(client, desired, recorded);
    const byKey = new Map(refused.objects.map((o) => [o.key, o]));
    assert.deepEqual([byKey.get('/Namespace//drift')?.action, byKey.get('/ConfigMap/drift/b')?.action], ['unchanged', 'unchanged']);
    assert.equal(byKey.get('/ConfigMap/drift/a')?.action, 'created');
    assert.match(byKey.get('/ConfigMap/drift/a')?.note ?? '', /deleted outside harbormaster/);
    // The hand edit took .spec.replicas: re-applying names its manager, as any conflict does.
    assert.deepEqual(refused.conflicts.map((c) => [c.key, c.conflicts]), [['apps/Deployment/drift/d', [{ manager: 'kubectl-scale', field: '.spec.replicas' }]]]);

    const forced = await applySet(client, desired, { ...recorded, previous: new Map([...first.hashes, ...refused.hashes]), stamps: new Map([...first.stamps, ...refused.stamps]), force: true });
    assert.equal(forced.ok, true, JSON.stringify(forced.failures));
    assert.equal(forced.objects.find((o) => o.key === 'apps/Deployment/drift/d')?.action, 'configured');
    assert.match(forced.objects.find((o) => o.key === 'apps/Deployment/drift/d')?.note ?? '', /changed outside harbormaster/);
    assert.equal(forced.writeRequests, 1, 'only the drifted Deployment is written');
    const live = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', namespace: 'drift' });
    assert.equal((live?.spec as { replicas: number }).replicas, 1);

    const settled = await applySet(client, desired, { ...set, previous: forced.hashes, stamps: forced.stamps });
    assert.equal(settled.writeRequests, 0);
    assert.deepEqual(settled.objects.map((o) => o.action), ['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const everything = await applySet(client, desired, { ...set, previous: forced.hashes, stamps: forced.stamps, reapply: true });
    assert.equal(everything.writeRequests, 4, '--reapply sends every object');
  });

  it('restores a label edited by hand, which does not move the generation', async () => {
    const set = { name: 'labels', toolVersion: '0.1.0' };
    const labelled = (tier: string): KubeObject => {
      const d = deploy('web', 'labels', 2);
      return { ...d, metadata: { ...d.metadata, labels: { tier } } };
    };
    const desired = [ns('labels'), labelled('frontend')];
    const first = await applySet(client, desired, set);
    assert.equal(first.ok, true, JSON.stringify(first.failures));
    const before = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'labels' });

    await client.apply(labelled('experiment'), { fieldManager: 'kubectl-label', force: true });
    const edited = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'labels' });
    assert.equal(edited?.metadata.generation, before?.metadata.generation, 'a metadata edit keeps the generation');

    const restored = await applySet(client, desired, { ...set, previous: first.hashes, stamps: first.stamps, force: true });
    const web = restored.objects.find((o) => o.key === 'apps/Deployment/labels/web');
    assert.equal(web?.action, 'configured');
    assert.match(web?.note ?? '', /label tier changed outside harbormaster/);
    assert.equal(restored.writeRequests, 1, 'only the edited Deployment is written');
    const live = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'labels' });
    assert.equal(live?.metadata.labels?.tier, 'frontend');

    const settled = await applySet(client, desired, { ...set, previous: restored.hashes, stamps: restored.stamps });
    assert.equal(settled.writeRequests, 0, 'extra live labels and server-set metadata are not drift');
  });

  it("reports another manager's field with its name, and takes it over with force", async () => {
    await client.apply(deploy('web', 'shop', 5), { fieldManager: 'kubectl', force: true });
    const desired = [ns('shop'), cm('web', 'shop'), deploy('web', 'shop', 2)];
    const refused = await applySet(client, desired, options);
    assert.equal(refused.ok, false);
    assert.deepEqual(refused.conflicts.map((c) => [c.key, c.conflicts]), [['apps/Deployment/shop/web', [{ manager: 'kubectl', field: '.spec.replicas' }]]]);
    const forced = await applySet(client, desired, { ...options, force: true });
    assert.equal(forced.ok, true);
    assert.equal(forced.objects.find((o) => o.key === 'apps/Deployment/shop/web')?.action, 'configured');
    const live = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' });
    assert.equal((live?.spec as { replicas: number }).replicas, 2);
  });

  it('prunes what left the set and nothing else', async () => {
    await applySet(client, [ns('shop'), ns('billing'), cm('web', 'shop'), cm('old', 'shop'), cm('invoices', 'billing'), deploy('web', 'shop', 2)], { ...options, force: true });
    // Bystanders: an unlabelled ConfigMap, another set's member, and a member-looking object in a namespace outside the set.
    await client.apply(cm('manual', 'shop'), { fieldManager: 'kubectl' });
    await client.apply(cm('theirs', 'shop', { a: '1' }, { [APPLYSET_PART_OF_LABEL]: 'applyset-someone-else-v1' }), { fieldManager: 'kubectl' });
    await client.apply(ns('elsewhere'), { fieldManager: 'kubectl' });
    const ours = (await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web', namespace: 'shop' }))!.metadata.labels![APPLYSET_PART_OF_LABEL]!;
    await client.apply(cm('lookalike', 'elsewhere', { a: '1' }, { [APPLYSET_PART_OF_LABEL]: ours }), { fieldManager: 'kubectl' });

    const result = await applySet(client, [ns('shop'), ns('billing'), cm('web', 'shop'), deploy('web', 'shop', 2)], options);
    assert.equal(result.ok, true, JSON.stringify(result.failures));
    assert.deepEqual(result.objects.filter((o) => o.action === 'pruned').map((o) => o.key), ['/ConfigMap/shop/old', '/ConfigMap/billing/invoices']);
    const exists = async (name: string, namespace: string) => (await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name, namespace })) !== undefined;
    assert.equal(await exists('old', 'shop'), false);
    assert.equal(await exists('invoices', 'billing'), false);
    for (const [name, namespace] of [['web', 'shop'], ['manual', 'shop'], ['theirs', 'shop'], ['lookalike', 'elsewhere']] as const) {
      assert.equal(await exists(name, namespace), true, `${namespace}/${name} must survive`);
    }
  });

  it('applies a CRD before its custom resources, in one run', async () => {
    const result = await applySet(client, [widget, crd, ns('lab'), cm('settings', 'lab')], { ...options, name: 'widgets', crdTimeoutMs: 5_000 });
    assert.equal(result.ok, true, JSON.stringify(result.failures));
    const order = result.objects.map((o) => o.key);
    assert.deepEqual(order, ['/Namespace//lab', 'apiextensions.k8s.io/CustomResourceDefinition//widgets.example.com', '/ConfigMap/lab/settings', 'example.com/Widget/lab/gizmo']);
    const live = await client.get({ apiVersion: 'example.com/v1', kind: 'Widget', name: 'gizmo', namespace: 'lab' });
    assert.deepEqual(live?.spec, { size: 3 });
  });

  it('plans with a server-side dry run: predictions, prunes named, nothing written', async () => {
    const snapshot = await client.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop' });
    const result = await applySet(client, [ns('shop'), cm('web', 'shop', { a: 'changed' }), cm('new', 'shop')], { ...options, dryRun: true, force: true });
    assert.equal(result.ok, true, JSON.stringify(result.failures));
    const action = (key: string) => result.objects.find((o) => o.key === key)?.action;
    assert.equal(action('/ConfigMap/shop/web'), 'configured');
    assert.equal(action('/ConfigMap/shop/new'), 'created');
    assert.equal(action('apps/Deployment/shop/web'), 'pruned');
    assert.equal(await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'new', namespace: 'shop' }), undefined);
    assert.ok(await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' }));
    assert.deepEqual((await client.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'shop' })).resourceVersion, snapshot.resourceVersion);
  });

  it('plans a first deploy into a new namespace without failing on the missing namespace', async () => {
    const result = await applySet(client, [ns('fresh'), cm('settings', 'fresh')], { ...options, name: 'fresh', dryRun: true });
    assert.equal(result.ok, true, JSON.stringify(result.failures));
    assert.deepEqual(result.objects.map((o) => [o.key, o.action]), [['/Namespace//fresh', 'created'], ['/ConfigMap/fresh/settings', 'created']]);
    assert.match(result.objects[1]!.note ?? '', /namespace fresh does not exist yet/);
    assert.equal(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: 'fresh' }), undefined);
  });
});
