/**
 * Every fixture under fixtures/<kind>/<state>.yaml, assessed as the executor
 * would: the live object, every pod a LIST returned (old revisions included —
 * the rules must pick the new revision themselves) and the owned ReplicaSets
 * or ControllerRevisions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessHealth } from '../../../src/rollout/health/assess.js';
import { DEFAULT_HEALTH_OPTIONS } from '../../../src/rollout/health/types.js';
import { loadFixtures } from './load-fixtures.js';

const fixtures = loadFixtures();

const REQUIRED = [
  'deployment/progressing', 'deployment/complete', 'deployment/old-generation', 'deployment/progress-deadline', 'deployment/new-rs-crashloop',
  'deployment/image-pull', 'deployment/old-rs-crashing-new-healthy', 'deployment/scaled-to-zero', 'deployment/paused',
  'statefulset/rolling', 'statefulset/partition', 'statefulset/ondelete', 'statefulset/complete', 'daemonset/rolling', 'daemonset/complete',
  'job/running', 'job/complete', 'job/failed', 'pvc/pending', 'pvc/bound', 'pvc/lost', 'service/clusterip', 'service/lb-pending', 'service/lb-ready',
  'pod/pending', 'pod/unschedulable-short', 'pod/unschedulable-long', 'pod/running-ready', 'pod/crashloop', 'pod/config-error',
  'crd/established', 'crd/names-not-accepted', 'generic/ready-true', 'generic/ready-false', 'generic/stalled', 'configmap/exists',
];

test('the fixture set covers every required kind and state', () => {
  const names = new Set(fixtures.map((f) => f.name));
  assert.deepEqual(REQUIRED.filter((name) => !names.has(name)), []);
});

for (const fixture of fixtures) {
  test(`health of ${fixture.name}`, () => {
    const verdict = assessHealth({ object: fixture.object, pods: fixture.pods, replicaSets: fixture.revisions, now: fixture.now }, DEFAULT_HEALTH_OPTIONS);
    assert.deepEqual({ status: verdict.status, reason: verdict.reason, failFast: verdict.failFast }, fixture.expect, verdict.message);
    assert.ok(verdict.message.length > 0);
    if (verdict.failFast) assert.equal(verdict.status, 'Failed');
  });
}
