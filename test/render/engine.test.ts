import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { ParsedDocument } from '../../src/yaml/index.js';
import { expectYaml, KustHarness } from '../harness/kust.js';

// Expected output below is what `kubectl kustomize` (kustomize v5.5) printed for the same trees.

describe('renderKustomization', () => {
  it('components apply in place: parent resources and generators first, component transformers over everything, parent transformers last', () => {
    const h = new KustHarness();
    h.writeF('base/dep.yaml', `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.0
        envFrom:
        - configMapRef: {name: base-cm}
`);
    h.writeK('base', `
resources: [dep.yaml]
configMapGenerator:
- name: base-cm
  literals: [a=1]
`);
    h.writeK('c1', `
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
namePrefix: c1-
resources: [svc.yaml]
configMapGenerator:
- name: c1-cm
  literals: [b=2]
commonLabels: {comp: one}
`);
    h.writeF('c1/svc.yaml', `
apiVersion: v1
kind: Service
metadata: {name: svc}
spec: {selector: {app: web}}
`);
    h.writeK('c2', `
kind: Component
images: [{name: nginx, newTag: "2.0"}]
replicas: [{name: web, count: 5}]
`);
    h.writeK('ov', `
resources: [../base]
components: [../c1, ../c2]
namePrefix: o-
namespace: prod
configMapGenerator:
- name: ov-cm
  literals: [c=3]
`);
    expectYaml(h.render('ov'), `
apiVersion: v1
data:
  a: "1"
kind: ConfigMap
metadata:
  labels:
    comp: one
  name: o-c1-base-cm-h29d89cmmt
  namespace: prod
---
apiVersion: v1
data:
  b: "2"
kind: ConfigMap
metadata:
  labels:
    comp: one
  name: o-c1-c1-cm-fmbk44khfc
  namespace: prod
---
apiVersion: v1
data:
  c: "3"
kind: ConfigMap
metadata:
  labels:
    comp: one
  name: o-c1-ov-cm-c966fbk687
  namespace: prod
---
apiVersion: v1
kind: Service
metadata:
  labels:
    comp: one
  name: o-c1-svc
  namespace: prod
spec:
  selector:
    app: web
    comp: one
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    comp: one
  name: o-c1-web
  namespace: prod
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
      comp: one
  template:
    metadata:
      labels:
        app: web
        comp: one
    spec:
      containers:
      - envFrom:
        - configMapRef:
            name: o-c1-base-cm-h29d89cmmt
        image: nginx:2.0
        name: web
`);
  });

  it('buildMetadata: origin and transformation annotations relative to the top, managed-by label', () => {
    const h = new KustHarness();
    h.writeF('base/cm.yaml', `
apiVersion: v1
kind: ConfigMap
metadata:
  name: x
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - name: c
        image: nginx
`);
    h.writeK('base', `
resources: [cm.yaml]
namePrefix: b-
configMapGenerator:
- name: gen
  literals: [a=b]
`);
    h.writeK('comp', `
kind: Component
apiVersion: kustomize.config.k8s.io/v1alpha1
commonAnnotations: {c: d}
resources: [s.yaml]
`);
    h.writeF('comp/s.yaml', `
apiVersion: v1
kind: Service
metadata:
  name: s
`);
    h.writeK('ov', `
buildMetadata: [originAnnotations, transformerAnnotations, managedByLabel]
resources: [../base]
components: [../comp]
namespace: ns
namePrefix: o-
images:
- name: nginx
  newTag: "1.2"
labels:
- pairs: {x: "y"}
replicas:
- name: b-d
  count: 3
`);
    expectYaml(h.render('ov'), `
apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  annotations:
    alpha.config.kubernetes.io/transformations: |
      - configuredIn: ../base/kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: PrefixTransformer
      - configuredIn: ../comp/kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: AnnotationsTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: NamespaceTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: PrefixTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ReplicaCountTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ImageTagTransformer
    c: d
    config.kubernetes.io/origin: |
      configuredIn: ../base/kustomization.yaml
      configuredBy:
        apiVersion: builtin
        kind: ConfigMapGenerator
  labels:
    app.kubernetes.io/managed-by: kustomize-(devel)
    x: "y"
  name: o-b-gen-4h2mbtbbt6
  namespace: ns
---
apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    alpha.config.kubernetes.io/transformations: |
      - configuredIn: ../base/kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: PrefixTransformer
      - configuredIn: ../comp/kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: AnnotationsTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: NamespaceTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: PrefixTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ReplicaCountTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ImageTagTransformer
    c: d
    config.kubernetes.io/origin: |
      path: ../base/cm.yaml
  labels:
    app.kubernetes.io/managed-by: kustomize-(devel)
    x: "y"
  name: o-b-x
  namespace: ns
---
apiVersion: v1
kind: Service
metadata:
  annotations:
    alpha.config.kubernetes.io/transformations: |
      - configuredIn: ../comp/kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: AnnotationsTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: NamespaceTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: PrefixTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ReplicaCountTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ImageTagTransformer
    c: d
    config.kubernetes.io/origin: |
      path: ../comp/s.yaml
  labels:
    app.kubernetes.io/managed-by: kustomize-(devel)
    x: "y"
  name: o-s
  namespace: ns
---
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    alpha.config.kubernetes.io/transformations: |
      - configuredIn: ../base/kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: PrefixTransformer
      - configuredIn: ../comp/kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: AnnotationsTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: NamespaceTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: PrefixTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ReplicaCountTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: ImageTagTransformer
    c: d
    config.kubernetes.io/origin: |
      path: ../base/cm.yaml
  labels:
    app.kubernetes.io/managed-by: kustomize-(devel)
    x: "y"
  name: o-b-d
  namespace: ns
spec:
  replicas: 3
  template:
    metadata:
      annotations:
        c: d
    spec:
      containers:
      - image: nginx:1.2
        name: c
`);
  });

  it('a generator merging into a base object keeps the base origin', () => {
    const h = new KustHarness();
    h.writeK('base', `
configMapGenerator:
- name: cm
  literals: [a=b]
resources: [r.yaml]
`);
    h.writeF('base/r.yaml', `
apiVersion: v1
kind: ConfigMap
metadata: {name: plain}
`);
    h.writeK('ov', `
buildMetadata: [originAnnotations, transformerAnnotations]
resources: [../base]
configMapGenerator:
- name: cm
  behavior: merge
  literals: [c=d]
- name: plain
  behavior: merge
  literals: [x=y]
`);
    expectYaml(h.render('ov'), `
apiVersion: v1
data:
  a: b
  c: d
kind: ConfigMap
metadata:
  annotations:
    config.kubernetes.io/origin: |
      configuredIn: ../base/kustomization.yaml
      configuredBy:
        apiVersion: builtin
        kind: ConfigMapGenerator
  name: cm-fh478f99mk
---
apiVersion: v1
data:
  x: "y"
kind: ConfigMap
metadata:
  annotations:
    config.kubernetes.io/origin: |
      path: ../base/r.yaml
  name: plain
`);
  });

  it('drops local-config objects, strips internal annotations, prints annotation values as written', () => {
    const h = new KustHarness();
    h.writeK('.', `
resources: [objects.yaml]
`);
    h.writeF('objects.yaml', `
apiVersion: v1
kind: ConfigMap
metadata:
  name: kept
  annotations:
    config.kubernetes.io/local-config: "false"
    port: 8080
    enabled: true
    empty:
    internal.config.kubernetes.io/path: objects.yaml
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: dropped
  annotations:
    config.kubernetes.io/local-config: "true"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: also-dropped
  annotations:
    config.kubernetes.io/local-config: "yes"
---
apiVersion: v1
kind: Secret
metadata:
  name: no-annotations-left
  annotations:
    config.kubernetes.io/index: "0"
`);
    expectYaml(h.render('.'), `
apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    config.kubernetes.io/local-config: "false"
    empty: ""
    enabled: "true"
    port: "8080"
  name: kept
---
apiVersion: v1
kind: Secret
metadata:
  name: no-annotations-left
`);
  });

  it('returns the output objects in output order, and reports warnings as they happen', () => {
    const h = new KustHarness()
      .writeK('.', 'bases: [base]\nnamePrefix: p-\n')
      .writeK('base', 'resources: [cm.yaml]\nimageTags: []\n')
      .writeF('base/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    const seen: Diagnostic[] = [];
    const result = h.render('.', { onWarning: (w) => seen.push(w) });
    assert.deepEqual(result.resources.map((r) => r.name), ['p-c']);
    assert.deepEqual(seen, result.warnings);
    assert.deepEqual(
      result.warnings.map((w) => [w.file, w.message.split(' ')[1]]),
      [
        ['/app/kustomization.yaml', 'is'],
        ['/app/base/kustomization.yaml', 'is'],
      ],
    );
    assert.equal(result.resources[0]!.origin.file, '/app/base/cm.yaml');
  });

  it('parses each file once per shared fileCache', () => {
    const h = new KustHarness()
      .writeK('a', 'resources: [../base]\nnamePrefix: a-\n')
      .writeK('b', 'resources: [../base]\nnamePrefix: b-\n')
      .writeK('base', 'resources: [cm.yaml]\n')
      .writeF('base/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    const fileCache = new Map<string, readonly ParsedDocument[]>();
    h.render('a', { fileCache });
    const parsed = fileCache.get('/app/base/cm.yaml');
    assert.ok(parsed);
    expectYaml(h.render('b', { fileCache }), `
apiVersion: v1
kind: ConfigMap
metadata:
  name: b-c
`);
    assert.equal(fileCache.get('/app/base/cm.yaml'), parsed);
  });

  it('an empty result prints nothing', () => {
    const h = new KustHarness().writeK('.', 'namePrefix: x-\n');
    expectYaml(h.render('.'), '');
  });
});
