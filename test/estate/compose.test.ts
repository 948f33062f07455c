import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, it } from 'node:test';
import { DiskFileSystem } from '../../src/fs/disk.js';
import { composeCluster } from '../../src/estate/compose.js';
import { loadEstate } from '../../src/estate/load.js';
import { FIXTURES } from './helpers.js';

/** The composition as `relative path → text`, relative to the estate directory. */
function composed(cluster: string): Record<string, string> {
  const estate = loadEstate(new DiskFileSystem(), posix.join(FIXTURES, 'mini'));
  const { files, root } = composeCluster(estate, cluster);
  assert.equal(root, posix.join(estate.dir, '.harbormaster/clusters', cluster));
  return Object.fromEntries([...files].map(([path, text]) => [posix.relative(estate.dir, path), text]));
}

describe('composeCluster: generated kustomizations', () => {
  it('prod-eu-west-1: cluster overlay, settings per service, plain replicas keys on a shared services level', () => {
    assert.deepEqual(composed('prod-eu-west-1'), {
      '.harbormaster/clusters/prod-eu-west-1/services/auth-api/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- ../../../../../services/auth-api/overlays/prod-eu-west-1
namespace: auth
labels:
- pairs:
    acme.io/managed-by: harbormaster
    acme.io/region: eu-west-1
commonAnnotations:
  acme.io/environment: production
images:
- name: ghcr.io/acme/auth-api
  newTag: 2026.11.1
replicas:
- name: auth-api
  count: 3
`,
      '.harbormaster/clusters/prod-eu-west-1/services/web/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- ../../../../../services/web/base
namespace: web
labels:
- pairs:
    acme.io/managed-by: harbormaster
    acme.io/region: eu-west-1
commonAnnotations:
  acme.io/environment: production
images:
- name: ghcr.io/acme/auth-api
  newTag: 2026.11.1
`,
      '.harbormaster/clusters/prod-eu-west-1/services/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- auth-api
- web
replicas:
- name: web
  count: 4
`,
      '.harbormaster/clusters/prod-eu-west-1/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- services
- ../../../addons/cert-manager/v1.15.3
components:
- ../../../addons/fleet-labels/v1
`,
    });
  });

  it('prod-us-east-1: the region overlay, merged image override', () => {
    const files = composed('prod-us-east-1');
    assert.equal(files['.harbormaster/clusters/prod-us-east-1/services/auth-api/kustomization.yaml'], `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- ../../../../../services/auth-api/overlays/us-east-1
namespace: auth
labels:
- pairs:
    acme.io/managed-by: harbormaster
    acme.io/region: us-east-1
commonAnnotations:
  acme.io/environment: production
images:
- name: ghcr.io/acme/auth-api
  newName: registry.us-east-1.acme.io/auth-api
  newTag: 2026.11.1
replicas:
- name: auth-api
  count: 3
`);
    assert.equal(files['.harbormaster/clusters/prod-us-east-1/kustomization.yaml'], `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- services/auth-api
- services/web
- ../../../addons/cert-manager/v1.15.3
components:
- ../../../addons/fleet-labels/v1
`);
  });

  it('staging-eu-west-1: only the listed services, the environment addon set, no components', () => {
    const files = composed('staging-eu-west-1');
    assert.deepEqual(Object.keys(files), [
      '.harbormaster/clusters/staging-eu-west-1/services/web/kustomization.yaml',
      '.harbormaster/clusters/staging-eu-west-1/kustomization.yaml',
    ]);
    assert.equal(files['.harbormaster/clusters/staging-eu-west-1/kustomization.yaml'], `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- services/web
- ../../../addons/cert-manager/v1.16.0
`);
  });

  it('sandbox-eu-west-1: settings.namespace overrides every service namespace', () => {
    const files = composed('sandbox-eu-west-1');
    const namespaces = Object.entries(files)
      .filter(([path]) => path.includes('/services/'))
      .map(([, text]) => /^namespace: (.*)$/m.exec(text)?.[1]);
    assert.deepEqual(namespaces, ['sandbox', 'sandbox']);
  });
});
