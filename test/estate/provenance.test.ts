import assert from 'node:assert/strict';
import * as nodeFs from 'node:fs';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import { DiskFileSystem } from '../../src/fs/disk.js';
import { loadEstate } from '../../src/estate/load.js';
import { renderCluster } from '../../src/estate/render.js';
import { edit, ESTATE_YAML, FIXTURES, lineOf, memoryEstate } from './helpers.js';

const MINI = posix.join(FIXTURES, 'mini');
const MINI_YAML = nodeFs.readFileSync(posix.join(MINI, 'harbormaster.yaml'), 'utf8');

describe('provenance: changes made by settings point at harbormaster.yaml', () => {
  const estate = loadEstate(new DiskFileSystem(), MINI);

  it('each setting is credited to the highest layer that set it', () => {
    const { resources } = renderCluster(new DiskFileSystem(), estate, 'prod-us-east-1');
    const deployment = resources.find((r) => r.kind === 'Deployment' && r.name === 'auth-api')!;
    const sources = Object.fromEntries(
      deployment.changes.filter((c) => c.source?.file === estate.file).map((c) => [c.transformer, c.source!.line]),
    );
    assert.deepEqual(sources, {
      labels: lineOf(MINI_YAML, 'labels:', 'us-east-1:'), // the region layer adds the last label
      commonAnnotations: lineOf(MINI_YAML, 'annotations:', 'production:'),
      replicas: lineOf(MINI_YAML, 'auth-api/auth-api: 3'),
      images: lineOf(MINI_YAML, 'ghcr.io/acme/auth-api: { newName'), // the region merged newName over defaults
    });
    assert.ok(deployment.changes.every((c) => !c.source?.file.includes('.harbormaster')));
  });

  it('a cluster-wide replicas key is credited to the layer that set it', () => {
    const { resources } = renderCluster(new DiskFileSystem(), estate, 'prod-eu-west-1');
    const web = resources.find((r) => r.kind === 'Deployment' && r.name === 'web')!;
    const replicas = web.changes.find((c) => c.transformer === 'replicas')!;
    assert.deepEqual([replicas.source!.file, replicas.source!.line], [estate.file, lineOf(MINI_YAML, 'web: 4')]);
  });

  it('a render error in a generated kustomization is reported at the estate line, with its YAML path', () => {
    const text = edit(ESTATE_YAML, '        sim: {}\n', '        sim: {}\n      settings:\n        replicas:\n          auth-api/no-such-workload: 2\n');
    const fs = memoryEstate({
      'harbormaster.yaml': text,
      'services/auth-api/base/kustomization.yaml': 'resources: [cm.yaml]\n',
      'services/auth-api/base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
    });
    const estate2 = loadEstate(fs, '/estate');
    assert.throws(
      () => renderCluster(fs, estate2, 'prod-eu-west-1'),
      (err: unknown) => {
        assert.ok(err instanceof DiagnosticError);
        const d = err.diagnostics[0]!;
        assert.deepEqual([d.code, d.file, d.line, d.yamlPath], [
          'KUST_REPLICAS_NO_MATCH',
          '/estate/harbormaster.yaml',
          lineOf(text, 'no-such-workload'),
          'spec.clusters[0].settings.replicas["auth-api/no-such-workload"]',
        ]);
        return true;
      },
    );
  });
});
