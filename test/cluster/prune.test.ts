import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APPLYSET_PART_OF_LABEL } from '../../src/cluster/applyset-meta.js';
import { findPrunable, isPrunable, type PruneSelection } from '../../src/cluster/prune.js';
import { objectKey, type KubeObject } from '../../src/cluster/types.js';
import { MemoryClient } from './memory-client.js';

const ID = 'applyset-ours-v1';
const OTHER = 'applyset-theirs-v1';

function cm(name: string, namespace: string, set?: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, labels: set ? { [APPLYSET_PART_OF_LABEL]: set } : { app: 'x' } } };
}

const selection = (keep: KubeObject[] = []): PruneSelection => ({
  id: ID,
  groupKinds: new Set(['ConfigMap', 'Namespace']),
  namespaces: new Set(['shop', 'kube-system']),
  keep: new Set(keep.map(objectKey)),
});

describe('isPrunable', () => {
  it('selects a labelled member of a listed kind in a listed namespace that is no longer desired', () => {
    assert.equal(isPrunable(cm('old', 'shop', ID), selection(), true), true);
  });

  it('never selects an object without our label, with another set label, or with a label value that merely contains ours', () => {
    assert.equal(isPrunable(cm('manual', 'shop'), selection(), true), false);
    assert.equal(isPrunable(cm('theirs', 'shop', OTHER), selection(), true), false);
    assert.equal(isPrunable(cm('prefix', 'shop', `${ID}x`), selection(), true), false);
  });

  it('never selects an object in a namespace outside the set, or a kind the parent does not list', () => {
    assert.equal(isPrunable(cm('elsewhere', 'billing', ID), selection(), true), false);
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'shop', labels: { [APPLYSET_PART_OF_LABEL]: ID } } };
    assert.equal(isPrunable(secret, selection(), true), false);
  });

  it('never selects a desired object', () => {
    const kept = cm('kept', 'shop', ID);
    assert.equal(isPrunable(kept, selection([kept]), true), false);
  });

  it('selects cluster-scoped members wherever they are, but not a "cluster-scoped" object that has a namespace', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'retired', labels: { [APPLYSET_PART_OF_LABEL]: ID } } };
    assert.equal(isPrunable(ns, selection(), false), true);
    assert.equal(isPrunable({ ...ns, metadata: { ...ns.metadata, namespace: 'x' } }, selection(), false), false);
  });
});

describe('findPrunable', () => {
  it('lists by label once per group-kind, and returns only what isPrunable allows', async () => {
    const client = new MemoryClient();
    const kept = cm('kept', 'shop', ID);
    client.seed(cm('old', 'shop', ID), kept, cm('manual', 'shop'), cm('theirs', 'shop', OTHER), cm('elsewhere', 'billing', ID), cm('sys', 'kube-system', ID));
    const found = await findPrunable(client, await client.discover(), selection([kept]));
    assert.deepEqual(found.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort(), ['kube-system/sys', 'shop/old']);
    const lists = client.calls.filter((c) => c.verb === 'list');
    assert.deepEqual(
      lists.map((c) => c.key),
      ['v1/ConfigMap/', 'v1/Namespace/'],
    );
    assert.ok(lists.every((c) => c.labelSelector === `${APPLYSET_PART_OF_LABEL}=${ID}`));
  });

  it('falls back to one LIST per namespace of the set where a cluster-wide LIST is forbidden', async () => {
    const client = new MemoryClient();
    client.forbidClusterWideList.add('v1/ConfigMap');
    const kept = cm('kept', 'shop', ID);
    client.seed(cm('old', 'shop', ID), kept, cm('elsewhere', 'billing', ID), cm('sys', 'kube-system', ID));
    const found = await findPrunable(client, await client.discover(), selection([kept]));
    assert.deepEqual(found.map((o) => `${o.metadata.namespace}/${o.metadata.name}`).sort(), ['kube-system/sys', 'shop/old']);
    assert.deepEqual(
      client.calls.filter((c) => c.verb === 'list').map((c) => c.key).sort(),
      ['v1/ConfigMap/', 'v1/ConfigMap/kube-system', 'v1/ConfigMap/shop', 'v1/Namespace/'],
    );
  });

  it('skips group-kinds the server no longer serves', async () => {
    const client = new MemoryClient();
    const found = await findPrunable(client, await client.discover(), { ...selection(), groupKinds: new Set(['Widget.example.com']) });
    assert.deepEqual(found, []);
    assert.equal(client.calls.filter((c) => c.verb === 'list').length, 0);
  });
});
