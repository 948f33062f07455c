import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RenderCode } from '../../src/render/errors.js';
import { expectYaml, KustHarness } from '../harness/kust.js';

// Behaviour checked against `kubectl kustomize` (kustomize v5.5) on the same trees.

const CM = `
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
`;

function withConfigMap(kustomization: string): KustHarness {
  return new KustHarness().writeK('.', kustomization).writeF('cm.yaml', CM);
}

describe('loading a kustomization', () => {
  it('warns about each deprecated field once, in kustomize order and words, and still honours them', () => {
    const h = withConfigMap(`
vars: []
patchesStrategicMerge: []
patchesJson6902: []
imageTags: []
commonLabels: {a: b}
bases: []
resources: [cm.yaml]
`);
    const result = h.render('.');
    const fix = "Run 'kustomize edit fix' to update your Kustomization automatically.";
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.severity, w.message]),
      [
        [RenderCode.Deprecated, 'warning', `'bases' is deprecated. Please use 'resources' instead. ${fix}`],
        [RenderCode.Deprecated, 'warning', `'commonLabels' is deprecated. Please use 'labels' instead. ${fix}`],
        [RenderCode.Deprecated, 'warning', `'imageTags' is deprecated. Please use 'images' instead. ${fix}`],
        [RenderCode.Deprecated, 'warning', `'patchesJson6902' is deprecated. Please use 'patches' instead. ${fix}`],
        [RenderCode.Deprecated, 'warning', `'patchesStrategicMerge' is deprecated. Please use 'patches' instead. ${fix}`],
        [RenderCode.Deprecated, 'warning', `'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL] ${fix}`],
      ],
    );
    expectYaml(result, `
apiVersion: v1
kind: ConfigMap
metadata:
  labels:
    a: b
  name: cm
`);
  });

  it('bases are appended after resources and imageTags after images', () => {
    const h = new KustHarness()
      .writeK('.', `
bases: [base]
resources: [cm.yaml]
sortOptions: {order: fifo}
`)
      .writeF('cm.yaml', CM)
      .writeK('base', 'resources: [pod.yaml]')
      .writeF('base/pod.yaml', `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: nginx}]
`);
    const result = h.render('.');
    assert.deepEqual(result.resources.map((r) => r.kind), ['ConfigMap', 'Pod']);
  });

  it('rejects an unknown field with its line and a suggestion', () => {
    const [d] = withConfigMap(`
namePrefix: a-
resourcez: [cm.yaml]
`).renderError('.');
    assert.equal(d!.code, RenderCode.UnknownField);
    assert.equal(d!.line, 2);
    assert.equal(d!.file, '/app/kustomization.yaml');
    assert.match(d!.hint ?? '', /resources/);
  });

  it('rejects unknown fields inside nested structures too, each with its line', () => {
    const diagnostics = withConfigMap(`
resources: [cm.yaml]
patches:
- patch: '{}'
  target:
    kindd: ConfigMap
images:
- name: nginx
  newtagg: "1"
`).renderError('.');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line, d.yamlPath]),
      [
        [RenderCode.UnknownField, 5, 'patches[0].target.kindd'],
        [RenderCode.UnknownField, 8, 'images[0].newtagg'],
      ],
    );
  });

  it('label values must be strings, with YAML 1.1 rules: 1, true and y are not', () => {
    for (const value of ['1', 'true', 'y', 'on', '0x1f']) {
      const [d] = withConfigMap(`resources: [cm.yaml]\nlabels:\n- pairs:\n    a: ${value}\n`).renderError('.');
      assert.equal(d!.code, RenderCode.BadFieldType, value);
      assert.equal(d!.line, 4, value);
    }
  });

  it('accepts quoted values, null map values, timestamps-looking strings and case-insensitive keys; later keys win', () => {
    const result = withConfigMap(`
Resources: [cm.yaml]
commonAnnotations: {a: "1", b: ~, c: 2024-01-01}
namePrefix: x-
namePrefix: y-
`).render('.');
    expectYaml(result, `
apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    a: "1"
    b: ""
    c: "2024-01-01"
  name: y-cm
`);
  });

  it('count must be an integer', () => {
    const [d] = withConfigMap('resources: [cm.yaml]\nreplicas: [{name: cm, count: 1.5}]\n').renderError('.');
    assert.equal(d!.code, RenderCode.BadFieldType);
  });

  it('an empty kustomization, or one with only apiVersion and kind, is refused', () => {
    assert.deepEqual(new KustHarness().writeK('.', '# nothing\n').errorCodes('.'), [RenderCode.EmptyKustomization]);
    assert.deepEqual(
      new KustHarness().writeK('.', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n').errorCodes('.'),
      [RenderCode.EmptyKustomization],
    );
  });

  it('kind must be Kustomization or Component, with the matching apiVersion', () => {
    assert.deepEqual(withConfigMap('kind: Foo\nresources: [cm.yaml]\n').errorCodes('.'), [RenderCode.BadKind]);
    assert.deepEqual(
      withConfigMap('kind: Component\napiVersion: kustomize.config.k8s.io/v1beta1\nresources: [cm.yaml]\n').errorCodes('.'),
      [RenderCode.BadKind],
    );
  });

  it('finds kustomization.yaml, .yml or Kustomization, and refuses none or several', () => {
    const h = new KustHarness().writeF('a/Kustomization', 'resources: [cm.yaml]\n').writeF('a/cm.yaml', CM);
    assert.equal(h.render('a').resources.length, 1);
    h.writeF('a/kustomization.yml', 'resources: [cm.yaml]\n');
    assert.deepEqual(h.errorCodes('a'), [RenderCode.MultipleKustomizations]);
    h.writeF('b/cm.yaml', CM);
    assert.deepEqual(h.errorCodes('b'), [RenderCode.NoKustomization]);
  });

  it('a YAML syntax error in the kustomization names its line', () => {
    const [d] = new KustHarness().writeK('.', 'resources: [cm.yaml\n').renderError('.');
    assert.equal(d!.code, RenderCode.YamlSyntax);
    assert.ok((d!.line ?? 0) >= 1);
  });
});

describe('accumulating resources', () => {
  it('a missing entry is reported at its line in the kustomization', () => {
    const [d] = withConfigMap('resources:\n- cm.yaml\n- nope.yaml\n').renderError('.');
    assert.equal(d!.code, RenderCode.MissingResource);
    assert.equal(d!.line, 3);
  });

  it('files must be under the root unless the load restrictor is none; directories may be anywhere', () => {
    const h = new KustHarness()
      .writeF('shared/cm.yaml', CM)
      .writeK('shared/base', 'resources: [../cm.yaml]\n')
      .writeK('app', 'resources: [../shared/cm.yaml]\n')
      .writeK('app2', 'resources: [../shared/other]\n')
      .writeK('shared/other', 'resources: [pod.yaml]\n')
      .writeF('shared/other/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n');
    assert.deepEqual(h.errorCodes('app'), [RenderCode.OutsideRoot]);
    assert.equal(h.render('app', { loadRestrictor: 'none' }).resources.length, 1);
    assert.equal(h.render('app2').resources.length, 1);
    assert.deepEqual(h.errorCodes('shared/base'), [RenderCode.OutsideRoot]);
  });

  it('a base that contains or equals a root being built is a cycle', () => {
    const h = new KustHarness().writeK('a', 'resources: [../b]\n').writeK('b', 'resources: [../a]\n');
    assert.deepEqual(h.errorCodes('a'), [RenderCode.Cycle]);
    const up = withConfigMap('resources: [cm.yaml]\n').writeK('sub', 'resources: [..]\n');
    assert.deepEqual(up.errorCodes('sub'), [RenderCode.Cycle]);
  });

  it('remote bases are refused as unsupported offline', () => {
    for (const url of ['https://github.com/org/repo//base?ref=v1', 'github.com/org/repo/base?ref=main', 'git@github.com:org/repo.git']) {
      assert.deepEqual(withConfigMap(`resources:\n- ${url}\n`).errorCodes('.'), [RenderCode.RemoteUnsupported], url);
    }
  });

  it('duplicate ids are refused; no namespace equals "default" for namespaced kinds', () => {
    const h = new KustHarness().writeK('.', 'resources: [a.yaml, b.yaml]\n');
    h.writeF('a.yaml', CM).writeF('b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: default}\n');
    const [d] = h.renderError('.');
    assert.equal(d!.code, RenderCode.DuplicateId);
    assert.equal(d!.file, '/app/b.yaml');
  });

  it('expands List kinds (items queued after the file), skips empty documents, keeps lists without items', () => {
    const h = new KustHarness().writeK('.', 'resources: [list.yaml]\nsortOptions: {order: fifo}\n').writeF('list.yaml', `
---
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}
- {apiVersion: v1, kind: SecretList, items: [{apiVersion: v1, kind: Secret, metadata: {name: s}}]}
- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
---
# just a comment
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
---
apiVersion: v1
kind: WidgetList
`);
    expectYaml(h.render('.'), `
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
---
apiVersion: v1
kind: WidgetList
metadata: {}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: a
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b
---
apiVersion: v1
kind: Secret
metadata:
  name: s
`);
  });

  it('an object without kind or without metadata.name is refused at its line', () => {
    const noKind = new KustHarness().writeK('.', 'resources: [r.yaml]\n').writeF('r.yaml', 'apiVersion: v1\nmetadata: {name: a}\n');
    assert.deepEqual(noKind.errorCodes('.'), [RenderCode.InvalidResource]);
    const noName = new KustHarness().writeK('.', 'resources: [r.yaml]\n').writeF('r.yaml', `${CM}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n`);
    const [d] = noName.renderError('.');
    assert.equal(d!.code, RenderCode.InvalidResource);
    assert.equal(d!.line, 6);
  });

  it('a Component under resources, or a Kustomization under components, is refused', () => {
    const h = withConfigMap('resources: [cm.yaml, comp]\n').writeK('comp', 'kind: Component\nnamePrefix: c-\n');
    assert.deepEqual(h.errorCodes('.'), [RenderCode.BadKind]);
    const k = withConfigMap('resources: [cm.yaml]\ncomponents: [base]\n').writeK('base', 'namePrefix: b-\n');
    assert.deepEqual(k.errorCodes('.'), [RenderCode.BadKind]);
  });

  it('helm charts and plugin fields are refused with their own codes', () => {
    assert.deepEqual(withConfigMap('resources: [cm.yaml]\nhelmCharts: [{name: x}]\n').errorCodes('.'), [RenderCode.HelmUnsupported]);
    assert.deepEqual(withConfigMap('resources: [cm.yaml]\nhelmChartInflationGenerator: [{chartName: x}]\n').errorCodes('.'), [RenderCode.HelmUnsupported]);
    for (const field of ['generators', 'transformers', 'validators']) {
      const [d] = withConfigMap(`resources: [cm.yaml]\n${field}: [plugin.yaml]\n`).renderError('.');
      assert.equal(d!.code, RenderCode.PluginUnsupported, field);
      assert.equal(d!.line, 2, field);
    }
  });
});
