import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JsonObject, JsonValue } from '../../src/core/json.js';
import {
  FieldPathError,
  getPath,
  lookupField,
  matchFields,
  setPath,
  splitFieldPath,
  splitPath,
  valueAt,
  walkFieldSpec,
} from '../../src/render/fieldpath.js';

function deployment(): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', annotations: { 'a.b/c': 'x', 'x.y': 'z' } },
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'app', image: 'nginx', args: ['--a', '-jar'], ports: [{ containerPort: 80 }] },
            { name: 'myapp-sidecar', image: 'busybox' },
          ],
        },
      },
    },
  };
}

describe('splitPath / splitFieldPath (kyaml PathSplitter, SmarterPathSplitter)', () => {
  const cases: [string, string[]][] = [
    ['spec.replicas', ['spec', 'replicas']],
    ['metadata.annotations.x\\.y', ['metadata', 'annotations', 'x.y']],
    ['metadata.annotations.[a.b/c]', ['metadata', 'annotations', 'a.b/c']],
    ['spec.containers.[name=com.foo.app].image', ['spec', 'containers', '[name=com.foo.app]', 'image']],
    ['spec.containers.[name=app].image', ['spec', 'containers', '[name=app]', 'image']],
    ['metadata.[annotations].x', ['metadata', '[annotations]', 'x']],
    ['a..b', ['a', '', 'b']],
    ['', ['']],
  ];
  for (const [input, expected] of cases) {
    it(`splits ${JSON.stringify(input)}`, () => assert.deepEqual(splitFieldPath(input), expected));
  }
  it('splits field-spec paths on / with escapes', () => {
    assert.deepEqual(splitPath('metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret', '/'), [
      'metadata',
      'annotations',
      'nginx.ingress.kubernetes.io/auth-secret',
    ]);
  });
});

describe('lookupField (kyaml PathGetter)', () => {
  const cases: [string, JsonValue | undefined][] = [
    ['metadata.name', 'web'],
    ['spec.template.spec.containers.1.image', 'busybox'],
    ['spec.template.spec.containers.-.image', 'busybox'],
    ['spec.template.spec.containers.[name=app].image', 'nginx'],
    // Exact match, not a regex, in sources.
    ['spec.template.spec.containers.[name=ap.*].image', undefined],
    ['spec.template.spec.containers.[name=app].args.[=-jar]', '-jar'],
    ['spec.template.spec.containers.5.image', undefined],
    [' spec . template..spec.containers.0.name', 'app'],
    ['metadata.annotations.[a.b/c]', 'x'],
    ['metadata.missing.deeper', undefined],
  ];
  for (const [path, expected] of cases) {
    it(`looks up ${JSON.stringify(path)}`, () => assert.deepEqual(getPath(deployment(), path), expected));
  }
  it('reports the concrete path', () => {
    const loc = lookupField(deployment(), splitFieldPath('spec.template.spec.containers.[name=myapp-sidecar].image'));
    assert.deepEqual(loc?.path, ['spec', 'template', 'spec', 'containers', 1, 'image']);
  });
  const errors = ['spec.template.spec.containers.*.image', 'spec.template.spec.containers.-1.image', 'metadata.name.x', 'spec.template.spec.containers.image'];
  for (const path of errors) {
    it(`rejects ${JSON.stringify(path)}`, () => assert.throws(() => getPath(deployment(), path), FieldPathError));
  }
});

describe('matchFields (kyaml PathMatcher)', () => {
  const paths = (obj: JsonObject, path: string, create?: 'scalar' | 'map' | 'seq') =>
    matchFields(obj, splitFieldPath(path), create).map((l) => l.path);

  it('matches every element for *', () => {
    assert.deepEqual(paths(deployment(), 'spec.template.spec.containers.*.image'), [
      ['spec', 'template', 'spec', 'containers', 0, 'image'],
      ['spec', 'template', 'spec', 'containers', 1, 'image'],
    ]);
  });
  it('treats [k=v] as an unanchored regex on the element text', () => {
    assert.equal(paths(deployment(), 'spec.template.spec.containers.[name=app].image').length, 2);
    assert.equal(paths(deployment(), 'spec.template.spec.containers.[name=^app$].image').length, 1);
  });
  it('returns the primitive element itself for [=v]', () => {
    assert.deepEqual(paths(deployment(), 'spec.template.spec.containers.0.args.[=jar]'), [
      ['spec', 'template', 'spec', 'containers', 0, 'args', 1],
    ]);
  });
  it('returns nothing for a missing field without create', () => {
    assert.deepEqual(paths(deployment(), 'spec.replicas'), []);
    assert.deepEqual(paths(deployment(), 'spec.template.spec.containers.[name=zz].image'), []);
  });
  it('creates intermediate maps and lists by the next part', () => {
    const obj: JsonObject = { kind: 'ConfigMap' };
    const [loc] = matchFields(obj, splitFieldPath('spec.list.[name=z].val'), 'scalar');
    assert.ok(loc?.created);
    assert.deepEqual(obj, { kind: 'ConfigMap', spec: { list: [{ name: 'z', val: null }] } });
    const obj2: JsonObject = {};
    matchFields(obj2, splitFieldPath('spec.list.0.val'), 'map');
    assert.deepEqual(obj2, { spec: { list: [{ val: {} }] } });
  });
  it('appends when the index equals the length and create is set', () => {
    const obj = deployment();
    const locs = matchFields(obj, splitFieldPath('spec.template.spec.containers.2.image'), 'scalar');
    assert.deepEqual(locs.map((l) => l.path), [['spec', 'template', 'spec', 'containers', 2, 'image']]);
    assert.throws(() => matchFields(obj, splitFieldPath('spec.template.spec.containers.9.image'), 'scalar'), FieldPathError);
  });
  it('loses writes below a null node, as kyaml does', () => {
    const obj: JsonObject = { data: { n: null } };
    assert.equal(matchFields(obj, splitFieldPath('data.n.x'), 'scalar').length, 1);
    assert.deepEqual(obj, { data: { n: null } });
  });
  it('errors when a field step meets a list or scalar', () => {
    assert.throws(() => matchFields(deployment(), splitFieldPath('spec.template.spec.containers.image')), FieldPathError);
    assert.throws(() => matchFields(deployment(), splitFieldPath('metadata.name.x'), 'scalar'), FieldPathError);
  });
  it('sets through setPath and reports the concrete paths', () => {
    const obj = deployment();
    const set = setPath(obj, 'spec.template.spec.containers.*.image', 'x:1');
    assert.equal(set.length, 2);
    assert.equal(getPath(obj, 'spec.template.spec.containers.1.image'), 'x:1');
    setPath(obj, 'metadata.labels.app', 'web', { create: true });
    assert.deepEqual(getPath(obj, 'metadata.labels'), { app: 'web' });
  });
});

describe('walkFieldSpec (kustomize fieldspec filter)', () => {
  const visited = (obj: JsonValue, path: string, create?: 'scalar' | 'map' | 'seq') => {
    const out: [string, JsonValue][] = [];
    walkFieldSpec(obj, path, (loc, value) => out.push([loc.path.join('/'), value]), create ? { create } : {});
    return out;
  };
  it('walks lists implicitly', () => {
    assert.deepEqual(visited(deployment(), 'spec/template/spec/containers/image'), [
      ['spec/template/spec/containers/0/image', 'nginx'],
      ['spec/template/spec/containers/1/image', 'busybox'],
    ]);
    assert.deepEqual(visited(deployment(), 'spec/template/spec/containers[]/name').length, 2);
  });
  it('skips missing fields unless creating', () => {
    assert.deepEqual(visited(deployment(), 'spec/template/spec/containers/command'), []);
    const obj: JsonObject = { metadata: { name: 'a' } };
    assert.deepEqual(visited(obj, 'metadata/labels', 'map'), [['metadata/labels', {}]]);
    assert.deepEqual(obj, { metadata: { name: 'a', labels: {} } });
  });
  it('errors on a scalar in the middle of the path', () => {
    assert.throws(() => visited({ spec: 'x' }, 'spec/containers/args'), FieldPathError);
  });
  it('finds values through lookups the engine can reuse', () => {
    const obj = deployment();
    const loc = lookupField(obj, ['spec', 'template']);
    assert.ok(loc);
    assert.deepEqual(Object.keys(valueAt(obj, loc) as JsonObject), ['spec']);
  });
});
