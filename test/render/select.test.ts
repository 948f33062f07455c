import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticError } from '../../src/core/diagnostic.js';
import type { JsonObject } from '../../src/core/json.js';
import { idOfObject, Resource } from '../../src/core/resource.js';
import { RenderCode } from '../../src/render/errors.js';
import type { Selector } from '../../src/render/kustomization.js';
import { matchesLabelSelector, parseLabelSelector } from '../../src/render/label-selector.js';
import { ResMap } from '../../src/render/resmap.js';
import { effectiveNamespace, idsEqual, selectResources } from '../../src/render/select.js';

/**
 * Objects as an overlay sees them after its base applied `namePrefix: p-`:
 * each has its original id as previous id. Expected selections come from
 * `kubectl kustomize` on that overlay, one targeted patch per selector.
 */
const OBJECTS: JsonObject[] = [
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels: { app: 'web', tier: 'front' }, annotations: { team: 'a' } } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'prod', labels: { app: 'api' }, annotations: { team: 'b' } } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { app: 'web' } } },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'cr' } },
  { apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'foo', labels: { tier: 'back' } } },
];

function prefixed(): ResMap {
  const map = new ResMap();
  for (const obj of OBJECTS) {
    const r = new Resource(structuredClone(obj), { file: '/base/r.yaml', line: 1 });
    r.rememberId();
    (r.obj.metadata as JsonObject).name = `p-${r.name}`;
    map.add(r);
  }
  return map;
}

const ALL = ['ClusterRole/p-cr', 'ConfigMap/p-cfg', 'Deployment/p-api', 'Deployment/p-web', 'Foo/p-foo'];

const CASES: [Selector, string[]][] = [
  [{ kind: 'Deployment' }, ['Deployment/p-api', 'Deployment/p-web']],
  [{ name: 'web' }, ['Deployment/p-web']],
  [{ name: 'p-web' }, ['Deployment/p-web']],
  [{ name: 'p-.*' }, ALL],
  [{ name: 'we' }, []],
  [{ name: 'p-web|cfg' }, ['ConfigMap/p-cfg', 'Deployment/p-web']],
  [{ namespace: 'default' }, ['ConfigMap/p-cfg', 'Deployment/p-web', 'Foo/p-foo']],
  [{ namespace: 'prod' }, ['Deployment/p-api']],
  [{ group: 'apps' }, ['Deployment/p-api', 'Deployment/p-web']],
  [{ version: 'v1' }, ALL],
  [{ kind: 'Deploy.*|ConfigMap' }, ['ConfigMap/p-cfg', 'Deployment/p-api', 'Deployment/p-web']],
  [{ group: 'example.com', kind: 'Foo' }, ['Foo/p-foo']],
  [{ kind: 'ClusterRole', namespace: 'default' }, []],
  [{ labelSelector: 'app=web' }, ['ConfigMap/p-cfg', 'Deployment/p-web']],
  [{ labelSelector: 'app in (web,api),tier!=front' }, ['ConfigMap/p-cfg', 'Deployment/p-api']],
  [{ labelSelector: '!tier' }, ['ClusterRole/p-cr', 'ConfigMap/p-cfg', 'Deployment/p-api']],
  [{ labelSelector: 'tier' }, ['Deployment/p-web', 'Foo/p-foo']],
  [{ labelSelector: 'app notin (web)' }, ['ClusterRole/p-cr', 'Deployment/p-api', 'Foo/p-foo']],
  [{ labelSelector: 'app==web,tier=front' }, ['Deployment/p-web']],
  [{ annotationSelector: 'team=a' }, ['Deployment/p-web']],
  [{ annotationSelector: 'team' }, ['Deployment/p-api', 'Deployment/p-web']],
];

describe('selectResources', () => {
  for (const [selector, expected] of CASES) {
    it(JSON.stringify(selector), () => {
      const names = selectResources(prefixed(), selector).map((r) => `${r.kind}/${r.name}`).sort();
      assert.deepEqual(names, expected);
    });
  }

  it('matches the original or current name, not intermediate ones', () => {
    const map = prefixed();
    const web = map.all().find((r) => r.name === 'p-web')!;
    web.rememberId();
    (web.obj.metadata as JsonObject).name = 'p-web-s';
    assert.equal(selectResources(map, { name: 'p-web' }).length, 0);
    assert.equal(selectResources(map, { name: 'web' }).length, 1);
    assert.equal(selectResources(map, { name: 'p-web-s' }).length, 1);
  });

  it('refuses a bad regex or selector with KUST_SELECTOR_INVALID', () => {
    for (const selector of [{ name: '(' }, { labelSelector: 'a b' }, { labelSelector: 'a in b' }, { annotationSelector: 'x=-bad-' }]) {
      assert.throws(() => selectResources(prefixed(), selector, { file: '/k.yaml', line: 3 }), (e: unknown) =>
        e instanceof DiagnosticError && e.code === RenderCode.SelectorInvalid && e.diagnostics[0]?.line === 3);
    }
  });
});

describe('label selectors', () => {
  const labels = { app: 'web', 'example.com/ver': '10' };
  const table: [string, boolean][] = [
    ['', true],
    ['app', true],
    ['!app', false],
    ['app=web', true],
    ['app = web , example.com/ver', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app notin ()', true],
    ['example.com/ver>9', true],
    ['example.com/ver<10', false],
    ['app in (a,web)', true],
  ];
  for (const [expression, matches] of table) {
    it(`"${expression}" → ${matches}`, () => assert.equal(matchesLabelSelector(parseLabelSelector(expression), labels), matches));
  }
});

describe('ids', () => {
  it('compare namespaces in effective form', () => {
    const cm = (namespace: string) => idOfObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace } });
    const role = (namespace: string) => idOfObject({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'a', namespace } });
    assert.equal(effectiveNamespace(cm('')), 'default');
    assert.ok(idsEqual(cm(''), cm('default')));
    assert.ok(!idsEqual(cm('x'), cm('default')));
    assert.ok(idsEqual(role('x'), role('')), 'cluster-scoped ids ignore the namespace');
  });
});
