import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { DiskFileSystem } from '../../src/fs/disk.js';
import { loadEstate } from '../../src/estate/load.js';
import { resolveCluster } from '../../src/estate/resolve.js';
import { edit, ESTATE_YAML, FIXTURES, memoryEstate } from './helpers.js';

describe('resolveCluster: layering defaults → environment → region → cluster', () => {
  const estate = loadEstate(new DiskFileSystem(), posix.join(FIXTURES, 'mini'));

  it('merges maps key by key and lets higher layers replace scalars', () => {
    const c = resolveCluster(estate, 'prod-us-east-1');
    assert.deepEqual(c, {
      name: 'prod-us-east-1',
      region: 'us-east-1',
      environment: 'production',
      kubernetesVersion: '1.31',
      wave: 2,
      status: 'active',
      connection: { kind: 'sim' },
      services: ['auth-api', 'web'],
      addons: { 'cert-manager': 'v1.15.3', 'fleet-labels': 'v1' },
      settings: {
        labels: { 'acme.io/managed-by': 'harbormaster', 'acme.io/region': 'us-east-1' },
        annotations: { 'acme.io/environment': 'production' },
        namespace: '',
        // newTag from defaults, newName from the region: image overrides merge field by field.
        images: { 'ghcr.io/acme/auth-api': { newTag: '2026.11.1', newName: 'registry.us-east-1.acme.io/auth-api' } },
        replicas: { 'auth-api/auth-api': 3 },
      },
    });
  });

  it('an environment can replace an addon version and remove one with null', () => {
    const c = resolveCluster(estate, 'staging-eu-west-1');
    assert.deepEqual(c.addons, { 'cert-manager': 'v1.16.0' });
    assert.deepEqual(c.services, ['web']);
    assert.equal(c.kubernetesVersion, '1.30');
  });

  it('cluster settings are the top layer', () => {
    assert.deepEqual(resolveCluster(estate, 'prod-eu-west-1').settings.replicas, { 'auth-api/auth-api': 3, web: 4 });
    assert.equal(resolveCluster(estate, 'sandbox-eu-west-1').settings.namespace, 'sandbox');
  });

  it('null removes a lower layer key, "" removes an addon, and a later namespace "" resets an override', () => {
    const text = edit(
      edit(ESTATE_YAML, '    production: {}\n', '    production:\n      settings:\n        namespace: shared\n        labels: {a: "1", b: "2"}\n'),
      '        sim: {}\n',
      '        sim: {}\n      addons:\n        cert-manager: ""\n      settings:\n        namespace: ""\n        labels: {a: null, c: "3"}\n',
    );
    const c = resolveCluster(loadEstate(memoryEstate({ 'harbormaster.yaml': text }), '/estate'), 'prod-eu-west-1');
    assert.deepEqual(c.addons, {});
    assert.deepEqual(c.settings.labels, { b: '2', c: '3' });
    assert.equal(c.settings.namespace, '');
    const staging = resolveCluster(loadEstate(memoryEstate({ 'harbormaster.yaml': text }), '/estate'), 'staging-eu-west-1');
    assert.deepEqual(staging.addons, { 'cert-manager': 'v1.15.3' });
  });
});
