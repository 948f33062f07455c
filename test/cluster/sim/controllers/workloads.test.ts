import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../../src/cluster/types.js';
import { conditionOf, container, get, pods, startSim, statusOf, waitFor, waitingReason, withSim } from './sim-harness.js';

function statefulSet(name: string, replicas: number, image: string, spec: Record<string, unknown> = {}): KubeObject {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'shop' },
    spec: {
      replicas,
      serviceName: name,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [container(image)] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      ...spec,
    },
  };
}

function setImage(object: KubeObject, image: string, extraSpec: Record<string, unknown> = {}): KubeObject {
  const spec = object.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } };
  const containers = [{ ...spec.template.spec.containers[0], image }];
  return { ...object, metadata: { ...object.metadata, resourceVersion: undefined }, spec: { ...spec, ...extraSpec, template: { ...spec.template, spec: { ...spec.template.spec, containers } } } };
}

const imageOf = (pod: KubeObject) => (pod.spec as { containers: Array<{ image: string }> }).containers[0]!.image;

test('StatefulSet (OrderedReady) creates ordinals in order with claims, then rolls from the highest ordinal', () =>
  withSim({}, async (sim) => {
    const creationOrder: string[] = [];
    const watch = sim.store.subscribe((e) => {
      if (e.type === 'ADDED' && e.object.kind === 'Pod') creationOrder.push(e.object.metadata.name);
    });
    sim.store.create(statefulSet('db', 3, 'registry.example.com/db:1'));
    const done = (revisionField: 'currentRevision' | 'updateRevision', generation: number) => () => {
      const s = statusOf(get(sim.store, 'apps', 'StatefulSet', 'db'));
      return s.observedGeneration === generation && s.readyReplicas === 3 && s.updatedReplicas === 3 && s.currentRevision === s.updateRevision && s[revisionField];
    };
    await waitFor(sim.store, done('currentRevision', 1), 3000, 'sts ready');
    assert.deepEqual(creationOrder, ['db-0', 'db-1', 'db-2']);
    const claims = sim.store.list('', 'PersistentVolumeClaim', 'shop').map((c) => c.metadata.name).sort();
    assert.deepEqual(claims, ['data-db-0', 'data-db-1', 'data-db-2']);
    const db0 = get(sim.store, '', 'Pod', 'db-0')!;
    assert.equal((db0.spec as { hostname: string }).hostname, 'db-0');
    assert.equal(db0.metadata.labels?.['statefulset.kubernetes.io/pod-name'], 'db-0');
    creationOrder.length = 0;
    sim.store.update(setImage(get(sim.store, 'apps', 'StatefulSet', 'db')!, 'registry.example.com/db:2'));
    const revision = await waitFor(sim.store, done('updateRevision', 2), 3000, 'sts rolled');
    watch();
    assert.deepEqual(creationOrder, ['db-2', 'db-1', 'db-0']);
    assert.ok(pods(sim.store).every((p) => p.metadata.labels?.['controller-revision-hash'] === revision && imageOf(p) === 'registry.example.com/db:2'));
    assert.ok(sim.store.get({ group: 'apps', kind: 'ControllerRevision', namespace: 'shop', name: String(revision) }));
  }));

test('StatefulSet partition updates only ordinals at or above it; OnDelete updates only deleted pods', () =>
  withSim({}, async (sim) => {
    sim.store.create(statefulSet('db', 3, 'registry.example.com/db:1', { podManagementPolicy: 'Parallel', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }));
    await waitFor(sim.store, () => statusOf(get(sim.store, 'apps', 'StatefulSet', 'db')).readyReplicas === 3, 3000, 'ready');
    sim.store.update(setImage(get(sim.store, 'apps', 'StatefulSet', 'db')!, 'registry.example.com/db:2'));
    const partitioned = await waitFor(sim.store, () => {
      const s = statusOf(get(sim.store, 'apps', 'StatefulSet', 'db'));
      return s.observedGeneration === 2 && s.updatedReplicas === 1 && s.readyReplicas === 3 && s;
    }, 3000, 'partition rolled');
    assert.notEqual(partitioned.currentRevision, partitioned.updateRevision);
    assert.deepEqual(pods(sim.store).map((p) => [p.metadata.name, imageOf(p)]).sort(), [['db-0', 'registry.example.com/db:1'], ['db-1', 'registry.example.com/db:1'], ['db-2', 'registry.example.com/db:2']]);

    const sts = get(sim.store, 'apps', 'StatefulSet', 'db')!;
    sim.store.update(setImage(sts, 'registry.example.com/db:3', { updateStrategy: { type: 'OnDelete' } }));
    await waitFor(sim.store, () => statusOf(get(sim.store, 'apps', 'StatefulSet', 'db')).observedGeneration === 3, 3000, 'observed');
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.ok(pods(sim.store).every((p) => imageOf(p) !== 'registry.example.com/db:3'), 'OnDelete leaves running pods alone');
    sim.store.delete({ group: '', kind: 'Pod', namespace: 'shop', name: 'db-1' });
    const replaced = await waitFor(sim.store, () => {
      const pod = get(sim.store, '', 'Pod', 'db-1');
      return pod && conditionOf(pod, 'Ready')?.status === 'True' && pod;
    }, 3000, 'db-1 recreated');
    assert.equal(imageOf(replaced), 'registry.example.com/db:3');
  }));

test('DaemonSet runs one pod per matching node and rolls them within maxUnavailable', () =>
  withSim({ nodes: 4 }, async (sim) => {
    const labels = { app: 'agent' };
    sim.store.create({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'shop' },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container('registry.example.com/agent:1')] } }, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } },
    });
    const complete = (generation: number) => () => {
      const s = statusOf(get(sim.store, 'apps', 'DaemonSet', 'agent'));
      return s.observedGeneration === generation && s.desiredNumberScheduled === 4 && s.currentNumberScheduled === 4 && s.updatedNumberScheduled === 4 && s.numberReady === 4 && s.numberAvailable === 4 && s;
    };
    await waitFor(sim.store, complete(1), 3000, 'ds ready');
    assert.deepEqual(pods(sim.store).map((p) => (p.spec as { nodeName: string }).nodeName).sort(), ['sim-node-1', 'sim-node-2', 'sim-node-3', 'sim-node-4']);
    let minReady = 4;
    const watch = sim.store.subscribe(() => {
      minReady = Math.min(minReady, pods(sim.store).filter((p) => conditionOf(p, 'Ready')?.status === 'True').length);
    });
    sim.store.update(setImage(get(sim.store, 'apps', 'DaemonSet', 'agent')!, 'registry.example.com/agent:2'));
    const status = await waitFor(sim.store, complete(2), 3000, 'ds rolled');
    watch();
    assert.ok(minReady >= 3, `at most one node without a ready pod (saw ${minReady} ready)`);
    assert.equal(status.numberUnavailable, undefined);
    assert.ok(pods(sim.store).every((p) => imageOf(p) === 'registry.example.com/agent:2' && p.metadata.labels?.['pod-template-generation'] === '2'));
    const revisions = sim.store.list('apps', 'ControllerRevision', 'shop').map((r) => r.revision).sort();
    assert.deepEqual(revisions, [1, 2]);
  }));

function job(name: string, containers: Array<Record<string, unknown>>, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'shop' }, spec: { template: { spec: { restartPolicy: 'Never', containers } }, ...spec } };
}

test('a Job completes after jobDurationMs; a crashing one fails past backoffLimit', () =>
  withSim({ jobDurationMs: 1000, crashAfterMs: 200 }, async (sim) => {
    sim.store.create(job('migrate', [container('registry.example.com/migrate:1')], { completions: 2, parallelism: 1 }));
    sim.store.create(job('broken', [container('registry.example.com/migrate:1', { env: [{ name: 'SIM_CRASH', value: '1' }] })], { backoffLimit: 2 }));
    const completed = await waitFor(sim.store, () => {
      const j = get(sim.store, 'batch', 'Job', 'migrate');
      return conditionOf(j, 'Complete')?.status === 'True' && j;
    }, 3000, 'migrate complete');
    assert.equal(statusOf(completed).succeeded, 2);
    assert.ok(statusOf(completed).completionTime);
    const jobPods = pods(sim.store).filter((p) => p.metadata.labels?.['job-name'] === 'migrate');
    assert.ok(jobPods.every((p) => statusOf(p).phase === 'Succeeded'));
    const failed = await waitFor(sim.store, () => {
      const j = get(sim.store, 'batch', 'Job', 'broken');
      return conditionOf(j, 'Failed')?.status === 'True' && j;
    }, 3000, 'broken failed');
    assert.equal(conditionOf(failed, 'Failed')?.reason, 'BackoffLimitExceeded');
    assert.equal(statusOf(failed).failed, 3);
  }));

test('a PVC binds after pvcBindMs, a LoadBalancer Service gets an ingress hostname after loadBalancerMs', () =>
  withSim({ pvcBindMs: 500, loadBalancerMs: 2000 }, async (sim) => {
    sim.store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'shop' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'missing', resources: { requests: { storage: '5Gi' } } } });
    const pending = await waitFor(sim.store, () => statusOf(get(sim.store, '', 'PersistentVolumeClaim', 'data')).phase === 'Pending', 2000, 'pending');
    assert.ok(pending);
    const bound = await waitFor(sim.store, () => {
      const c = get(sim.store, '', 'PersistentVolumeClaim', 'data');
      return statusOf(c).phase === 'Bound' && c;
    }, 2000, 'bound');
    assert.deepEqual(statusOf(bound).capacity, { storage: '5Gi' });
    assert.equal((bound.spec as { volumeName: string }).volumeName, `pvc-${bound.metadata.uid}`);

    const service = (name: string, type: string): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'shop' }, spec: { type, selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
    sim.store.create(service('internal', 'ClusterIP'));
    sim.store.create(service('public', 'LoadBalancer'));
    const ips = await waitFor(sim.store, () => {
      const a = (get(sim.store, '', 'Service', 'internal')?.spec as { clusterIP?: string }).clusterIP;
      const b = get(sim.store, '', 'Service', 'public')?.spec as { clusterIP?: string; ports: Array<{ nodePort?: number }> };
      return a && b.clusterIP && b.ports[0]!.nodePort ? [a, b.clusterIP] : undefined;
    }, 1000, 'cluster IPs');
    assert.notEqual(ips[0], ips[1]);
    assert.equal(((statusOf(get(sim.store, '', 'Service', 'public')).loadBalancer ?? {}) as { ingress?: unknown }).ingress, undefined);
    const lb = await waitFor(sim.store, () => {
      const ingress = ((statusOf(get(sim.store, '', 'Service', 'public')).loadBalancer ?? {}) as { ingress?: Array<{ hostname: string }> }).ingress;
      return ingress?.[0]?.hostname;
    }, 2000, 'lb ingress');
    assert.match(lb, /^a[0-9a-f]{31}-\d{10}\.sim-region-1\.elb\.amazonaws\.com$/);
  }));

test('CRDs get NamesAccepted and Established; a kind taken in the group is refused', () =>
  withSim({}, async (sim) => {
    const crd = (plural: string, kind: string): KubeObject => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.example.com` },
      spec: { group: 'example.com', scope: 'Namespaced', names: { plural, kind, singular: kind.toLowerCase() }, versions: [{ name: 'v1', served: true, storage: true }] },
    });
    sim.store.create(crd('widgets', 'Widget'));
    const established = await waitFor(sim.store, () => {
      const c = sim.store.get({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', name: 'widgets.example.com' });
      return conditionOf(c, 'Established')?.status === 'True' && c;
    }, 1000, 'established');
    assert.equal(conditionOf(established, 'NamesAccepted')?.reason, 'NoConflicts');
    assert.deepEqual(statusOf(established).storedVersions, ['v1']);
    sim.store.create(crd('widgetz', 'Widget'));
    const refused = await waitFor(sim.store, () => {
      const c = sim.store.get({ group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', name: 'widgetz.example.com' });
      return conditionOf(c, 'NamesAccepted')?.status === 'False' && c;
    }, 1000, 'refused');
    assert.equal(conditionOf(refused, 'NamesAccepted')?.reason, 'KindConflict');
    assert.equal(conditionOf(refused, 'Established')?.status, 'False');
  }));

test('Namespaces are Active; deleting one removes its workloads', () =>
  withSim({}, async (sim) => {
    sim.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tmp' } });
    await waitFor(sim.store, () => statusOf(sim.store.get({ group: '', kind: 'Namespace', name: 'tmp' })).phase === 'Active', 1000, 'active');
    sim.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'tmp' }, data: {} });
    sim.store.delete({ group: '', kind: 'Namespace', name: 'tmp' });
    await waitFor(sim.store, () => sim.store.list('', 'ConfigMap', 'tmp').length === 0, 1000, 'contents removed');
  }));

test('stop() clears every timer and ignores later events', async () => {
  const sim = startSim({ crashImages: ['*:crash'], crashBackoffMs: 100_000 });
  const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  sim.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' }, spec: { replicas: 5, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [container('registry.example.com/web:crash')] } } } });
  sim.store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'lb', namespace: 'shop' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } });
  await waitFor(sim.store, () => pods(sim.store).some((p) => waitingReason(p) === 'CrashLoopBackOff'), 3000, 'a crash loop');
  assert.ok(sim.controllers.pendingTasks() > 0);
  assert.ok(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length > before);
  sim.stop();
  assert.equal(sim.controllers.pendingTasks(), 0);
  assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, before);
  sim.store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'after', namespace: 'shop' }, spec: { replicas: 2, selector: { matchLabels: { app: 'after' } }, template: { metadata: { labels: { app: 'after' } }, spec: { containers: [container('x:1')] } } } });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(pods(sim.store).filter((p) => p.metadata.labels?.app === 'after').length, 0);
});
