/** The pieces the hardening rules share: image references, label-selector indexes, the removed-API table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minorAtMost, parseMinor, REMOVED_APIS, removedApi } from '../../src/verify/data/deprecated-apis.js';
import { isAllowedImage, parseImage } from '../../src/verify/rules/images.js';
import { LabelIndex, parseLabelSelector, SelectorIndex, selectorMatches, type Selector } from '../../src/verify/rules/selectors.js';
import { deployment, runRule } from './rules-fixtures.js';

test('image references resolve registry, repository, tag and digest like the runtime', () => {
  const cases: [string, string][] = [
    ['nginx', 'docker.io library/nginx - -'],
    ['nginx:1.27', 'docker.io library/nginx 1.27 -'],
    ['acme/tool', 'docker.io acme/tool - -'],
    ['localhost/app:dev', 'localhost app dev -'],
    ['localhost:5000/team/app:1@sha256:abc', 'localhost:5000 team/app 1 sha256:abc'],
    ['ghcr.io/acme/api@sha256:def', 'ghcr.io acme/api - sha256:def'],
    ['index.docker.io/library/redis:7', 'docker.io library/redis 7 -'],
    ['registry.example.com:443/x', 'registry.example.com:443 x - -'],
  ];
  for (const [image, expected] of cases) {
    const ref = parseImage(image);
    assert.equal(`${ref.registry} ${ref.repository} ${ref.tag ?? '-'} ${ref.digest ?? '-'}`, expected, image);
  }
});

test('allowlist entries match whole registry/path segments', () => {
  const allowed = ['registry.example.com', 'docker.io/library/', 'ghcr.io/acme'];
  const verdicts = ['registry.example.com/a:1', 'registry.example.com.evil.io/a:1', 'nginx:1', 'acme/tool:1', 'ghcr.io/acme/api:1', 'ghcr.io/acme-evil/api:1', 'ghcr.io/other:1']
    .map((image) => `${image}=${isAllowedImage(parseImage(image), allowed)}`);
  assert.deepEqual(verdicts, [
    'registry.example.com/a:1=true', 'registry.example.com.evil.io/a:1=false', 'nginx:1=true', 'acme/tool:1=false',
    'ghcr.io/acme/api:1=true', 'ghcr.io/acme-evil/api:1=false', 'ghcr.io/other:1=false',
  ]);
  // No allowlist configured: the rule is off.
  assert.deepEqual(runRule('hm/registry-allowlist', [deployment('a', { container: { image: 'nginx' } })], {}), []);
  assert.deepEqual(runRule('hm/registry-allowlist', [deployment('a', { container: { image: 'nginx' } })], { allowedRegistries: [] }), []);
});

test('the selector indexes answer exactly what a full scan would', () => {
  const labelSets: Record<string, string>[] = [
    { app: 'a', tier: 'web' }, { app: 'a', tier: 'db' }, { app: 'b' }, { app: 'b', tier: 'web', canary: 'true' }, {},
  ];
  const selectors: Selector[] = [
    { matchLabels: {}, expressions: [] },
    { matchLabels: { app: 'a' }, expressions: [] },
    { matchLabels: { app: 'b', tier: 'web' }, expressions: [] },
    { matchLabels: {}, expressions: [{ key: 'tier', operator: 'In', values: ['web', 'db'] }] },
    { matchLabels: { app: 'a' }, expressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] },
    { matchLabels: {}, expressions: [{ key: 'canary', operator: 'DoesNotExist', values: [] }] },
    { matchLabels: {}, expressions: [{ key: 'canary', operator: 'Exists', values: [] }] },
    { matchLabels: { app: 'c' }, expressions: [] },
  ];
  const byLabels = new LabelIndex<number>();
  labelSets.forEach((labels, i) => byLabels.add(labels, i));
  const bySelector = new SelectorIndex<number>();
  selectors.forEach((s, i) => bySelector.add(s, i));
  for (const s of selectors) {
    const scan = labelSets.flatMap((labels, i) => (selectorMatches(s, labels) ? [i] : []));
    assert.deepEqual(byLabels.select(s).sort(), scan, JSON.stringify(s));
  }
  for (const labels of labelSets) {
    const scan = selectors.flatMap((s, i) => (selectorMatches(s, labels) ? [i] : []));
    assert.deepEqual(bySelector.selecting(labels).sort(), scan, JSON.stringify(labels));
  }
  assert.equal(parseLabelSelector(null), undefined);
  assert.deepEqual(parseLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Bogus' }] }), { matchLabels: {}, expressions: [] });
});

test('the removed-API table is consistent and looked up by apiVersion and kind', () => {
  const seen = new Set<string>();
  for (const api of REMOVED_APIS) {
    const key = `${api.apiVersion} ${api.kind}`;
    assert.ok(!seen.has(key), `duplicate ${key}`);
    seen.add(key);
    assert.ok(minorAtMost(api.deprecatedIn, api.removedIn), key);
    if (api.replacementSince) assert.ok(minorAtMost(api.replacementSince, api.removedIn), key);
    assert.ok(api.replacement !== undefined || api.note !== undefined, `${key}: no migration advice`);
  }
  assert.equal(removedApi('batch/v1beta1', 'CronJob')?.removedIn, '1.25');
  assert.equal(removedApi('extensions/v1beta1', 'Ingress')?.removedIn, '1.22');
  assert.equal(removedApi('extensions/v1beta1', 'Deployment')?.removedIn, '1.16');
  assert.equal(removedApi('storage.k8s.io/v1beta1', 'CSIStorageCapacity')?.removedIn, '1.27');
  assert.equal(removedApi('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration')?.removedIn, '1.32');
  assert.equal(removedApi('batch/v1', 'CronJob'), undefined);
  assert.deepEqual(['1.30', 'v1.30.2', '1.9+', 'latest'].map((v) => parseMinor(v)), [[1, 30], [1, 30], [1, 9], undefined]);
  assert.equal(minorAtMost('1.9', '1.16'), true);
  assert.equal(minorAtMost('1.16', '1.9'), false);
});
