/**
 * The example estate, rendered for every cluster, matches the schemas: no
 * errors or warnings from `hm/schema` (each cluster at its own Kubernetes
 * version, CRDs from its own rendered set).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { DiskFileSystem } from '../../src/fs/disk.js';
import { loadEstate, renderFleet, resolveCluster } from '../../src/estate/index.js';
import { RuleRegistry } from '../../src/verify/rule.js';
import { schemaRule } from '../../src/verify/schema/index.js';

const ESTATE = fileURLToPath(new URL('../../../examples/acme-estate/', import.meta.url));

test('every cluster of the example estate renders schema-clean', () => {
  const fs = new DiskFileSystem();
  const estate = loadEstate(fs, ESTATE);
  const fleet = renderFleet(fs, estate, estate.clusters.map((c) => c.name));
  assert.deepEqual(fleet.failed.map((f) => f.cluster), []);
  let objects = 0;
  const problems: string[] = [];
  for (const { cluster, resources } of fleet.rendered) {
    objects += resources.length;
    const rule = schemaRule({ kubernetesVersion: resolveCluster(estate, cluster).kubernetesVersion });
    for (const f of new RuleRegistry().register(rule).run(resources)) {
      if (f.severity !== 'info') problems.push(`${cluster} ${f.severity} ${f.ruleId} ${f.resource.kind}/${f.resource.name} ${f.fieldPath}: ${f.message}`);
    }
  }
  assert.ok(objects > 1000, `rendered ${objects} objects`);
  assert.deepEqual(problems, []);
});
