import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import type { SimFleet } from '../../../src/cluster/sim/fleet.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { apply, clientsFor, configMap, deployment, namespace, startFleet, statusOf, type Clients } from './helpers.js';

type Deployment = k8s.V1Deployment & KubeObject;

function managers(object: k8s.KubernetesObject): string[] {
  return (object.metadata?.managedFields ?? []).map((m) => `${m.manager}/${m.operation}`);
}

describe('server-side apply', () => {
  let fleet: SimFleet;
  let c: Clients;
  before(async () => {
    fleet = await startFleet(['alpha']);
    c = clientsFor(fleet, 'alpha');
    await apply(c, namespace('ssa'));
  });
  after(() => fleet.stop());

  it('creates (201) with an Apply entry, then a same apply changes nothing', async () => {
    const created = (await apply(c, deployment('web', 'ssa', 2))) as Deployment;
    assert.equal(created.metadata?.generation, 1);
    assert.deepEqual(managers(created), ['harbormaster/Apply']);
    const fields = created.metadata?.managedFields?.[0]?.fieldsV1 as Record<string, Record<string, unknown>>;
    assert.ok('f:replicas' in (fields['f:spec'] ?? {}));
    const rvBefore = fleet.cluster('alpha').store.resourceVersion;
    const again = (await apply(c, deployment('web', 'ssa', 2))) as Deployment;
    assert.equal(again.metadata?.resourceVersion, created.metadata?.resourceVersion);
    assert.equal(again.metadata?.generation, 1);
    assert.equal(fleet.cluster('alpha').store.resourceVersion, rvBefore);
  });

  it('a second identical apply of any kind changes nothing (Namespace, Service, ConfigMap, Deployment)', async () => {
    const objects: KubeObject[] = [
      namespace('noop', { team: 'a' }),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'noop' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } },
      configMap('cfg', 'noop', { app: 'web' }, { k: 'v' }),
      deployment('web', 'noop', 3),
    ];
    for (const object of objects) await apply(c, object);
    const rv = fleet.cluster('alpha').store.resourceVersion;
    for (const object of objects) await apply(c, object);
    assert.equal(fleet.cluster('alpha').store.resourceVersion, rv);
  });

  it('updates a field it owns: new resourceVersion and generation', async () => {
    const updated = (await apply(c, deployment('web', 'ssa', 2, 'nginx:1.26'))) as Deployment;
    assert.equal(updated.metadata?.generation, 2);
    assert.equal(updated.spec?.template.spec?.containers[0]?.image, 'nginx:1.26');
  });

  it('refuses a different value for a field another manager owns: 409 naming the manager and field', async () => {
    const err = await apply(c, deployment('web', 'ssa', 5, 'nginx:1.26'), 'kubectl-client-side-apply').then(
      () => assert.fail('expected a conflict'),
      (e: unknown) => statusOf(e),
    );
    assert.equal(err.code, 409);
    assert.equal(err.reason, 'Conflict');
    assert.deepEqual(err.details?.causes, [{ type: 'FieldManagerConflict', message: 'conflict with "harbormaster" using apps/v1', field: '.spec.replicas' }]);
    assert.match(err.message ?? '', /^Apply failed with 1 conflict: conflict with "harbormaster" using apps\/v1: \.spec\.replicas$/);
  });

  it('co-owns a field applied with the same value, and force takes a field over', async () => {
    const shared = (await apply(c, deployment('web', 'ssa', 2, 'nginx:1.26'), 'other')) as Deployment;
    assert.deepEqual(managers(shared), ['harbormaster/Apply', 'other/Apply']);
    const forced = (await apply(c, deployment('web', 'ssa', 7, 'nginx:1.26'), 'other', true)) as Deployment;
    assert.equal(forced.spec?.replicas, 7);
    const mine = forced.metadata?.managedFields?.find((m) => m.manager === 'harbormaster')?.fieldsV1 as { 'f:spec': Record<string, unknown> };
    assert.equal('f:replicas' in mine['f:spec'], false);
    // Now harbormaster conflicts with "other" on replicas.
    await assert.rejects(apply(c, deployment('web', 'ssa', 2, 'nginx:1.26')), (e: unknown) => statusOf(e).details?.causes?.[0]?.message === 'conflict with "other" using apps/v1');
  });

  it('conflicts with an Update manager (a PUT by someone else), never the other way round', async () => {
    await apply(c, configMap('cfg', 'ssa', {}, { mode: 'a' }));
    const live = (await c.core.readNamespacedConfigMap({ name: 'cfg', namespace: 'ssa' })) as k8s.V1ConfigMap;
    const put = await c.core.replaceNamespacedConfigMap({ name: 'cfg', namespace: 'ssa', body: { ...live, data: { mode: 'b' } }, fieldManager: 'kubectl-edit' });
    assert.deepEqual(managers(put), ['harbormaster/Apply', 'kubectl-edit/Update']);
    await assert.rejects(apply(c, configMap('cfg', 'ssa', {}, { mode: 'a' })), (e: unknown) => {
      const s = statusOf(e);
      return s.code === 409 && s.details?.causes?.[0]?.field === '.data.mode' && s.details.causes[0].message === 'conflict with "kubectl-edit" using v1';
    });
  });

  it('removes fields the manager no longer applies, unless someone else owns them', async () => {
    await apply(c, configMap('drop', 'ssa', { a: '1', b: '2' }, { x: '1', y: '2' }));
    await apply(c, configMap('drop', 'ssa', { b: '2' }, { y: '2' }), 'co-owner');
    const after = (await apply(c, configMap('drop', 'ssa', {}, {}))) as k8s.V1ConfigMap;
    assert.deepEqual(after.metadata?.labels, { b: '2' });
    assert.deepEqual(after.data, { y: '2' });
  });

  it('merges associative lists by key: containers by name, another manager\'s sidecar survives', async () => {
    const base = deployment('lists', 'ssa', 1);
    await apply(c, base);
    const sidecar = structuredClone(base);
    const template = (sidecar.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } }).template;
    template.spec.containers = [{ name: 'proxy', image: 'envoy:1' }];
    sidecar.spec = { template } as KubeObject['spec'];
    sidecar.metadata = { name: 'lists', namespace: 'ssa' };
    const both = (await apply(c, sidecar, 'mesh')) as Deployment;
    assert.deepEqual(both.spec?.template.spec?.containers.map((x) => x.name), ['app', 'proxy']);
    const changed = (await apply(c, deployment('lists', 'ssa', 1, 'nginx:2'))) as Deployment;
    assert.deepEqual(changed.spec?.template.spec?.containers.map((x) => `${x.name}=${x.image}`), ['app=nginx:2', 'proxy=envoy:1']);
    const fields = JSON.stringify(changed.metadata?.managedFields?.find((m) => m.manager === 'mesh')?.fieldsV1);
    assert.match(fields, /k:\{\\"name\\":\\"proxy\\"\}/);
  });

  it('accepts YAML bodies and ignores status on the main resource', async () => {
    const yamlBody = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: yaml\n  namespace: ssa\ndata:\n  k: v\n';
    const res = await fetch(`${fleet.cluster('alpha').url}/api/v1/namespaces/ssa/configmaps/yaml?fieldManager=curl`, { method: 'PATCH', headers: { 'Content-Type': 'application/apply-patch+yaml' }, body: yamlBody });
    assert.equal(res.status, 201);
    const body = (await res.json()) as KubeObject;
    assert.deepEqual(body.data, { k: 'v' });
    const withStatus = { ...deployment('status', 'ssa', 1), status: { replicas: 99 } };
    const applied = (await apply(c, withStatus)) as Deployment;
    assert.equal(applied.status, undefined);
    const generated = deployment('generated', 'ssa', 1);
    (generated.spec as { template: { metadata: Record<string, unknown> } }).template.metadata.creationTimestamp = null;
    const cleaned = (await apply(c, generated)) as KubeObject;
    assert.equal('creationTimestamp' in ((cleaned.spec as { template: { metadata: object } }).template.metadata), false);
  });

  it('a /scale write is an Update against the subresource: a later apply of replicas conflicts with the scaler', async () => {
    await apply(c, deployment('scaled', 'ssa', 2));
    const apps = c.kc.makeApiClient(k8s.AppsV1Api);
    const scale = await apps.readNamespacedDeploymentScale({ name: 'scaled', namespace: 'ssa' });
    assert.deepEqual([scale.spec?.replicas, scale.status?.selector], [2, 'app=scaled']);
    await apps.replaceNamespacedDeploymentScale({ name: 'scaled', namespace: 'ssa', fieldManager: 'kubectl', body: { ...scale, spec: { replicas: 4 } } });
    await assert.rejects(apply(c, deployment('scaled', 'ssa', 2)), (e: unknown) => statusOf(e).details?.causes?.[0]?.message === 'conflict with "kubectl" with subresource "scale" using apps/v1');
    const live = fleet.cluster('alpha').store.get({ group: 'apps', kind: 'Deployment', namespace: 'ssa', name: 'scaled' });
    assert.equal((live?.spec as { replicas: number }).replicas, 4);
  });

  it('dry-run apply predicts the result without storing it', async () => {
    const rv = fleet.cluster('alpha').store.resourceVersion;
    const predicted = (await c.objects.patch(structuredClone(deployment('web', 'ssa', 7, 'nginx:9')) as k8s.KubernetesObject, undefined, 'All', 'other', true, k8s.PatchStrategy.ServerSideApply)) as Deployment;
    assert.equal(predicted.spec?.template.spec?.containers[0]?.image, 'nginx:9');
    assert.equal(fleet.cluster('alpha').store.resourceVersion, rv);
  });
});
