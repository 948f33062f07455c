import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { DiskFileSystem } from '../../src/fs/disk.js';
import { loadEstate } from '../../src/estate/load.js';
import { ESTATE_YAML, FIXTURES, memoryEstate } from './helpers.js';

describe('loadEstate: a valid estate', () => {
  const dir = posix.join(FIXTURES, 'mini');
  const estate = loadEstate(new DiskFileSystem(), dir);

  it('reads the fleet in file order with defaults for optional fields', () => {
    assert.equal(estate.name, 'mini');
    assert.equal(estate.dir, dir.replace(/\/$/, ''));
    assert.deepEqual(
      estate.clusters.map((c) => [c.name, c.region, c.environment, c.wave, c.status, c.kubernetesVersion ?? '-', c.index]),
      [
        ['prod-eu-west-1', 'eu-west-1', 'production', 1, 'active', '-', 0],
        ['prod-us-east-1', 'us-east-1', 'production', 2, 'active', '1.31', 1],
        ['staging-eu-west-1', 'eu-west-1', 'staging', 0, 'active', '-', 2],
        ['sandbox-eu-west-1', 'eu-west-1', 'staging', 3, 'planned', '-', 3],
      ],
    );
    assert.deepEqual(estate.clusters[0]!.connection, { kind: 'context', context: 'arn:aws:eks:eu-west-1:111122223333:cluster/prod-eu-west-1' });
    assert.deepEqual(estate.clusters[1]!.connection, { kind: 'sim' });
    assert.deepEqual(estate.clusters[2]!.services, ['web']);
    assert.equal(estate.clusters[0]!.services, undefined);
  });

  it('reads services with their overlays', () => {
    assert.deepEqual([...estate.services.keys()], ['auth-api', 'web']);
    const auth = estate.services.get('auth-api')!;
    assert.deepEqual(
      { owner: auth.owner, tier: auth.tier, namespace: auth.namespace, overlays: auth.overlays, legacy: auth.legacy },
      { owner: 'identity', tier: 'critical', namespace: 'auth', overlays: ['prod-eu-west-1', 'us-east-1'], legacy: { ec2: true } },
    );
    assert.equal(auth.file, posix.join(estate.dir, 'services/auth-api/service.yaml'));
    assert.deepEqual(estate.services.get('web')!.overlays, []);
  });

  it('detects each pinned addon version as a Kustomization or a Component', () => {
    assert.deepEqual(
      [...estate.addons.values()].map((a) => [a.addon, a.version, a.kind]).sort(),
      [
        ['cert-manager', 'v1.15.3', 'Kustomization'],
        ['cert-manager', 'v1.16.0', 'Kustomization'],
        ['fleet-labels', 'v1', 'Component'],
      ],
    );
  });

  it('parses the reserved directories without interpreting them', () => {
    assert.deepEqual(Object.keys(estate.reserved), ['teams', 'policies', 'decisions', 'inventory']);
    assert.equal(estate.reserved.teams!.length, 1);
    assert.deepEqual(estate.reserved.teams![0]!.documents[0]!.value, { name: 'identity', members: ['ana', 'bo'] });
    assert.deepEqual(estate.warnings, []);
  });

  it('treats a key with no value as absent and defaults status to active', () => {
    const fs = memoryEstate({ 'harbormaster.yaml': ESTATE_YAML.replace('  regions:\n    eu-west-1: {}\n', '  regions:\n') });
    const estate2 = loadEstate(fs, '/estate');
    assert.deepEqual(estate2.regions, {});
    assert.deepEqual(estate2.environments, { production: {}, staging: {} });
    assert.equal(estate2.clusters[1]!.status, 'active');
  });
});
