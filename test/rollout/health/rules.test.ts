import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessHealth } from '../../../src/rollout/health/assess.js';
import { podsOfNewRevision } from '../../../src/rollout/health/new-revision.js';
import { HEALTH_RULES, ruleFor } from '../../../src/rollout/health/registry.js';
import { DEFAULT_HEALTH_OPTIONS } from '../../../src/rollout/health/types.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { loadFixture, type HealthFixture } from './load-fixtures.js';

const assess = (f: HealthFixture, patch: Partial<Parameters<typeof assessHealth>[0]> = {}, options = DEFAULT_HEALTH_OPTIONS) =>
  assessHealth({ object: f.object, pods: f.pods, replicaSets: f.revisions, now: f.now, ...patch }, options);

function withConditions(object: KubeObject, extra: Array<Record<string, string>>): KubeObject {
  const status = object.status as { conditions?: unknown[] };
  return { ...object, status: { ...status, conditions: [...(status.conditions ?? []), ...extra] } };
}

test('a 404 is NotFound and a deletionTimestamp is Terminating, before any kind rule', () => {
  const f = loadFixture('deployment/complete');
  assert.equal(assess(f, { object: undefined }).status, 'NotFound');
  const deleting = { ...f.object, metadata: { ...f.object.metadata, deletionTimestamp: '2024-05-14T10:04:00Z' } };
  assert.deepEqual([assess(f, { object: deleting }).status, assess(f, { object: deleting }).failFast], ['Terminating', false]);
});

test('podsOfNewRevision keeps only the new ReplicaSet’s pods', () => {
  const f = loadFixture('deployment/old-rs-crashing-new-healthy');
  const picked = podsOfNewRevision(f.object, f.revisions, f.pods);
  assert.equal(f.pods.length, 4);
  assert.deepEqual(new Set(picked.map((p) => p.metadata.labels?.['pod-template-hash'])), new Set(['7d9c5b6f48']));
  assert.equal(picked.length, 3);
  assert.deepEqual(podsOfNewRevision(f.object, [], f.pods), [], 'no ReplicaSets listed: no pods can be attributed');
});

test('podsOfNewRevision: StatefulSet by updateRevision, DaemonSet by newest ControllerRevision or template generation, Job by owner', () => {
  const sts = loadFixture('statefulset/rolling');
  assert.deepEqual(podsOfNewRevision(sts.object, [], sts.pods).map((p) => p.metadata.name), ['db-2']);
  const ds = loadFixture('daemonset/rolling');
  assert.deepEqual(podsOfNewRevision(ds.object, ds.revisions, ds.pods).map((p) => p.metadata.name), ['node-agent-q7kzt']);
  assert.deepEqual(podsOfNewRevision(ds.object, [], ds.pods).map((p) => p.metadata.name), ['node-agent-q7kzt']);
  const job = loadFixture('job/running');
  assert.equal(podsOfNewRevision(job.object, [], job.pods).length, 1);
  assert.deepEqual(podsOfNewRevision(loadFixture('service/clusterip').object, [], job.pods), []);
});

test('a Deployment judged without its ReplicaSets uses the pods it is given', () => {
  const crash = loadFixture('deployment/new-rs-crashloop');
  const newPods = podsOfNewRevision(crash.object, crash.revisions, crash.pods);
  const verdict = assess(crash, { replicaSets: undefined, pods: newPods });
  assert.deepEqual([verdict.status, verdict.reason, verdict.failFast], ['Failed', 'CrashLoopBackOff', true]);
  assert.match(verdict.message, /pod web-7d9c5b6f48-\w+ container web: CrashLoopBackOff: restarted 4 times, last exit 1 \(Error\)/);
  const complete = loadFixture('deployment/complete');
  assert.equal(assess(complete, { replicaSets: undefined }).status, 'Current');
});

test('Stalled=True fails any kind; Reconciling=True holds a Current verdict back', () => {
  const f = loadFixture('deployment/complete');
  const stalled = assess(f, { object: withConditions(f.object, [{ type: 'Stalled', status: 'True', reason: 'QuotaExceeded', message: 'quota exceeded' }]) });
  assert.deepEqual([stalled.status, stalled.reason, stalled.failFast], ['Failed', 'QuotaExceeded', true]);
  assert.deepEqual(stalled.progress, assess(f).progress, 'progress counts survive the overlay');
  const reconciling = assess(f, { object: withConditions(f.object, [{ type: 'Reconciling', status: 'True', reason: 'Progressing' }]) });
  assert.deepEqual([reconciling.status, reconciling.reason], ['InProgress', 'Progressing']);
});

test('unschedulableAfterMs decides when an Unschedulable pod fails', () => {
  const f = loadFixture('pod/unschedulable-short');
  assert.equal(assess(f).status, 'InProgress');
  const strict = assess(f, {}, { unschedulableAfterMs: 15_000 });
  assert.deepEqual([strict.status, strict.reason, strict.failFast], ['Failed', 'Unschedulable', true]);
  assert.match(strict.message, /unschedulable for 20s: 0\/3 nodes are available: 3 Insufficient cpu/);
});

test('a Failed pod phase is Failed (kstatus: Current); a terminating new pod is not blamed', () => {
  const f = loadFixture('pod/running-ready');
  const evicted = { ...f.object, status: { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' } };
  const verdict = assess(f, { object: evicted });
  assert.deepEqual([verdict.status, verdict.reason, verdict.failFast], ['Failed', 'PodFailed', true]);
  assert.match(verdict.message, /Evicted: The node was low on resource: memory\./);
  const crash = loadFixture('deployment/new-rs-crashloop');
  const leaving = crash.pods.map((p) => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: '2024-05-14T10:04:59Z' } }));
  assert.equal(assess(crash, { pods: leaving }).status, 'InProgress');
});

test('every kind has one rule; unknown kinds fall to the condition rule', () => {
  const kinds = HEALTH_RULES.flatMap((r) => r.kinds);
  assert.equal(new Set(kinds).size, kinds.length);
  for (const kind of ['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', '/Pod', 'batch/Job', '/PersistentVolumeClaim', '/Service', 'apiextensions.k8s.io/CustomResourceDefinition', '/ConfigMap', 'batch/CronJob']) {
    assert.ok(kinds.includes(kind), kind);
  }
  assert.equal(ruleFor({ apiVersion: 'example.com/v1', kind: 'Widget' }).kinds.length, 0);
  const widget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', generation: 1 } };
  assert.equal(assessHealth({ object: widget, pods: [], now: new Date() }).status, 'Current', 'no status at all: Current, as kstatus');
});
