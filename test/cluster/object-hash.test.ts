import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, hashObject, sameLiveObject } from '../../src/cluster/object-hash.js';
import { objectHash } from '../../src/rollout/change/canonical.js';
import type { KubeObject } from '../../src/cluster/types.js';

const a: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'shop', labels: { b: '2', a: '1' } }, data: { k: 'v' } };
const reordered: KubeObject = { data: { k: 'v' }, metadata: { labels: { a: '1', b: '2' }, namespace: 'shop', name: 'x' }, kind: 'ConfigMap', apiVersion: 'v1' };

describe('hashObject', () => {
  it('is the sha256 of canonical JSON: key order does not matter, values do', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] }), '{"a":[{"c":2,"d":1}],"b":1}');
    assert.equal(hashObject(a), hashObject(reordered));
    assert.notEqual(hashObject(a), hashObject({ ...a, data: { k: 'w' } }));
    assert.match(hashObject(a), /^[0-9a-f]{64}$/);
  });

  it('agrees with the hash the rollout journal records, so `previous` can come straight from it', () => {
    assert.equal(hashObject(a), objectHash(a));
  });
});

describe('sameLiveObject', () => {
  it('ignores resourceVersion, generation and managedFields times, nothing else', () => {
    const live: KubeObject = { ...a, metadata: { ...a.metadata, resourceVersion: '5', generation: 1, managedFields: [{ manager: 'm', operation: 'Apply', time: '2024-01-01T00:00:00Z' }] } };
    const after: KubeObject = { ...a, metadata: { ...a.metadata, resourceVersion: '6', generation: 2, managedFields: [{ manager: 'm', operation: 'Apply', time: '2024-02-02T00:00:00Z' }] } };
    assert.equal(sameLiveObject(live, after), true);
    assert.equal(sameLiveObject(live, { ...after, data: { k: 'other' } }), false);
  });
});
