import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  APPLYSET_GROUP_KINDS_ANNOTATION,
  APPLYSET_ID_LABEL,
  APPLYSET_NAMESPACES_ANNOTATION,
  APPLYSET_PART_OF_LABEL,
  APPLYSET_TOOLING_ANNOTATION,
  applySetId,
  groupKindOf,
  parentObject,
  parentUpToDate,
  parseGroupKind,
  readParent,
  withMemberLabel,
} from '../../src/cluster/applyset-meta.js';
import { ClusterError, type KubeObject } from '../../src/cluster/types.js';

const parent = { name: 'applyset-shop', namespace: 'kube-system' };

function liveParent(labels: Record<string, string>, annotations: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: parent.name, namespace: parent.namespace, labels, annotations } };
}

describe('applySetId', () => {
  it("matches kubectl's own test vector (Secret my-set in namespace test)", () => {
    // k8s.io/kubectl pkg/cmd/apply/apply_test.go, TestApplySetParentManagement.
    assert.equal(applySetId({ name: 'my-set', namespace: 'test' }), 'applyset-0eFHV8ySqp7XoShsGvyWFQD3s96yqwHmzc4e0HR1dsY-v1');
  });

  it('is base64url(sha256("<name>.<namespace>.<Kind>.<group>")) without padding, wrapped in applyset-…-v1', () => {
    const digest = createHash('sha256').update('applyset-shop.kube-system.Secret.').digest('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    assert.equal(applySetId(parent), `applyset-${digest}-v1`);
    assert.match(applySetId(parent), /^applyset-[A-Za-z0-9_-]{43}-v1$/);
    assert.notEqual(applySetId(parent), applySetId({ ...parent, namespace: 'default' }));
  });
});

describe('group-kinds', () => {
  it('writes Kind.group, and just Kind for the core group', () => {
    assert.equal(groupKindOf({ apiVersion: 'apps/v1', kind: 'Deployment' }), 'Deployment.apps');
    assert.equal(groupKindOf({ apiVersion: 'v1', kind: 'ConfigMap' }), 'ConfigMap');
    assert.equal(groupKindOf({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate' }), 'Certificate.cert-manager.io');
    assert.deepEqual(parseGroupKind('Certificate.cert-manager.io'), { group: 'cert-manager.io', kind: 'Certificate' });
    assert.deepEqual(parseGroupKind('Secret'), { group: '', kind: 'Secret' });
  });
});

describe('parentObject', () => {
  it('labels the id and annotates tooling, sorted group-kinds and the other namespaces', () => {
    const scope = { groupKinds: new Set(['Service', 'Deployment.apps', 'ConfigMap']), namespaces: new Set(['shop', 'kube-system', 'billing']) };
    const object = parentObject(parent, scope, '0.1.0');
    assert.deepEqual(object.metadata.labels, { [APPLYSET_ID_LABEL]: applySetId(parent) });
    assert.deepEqual(object.metadata.annotations, {
      [APPLYSET_TOOLING_ANNOTATION]: 'harbormaster/0.1.0',
      [APPLYSET_GROUP_KINDS_ANNOTATION]: 'ConfigMap,Deployment.apps,Service',
      [APPLYSET_NAMESPACES_ANNOTATION]: 'billing,shop',
    });
    assert.equal(parentUpToDate(object, object), true);
    assert.equal(parentUpToDate(parentObject(parent, { ...scope, groupKinds: new Set(['Service']) }, '0.1.0'), object), false);
  });
});

describe('readParent', () => {
  const id = applySetId(parent);

  it('reads the recorded scope of our own parent (its namespace always included)', () => {
    const scope = readParent(liveParent({ [APPLYSET_ID_LABEL]: id }, { [APPLYSET_TOOLING_ANNOTATION]: 'harbormaster/0.0.9', [APPLYSET_GROUP_KINDS_ANNOTATION]: 'ConfigMap,Deployment.apps', [APPLYSET_NAMESPACES_ANNOTATION]: 'shop' }), parent, 'eu-1');
    assert.deepEqual([...scope.groupKinds], ['ConfigMap', 'Deployment.apps']);
    assert.deepEqual([...scope.namespaces].sort(), ['kube-system', 'shop']);
    assert.deepEqual([...readParent(undefined, parent, 'eu-1').namespaces], ['kube-system']);
  });

  it("refuses another tool's parent, a parent without tooling, and a parent whose id does not match its name", () => {
    const refuse = (live: KubeObject, pattern: RegExp) =>
      assert.throws(() => readParent(live, parent, 'eu-1'), (e: unknown) => e instanceof ClusterError && e.code === 'CLUSTER_APPLYSET' && pattern.test(e.message));
    refuse(liveParent({ [APPLYSET_ID_LABEL]: id }, { [APPLYSET_TOOLING_ANNOTATION]: 'kubectl/v1.29' }), /managed by "kubectl"/);
    refuse(liveParent({ [APPLYSET_ID_LABEL]: id }, {}), /without the applyset.kubernetes.io\/tooling/);
    refuse(liveParent({ [APPLYSET_ID_LABEL]: applySetId({ name: 'other', namespace: 'x' }) }, { [APPLYSET_TOOLING_ANNOTATION]: 'harbormaster/1' }), /expected applyset-/);
  });
});

describe('withMemberLabel', () => {
  it('adds part-of to a copy, keeping other labels, and refuses members of another set', () => {
    const object: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'shop', labels: { app: 'shop' } } };
    const labelled = withMemberLabel(object, 'applyset-abc-v1');
    assert.ok(!('conflictingSet' in labelled));
    assert.deepEqual(labelled.metadata.labels, { app: 'shop', [APPLYSET_PART_OF_LABEL]: 'applyset-abc-v1' });
    assert.deepEqual(object.metadata.labels, { app: 'shop' });
    const foreign = { ...object, metadata: { ...object.metadata, labels: { [APPLYSET_PART_OF_LABEL]: 'applyset-zzz-v1' } } };
    assert.deepEqual(withMemberLabel(foreign, 'applyset-abc-v1'), { conflictingSet: 'applyset-zzz-v1' });
  });
});
