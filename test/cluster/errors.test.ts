import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpStatusError, parseConflicts, statusObjectError, toClusterError } from '../../src/cluster/errors.js';
import { ClusterError } from '../../src/cluster/types.js';

const status = (code: number, extra: Record<string, unknown> = {}) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, message: `failed ${code}`, ...extra });
const http = (code: number, body: unknown = status(code), headers: Record<string, string> = {}) => toClusterError(new HttpStatusError(code, body, headers), 'eu-1');

describe('toClusterError: HTTP answers', () => {
  it('maps each status to a stable code and says which are worth retrying', () => {
    const table: [number, string, boolean][] = [
      [400, 'CLUSTER_INVALID', false],
      [401, 'CLUSTER_FORBIDDEN', false],
      [403, 'CLUSTER_FORBIDDEN', false],
      [404, 'CLUSTER_NOT_FOUND', false],
      [409, 'CLUSTER_CONFLICT', false],
      [410, 'CLUSTER_EXPIRED', false],
      [422, 'CLUSTER_INVALID', false],
      [429, 'CLUSTER_SERVER_ERROR', true],
      [500, 'CLUSTER_SERVER_ERROR', true],
      [503, 'CLUSTER_SERVER_ERROR', true],
      [504, 'CLUSTER_TIMEOUT', true],
    ];
    for (const [code, expected, retryable] of table) {
      const error = http(code);
      assert.equal(error.code, expected, String(code));
      assert.equal(error.details.retryable, retryable, String(code));
      assert.equal(error.details.status, code);
      assert.equal(error.cluster, 'eu-1');
      assert.match(error.message, new RegExp(`^eu-1: failed ${code}`));
    }
  });

  it('reads Retry-After from the header, else from Status.details.retryAfterSeconds', () => {
    assert.equal(http(429, status(429), { 'retry-after': '3' }).details.retryAfterMs, 3_000);
    assert.equal(http(429, status(429, { details: { retryAfterSeconds: 2 } })).details.retryAfterMs, 2_000);
    assert.equal(http(500).details.retryAfterMs, undefined);
  });

  it('keeps the object the request was about', () => {
    const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' };
    assert.deepEqual(toClusterError(new HttpStatusError(403, status(403), {}), 'eu-1', ref).details.ref, ref);
  });

  it('turns a watch ERROR event (a Status object) into the same codes', () => {
    assert.equal(statusObjectError(status(410, { reason: 'Expired' }), 'eu-1').code, 'CLUSTER_EXPIRED');
    assert.equal(statusObjectError(status(500), 'eu-1').code, 'CLUSTER_SERVER_ERROR');
  });
});

describe('toClusterError: failures to reach the server', () => {
  const system = (code: string) => Object.assign(new Error(`request to http://127.0.0.1:1/api failed, reason: connect ${code} 127.0.0.1:1`), { code, type: 'system', name: 'FetchError' });

  it('maps refused, reset, timed out and DNS failures to CLUSTER_UNREACHABLE', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']) {
      assert.equal(toClusterError(system(code), 'eu-1').code, 'CLUSTER_UNREACHABLE', code);
    }
  });

  it('retries resets and timeouts but not a refused connection or an unknown host', () => {
    assert.equal(toClusterError(system('ECONNRESET'), 'c').details.retryable, true);
    assert.equal(toClusterError(system('ETIMEDOUT'), 'c').details.retryable, true);
    assert.equal(toClusterError(system('ECONNREFUSED'), 'c').details.retryable, false);
    assert.equal(toClusterError(system('ENOTFOUND'), 'c').details.retryable, false);
  });

  it('finds the code in the message when the error carries none', () => {
    assert.equal(toClusterError(new Error('socket hang up: read ECONNRESET'), 'c').code, 'CLUSTER_UNREACHABLE');
  });

  it('maps an aborted request (the per-request timeout) to a retryable CLUSTER_TIMEOUT', () => {
    const abort = Object.assign(new Error('The user aborted a request.'), { name: 'AbortError', type: 'aborted' });
    const error = toClusterError(abort, 'c');
    assert.equal(error.code, 'CLUSTER_TIMEOUT');
    assert.equal(error.details.retryable, true);
  });

  it('maps certificate failures and kubeconfig refusals to CLUSTER_CONTEXT', () => {
    assert.equal(toClusterError(Object.assign(new Error('self signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'c').code, 'CLUSTER_CONTEXT');
    assert.equal(toClusterError(new Error('HTTP protocol is not allowed when skipTLSVerify is not set or false'), 'c').code, 'CLUSTER_CONTEXT');
  });

  it('passes a ClusterError through untouched', () => {
    const original = new ClusterError('CLUSTER_UNKNOWN_KIND', 'x', 'c');
    assert.equal(toClusterError(original, 'other'), original);
  });
});

describe('parseConflicts', () => {
  it('reads one conflict per cause: the manager named in the message, the field', () => {
    const body = status(409, {
      reason: 'Conflict',
      message: 'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="app"].image',
      details: {
        causes: [
          { type: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' },
          { type: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.template.spec.containers[name="app"].image' },
        ],
      },
    });
    assert.deepEqual(parseConflicts(body), [
      { manager: 'kubectl-client-side-apply', field: '.spec.replicas' },
      { manager: 'kubectl-client-side-apply', field: '.spec.template.spec.containers[name="app"].image' },
    ]);
    assert.deepEqual(http(409, body).details.conflicts?.map((c) => c.manager), ['kubectl-client-side-apply', 'kubectl-client-side-apply']);
  });

  it('falls back to the message when there are no causes (one-line and list forms, several managers)', () => {
    const one = status(409, { message: 'Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.replicas' });
    assert.deepEqual(parseConflicts(one), [{ manager: 'kubectl', field: '.spec.replicas' }]);
    const many = status(409, { message: 'Apply failed with 3 conflicts: conflicts with "hpa" using autoscaling/v2:\n- .spec.replicas\n- .spec.paused\nconflict with "kubectl" using apps/v1: .metadata.labels.app' });
    assert.deepEqual(parseConflicts(many), [
      { manager: 'hpa', field: '.spec.replicas' },
      { manager: 'hpa', field: '.spec.paused' },
      { manager: 'kubectl', field: '.metadata.labels.app' },
    ]);
  });

  it('is empty for a 409 that is not an apply conflict', () => {
    assert.deepEqual(parseConflicts(status(409, { reason: 'AlreadyExists', message: 'configmaps "x" already exists' })), []);
  });
});
