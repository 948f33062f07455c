/**
 * Server-side apply releasing what a manager no longer applies: list items
 * (by key, nested, co-owned), atomic lists, map keys. Every case is driven
 * through the REST API and ends with an identical re-apply that must not
 * write (same resourceVersion).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { removeFields } from '../../../src/cluster/sim/apply-merge.js';
import { SEP } from '../../../src/cluster/sim/field-paths.js';
import type { SimFleet } from '../../../src/cluster/sim/fleet.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { apply, clientsFor, namespace, startFleet, type Clients } from './helpers.js';

type Deployment = k8s.V1Deployment & KubeObject;
type Container = Record<string, unknown>;

const NS = 'release';

function workload(name: string, podSpec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, labels: { app: name }, ...(annotations ? { annotations } : {}) },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec } },
  };
}

/** A partial configuration of the pod spec only, as a second manager (a mesh injector) applies it. */
function podPatch(name: string, podSpec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: NS }, spec: { template: { spec: podSpec } } };
}

/** The pod spec as plain JSON (client-node hands back class instances, which strict deep equality tells apart). */
function podSpecOf(object: k8s.KubernetesObject): Record<string, unknown> {
  return JSON.parse(JSON.stringify((object as Deployment).spec?.template.spec)) as Record<string, unknown>;
}

function containersOf(object: k8s.KubernetesObject): Container[] {
  return podSpecOf(object).containers as Container[];
}

function fieldsOf(object: k8s.KubernetesObject, manager: string): string {
  return JSON.stringify(object.metadata?.managedFields?.find((m) => m.manager === manager)?.fieldsV1 ?? {});
}

describe('server-side apply releases what a manager stops applying', () => {
  let fleet: SimFleet;
  let c: Clients;
  before(async () => {
    fleet = await startFleet(['alpha']);
    c = clientsFor(fleet, 'alpha');
    await apply(c, namespace(NS));
  });
  after(() => fleet.stop());

  /** Applies `object` again and checks that nothing was written. */
  async function assertNoopReapply(object: KubeObject, previous: k8s.KubernetesObject, manager = 'harbormaster'): Promise<void> {
    const again = await apply(c, object, manager);
    assert.equal(again.metadata?.resourceVersion, previous.metadata?.resourceVersion, 'an identical re-apply must not write');
  }

  it('`env: []` removes the only env item instead of leaving an empty object', async () => {
    await apply(c, workload('env-empty', { containers: [{ name: 'app', image: 'nginx', env: [{ name: 'A', value: '1' }] }] }));
    const emptied = workload('env-empty', { containers: [{ name: 'app', image: 'nginx', env: [] }] });
    const after = await apply(c, emptied);
    // Applied empty on purpose, so it stays as applied (and the re-apply below is a no-op).
    assert.deepEqual(containersOf(after)[0]?.env, []);
    assert.doesNotMatch(fieldsOf(after, 'harbormaster'), /\\"A\\"/);
    await assertNoopReapply(emptied, after);
  });

  it('omitting env removes the item and the field', async () => {
    await apply(c, workload('env-gone', { containers: [{ name: 'app', image: 'nginx', env: [{ name: 'A', value: '1' }] }] }));
    const without = workload('env-gone', { containers: [{ name: 'app', image: 'nginx' }] });
    const after = await apply(c, without);
    assert.deepEqual(containersOf(after), [{ name: 'app', image: 'nginx' }]);
    assert.doesNotMatch(fieldsOf(after, 'harbormaster'), /f:env/);
    await assertNoopReapply(without, after);
  });

  it('removes one of several keyed items: containers by name, ports by containerPort+protocol, volumes by name', async () => {
    const ports = [{ containerPort: 8080 }, { containerPort: 8080, protocol: 'UDP' }, { containerPort: 9090, name: 'metrics' }];
    const volumes = [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'cache', emptyDir: {} }, { name: 'tmp', emptyDir: { medium: 'Memory' } }];
    const worker = { name: 'worker', image: 'busybox', env: [{ name: 'QUEUE', value: 'jobs' }], volumeMounts: [{ name: 'cache', mountPath: '/cache' }] };
    await apply(c, workload('several', { containers: [{ name: 'app', image: 'nginx', ports }, worker], volumes }));
    const fewer = workload('several', { containers: [{ name: 'app', image: 'nginx', ports: [ports[0], ports[2]] }], volumes: [volumes[0], volumes[2]] });
    const after = await apply(c, fewer);
    assert.deepEqual(containersOf(after), [{ name: 'app', image: 'nginx', ports: [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 9090, name: 'metrics', protocol: 'TCP' }] }]);
    assert.deepEqual(podSpecOf(after).volumes, [volumes[0], volumes[2]]);
    const fields = fieldsOf(after, 'harbormaster');
    for (const gone of ['worker', 'UDP', 'cache']) assert.doesNotMatch(fields, new RegExp(gone));
    await assertNoopReapply(fewer, after);
  });

  it('removes nested keyed items (env inside a container inside containers) and leaves the siblings alone', async () => {
    const app = { name: 'app', image: 'nginx', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] };
    const sidecar = { name: 'sidecar', image: 'envoy', env: [{ name: 'B', value: 'sidecar' }] };
    await apply(c, workload('nested', { containers: [app, sidecar] }));
    const trimmed = workload('nested', { containers: [{ ...app, env: [app.env[0], app.env[2]] }, sidecar] });
    const after = await apply(c, trimmed);
    assert.deepEqual(containersOf(after), [{ ...app, env: [app.env[0], app.env[2]] }, sidecar]);
    await assertNoopReapply(trimmed, after);
  });

  it('keeps an item another manager co-owns, and every field of it', async () => {
    const env = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }];
    await apply(c, workload('shared', { containers: [{ name: 'app', image: 'nginx', env }] }));
    await apply(c, podPatch('shared', { containers: [{ name: 'app', env: [env[1]] }] }), 'mesh');
    const mine = workload('shared', { containers: [{ name: 'app', image: 'nginx', env: [env[0]] }] });
    const after = await apply(c, mine);
    assert.deepEqual(containersOf(after), [{ name: 'app', image: 'nginx', env }]);
    assert.match(fieldsOf(after, 'mesh'), /k:\{\\"name\\":\\"B\\"\}/);
    await assertNoopReapply(mine, after);
    // Once the co-owner lets go too, the item goes.
    const released = await apply(c, podPatch('shared', { containers: [{ name: 'app' }] }), 'mesh');
    assert.deepEqual(containersOf(released)[0]?.env, [env[0]]);
  });

  it('removes an item whose only other owner is an Update of one of its fields, and drops that stale ownership', async () => {
    const env = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }];
    const created = (await apply(c, workload('updated', { containers: [{ name: 'app', image: 'nginx', env }] }))) as Deployment;
    const apps = c.kc.makeApiClient(k8s.AppsV1Api);
    const edited = structuredClone(created);
    edited.spec!.template.spec!.containers[0]!.env![1]!.value = 'edited';
    const put = await apps.replaceNamespacedDeployment({ name: 'updated', namespace: NS, body: edited, fieldManager: 'kubectl-edit' });
    assert.match(fieldsOf(put, 'kubectl-edit'), /k:\{\\"name\\":\\"B\\"\}/);
    const after = await apply(c, workload('updated', { containers: [{ name: 'app', image: 'nginx', env: [env[0]] }] }));
    assert.deepEqual(containersOf(after)[0]?.env, [env[0]]);
    assert.equal(after.metadata?.managedFields?.some((m) => m.manager === 'kubectl-edit'), false);
    // Nobody owns B any more: applying it again with another value is no conflict.
    const readded = await apply(c, workload('updated', { containers: [{ name: 'app', image: 'nginx', env: [env[0], { name: 'B', value: '3' }] }] }));
    assert.deepEqual(containersOf(readded)[0]?.env, [env[0], { name: 'B', value: '3' }]);
  });

  it('replaces atomic lists wholesale and removes one that is no longer applied', async () => {
    await apply(c, workload('atomic', { containers: [{ name: 'app', image: 'nginx', command: ['/bin/sh', '-c'], args: ['a', 'b', 'c'] }] }));
    const replaced = workload('atomic', { containers: [{ name: 'app', image: 'nginx', args: ['z'] }] });
    const after = await apply(c, replaced);
    assert.deepEqual(containersOf(after), [{ name: 'app', image: 'nginx', args: ['z'] }]);
    await assertNoopReapply(replaced, after);
  });

  it('removes map keys no longer applied, and the map once it is empty', async () => {
    const pod = (nodeSelector?: Record<string, string>) => ({ containers: [{ name: 'app', image: 'nginx' }], ...(nodeSelector ? { nodeSelector } : {}) });
    await apply(c, workload('maps', pod({ zone: 'a', disk: 'ssd' }), { team: 'core', tier: 'web' }));
    const fewer = workload('maps', pod({ zone: 'a' }), {});
    const after = await apply(c, fewer);
    assert.deepEqual(podSpecOf(after).nodeSelector, { zone: 'a' });
    assert.deepEqual(after.metadata?.annotations ?? {}, {});
    await assertNoopReapply(fewer, after);
    const none = workload('maps', pod());
    const cleared = await apply(c, none);
    assert.equal('nodeSelector' in podSpecOf(cleared), false);
    await assertNoopReapply(none, cleared);
  });
});

describe('removeFields', () => {
  const path = (...segments: string[]) => segments.join(SEP);
  const env = (...items: object[]) => ({ spec: { env: items } });
  const A = 'k:{"name":"A"}';

  it('removes an item by its key whatever the order of its released paths', () => {
    const paths = [path('f:spec', 'f:env', A, 'f:name'), path('f:spec', 'f:env', A, 'f:value'), path('f:spec', 'f:env', A, '.')];
    for (const order of [paths, [...paths].reverse()]) {
      assert.deepEqual(removeFields(env({ name: 'A', value: '1' }, { name: 'B' }), order, () => false), env({ name: 'B' }));
    }
  });

  it('keeps the key fields of an item whose marker is not released', () => {
    const released = [path('f:spec', 'f:env', A, 'f:name'), path('f:spec', 'f:env', A, 'f:value')];
    assert.deepEqual(removeFields(env({ name: 'A', value: '1' }), released, () => false), env({ name: 'A' }));
  });

  it('removes set members by value, and keeps an emptied container only when it is owned as a leaf', () => {
    const object = { metadata: { finalizers: ['a/x', 'b/y'] }, spec: { nodeSelector: { zone: 'a' } } };
    const released = [path('f:metadata', 'f:finalizers', 'v:"b/y"'), path('f:spec', 'f:nodeSelector', 'f:zone')];
    assert.deepEqual(removeFields(object, released, () => false), { metadata: { finalizers: ['a/x'] } });
    assert.deepEqual(removeFields(object, released, (p) => p === path('f:spec', 'f:nodeSelector')), { metadata: { finalizers: ['a/x'] }, spec: { nodeSelector: {} } });
  });
});
