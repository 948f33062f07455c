import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimStore, SimStoreError, type StoreEvent } from '../../../src/cluster/sim/store.js';
import type { KubeObject } from '../../../src/cluster/types.js';

function pod(name: string, owner?: KubeObject, extra: Partial<KubeObject> = {}): KubeObject {
  const ownerReferences = owner ? [{ apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true }] : undefined;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', ownerReferences }, spec: { containers: [{ name: 'c', image: 'x' }] }, ...extra };
}

describe('SimStore', () => {
  it('creates with uid, resourceVersion, generation 1 and a timestamp, and freezes what it hands out', () => {
    const store = new SimStore();
    const created = store.create(pod('a'));
    assert.match(created.metadata.uid!, /^[0-9a-f-]{36}$/);
    assert.equal(created.metadata.resourceVersion, '1');
    assert.equal(created.metadata.generation, 1);
    assert.match(created.metadata.creationTimestamp!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(store.resourceVersion, 1);
    assert.ok(Object.isFrozen(created) && Object.isFrozen(created.spec));
    assert.throws(() => ((created.metadata as { name: string }).name = 'b'), TypeError);
    assert.equal(store.get({ group: '', kind: 'Pod', namespace: 'ns', name: 'a' }), created);
    assert.throws(() => store.create(pod('a')), (e: unknown) => e instanceof SimStoreError && e.reason === 'AlreadyExists');
  });

  it('fills names from generateName', () => {
    const store = new SimStore();
    const created = store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: '', namespace: 'ns', generateName: 'web-' } as KubeObject['metadata'] });
    assert.match(created.metadata.name, /^web-[a-z0-9]{5}$/);
  });

  it('keeps resourceVersion on a no-op update and bumps generation only for spec changes', () => {
    const store = new SimStore();
    const a = store.create(pod('a'));
    assert.equal(store.update({ ...a }), a);
    assert.equal(store.resourceVersion, 1);
    const labelled = store.update({ ...a, metadata: { ...a.metadata, labels: { x: '1' } } });
    assert.equal(labelled.metadata.resourceVersion, '2');
    assert.equal(labelled.metadata.generation, 1);
    const changed = store.update({ ...labelled, spec: { containers: [{ name: 'c', image: 'y' }] } });
    assert.equal(changed.metadata.generation, 2);
    const status = store.update({ ...changed, status: { phase: 'Running' } }, { subresource: 'status' });
    assert.equal(status.metadata.generation, 2);
    assert.deepEqual(status.status, { phase: 'Running' });
    // A main-resource write keeps the stored status.
    const again = store.update({ ...status, status: { phase: 'Failed' }, spec: { containers: [] } });
    assert.deepEqual(again.status, { phase: 'Running' });
  });

  it('refuses a stale resourceVersion', () => {
    const store = new SimStore();
    const a = store.create(pod('a'));
    store.update({ ...a, metadata: { ...a.metadata, labels: { x: '1' } } });
    assert.throws(() => store.update({ ...a, metadata: { ...a.metadata, labels: { x: '2' } } }), (e: unknown) => e instanceof SimStoreError && e.reason === 'Conflict');
  });

  it('records the fields an Update manager changed', () => {
    const store = new SimStore();
    const a = store.create(pod('a'));
    const b = store.update({ ...a, metadata: { ...a.metadata, labels: { team: 'x' } } }, { manager: 'scaler' });
    assert.deepEqual(b.metadata.managedFields?.map((m) => [m.manager, m.operation]), [['scaler', 'Update']]);
    assert.deepEqual(b.metadata.managedFields?.[0]?.fieldsV1, { 'f:metadata': { 'f:labels': { 'f:team': {} } } });
  });

  it('delivers events in resourceVersion order, also for writes made by listeners', () => {
    const store = new SimStore();
    const seen: string[] = [];
    store.subscribe((e) => {
      if (e.type === 'ADDED' && e.object.metadata.name === 'a') store.create(pod('b'));
    });
    store.subscribe((e) => seen.push(`${e.type} ${e.object.metadata.name} ${e.object.metadata.resourceVersion}`));
    store.create(pod('a'));
    assert.deepEqual(seen, ['ADDED a 1', 'ADDED b 2']);
  });

  it('garbage-collects dependents (Background, Foreground) and orphans them (Orphan)', () => {
    const store = new SimStore();
    const owner = store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs', namespace: 'ns' } });
    store.create(pod('p1', owner));
    const p2 = store.create(pod('p2', owner));
    store.create(pod('grandchild', p2));
    assert.equal(store.dependentsOf(owner.metadata.uid!).length, 2);
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    store.delete({ group: 'apps', kind: 'ReplicaSet', namespace: 'ns', name: 'rs' });
    assert.deepEqual(store.list('', 'Pod'), []);
    assert.deepEqual(
      events.map((e) => `${e.type} ${e.object.metadata.name}`),
      ['DELETED rs', 'DELETED p1', 'DELETED p2', 'DELETED grandchild'],
    );

    const owner2 = store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs2', namespace: 'ns' } });
    store.create(pod('q', owner2));
    events.length = 0;
    store.delete({ group: 'apps', kind: 'ReplicaSet', namespace: 'ns', name: 'rs2' }, 'Foreground');
    assert.deepEqual(events.map((e) => `${e.type} ${e.object.metadata.name}`), ['DELETED q', 'DELETED rs2']);

    const owner3 = store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs3', namespace: 'ns' } });
    store.create(pod('kept', owner3));
    store.delete({ group: 'apps', kind: 'ReplicaSet', namespace: 'ns', name: 'rs3' }, 'Orphan');
    const kept = store.get({ group: '', kind: 'Pod', namespace: 'ns', name: 'kept' });
    assert.ok(kept);
    assert.equal(kept.metadata.ownerReferences, undefined);
  });

  it('deletes everything in a deleted Namespace', () => {
    const store = new SimStore();
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } });
    store.create(pod('a'));
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'other' } });
    store.delete({ group: '', kind: 'Namespace', name: 'ns' });
    assert.deepEqual(store.list('', 'Pod'), []);
    assert.deepEqual(store.list('', 'ConfigMap').map((o) => o.metadata.namespace), ['other']);
  });

  it('honours finalizers: delete marks, removing the last finalizer removes', () => {
    const store = new SimStore();
    const a = store.create(pod('a', undefined, { metadata: { name: 'a', namespace: 'ns', finalizers: ['x/y'] } as KubeObject['metadata'] }));
    const marked = store.delete({ group: '', kind: 'Pod', namespace: 'ns', name: 'a' })!;
    assert.ok(marked.metadata.deletionTimestamp);
    assert.ok(store.get({ group: '', kind: 'Pod', namespace: 'ns', name: 'a' }));
    store.update({ ...marked, metadata: { ...marked.metadata, finalizers: [] } as KubeObject['metadata'] });
    assert.equal(store.get({ group: '', kind: 'Pod', namespace: 'ns', name: 'a' }), undefined);
    assert.ok(a);
  });

  it('replays history after a resourceVersion and reports a too-old one', () => {
    const store = new SimStore(3);
    for (const name of ['a', 'b', 'c', 'd', 'e']) store.create(pod(name));
    assert.deepEqual(store.eventsSince(3)?.map((e) => e.object.metadata.name), ['d', 'e']);
    assert.deepEqual(store.eventsSince(5), []);
    assert.equal(store.eventsSince(1), undefined);
    assert.deepEqual(store.eventsSince(2)?.map((e) => e.object.metadata.name), ['c', 'd', 'e']);
  });

  it('lists by kind and namespace from its index', () => {
    const store = new SimStore();
    for (let i = 0; i < 50; i++) store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: i % 2 ? 'odd' : 'even' } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'odd' } });
    assert.equal(store.list('', 'Pod').length, 50);
    assert.equal(store.list('', 'Pod', 'odd').length, 25);
    assert.equal(store.list('', 'Pod', 'none').length, 0);
    assert.deepEqual(store.kinds().map((k) => k.kind).sort(), ['ConfigMap', 'Pod']);
  });
});
