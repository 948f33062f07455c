import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { irsaPatchEntries } from '../../../src/access/generate/index.js';
import { IRSA_ANNOTATION } from '../../../src/access/model.js';
import { stringifyDocuments } from '../../../src/yaml/index.js';
import { GOLDEN } from './fixture.js';
import { fixtureEstate, generate } from './helpers.js';

/**
 * The generated manifests of one cluster (the fixture's prod-eu-west-1, mode
 * both), one golden file per generator, compared byte for byte.
 * HM_REGEN_GOLDEN=1 rewrites them; review the diff before keeping it.
 */
const REGEN = process.env.HM_REGEN_GOLDEN === '1';

function compare(file: string, actual: string): void {
  const path = posix.join(GOLDEN, file);
  if (REGEN) nodeFs.writeFileSync(path, actual);
  assert.ok(nodeFs.existsSync(path), `missing golden ${file}; run with HM_REGEN_GOLDEN=1`);
  assert.equal(actual, nodeFs.readFileSync(path, 'utf8'), `golden ${file} differs; run with HM_REGEN_GOLDEN=1 and review`);
}

describe('golden: generated manifests of prod-eu-west-1', () => {
  const access = generate(fixtureEstate(), 'prod-eu-west-1');

  for (const name of ['namespaces', 'cluster-roles', 'role-bindings', 'service-accounts', 'access-entries', 'pod-identity', 'aws-auth']) {
    it(`${name}.yaml`, () => {
      const file = access.files.find((f) => f.name === name);
      assert.ok(file, `${name} generated nothing`);
      compare(`${name}.yaml`, stringifyDocuments(file.manifests.map((m) => m.object)));
    });
  }

  it('irsa-patches.yaml: the patches added to the services\' own kustomizations', () => {
    const entries = access.irsaPatches.map((p) => ({ service: p.service, patches: irsaPatchEntries(p, IRSA_ANNOTATION) }));
    compare('irsa-patches.yaml', stringifyDocuments(entries));
  });

  it('no stale golden files', () => {
    const expected = new Set(['namespaces', 'cluster-roles', 'role-bindings', 'service-accounts', 'access-entries', 'pod-identity', 'aws-auth', 'irsa-patches'].map((n) => `${n}.yaml`));
    assert.deepEqual(nodeFs.readdirSync(GOLDEN).filter((f) => !expected.has(f)), []);
  });
});
